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

/// Copies a part of `n` bytes and up to 32 more: 32 bytes whatever `n`, then
/// 16 at a time. Fixed-size moves instead of a branch on the length (which the
/// lengths of names and streets make unpredictable); the caller guarantees 32
/// readable bytes past the part and room for them after `out`.
static inline void copy_padded(unsigned char *out, const unsigned char *in, size_t n) {
    memcpy(out, in, 32);
    for (size_t k = 32; k < n; k += 16) memcpy(out + k, in + k, 16);
}

static uint64_t siphash24_padded(const robinson_sip_key *key, const robinson_sip_state *started, const unsigned char *in,
                                 size_t len);

/// Writes `prefix ␟ part ␟ part …` to `out`, which has room for its length
/// and 48 bytes more.
static inline void build_key(unsigned char *out, const unsigned char *prefix, size_t prefix_len, const unsigned char *base,
                             const long *bounds, size_t part_count) {
    copy_padded(out, prefix, prefix_len);
    out += prefix_len;
    for (size_t i = 0; i < part_count; i++) {
        *out++ = 0x1F;
        size_t n = (size_t)(bounds[2 * i + 1] - bounds[2 * i]);
        copy_padded(out, base + bounds[2 * i], n);
        out += n;
    }
}

static inline size_t key_length(size_t prefix_len, const long *bounds, size_t part_count) {
    size_t length = prefix_len;
    for (size_t i = 0; i < part_count; i++) length += 1 + (size_t)(bounds[2 * i + 1] - bounds[2 * i]);
    return length;
}

static uint64_t siphash24_prefixed_part(const robinson_sip_key *key, const unsigned char *prefix, size_t prefix_len,
                                        const unsigned char *part, size_t n);

uint64_t robinson_siphash24_parts(const robinson_sip_key *key, const robinson_sip_state *started, const unsigned char *prefix,
                                  size_t prefix_len, const unsigned char *base, const long *bounds, size_t part_count) {
    // A key of one part after a short prefix (a phone or e-mail key): read where
    // it lies, nothing copied.
    if (part_count == 1 && prefix_len >= 1 && prefix_len <= 6)
        return siphash24_prefixed_part(key, prefix, prefix_len, base + bounds[0], (size_t)(bounds[1] - bounds[0]));
    size_t length = key_length(prefix_len, bounds, part_count);
    // Keys are short and built on the stack, with room for the copies' overshoot;
    // one with a very long field on the heap.
    unsigned char stack[256 + 48];
    unsigned char *message = length <= 256 ? stack : malloc(length + 48);
    if (message == NULL) abort();
    build_key(message, prefix, prefix_len, base, bounds, part_count);
    uint64_t fingerprint = siphash24_padded(key, prefix_len >= 8 ? started : NULL, message, length);
    if (message != stack) free(message);
    return fingerprint;
}

void robinson_siphash24_parts3(const robinson_sip_key *key, const robinson_sip_key_spec specs[3], uint64_t out[3]) {
    size_t length[3];
    for (int i = 0; i < 3; i++) length[i] = key_length(specs[i].prefix_len, specs[i].bounds, specs[i].part_count);
    if (length[0] > 256 || length[1] > 256 || length[2] > 256) {
        for (int i = 0; i < 3; i++) {
            const robinson_sip_key_spec *s = &specs[i];
            out[i] = robinson_siphash24_parts(key, s->started, s->prefix, s->prefix_len, s->base, s->bounds, s->part_count);
        }
        return;
    }
    // All three are built before any is hashed. A block is loaded right after the
    // overlapping copies that wrote it, and the store buffer cannot hand one load
    // the bytes of several stores: it waits until they reach the cache. Building
    // the other keys first gives them that time.
    unsigned char message[3][256 + 48];
    for (int i = 0; i < 3; i++)
        build_key(message[i], specs[i].prefix, specs[i].prefix_len, specs[i].base, specs[i].bounds, specs[i].part_count);
    for (int i = 0; i < 3; i++)
        out[i] = siphash24_padded(key, specs[i].prefix_len >= 8 ? specs[i].started : NULL, message[i], length[i]);
}

#define SIPHASH_INIT                                                                                                   \
    uint64_t k0 = key->k0, k1 = key->k1;                                                                               \
    uint64_t v0 = 0x736f6d6570736575ULL ^ k0;                                                                          \
    uint64_t v1 = 0x646f72616e646f6dULL ^ k1;                                                                          \
    uint64_t v2 = 0x6c7967656e657261ULL ^ k0;                                                                          \
    uint64_t v3 = 0x7465646279746573ULL ^ k1;

#define SIPHASH_BLOCK(m)                                                                                               \
    do {                                                                                                               \
        v3 ^= (m);                                                                                                     \
        SIPROUND;                                                                                                      \
        SIPROUND;                                                                                                      \
        v0 ^= (m);                                                                                                     \
    } while (0)

/// The blocks from `in` on, the last bytes (`LAST_BYTES` adds them to `b`) and
/// the finalization; `len` is the whole message's length.
#define SIPHASH_REST(LAST_BYTES)                                                                                       \
    const unsigned char *end = message + len - (len % 8);                                                              \
    for (; in != end; in += 8) SIPHASH_BLOCK(load_le64(in));                                                           \
    uint64_t b = ((uint64_t)len) << 56;                                                                                \
    LAST_BYTES;                                                                                                        \
    SIPHASH_FINISH(b)

/// The last block `b` (the message's length in its top byte, its last bytes
/// below) and the finalization.
#define SIPHASH_FINISH(b)                                                                                              \
    v3 ^= (b);                                                                                                         \
    SIPROUND;                                                                                                          \
    SIPROUND;                                                                                                          \
    v0 ^= (b);                                                                                                         \
    v2 ^= 0xff;                                                                                                        \
    SIPROUND;                                                                                                          \
    SIPROUND;                                                                                                          \
    SIPROUND;                                                                                                          \
    SIPROUND;                                                                                                          \
    return v0 ^ v1 ^ v2 ^ v3;

void robinson_siphash24_start(const robinson_sip_key *key, const unsigned char first[8], robinson_sip_state *state) {
    SIPHASH_INIT
    SIPHASH_BLOCK(load_le64(first));
    *state = (robinson_sip_state){v0, v1, v2, v3};
}

/// SipHash-2-4 of a message that may be read 8 bytes past its end: the last
/// bytes are one load, masked, instead of a jump on their number.
static uint64_t siphash24_padded(const robinson_sip_key *key, const robinson_sip_state *started, const unsigned char *message,
                                 size_t len) {
    const unsigned char *in = message;
    SIPHASH_INIT
    if (started != NULL && len >= 8) {
        // The first block is the kind's prefix: its state was computed once.
        v0 = started->v0, v1 = started->v1, v2 = started->v2, v3 = started->v3;
        in += 8;
    }
    SIPHASH_REST({
        size_t rest = len & 7;
        if (rest != 0) b |= load_le64(in) & (~0ULL >> (64 - 8 * rest));
    })
}

/// SipHash-2-4 of `prefix ␟ part` (a prefix of 1 to 6 bytes), read where the
/// two lie: the first block is put together in a register from the prefix, the
/// separator and the part's first bytes, the others are the part's own bytes.
/// Without a copy, no block waits for the stores of one (see `robinson_siphash24_parts3`).
/// Reads up to 8 bytes past the prefix and past the part.
static uint64_t siphash24_prefixed_part(const robinson_sip_key *key, const unsigned char *prefix, size_t prefix_len,
                                        const unsigned char *part, size_t n) {
    size_t len = prefix_len + 1 + n;
    SIPHASH_INIT
    uint64_t first = load_le64(prefix) & (~0ULL >> (64 - 8 * prefix_len));
    first |= 0x1FULL << (8 * prefix_len);
    first |= load_le64(part) << (8 * (prefix_len + 1));
    uint64_t b = ((uint64_t)len) << 56;
    if (len < 8) {
        b |= first & (~0ULL >> (64 - 8 * len));
    } else {
        SIPHASH_BLOCK(first);
        // The message's bytes from 8 on are the part's from 7 - prefix_len on.
        const unsigned char *in = part + (7 - prefix_len);
        const unsigned char *end = in + ((len - 8) & ~(size_t)7);
        for (; in != end; in += 8) SIPHASH_BLOCK(load_le64(in));
        size_t rest = len & 7;
        if (rest != 0) b |= load_le64(in) & (~0ULL >> (64 - 8 * rest));
    }
    SIPHASH_FINISH(b)
}

uint64_t robinson_siphash24(const robinson_sip_key *key, const void *message_start, size_t len) {
    const unsigned char *message = message_start, *in = message;
    SIPHASH_INIT
    SIPHASH_REST({
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
    })
}
