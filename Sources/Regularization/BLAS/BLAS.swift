// Implementation-only: chapter programs compile against this module without the system
// module map of OpenBLAS; no C type appears in the engine's API or stored layout.
@_implementationOnly import COpenBLAS

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
