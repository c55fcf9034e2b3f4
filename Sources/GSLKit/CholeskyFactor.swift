import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Cholesky factor L of a symmetric positive-definite matrix A = L·Lᵀ (GSL's
/// `gsl_linalg_cholesky_decomp1`), with the triangular solves, the log-determinant, the inverse
/// and a row-append update that extends the factor when A gains a row and a column.
///
/// The factor is stored row-major in a buffer with spare capacity, so ``append(column:diagonal:)``
/// costs O(n²) and only reallocates when the capacity is exhausted (it grows by an eighth, at least four rows).
///
/// A reference type: it owns its buffer and is not `Sendable`; create one per task.
public final class CholeskyFactor {
    /// n, the order of A.
    public private(set) var dimension: Int
    /// Row stride of `storage` (the capacity in rows and columns).
    private var stride: Int
    /// L in the lower triangle (diagonal included) of the leading n×n block; the rest is zero.
    private var storage: [Double]

    /// Factorises the symmetric matrix `matrix` (row-major, `dimension`² entries; only the lower
    /// triangle is read).
    ///
    /// - Returns: nil when the matrix is not numerically positive definite (GSL reports a
    ///   non-positive pivot) or holds a non-finite entry.
    /// - Complexity: O(n³/3).
    public init?(matrix: [Double], dimension: Int) {
        precondition(dimension >= 0 && matrix.count == dimension * dimension, "need a \(dimension)×\(dimension) matrix")
        _ = GSLRuntime.prepared
        guard matrix.allSatisfy(\.isFinite) else { return nil }
        self.dimension = dimension
        stride = max(dimension, 1)
        storage = matrix
        if dimension == 0 { storage = [0]; return }
        let status = withMatrix { gsl_linalg_cholesky_decomp1($0) }
        guard status == GSL_SUCCESS else { return nil }
        // decomp1 leaves Lᵀ in the upper triangle; keep it zero so the buffer is L alone.
        for i in 0..<dimension {
            for j in (i + 1)..<dimension { storage[i * stride + j] = 0 }
        }
        guard (0..<dimension).allSatisfy({ storage[$0 * stride + $0] > 0 && storage[$0 * stride + $0].isFinite }) else { return nil }
    }

    /// L's entry at row `row`, column `column` (0 above the diagonal).
    public subscript(row: Int, column: Int) -> Double {
        precondition(row >= 0 && row < dimension && column >= 0 && column < dimension, "index out of range")
        return storage[row * stride + column]
    }

    /// ln det A = 2 Σ ln L_ii.
    ///
    /// - Complexity: O(n).
    public var logDeterminant: Double {
        var sum = 0.0
        for i in 0..<dimension { sum += log(storage[i * stride + i]) }
        return 2 * sum
    }

    /// L⁻¹b (forward substitution, `gsl_blas_dtrsv`).
    ///
    /// - Complexity: O(n²).
    public func solveLower(_ b: [Double]) -> [Double] {
        triangularSolve(b, transpose: false)
    }

    /// L⁻ᵀb (back substitution, `gsl_blas_dtrsv`).
    ///
    /// - Complexity: O(n²).
    public func solveUpper(_ b: [Double]) -> [Double] {
        triangularSolve(b, transpose: true)
    }

    /// A⁻¹b = L⁻ᵀ(L⁻¹b).
    ///
    /// - Complexity: O(n²).
    public func solve(_ b: [Double]) -> [Double] {
        solveUpper(solveLower(b))
    }

    /// Replaces each of the `count` rows b_i of the row-major matrix `rows` (count × n) by
    /// L⁻¹b_i: one `gsl_blas_dtrsm` call (X·Lᵀ = B), the batched form of ``solveLower(_:)``.
    ///
    /// - Complexity: O(count·n²).
    public func solveLower(rows: inout [Double], count: Int) {
        precondition(count >= 0 && rows.count == count * dimension, "need \(count) rows of \(dimension)")
        guard count > 0 && dimension > 0 else { return }
        let n = dimension
        withReadOnlyMatrix { factor in
            rows.withUnsafeMutableBufferPointer { buffer in
                var view = gsl_matrix_view_array(buffer.baseAddress, count, n)
                gsl_blas_dtrsm(CblasRight, CblasLower, CblasTrans, CblasNonUnit, 1, factor, &view.matrix)
            }
        }
    }

    /// A⁻¹, row-major n×n, symmetric (`gsl_linalg_cholesky_invert` on a copy of the factor).
    ///
    /// - Complexity: O(n³).
    public func inverse() -> [Double] {
        let n = dimension
        guard n > 0 else { return [] }
        var copy = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i { copy[i * n + j] = storage[i * stride + j] }
        }
        copy.withUnsafeMutableBufferPointer { buffer in
            var view = gsl_matrix_view_array(buffer.baseAddress, n, n)
            _ = gsl_linalg_cholesky_invert(&view.matrix)
        }
        return copy
    }

    /// L⁻¹ and A⁻¹ = L⁻ᵀL⁻¹, both row-major n×n: L⁻¹ with zeros above the diagonal, A⁻¹ with
    /// both triangles filled. GSL's `gsl_linalg_tri_invert` and then `gsl_linalg_tri_LTL`, the
    /// two steps of `gsl_linalg_cholesky_invert`, so both cost what ``inverse()`` alone costs.
    ///
    /// - Complexity: O(n³): n³/3 multiply-adds for each of the two steps.
    public func inverses() -> (factor: [Double], matrix: [Double]) {
        let n = dimension
        guard n > 0 else { return ([], []) }
        var lower = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i { lower[i * n + j] = storage[i * stride + j] }
        }
        lower.withUnsafeMutableBufferPointer { buffer in
            var view = gsl_matrix_view_array(buffer.baseAddress, n, n)
            _ = gsl_linalg_tri_invert(CblasLower, CblasNonUnit, &view.matrix)
        }
        var product = lower
        product.withUnsafeMutableBufferPointer { buffer in
            var view = gsl_matrix_view_array(buffer.baseAddress, n, n)
            _ = gsl_linalg_tri_LTL(&view.matrix)
        }
        for i in 0..<n {
            for j in 0..<i { product[j * n + i] = product[i * n + j] }
        }
        return (lower, product)
    }

    /// Extends the factor of A to the factor of [[A, c], [cᵀ, γ]]: the new last row of L is
    /// (lᵀ, √(γ − lᵀl)) with l = L⁻¹c. The other rows are unchanged.
    ///
    /// - Parameters:
    ///   - column: c, the new row's covariances with the existing n rows.
    ///   - diagonal: γ, the new diagonal entry.
    /// - Returns: false, leaving the factor unchanged, when γ − lᵀl is not positive (the
    ///   bordered matrix is not numerically positive definite) or not finite.
    /// - Complexity: O(n²), plus O(n²) copying when the capacity grows (by an eighth).
    @discardableResult
    public func append(column: [Double], diagonal: Double) -> Bool {
        precondition(column.count == dimension, "need a column of \(dimension)")
        let l = solveLower(column)
        var pivot = diagonal
        for value in l { pivot -= value * value }
        guard pivot > 0 && pivot.isFinite && l.allSatisfy(\.isFinite) else { return false }
        let n = dimension
        // An eighth more rows at a time: a factor usually grows by a few rows before it is
        // refactorised, and the copy costs O(n²) either way.
        if n + 1 > stride { grow(to: max(stride + max(stride / 8, 4), n + 1)) }
        for j in 0..<n { storage[n * stride + j] = l[j] }
        storage[n * stride + n] = pivot.squareRoot()
        dimension = n + 1
        return true
    }

    /// An independent copy (same factor, own buffer).
    public func copy() -> CholeskyFactor { CholeskyFactor(copying: self) }

    private init(copying other: CholeskyFactor) {
        dimension = other.dimension
        stride = other.stride
        storage = other.storage
    }

    // MARK: - Storage

    private func grow(to capacity: Int) {
        var larger = [Double](repeating: 0, count: capacity * capacity)
        for i in 0..<dimension {
            for j in 0...i { larger[i * capacity + j] = storage[i * stride + j] }
        }
        storage = larger
        stride = capacity
    }

    /// Runs `body` with a GSL view of the leading n×n block (row stride `stride`).
    ///
    /// - Precondition: dimension ≥ 1.
    @discardableResult
    private func withMatrix<R>(_ body: (UnsafeMutablePointer<gsl_matrix>) -> R) -> R {
        precondition(dimension >= 1, "empty factor")
        let n = dimension, tda = stride
        return storage.withUnsafeMutableBufferPointer { buffer in
            var view = gsl_matrix_view_array_with_tda(buffer.baseAddress, n, n, tda)
            return body(&view.matrix)
        }
    }

    /// Runs `body` with a read-only GSL view of the leading n×n block. Reading needs no unique
    /// buffer, so a factor that shares its buffer with a ``copy()`` is not copied to be read.
    ///
    /// - Precondition: dimension ≥ 1.
    private func withReadOnlyMatrix<R>(_ body: (UnsafePointer<gsl_matrix>) -> R) -> R {
        precondition(dimension >= 1, "empty factor")
        let n = dimension, tda = stride
        return storage.withUnsafeBufferPointer { buffer in
            var view = gsl_matrix_const_view_array_with_tda(buffer.baseAddress, n, n, tda)
            return withUnsafePointer(to: &view.matrix) { body($0) }
        }
    }

    private func triangularSolve(_ b: [Double], transpose: Bool) -> [Double] {
        precondition(b.count == dimension, "need a vector of \(dimension)")
        guard dimension > 0 else { return [] }
        var x = b
        withReadOnlyMatrix { factor in
            x.withUnsafeMutableBufferPointer { buffer in
                var view = gsl_vector_view_array(buffer.baseAddress, buffer.count)
                gsl_blas_dtrsv(CblasLower, transpose ? CblasTrans : CblasNoTrans, CblasNonUnit, factor, &view.vector)
            }
        }
        return x
    }
}
