import Testing
@testable import GSLKit

@Suite struct SymmetricEigenTests {
    /// V diag(λ) Vᵀ, by hand.
    static func reconstruct(_ e: SymmetricEigen) -> [Double] {
        let n = e.dimension
        var out = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                var sum = 0.0
                for k in 0..<n { sum += e.eigenvectors[i * n + k] * e.eigenvalues[k] * e.eigenvectors[j * n + k] }
                out[i * n + j] = sum
            }
        }
        return out
    }

    @Test func twoByTwoKnownAnswer() throws {
        // [[2, 1], [1, 2]]: eigenvalues 1 and 3, eigenvectors (1, −1)/√2 and (1, 1)/√2.
        let e = try SymmetricEigen(symmetric: [2, 1, 1, 2], dimension: 2)
        #expect(abs(e.eigenvalues[0] - 1) < 1e-15 && abs(e.eigenvalues[1] - 3) < 1e-15)
        let v0 = (e.eigenvectors[0], e.eigenvectors[2])
        let v1 = (e.eigenvectors[1], e.eigenvectors[3])
        #expect(abs(abs(v0.0) - 0.5.squareRoot()) < 1e-15 && abs(v0.0 + v0.1) < 1e-15)
        #expect(abs(abs(v1.0) - 0.5.squareRoot()) < 1e-15 && abs(v1.0 - v1.1) < 1e-15)
    }

    @Test func reconstructsAscendingOrthonormal() throws {
        // A fixed symmetric 6×6 matrix with distinct eigenvalues (one negative).
        let n = 6
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                let value = i == j ? Double(i) - 1.5 : 1 / Double(i + j + 1)
                a[i * n + j] = value
                a[j * n + i] = value
            }
        }
        let e = try SymmetricEigen(symmetric: a, dimension: n)
        #expect(zip(e.eigenvalues, e.eigenvalues.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(e.eigenvalues[0] < 0)
        let back = Self.reconstruct(e)
        #expect(zip(back, a).allSatisfy { abs($0 - $1) < 1e-13 })
        var vtv = [Double](repeating: 0, count: n * n)
        MatrixProducts.multiply(e.eigenvectors, .transposed, e.eigenvectors, .plain, m: n, n: n, k: n, into: &vtv)
        for i in 0..<n { for j in 0..<n { #expect(abs(vtv[i * n + j] - (i == j ? 1 : 0)) < 1e-14) } }
        // The trace is the sum of the eigenvalues.
        let trace: Double = 0 + 1 + 2 + 3 + 4 + 5 - 6 * 1.5
        let sum: Double = e.eigenvalues.reduce(0, +)
        #expect(abs(sum - trace) < 1e-13)
    }

    @Test func readsOnlyTheLowerTriangle() throws {
        let lower = try SymmetricEigen(symmetric: [4, 99, 2, 3], dimension: 2)
        let full = try SymmetricEigen(symmetric: [4, 2, 2, 3], dimension: 2)
        #expect(lower.eigenvalues == full.eigenvalues)
    }

    @Test func badInputIsRejectedBeforeGSL() {
        #expect(throws: GSLError.self) { try SymmetricEigen(symmetric: [1, 2, 3], dimension: 2) }
        #expect(throws: GSLError.self) { try SymmetricEigen(symmetric: [], dimension: 0) }
        #expect(throws: GSLError.self) { try SymmetricEigen(symmetric: [1, .nan, .nan, 1], dimension: 2) }
    }

    @Test func productsMatchHandComputation() {
        // op(a) 2×3, op(b) 3×2.
        let a: [Double] = [1, 2, 3, 4, 5, 6]
        let b: [Double] = [7, 8, 9, 10, 11, 12]
        var c = [Double](repeating: 1, count: 4)
        MatrixProducts.multiply(a, .plain, b, .plain, m: 2, n: 2, k: 3, alpha: 1, beta: 2, into: &c)
        #expect(c == [60, 66, 141, 156] as [Double])
        // aᵀ with a stored 3×2: [[1,3,5],[2,4,6]]·b.
        var t = [Double](repeating: 0, count: 4)
        MatrixProducts.multiply(a, .transposed, b, .plain, m: 2, n: 2, k: 3, into: &t)
        #expect(t == [89, 98, 116, 128] as [Double])  // [[1,3,5],[2,4,6]]·b
        var y = [Double](repeating: 0, count: 2)
        MatrixProducts.multiply(a, .plain, rows: 2, columns: 3, vector: [1, 0, -1], into: &y)
        #expect(y == [-2, -2] as [Double])
        var z = [Double](repeating: 0, count: 3)
        MatrixProducts.multiply(a, .transposed, rows: 2, columns: 3, vector: [1, 1], alpha: 2, into: &z)
        #expect(z == [10, 14, 18] as [Double])
    }
}
