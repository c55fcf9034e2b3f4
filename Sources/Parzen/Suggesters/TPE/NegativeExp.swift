import Foundation

/// e^x for x in [−745, 0], four at a time: Cody–Waite reduction x = k·ln 2 + r, |r| ≤ ln2/2,
/// a degree-13 Taylor polynomial for e^r, and 2^k built in the exponent bits. Relative error
/// below 5e-16 over the range (about 2 ulp); results below 2^−1022 flush to 0.
@inline(__always)
func negativeExp(_ x: SIMD4<Double>) -> SIMD4<Double> {
    let (r, scale) = reducedExponent(x)
    return taylorExp(r, degree: 13) * scale
}

/// ``negativeExp(_:)`` to about 1e-8: a degree-7 Taylor polynomial, whose truncation error is
/// below |r|⁸/8!·e^|r| ≤ 1.1e-8 relative. For bounds that allow for it (about half the work).
@inline(__always)
func roughNegativeExp(_ x: SIMD4<Double>) -> SIMD4<Double> {
    let (r, scale) = reducedExponent(x)
    return taylorExp(r, degree: 7) * scale
}

/// Σ_{k ≤ degree} r^k/k! by Horner's rule. The degree is a constant at every call, so the loop
/// unrolls and the coefficients 1/k! (exact factorials, one correctly rounded division) fold
/// into constants.
@inline(__always)
private func taylorExp(_ r: SIMD4<Double>, degree: Int) -> SIMD4<Double> {
    var factorial = 1.0
    for k in 2...degree { factorial *= Double(k) }  // exact below 23!
    var p = SIMD4<Double>(repeating: 1 / factorial)
    for k in stride(from: degree, to: 1, by: -1) {
        factorial /= Double(k)
        p = p * r + 1 / factorial
    }
    return p * r + 1
}

/// x = k·ln 2 + r with |r| ≤ ln2/2, and 2^k, for x in [−745, 0] (clamped at −708).
@inline(__always)
private func reducedExponent(_ x: SIMD4<Double>) -> (r: SIMD4<Double>, scale: SIMD4<Double>) {
    let x = x.replacing(with: -708, where: x .< -708)
    let shifter = SIMD4<Double>(repeating: 6755399441055744.0)  // 1.5·2^52: rounds to integer
    let t = x * (1 / M_LN2) + shifter
    let k = t - shifter
    // ln 2 split in two for an exact k·ln2_hi.
    let r = (x - k * 0.693147180369123816490) - k * 1.90821492927058770002e-10
    // 2^k: k (an integer in −1022…0) into the exponent field.
    let kBits = unsafeBitCast(t, to: SIMD4<Int64>.self) &- unsafeBitCast(shifter, to: SIMD4<Int64>.self)
    let scale = unsafeBitCast((kBits &+ 1023) &<< 52, to: SIMD4<Double>.self)
    return (r, scale)
}

/// P(a ≤ Z < b) for a standard normal Z, computed in the tail the interval lies in.
@inline(__always)
func standardNormalMass(_ a: Double, _ b: Double) -> Double {
    let r = 1 / 2.0.squareRoot()
    if a >= 0 { return max(0, 0.5 * (erfc(a * r) - upperTail(b * r))) }
    if b <= 0 { return max(0, 0.5 * (erfc(-b * r) - upperTail(-a * r))) }
    return max(0, 1 - 0.5 * (upperTail(-a * r) + upperTail(b * r)))
}

/// erfc(x), skipping the call where it is exactly 0: erfc(28) ≈ 6e-343 is below half the
/// smallest subnormal, so every correctly rounding libm returns 0 from there on (glibc does
/// so explicitly). Most truncated components lie far from one of their bounds.
@inline(__always)
private func upperTail(_ x: Double) -> Double {
    x >= 28 ? 0 : erfc(x)
}
