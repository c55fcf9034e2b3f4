/// Shortest round-trip decimal text of a finite `Double`, laid out as `description` lays it out.
///
/// Grisu2 (Loitsch 2010, "Printing Floating-Point Numbers Quickly and Accurately with Integers"),
/// as in Milo Yip's dtoa and nlohmann::json's `grisu2`: the value's rounding interval is scaled by
/// a cached power of ten into 64-bit fixed point; the fewest leading digits of its upper end that
/// stay inside the (slightly narrowed) interval are kept, and the last one is moved toward the
/// value. Instead of one digit per step, the digits are taken in one multiplication and the
/// surplus dropped, giving the same digits. The text always reads back (`strtod`) to the same
/// double. It is the shortest such text, and the closest of those, in nearly all cases: about one
/// double in a thousand (fewer in common ranges, none among integers) gets more digits than
/// necessary (mostly one; 1e23 prints as 9.999999999999999e+22) or a last digit off by one.
///
/// Layout, matching `description` (thresholds measured on Swift 6.3): decimal notation with at
/// least one fractional digit ("3.0", "0.0001", "9007199254740992.0") when the magnitude is at most
/// 2^53 and the first digit's decimal exponent is at least -4; otherwise "d.ddde±XX" with at least
/// two exponent digits ("1e-05", "1e+16", "5e-324"); "-0.0" for negative zero.
enum ShortestDigits {
    /// The room `write` needs: the longest text is "-1.2345678901234567e-308" (24 bytes), and it
    /// moves digits eight bytes at a time, scribbling up to 32 bytes.
    static let room = 32

    /// Writes finite `value` at `out`, which has ``room`` initialized bytes; returns the text's length.
    static func write(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = UInt8(ascii: "-")
        let text = out + Int(value.sign.rawValue)  // past the sign, if any
        let raw = UnsafeMutableRawPointer(text)
        let zero = UInt8(ascii: "0"), zeros = UInt64(0x3030_3030_3030_3030)
        if value == 0 {
            raw.storeBytes(of: UInt64(0x30_2E30).littleEndian, as: UInt64.self)  // "0.0"
            return text + 3 - out
        }
        if value.magnitude <= 0x1p53, let integer = UInt64(exactly: value.magnitude) {  // "ddd.0"
            let count = decimalLength(integer)  // an integer's digits are its shortest text
            writeDecimal(integer, count: count, to: text)
            raw.storeBytes(of: UInt64(0x302E).littleEndian, toByteOffset: count, as: UInt64.self)
            return text + count + 2 - out
        }
        let (digits, count, point) = shortest(value.magnitude)  // value ≈ 0.digits × 10^(point + 1)
        if point < -4 || value.magnitude > 0x1p53 {  // "d.ddde±XX"
            writeDecimal(digits, count: count, to: text + 1)
            text[0] = text[1]
            text[1] = UInt8(ascii: ".")
            var end = text + (count > 1 ? count + 1 : 1)
            end[0] = UInt8(ascii: "e")
            end[1] = point < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
            var exponent = point.magnitude
            if exponent >= 100 {
                end[2] = zero &+ UInt8(truncatingIfNeeded: exponent / 100)
                exponent %= 100
                end += 1
            }
            end[2] = zero &+ UInt8(truncatingIfNeeded: exponent / 10)
            end[3] = zero &+ UInt8(truncatingIfNeeded: exponent % 10)
            return end + 4 - out
        }
        if point < 0 {  // "0.000ddd": the prefix, then the digits over its surplus zeros
            raw.storeBytes(of: (zeros & ~0xFF00 | 0x2E00).littleEndian, as: UInt64.self)
            writeDecimal(digits, count: count, to: text + 1 - point)
            return text + 1 - point + count - out
        }
        writeDecimal(digits, count: count, to: text)
        if point >= count - 1 {  // an integer (not reached: they take the path above): "ddd000.0"
            raw.storeBytes(of: zeros, toByteOffset: count, as: UInt64.self)
            if point + 1 - count > 8 { raw.storeBytes(of: zeros, toByteOffset: count + 8, as: UInt64.self) }
            text[point + 1] = UInt8(ascii: ".")
            text[point + 2] = zero
            return text + point + 3 - out
        }
        // "ddd.ddd": the 1...16 fractional digits move one byte right, in two overlapping words.
        let head = raw.loadUnaligned(fromByteOffset: point + 1, as: UInt64.self)
        if count - point - 1 > 8 {
            let tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            raw.storeBytes(of: tail, toByteOffset: count - 7, as: UInt64.self)
        }
        raw.storeBytes(of: head, toByteOffset: point + 2, as: UInt64.self)
        text[point + 1] = UInt8(ascii: ".")
        return text + count + 1 - out
    }

    /// Grisu2 for positive finite `value`: its shortest digits (at most 17), their count, and the
    /// decimal exponent of the first one.
    static func shortest(_ value: Double) -> (digits: UInt64, count: Int, point: Int) {
        // value = f × 2^e; its rounding interval has ends m± = (2f ± 1) × 2^(e-1), except that
        // the lower neighbour is twice as close at a power of two (not at the least normal).
        let biased = Int(value.exponentBitPattern)
        let fraction = value.significandBitPattern
        let f = biased == 0 ? fraction : fraction | (1 << 52)
        let e = biased == 0 ? -1074 : biased - 1075
        // All three at the binary exponent of m+ normalized (top bit set).
        let shift = (2 * f + 1).leadingZeroBitCount
        let binaryExponent = e - 1 - shift
        let plus = (2 * f + 1) << shift
        let minus = fraction == 0 && biased > 1 ? (4 * f - 1) << (shift - 1) : (2 * f - 1) << shift
        let exact = f << (shift + 1)

        // A cached power c ≈ 10^-k puts the products' binary exponent in [-60, -32]:
        // k = ceil((-61 - binaryExponent) × log10 2), with log10 2 ≈ 78913 / 2^18 (never an integer
        // but at 0, where k = 1 picks the same entry).
        let k = ((-61 &- binaryExponent) &* 78913) &>> 18 &+ 1
        let cached = cachedPowers[(348 &+ k &+ 7) &>> 3]
        let fractionBits = UInt64(-(binaryExponent + Int(cached.binaryExponent) + 64))  // 32...60
        let mask = (1 &<< fractionBits) &- 1
        // In units of 2^-fractionBits × 10^-k: the interval is [upper - width, upper] and the value
        // upper - distance. The products are rounded: narrow the interval by a unit at each end.
        let upper = multiply(plus, cached.significand) &- 1
        let width = upper &- (multiply(minus, cached.significand) &+ 1)
        let distance = upper &- multiply(exact, cached.significand)
        let integral = upper &>> fractionBits  // 8 ..< 2^32
        let integralDigits = decimalLength(integral)

        // Take m fractional digits, the fewest for which the interval spans a last-digit unit:
        // then some prefix of them fits. Start from m ≥ (fractionBits - bits(width)) × log10 2.
        let gap = Int(truncatingIfNeeded: fractionBits) &- (64 &- width.leadingZeroBitCount)
        var m = (max(gap, 0) &* 1233 &+ 4095) &>> 12  // ceil(gap × log10 2) for gap in 1...69
        let spanned = width.multipliedFullWidth(by: powersOfTen[m])
        m &+= spanned.high == 0 && spanned.low &>> fractionBits == 0 ? 1 : 0  // the bound's width is within 2×
        let scale = powersOfTen[m]
        let (high, low) = (upper & mask).multipliedFullWidth(by: scale)
        var digits = integral &* scale &+ (high &<< (64 &- fractionBits) | low &>> fractionBits)
        var rest = low & mask
        let widthM = width &* scale, distanceM = distance &* scale  // < 10 × 2^60

        // Drop the last digits while what they leave out still fits in the interval. Long texts
        // (most) drop at most one, decided without a branch; short ones (integers, 0.25) drop more.
        let limit = (widthM &- rest) &>> fractionBits  // in last-digit units
        var dropped: UInt64 = 0, power: UInt64 = 1, count = integralDigits &+ m
        @inline(__always) func drop(_ factor: UInt64, _ places: Int) -> Bool {
            let (tail, overflow) = (digits % factor).multipliedReportingOverflow(by: power)
            if overflow || tail > limit &- dropped { return false }
            dropped &+= tail
            digits /= factor
            power &*= factor
            count &-= places
            return true
        }
        if digits % 100 <= limit {
            while drop(100_000_000, 8) {}
            _ = drop(10_000, 4)
            _ = drop(100, 2)
            _ = drop(10, 1)
        } else {
            let last = digits % 10, fits: UInt64 = last <= limit ? 1 : 0  // as a number: no branch
            digits &-= (digits &- digits / 10) &* fits
            dropped = last &* fits
            power = 1 &+ 9 &* fits
            count &-= Int(fits)
        }

        // Move the last digit down toward the value while that stays in the interval and gets
        // closer. Long texts count the steps: all whole units up to the value, one more if that
        // passes it by less than it fell short, at most as many as the interval allows.
        rest &+= dropped &<< fractionBits
        if power <= 10 {
            let toValue = distanceM > rest ? distanceM &- rest : 0
            let units = toValue &>> fractionBits, room = (widthM &- rest) &>> fractionBits
            let steps = power == 1 ? units : units / 10, allowed = power == 1 ? room : room / 10
            let unit = power &<< fractionBits, short = toValue &- steps &* unit
            digits &-= min(steps &+ (short > unit &- short ? 1 : 0), allowed)
        } else if power <= UInt64.max &>> fractionBits {  // else a unit exceeds the whole interval
            let unit = power &<< fractionBits
            while rest < distanceM && widthM &- rest >= unit
                && (rest &+ unit < distanceM || distanceM &- rest > rest &+ unit &- distanceM) {
                digits &-= 1
                rest &+= unit
            }
        }
        while digits % 10 == 0 {  // the move can leave a trailing zero
            digits /= 10
            count &-= 1
        }
        return (digits, count, integralDigits &- 1 &- Int(cached.decimalExponent))
    }

    /// Writes the `count` ≤ 17 decimal digits of `n` at `out`, eight at a time from the right (a
    /// shorter first block scribbles zeros up to `out + 8`, overwritten by the next).
    @inline(__always)
    private static func writeDecimal(_ n: UInt64, count: Int, to out: UnsafeMutablePointer<UInt8>) {
        let raw = UnsafeMutableRawPointer(out)
        func store(_ block: UInt64, digits: Int, at offset: Int) {
            raw.storeBytes(of: (eightDigits(block) &>> (8 &* (8 &- digits))).littleEndian, toByteOffset: offset, as: UInt64.self)
        }
        if count <= 8 { return store(n, digits: count, at: 0) }
        // 9...17 digits: a 17th first, then the middle block, then the last eight.
        let high = n / 100_000_000, top = high / 100_000_000, seventeenth = count &- 16 > 0 ? 1 : 0
        out[0] = UInt8(ascii: "0") | UInt8(truncatingIfNeeded: top)
        store(high % 100_000_000, digits: count &- 8 &- seventeenth, at: seventeenth)
        store(n % 100_000_000, digits: 8, at: count &- 8)
    }

    /// The eight decimal digits of `n` < 10^8 as ASCII, the first in the low byte: halves, quarters
    /// and digits are split in parallel lanes of one integer (multiplying by 10486 / 2^20 and
    /// 103 / 2^10 divides by 100 and 10 exactly in these ranges).
    private static func eightDigits(_ n: UInt64) -> UInt64 {
        let halves = n / 10_000 | (n % 10_000) &<< 32
        let hundreds = ((halves &* 10486) &>> 20) & 0x0000_007F_0000_007F
        let quarters = hundreds | (halves &- hundreds &* 100) &<< 16
        let tens = ((quarters &* 103) &>> 10) & 0x000F_000F_000F_000F
        return (tens | (quarters &- tens &* 10) &<< 8) | 0x3030_3030_3030_3030
    }

    /// The 64 high bits of the 128-bit product, rounded.
    private static func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return high &+ (low >> 63)
    }

    /// The number of decimal digits of `n` > 0: from its bit length (× log10 2 ≈ 1233 / 2^12),
    /// then one comparison.
    private static func decimalLength(_ n: UInt64) -> Int {
        let estimate = ((64 &- n.leadingZeroBitCount) &* 1233) &>> 12
        return estimate &+ (n >= powersOfTen[estimate] ? 1 : 0)
    }

    private static let powersOfTen: [UInt64] = [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
        10_000_000_000_000_000_000,
    ]

    /// 10^k ≈ significand × 2^binaryExponent for k = decimalExponent = -348, -340, …, 340, the
    /// significand normalized to 64 bits (top bit set) and rounded to nearest. Generated exactly
    /// with Python integers (fractions.Fraction, no floating point) and pasted; the same values as
    /// Milo Yip's dtoa table.
    static let cachedPowers: [(significand: UInt64, binaryExponent: Int16, decimalExponent: Int16)] = [
        (0xfa8fd5a0081c0288, -1220, -348), (0xbaaee17fa23ebf76, -1193, -340), (0x8b16fb203055ac76, -1166, -332),
        (0xcf42894a5dce35ea, -1140, -324), (0x9a6bb0aa55653b2d, -1113, -316), (0xe61acf033d1a45df, -1087, -308),
        (0xab70fe17c79ac6ca, -1060, -300), (0xff77b1fcbebcdc4f, -1034, -292), (0xbe5691ef416bd60c, -1007, -284),
        (0x8dd01fad907ffc3c, -980, -276), (0xd3515c2831559a83, -954, -268), (0x9d71ac8fada6c9b5, -927, -260),
        (0xea9c227723ee8bcb, -901, -252), (0xaecc49914078536d, -874, -244), (0x823c12795db6ce57, -847, -236),
        (0xc21094364dfb5637, -821, -228), (0x9096ea6f3848984f, -794, -220), (0xd77485cb25823ac7, -768, -212),
        (0xa086cfcd97bf97f4, -741, -204), (0xef340a98172aace5, -715, -196), (0xb23867fb2a35b28e, -688, -188),
        (0x84c8d4dfd2c63f3b, -661, -180), (0xc5dd44271ad3cdba, -635, -172), (0x936b9fcebb25c996, -608, -164),
        (0xdbac6c247d62a584, -582, -156), (0xa3ab66580d5fdaf6, -555, -148), (0xf3e2f893dec3f126, -529, -140),
        (0xb5b5ada8aaff80b8, -502, -132), (0x87625f056c7c4a8b, -475, -124), (0xc9bcff6034c13053, -449, -116),
        (0x964e858c91ba2655, -422, -108), (0xdff9772470297ebd, -396, -100), (0xa6dfbd9fb8e5b88f, -369, -92),
        (0xf8a95fcf88747d94, -343, -84), (0xb94470938fa89bcf, -316, -76), (0x8a08f0f8bf0f156b, -289, -68),
        (0xcdb02555653131b6, -263, -60), (0x993fe2c6d07b7fac, -236, -52), (0xe45c10c42a2b3b06, -210, -44),
        (0xaa242499697392d3, -183, -36), (0xfd87b5f28300ca0e, -157, -28), (0xbce5086492111aeb, -130, -20),
        (0x8cbccc096f5088cc, -103, -12), (0xd1b71758e219652c, -77, -4), (0x9c40000000000000, -50, 4),
        (0xe8d4a51000000000, -24, 12), (0xad78ebc5ac620000, 3, 20), (0x813f3978f8940984, 30, 28),
        (0xc097ce7bc90715b3, 56, 36), (0x8f7e32ce7bea5c70, 83, 44), (0xd5d238a4abe98068, 109, 52),
        (0x9f4f2726179a2245, 136, 60), (0xed63a231d4c4fb27, 162, 68), (0xb0de65388cc8ada8, 189, 76),
        (0x83c7088e1aab65db, 216, 84), (0xc45d1df942711d9a, 242, 92), (0x924d692ca61be758, 269, 100),
        (0xda01ee641a708dea, 295, 108), (0xa26da3999aef774a, 322, 116), (0xf209787bb47d6b85, 348, 124),
        (0xb454e4a179dd1877, 375, 132), (0x865b86925b9bc5c2, 402, 140), (0xc83553c5c8965d3d, 428, 148),
        (0x952ab45cfa97a0b3, 455, 156), (0xde469fbd99a05fe3, 481, 164), (0xa59bc234db398c25, 508, 172),
        (0xf6c69a72a3989f5c, 534, 180), (0xb7dcbf5354e9bece, 561, 188), (0x88fcf317f22241e2, 588, 196),
        (0xcc20ce9bd35c78a5, 614, 204), (0x98165af37b2153df, 641, 212), (0xe2a0b5dc971f303a, 667, 220),
        (0xa8d9d1535ce3b396, 694, 228), (0xfb9b7cd9a4a7443c, 720, 236), (0xbb764c4ca7a44410, 747, 244),
        (0x8bab8eefb6409c1a, 774, 252), (0xd01fef10a657842c, 800, 260), (0x9b10a4e5e9913129, 827, 268),
        (0xe7109bfba19c0c9d, 853, 276), (0xac2820d9623bf429, 880, 284), (0x80444b5e7aa7cf85, 907, 292),
        (0xbf21e44003acdd2d, 933, 300), (0x8e679c2f5e44ff8f, 960, 308), (0xd433179d9c8cb841, 986, 316),
        (0x9e19db92b4e31ba9, 1013, 324), (0xeb96bf6ebadf77d9, 1039, 332), (0xaf87023b9bf0ee6b, 1066, 340)
    ]
}
