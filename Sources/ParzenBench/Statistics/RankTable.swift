import GSLKit

/// Average ranks of the suggesters over the problems at the final checkpoint, with
/// the Friedman test and Nemenyi's critical difference (Demšar 2006).
///
/// Score: on each problem, each suggester's *median* final regret over its replicates (the
/// per-problem summary Demšar ranks); rank 1 is the lowest median, ties share the average rank.
public enum RankTable {
    /// `scores[problem][suggester]`: the median final regret.
    public static func scores(_ results: ResultsSummary) -> [[Double]] {
        results.problems.indices.map { p in
            results.suggesters.indices.map { s in
                Statistics.median(sorted: Statistics.sorted(results.finalRegrets(problem: p, suggester: s)))
            }
        }
    }

    /// The Friedman test of the scores; nil with fewer than two suggesters.
    public static func friedman(_ results: ResultsSummary) -> FriedmanTest? {
        guard results.suggesters.count >= 2, !results.problems.isEmpty else { return nil }
        return FriedmanTest(scores: scores(results))
    }
}
