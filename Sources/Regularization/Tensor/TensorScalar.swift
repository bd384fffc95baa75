/// The element types a `Tensor` can hold: `Float` and `Double`.
///
/// Each conformer knows how to call the BLAS routine of its precision, so generic tensor code
/// reaches OpenBLAS without runtime type checks.
public protocol TensorScalar: BinaryFloatingPoint, Codable, Sendable, CustomStringConvertible
where Self.RawSignificand: FixedWidthInteger {}

extension Float: TensorScalar {}
extension Double: TensorScalar {}
