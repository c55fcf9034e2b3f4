import CKernels

/// The dense products and distances of the GP's posterior and updates (docs/gp.md §4): dot
/// products, multiply-adds and squared distances over contiguous rows, four lanes at a time.
/// The order of the operations is fixed by the code (eight partial sums, then the rest in
/// order), not by the CPU, so results are the same bytes on every machine. On x86-64 machines
/// with AVX the triangular products run as the C functions of CKernels, which perform the same
/// operations in the same order on 256-bit registers (no fused multiply-add), so their results
/// are the same bytes too.
///
/// This is the one place the GP reads and writes memory through pointers. Each entry point
/// takes `Span`s, checks the counts it is asked to read or write against them (a
/// precondition, in every build) and only then runs its loop on their storage unchecked.
enum GPProducts {
    /// Whether the triangular products take CKernels' AVX forms.
    static let usesAVX = parzen_gp_kernels_have_avx() != 0

    /// Which loops a triangular product runs: the AVX form where the machine has it, or the
    /// portable Swift loops (for the tests that compare the two).
    enum Path { case automatic, portable }

    // MARK: - Checked entry points

    /// Σ_i a_i·b_i over the first `count` entries.
    ///
    /// - Precondition: both spans hold at least `count` entries.
    /// - Complexity: O(count).
    @inline(__always)
    static func dot(_ a: Span<Double>, _ b: Span<Double>, count: Int) -> Double {
        precondition(count >= 0 && a.count >= count && b.count >= count, "a dot product reads count entries of each span")
        return a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in dot(a.baseAddress!, b.baseAddress!, count: count) } }
    }

    /// For each of the n rows y_a of `rows` (row-major, `width` entries each), with
    /// d = x − y_a over the `count` entries from `first` on: u_i += (α_a·s_a)·d_i and
    /// v_i += (w_a·s_a)·d_i, row after row, each row as the pointer form of
    /// ``addScaledDifference`` below. (The posterior's derivatives: α, the weights C⁻¹k_x and
    /// the slopes 2s·M'.)
    ///
    /// - Precondition: `alpha`, `weights` and `slopes` hold n entries or more, `rows` n·width,
    ///   `x` first + count, `u` and `v` count; first + count ≤ width.
    /// - Complexity: O(n·count).
    static func addScaledDifferences(alpha: Span<Double>, weights: Span<Double>, slopes: Span<Double>, x: Span<Double>,
                                     rows: Span<Double>, n: Int, width: Int, first: Int, count: Int,
                                     to u: inout MutableSpan<Double>, _ v: inout MutableSpan<Double>) {
        precondition(n >= 0 && first >= 0 && count >= 0 && first + count <= width && x.count >= first + count
                     && rows.count >= n * width && alpha.count >= n && weights.count >= n && slopes.count >= n
                     && u.count >= count && v.count >= count, "scaled differences read n rows and write count entries")
        alpha.withUnsafeBufferPointer { alpha in
            weights.withUnsafeBufferPointer { weights in
                slopes.withUnsafeBufferPointer { slopes in
                    x.withUnsafeBufferPointer { x in
                        rows.withUnsafeBufferPointer { rows in
                            u.withUnsafeMutableBufferPointer { u in
                                v.withUnsafeMutableBufferPointer { v in
                                    for a in 0..<n {
                                        let m = alpha[a] * slopes[a], w = weights[a] * slopes[a]
                                        addScaledDifference(m, w, x.baseAddress! + first, rows.baseAddress! + a &* width + first,
                                                            to: u.baseAddress!, v.baseAddress!, count: count)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// y = T·x for the lower-triangular n × n matrix T (row-major, row stride n, zeros above
    /// the diagonal); see the pointer form below.
    ///
    /// - Precondition: `t` holds n² entries or more, `x` and `y` n or more.
    /// - Complexity: O(n²/2).
    static func lowerProduct(_ t: Span<Double>, _ x: Span<Double>, into y: inout MutableSpan<Double>, n: Int, path: Path = .automatic) {
        lowerProducts(t, x, into: &y, n: n, m: 1, path: path)
    }

    /// y_j = T·x_j for the m vectors x_j (x_j at j·n in `x`, y_j at j·n in `y`), each computed
    /// as the pointer form below computes one; the AVX form reads T once per two vectors.
    ///
    /// - Precondition: `t` holds n² entries or more, `x` and `y` m·n or more.
    /// - Complexity: O(m·n²/2).
    static func lowerProducts(_ t: Span<Double>, _ x: Span<Double>, into y: inout MutableSpan<Double>, n: Int, m: Int, path: Path = .automatic) {
        precondition(n >= 0 && m >= 0 && t.count >= n * n && x.count >= m * n && y.count >= m * n,
                     "triangular products read an n × n matrix and m·n entries")
        t.withUnsafeBufferPointer { t in
            x.withUnsafeBufferPointer { x in
                y.withUnsafeMutableBufferPointer { y in
                    guard n > 0 && m > 0 else { return }
                    if path == .automatic && usesAVX {
                        parzen_gp_lower_products_avx(t.baseAddress!, x.baseAddress!, y.baseAddress!, n, m)
                    } else {
                        for j in 0..<m { portableLowerProduct(t.baseAddress!, x.baseAddress! + j &* n, into: y.baseAddress! + j &* n, n: n) }
                    }
                }
            }
        }
    }

    /// w = Tᵀ·v for the lower-triangular n × n matrix T (row-major, row stride n, zeros above
    /// the diagonal); see the pointer form below.
    ///
    /// - Precondition: `t` holds n² entries or more, `v` and `w` n or more.
    /// - Complexity: O(n²/2).
    static func lowerTransposedProduct(_ t: Span<Double>, _ v: Span<Double>, into w: inout MutableSpan<Double>, n: Int, path: Path = .automatic) {
        precondition(n >= 0 && t.count >= n * n && v.count >= n && w.count >= n, "a triangular product reads an n × n matrix and n entries")
        t.withUnsafeBufferPointer { t in
            v.withUnsafeBufferPointer { v in
                w.withUnsafeMutableBufferPointer { w in
                    guard n > 0 else { return }
                    if path == .automatic && usesAVX {
                        parzen_gp_lower_transposed_product_avx(t.baseAddress!, v.baseAddress!, w.baseAddress!, n)
                    } else {
                        portableLowerTransposedProduct(t.baseAddress!, v.baseAddress!, into: w.baseAddress!, n: n)
                    }
                }
            }
        }
    }

    /// d² = Σ_f c_f (x_f − y_f)² between two points of `width` features, summed in feature
    /// order.
    ///
    /// - Precondition: `x`, `y` and `scales` hold at least `width` entries.
    /// - Complexity: O(width).
    @inline(__always)
    static func squaredDistance(_ x: Span<Double>, _ y: Span<Double>, scales: Span<Double>, width: Int) -> Double {
        precondition(width >= 0 && x.count >= width && y.count >= width && scales.count >= width, "a distance reads width features of each point")
        return x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                scales.withUnsafeBufferPointer { scales in squaredDistance(x.baseAddress!, y.baseAddress!, scales: scales.baseAddress!, width: width) }
            }
        }
    }

    /// d²(x, x_a) for the n data points, from their feature-major copy (`columns`: feature f
    /// of point a at f·n + a), written to `d2`; see the pointer form below.
    ///
    /// - Precondition: `x` and `scales` hold at least `width` entries, `columns` n·width,
    ///   `d2` n.
    /// - Complexity: O(n·D).
    @inline(__always)
    static func squaredDistances(_ x: Span<Double>, columns: Span<Double>, count n: Int, width: Int,
                                 scales: Span<Double>, into d2: inout MutableSpan<Double>) {
        precondition(n >= 0 && width >= 0 && x.count >= width && scales.count >= width && columns.count >= n * width && d2.count >= n,
                     "distances read width features of the point and of n data points")
        x.withUnsafeBufferPointer { x in
            columns.withUnsafeBufferPointer { columns in
                scales.withUnsafeBufferPointer { scales in
                    d2.withUnsafeMutableBufferPointer { d2 in
                        squaredDistances(x.baseAddress!, columns: columns.baseAddress!, count: n, width: width,
                                         scales: scales.baseAddress!, into: d2.baseAddress!)
                    }
                }
            }
        }
    }

    // MARK: - The loops, on storage whose counts were checked

    /// Σ_i a_i·b_i over `count` entries.
    ///
    /// - Complexity: O(count).
    @inline(__always)
    private static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        var s0 = SIMD4<Double>(), s1 = SIMD4<Double>()
        var i = 0
        while i + 8 <= count {
            let offset = i * MemoryLayout<Double>.stride
            s0 += ra.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                * rb.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            s1 += ra.loadUnaligned(fromByteOffset: offset + 32, as: SIMD4<Double>.self)
                * rb.loadUnaligned(fromByteOffset: offset + 32, as: SIMD4<Double>.self)
            i += 8
        }
        var sum = (s0 + s1).sum()
        while i < count {
            sum += a[i] * b[i]
            i += 1
        }
        return sum
    }

    /// y_i += alpha·x_i over `count` entries.
    ///
    /// - Complexity: O(count).
    @inline(__always)
    private static func addScaled(_ alpha: Double, _ x: UnsafePointer<Double>, to y: UnsafeMutablePointer<Double>, count: Int) {
        let rx = UnsafeRawPointer(x), ry = UnsafeMutableRawPointer(y)
        let scale = SIMD4<Double>(repeating: alpha)
        var i = 0
        while i + 4 <= count {
            let offset = i * MemoryLayout<Double>.stride
            let sum = ry.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                + scale * rx.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            ry.storeBytes(of: sum, toByteOffset: offset, as: SIMD4<Double>.self)
            i += 4
        }
        while i < count {
            y[i] += alpha * x[i]
            i += 1
        }
    }

    /// With d = x − y (elementwise): u_i += a·d_i and v_i += b·d_i over `count` entries, two
    /// at a time (each entry on its own, so the results are those of the scalar loop).
    ///
    /// - Complexity: O(count).
    @inline(__always)
    private static func addScaledDifference(_ a: Double, _ b: Double, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>,
                                    to u: UnsafeMutablePointer<Double>, _ v: UnsafeMutablePointer<Double>, count: Int) {
        let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y), ru = UnsafeMutableRawPointer(u), rv = UnsafeMutableRawPointer(v)
        let sa = SIMD2<Double>(repeating: a), sb = SIMD2<Double>(repeating: b)
        var i = 0
        while i + 2 <= count {
            let offset = i &* MemoryLayout<Double>.stride
            let d = rx.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
                - ry.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
            ru.storeBytes(of: ru.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self) + sa * d, toByteOffset: offset, as: SIMD2<Double>.self)
            rv.storeBytes(of: rv.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self) + sb * d, toByteOffset: offset, as: SIMD2<Double>.self)
            i += 2
        }
        while i < count {
            let d = x[i] - y[i]
            u[i] += a * d
            v[i] += b * d
            i += 1
        }
    }

    /// y = T·x for the lower-triangular n × n matrix T (row-major, row stride n, zeros above
    /// the diagonal). Rows go in blocks of four that share the loads of x: block a…a+3 takes
    /// the dot products over the first a + 4 columns (the zeros above the diagonal add
    /// nothing), four lanes at a time; the last n mod 4 rows one by one.
    ///
    /// - Complexity: O(n²/2).
    private static func portableLowerProduct(_ t: UnsafePointer<Double>, _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, n: Int) {
        let rx = UnsafeRawPointer(x)
        var a = 0
        while a + 4 <= n {
            let r0 = UnsafeRawPointer(t + a * n), r1 = r0 + n * 8, r2 = r1 + n * 8, r3 = r2 + n * 8
            var s0 = SIMD4<Double>(), s1 = SIMD4<Double>(), s2 = SIMD4<Double>(), s3 = SIMD4<Double>()
            var offset = 0
            let end = (a + 4) * 8
            while offset < end {
                let xs = rx.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                s0 += r0.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self) * xs
                s1 += r1.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self) * xs
                s2 += r2.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self) * xs
                s3 += r3.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self) * xs
                offset += 32
            }
            y[a] = s0.sum()
            y[a + 1] = s1.sum()
            y[a + 2] = s2.sum()
            y[a + 3] = s3.sum()
            a += 4
        }
        while a < n {
            y[a] = dot(t + a * n, x, count: a + 1)
            a += 1
        }
    }

    /// w = Tᵀ·v for the lower-triangular n × n matrix T (row-major, row stride n, zeros above
    /// the diagonal), as a sum of rows: w[0…a] += v_a·T[a, 0…a], four rows at a time (block
    /// a…a+3 over the first a + 4 columns), the last n mod 4 rows one by one.
    ///
    /// - Complexity: O(n²/2).
    private static func portableLowerTransposedProduct(_ t: UnsafePointer<Double>, _ v: UnsafePointer<Double>, into w: UnsafeMutablePointer<Double>, n: Int) {
        w.update(repeating: 0, count: n)
        let rw = UnsafeMutableRawPointer(w)
        var a = 0
        while a + 4 <= n {
            let r0 = UnsafeRawPointer(t + a * n), r1 = r0 + n * 8, r2 = r1 + n * 8, r3 = r2 + n * 8
            let v0 = SIMD4<Double>(repeating: v[a]), v1 = SIMD4<Double>(repeating: v[a + 1])
            let v2 = SIMD4<Double>(repeating: v[a + 2]), v3 = SIMD4<Double>(repeating: v[a + 3])
            var offset = 0
            let end = (a + 4) * 8
            while offset < end {
                var sum = rw.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                sum += v0 * r0.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                sum += v1 * r1.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                sum += v2 * r2.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                sum += v3 * r3.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                rw.storeBytes(of: sum, toByteOffset: offset, as: SIMD4<Double>.self)
                offset += 32
            }
            a += 4
        }
        while a < n {
            addScaled(v[a], t + a * n, to: w, count: a + 1)
            a += 1
        }
    }

    /// d² = Σ_f c_f (x_f − y_f)² between two points of `width` features.
    @inline(__always)
    private static func squaredDistance(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, scales: UnsafePointer<Double>, width: Int) -> Double {
        var sum = 0.0
        for f in 0..<width {
            let d = x[f] - y[f]
            sum += scales[f] * d * d
        }
        return sum
    }

    /// d²(x, x_a) for the n data points from their feature-major copy. Four points at a time,
    /// each in its own lane, summing the features in the same order as
    /// ``squaredDistance(_:_:scales:width:)``, so the results are its results.
    @inline(__always)
    private static func squaredDistances(_ x: UnsafePointer<Double>, columns: UnsafePointer<Double>, count n: Int, width: Int,
                                         scales: UnsafePointer<Double>, into d2: UnsafeMutablePointer<Double>) {
        let stride = MemoryLayout<Double>.stride
        let raw = UnsafeRawPointer(columns), out = UnsafeMutableRawPointer(d2)
        var a = 0
        while a + 4 <= n {
            var sum = SIMD4<Double>()
            for f in 0..<width {
                let d = SIMD4<Double>(repeating: x[f]) - raw.loadUnaligned(fromByteOffset: (f &* n &+ a) &* stride, as: SIMD4<Double>.self)
                sum += SIMD4<Double>(repeating: scales[f]) * d * d
            }
            out.storeBytes(of: sum, toByteOffset: a &* stride, as: SIMD4<Double>.self)
            a += 4
        }
        while a < n {
            var sum = 0.0
            for f in 0..<width {
                let d = x[f] - columns[f &* n &+ a]
                sum += scales[f] * d * d
            }
            d2[a] = sum
            a += 1
        }
    }
}
