import Foundation

/// Which OpenBLAS kernels chapter programs use, pinned from the processor's features.
///
/// OpenBLAS picks its kernels from the CPU model; on virtual machines whose model it does not
/// know it falls back to generic kernels even when AVX-512 is there, and results then differ in
/// the last bits from a machine where the model is known — enough, after a few hundred training
/// steps, to move a figure. Pinning the kernel family from the features the processor reports
/// (`OPENBLAS_CORETYPE`) makes two machines with the same features compute the same bytes. An
/// `OPENBLAS_CORETYPE` the user set is kept.
enum BLASKernels {
    /// The core type for this machine, or nil to let OpenBLAS choose.
    static let coreType: String? = {
        guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        return coreType(forFlags: cpuinfo)
    }()

    static func coreType(forFlags cpuinfo: String) -> String? {
        guard let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return nil }
        let flags = Set(line.split(separator: " ").map(String.init))
        if ["avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"].allSatisfy(flags.contains) { return "SkylakeX" }
        if ["avx2", "fma"].allSatisfy(flags.contains) { return "Haswell" }
        if flags.contains("avx") { return "Sandybridge" }
        return nil
    }

    /// The value chapter programs get, given the host's environment.
    static func environmentValue(_ environment: [String: String]) -> String? {
        environment["OPENBLAS_CORETYPE"] ?? coreType
    }
}
