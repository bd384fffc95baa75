// An internal import: no C type appears in the engine's API or stored layout. Chapter programs
// still need the module map to load this module (the chapter kit carries it, see ChapterKit).
internal import COpenBLAS
import Foundation

/// The element types a `Tensor` can hold: `Float` and `Double`.
///
/// Each conformer knows how to call the BLAS and LAPACK routines of its precision, so generic
/// tensor code reaches OpenBLAS without runtime type checks.
public protocol TensorScalar: BinaryFloatingPoint, SIMDScalar, Codable, Sendable, CustomStringConvertible
where Self.RawSignificand: FixedWidthInteger {
    /// The machine epsilon of the precision as a `Double` (used for tolerances).
    static var epsilonAsDouble: Double { get }

    /// `exp(x)` in this precision.
    static func exponential(_ x: Self) -> Self
    /// `log(x)` (natural logarithm) in this precision.
    static func logarithm(_ x: Self) -> Self
    /// `tanh(x)` in this precision.
    static func hyperbolicTangent(_ x: Self) -> Self
    /// `x` raised to `y` in this precision.
    static func power(_ x: Self, _ y: Self) -> Self

    /// Row-major general matrix multiply: `C = alpha * op(A) * op(B) + beta * C` (BLAS `?gemm`).
    ///
    /// `op(A)` is `m × k`, `op(B)` is `k × n`, `C` is `m × n`; `lda`, `ldb`, `ldc` are row strides.
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Self,
        a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int, beta: Self,
        c: UnsafeMutablePointer<Self>, ldc: Int)

    /// The dot product of two contiguous vectors of length `n` (BLAS `?dot`).
    static func dot(n: Int, x: UnsafePointer<Self>, y: UnsafePointer<Self>) -> Self

    /// `y += alpha * x` over contiguous vectors of length `n` (BLAS `?axpy`).
    static func axpy(n: Int, alpha: Self, x: UnsafePointer<Self>, y: UnsafeMutablePointer<Self>)

    /// Adds `bias` to each of `rows` rows of `width` values and applies ReLU, in place
    /// (vectorized; NaN stays NaN).
    static func reluAddingBias(_ p: UnsafeMutablePointer<Self>, bias: UnsafePointer<Self>, rows: Int, width: Int)

    /// Zeroes `gradient[i]` wherever `outputs[i]` is not positive (the ReLU derivative), in place.
    static func reluBackward(_ gradient: UnsafeMutablePointer<Self>, outputs: UnsafePointer<Self>, count: Int)

    /// The singular values (descending) of a row-major `rows × columns` matrix, via LAPACK
    /// `?gesdd` (values only). Returns `nil` when LAPACK reports a failure to converge.
    static func singularValues(rows: Int, columns: Int, scalars: [Self]) -> [Self]?
}

@inline(__always)
private func transposeFlag(_ t: Bool) -> CBLAS_TRANSPOSE { t ? CblasTrans : CblasNoTrans }

extension Float: TensorScalar {
    /// The machine epsilon of `Float` as a `Double`.
    public static var epsilonAsDouble: Double { Double(Float.ulpOfOne) }
    /// `exp(x)`.
    @inlinable public static func exponential(_ x: Float) -> Float { Foundation.exp(x) }
    /// `log(x)`.
    @inlinable public static func logarithm(_ x: Float) -> Float { Foundation.log(x) }
    /// `tanh(x)`.
    @inlinable public static func hyperbolicTangent(_ x: Float) -> Float { Foundation.tanh(x) }
    /// `pow(x, y)`.
    @inlinable public static func power(_ x: Float, _ y: Float) -> Float { Foundation.pow(x, y) }

    /// `cblas_sgemm`, row-major.
    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, transposeFlag(transposeA), transposeFlag(transposeB), Int32(m), Int32(n),
            Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// `cblas_sdot`.
    public static func dot(n: Int, x: UnsafePointer<Float>, y: UnsafePointer<Float>) -> Float {
        cblas_sdot(Int32(n), x, 1, y, 1)
    }

    /// `cblas_saxpy`.
    public static func axpy(n: Int, alpha: Float, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        cblas_saxpy(Int32(n), alpha, x, 1, y, 1)
    }

    /// `LAPACKE_sgesdd` with `jobz = 'N'`.
    public static func singularValues(rows: Int, columns: Int, scalars: [Float]) -> [Float]? {
        var a = scalars
        var s = [Float](repeating: 0, count: Swift.min(rows, columns))
        if s.isEmpty { return [] }
        // With jobz = "N" the U and Vᵀ arrays are never referenced, but LAPACKE still checks
        // their leading dimensions against the matrix size.
        var dummyU: Float = 0
        var dummyVT: Float = 0
        let info = LAPACKE_sgesdd(
            LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "N")), Int32(rows), Int32(columns), &a,
            Int32(columns), &s, &dummyU, Int32(Swift.max(rows, columns)), &dummyVT, Int32(Swift.max(rows, columns)))
        return info == 0 ? s : nil
    }
}

extension Double: TensorScalar {
    /// The machine epsilon of `Double`.
    public static var epsilonAsDouble: Double { Double.ulpOfOne }
    /// `exp(x)`.
    @inlinable public static func exponential(_ x: Double) -> Double { Foundation.exp(x) }
    /// `log(x)`.
    @inlinable public static func logarithm(_ x: Double) -> Double { Foundation.log(x) }
    /// `tanh(x)`.
    @inlinable public static func hyperbolicTangent(_ x: Double) -> Double { Foundation.tanh(x) }
    /// `pow(x, y)`.
    @inlinable public static func power(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }

    /// `cblas_dgemm`, row-major.
    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int, beta: Double,
        c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        cblas_dgemm(
            CblasRowMajor, transposeFlag(transposeA), transposeFlag(transposeB), Int32(m), Int32(n),
            Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// `cblas_ddot`.
    public static func dot(n: Int, x: UnsafePointer<Double>, y: UnsafePointer<Double>) -> Double {
        cblas_ddot(Int32(n), x, 1, y, 1)
    }

    /// `cblas_daxpy`.
    public static func axpy(n: Int, alpha: Double, x: UnsafePointer<Double>, y: UnsafeMutablePointer<Double>) {
        cblas_daxpy(Int32(n), alpha, x, 1, y, 1)
    }

    /// `LAPACKE_dgesdd` with `jobz = 'N'`.
    public static func singularValues(rows: Int, columns: Int, scalars: [Double]) -> [Double]? {
        var a = scalars
        var s = [Double](repeating: 0, count: Swift.min(rows, columns))
        if s.isEmpty { return [] }
        // With jobz = "N" the U and Vᵀ arrays are never referenced, but LAPACKE still checks
        // their leading dimensions against the matrix size.
        var dummyU: Double = 0
        var dummyVT: Double = 0
        let info = LAPACKE_dgesdd(
            LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "N")), Int32(rows), Int32(columns), &a,
            Int32(columns), &s, &dummyU, Int32(Swift.max(rows, columns)), &dummyVT, Int32(Swift.max(rows, columns)))
        return info == 0 ? s : nil
    }
}
