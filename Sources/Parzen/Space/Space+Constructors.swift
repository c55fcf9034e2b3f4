import Foundation

// hyperopt's `hp.*` constructors, with the same argument order and meaning, so a hyperopt space
// ports one-to-one. Nothing is checked here; ``SearchSpace/init(_:)`` validates the whole tree.

extension Space {
    /// `hp.choice(label, options)`: one option, uniformly. Records the option's index.
    public static func choice(_ label: String, _ options: [Space]) -> Space {
        .parameter(label: label, .choice(options))
    }

    /// `hp.pchoice(label, [(p, option), …])`: option i with probability p_i (sum 1 within 1e-9).
    public static func pchoice(_ label: String, _ weighted: [(Double, Space)]) -> Space {
        .parameter(label: label, .pchoice(weighted.map(\.1), probabilities: weighted.map(\.0)))
    }

    /// `hp.randint(label, upper)`: an integer in `0..<upper`.
    public static func randint(_ label: String, _ upper: Int) -> Space {
        .parameter(label: label, .randint(low: 0, high: upper))
    }

    /// `hp.randint(label, low, high)`: an integer in `low..<high`.
    public static func randint(_ label: String, _ low: Int, _ high: Int) -> Space {
        .parameter(label: label, .randint(low: low, high: high))
    }

    /// `hp.uniform(label, low, high)`: a float in [low, high).
    public static func uniform(_ label: String, _ low: Double, _ high: Double) -> Space {
        .parameter(label: label, .uniform(low: low, high: high))
    }

    /// `hp.quniform(label, low, high, q)`: `round(uniform(low, high)/q)·q` (half to even; may
    /// leave [low, high]).
    public static func quniform(_ label: String, _ low: Double, _ high: Double, _ q: Double) -> Space {
        .parameter(label: label, .quniform(low: low, high: high, q: q))
    }

    /// `hp.uniformint(label, low, high)`: an integer in [low, high], endpoints at half mass.
    public static func uniformint(_ label: String, _ low: Int, _ high: Int) -> Space {
        .parameter(label: label, .uniformint(low: low, high: high))
    }

    /// `hp.loguniform(label, low, high)`: `exp(uniform(low, high))`. **Bounds are natural logs**;
    /// see ``logUniform(_:in:)`` for real bounds.
    public static func loguniform(_ label: String, _ low: Double, _ high: Double) -> Space {
        .parameter(label: label, .loguniform(low: low, high: high))
    }

    /// `hp.qloguniform(label, low, high, q)`: `round(exp(uniform(low, high))/q)·q`; log bounds.
    public static func qloguniform(_ label: String, _ low: Double, _ high: Double, _ q: Double) -> Space {
        .parameter(label: label, .qloguniform(low: low, high: high, q: q))
    }

    /// `hp.normal(label, mu, sigma)`: an unbounded Gaussian.
    public static func normal(_ label: String, _ mu: Double, _ sigma: Double) -> Space {
        .parameter(label: label, .normal(mu: mu, sigma: sigma))
    }

    /// `hp.qnormal(label, mu, sigma, q)`: `round(normal(mu, sigma)/q)·q`.
    public static func qnormal(_ label: String, _ mu: Double, _ sigma: Double, _ q: Double) -> Space {
        .parameter(label: label, .qnormal(mu: mu, sigma: sigma, q: q))
    }

    /// `hp.lognormal(label, mu, sigma)`: `exp(normal(mu, sigma))`; `mu`, `sigma` in log space.
    public static func lognormal(_ label: String, _ mu: Double, _ sigma: Double) -> Space {
        .parameter(label: label, .lognormal(mu: mu, sigma: sigma))
    }

    /// `hp.qlognormal(label, mu, sigma, q)`: `round(exp(normal(mu, sigma))/q)·q`.
    public static func qlognormal(_ label: String, _ mu: Double, _ sigma: Double, _ q: Double) -> Space {
        .parameter(label: label, .qlognormal(mu: mu, sigma: sigma, q: q))
    }

    // MARK: Real-bounds conveniences

    /// A log-uniform float between real bounds: `logUniform("lr", in: 1e-5...1e-1)` is
    /// `loguniform("lr", log(1e-5), log(1e-1))`. Bounds must be positive (checked when compiled:
    /// a non-positive bound gives a NaN log bound, which validation rejects).
    public static func logUniform(_ label: String, in bounds: ClosedRange<Double>) -> Space {
        .loguniform(label, log(bounds.lowerBound), log(bounds.upperBound))
    }

    /// A quantized log-uniform float between real bounds; see ``logUniform(_:in:)``.
    public static func qlogUniform(_ label: String, in bounds: ClosedRange<Double>, q: Double) -> Space {
        .qloguniform(label, log(bounds.lowerBound), log(bounds.upperBound), q)
    }
}
