import COpenSSL
import Foundation

/// SHA-256 digests through OpenSSL's libcrypto, hex-encoded.
struct SHA256: Sendable {
    private var parts: [Data] = []

    /// Adds bytes to the message. Each part is length-prefixed, so ("ab", "c") and ("a", "bc")
    /// give different digests.
    mutating func update(_ data: Data) {
        var length = UInt64(data.count).littleEndian
        parts.append(Data(bytes: &length, count: 8))
        parts.append(data)
    }

    /// Adds a string (UTF-8).
    mutating func update(_ text: String) { update(Data(text.utf8)) }

    /// The hex digest of everything added.
    func hexDigest() -> String { Self.hex(of: parts.reduce(into: Data()) { $0.append($1) }) }

    /// The hex SHA-256 of `data`.
    static func hex(of data: Data) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = data.withUnsafeBytes { bytes in
            EVP_Digest(bytes.baseAddress, bytes.count, &digest, &length, EVP_sha256(), nil)
        }
        guard ok == 1 else { return "" }
        return digest.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
    }
}
