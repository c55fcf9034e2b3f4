import Foundation

/// Each suggester's per-trial times by trial index, pooled over its problems and runs, in
/// log-spaced index bins: what cost-growth.csv (``CostGrowthTable``) is written from.
///
/// Memory is fixed by the suggesters and the longest run (a few kB per index bin), not by the
/// number of cells: each cell's times are added as it is read and need not be kept.
///
/// Trial `n` (1-based) falls in index bin `⌊4·log₂ n⌋`, four bins per doubling; trials 1–7
/// each have their own bin, then 8–9, 10–11, 12–13, 14–15, 16–19, …
struct CostGrowth: Sendable {
    /// The suggesters in manifest order.
    let suggesters: [String]
    private let position: [String: Int]
    /// Per suggester, per index bin (nil where no trial fell).
    private(set) var bins: [[Bin?]]

    /// One suggester's times in one index bin.
    struct Bin: Sendable {
        var suggest = TimeHistogram()
        var evaluate = TimeHistogram()
        /// The first and last trial (1-based) seen in the bin.
        var trials: ClosedRange<Int>
    }

    init(suggesters: [String]) {
        self.suggesters = suggesters
        position = Dictionary(suggesters.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        bins = Array(repeating: [], count: suggesters.count)
    }

    /// Whether any cell had per-trial times.
    var isEmpty: Bool { bins.allSatisfy { $0.allSatisfy { $0 == nil } } }

    /// The index bin of trial `n` (1-based).
    static func indexBin(trial n: Int) -> Int {
        precondition(n >= 1, "trials count from 1")
        let octave = Int.bitWidth - 1 - n.leadingZeroBitCount
        let m = Double(n) / Double(1 << octave)  // in [1, 2)
        let m4 = m * m * m * m
        return 4 * octave + (m4 >= 8 ? 3 : m4 >= 4 ? 2 : m4 >= 2 ? 1 : 0)
    }

    /// Adds a finished cell's per-trial times (nothing for a record without them).
    ///
    /// - Complexity: O(trials).
    mutating func add(_ record: CellRecord, suggester: String) {
        guard let times = record.trialTimes, let s = position[suggester] else { return }
        for (index, time) in times.enumerated() {
            let trial = index + 1, bin = Self.indexBin(trial: trial)
            if bins[s].count <= bin { bins[s].append(contentsOf: repeatElement(nil, count: bin + 1 - bins[s].count)) }
            if bins[s][bin] == nil { bins[s][bin] = Bin(trials: trial...trial) }
            // Mutated in place: a copy of the bin would copy its histograms for every trial.
            bins[s][bin]!.suggest.add(nanoseconds: time.suggestNanoseconds)
            bins[s][bin]!.evaluate.add(nanoseconds: time.evaluateNanoseconds)
            let range = bins[s][bin]!.trials
            bins[s][bin]!.trials = min(range.lowerBound, trial)...max(range.upperBound, trial)
        }
    }
}
