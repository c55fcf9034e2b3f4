/// The dense products of the GP's posterior and updates (docs/gp.md §4): dot products and
/// multiply-adds over contiguous rows, four lanes at a time. The order of the operations is
/// fixed by the code (eight partial sums, then the rest in order), not by the CPU, so results
/// are the same bytes on every machine.
enum GPProducts {
    /// Σ_i a_i·b_i over `count` entries.
    ///
    /// - Complexity: O(count).
    @inline(__always)
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
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
    static func addScaled(_ alpha: Double, _ x: UnsafePointer<Double>, to y: UnsafeMutablePointer<Double>, count: Int) {
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
    static func addScaledDifference(_ a: Double, _ b: Double, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>,
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
    static func lowerProduct(_ t: UnsafePointer<Double>, _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, n: Int) {
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
    static func lowerTransposedProduct(_ t: UnsafePointer<Double>, _ v: UnsafePointer<Double>, into w: UnsafeMutablePointer<Double>, n: Int) {
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
}
