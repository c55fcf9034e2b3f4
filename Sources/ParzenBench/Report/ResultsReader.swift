import Foundation
import Yams

/// Why a results folder could not be analysed.
public struct AnalysisError: Error, CustomStringConvertible, Equatable {
    /// The file concerned (or the folder).
    public let file: String
    /// The 1-based line, where known.
    public let line: Int?
    public let message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}

/// Reads a results folder (results/NAME) into a ``ResultSet``: manifest.lock.yaml for the
/// problems, suggesters and checkpoints; runs.csv for the regrets; samples.csv (optional) for the
/// sample pictures; extras.csv (optional) for where proposal extras changed.
/// Nothing else is read and nothing is rerun.
public enum ResultsReader {
    /// Reads `folder`.
    ///
    /// - Throws: ``AnalysisError`` naming the file and line when a file is missing or malformed,
    ///   or when runs.csv lacks a (problem, suggester, replicate, checkpoint) the lock declares.
    public static func read(_ folder: URL) throws(AnalysisError) -> ResultSet {
        let lockURL = folder.appendingPathComponent("manifest.lock.yaml")
        let lock = try Lock(text: text(of: lockURL), file: lockURL.path)
        let runsURL = folder.appendingPathComponent("runs.csv")
        let regrets = try readRuns(text(of: runsURL), file: runsURL.path, lock: lock)
        let samplesURL = folder.appendingPathComponent(SamplesWriter.fileName)
        var samples: [String: [String: [ResultSet.Sample]]] = [:]
        if FileManager.default.fileExists(atPath: samplesURL.path) {
            samples = try readSamples(text(of: samplesURL), file: samplesURL.path, lock: lock)
        }
        var results = ResultSet(name: lock.name, checkpoints: lock.checkpoints, problems: lock.problems,
                                suggesters: lock.suggesters, regrets: regrets, samples: samples)
        let extrasURL = folder.appendingPathComponent(ExtrasTable.fileName)
        if FileManager.default.fileExists(atPath: extrasURL.path) {
            results.extras = try ExtrasTable.rows(text(of: extrasURL), file: extrasURL.path)
        }
        return results
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
                    instance: node["instance"]?.string == "replicate" ? nil : try optional("instance", as: Int.self)))
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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, CSV.parse(first) == header else {
            throw AnalysisError(file: file, line: 1, message: "expected the header \(header.joined(separator: ","))")
        }
        var result: [(line: Int, fields: [String])] = []
        for (offset, line) in lines.enumerated().dropFirst() {
            guard let fields = CSV.parse(line), fields.count == header.count else {
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

    static func readRuns(_ text: String, file: String, lock: Lock) throws(AnalysisError) -> [[[[Double]]]] {
        let problemIndex = Dictionary(lock.problems.enumerated().map { ($1.label, $0) }, uniquingKeysWith: { a, _ in a })
        let suggesterIndex = Dictionary(lock.suggesters.enumerated().map { ($1.label, $0) }, uniquingKeysWith: { a, _ in a })
        let checkpointIndex = Dictionary(lock.checkpoints.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var table = [[[[Double?]]]](repeating: [[[Double?]]](repeating: [], count: lock.suggesters.count), count: lock.problems.count)
        for (line, fields) in try rows(text, file: file, header: ["problem", "suggester", "replicate", "evaluations", "best_loss", "regret"]) {
            guard let p = problemIndex[fields[0]] else { throw AnalysisError(file: file, line: line, message: "problem '\(fields[0])' is not in manifest.lock.yaml") }
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
            while table[p][s].count <= replicate { table[p][s].append([Double?](repeating: nil, count: lock.checkpoints.count)) }
            table[p][s][replicate][c] = regret
        }
        var result: [[[[Double]]]] = []
        for (p, problem) in lock.problems.enumerated() {
            var row: [[[Double]]] = []
            for (s, suggester) in lock.suggesters.enumerated() {
                guard !table[p][s].isEmpty else {
                    throw AnalysisError(file: file, message: "no rows for problem '\(problem.label)', suggester '\(suggester.label)'")
                }
                var replicates: [[Double]] = []
                for (replicate, values) in table[p][s].enumerated() {
                    let complete = values.compactMap { $0 }
                    guard complete.count == values.count else {
                        throw AnalysisError(file: file, message: "problem '\(problem.label)', suggester '\(suggester.label)', replicate \(replicate) lacks a checkpoint")
                    }
                    replicates.append(complete)
                }
                row.append(replicates)
            }
            result.append(row)
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
