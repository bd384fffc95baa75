import Foundation

/// One timed operation of normbook's, reported as a JSON line for `bench/report.py`.
struct Benchmark: Sendable {
    /// The row name shared with the peer scripts (e.g. `mlp-digits-epoch`).
    let name: String
    /// How many times to run `body` after one warm-up run; the median is reported.
    let repetitions: Int
    /// Turns the median seconds of one run into the text shown in the table (e.g. "612 epochs/s").
    let display: @Sendable (Double) -> String
    /// The work to time. Returns a short result string to print next to the time (a checksum, an
    /// accuracy, an objective value) so that peers can be compared on what they computed too.
    let body: @Sendable () -> String
}

/// Times a closure once.
func seconds(_ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    let elapsed = clock.measure(body)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

/// Formats a duration for the table.
func formatDuration(_ s: Double) -> String {
    if s >= 1 { return String(format: "%.2f s", s) }
    if s >= 1e-3 { return String(format: "%.2f ms", s * 1e3) }
    return String(format: "%.1f µs", s * 1e6)
}

/// Runs a benchmark and prints its JSON line.
func run(_ benchmark: Benchmark) {
    var result = benchmark.body()  // warm-up
    var times: [Double] = []
    for _ in 0..<benchmark.repetitions {
        times.append(seconds { result = benchmark.body() })
    }
    times.sort()
    let median = times[times.count / 2]
    let line: [String: String] = [
        "benchmark": benchmark.name, "implementation": "normbook",
        "seconds": String(median), "display": benchmark.display(median), "result": result,
    ]
    if let data = try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]),
        let text = String(data: data, encoding: .utf8)
    {
        print(text)
    }
}
