/// One file a picture consists of (its script or a data file), written into plots/NAME.
public struct PlotFile: Sendable, Equatable {
    /// The file name inside the plots folder.
    public let name: String
    public let contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

/// One picture: its script stem (`stem.gp` renders `stem.png`) and the files it needs.
public struct PlotScript: Sendable, Equatable {
    public let stem: String
    /// PNG size in pixels, as the script's terminal line states.
    public let width: Int
    public let height: Int
    /// The script first, then its data files.
    public let files: [PlotFile]
    /// Data files the script reads that collect wrote into the plots folder (a samples picture's
    /// PROBLEM-grid.dat, ``SampleGrid``); the plotter does not write them.
    public var collected: [String] = []

    public var scriptName: String { stem + ".gp" }
    public var imageName: String { stem + ".png" }
}

/// The names of the pictures of a result set, shared by the plotter and report.md.
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

    /// Every script of `results`, in a fixed order: convergence per problem, final, ecdf, ranks
    /// (two or more suggesters), samples per 1-D/2-D problem, cost (with cost.csv), cost growth
    /// (with cost-growth.csv).
    public static func scripts(_ results: ResultsSummary, source: String) -> [PlotScript] {
        var scripts = results.problems.indices.map { ConvergencePlot.script(results, problem: $0, source: source) }
        scripts.append(FinalDistributionPlot.script(results, source: source))
        scripts.append(ECDFPlot.script(results, source: source))
        if let ranks = CriticalDifferencePlot.script(results, source: source) { scripts.append(ranks) }
        for p in sampleProblems(results.info) {
            if let script = SamplesPlot.script(results.info, problem: p, source: source) { scripts.append(script) }
        }
        if let cost = CostPlot.script(results.info, source: source) { scripts.append(cost) }
        if let growth = CostGrowthPlot.script(results.info, source: source) { scripts.append(growth) }
        return scripts
    }
}
