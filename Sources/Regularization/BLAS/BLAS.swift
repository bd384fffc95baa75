// An internal import: no C type appears in the engine's API or stored layout. Chapter programs
// still need the module map to load this module (the chapter kit carries it, see ChapterKit).
internal import COpenBLAS

/// Process-wide settings of the OpenBLAS library the engine calls.
public enum BLAS {
    /// Sets how many threads OpenBLAS may use (`openblas_set_num_threads`).
    ///
    /// Chapter programs run single-threaded (the host sets `OPENBLAS_NUM_THREADS=1`) so that
    /// reductions happen in a fixed order and results are reproducible.
    public static func setThreads(_ count: Int) {
        precondition(count >= 1, "BLAS.setThreads needs at least 1 thread, got \(count)")
        openblas_set_num_threads(Int32(count))
    }

    /// The number of threads OpenBLAS currently uses (`openblas_get_num_threads`).
    public static var threads: Int { Int(openblas_get_num_threads()) }
}

extension BLAS {
    /// How the OpenBLAS library was built (`openblas_get_config`), e.g.
    /// `OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64`.
    public static var configuration: String { String(cString: openblas_get_config()) }

    /// The CPU kernel set OpenBLAS chose (`openblas_get_corename`), which decides the order of
    /// floating-point operations and so the last bits of results (the host pins it).
    public static var kernels: String { String(cString: openblas_get_corename()) }
}
