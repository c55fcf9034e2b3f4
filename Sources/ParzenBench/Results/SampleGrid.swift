import Foundation
import Parzen

/// The function under each sample picture, written at collect time so that `parzen plot` reads
/// only results/ and plots/: sample-axes.csv (``SampleAxesTable``) in the results folder and
/// PROBLEM-grid.dat in the plots folder (plots/NAME beside results/NAME).
///
/// A problem gets a sample picture when it is a registered test function (a `bbob` function is
/// drawn at the instance its replicate 0 ran) with one or two numeric, unconditional
/// hyperparameters (``SamplesWriter/isPlottable(_:)``) and some suggester finished its replicate 0.
///
/// PROBLEM-grid.dat is the noise-free function over the picture's axes:
/// - 1-D: `x f(x)` at ``curvePoints`` points;
/// - 2-D: `x y z` on a ``mapPoints``² grid, scan lines separated by a blank line,
///   z = log₁₀(f − f* + δ) with δ = 10⁻³·(max f − min f over the grid) (or 10⁻¹² if the grid is
///   flat);
/// coordinates are drawn ones (log₁₀ of the stored value on a log axis), NaN where the function
/// has no finite value.
public enum SampleGrid {
    public static let curvePoints = 401
    public static let mapPoints = 121

    /// The name of a problem's grid inside the plots folder.
    public static func fileName(problem label: String) -> String { label + "-grid.dat" }

    /// plots/NAME beside results/ under the same base folder: RESULTS/../../plots/NAME, NAME
    /// being the results folder's own name.
    public static func defaultPlotsFolder(for resultsFolder: URL) -> URL {
        let folder = resultsFolder.standardizedFileURL
        return folder.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("plots").appendingPathComponent(folder.lastPathComponent)
    }

    /// The noise-free test function of `problem` (at replicate 0's instance for `bbob`) when its
    /// space is plottable; nil for any other problem (an external objective, more dimensions).
    public static func function(for problem: ProblemSpec) -> TestFunction? {
        let function: TestFunction
        switch problem.objective {
        case let objective as TestFunctionObjective: function = objective.function
        case let objective as BBOBObjective: function = TestFunctionRegistry.bbobTestFunction(objective.function)
        default: return nil
        }
        return SamplesWriter.isPlottable(function.space) ? function : nil
    }

    /// The axes of `function`'s picture: each hyperparameter's prior range widened to hold the
    /// values sampled in `records` (replicate 0 of each suggester).
    public static func axes(_ function: TestFunction, records: [CellRecord]) -> [SampleAxis] {
        let labels = function.space.labels
        return function.space.parameters.enumerated().map { i, parameter in
            var axis = SampleAxis(parameter)
            for record in records { axis.include(record.rows.compactMap { $0.assignment[labels[i]] }) }
            return axis
        }
    }

    /// The text of PROBLEM-grid.dat for `function` over `axes` (see the type's summary).
    ///
    /// - Complexity: ``mapPoints``² evaluations of the function (2-D), ``curvePoints`` (1-D).
    /// - Determinism: a pure function of its inputs.
    public static func text(_ function: TestFunction, axes: [SampleAxis]) -> String {
        let labels = function.space.labels
        // Coordinates repeat along the grid: a remembered number is copied, not printed again.
        var out = ByteWriter(capacity: 1 << 16, rememberingNumbers: true)
        if axes.count == 2 {
            let xs = axes[0].grid(mapPoints), ys = axes[1].grid(mapPoints)
            // One assignment of the two labels, in order, whose values change point by point.
            var point = Assignment()
            point[labels[0]] = 0
            point[labels[1]] = 0
            var values: [[Double]] = []
            for x in xs {
                point[labels[0]] = x
                var column: [Double] = []
                column.reserveCapacity(ys.count)
                for y in ys {
                    point[labels[1]] = y
                    column.append((try? function.value(at: point)) ?? .nan)
                }
                values.append(column)
            }
            let finite = values.flatMap { $0 }.filter(\.isFinite)
            let spread = (finite.max() ?? 0) - (finite.min() ?? 0)
            let delta = spread > 0 ? 1e-3 * spread : 1e-12
            out.write("# \(axes[0].title) \(axes[1].title) log10(f - f* + \(delta))\n")
            for (i, x) in xs.enumerated() {
                if i > 0 { out.write(byte: UInt8(ascii: "\n")) }
                for (j, y) in ys.enumerated() {
                    let z = values[i][j].isFinite ? log10(max(values[i][j] - function.optimum, 0) + delta) : .nan
                    write(axes[0].coordinate(x), to: &out)
                    out.write(byte: UInt8(ascii: " "))
                    write(axes[1].coordinate(y), to: &out)
                    out.write(byte: UInt8(ascii: " "))
                    write(z, to: &out)
                    out.write(byte: UInt8(ascii: "\n"))
                }
            }
        } else {
            out.write("# \(axes[0].title) f\n")
            var point = Assignment()
            for x in axes[0].grid(curvePoints) {
                point[labels[0]] = x
                let value = (try? function.value(at: point)) ?? .nan
                write(axes[0].coordinate(x), to: &out)
                out.write(byte: UInt8(ascii: " "))
                write(value, to: &out)
                out.write(byte: UInt8(ascii: "\n"))
            }
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Writes a number as gnuplot reads it: the shortest round-trip form (its description, as
    /// ``ByteWriter/write(number:)`` prints it), `NaN` for non-finite values.
    private static func write(_ value: Double, to out: inout ByteWriter) {
        if value.isFinite { out.write(number: value) } else { out.write("NaN") }
    }

    /// The picture of `problem` from the replicate-0 records of its suggesters that finished:
    /// its function and axes; nil when the problem gets none (not a plottable test function, or
    /// no record with a trial).
    static func picture(_ problem: ProblemSpec, records: [CellRecord]) -> (function: TestFunction, axes: [SampleAxis])? {
        guard let function = function(for: problem), records.contains(where: { !$0.rows.isEmpty }) else { return nil }
        return (function, axes(function, records: records))
    }

    /// Writes each picture's grid into `plots` and sample-axes.csv into `store` (or removes a
    /// stale one when there is no picture).
    ///
    /// - Parameter pictures: in manifest order, each picture's problem label, axes
    ///   (``picture(_:records:)``) and grid (``text(_:axes:)``).
    static func write(_ pictures: [(problem: String, axes: [SampleAxis], grid: String)], to store: ResultStore, plots: URL) throws {
        for picture in pictures {
            try store.writeAtomically(picture.grid, to: plots.appendingPathComponent(fileName(problem: picture.problem)))
        }
        try store.writeOptionalTable(SampleAxesTable.text(pictures.map { ($0.problem, $0.axes) }), named: SampleAxesTable.fileName)
    }
}
