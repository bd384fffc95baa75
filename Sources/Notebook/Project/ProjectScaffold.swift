import Foundation

/// `normbook init`: a new project that builds and verifies as it is — the project file, a
/// starter chapter that uses the engine (a chart, a table, an inline value, a claim), a
/// `.gitignore` and an example CI workflow. It never overwrites a file.
public enum ProjectScaffold {
    /// The files it writes, relative to the project folder.
    public static let files = [
        ProjectFile.fileName, "chapters/01-getting-started.md", ".gitignore", ".github/workflows/normbook.yml",
    ]

    /// Writes the files into `folder` (created if needed) and returns their paths; writes
    /// nothing if any of them exists.
    public static func create(in folder: URL, title: String) throws -> [String] {
        let fm = FileManager.default
        let existing = files.filter { fm.fileExists(atPath: folder.appendingPathComponent($0).path) }
        guard existing.isEmpty else { throw NotebookError.wouldOverwrite(paths: existing) }
        let contents = [projectFile(title: title), starterChapter, gitignore, workflow]
        do {
            for (path, text) in zip(files, contents) {
                let url = folder.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            throw NotebookError.unwritable(path: folder.path, reason: error.localizedDescription)
        }
        return files
    }

    static func projectFile(title: String) -> String {
        let quoted = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return """
            # normbook's project file: every path is relative to this folder (docs/cli.md).
            title: \(quoted)
            chapters: chapters
            output: output
            seed: 1

            """
    }

    static let starterChapter = #"""
        ---
        title: Getting started
        ---
        # Getting started

        Each Swift block below is compiled and run against normbook's regularization engine; what
        it prints, shows and decides lands in the report. Math works too: $\|w\|_2 = \sqrt{\sum_i w_i^2}$.

        ```swift
        //| label: fig-norms
        //| caption: The L1 and L2 norms of random vectors grow with their length.
        var rng = SeededGenerator(seed: ChapterContext.seed)
        let lengths = [2, 4, 8, 16, 32, 64, 128]
        var l1: [Double] = [], l2: [Double] = []
        for n in lengths {
            let w = Tensor<Double>.randomNormal([n], using: &rng)
            l1.append(w.norm(.l1))
            l2.append(w.norm(.l2))
        }
        let x = lengths.map(Double.init)
        show(Chart.line(title: "Norms of a random vector", x: "length", y: "norm",
                        series: [Series(name: "L1", x: x, y: l1), Series(name: "L2", x: x, y: l2)]))
        let rows: [[Value]] = lengths.indices.map { [.integer(lengths[$0]), .number(l1[$0]), .number(l2[$0])] }
        show(table: ["length", "L1", "L2"], rows: rows)
        ```

        As @fig-norms shows, at length 128 the L1 norm is `{swift} l1.last ?? 0` and the L2 norm
        `{swift} l2.last ?? 0`.

        ```swift
        //| claim: start-a
        //| expect: holds
        // The claim is decided by a rule over named evidence; normbook evaluates it and shows
        // it with the numbers. It could come out either way: the smallest ratio is measured.
        let smallestRatio = zip(l1, l2).map { $0 / $1 }.min() ?? .nan
        decide("The L1 norm of a vector is never below its L2 norm",
               evidence: ["vectors": .integer(lengths.count), "smallest L1 / L2": .number(smallestRatio)],
               rule: Ev("smallest L1 / L2") >= 1)
        ```
        """#

    static let gitignore = """
        # normbook's cache: compiled chapters and stored results (normbook clean removes it).
        .normbook-cache/
        # The result cache the CI workflow keeps between runs (NORMBOOK_RESULT_CACHE).
        .normbook-results/
        # What `normbook verify --json` writes beside the JSON: the reviewer's diff page.
        verify-diff/

        """

    /// The example workflow: the same text as `docs/github-actions.yml` (a test checks it).
    static let workflow = """
        # normbook's sharded CI (docs/ci.md): the chapters are split across a matrix of machines.
        # Each shard builds its chapters with the result cache restored (fast when they did not
        # change), saves the cache, and verifies its chapters from scratch against the committed
        # output/; the merge job assembles the report from the shards' outputs and one verification
        # from theirs. normbook's `scripts/ci-shards N` runs the same flow on one machine.
        name: normbook
        on: [push, pull_request]
        env:
          SHARDS: 3  # how many shards: keep it equal to the number of entries of matrix.shard below
          # The stored results and figures, kept apart from the machine-local cache so that only
          # they are saved and restored between runs (docs/cli.md, "The result cache").
          NORMBOOK_RESULT_CACHE: .normbook-results
        jobs:
          shard:
            runs-on: ubuntu-latest
            strategy:
              fail-fast: false
              matrix:
                shard: [1, 2, 3]
            steps:
              - uses: actions/checkout@v4
              # Install Swift 6.3 and normbook here (see normbook's README).
              - name: Restore the result cache
                uses: actions/cache/restore@v4
                with:
                  path: .normbook-results
                  key: normbook-results-${{ matrix.shard }}-${{ github.sha }}
                  restore-keys: |
                    normbook-results-${{ matrix.shard }}-
                    normbook-results-
              - name: Build shard ${{ matrix.shard }}
                run: normbook build --shard ${{ matrix.shard }}/$SHARDS --output shard-${{ matrix.shard }}
              - name: Save the result cache
                if: always()
                uses: actions/cache/save@v4
                with:
                  path: .normbook-results
                  key: normbook-results-${{ matrix.shard }}-${{ github.sha }}
              - name: Verify shard ${{ matrix.shard }} from scratch
                run: >-
                  normbook verify --shard ${{ matrix.shard }}/$SHARDS
                  --json verify-${{ matrix.shard }}.json --junit verify-${{ matrix.shard }}.xml
              # The verification also writes the reviewer's diff page beside the JSON (verify-diff/).
              - uses: actions/upload-artifact@v4
                if: always()
                with:
                  name: normbook-shard-${{ matrix.shard }}
                  path: |
                    shard-${{ matrix.shard }}/
                    verify-${{ matrix.shard }}.*
                    verify-diff/
                  include-hidden-files: true  # the .normbook-report marker
          merge:
            needs: shard
            if: always()
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              # Install normbook here (no compiler needed: merging runs nothing).
              - uses: actions/download-artifact@v4
                with:
                  pattern: normbook-shard-*
                  path: shards
              - name: Merge the verifications
                run: normbook merge --verify-results shards/*/verify-*.json --json normbook-verify.json --junit normbook-junit.xml
              - name: Merge the report
                run: normbook merge shards/*/shard-*/ --output merged-report
              - uses: actions/upload-artifact@v4
                if: always()
                with:
                  name: normbook-report
                  path: |
                    merged-report/
                    normbook-*.*
                  include-hidden-files: true

        """
}
