import Foundation

/// Text helpers shared by the gnuplot scripts.
///
/// Path convention: every script in plots/NAME reads only data files in its own folder and
/// writes its PNG there. Its first command changes to the script's folder, taken from `ARG0`
/// (the script path gnuplot was given) minus the script's own file name, so both
/// `gnuplot plots/NAME/x.gp` (from any folder) and `cd plots/NAME && gnuplot x.gp` work.
public enum Gnuplot {
    /// The font every picture uses (fonts-dejavu-core).
    public static let font = "DejaVu Sans"

    /// A gnuplot single-quoted string (no escapes; a quote is doubled).
    public static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A gnuplot double-quoted string: backslash and quote escaped, a line break as `\n`.
    public static func doubleQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    /// A number for a script or data file: shortest round-trip form, `NaN` (which gnuplot
    /// skips) for non-finite values.
    public static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "NaN"
    }

    /// A short human form for titles and labels (`%.3g`).
    public static func short(_ value: Double) -> String {
        value.isFinite ? String(format: "%.3g", value) : (value.isNaN ? "n/a" : (value < 0 ? "-inf" : "inf"))
    }

    /// The opening lines of a script: a comment saying what it is, the change to its own folder
    /// and the pngcairo terminal with DejaVu Sans writing `stem.png`.
    public static func preamble(stem: String, description: String, source: String, width: Int, height: Int, fontSize: Int = 11) -> String {
        let script = stem + ".gp"
        return """
            # \(description)
            # Written by `parzen plot` from \(source). Standalone: reads only files beside it and writes
            # \(stem).png beside it; run `gnuplot plots/NAME/\(script)` from anywhere or `gnuplot \(script)` in its folder.
            script_dir = strlen(ARG0) > strlen(\(quoted(script))) ? ARG0[1:strlen(ARG0) - strlen(\(quoted(script)))] : ''
            if (strlen(script_dir) > 0) { cd script_dir }
            set terminal pngcairo size \(width),\(height) enhanced font "\(font),\(fontSize)"
            set output \(quoted(stem + ".png"))
            set encoding utf8

            """
    }

    /// Line and point style of suggester `index`.
    public static func style(_ index: Int, lineWidth: Double = 2) -> String {
        "lw \(lineWidth) dt \(Palette.dashType(index)) lc rgb \(quoted(Palette.colour(index)))"
    }

    /// The smallest regret drawn on a log axis: a tenth of the smallest positive finite value,
    /// or 1e-12 if there is none. Values at or below zero are drawn there.
    public static func logFloor(_ values: [Double]) -> Double {
        logFloor(smallestPositive: values.filter { $0 > 0 && $0.isFinite }.min())
    }

    /// ``logFloor(_:)`` from the smallest positive finite value alone (nil: there is none).
    public static func logFloor(smallestPositive smallest: Double?) -> Double {
        guard let smallest else { return 1e-12 }
        return max(smallest / 10, Double.leastNormalMagnitude)
    }

    /// `value` clamped to `floor` from below (non-finite values stay as they are).
    public static func floored(_ value: Double, _ floor: Double) -> Double {
        value.isFinite ? max(value, floor) : value
    }
}
