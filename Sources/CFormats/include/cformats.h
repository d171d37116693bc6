#ifndef ROBINSON_CFORMATS_H
#define ROBINSON_CFORMATS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// 1 when `p[0..<n]` is all UTF-8 (RFC 3629), 0 when not, -1 when this CPU
/// lacks the instructions (AVX2) and the caller must check itself.
int robinson_utf8_valid(const unsigned char *p, size_t n);

/// 1 when `fd` lies on a local disk file system whose `O_DIRECT` reads and
/// writes are plain block transfers (ext4, XFS, Btrfs); 0 for others (network,
/// overlay, tmpfs).
int robinson_direct_io_allowed(int fd);

/// How many pages of the file `fd` are in the page cache (`cachestat`, Linux
/// 6.5 and later), or -1 when the kernel cannot tell.
long robinson_cached_pages(int fd);

/// Turns `O_DIRECT` on (`on` nonzero) or off for the open file `fd`: 0 on
/// success, -1 with `errno` set when the file system refuses.
int robinson_set_direct(int fd, int on);

/// The bytes of `p[0..<64]` that end an unquoted CSV field (the delimiter, LF
/// or CR), as a mask: bit k set when `p[k]` is one. All 64 bytes must be
/// readable. Inline, so the record scanner's loop keeps it in registers.
static inline uint64_t robinson_field_ends(const unsigned char *p, unsigned char delimiter) {
#if defined(__SSE2__)
    const __m128i d = _mm_set1_epi8((char)delimiter), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    uint64_t mask = 0;
    for (int k = 0; k < 4; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + 16 * k));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, lf)), _mm_cmpeq_epi8(v, cr));
        mask |= (uint64_t)(uint32_t)_mm_movemask_epi8(hit) << (16 * k);
    }
    return mask;
#else
    uint64_t mask = 0;
    for (int k = 0; k < 64; k++) {
        unsigned char c = p[k];
        mask |= (uint64_t)(c == delimiter || c == '\n' || c == '\r') << k;
    }
    return mask;
#endif
}

#endif
