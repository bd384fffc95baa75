extension ChapterResult {
    /// This stored result with the chapter's current prose, title and displayed-only code:
    /// what a cached or frozen build renders when only text around the blocks changed. The
    /// executed blocks (whose code is part of the inputs key) keep their stored results.
    func refreshed(with document: ChapterDocument) -> ChapterResult {
        var stored: [Int: BlockResult] = [:]
        var storedInline: [InlineValue] = []
        for segment in segments {
            switch segment {
            case .block(let block): if let k = block.index { stored[k] = block }
            case .prose(_, _, let inline, _, _, _): storedInline += inline
            }
        }
        var refreshed = self
        refreshed.title = document.title
        refreshed.file = document.file
        refreshed.segments = []
        var inlineCount = 0
        for segment in document.segments {
            switch segment {
            case .prose(let prose):
                refreshed.segments.append(.prose(prose, next: &inlineCount) { k, expression in
                    // A stored value is kept only for the same expression at the same place.
                    k < storedInline.count && storedInline[k].expression == expression.expression ? storedInline[k].value : nil
                })
            case .code(let block):
                if let k = block.index, var result = stored[k] {
                    result.line = block.fenceLine
                    refreshed.segments.append(.block(result))
                } else {
                    refreshed.segments.append(.block(BlockResult(
                        index: nil, language: block.language, code: block.displayedCode, line: block.fenceLine,
                        options: block.options, status: .displayOnly, outputs: [], diagnostics: [])))
                }
            }
        }
        return refreshed
    }
}
