/// The numbers of what a chapter's prose can cite, computed once per chapter from its results:
/// figures (numbered by the assembler), tables of blocks labelled `tbl-…` ("Table N", in the
/// order they are shown), sections (every heading; level 2 and below are numbered under the
/// chapter's number: "3.1", "3.1.2") and labelled display equations ("(N)").
struct ChapterNumbering: Sendable {
    /// The chapter's number in the report (its position, from 1).
    var chapterNumber: Int
    /// Figure numbers by label.
    var figures: [String: Int] = [:]
    /// Table numbers by label (`tbl-x`, `tbl-x-2` for the block's second table).
    var tables: [String: Int] = [:]
    /// The labels and numbers of each block's tables, by the block's position among segments.
    var blockTables: [Int: [(label: String, number: Int)]] = [:]
    /// Cited sections by label: their number ("3.1"; "3" for a level-1 heading) and level.
    var sections: [String: (number: String, level: Int)] = [:]
    /// The number shown before each heading of each prose segment (by segment position), nil
    /// for level-1 headings (the chapter's title).
    var headingNumbers: [Int: [String?]] = [:]
    /// Equation numbers by label.
    var equations: [String: Int] = [:]

    /// Figures only (text that is not part of a chapter's prose, tests).
    init(figures: [String: Int], chapterNumber: Int = 1) {
        self.chapterNumber = chapterNumber
        self.figures = figures
    }

    init(_ result: ChapterResult, chapterNumber: Int) {
        self.chapterNumber = chapterNumber
        for figure in result.figures { if let label = figure.label { figures[label] = figure.number } }
        var tableCount = 0, equationCount = 0
        var counters: [Int] = []  // section counters for levels 2, 3, …
        for (position, segment) in result.segments.enumerated() {
            switch segment {
            case .block(let block):
                guard let label = block.options.label, CrossReference.kind(of: label) == .table else { continue }
                var mine: [(label: String, number: Int)] = []
                for case .table in block.outputs {
                    tableCount += 1
                    let name = mine.isEmpty ? label : "\(label)-\(mine.count + 1)"
                    mine.append((name, tableCount))
                    tables[name] = tableCount
                }
                blockTables[position] = mine
            case .prose(_, _, _, let math, _, let headings):
                var numbers: [String?] = []
                for heading in headings {
                    let number: String
                    if heading.level <= 1 {
                        counters = []
                        number = String(chapterNumber)
                        numbers.append(nil)
                    } else {
                        let depth = heading.level - 1
                        if counters.count < depth { counters += Array(repeating: 0, count: depth - counters.count) }
                        counters = Array(counters.prefix(depth))
                        counters[depth - 1] += 1
                        number = ([chapterNumber] + counters).map(String.init).joined(separator: ".")
                        numbers.append(number)
                    }
                    if let label = heading.label { sections[label] = (number, heading.level) }
                }
                headingNumbers[position] = numbers
                for span in math where span.display {
                    guard let label = span.label else { continue }
                    equationCount += 1
                    equations[label] = equationCount
                }
            }
        }
    }

    /// How a reference to `label` reads ("Figure 2", "Table 1", "Section 3.1", "Chapter 3",
    /// "Equation (4)"), nil when nothing of the chapter has that label.
    func text(of label: String) -> String? {
        switch CrossReference.kind(of: label) {
        case .figure?: return figures[label].map { "Figure \($0)" }
        case .table?: return tables[label].map { "Table \($0)" }
        case .section?:
            return sections[label].map { $0.level <= 1 ? "Chapter \($0.number)" : "Section \($0.number)" }
        case .equation?: return equations[label].map { "Equation (\($0))" }
        case nil: return nil
        }
    }
}
