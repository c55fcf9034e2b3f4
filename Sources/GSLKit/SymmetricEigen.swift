import CGSL

/// The eigendecomposition A = V diag(λ) Vᵀ of a real symmetric matrix, by GSL's
/// `gsl_eigen_symmv` (Householder tridiagonalisation and implicit QL), eigenpairs sorted by
/// ascending eigenvalue (`gsl_eigen_symmv_sort`).
///
/// Matrices are row-major `[Double]` of `dimension × dimension` entries. Only the lower
/// triangle and the diagonal of the input are read. Eigenvector signs, and the basis of a
/// repeated eigenvalue, are GSL's (another solver may return −v, or another basis).
public struct SymmetricEigen: Sendable, Equatable {
    public let dimension: Int
    /// The eigenvalues, ascending.
    public let eigenvalues: [Double]
    /// Row-major; column j is the unit eigenvector of `eigenvalues[j]`.
    public let eigenvectors: [Double]

    /// Decomposes `matrix`.
    ///
    /// - Parameters:
    ///   - matrix: row-major, `dimension × dimension` entries, symmetric (the lower triangle
    ///     and the diagonal are used).
    ///   - dimension: n ≥ 1.
    /// - Throws: ``GSLError/invalidArgument(_:)`` for a bad size or a non-finite entry, or when
    ///   GSL reports a failure.
    /// - Complexity: O(n³) time, O(n²) memory (GSL's workspace is allocated per call).
    public init(symmetric matrix: [Double], dimension: Int) throws(GSLError) {
        _ = GSLRuntime.prepared
        guard dimension >= 1, matrix.count == dimension * dimension else {
            throw .invalidArgument("a symmetric eigendecomposition needs n ≥ 1 and n×n entries, got n = \(dimension) and \(matrix.count) entries")
        }
        guard matrix.allSatisfy(\.isFinite) else {
            throw .invalidArgument("a symmetric eigendecomposition needs finite entries")
        }
        guard let workspace = gsl_eigen_symmv_alloc(dimension) else {
            throw .invalidArgument("GSL could not allocate an eigen workspace of size \(dimension)")
        }
        defer { gsl_eigen_symmv_free(workspace) }
        var input = matrix  // gsl_eigen_symmv overwrites its input
        var values = [Double](repeating: 0, count: dimension)
        var vectors = [Double](repeating: 0, count: dimension * dimension)
        let status = input.withUnsafeMutableBufferPointer { a in
            values.withUnsafeMutableBufferPointer { v in
                vectors.withUnsafeMutableBufferPointer { e in
                    var aView = gsl_matrix_view_array(a.baseAddress, dimension, dimension)
                    var vView = gsl_vector_view_array(v.baseAddress, dimension)
                    var eView = gsl_matrix_view_array(e.baseAddress, dimension, dimension)
                    let solved = gsl_eigen_symmv(&aView.matrix, &vView.vector, &eView.matrix, workspace)
                    guard solved == GSL_SUCCESS else { return solved }
                    return gsl_eigen_symmv_sort(&vView.vector, &eView.matrix, GSL_EIGEN_SORT_VAL_ASC)
                }
            }
        }
        guard status == GSL_SUCCESS else {
            throw .invalidArgument("GSL's symmetric eigensolver failed (\(String(cString: gsl_strerror(status))))")
        }
        self.dimension = dimension
        eigenvalues = values
        eigenvectors = vectors
    }
}
