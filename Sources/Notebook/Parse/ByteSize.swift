/// A number of bytes written the way people write them: `4 GiB`, `512 MiB`, `1 MB`, `10M`,
/// `1048576`. Binary units (KiB, MiB, GiB, and the bare K, M, G of `ulimit`) are powers of
/// 1024; decimal ones (kB, MB, GB) powers of 1000.
public struct ByteSize: Codable, Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    /// The number of bytes.
    public var bytes: UInt64

    /// Creates a size of `bytes`.
    public init(bytes: UInt64) { self.bytes = bytes }

    /// `n` mebibytes.
    public static func mebibytes(_ n: UInt64) -> ByteSize { ByteSize(bytes: n << 20) }
    /// `n` gibibytes.
    public static func gibibytes(_ n: UInt64) -> ByteSize { ByteSize(bytes: n << 30) }

    /// What a size looks like, for messages.
    public static let example = "a size such as 4 GiB, 512 MiB or 10 MB"

    /// Parses `text`, or returns nil when it is not a positive size.
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        let digits = trimmed.prefix(while: { $0.isASCII && ($0.isNumber || $0 == ".") })
        guard !digits.isEmpty, let number = Double(digits), number > 0, number.isFinite else { return nil }
        let unit = String(trimmed.dropFirst(digits.count)).trimmingWhitespace().lowercased()
        let scale: Double
        switch unit {
        case "", "b": scale = 1
        case "k", "kib": scale = 1024
        case "m", "mib": scale = 1024 * 1024
        case "g", "gib": scale = 1024 * 1024 * 1024
        case "t", "tib": scale = 1024 * 1024 * 1024 * 1024
        case "kb": scale = 1e3
        case "mb": scale = 1e6
        case "gb": scale = 1e9
        case "tb": scale = 1e12
        default: return nil
        }
        let value = (number * scale).rounded()
        guard value >= 1, value < Double(UInt64.max / 2) else { return nil }
        bytes = UInt64(value)
    }

    /// The size in the largest binary unit that divides it, e.g. `4 GiB`, or `1.5 MB`-style
    /// decimals when no binary unit does.
    public var description: String {
        for (unit, shift) in [("TiB", 40), ("GiB", 30), ("MiB", 20), ("KiB", 10)] where bytes >= UInt64(1) << UInt64(shift) {
            let scaled = Double(bytes) / Double(UInt64(1) << UInt64(shift))
            if scaled == scaled.rounded() { return "\(Int(scaled)) \(unit)" }
        }
        for (unit, scale) in [("GB", 1e9), ("MB", 1e6), ("kB", 1e3)] where Double(bytes) >= scale {
            let scaled = Double(bytes) / scale
            let rounded = (scaled * 10).rounded() / 10
            return rounded == rounded.rounded() ? "\(Int(rounded)) \(unit)" : "\(rounded) \(unit)"
        }
        return "\(bytes) bytes"
    }

    public static func < (a: ByteSize, b: ByteSize) -> Bool { a.bytes < b.bytes }
}
