extension ChartLayout.Builder {
    /// The title and subtitle at the top left, and where the space below them starts. Titles wider
    /// than the canvas wrap onto more lines (joined by "\n" in the text item).
    func titles() -> (title: TextItem?, subtitle: TextItem?, bottom: Double) {
        var top = S.pad
        var title: TextItem? = nil
        var subtitle: TextItem? = nil
        let textWidth = chart.width - 2 * S.pad
        if !chart.title.isEmpty {
            let lines = TextMetrics.wrap(chart.title, size: S.titleSize, maxWidth: textWidth, widthFactor: 1.15)
            title = TextItem(text: lines.joined(separator: "\n"), x: S.pad, y: top + S.titleSize * TextMetrics.ascent,
                             size: S.titleSize, rotated: false)
            top += S.titleSize * 1.25 * Double(lines.count)
        }
        if let sub = chart.subtitle, !sub.isEmpty {
            let lines = TextMetrics.wrap(sub, size: S.subtitleSize, maxWidth: textWidth)
            subtitle = TextItem(text: lines.joined(separator: "\n"), x: S.pad, y: top + 2 + S.subtitleSize * TextMetrics.ascent,
                                size: S.subtitleSize, rotated: false)
            top += S.subtitleSize * 1.25 * Double(lines.count) + 2
        }
        top += title == nil && subtitle == nil ? 4 : 10
        return (title, subtitle, top)
    }

    /// The axis titles, centred on the panel grid: x at the bottom of the canvas, y turned at its left.
    func axisTitles(centredOn panels: [PanelLayout], top: Double) -> (x: TextItem?, y: TextItem?) {
        let gridLeft = panels.map(\.plot.x).min() ?? 0
        let gridRight = panels.map(\.plot.maxX).max() ?? chart.width
        let gridTop = panels.map { $0.plot.y }.min() ?? top
        let gridBottom = panels.map(\.plot.maxY).max() ?? chart.height
        let xTitle = chart.x.label.isEmpty ? nil
            : TextItem(text: chart.x.label, x: (gridLeft + gridRight) / 2, y: chart.height - S.pad - S.axisTitleSize * TextMetrics.descent,
                       size: S.axisTitleSize, rotated: false)
        let yTitle = chart.y.label.isEmpty ? nil
            : TextItem(text: chart.y.label, x: S.pad + S.axisTitleSize * TextMetrics.ascent, y: (gridTop + gridBottom) / 2,
                       size: S.axisTitleSize, rotated: true)
        return (xTitle, yTitle)
    }
}
