/// The chart benchmarks (see bench/README.md).
let chartBenchmarks: [Benchmark] = []
