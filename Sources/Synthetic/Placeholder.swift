// Synthetic test data
