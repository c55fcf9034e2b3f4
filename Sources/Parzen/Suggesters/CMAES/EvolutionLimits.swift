/// The constants that bound the `cmaes` package's strategies and its termination tests.
enum EvolutionLimits {
    /// σ is capped here after every update (`_SIGMA_MAX`).
    static let sigmaMax = 1e32
    /// A negative eigenvalue of C (or entry of a diagonal C) is replaced by this (`_EPS`).
    static let eigenvalueFloor = 1e-8
    /// tolx = this · σ0.
    static let relativeTolX = 1e-12
    static let tolXUp = 1e4
    static let tolFun = 1e-12
    static let tolConditionCov = 1e14
}
