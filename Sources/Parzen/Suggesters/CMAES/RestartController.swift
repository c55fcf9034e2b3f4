import Foundation
import GSLKit

/// Decides the population of each new run of the strategy: IPOP (Auger and Hansen, CEC 2005)
/// or BIPOP (Hansen, GECCO 2009) as Optuna 4.3.0's `CmaEsSampler` did. docs/cmaes.md, section 11.
struct RestartController: Sendable, Equatable {
    let strategy: CMAES.RestartStrategy
    /// λ₀.
    let initialPopsize: Int
    let increase: Int
    /// The index of the current run: 0 for the first, k after k restarts.
    private(set) var run = 0
    /// λ of the current run.
    private(set) var popsize: Int
    private var largeRuns = 0
    private var currentIsLarge = false
    private var smallEvaluations = 0
    private var largeEvaluations = 0

    init(strategy: CMAES.RestartStrategy, initialPopsize: Int, increase: Int) {
        self.strategy = strategy
        self.initialPopsize = initialPopsize
        self.increase = increase
        popsize = initialPopsize
    }

    /// Ends the current run after `generations` generations and returns the next run's λ.
    ///
    /// - Determinism: BIPOP's small runs draw one `uniform()` from `rng`; nothing else draws.
    mutating func restart(afterGenerations generations: Int, using rng: Tausworthe) -> Int {
        run += 1
        switch strategy {
        case .none:
            break
        case .ipop:
            popsize *= increase
        case .bipop:
            if currentIsLarge { largeEvaluations += popsize * generations } else { smallEvaluations += popsize * generations }
            if smallEvaluations < largeEvaluations {
                currentIsLarge = false
                let multiplier = Foundation.pow(Double(increase), Double(largeRuns))
                let u = rng.uniform()
                popsize = Int((Double(initialPopsize) * Foundation.pow(multiplier, u * u)).rounded(.down))
            } else {
                currentIsLarge = true
                largeRuns += 1
                popsize = initialPopsize * Int(Foundation.pow(Double(increase), Double(largeRuns)))
            }
        }
        return popsize
    }
}
