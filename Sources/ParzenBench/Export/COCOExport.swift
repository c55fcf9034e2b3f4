import Foundation
import Yams

/// Writes a run's `bbob` problems in COCO's data format, one folder per suggester, for
/// `python -m cocopp` (docs/coco-bbob.md): `bbobexp_f<F>.info` and
/// `data_f<F>/bbobexp_f<F>_DIM<D>.dat`, `.tdat`, replayed from the cells (their records in
/// results/NAME/cells, ``CellArchive``), which hold every evaluation.
public enum COCOExport {
    /// What an export wrote and skipped.
    public struct Report: Sendable, Equatable {
        /// The suggester folders written, in manifest order.
        public var folders: [URL]
        /// Runs written (cells of bbob problems).
        public var runs: Int
        /// Problems that are not bbob functions, by label.
        public var skipped: [String]
    }

    /// The COCO version whose format is written (the `.info` header's `coco_version`).
    public static let cocoVersion = "2.8.2"

    /// Exports `results` (results/NAME: manifest.lock.yaml and cells/) into `out`. Each cell is
    /// its latest record (``CellArchive/latestBodies(in:)``).
    ///
    /// - Throws: ``AnalysisError`` naming the file when the lock file is missing or malformed, a
    ///   cell of a bbob problem is missing or malformed, or the run has no bbob problem.
    /// - Complexity: O(evaluations).
    /// - Determinism: the files are a pure function of the cell files.
    public static func export(results: URL, to out: URL) throws(AnalysisError) -> Report {
        let lock = try ExportLock(folder: results)
        let bbob = lock.problems.filter { $0.number != nil }
        guard !bbob.isEmpty else {
            throw AnalysisError(file: results.path, message: "no bbob problem in this run; parzen export coco writes bbob-f1 … bbob-f24 problems only (found: \(lock.problems.map(\.label).joined(separator: ", ")))")
        }
        var report = Report(folders: [], runs: 0, skipped: lock.problems.filter { $0.number == nil }.map(\.label))
        let store = ResultStore(root: results)
        let bodies = CellArchive.latestBodies(in: store)
        let legacy = CellArchive(store: store).legacy
        for suggester in lock.suggesters {
            let folder = out.appendingPathComponent(suggester.label)
            // Per function, per dimension (ascending): the runs in problem then replicate order.
            var runs: [Int: [Int: [(instance: Int, logger: COCOLogger)]]] = [:]
            for problem in bbob {
                let number = problem.number!
                for replicate in 0..<lock.repeats {
                    let instance = problem.instance(replicate: replicate)
                    let function: BBOBFunction
                    do { function = try BBOBFunction(number: number, dimension: problem.dimension, instance: instance) } catch {
                        throw AnalysisError(file: lock.file, message: "problem '\(problem.label)': \(error)")
                    }
                    let name = "\(problem.label)/\(suggester.label)/\(Self.replicateName(replicate))"
                    let legacyFile = legacy?.folder.appendingPathComponent(name + ".csv")
                    guard let data = bodies[name].map({ Data($0) }) ?? legacyFile.flatMap({ FileManager.default.contents(atPath: $0.path) }) else {
                        throw AnalysisError(file: store.cellsFolder.path, message: "no record of cell \(name); run the manifest (`parzen run`) to write the cells, which export coco replays")
                    }
                    var logger = COCOLogger(optimum: function.optimumValue, dimension: problem.dimension)
                    let source = bodies[name] != nil ? "\(store.cellsFolder.path) (cell \(name))" : legacyFile!.path
                    for (x, y) in try CellEvaluations.read(data, file: source, dimension: problem.dimension) { logger.observe(x, y) }
                    logger.finish()
                    guard logger.evaluations > 0 else { continue }
                    runs[number, default: [:]][problem.dimension, default: []].append((instance, logger))
                    report.runs += 1
                }
            }
            do {
                try write(runs, suggester: suggester, lock: lock, to: folder)
            } catch {
                throw AnalysisError(file: folder.path, message: "cannot write: \(error.localizedDescription)")
            }
            report.folders.append(folder)
        }
        return report
    }

    static func write(_ runs: [Int: [Int: [(instance: Int, logger: COCOLogger)]]], suggester: ResultSet.Suggester,
                      lock: ExportLock, to folder: URL) throws {
        let manager = FileManager.default
        for number in runs.keys.sorted() {
            let byDimension = runs[number]!
            let data = folder.appendingPathComponent("data_f\(number)")
            try manager.createDirectory(at: data, withIntermediateDirectories: true)
            var entries: [String] = []
            for dimension in byDimension.keys.sorted() {
                let list = byDimension[dimension]!
                let base = "bbobexp_f\(number)_DIM\(dimension)"
                let dat = list.flatMap(\.logger.dat).joined(separator: "\n") + "\n"
                let tdat = list.flatMap(\.logger.tdat).joined(separator: "\n") + "\n"
                try Data(dat.utf8).write(to: data.appendingPathComponent("\(base).dat"))
                try Data(tdat.utf8).write(to: data.appendingPathComponent("\(base).tdat"))
                let header = "suite = 'bbob', funcId = \(number), DIM = \(dimension), Precision = 1.000e-08, algId = '\(suggester.label)', coco_version = '\(cocoVersion)', logger = 'bbob', data_format = 'bbob-new2', settings = ''"
                let comment = "% Parzen suggester \(suggester.label) (algorithm \(suggester.algorithm)), run \(lock.name)"
                let items = list.map { ", \($0.instance):\($0.logger.infoItem)" }.joined()
                entries.append("\(header)\n\(comment)\ndata_f\(number)/\(base).dat\(items)")
            }
            // COCO separates entries by a newline and ends the file without one.
            try Data(entries.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("bbobexp_f\(number).info"))
        }
    }

    static func replicateName(_ replicate: Int) -> String {
        let digits = String(replicate)
        return "r" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}

/// The evaluations of one cell file (a record's body), in order: every trial row, with f = +∞
/// for a trial that returned no finite value (COCO counts such a call and logs it as 3e21).
enum CellEvaluations {
    /// - Parameter file: where the bytes come from, for messages.
    static func read(_ data: Data, file: String, dimension: Int) throws(AnalysisError) -> [(x: [Double], y: Double)] {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("#") }
        guard let first = lines.first, let header = CSV.parse(String(first)) else {
            throw AnalysisError(file: file, line: 4, message: "no header row; not a Parzen cell file")
        }
        let labels = (1...dimension).map { "x\($0)" }
        guard let status = header.firstIndex(of: "status"), let trueLoss = header.firstIndex(of: "true_loss"),
              let loss = header.firstIndex(of: "loss") else {
            throw AnalysisError(file: file, line: 4, message: "expected the columns status, loss, true_loss")
        }
        let columns = try labels.map { (label) throws(AnalysisError) -> Int in
            guard let index = header.firstIndex(of: label) else {
                throw AnalysisError(file: file, line: 4, message: "no column \(label); the problem has \(dimension) coordinates")
            }
            return index
        }
        var result: [(x: [Double], y: Double)] = []
        for (offset, line) in lines.dropFirst().enumerated() {
            guard let fields = CSV.parse(String(line)), fields.count == header.count else {
                throw AnalysisError(file: file, line: offset + 5, message: "expected \(header.count) fields")
            }
            var x: [Double] = []
            for column in columns {
                guard let value = Double(fields[column]) else {
                    throw AnalysisError(file: file, line: offset + 5, message: "'\(fields[column])' is not a coordinate")
                }
                x.append(value)
            }
            let y = fields[status] == "ok" ? (Double(fields[trueLoss]) ?? Double(fields[loss]) ?? .infinity) : .infinity
            result.append((x, y))
        }
        return result
    }
}

/// The fields of manifest.lock.yaml an export needs.
struct ExportLock {
    struct Problem {
        let label: String
        /// The bbob function number; nil for any other problem.
        let number: Int?
        let dimension: Int
        /// nil: the instance follows the replicate.
        let instance: Int?

        func instance(replicate: Int) -> Int { instance ?? BBOBObjective.Instances.byReplicate.instance(replicate: replicate) }
    }

    let file: String
    let name: String
    let problems: [Problem]
    let suggesters: [ResultSet.Suggester]
    /// Replicates of every (problem, suggester).
    let repeats: Int

    init(folder: URL) throws(AnalysisError) {
        let url = folder.appendingPathComponent("manifest.lock.yaml")
        file = url.path
        let file = url.path
        let root = try ManifestLock.root(of: ResultsReader.text(of: url), file: file)
        func fail(_ node: Node?, _ message: String) -> AnalysisError { AnalysisError(file: file, line: node?.mark?.line, message: message) }
        guard let name = root["name"]?.string else { throw fail(root, "missing field 'name'") }
        self.name = name
        var problems: [Problem] = []
        for node in root["problems"]?.sequence ?? [] {
            guard let label = node["label"]?.string else { throw fail(node, "a problem without a label") }
            let key = node["function"]?.string ?? ""
            let number = TestFunctionRegistry.bbobNumber(key)
            var dimension = 0, instance: Int? = 1
            if number != nil {
                guard let dims = node["dims"]?.string.flatMap({ Int($0) }) else { throw fail(node, "bbob problem '\(label)' without dims") }
                dimension = dims
                switch node["instance"]?.string {
                case nil: instance = 1
                case "replicate": instance = nil
                case let text?:
                    guard let value = Int(text) else { throw fail(node, "bbob problem '\(label)': instance '\(text)' is not a number or replicate") }
                    instance = value
                }
            }
            problems.append(Problem(label: label, number: number, dimension: dimension, instance: instance))
        }
        guard !problems.isEmpty else { throw fail(root, "missing field 'problems'") }
        self.problems = problems
        var suggesters: [ResultSet.Suggester] = []
        for node in root["suggesters"]?.sequence ?? [] {
            guard let label = node["label"]?.string else { throw fail(node, "a suggester without a label") }
            suggesters.append(ResultSet.Suggester(label: label, algorithm: node["algorithm"]?.string ?? label))
        }
        self.suggesters = suggesters
        guard let repeats = root["repeats"]?.string.flatMap({ Int($0) }), repeats >= 0 else { throw fail(root, "missing field 'repeats'") }
        self.repeats = repeats
    }
}
