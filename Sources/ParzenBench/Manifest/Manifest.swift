import Parzen

/// An experiment as a manifest declares it (experiments/NAME.yaml), parsed and validated:
/// problems × suggesters × repeats, each run for `budget` evaluations.
public struct Manifest: Sendable {
    /// Names the results folder (results/NAME) and the plots folder (plots/NAME).
    public var name: String
    /// The manifest seed every cell's seeds are derived from.
    public var seed: UInt64
    /// Replicates per (problem, suggester).
    public var repeats: Int
    /// Evaluations per run.
    public var budget: Int
    /// The evaluation counts at which best-so-far is reported, ascending, the last = budget.
    public var checkpoints: [Int]
    public var problems: [ProblemSpec]
    public var suggesters: [SuggesterSpec]
    /// The file it was read from (for messages and the lock file).
    public var source: String

    /// Roughly log-spaced checkpoints up to `budget`: the values 10, 25, 50, 100, 250, 500, … below
    /// the budget, then the budget itself (`[budget]` alone for budgets up to 10).
    public static func defaultCheckpoints(budget: Int) -> [Int] {
        var points: [Int] = []
        var decade = 10
        outer: while true {
            for multiple in [1, 2.5, 5] {
                let value = Int(Double(decade) * multiple)
                if value >= budget { break outer }
                points.append(value)
            }
            decade *= 10
        }
        return points + [budget]
    }
}

/// One problem of a manifest: what is evaluated (``ProblemObjective``), under a label.
public struct ProblemSpec: Sendable {
    /// Unique within the manifest; names folders and rows.
    public var label: String
    public var objective: any ProblemObjective
    /// This problem's evaluations per run when it differs from the manifest's budget (at most
    /// that; e.g. COCO's budgets in multiples of the dimension).
    public var budget: Int?
    /// For an external program, the hash of the files its command names
    /// (``ProgramIdentity/hash(command:workingDirectory:)``): kept in its cell files, so editing the
    /// program makes them stale. Not part of the fingerprint or the lock file.
    public var programHash: String? = nil

    public init(label: String, objective: any ProblemObjective, budget: Int? = nil) {
        self.label = label
        self.objective = objective
        self.budget = budget
    }

    public var space: SearchSpace { objective.space }
    public var direction: Direction { objective.direction }
    /// The known best value in the user's sign, if any.
    public var knownOptimum: Double? { objective.knownOptimum }

    /// Canonical text of everything that determines this problem, for fingerprints.
    public var canonicalText: String { "\(objective.canonicalText);label=\(label)" }
}

/// One suggester of a manifest: a registered algorithm with options, under a label.
public struct SuggesterSpec: Sendable {
    /// Unique within the manifest; names folders and columns.
    public var label: String
    /// The configured algorithm (options decoded and validated).
    public var algorithm: Algorithm
    /// For an external program (`command`), how to start and talk to it: the runner starts it
    /// through its threads' ``ProgramPool``s so one process can serve many cells. Not part of
    /// the fingerprint beyond what ``algorithm``'s options hold.
    public var program: ExternalSuggester.Options? = nil
    /// For an external program, the hash of the files its command names, as
    /// ``ProblemSpec/programHash``.
    public var programHash: String? = nil

    /// Canonical text of everything that determines this suggester, for fingerprints.
    public var canonicalText: String {
        let options = algorithm.options.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        return "algorithm=\(algorithm.name);options={\(options)};label=\(label)"
    }
}
