/// Code spans of one line, by CommonMark's rule: a run of n backticks opens a span that the next
/// run of exactly n backticks closes; an opening run with no closing run is plain text. The one
/// place that reads backticks in prose (inline values and math both skip code spans with it).
enum CodeSpans {
    /// Each span's range of characters (backticks included) and its number of backticks.
    static func find(in characters: [Character]) -> [(range: Range<Int>, ticks: Int)] {
        var spans: [(Range<Int>, Int)] = []
        var i = 0
        while i < characters.count {
            guard characters[i] == "`" else { i += 1; continue }
            var ticks = 0
            while i + ticks < characters.count, characters[i + ticks] == "`" { ticks += 1 }
            var j = i + ticks
            var close: Int?
            while j < characters.count {
                guard characters[j] == "`" else { j += 1; continue }
                var run = 0
                while j + run < characters.count, characters[j + run] == "`" { run += 1 }
                if run == ticks { close = j; break }
                j += run
            }
            if let close {
                spans.append((i..<(close + ticks), ticks))
                i = close + ticks
            } else {
                i += ticks  // no closing run: the backticks are text
            }
        }
        return spans
    }
}
