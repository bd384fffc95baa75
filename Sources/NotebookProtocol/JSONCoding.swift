import Foundation

/// How normbook writes numbers in JSON, on both sides of the protocol and in the results
/// store: non-finite values as the strings `inf`, `-inf` and `nan` (plain JSON has no
/// spelling for them), keys sorted, slashes unescaped.
public enum JSONCoding {
    /// An encoder with normbook's settings; `pretty` adds indentation (the results store).
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    /// A decoder that reads what `encoder` writes.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }
}
