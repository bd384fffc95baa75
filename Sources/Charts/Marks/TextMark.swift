/// A text annotation at a data position.
public struct TextMark: Codable, Sendable, Equatable {
    /// Data x of the anchor.
    public var x: Double
    /// Data y of the anchor.
    public var y: Double
    /// The text.
    public var text: String
    /// Draw a small dot at the anchor and offset the text from it.
    public var pointer: Bool

    /// Creates an annotation.
    public init(x: Double, y: Double, text: String, pointer: Bool = true) {
        self.x = x
        self.y = y
        self.text = text
        self.pointer = pointer
    }
}
