#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt): parses the command line and runs the
/// fuzzing loop with `callback`. Called from each target's main, because
/// SwiftPM gives every executable a main of its own.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
