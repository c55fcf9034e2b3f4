import Foundation
import Yams

/// Reads a results folder (results/NAME): manifest.lock.yaml for the problems, suggesters and
/// checkpoints; runs.csv for the regrets; and, where present, trace.csv (every improvement),
/// samples.csv and sample-axes.csv (the sample pictures), extras.csv (where proposal extras changed), short-runs.csv
/// (runs that stopped before their budget), failures.csv (failed cells), cost.csv and
/// cost-growth.csv (timings). Nothing else is read and nothing is rerun.
///
/// runs.csv and trace.csv are read one problem at a time (their rows follow the lock's problem
/// order, as `parzen collect` writes them), so memory holds one problem's runs whatever the
/// number of problems; ``summarise(_:threads:finalCells:)`` (in Statistics) keeps a ``ProblemSummary`` of each,
/// made while the next problem is read.
///
/// When cells failed, the groups (problem, suggester) they belong to are incomplete; the results
/// then hold complete groups only: problems and suggesters are left out, the one with more
/// incomplete groups first (ties: the one whose removal drops fewer groups, then a suggester),
/// until every remaining group is complete. The left-out labels are recorded in the results.
public enum ResultsReader {
    /// Reads all of `folder` into memory (tests and small folders).
    ///
    /// - Throws: ``AnalysisError`` as ``stream(_:_:)``.
    public static func read(_ folder: URL) throws(AnalysisError) -> ResultSet {
        var regrets: [[[[Double]]]] = [], traces: [[[TraceTable.Run]]] = []
        let (info, hasTraces) = try stream(folder) { one in
            regrets.append(one.regrets[0])
            traces.append(one.traces?[0] ?? [])
        }
        return ResultSet(info: info, regrets: regrets, traces: hasTraces ? traces : nil)
    }

    /// Reads `folder` and hands `body` each kept problem in turn, as a result set of that one
    /// problem with the kept suggesters (without samples.csv's points, read after the runs).
    ///
    /// - Returns: what the folder records besides its runs, and whether it has trace.csv.
    /// - Throws: ``AnalysisError`` naming the file and line when a file is missing or malformed,
    ///   when runs.csv lacks a (problem, suggester, replicate, checkpoint) the lock declares for a
    ///   run that neither failed nor stopped short, when the rows of runs.csv or trace.csv do not
    ///   follow the lock's problem order, or when no complete group remains.
    public static func stream(_ folder: URL, _ body: (ResultSet) -> Void) throws(AnalysisError) -> (info: ResultsInfo, hasTraces: Bool) {
        let lockURL = folder.appendingPathComponent("manifest.lock.yaml")
        let lock = try Lock(text: headOfLock(text(of: lockURL)), file: lockURL.path)
        func optional(_ name: String) throws(AnalysisError) -> (text: String, file: String)? {
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            return (try text(of: url), url.path)
        }
        var failures: [FailuresTable.Row] = []
        if let file = try optional(FailuresTable.fileName) { failures = try FailuresTable.rows(file.text, file: file.file) }
        var shortRuns: [ShortRunsTable.Row] = []
        if let file = try optional(ShortRunsTable.fileName) { shortRuns = try ShortRunsTable.rows(file.text, file: file.file) }
        let runsURL = folder.appendingPathComponent("runs.csv")
        let failed = Set(failures.map { "\($0.problem)\u{1F}\($0.suggester)" })
        let problemIndex = Dictionary(lock.problems.enumerated().map { ($1.label, $0) }, uniquingKeysWith: { a, _ in a })
        let suggesterIndex = Dictionary(lock.suggesters.enumerated().map { ($1.label, $0) }, uniquingKeysWith: { a, _ in a })
        var shortRunsByProblem = [[ShortRunsTable.Row]](repeating: [], count: lock.problems.count)
        for row in shortRuns {
            guard let p = problemIndex[row.problem], suggesterIndex[row.suggester] != nil, row.replicate >= 0, row.replicate < 1_000_000 else {
                throw AnalysisError(file: runsURL.path, message: "short-runs.csv names problem '\(row.problem)', suggester '\(row.suggester)', replicate \(row.replicate), not in manifest.lock.yaml")
            }
            shortRunsByProblem[p].append(row)
        }
        // Complete groups only.
        var keptProblems = Array(lock.problems.indices), keptSuggesters = Array(lock.suggesters.indices)
        func incomplete(_ p: Int, _ s: Int) -> Bool { failed.contains("\(lock.problems[p].label)\u{1F}\(lock.suggesters[s].label)") }
        while true {
            let byProblem = keptProblems.map { p in keptSuggesters.filter { incomplete(p, $0) }.count }
            let bySuggester = keptSuggesters.map { s in keptProblems.filter { incomplete($0, s) }.count }
            guard let worstProblem = byProblem.indices.max(by: { byProblem[$0] < byProblem[$1] }),
                  let worstSuggester = bySuggester.indices.max(by: { bySuggester[$0] < bySuggester[$1] }),
                  byProblem[worstProblem] > 0 else { break }
            let dropProblem = byProblem[worstProblem] > bySuggester[worstSuggester]
                || (byProblem[worstProblem] == bySuggester[worstSuggester] && keptSuggesters.count < keptProblems.count)
            if dropProblem { keptProblems.remove(at: worstProblem) } else { keptSuggesters.remove(at: worstSuggester) }
        }
        var info = ResultsInfo(name: lock.name, checkpoints: lock.checkpoints, problems: keptProblems.map { lock.problems[$0] },
                               suggesters: keptSuggesters.map { lock.suggesters[$0] })
        if let file = try optional(SampleAxesTable.fileName) { info.sampleAxes = try SampleAxesTable.axes(file.text, file: file.file) }
        if let file = try optional(ExtrasTable.fileName) { info.extras = try ExtrasTable.rows(file.text, file: file.file) }
        if let file = try optional(CostTable.fileName) { info.cost = try CostTable.rows(file.text, file: file.file) }
        if let file = try optional(CostGrowthTable.fileName) { info.costGrowth = try CostGrowthTable.rows(file.text, file: file.file) }
        info.shortRuns = shortRuns
        info.failures = failures
        info.leftOutProblems = lock.problems.indices.filter { !keptProblems.contains($0) }.map { lock.problems[$0].label }
        info.leftOutSuggesters = lock.suggesters.indices.filter { !keptSuggesters.contains($0) }.map { lock.suggesters[$0].label }

        let runs = ProblemRows(try CSVRowReader(runsURL, header: runsHeader), problems: problemIndex)
        let traceURL = folder.appendingPathComponent(TraceTable.fileName)
        let trace = FileManager.default.fileExists(atPath: traceURL.path)
            ? ProblemRows(try CSVRowReader(traceURL, header: TraceTable.header), problems: problemIndex) : nil
        var anyKept = false
        for p in lock.problems.indices {
            let regrets = try readRuns(runs, problem: p, lock: lock, suggesters: suggesterIndex, shortRuns: shortRunsByProblem[p],
                                       incomplete: lock.suggesters.indices.map { incomplete(p, $0) })
            var traces: [[TraceTable.Run]]?
            if let trace {
                let repeats = lock.suggesters.indices.map { s in max(lock.repeats ?? 0, regrets[s]?.count ?? 0) }
                traces = try TraceTable.read(trace, problem: p, suggesters: suggesterIndex, repeats: repeats)
            }
            guard keptProblems.contains(p), !keptSuggesters.isEmpty else { continue }
            anyKept = true
            var one = info
            one.problems = [lock.problems[p]]
            let kept = keptSuggesters.map { regrets[$0]! }
            body(ResultSet(info: one, regrets: [kept],
                           traces: traces.map { traces in [keptSuggesters.enumerated().map { j, s in Array(traces[s].prefix(kept[j].count)) }] }))
        }
        guard anyKept else {
            throw AnalysisError(file: folder.path, message: "no (problem, suggester) has every replicate finished; failures.csv lists the \(failures.count) failed cell(s)")
        }
        // The points of samples.csv, the largest of the small tables, are read last and are not in
        // the result sets handed to `body` (no summary needs them): a summary made on another
        // thread then overlaps their reading.
        if let file = try optional(SamplesWriter.fileName) { info.samples = try readSamples(file.text, file: file.file, lock: lock) }
        return (info, trace != nil)
    }

    /// The lock file up to its `cells:` section (every cell's seeds, one line each), which the
    /// analysis does not need: a YAML parse of 10⁵ cells' lines costs seconds. Line numbers of the
    /// part kept are unchanged.
    static func headOfLock(_ text: String) -> String {
        guard let range = text.range(of: "\ncells:\n") else { return text }
        return String(text[..<range.lowerBound]) + "\n"
    }

    static func text(of url: URL) throws(AnalysisError) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw AnalysisError(file: url.path, message: "cannot read it; is this a results folder written by `parzen run` or `parzen collect`?")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The fields of manifest.lock.yaml the analysis needs.
    struct Lock {
        var name: String
        var checkpoints: [Int]
        var problems: [ResultSet.Problem]
        var suggesters: [ResultSet.Suggester]
        /// Replicates per (problem, suggester), when recorded.
        var repeats: Int?

        init(text: String, file: String) throws(AnalysisError) {
            let root: Node
            do {
                guard let node = try Yams.compose(yaml: text) else { throw AnalysisError(file: file, message: "empty lock file") }
                root = node
            } catch let error as AnalysisError {
                throw error
            } catch {
                throw AnalysisError(file: file, message: "not valid YAML: \(error)")
            }
            func fail(_ node: Node?, _ message: String) -> AnalysisError {
                AnalysisError(file: file, line: node?.mark?.line, message: message)
            }
            func scalar(_ node: Node?, _ field: String) throws(AnalysisError) -> String {
                guard let node, case .scalar(let value) = node else { throw fail(node ?? root, "missing or non-scalar field '\(field)'") }
                return value.string
            }
            func number<T: LosslessStringConvertible>(_ node: Node?, _ field: String, as type: T.Type) throws(AnalysisError) -> T {
                let text = try scalar(node, field)
                guard let value = T(text) else { throw fail(node, "field '\(field)': '\(text)' is not a number") }
                return value
            }
            name = try scalar(root["name"], "name")
            guard let checkpointNodes = root["checkpoints"]?.sequence, !checkpointNodes.isEmpty else {
                throw fail(root, "missing field 'checkpoints'")
            }
            var checkpoints: [Int] = []
            for node in checkpointNodes { checkpoints.append(try number(node, "checkpoints", as: Int.self)) }
            guard zip(checkpoints, checkpoints.dropFirst()).allSatisfy({ $0 < $1 }), checkpoints[0] >= 1 else {
                throw fail(root["checkpoints"], "checkpoints must be ascending and >= 1")
            }
            self.checkpoints = checkpoints
            repeats = try root["repeats"].map { (node) throws(AnalysisError) in try number(node, "repeats", as: Int.self) }
            let manifestBudget = try root["budget"].map { (node) throws(AnalysisError) in try number(node, "budget", as: Int.self) }
            guard let problemNodes = root["problems"]?.sequence, !problemNodes.isEmpty else { throw fail(root, "missing field 'problems'") }
            problems = []
            for node in problemNodes {
                // Only the label is required: a problem that is not a registered test function
                // records other fields (and gets no sample picture).
                func optional<T: LosslessStringConvertible>(_ key: String, as type: T.Type) throws(AnalysisError) -> T? {
                    guard let value = node[key] else { return nil }
                    return try number(value, "problems.\(key)", as: type)
                }
                var functionKey: String?
                if let value = node["function"] { functionKey = try scalar(value, "problems.function") }
                problems.append(ResultSet.Problem(
                    label: try scalar(node["label"], "problems.label"), functionKey: functionKey,
                    dimension: try optional("dims", as: Int.self), noise: try optional("noise", as: Double.self) ?? 0,
                    optimum: try optional("optimum", as: Double.self),
                    // `instance: replicate` starts at instance 1 with replicate 0.
                    instance: node["instance"]?.string == "replicate" ? nil : try optional("instance", as: Int.self),
                    budget: try optional("budget", as: Int.self) ?? manifestBudget))
            }
            guard let suggesterNodes = root["suggesters"]?.sequence, !suggesterNodes.isEmpty else { throw fail(root, "missing field 'suggesters'") }
            suggesters = []
            for node in suggesterNodes {
                suggesters.append(ResultSet.Suggester(label: try scalar(node["label"], "suggesters.label"),
                                                      algorithm: try scalar(node["algorithm"], "suggesters.algorithm")))
            }
        }
    }

    /// The CSV body as (line number, fields) after checking the header.
    static func rows(_ text: String, file: String, header: [String]) throws(AnalysisError) -> [(line: Int, fields: [String])] {
        let bytes = Array(text.utf8)
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first, CSVRowReader.fields(first) == header else {
            throw AnalysisError(file: file, line: 1, message: "expected the header \(header.joined(separator: ","))")
        }
        var result: [(line: Int, fields: [String])] = []
        result.reserveCapacity(lines.count - 1)
        for (offset, line) in lines.enumerated().dropFirst() {
            guard let fields = CSVRowReader.fields(line), fields.count == header.count else {
                throw AnalysisError(file: file, line: offset + 1, message: "expected \(header.count) fields")
            }
            result.append((offset + 1, fields))
        }
        return result
    }

    /// A number as CSV.number writes it (`inf`, `-inf`, `nan` included); nil for anything else.
    static func parseNumber(_ text: String) -> Double? {
        switch text {
        case "inf": return .infinity
        case "-inf": return -.infinity
        case "nan": return .nan
        default: return Double(text)
        }
    }

    /// The columns of runs.csv.
    static let runsHeader = ["problem", "suggester", "replicate", "evaluations", "best_loss", "regret"]

    /// `regrets[suggester]` of problem `p` from its rows of runs.csv, nil for a suggester whose
    /// group is `incomplete` (its replicates may lack rows). A short run's missing checkpoints
    /// take its final regret.
    static func readRuns(_ runs: ProblemRows, problem p: Int, lock: Lock, suggesters suggesterIndex: [String: Int],
                         shortRuns: [ShortRunsTable.Row], incomplete: [Bool]) throws(AnalysisError) -> [[[Double]]?] {
        let file = runs.reader.file
        let checkpointIndex = Dictionary(lock.checkpoints.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var table = [[[Double?]]](repeating: [], count: lock.suggesters.count)
        while let (line, fields) = try runs.next(problem: p, fields: runsHeader.count) {
            guard let s = suggesterIndex[fields[1]] else { throw AnalysisError(file: file, line: line, message: "suggester '\(fields[1])' is not in manifest.lock.yaml") }
            guard let replicate = Int(fields[2]), replicate >= 0, replicate < 1_000_000 else {
                throw AnalysisError(file: file, line: line, message: "bad replicate '\(fields[2])'")
            }
            guard let evaluations = Int(fields[3]), let c = checkpointIndex[evaluations] else {
                throw AnalysisError(file: file, line: line, message: "evaluations '\(fields[3])' is not a checkpoint of manifest.lock.yaml")
            }
            guard let regret = parseNumber(fields[5]), !regret.isNaN else {
                throw AnalysisError(file: file, line: line, message: "bad regret '\(fields[5])'")
            }
            while table[s].count <= replicate { table[s].append([Double?](repeating: nil, count: lock.checkpoints.count)) }
            table[s][replicate][c] = regret
        }
        for row in shortRuns {
            let s = suggesterIndex[row.suggester]!
            while table[s].count <= row.replicate { table[s].append([Double?](repeating: nil, count: lock.checkpoints.count)) }
            for (c, checkpoint) in lock.checkpoints.enumerated() where checkpoint > row.evaluations { table[s][row.replicate][c] = row.regret }
        }
        let problem = lock.problems[p]
        var result: [[[Double]]?] = []
        for (s, suggester) in lock.suggesters.enumerated() {
            if incomplete[s] {
                result.append(nil)
                continue
            }
            guard !table[s].isEmpty else {
                throw AnalysisError(file: file, message: "no rows for problem '\(problem.label)', suggester '\(suggester.label)'")
            }
            var replicates: [[Double]] = []
            replicates.reserveCapacity(table[s].count)
            for (replicate, values) in table[s].enumerated() {
                let complete = values.compactMap { $0 }
                guard complete.count == values.count else {
                    throw AnalysisError(file: file, message: "problem '\(problem.label)', suggester '\(suggester.label)', replicate \(replicate) lacks a checkpoint")
                }
                replicates.append(complete)
            }
            result.append(replicates)
        }
        return result
    }

    static func readSamples(_ text: String, file: String, lock: Lock) throws(AnalysisError) -> [String: [String: [ResultSet.Sample]]] {
        var samples: [String: [String: [ResultSet.Sample]]] = [:]
        for (line, fields) in try rows(text, file: file, header: ["problem", "suggester", "trial", "x", "y", "loss"]) {
            guard let trial = Int(fields[2]), let x = parseNumber(fields[3]) else {
                throw AnalysisError(file: file, line: line, message: "bad trial or x")
            }
            let y = fields[4].isEmpty ? nil : parseNumber(fields[4])
            let loss = fields[5].isEmpty ? nil : parseNumber(fields[5])
            samples[fields[0], default: [:]][fields[1], default: []].append(ResultSet.Sample(trial: trial, x: x, y: y, loss: loss))
        }
        return samples
    }
}
