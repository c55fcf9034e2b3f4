import Foundation
import Parzen

/// results/NAME/samples.csv: where each suggester sampled on the low-dimensional problems, for
/// the sample pictures (plots/NAME/PROBLEM-samples.png).
///
/// Columns, in this order: `problem,suggester,trial,x,y,loss`
/// - `trial`: the trial id, in evaluation order;
/// - `x`, `y`: the stored values of the space's first and second hyperparameter (declaration
///   order); `y` is empty for a 1-D problem;
/// - `loss`: the loss the suggester saw (noisy on noisy problems); empty for a failed trial.
///
/// Only replicate 0 of each (problem, suggester), and only problems whose space has one or two
/// hyperparameters, none conditional and none categorical (choice, pchoice, randint). Rows follow
/// the manifest's problem order, then suggester order, then trial order. A manifest without such
/// a problem still gets the file (header only).
public enum SamplesWriter {
    /// The file name inside results/NAME.
    public static let fileName = "samples.csv"

    /// Whether a space gets sample rows: one or two numeric, unconditional hyperparameters.
    public static func isPlottable(_ space: SearchSpace) -> Bool {
        (1...2).contains(space.parameters.count) && !space.isConditional
            && space.parameters.allSatisfy { !$0.distribution.isCategorical }
    }

    /// The text of samples.csv.
    ///
    /// - Parameter replicateZero: for each (problem, suggester) in manifest order, the record of
    ///   replicate 0.
    /// - Determinism: a pure function of its inputs.
    public static func text(_ replicateZero: [(problem: ProblemSpec, suggester: SuggesterSpec, record: CellRecord)]) -> String {
        var out = ByteWriter(capacity: 1 << 16)
        out.write(CSV.row(["problem", "suggester", "trial", "x", "y", "loss"]) + "\n")
        let comma = UInt8(ascii: ",")
        for entry in replicateZero where isPlottable(entry.problem.space) {
            let labels = entry.problem.space.labels
            let prefix = CSV.row([entry.problem.label, entry.suggester.label]) + ","
            for row in entry.record.rows {
                out.write(prefix)
                out.write(row.id)
                out.write(byte: comma)
                out.write(number: row.assignment[labels[0]])
                out.write(byte: comma)
                out.write(number: labels.count > 1 ? row.assignment[labels[1]] : nil)
                out.write(byte: comma)
                out.write(number: row.loss)
                out.write(byte: UInt8(ascii: "\n"))
            }
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
