import GSLKit
import Parzen

/// One evaluation of a noisy objective: the loss a suggester sees and the noise-free value
/// that regret is computed on.
public struct NoisyEvaluation: Sendable, Equatable {
    /// The true value plus Gaussian noise; what the suggester is told.
    public let loss: Double
    /// The noise-free value of the test function at the same point.
    public let truth: Double
}

/// A test function observed through additive Gaussian noise (`noise: σ` in a manifest).
///
/// Each evaluation draws one Gaussian with standard deviation σ from the generator it is given
/// (the cell's problem stream, shared by every suggester of the same replicate), through GSL's
/// `gsl_ran_gaussian`. With σ = 0 nothing is drawn and the loss equals the truth.
public struct NoisyObjective: Sendable {
    /// The noise-free function.
    public let function: TestFunction
    /// The standard deviation of the noise, ≥ 0.
    public let sigma: Double

    /// Wraps `function` with noise of standard deviation `sigma`.
    ///
    /// - Throws: ``NoiseError`` when `sigma` is negative or not finite.
    public init(_ function: TestFunction, sigma: Double) throws(NoiseError) {
        guard sigma.isFinite, sigma >= 0 else { throw NoiseError(function: function.key, sigma: sigma) }
        self.function = function
        self.sigma = sigma
    }

    /// Evaluates an already-evaluated point (``SearchSpace/evaluate(_:)``).
    ///
    /// - Determinism: draws exactly one Gaussian from `rng` when σ > 0 (GSL's polar method
    ///   consumes a variable number of raw outputs), none when σ = 0.
    public func evaluate(_ point: Value, using rng: MersenneTwister) -> NoisyEvaluation {
        let truth = function.evaluate(point)
        guard sigma > 0 else { return NoisyEvaluation(loss: truth, truth: truth) }
        return NoisyEvaluation(loss: truth + rng.gaussian(mean: 0, sd: sigma), truth: truth)
    }

    /// Evaluates a flat assignment; see ``evaluate(_:using:)``.
    ///
    /// - Throws: ``AssignmentError`` when the assignment does not fit the space (nothing is
    ///   drawn then).
    public func value(at assignment: Assignment, using rng: MersenneTwister) throws(AssignmentError) -> NoisyEvaluation {
        evaluate(try function.space.evaluate(assignment), using: rng)
    }
}

extension TestFunction {
    /// This function observed through Gaussian noise of standard deviation `sigma`.
    ///
    /// - Throws: ``NoiseError`` when `sigma` is negative or not finite.
    public func noisy(sigma: Double) throws(NoiseError) -> NoisyObjective {
        try NoisyObjective(self, sigma: sigma)
    }
}

/// A noise level that is not a finite, non-negative number.
public struct NoiseError: Error, Equatable, CustomStringConvertible {
    /// The function the noise was asked for.
    public let function: String
    /// The rejected standard deviation.
    public let sigma: Double

    public var description: String {
        "noise for '\(function)' must be a finite standard deviation >= 0, got \(sigma)"
    }
}
