// Whole-buffer UTF-8 validation with AVX2, after Keiser and Lemire, "Validating
// UTF-8 in less than one instruction per byte" (Software: Practice and
// Experience, 2021): three table lookups on nibbles classify each pair of
// adjacent bytes, and a saturating subtraction finds where a third or fourth
// byte must continue a sequence. Same rules as RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF, no cut sequence at the end.
#include "cformats.h"
#include <stdbool.h>
#include <stddef.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

#define TOO_SHORT (1 << 0)
#define TOO_LONG (1 << 1)
#define OVERLONG_3 (1 << 2)
#define TOO_LARGE (1 << 3)
#define SURROGATE (1 << 4)
#define OVERLONG_2 (1 << 5)
#define TOO_LARGE_1000 (1 << 6)
#define OVERLONG_4 (1 << 6)
#define TWO_CONTS (1 << 7)
#define CARRY (TOO_SHORT | TOO_LONG | TWO_CONTS)

#define TARGET __attribute__((target("avx2")))

/// The 16-entry table `t` in both lanes.
#define TABLE(...) _mm256_setr_epi8(__VA_ARGS__, __VA_ARGS__)

/// `input` shifted by `n` bytes towards the end, with the last bytes of `prev` in front.
#define PREV(input, prev, n) _mm256_alignr_epi8((input), _mm256_permute2x128_si256((prev), (input), 0x21), 16 - (n))

TARGET static inline __m256i high_nibbles(__m256i v) {
    return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
}

/// Errors among pairs of a byte and the one before it (prev1).
TARGET static inline __m256i special_cases(__m256i input, __m256i prev1) {
    const __m256i byte_1_high_table = TABLE(
        TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
        TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
        TOO_SHORT | OVERLONG_2,
        TOO_SHORT,
        TOO_SHORT | OVERLONG_3 | SURROGATE,
        TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
    const __m256i byte_1_low_table = TABLE(
        CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4,
        CARRY | OVERLONG_2,
        CARRY,
        CARRY,
        CARRY | TOO_LARGE,
        CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,
        CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000);
    const __m256i byte_2_high_table = TABLE(
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);
    __m256i byte_1_high = _mm256_shuffle_epi8(byte_1_high_table, high_nibbles(prev1));
    __m256i byte_1_low = _mm256_shuffle_epi8(byte_1_low_table, _mm256_and_si256(prev1, _mm256_set1_epi8(0x0F)));
    __m256i byte_2_high = _mm256_shuffle_epi8(byte_2_high_table, high_nibbles(input));
    return _mm256_and_si256(_mm256_and_si256(byte_1_high, byte_1_low), byte_2_high);
}

/// Errors of one 32-byte block given the block before it.
TARGET static inline __m256i block_errors(__m256i input, __m256i prev_input) {
    __m256i prev1 = PREV(input, prev_input, 1);
    __m256i sc = special_cases(input, prev1);
    __m256i prev2 = PREV(input, prev_input, 2);
    __m256i prev3 = PREV(input, prev_input, 3);
    // Only a lead byte 111_____ two bytes back, or 1111____ three back, leaves 0x80 or more.
    __m256i third = _mm256_subs_epu8(prev2, _mm256_set1_epi8((char)(0xE0 - 0x80)));
    __m256i fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8((char)(0xF0 - 0x80)));
    __m256i must23_80 = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
    return _mm256_xor_si256(must23_80, sc);
}

/// Nonzero where a sequence starts in the block's last three bytes and would continue past it.
TARGET static inline __m256i incomplete_end(__m256i input) {
    const __m256i max_value = _mm256_setr_epi8(
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, (char)(0xF0 - 1), (char)(0xE0 - 1), (char)(0xC0 - 1));
    return _mm256_subs_epu8(input, max_value);
}

TARGET static int valid_avx2(const unsigned char *p, size_t n) {
    __m256i error = _mm256_setzero_si256();
    __m256i prev_input = _mm256_setzero_si256();
    __m256i prev_incomplete = _mm256_setzero_si256();
    size_t i = 0;
    unsigned char tail[32];
    while (i < n) {
        __m256i input;
        if (n - i >= 32) {
            input = _mm256_loadu_si256((const __m256i *)(p + i));
        } else {
            // The last bytes, padded with ASCII spaces (valid, and cut nothing).
            memset(tail, 0x20, sizeof tail);
            memcpy(tail, p + i, n - i);
            input = _mm256_loadu_si256((const __m256i *)tail);
        }
        if (_mm256_movemask_epi8(input) == 0) {
            // All ASCII: only a sequence cut at the previous block's end is an error.
            error = _mm256_or_si256(error, prev_incomplete);
        } else {
            error = _mm256_or_si256(error, block_errors(input, prev_input));
            prev_incomplete = incomplete_end(input);
        }
        prev_input = input;
        i += 32;
    }
    error = _mm256_or_si256(error, prev_incomplete);
    return _mm256_testz_si256(error, error);
}

int robinson_utf8_valid(const unsigned char *p, size_t n) {
    // A load and a test of what the runtime found at startup: no cache of our own to race on.
    if (!__builtin_cpu_supports("avx2")) return -1;
    return valid_avx2(p, n);
}

#else

int robinson_utf8_valid(const unsigned char *p, size_t n) {
    (void)p;
    (void)n;
    return -1;
}

#endif
