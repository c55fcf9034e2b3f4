import CGSL

/// Dense matrix products through GSL's BLAS (`gsl_blas_dgemm`, `gsl_blas_dgemv`), on row-major
/// `[Double]` matrices.
///
/// The arrays are viewed in place (no copies); the result is written into the caller's array.
public enum MatrixProducts {
    /// How an operand enters a product.
    public enum Operand: Sendable {
        case plain, transposed

        var cblas: CBLAS_TRANSPOSE_t { self == .plain ? CblasNoTrans : CblasTrans }
    }

    /// c ← alpha · op(a) · op(b) + beta · c, where op(a) is m×k, op(b) is k×n and c is m×n.
    ///
    /// - Parameters:
    ///   - a: stored m×k for `.plain`, k×m for `.transposed`.
    ///   - b: stored k×n for `.plain`, n×k for `.transposed`.
    ///   - c: m×n; read only when beta ≠ 0.
    /// - Precondition: the arrays have the sizes above and m, n, k ≥ 1.
    /// - Complexity: O(m·n·k).
    public static func multiply(
        _ a: [Double], _ opA: Operand, _ b: [Double], _ opB: Operand, m: Int, n: Int, k: Int,
        alpha: Double = 1, beta: Double = 0, into c: inout [Double]
    ) {
        precondition(m >= 1 && n >= 1 && k >= 1 && a.count == m * k && b.count == k * n && c.count == m * n,
                     "matrix product sizes do not match")
        _ = GSLRuntime.prepared
        let (aRows, aColumns) = opA == .plain ? (m, k) : (k, m)
        let (bRows, bColumns) = opB == .plain ? (k, n) : (n, k)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    var aView = gsl_matrix_const_view_array(a.baseAddress, aRows, aColumns)
                    var bView = gsl_matrix_const_view_array(b.baseAddress, bRows, bColumns)
                    var cView = gsl_matrix_view_array(c.baseAddress, m, n)
                    _ = gsl_blas_dgemm(opA.cblas, opB.cblas, alpha, &aView.matrix, &bView.matrix, beta, &cView.matrix)
                }
            }
        }
    }

    /// y ← alpha · op(a) · x + beta · y, where a is stored rows×columns.
    ///
    /// - Precondition: x has `columns` entries for `.plain` (`rows` for `.transposed`), y the
    ///   other count; rows, columns ≥ 1.
    /// - Complexity: O(rows·columns).
    public static func multiply(
        _ a: [Double], _ opA: Operand, rows: Int, columns: Int, vector x: [Double],
        alpha: Double = 1, beta: Double = 0, into y: inout [Double]
    ) {
        let (xCount, yCount) = opA == .plain ? (columns, rows) : (rows, columns)
        precondition(rows >= 1 && columns >= 1 && a.count == rows * columns && x.count == xCount && y.count == yCount,
                     "matrix-vector product sizes do not match")
        _ = GSLRuntime.prepared
        a.withUnsafeBufferPointer { a in
            x.withUnsafeBufferPointer { x in
                y.withUnsafeMutableBufferPointer { y in
                    var aView = gsl_matrix_const_view_array(a.baseAddress, rows, columns)
                    var xView = gsl_vector_const_view_array(x.baseAddress, xCount)
                    var yView = gsl_vector_view_array(y.baseAddress, yCount)
                    _ = gsl_blas_dgemv(opA.cblas, alpha, &aView.matrix, &xView.vector, beta, &yView.vector)
                }
            }
        }
    }
}
