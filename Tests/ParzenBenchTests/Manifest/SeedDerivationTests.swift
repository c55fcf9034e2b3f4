import Testing
@testable import ParzenBench

@Suite struct SeedDerivationTests {
    @Test func fnvAndSplitMixKnownAnswers() {
        // FNV-1a 64 test vectors (Fowler/Noll/Vo): "" and "a".
        #expect(SeedDerivation.fnv1a64([]) == 0xcbf2_9ce4_8422_2325)
        #expect(SeedDerivation.fnv1a64(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        // SplitMix64 from state 0: the first output is 0xe220a8397b1dcdaf.
        #expect(SeedDerivation.splitMix64Finalizer(0) == 0xe220_a839_7b1d_cdaf)
    }

    @Test func seedsDependOnNamesNotPositionsAndAreNonZero() {
        let a = SeedDerivation.seed(manifestSeed: 1, role: .suggester, problem: "branin", suggester: "tpe", replicate: 0)
        #expect(a == SeedDerivation.seed(manifestSeed: 1, role: .suggester, problem: "branin", suggester: "tpe", replicate: 0))
        #expect(a != SeedDerivation.seed(manifestSeed: 1, role: .problem, problem: "branin", suggester: "tpe", replicate: 0))
        #expect(a != SeedDerivation.seed(manifestSeed: 2, role: .suggester, problem: "branin", suggester: "tpe", replicate: 0))
        #expect(a != SeedDerivation.seed(manifestSeed: 1, role: .suggester, problem: "branin", suggester: "tpe", replicate: 1))
        let seeds = SeedDerivation.replicateSeeds(manifestSeed: 9, role: .problem, problem: "p", suggester: "", repeats: 1000)
        #expect(Set(seeds).count == 1000 && !seeds.contains(0))
        // A replicate's seed does not depend on how many replicates there are.
        #expect(Array(seeds.prefix(10)) == SeedDerivation.replicateSeeds(manifestSeed: 9, role: .problem, problem: "p", suggester: "", repeats: 10))
    }

    @Test func addingASuggesterChangesNoOtherCellsSeedsOrFingerprints() throws {
        let base = "name: s\nrepeats: 2\nbudget: 5\nproblems: [square, branin]\nsuggesters: [random, tpe]\n"
        let more = "name: s\nrepeats: 2\nbudget: 5\nproblems: [square, branin]\nsuggesters: [grid, random, tpe]\n"
        let before = try Manifest(yaml: base, source: "a").cells
        let after = try Manifest(yaml: more, source: "b").cells
        for cell in before {
            let same = after.first { $0.name == cell.name }!
            #expect(same.fingerprint == cell.fingerprint && same.problemSeed == cell.problemSeed && same.suggesterSeed == cell.suggesterSeed)
        }
        // The problem stream is shared by every suggester of a replicate.
        let squares = after.filter { $0.problem.label == "square" && $0.replicate == 1 }
        #expect(Set(squares.map(\.problemSeed)).count == 1)
        #expect(Set(squares.map(\.suggesterSeed)).count == 3)
    }

    /// Every seed derived from names is one hash-and-fold: the cell streams and the report's
    /// bootstrap give what hashing their texts gives.
    @Test func cellAndBootstrapSeedsAreTheOneHashOfTheirTexts() {
        let cell = SeedDerivation.seed(manifestSeed: 7, role: .suggester, problem: "branin", suggester: "tpe", replicate: 3)
        #expect(cell == SeedDerivation.seed(hashing: "7\u{1F}suggester\u{1F}branin\u{1F}tpe\u{1F}3"))
        #expect(FinalSummary.bootstrapSeed(problem: "branin", suggester: "tpe") == SeedDerivation.seed(hashing: "bootstrap\u{1F}branin\u{1F}tpe"))
        #expect(SeedDerivation.seed(hashing: "") != 0)
    }
}
