// Billing module (issues 5 and 6)
