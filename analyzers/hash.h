// SHA-256 and HMAC-SHA256 (OpenSSL), hex-encoded. Used for input hashes in the inventory,
// pack hashes, keyed fingerprints of sensitive values.
#pragma once

#include <string>
#include <string_view>

namespace ccscan::analyzers {

std::string sha256_hex(std::string_view data);

// SHA-256 of data given in pieces (a document hashed as it is written). Not copyable.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(std::string_view data);
    std::string hex_digest();  // of everything given; the object is then spent
private:
    void* m_ctx;  // EVP_MD_CTX
};
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

}  // namespace ccscan::analyzers
