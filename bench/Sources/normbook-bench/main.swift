// normbook's side of the benchmarks: prints one JSON line per benchmark. `bench/run` runs this
// and the peer scripts in `bench/peers/` in the same session and joins them with `bench/report.py`.
let selected = Set(CommandLine.arguments.dropFirst())
let all = engineBenchmarks + solverBenchmarks + chartBenchmarks
for benchmark in all where selected.isEmpty || selected.contains(benchmark.name) {
    run(benchmark)
}
