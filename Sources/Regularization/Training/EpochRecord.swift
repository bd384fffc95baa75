/// What a training run measured in one epoch.
public struct EpochRecord: Sendable, Equatable, Codable {
    /// The epoch number, from 1.
    public var epoch: Int
    /// Mean data loss on the training set, evaluated after the epoch without dropout.
    public var trainingLoss: Double
    /// Training accuracy after the epoch (for classification losses).
    public var trainingAccuracy: Double
    /// Mean of the mini-batch losses seen during the epoch (with dropout, before each step).
    public var runningLoss: Double
    /// The penalty term R(w) after the epoch (0 without a penalty).
    public var penalty: Double
    /// Validation loss after the epoch, when validation data was given.
    public var validationLoss: Double?
    /// Validation accuracy after the epoch, when validation data was given.
    public var validationAccuracy: Double?
    /// ‖W‖₁ of every layer's weight matrix.
    public var weightL1: [Double]
    /// ‖W‖₂ (Frobenius) of every layer's weight matrix.
    public var weightL2: [Double]
    /// Fraction of exactly zero weights per layer.
    public var exactZeroFraction: [Double]
    /// Fraction of weights with |w| < the configured ε per layer.
    public var nearZeroFraction: [Double]
    /// Mean over steps of the global L2 gradient norm before clipping.
    public var gradientNormBefore: Double
    /// Mean over steps of the global L2 gradient norm after clipping.
    public var gradientNormAfter: Double
    /// Largest global L2 gradient norm before clipping in the epoch.
    public var maxGradientNormBefore: Double
    /// Mean over steps of each layer's weight-gradient L2 norm before clipping (input layer
    /// first): shows vanishing or exploding gradients layer by layer.
    public var layerGradientNorms: [Double]
    /// Fraction of steps in which clipping changed the gradients.
    public var clippedFraction: Double
}
