import Foundation
import GSLKit

/// The final-regret statistics behind report.md's tables: per problem and suggester the median,
/// quartiles and a bootstrap 95% interval of the median; per problem the winner, if any.
public struct FinalSummary: Sendable {
    /// One (problem, suggester) cell.
    public struct Cell: Sendable, Equatable {
        public let median: Double
        public let q25: Double
        public let q75: Double
        /// Percentile-bootstrap 95% interval of the median (``FinalSummary/resamples`` resamples).
        public let interval: BootstrapInterval
    }

    /// Bootstrap resamples per cell.
    public static let resamples = 2000
    /// The significance level a winner must reach against every other suggester.
    public static let alpha = 0.05

    /// `cells[problem][suggester]`.
    public let cells: [[Cell]]
    /// Per problem, the index of the winning suggester, or nil (see ``winner(_:)``).
    public let winners: [Int?]

    /// The cells of `results`: those it carries (``ResultsSummary/finalCells``, computed while it
    /// was read), or else each computed here.
    ///
    /// - Parameter threads: threads that compute cells at once (``OrderedParallelMap``) when
    ///   `results` carries none; each cell draws from its own generator
    ///   (``bootstrapSeed(problem:suggester:)``), so the numbers do not depend on it.
    public init(_ results: ResultsSummary, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        let cells: [[Cell]]
        if let carried = results.finalCells {
            cells = carried
        } else {
            let suggesters = results.suggesters.count
            let all = OrderedParallelMap.map(0..<(results.problems.count * suggesters), threads: threads) { index in
                let p = index / suggesters, s = index % suggesters
                return Self.cell(results.finalRegrets(problem: p, suggester: s),
                                 seed: Self.bootstrapSeed(problem: results.problems[p].label, suggester: results.suggesters[s].label))
            }
            cells = results.problems.indices.map { p in Array(all[(p * suggesters)..<((p + 1) * suggesters)]) }
        }
        self.cells = cells
        // The medians are the cells' own: the same numbers ``winners(_:)`` sorts the samples for.
        winners = Self.winners(results) { cells[$0].map(\.median) }
    }

    /// One cell: the median and quartiles of `sample` (final regrets in replicate order) and the
    /// bootstrap interval of its median, drawn from a generator seeded with `seed`.
    static func cell(_ sample: [Double], seed: UInt32) -> Cell {
        let sorted = Statistics.sorted(sample)
        return Cell(median: Statistics.median(sorted: sorted), q25: Quartiles.quantile(sorted: sorted, 0.25),
                    q75: Quartiles.quantile(sorted: sorted, 0.75),
                    interval: BootstrapMedian.confidenceInterval(sample, resamples: resamples, using: MersenneTwister(seed: seed)))
    }

    /// The winner of each problem's row at the final checkpoint (see ``winner(_:medians:)``),
    /// without the bootstrap.
    public static func winners(_ results: ResultsSummary) -> [Int?] {
        winners(results) { p in
            results.suggesters.indices.map { s in Statistics.median(sorted: Statistics.sorted(results.finalRegrets(problem: p, suggester: s))) }
        }
    }

    /// The winner of each problem's row at the final checkpoint, given each problem's medians
    /// (one per suggester).
    private static func winners(_ results: ResultsSummary, medians: (Int) -> [Double]) -> [Int?] {
        results.problems.indices.map { p in winner(results.perProblem[p].comparisons[results.checkpoints.count - 1], medians: medians(p)) }
    }

    /// The bootstrap generator's seed for one cell: FNV-1a over "bootstrap␟PROBLEM␟SUGGESTER",
    /// SplitMix64-finalised and folded to 32 bits (``SeedDerivation/seed(hashing:)``), so a cell's interval
    /// does not depend on which other problems or suggesters the results hold.
    public static func bootstrapSeed(problem: String, suggester: String) -> UInt32 {
        SeedDerivation.seed(hashing: "bootstrap\u{1F}\(problem)\u{1F}\(suggester)")
    }

    /// The winner of one problem's row: the suggester with the strictly lowest median, provided
    /// that against *every* other suggester its Holm-adjusted p-value is < ``alpha`` and its
    /// A₁₂ is > 0.5 (it tends to the lower regret). nil otherwise, and with one suggester.
    ///
    /// - Parameters:
    ///   - comparisons: the family of pairs at the final checkpoint (``PairwiseComparisons``).
    ///   - medians: the median final regret of each suggester.
    public static func winner(_ comparisons: [PairwiseComparison], medians: [Double]) -> Int? {
        guard medians.count >= 2, let best = medians.indices.min(by: { medians[$0] < medians[$1] }) else { return nil }
        guard medians.indices.allSatisfy({ $0 == best || medians[$0] > medians[best] }) else { return nil }
        for other in medians.indices where other != best {
            guard let pair = comparisons.first(where: { Set([$0.first, $0.second]) == Set([best, other]) }) else { return nil }
            let favoursBest = pair.first == best ? pair.a12 > 0.5 : pair.a12 < 0.5
            guard pair.adjustedPValue < alpha, favoursBest else { return nil }
        }
        return best
    }
}
