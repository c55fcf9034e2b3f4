import GSLKit

/// One run of the evolution strategy in the unit cube: the full, separable or margin variant.
enum EvolutionStrategy: Sendable {
    case full(CMAStrategy)
    case separable(SepCMAStrategy)
    case margin(CMAwMStrategy)

    var popsize: Int {
        switch self {
        case .full(let s): return s.state.parameters.popsize
        case .separable(let s): return s.state.parameters.popsize
        case .margin(let s): return s.popsize
        }
    }

    var generation: Int {
        switch self {
        case .full(let s): return s.state.generation
        case .separable(let s): return s.state.generation
        case .margin(let s): return s.generation
        }
    }

    /// True when the raw draw, not the encoded point, is told (CMA-ES with margin).
    var tellsRawDraws: Bool {
        if case .margin = self { return true }
        return false
    }

    /// One individual: the point to evaluate and the raw draw.
    ///
    /// - Determinism: n `gaussian` draws from `rng` per attempt, at most (maxResampling + 1)·n.
    mutating func ask(maxResampling: Int, using rng: Tausworthe) -> (point: [Double], raw: [Double]) {
        // Consumed, so the payload is uniquely referenced and updated in place (no copy of C).
        switch consume self {
        case .full(var s):
            let x = s.ask(maxResampling: maxResampling, using: rng)
            self = .full(s)
            return (x, x)
        case .separable(let s):
            let x = s.ask(maxResampling: maxResampling, using: rng)
            self = .separable(s)
            return (x, x)
        case .margin(var s):
            let (encoded, raw) = s.ask(maxResampling: maxResampling, using: rng)
            self = .margin(s)
            return (encoded, raw)
        }
    }

    /// The update from exactly λ solutions (cube coordinates) and their losses.
    mutating func tell(_ solutions: [[Double]], values: [Double]) {
        switch consume self {
        case .full(var s): s.tell(solutions, values: values); self = .full(s)
        case .separable(var s): s.tell(solutions, values: values); self = .separable(s)
        case .margin(var s): s.tell(solutions, values: values); self = .margin(s)
        }
    }

    /// The package's termination criteria (used by restarts only).
    mutating func shouldStop() -> Bool {
        switch consume self {
        case .full(var s):
            let stop = s.shouldStop()
            self = .full(s)
            return stop
        case .separable(let s):
            self = .separable(s)
            return s.shouldStop()
        case .margin(var s):
            let stop = s.shouldStop()
            self = .margin(s)
            return stop
        }
    }
}
