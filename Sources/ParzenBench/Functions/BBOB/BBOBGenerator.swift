import Foundation

/// COCO's generator for `bbob` instance data (`bbob2009_unif`, `bbob2009_gauss` in
/// numbbo/coco's code-experiments/src/suite_bbob_legacy_code.c): a Park–Miller minimal-standard
/// congruential generator feeding a 32-slot shuffle table, and Box–Muller on top of it.
///
/// This is not a source of randomness for runs: it is part of the definition of COCO's
/// functions (every instance's optimum, rotations and peaks come from it), so it is ported as
/// COCO defines it rather than drawn through the project's Mersenne Twister.
enum BBOBGenerator {
    /// `count` numbers in (0, 1) from `seed` (seeds below 1 behave as 1, negative seeds as their
    /// absolute value). The first n outputs do not depend on `count`.
    ///
    /// - Complexity: O(count + 40).
    /// - Determinism: a pure function of `count` and `seed`.
    static func uniform(_ count: Int, seed: Int) -> [Double] {
        var state = seed < 0 ? -seed : seed
        if state < 1 { state = 1 }
        var table = [Int](repeating: 0, count: 32)
        // 40 warm-up steps; the last 32 fill the table from its end.
        for k in stride(from: 39, through: 0, by: -1) {
            advance(&state)
            if k < 32 { table[k] = state }
        }
        var current = table[0]
        var result = [Double]()
        result.reserveCapacity(count)
        for _ in 0..<count {
            advance(&state)
            let slot = current / 67_108_865
            current = table[slot]
            table[slot] = state
            let value = Double(current) / 2.147483647e9
            result.append(value == 0 ? 1e-99 : value)
        }
        return result
    }

    /// One step of s ← 16807 s mod (2³¹ − 1), by Schrage's decomposition (no overflow).
    @inline(__always)
    private static func advance(_ state: inout Int) {
        let q = state / 127_773
        state = 16_807 * (state - q * 127_773) - 2_836 * q
        if state < 0 { state += 2_147_483_647 }
    }

    /// `count` standard normal numbers: g_n = √(−2 ln u_n) cos(2π u_{count+n}) with
    /// u = ``uniform(_:seed:)`` of 2·count numbers (0 becomes 1e−99).
    ///
    /// - Complexity: O(count).
    /// - Determinism: a pure function of `count` and `seed`; `gauss(1, s)` is not the first
    ///   element of `gauss(4, s)`.
    static func gauss(_ count: Int, seed: Int) -> [Double] {
        let u = uniform(2 * count, seed: seed)
        return (0..<count).map { n in
            let value = (-2 * log(u[n])).squareRoot() * cos(2 * Double.pi * u[count + n])
            return value == 0 ? 1e-99 : value
        }
    }
}
