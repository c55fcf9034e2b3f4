/// Every pair of suggesters compared on each problem at each checkpoint (Mann–Whitney U,
/// Holm-adjusted within each problem and checkpoint, Vargha–Delaney A₁₂); tests.csv lists them.
public enum PairwiseTable {
    /// The comparisons of one problem at checkpoint index `checkpoint`.
    public static func comparisons(_ results: ResultSet, problem: Int, checkpoint: Int) -> [PairwiseComparison] {
        PairwiseComparisons.compare(results.suggesters.indices.map {
            results.regrets(problem: problem, suggester: $0, checkpoint: checkpoint)
        })
    }
}
