import Foundation

/// COCO's `bbob` logger for one run (numbbo/coco, code-experiments/src/logger_bbob.c and
/// coco_observer.c, observer defaults): which evaluations go to the `.dat` file (target
/// crossings) and to the `.tdat` file (evaluation counts), line for line as
/// `cocoex.Observer("bbob", …)` writes them for the same evaluations.
struct COCOLogger {
    /// The run's reported optimum value (the `Fopt` of the header line).
    let optimum: Double
    let dimension: Int
    private(set) var dat: [String] = []
    private(set) var tdat: [String] = []
    private(set) var evaluations = 0
    private(set) var best = Double.greatestFiniteMagnitude
    private var bestX: [Double] = []
    private var lastDat = 0, lastTdat = 0
    // Target triggers: 20 per decade above the precision 1e-8, and multiples of 1e5.
    private var logExponent = Int.max
    private var linearTarget = Double.greatestFiniteMagnitude
    // Evaluation triggers: ⌊10^(k/20)⌋ and D·{1, 2, 5}·10^k.
    private var value1 = 1, exponent1 = 0, value2: Int, exponent2 = 0, baseIndex = 0
    private static let bases = [1.0, 2.0, 5.0]

    init(optimum: Double, dimension: Int) {
        self.optimum = optimum
        self.dimension = dimension
        value2 = dimension
        let header = Self.header(optimum)
        dat = [header]
        tdat = [header]
    }

    /// The line that starts every run in every data file.
    static func header(_ optimum: Double) -> String {
        "% f evaluations | g evaluations | best noise-free fitness - Fopt (\(String(format: "%13.12e", optimum))) + sum g_i+ | measured fitness | best measured fitness or single-digit g-values | x1 | x2..."
    }

    /// Logs one counted evaluation of `x` with value `y` (non-finite values as COCO logs them).
    mutating func observe(_ x: [Double], _ y: Double) {
        evaluations += 1
        let logged = y.isNaN ? 2e21 : (y.isInfinite ? 3e21 : y)
        let clipped = logged >= optimum ? logged : optimum
        if evaluations == 1 || clipped < best {
            best = clipped
            bestX = x
            // At the first evaluation the target state is left alone (C's || short-circuits).
            if evaluations == 1 || targetsTrigger(best - optimum) {
                dat.append(line(logged, x))
                lastDat = evaluations
            }
        }
        if evaluationsTrigger(evaluations) {
            tdat.append(line(logged, x))
            lastTdat = evaluations
        }
    }

    /// Closes the run: the last evaluation gets a line (with the best value in the measured
    /// column) in each file that does not have one yet.
    mutating func finish() {
        guard evaluations > 0 else { return }
        if lastDat != evaluations { dat.append(line(best, bestX)) }
        if lastTdat != evaluations { tdat.append(line(best, bestX)) }
    }

    /// The run's `.info` item, `evaluations|best − f_opt`.
    var infoItem: String { "\(evaluations)|\(String(format: "%.1e", best - optimum))" }

    private func line(_ measured: Double, _ x: [Double]) -> String {
        var text = "\(evaluations) 0 \(String(format: "%+10.9e", best - optimum)) \(String(format: "%+10.9e", measured)) \(String(format: "%+10.9e", best))"
        if dimension < 7 {
            for v in x { text += " " + String(format: "%+5.4e", v) }
        }
        return text
    }

    private mutating func targetsTrigger(_ delta: Double) -> Bool {
        // Both sub-triggers run, so both states update.
        let logarithmic = logTrigger(delta)
        let linear = linearTrigger(delta)
        return logarithmic || linear
    }

    private mutating func logTrigger(_ delta: Double) -> Bool {
        guard delta >= 0 else { return false }
        let precision = 1e-8
        let value = delta == 0 ? precision / 10.0 : (delta < precision ? precision : delta)
        let exponent = Int((log10(value) * 20.0).rounded(.up))
        guard exponent < logExponent else { return false }
        logExponent = exponent
        return true
    }

    private mutating func linearTrigger(_ delta: Double) -> Bool {
        let precision = 1e5
        let reached = abs(fmod(delta, precision)) < 1e-12 ? delta : (delta / precision).rounded(.up) * precision
        guard reached < linearTarget else { return false }
        linearTarget = reached
        return true
    }

    private mutating func evaluationsTrigger(_ count: Int) -> Bool {
        var triggered = false
        if count >= value1 {
            while Int(pow(10.0, Double(exponent1) / 20.0).rounded(.down)) <= value1 { exponent1 += 1 }
            value1 = Int(pow(10.0, Double(exponent1) / 20.0).rounded(.down))
            triggered = true
        }
        if count >= value2 {
            if baseIndex < Self.bases.count - 1 { baseIndex += 1 } else { baseIndex = 0; exponent2 += 1 }
            value2 = Int((pow(10.0, Double(exponent2)) * Double(dimension) * Self.bases[baseIndex]).rounded())
            triggered = true
        }
        return triggered
    }
}
