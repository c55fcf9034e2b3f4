import Foundation

/// What the hyperparameter fit computes for each pair of trials (docs/gp.md §3), kept from
/// call to call: the squared differences δ_j(x_a, x_b) of every pair a > b, which do not depend
/// on θ, and r_ab = √(5 d²_ab) with e^(−r_ab) at the last θ they were computed for.
///
/// Pair a > b is entry p = a(a − 1)/2 + b, so the pairs of n points are the first pairs of
/// n + 1 points. When the trials modelled are the earlier ones plus new rows (a search's next
/// call), only the new rows' pairs are computed: O(n·D) per added row instead of O(n²·D), and
/// the pair terms at the previous fit's θ, where the next fit starts, are ready. Each entry is
/// computed from its own pair alone, so the numbers are those of computing them all at once.
/// The covered rows are checked before every use, so a stale cache can never give wrong terms.
final class GPPairTerms {
    let groupCount: Int
    /// The rows (count × width) the arrays cover.
    private var rows: [Double] = []
    private(set) var count = 0
    /// δ_j for each pair, G entries each.
    private(set) var deltas: [Double] = []
    /// θ of `radii` and `decays` (empty when they hold nothing) and its λ_j.
    private(set) var vector: [Double] = []
    private var lambdas: [Double] = []
    /// r_ab and e^(−r_ab) for each pair, at `vector`.
    private(set) var radii: [Double] = []
    private(set) var decays: [Double] = []

    init(groupCount: Int) {
        self.groupCount = groupCount
    }

    /// Makes the arrays cover every pair of `data`'s rows: extended by the new rows' pairs when
    /// the rows covered are the first rows of `data`, computed anew otherwise.
    ///
    /// - Complexity: O((n − m)·n·D) for m rows covered before, O(n²·D) when computed anew.
    func cover(_ data: GPData, encoding: GPEncoding) {
        let width = data.width, n = data.count
        if count > n || rows.count != count * width || !rows.elementsEqual(data.rows.prefix(count * width)) {
            rows = []
            count = 0
            deltas = []
            vector = []
            radii = []
            decays = []
        }
        guard count < n else { return }
        let first = count * (count - 1) / 2, pairs = n * (n - 1) / 2
        if deltas.capacity < pairs * groupCount {
            // Room for an eighth more rows, so that the next calls' rows are appended in place.
            let rows = n + max(n / 8, 4)
            deltas.reserveCapacity(rows * (rows - 1) / 2 * groupCount)
            radii.reserveCapacity(rows * (rows - 1) / 2)
            decays.reserveCapacity(rows * (rows - 1) / 2)
        }
        deltas.append(contentsOf: repeatElement(0, count: (pairs - first) * groupCount))
        Self.addDeltas(rows: data.rows, from: count, to: n, width: width, groups: groupCount, encoding: encoding, into: &deltas)
        rows = Array(data.rows.prefix(n * width))
        count = n
        radii.append(contentsOf: repeatElement(0, count: pairs - first))
        decays.append(contentsOf: repeatElement(0, count: pairs - first))
        if !vector.isEmpty { fill(from: first) }
    }

    /// r and e^(−r) of every pair at θ (nothing to do when they are at θ already).
    ///
    /// - Complexity: O(pairs·G) and one exponential per pair.
    func prepare(_ theta: GPHyperparameters) {
        guard theta.vector != vector else { return }
        vector = theta.vector
        lambdas = theta.inverseSquaredLengthScales
        fill(from: 0)
    }

    /// Adds δ_j of the pairs (a, b), b < a, for the rows a from `start` to `end` − 1 into
    /// `deltas` (zero there on entry), from pair start(start − 1)/2 on.
    private static func addDeltas(rows: [Double], from start: Int, to end: Int, width: Int, groups: Int, encoding: GPEncoding, into deltas: inout [Double]) {
        let rows = rows.span, group = encoding.featureGroup.span, weight = encoding.featureWeight.span
        var deltas = deltas.mutableSpan
        // Read and written unchecked below: indices stay under these counts, and each group
        // index under G.
        precondition(rows.count >= end * width && group.count >= width && weight.count >= width
                     && deltas.count >= end * (end - 1) / 2 * groups && (0..<width).allSatisfy { group[$0] >= 0 && group[$0] < groups },
                     "the pairs of the rows and the features' groups fit the buffers")
        var p = start * (start - 1) / 2
        for a in start..<end {
            for b in 0..<a {
                for f in 0..<width {
                    let d = rows[unchecked: a * width + f] - rows[unchecked: b * width + f]
                    deltas[unchecked: p * groups + group[unchecked: f]] += weight[unchecked: f] * (d * d)
                }
                p += 1
            }
        }
    }

    /// r and e^(−r) at `lambdas` for the pairs from `first` on.
    private func fill(from first: Int) {
        Self.fill(from: first, deltas: deltas, lambdas: lambdas, groups: groupCount, radii: &radii, decays: &decays)
    }

    private static func fill(from first: Int, deltas: [Double], lambdas: [Double], groups: Int, radii: inout [Double], decays: inout [Double]) {
        let deltas = deltas.span, lambdas = lambdas.span
        var radii = radii.mutableSpan, decays = decays.mutableSpan
        // Read and written unchecked below: indices stay under these counts.
        precondition(decays.count == radii.count && deltas.count >= radii.count * groups && lambdas.count >= groups, "one radius, one decay and G deltas per pair")
        for p in first..<radii.count {
            var d2 = 0.0
            for j in 0..<groups { d2 += lambdas[unchecked: j] * deltas[unchecked: p * groups + j] }
            let r = (5 * d2).squareRoot()
            radii[unchecked: p] = r
            decays[unchecked: p] = exp(-r)
        }
    }
}
