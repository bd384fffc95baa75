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

/// A line diff of two texts, in hunks with a little context, for the diff page: lines are
/// matched with the comparison's own rule (numbers within the tolerance count as equal), by the
/// standard library's `CollectionDifference` (Myers' algorithm), so one inserted line shows as
/// one added line instead of shifting every line after it.
struct LineDiff: Equatable {
    /// One line of a hunk.
    struct Row: Equatable {
        enum Kind: Equatable { case same, removed, added }
        var kind: Kind
        /// The committed line's number (same, removed), the rebuilt one's (added).
        var number: Int
        var text: String
    }

    /// Consecutive rows around changes.
    struct Hunk: Equatable {
        var rows: [Row]
    }

    var hunks: [Hunk]
    /// Changed rows left out beyond `maxRows`.
    var omitted: Int

    /// Diffs two texts line by line (`\r\n` counts as `\n`), keeping `context` unchanged lines
    /// around each change and at most `maxRows` rows in all.
    init(old: String, new: String, tolerance: ComparisonTolerance, context: Int = 2, maxRows: Int = 200) {
        let a = ReportComparator.lines(of: old), b = ReportComparator.lines(of: new)
        let difference = b.difference(from: a) { ReportComparator.compareLine($0, $1, tolerance: tolerance) == nil }
        var removed = Set<Int>(), added = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): added.insert(offset)
            }
        }
        var rows: [Row] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                rows.append(Row(kind: .removed, number: i + 1, text: String(a[i])))
                i += 1
            } else if j < b.count, added.contains(j) {
                rows.append(Row(kind: .added, number: j + 1, text: String(b[j])))
                j += 1
            } else {
                rows.append(Row(kind: .same, number: i + 1, text: String(i < a.count ? a[i] : b[j])))
                i += 1
                j += 1
            }
        }
        // Keep changed rows and their context.
        var keep = [Bool](repeating: false, count: rows.count)
        for (k, row) in rows.enumerated() where row.kind != .same {
            for c in max(0, k - context)...min(rows.count - 1, k + context) { keep[c] = true }
        }
        var hunks: [Hunk] = []
        var shown = 0, omitted = 0
        var current: [Row] = []
        for (k, row) in rows.enumerated() {
            guard keep[k] else {
                if !current.isEmpty { hunks.append(Hunk(rows: current)); current = [] }
                continue
            }
            if shown >= maxRows {
                if row.kind != .same { omitted += 1 }
                continue
            }
            current.append(row)
            shown += 1
        }
        if !current.isEmpty { hunks.append(Hunk(rows: current)) }
        self.hunks = hunks
        self.omitted = omitted
    }
}
