import Foundation
import Testing
@testable import GSLKit

@Suite struct CholeskyFactorTests {
    /// A = B·Bᵀ + n·I for a fixed B: symmetric positive definite.
    static func spd(_ n: Int, seed: UInt32 = 7) -> [Double] {
        let rng = MersenneTwister(seed: seed)
        let b = (0..<(n * n)).map { _ in rng.uniform() - 0.5 }
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                var sum = 0.0
                for k in 0..<n { sum += b[i * n + k] * b[j * n + k] }
                a[i * n + j] = sum + (i == j ? Double(n) : 0)
            }
        }
        return a
    }

    static func multiply(_ a: [Double], _ x: [Double], _ n: Int) -> [Double] {
        (0..<n).map { i in (0..<n).reduce(0.0) { $0 + a[i * n + $1] * x[$1] } }
    }

    @Test func factorOfAKnownMatrix() throws {
        // [[4, 2, -2], [2, 10, 2], [-2, 2, 5]] = L·Lᵀ with L = [[2, 0, 0], [1, 3, 0], [-1, 1, √3]].
        let a: [Double] = [4, 2, -2, 2, 10, 2, -2, 2, 5]
        let factor = try #require(CholeskyFactor(matrix: a, dimension: 3))
        let expected: [[Double]] = [[2, 0, 0], [1, 3, 0], [-1, 1, 3.0.squareRoot()]]
        for i in 0..<3 {
            for j in 0..<3 { #expect(abs(factor[i, j] - expected[i][j]) < 1e-14) }
        }
        // det A = (2·3·√3)² = 108.
        #expect(abs(factor.logDeterminant - log(108)) < 1e-13)
        let x = factor.solve([1, 2, 3])
        let back = Self.multiply(a, x, 3)
        for (u, v) in zip(back, [1.0, 2, 3]) { #expect(abs(u - v) < 1e-13) }
    }

    @Test func inversesAreTheFactorsInverseAndTheMatrixInverse() throws {
        let n = 11
        let a = Self.spd(n, seed: 4)
        let factor = try #require(CholeskyFactor(matrix: a, dimension: n))
        let (lower, inverse) = factor.inverses()
        let reference = factor.inverse()
        for i in 0..<n {
            for j in 0..<n {
                // L⁻¹ is lower triangular and L⁻¹·L = I.
                if j > i { #expect(lower[i * n + j] == 0) }
                let product = (0..<n).reduce(0.0) { $0 + lower[i * n + $1] * factor[$1, j] }
                #expect(abs(product - (i == j ? 1 : 0)) < 1e-12)
                #expect(abs(inverse[i * n + j] - reference[i * n + j]) < 1e-12)
                #expect(inverse[i * n + j] == inverse[j * n + i])
            }
        }
    }

    @Test func solvesInverseAndBatchAgree() throws {
        let n = 9
        let a = Self.spd(n)
        let factor = try #require(CholeskyFactor(matrix: a, dimension: n))
        let inverse = factor.inverse()
        for i in 0..<n {
            let column = Self.multiply(a, (0..<n).map { inverse[$0 * n + i] }, n)
            for j in 0..<n { #expect(abs(column[j] - (i == j ? 1 : 0)) < 1e-12) }
        }
        let rng = MersenneTwister(seed: 3)
        let b = (0..<(4 * n)).map { _ in rng.uniform() }
        var rows = b
        factor.solveLower(rows: &rows, count: 4)
        for r in 0..<4 {
            let one = factor.solveLower(Array(b[(r * n)..<((r + 1) * n)]))
            for j in 0..<n { #expect(abs(rows[r * n + j] - one[j]) < 1e-13) }
            // L⁻ᵀ(L⁻¹b) = A⁻¹b.
            let full = factor.solveUpper(one)
            let direct = factor.solve(Array(b[(r * n)..<((r + 1) * n)]))
            for j in 0..<n { #expect(abs(full[j] - direct[j]) < 1e-13) }
        }
    }

    @Test func appendingRowsMatchesAFreshFactorisation() throws {
        let n = 12
        let a = Self.spd(n, seed: 11)
        // Factor the leading 5×5 block, then append rows 5…11 one at a time (the buffer grows).
        let leading = 5
        let block = (0..<leading).flatMap { i in (0..<leading).map { a[i * n + $0] } }
        let factor = try #require(CholeskyFactor(matrix: block, dimension: leading))
        for m in leading..<n {
            let column = (0..<m).map { a[m * n + $0] }
            #expect(factor.append(column: column, diagonal: a[m * n + m]))
        }
        let fresh = try #require(CholeskyFactor(matrix: a, dimension: n))
        #expect(factor.dimension == n)
        for i in 0..<n {
            for j in 0..<n { #expect(abs(factor[i, j] - fresh[i, j]) < 1e-12) }
        }
        #expect(abs(factor.logDeterminant - fresh.logDeterminant) < 1e-11)
    }

    @Test func indefiniteMatricesAndBordersAreRefused() throws {
        #expect(CholeskyFactor(matrix: [1, 2, 2, 1], dimension: 2) == nil)
        #expect(CholeskyFactor(matrix: [1, .nan, .nan, 1], dimension: 2) == nil)
        // A repeated row makes the bordered matrix singular: the append is refused, the
        // factor unchanged.
        let factor = try #require(CholeskyFactor(matrix: [2, 1, 1, 2], dimension: 2))
        #expect(!factor.append(column: [2, 1], diagonal: 2))
        #expect(factor.dimension == 2)
        #expect(factor.append(column: [2, 1], diagonal: 2 + 1e-6))
        #expect(factor.dimension == 3)
    }

    @Test func copiesAreIndependent() throws {
        let factor = try #require(CholeskyFactor(matrix: [4, 2, 2, 10], dimension: 2))
        let copy = factor.copy()
        #expect(factor.append(column: [1, 1], diagonal: 9))
        #expect(copy.dimension == 2 && factor.dimension == 3)
    }
}
