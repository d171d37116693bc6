// HMAC-SHA256 over the system's libcrypto with precomputed key states (RFC 2104).
// The low-level SHA256_* calls are deprecated in OpenSSL 3 but remain the only
// way to copy a midstate cheaply; EVP would allocate per call.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include "chmac.h"
#include <openssl/sha.h>
#include <openssl/crypto.h>
#include <string.h>

_Static_assert(sizeof(SHA256_CTX) <= 128, "SHA256_CTX must fit the opaque state");

int robinson_hmac_prepare(robinson_hmac_key *key, const void *secret, size_t secret_len) {
    unsigned char block[64];
    unsigned char pad[64];
    memset(block, 0, sizeof block);
    if (secret_len > 64) {
        SHA256(secret, secret_len, block);
    } else {
        memcpy(block, secret, secret_len);
    }
    SHA256_CTX inner, outer;
    for (int i = 0; i < 64; i++) pad[i] = block[i] ^ 0x36;
    if (!SHA256_Init(&inner) || !SHA256_Update(&inner, pad, 64)) return -1;
    for (int i = 0; i < 64; i++) pad[i] = block[i] ^ 0x5c;
    if (!SHA256_Init(&outer) || !SHA256_Update(&outer, pad, 64)) return -1;
    memset(key, 0, sizeof *key);
    memcpy(key->inner, &inner, sizeof inner);
    memcpy(key->outer, &outer, sizeof outer);
    OPENSSL_cleanse(block, sizeof block);
    OPENSSL_cleanse(pad, sizeof pad);
    OPENSSL_cleanse(&inner, sizeof inner);
    OPENSSL_cleanse(&outer, sizeof outer);
    return 0;
}

void robinson_hmac_full(const robinson_hmac_key *key, const void *message, size_t len, unsigned char out[32]) {
    SHA256_CTX ctx;
    unsigned char inner_digest[32];
    memcpy(&ctx, key->inner, sizeof ctx);
    SHA256_Update(&ctx, message, len);
    SHA256_Final(inner_digest, &ctx);
    memcpy(&ctx, key->outer, sizeof ctx);
    SHA256_Update(&ctx, inner_digest, 32);
    SHA256_Final(out, &ctx);
}

uint64_t robinson_hmac_fingerprint(const robinson_hmac_key *key, const void *message, size_t len) {
    unsigned char digest[32];
    robinson_hmac_full(key, message, len, digest);
    uint64_t value = 0;
    for (int i = 0; i < 8; i++) value = (value << 8) | digest[i];
    return value;
}

void robinson_sha256(const void *data, size_t len, unsigned char out[32]) {
    SHA256(data, len, out);
}

void robinson_sha256_init(robinson_sha256_ctx *ctx) {
    SHA256_CTX c;
    SHA256_Init(&c);
    memcpy(ctx->state, &c, sizeof c);
}

void robinson_sha256_update(robinson_sha256_ctx *ctx, const void *data, size_t len) {
    SHA256_Update((SHA256_CTX *)(void *)ctx->state, data, len);
}

void robinson_sha256_final(robinson_sha256_ctx *ctx, unsigned char out[32]) {
    SHA256_Final(out, (SHA256_CTX *)(void *)ctx->state);
}

void robinson_hmac_wipe(robinson_hmac_key *key) {
    OPENSSL_cleanse(key, sizeof *key);
}
