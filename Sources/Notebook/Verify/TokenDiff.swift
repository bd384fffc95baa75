/// A readable diff of two lines: the parts of the committed line that the rebuilt one dropped,
/// and the parts it added, found word by word (numbers, words, spaces and single punctuation
/// marks are the units) with the standard library's `CollectionDifference` (Myers' algorithm).
struct TokenDiff: Equatable {
    /// A run of a line: text that both lines share, or that only this side has.
    struct Run: Equatable {
        var text: String
        var changed: Bool
    }

    /// The committed line in runs (changed: dropped by the rebuild).
    var old: [Run]
    /// The rebuilt line in runs (changed: added by the rebuild).
    var new: [Run]

    /// Diffs `old` against `new`.
    init(old: String, new: String) {
        let a = Self.tokens(old), b = Self.tokens(new)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in b.difference(from: a) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        self.old = Self.runs(a, changed: removed)
        self.new = Self.runs(b, changed: inserted)
    }

    /// Splits a line into words (letters, digits, `_`, `.`, `-` between them: numbers such as
    /// `-1.5e-3` stay whole), runs of spaces, and single other characters.
    static func tokens(_ line: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var currentIsWord = false, currentIsSpace = false
        func flush() {
            if !current.isEmpty { tokens.append(current) }
            current = ""
        }
        for character in line {
            let isWord = character.isLetter || character.isNumber || character == "_"
                || ((character == "." || character == "-") && currentIsWord)
            let isSpace = character.isWhitespace
            if isWord && currentIsWord || isSpace && currentIsSpace {
                current.append(character)
                continue
            }
            flush()
            current.append(character)
            currentIsWord = isWord
            currentIsSpace = isSpace
            if !isWord && !isSpace {
                flush()
                currentIsWord = false
            }
        }
        flush()
        return tokens
    }

    /// Consecutive tokens with the same `changed` state joined.
    private static func runs(_ tokens: [String], changed: Set<Int>) -> [Run] {
        var runs: [Run] = []
        for (i, token) in tokens.enumerated() {
            let isChanged = changed.contains(i)
            if let last = runs.last, last.changed == isChanged {
                runs[runs.count - 1].text += token
            } else {
                runs.append(Run(text: token, changed: isChanged))
            }
        }
        return runs
    }
}
