// SipHash-2-4 (Aumasson and Bernstein 2012): a keyed pseudorandom function
// with a 64-bit output, built for short inputs such as the matching keys.
#include "chmac.h"
#include <stdlib.h>
#include <string.h>

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND                                                                                                       \
    do {                                                                                                               \
        v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32);                                                      \
        v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2;                                                                         \
        v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0;                                                                         \
        v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32);                                                      \
    } while (0)

static inline uint64_t load_le64(const unsigned char *p) {
    uint64_t v;
    memcpy(&v, p, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

/// `n` bytes (`sizeof(type)` to twice that) as two overlapping loads and stores
/// of `type`: the first and the last `sizeof(type)` bytes.
#define COPY_HEAD_AND_TAIL(type)                                                                                       \
    do {                                                                                                               \
        type head, tail;                                                                                               \
        memcpy(&head, in, sizeof head);                                                                                \
        memcpy(&tail, in + n - sizeof tail, sizeof tail);                                                              \
        memcpy(out, &head, sizeof head);                                                                               \
        memcpy(out + n - sizeof tail, &tail, sizeof tail);                                                             \
    } while (0)

/// Copies a short part without a call into the C library: eight bytes at a
/// time up to the last sixteen, then two overlapping loads of eight, four or
/// two bytes. Never reads or writes outside the part.
static inline void copy_short(unsigned char *out, const unsigned char *in, size_t n) {
    if (n >= 8) {
        for (; n > 16; n -= 8, in += 8, out += 8) memcpy(out, in, 8);
        COPY_HEAD_AND_TAIL(uint64_t);
    } else if (n >= 4) {
        COPY_HEAD_AND_TAIL(uint32_t);
    } else if (n >= 2) {
        COPY_HEAD_AND_TAIL(uint16_t);
    } else if (n == 1) {
        *out = *in;
    }
}

uint64_t robinson_siphash24_parts(const robinson_sip_key *key, const unsigned char *prefix, size_t prefix_len,
                                  const unsigned char *base, const long *bounds, size_t part_count) {
    size_t length = prefix_len;
    for (size_t i = 0; i < part_count; i++) length += 1 + (size_t)(bounds[2 * i + 1] - bounds[2 * i]);
    // Keys are short and built on the stack; one with a very long field on the heap.
    unsigned char stack[256];
    unsigned char *message = length <= sizeof stack ? stack : malloc(length);
    if (message == NULL) abort();
    unsigned char *out = message;
    copy_short(out, prefix, prefix_len);
    out += prefix_len;
    for (size_t i = 0; i < part_count; i++) {
        *out++ = 0x1F;
        size_t n = (size_t)(bounds[2 * i + 1] - bounds[2 * i]);
        copy_short(out, base + bounds[2 * i], n);
        out += n;
    }
    uint64_t fingerprint = robinson_siphash24(key, message, length);
    if (message != stack) free(message);
    return fingerprint;
}

uint64_t robinson_siphash24(const robinson_sip_key *key, const void *message, size_t len) {
    const unsigned char *in = message;
    uint64_t k0 = key->k0, k1 = key->k1;
    uint64_t v0 = 0x736f6d6570736575ULL ^ k0;
    uint64_t v1 = 0x646f72616e646f6dULL ^ k1;
    uint64_t v2 = 0x6c7967656e657261ULL ^ k0;
    uint64_t v3 = 0x7465646279746573ULL ^ k1;
    const unsigned char *end = in + len - (len % 8);
    for (; in != end; in += 8) {
        uint64_t m = load_le64(in);
        v3 ^= m;
        SIPROUND;
        SIPROUND;
        v0 ^= m;
    }
    uint64_t b = ((uint64_t)len) << 56;
    switch (len & 7) {
    case 7: b |= ((uint64_t)in[6]) << 48; /* fall through */
    case 6: b |= ((uint64_t)in[5]) << 40; /* fall through */
    case 5: b |= ((uint64_t)in[4]) << 32; /* fall through */
    case 4: b |= ((uint64_t)in[3]) << 24; /* fall through */
    case 3: b |= ((uint64_t)in[2]) << 16; /* fall through */
    case 2: b |= ((uint64_t)in[1]) << 8; /* fall through */
    case 1: b |= ((uint64_t)in[0]); break;
    case 0: break;
    }
    v3 ^= b;
    SIPROUND;
    SIPROUND;
    v0 ^= b;
    v2 ^= 0xff;
    SIPROUND;
    SIPROUND;
    SIPROUND;
    SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
}
