#ifndef ROBINSON_CHMAC_H
#define ROBINSON_CHMAC_H

#include <stddef.h>
#include <stdint.h>

/// HMAC-SHA256 with the key's inner and outer SHA-256 states computed once.
/// Each call then costs two SHA-256 compressions for short messages instead of
/// four plus key handling. The state is opaque; it holds key material, so
/// callers wipe it with `robinson_hmac_wipe` when done.
typedef struct robinson_hmac_key {
    unsigned char inner[128];
    unsigned char outer[128];
} robinson_hmac_key;

/// Prepares the key states. Returns 0 on success.
int robinson_hmac_prepare(robinson_hmac_key *key, const void *secret, size_t secret_len);

/// Full 32-byte HMAC-SHA256 of `message` (for tests against RFC 4231).
void robinson_hmac_full(const robinson_hmac_key *key, const void *message, size_t len, unsigned char out[32]);

/// The first 8 bytes of HMAC-SHA256 as a big-endian 64-bit integer.
uint64_t robinson_hmac_fingerprint(const robinson_hmac_key *key, const void *message, size_t len);

/// SHA-256 of a buffer (for digests of deliveries and index payloads).
void robinson_sha256(const void *data, size_t len, unsigned char out[32]);

/// Streaming SHA-256 for large files.
typedef struct robinson_sha256_ctx { _Alignas(16) unsigned char state[128]; } robinson_sha256_ctx;
void robinson_sha256_init(robinson_sha256_ctx *ctx);
void robinson_sha256_update(robinson_sha256_ctx *ctx, const void *data, size_t len);
void robinson_sha256_final(robinson_sha256_ctx *ctx, unsigned char out[32]);

void robinson_hmac_wipe(robinson_hmac_key *key);

/// A 128-bit SipHash key (two little-endian halves).
typedef struct robinson_sip_key {
    uint64_t k0;
    uint64_t k1;
} robinson_sip_key;

/// SipHash-2-4 of `message` under `key`: 64 bits.
uint64_t robinson_siphash24(const robinson_sip_key *key, const void *message, size_t len);

/// SipHash-2-4's state after a message's first 8 bytes: messages that all start
/// with them (a key kind's prefix of 8 bytes or more) begin from it.
typedef struct robinson_sip_state {
    uint64_t v0, v1, v2, v3;
} robinson_sip_state;

/// The state after absorbing `first[0..<8]` under `key`.
void robinson_siphash24_start(const robinson_sip_key *key, const unsigned char first[8], robinson_sip_state *state);

/// SipHash-2-4 of the key string `prefix ␟ part ␟ part …` without building it:
/// part i is `base[bounds[2i] ..< bounds[2i+1]]`, each preceded by the unit
/// separator 0x1F. Equals `robinson_siphash24` of the concatenation.
/// Reads up to 32 bytes past the end of `prefix` and of each part: both must
/// lie in memory with that much readable after them (`ScratchBuffer` pads).
/// `started`: NULL, or `robinson_siphash24_start` of the prefix's first 8 bytes
/// (used when the prefix has 8 bytes or more).
uint64_t robinson_siphash24_parts(const robinson_sip_key *key, const robinson_sip_state *started, const unsigned char *prefix,
                                  size_t prefix_len, const unsigned char *base, const long *bounds, size_t part_count);

/// One key of `robinson_siphash24_parts3`: the arguments of `robinson_siphash24_parts`.
typedef struct robinson_sip_key_spec {
    const robinson_sip_state *started;
    const unsigned char *prefix;
    size_t prefix_len;
    const unsigned char *base;
    const long *bounds;
    size_t part_count;
} robinson_sip_key_spec;

/// `robinson_siphash24_parts` of three keys (a row's postal keys), in less
/// time than one after another.
void robinson_siphash24_parts3(const robinson_sip_key *key, const robinson_sip_key_spec specs[3], uint64_t out[3]);

/// Asks the CPU to start loading `address` into the cache (index lookups
/// issue these for all of a row's keys first, so their misses overlap).
static inline void robinson_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
