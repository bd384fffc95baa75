/// The solver benchmarks (see bench/README.md).
let solverBenchmarks: [Benchmark] = []
