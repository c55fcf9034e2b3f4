import PropertyBased
import Testing
@testable import ParzenBench

@Suite struct SeedDerivationProperties {
    static let names = TextPieces.shortStrings

    /// Replicate seeds are non-zero and distinct within a stream, and adding repeats keeps the
    /// seeds of the earlier replicates (each depends on earlier replicates only).
    @Test func replicateSeedsAreDistinctAndStableUnderMoreRepeats() async {
        await propertyCheck(count: 200, input: Gen.uint64(), Self.names, Self.names, Gen.int(in: 0...40), Gen.int(in: 0...40)) {
            seed, problem, suggester, fewer, more in
            for role in [SeedDerivation.Role.problem, .suggester] {
                let short = SeedDerivation.replicateSeeds(manifestSeed: seed, role: role, problem: problem, suggester: suggester, repeats: min(fewer, more))
                let long = SeedDerivation.replicateSeeds(manifestSeed: seed, role: role, problem: problem, suggester: suggester, repeats: max(fewer, more))
                #expect(Array(long.prefix(short.count)) == short)
                #expect(Set(long).count == long.count)
                #expect(!long.contains(0))
                if let first = long.first {
                    #expect(first == SeedDerivation.seed(manifestSeed: seed, role: role, problem: problem, suggester: suggester, replicate: 0))
                }
            }
        }
    }

    /// FNV-1a continues: hashing a text in two parts gives the hash of the whole, and a
    /// fingerprint is 16 lowercase hexadecimal digits.
    @Test func hashContinuesAndFingerprintsAreSixteenHexDigits() async {
        await propertyCheck(count: 300, input: TextPieces.strings, TextPieces.strings) { head, tail in
            let whole = SeedDerivation.fnv1a64(Array((head + tail).utf8))
            #expect(SeedDerivation.fnv1a64(Array(tail.utf8), continuing: SeedDerivation.fnv1a64(Array(head.utf8))) == whole)
            let fingerprint = SeedDerivation.fingerprint(head + tail)
            #expect(fingerprint.utf8.count == 16 && fingerprint.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
            #expect(SeedDerivation.seed(hashing: head + tail) != 0)
        }
    }
}
