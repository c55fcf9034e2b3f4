import Foundation

/// results/NAME/trace.csv: every improvement of the best-so-far in every run, so that convergence
/// curves and runtime ECDFs are known at every evaluation, not only at the checkpoints.
///
/// Columns, in this order: `problem,suggester,replicate,evaluation,best_loss,regret,noise_free_best`
/// - `evaluation`: the 1-based position of the trial in its run whose loss became the best so
///   far (the incumbent is the ok trial with the lowest loss, ties to the earliest, as in
///   runs.csv);
/// - `best_loss`: the incumbent's value in the user's sign (runs.csv's `best_loss`);
/// - `regret`: its noise-free loss minus the reference (runs.csv's `regret`);
/// - `noise_free_best`: on a noisy problem (one where some trial's noise-free value differs
///   from what the suggester saw), the incumbent's noise-free value in the user's sign; empty
///   otherwise.
///
/// One row per improvement, in the manifest's problem order, then suggester order, then replicate
/// and evaluation order; a run without an ok trial has no row. The last row of a run therefore
/// holds its final `best_loss` and `regret`, equal to runs.csv's at the last checkpoint it reached.
/// Failed cells have no rows.
///
/// - Determinism: a pure function of the cells (no timings).
public enum TraceTable {
    public static let fileName = "trace.csv"
    public static let header = ["problem", "suggester", "replicate", "evaluation", "best_loss", "regret", "noise_free_best"]

    /// One run's improvements: the evaluation (1-based), the incumbent's loss and noise-free loss.
    ///
    /// - Complexity: O(trials).
    static func improvements(_ record: CellRecord) -> [(evaluation: Int, loss: Double, trueLoss: Double)] {
        var result: [(evaluation: Int, loss: Double, trueLoss: Double)] = []
        var best = Double.infinity
        var any = false
        for (index, row) in record.rows.enumerated() where row.status == .ok {
            guard let loss = row.loss, !any || loss < best else { continue }
            any = true
            best = loss
            result.append((index + 1, loss, row.trueLoss ?? loss))
        }
        return result
    }

    /// Appends the rows of one (problem, suggester) group to `out` (trace.csv is its header
    /// line, then every group's rows in manifest order).
    ///
    /// - Parameter noisy: whether the group's problem is noisy: some ok trial of some run of the
    ///   problem, whichever suggester, has a noise-free loss that differs from its loss
    ///   (``CollectedRun/noisy``).
    /// - Complexity: O(improvements) of the group.
    static func append(_ group: Collector.Group, noisy problemNoisy: Bool, to out: inout ByteWriter) {
        let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        let prefix = CSV.row([group.problem.label, group.suggester.label]) + ","
        let direction = group.problem.direction
        for (i, run) in group.runs.enumerated() {
            let reference = group.references[i]
            let replicate = run.replicate
            for step in run.improvements {
                out.write(prefix)
                out.write(replicate)
                out.write(byte: comma)
                out.write(step.evaluation)
                out.write(byte: comma)
                out.write(number: direction.objectiveValue(fromLoss: step.loss))
                out.write(byte: comma)
                out.write(number: step.trueLoss - reference)
                out.write(byte: comma)
                if problemNoisy { out.write(number: direction.objectiveValue(fromLoss: step.trueLoss)) }
                out.write(byte: newline)
            }
        }
    }

    /// One run's trace as read back: the evaluations of its improvements, ascending, and the
    /// regret after each.
    public struct Run: Sendable, Equatable {
        public var evaluations: [Int]
        public var regrets: [Double]

        public init(evaluations: [Int] = [], regrets: [Double] = []) {
            self.evaluations = evaluations
            self.regrets = regrets
        }

        /// The regret after `evaluations` evaluations (+∞ before the first improvement).
        public func regret(after count: Int) -> Double {
            var low = 0, high = evaluations.count
            while low < high {
                let middle = (low + high) / 2
                if evaluations[middle] <= count { low = middle + 1 } else { high = middle }
            }
            return low == 0 ? .infinity : regrets[low - 1]
        }
    }

    /// Reads the rows of problem `p` of trace.csv into `runs[suggester][replicate]`, the indexes
    /// being those of the lock's suggesters (`suggesters`, by label) and replicates below
    /// `repeats[suggester]`.
    ///
    /// - Throws: ``AnalysisError`` naming the file and the line of a malformed row, a label not
    ///   in the lock, or evaluations out of order.
    /// - Complexity: O(rows of the problem).
    static func read(_ rows: ProblemRows, problem p: Int, suggesters: [String: Int], repeats: [Int]) throws(AnalysisError) -> [[Run]] {
        let file = rows.reader.file
        var runs = repeats.map { [Run](repeating: Run(), count: $0) }
        while let (line, fields) = try rows.next(problem: p, fields: header.count) {
            guard let s = suggesters[fields[1]] else {
                throw AnalysisError(file: file, line: line, message: "problem '\(fields[0])' or suggester '\(fields[1])' is not in manifest.lock.yaml")
            }
            guard let replicate = Int(fields[2]), replicate >= 0, replicate < runs[s].count,
                  let evaluation = Int(fields[3]), evaluation >= 1,
                  let regret = ResultsReader.parseNumber(fields[5]), !regret.isNaN else {
                throw AnalysisError(file: file, line: line, message: "bad replicate, evaluation or regret")
            }
            guard evaluation > (runs[s][replicate].evaluations.last ?? 0) else {
                throw AnalysisError(file: file, line: line, message: "evaluations of a run must ascend")
            }
            runs[s][replicate].evaluations.append(evaluation)
            runs[s][replicate].regrets.append(regret)
        }
        return runs
    }
}
