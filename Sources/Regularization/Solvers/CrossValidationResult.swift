import Foundation

/// A cross-validation: the error curve and the model refitted on all the data at the best α.
public struct CrossValidationResult<Model: Sendable & Equatable & Codable>: Sendable, Equatable, Codable {
    /// Validation error per α and fold, with the best and one-standard-error choices.
    public var curve: CrossValidationCurve
    /// The model refitted on all the data at `curve.bestAlpha`.
    public var model: Model
}
