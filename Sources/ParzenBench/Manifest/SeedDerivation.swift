/// Seeds derived from names, never positions (docs/manifest.md, "Seeds").
///
/// A seed is a stable 64-bit hash — FNV-1a over the UTF-8 of the fields joined by U+001F, then
/// the SplitMix64 finaliser — folded to a non-zero 32-bit value (MT19937 uses 32 bits of seed and
/// maps 0 to 4357). Adding a problem or a suggester to a manifest changes no other cell's seeds.
public enum SeedDerivation {
    /// The two streams of a cell.
    public enum Role: String, Sendable {
        /// Noise and instances: shared by every suggester of the same (problem, replicate).
        case problem
        /// The suggester's own draws: one per cell.
        case suggester
    }

    /// The seed of one stream.
    ///
    /// - Parameters:
    ///   - salt: 0 normally; raised only to resolve a collision between replicates (see
    ///     ``replicateSeeds(manifestSeed:role:problem:suggester:repeats:)``).
    /// - Complexity: O(length of the labels).
    public static func seed(manifestSeed: UInt64, role: Role, problem: String, suggester: String, replicate: Int, salt: Int = 0) -> UInt32 {
        var text = "\(manifestSeed)\u{1F}\(role.rawValue)\u{1F}\(problem)\u{1F}\(suggester)\u{1F}\(replicate)"
        if salt > 0 { text += "\u{1F}salt\(salt)" }
        return seed(hashing: text)
    }

    /// The seed of a text: FNV-1a over its UTF-8, the SplitMix64 finaliser, the two halves
    /// xor-folded to 32 bits, and 0 (which MT19937 would map to 4357) replaced by 0x9E3779B9.
    /// Every seed Parzen derives from names goes through here.
    ///
    /// - Complexity: O(length of the text).
    public static func seed(hashing text: String) -> UInt32 {
        let hash = splitMix64Finalizer(fnv1a64(Array(text.utf8)))
        let folded = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
        return folded == 0 ? 0x9E37_79B9 : folded
    }

    /// Seeds for replicates `0..<repeats` of one stream, with collisions between replicates
    /// resolved deterministically: a replicate whose seed equals an earlier replicate's is
    /// re-derived with salt 1, 2, … . A replicate's seed depends only on earlier replicates of the
    /// same stream, so adding repeats or other cells never changes it.
    public static func replicateSeeds(manifestSeed: UInt64, role: Role, problem: String, suggester: String, repeats: Int) -> [UInt32] {
        var seeds: [UInt32] = []
        var used = Set<UInt32>()
        for replicate in 0..<repeats {
            var salt = 0
            var seed = self.seed(manifestSeed: manifestSeed, role: role, problem: problem, suggester: suggester, replicate: replicate)
            while used.contains(seed) {
                salt += 1
                seed = self.seed(manifestSeed: manifestSeed, role: role, problem: problem, suggester: suggester, replicate: replicate, salt: salt)
            }
            used.insert(seed)
            seeds.append(seed)
        }
        return seeds
    }

    /// FNV-1a, 64-bit; `continuing` the hash of earlier bytes gives the hash of those bytes
    /// followed by `bytes`.
    public static func fnv1a64(_ bytes: [UInt8], continuing start: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = start
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// SplitMix64's output function (Steele, Lea, Flood 2014).
    public static func splitMix64Finalizer(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A 16-hex-digit fingerprint of `text` (FNV-1a + SplitMix64), stable across processes.
    public static func fingerprint(_ text: String) -> String {
        fingerprint(hash: fnv1a64(Array(text.utf8)))
    }

    /// ``fingerprint(_:)`` of a text from its FNV-1a hash.
    static func fingerprint(hash fnv: UInt64) -> String {
        let hash = splitMix64Finalizer(fnv)
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
