/// The engine benchmarks (see bench/README.md).
let engineBenchmarks: [Benchmark] = []
