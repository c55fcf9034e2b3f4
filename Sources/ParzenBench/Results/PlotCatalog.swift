/// The names of the pictures of a result set (plots/NAME/STEM.png), which report.md links to and
/// the plotter draws, and which problems get a sample picture.
public enum PlotCatalog {
    public static func convergence(_ problem: ResultSet.Problem) -> String { "\(problem.label)-convergence" }
    public static let final = "final"
    public static let ecdf = "ecdf"
    public static let ranks = "ranks"
    public static let cost = "cost"
    public static let costGrowth = "cost-growth"
    public static func samples(_ problem: ResultSet.Problem) -> String { "\(problem.label)-samples" }

    /// The problems that get a sample picture: samples.csv lists them and sample-axes.csv gives
    /// their axes (collect writes these for a test function with one or two numeric,
    /// unconditional hyperparameters, ``SampleGrid``).
    public static func sampleProblems(_ results: ResultsInfo) -> [Int] {
        results.problems.indices.filter { p in
            guard let points = results.samples[results.problems[p].label], !points.isEmpty else { return false }
            return results.sampleAxes[results.problems[p].label]?.isEmpty == false
        }
    }
}
