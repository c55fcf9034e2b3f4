import Parzen

/// One run: a problem, a suggester and a replicate, with its two seeds and its fingerprint.
public struct Cell: Sendable {
    public let problem: ProblemSpec
    public let suggester: SuggesterSpec
    public let replicate: Int
    public let budget: Int
    /// Seeds the problem stream (noise), shared by every suggester of this (problem, replicate).
    public let problemSeed: UInt32
    /// Seeds the suggester stream, this cell's own.
    public let suggesterSeed: UInt32
    /// Everything that determines the cell's trials, hashed: problem spec, suggester spec and
    /// options, budget, seeds, replicate and format version. Stored, since every run needs it
    /// several times per cell (executing, reading the cell file back, the lock file).
    public let fingerprint: String
    /// The hash of the external programs' files (problem, then suggester), nil without any:
    /// written beside the fingerprint in the cell file, so an edited program makes the file stale.
    public let programHash: String?

    /// A cell; `pairHash` is ``pairHash(problem:suggester:budget:)`` of its problem, suggester
    /// and budget (shared by every replicate, so a manifest hashes that part once per pair).
    init(problem: ProblemSpec, suggester: SuggesterSpec, replicate: Int, budget: Int, problemSeed: UInt32, suggesterSeed: UInt32,
         pairHash: UInt64) {
        self.problem = problem
        self.suggester = suggester
        self.replicate = replicate
        self.budget = budget
        self.problemSeed = problemSeed
        self.suggesterSeed = suggesterSeed
        switch (problem.programHash, suggester.programHash) {
        case (nil, nil): programHash = nil
        case (let problem?, nil): programHash = problem
        case (nil, let suggester?): programHash = suggester
        case (let problem?, let suggester?): programHash = SeedDerivation.fingerprint("\(problem);\(suggester)")
        }
        // FNV-1a runs left to right: continuing the pair's hash with the rest of the text
        // gives the hash of the whole text.
        fingerprint = SeedDerivation.fingerprint(
            hash: SeedDerivation.fnv1a64(Array("\(replicate)|problem_seed=\(problemSeed)|suggester_seed=\(suggesterSeed)".utf8), continuing: pairHash))
    }

    /// The cell file's format version; part of the fingerprint.
    public static let formatVersion = 1

    /// The FNV-1a state after the fingerprint text's part shared by a (problem, suggester,
    /// budget): the text is `parzen-cell-vN|PROBLEM|SUGGESTER|budget=B|replicate=R|problem_seed=P|suggester_seed=S`.
    static func pairHash(problem: ProblemSpec, suggester: SuggesterSpec, budget: Int) -> UInt64 {
        SeedDerivation.fnv1a64(Array("parzen-cell-v\(formatVersion)|\(problem.canonicalText)|\(suggester.canonicalText)|budget=\(budget)|replicate=".utf8))
    }

    /// `problem/suggester/rNNN`, the cell's name in messages and its path under cells/.
    public var name: String { "\(problem.label)/\(suggester.label)/\(replicateName)" }
    public var replicateName: String {
        let digits = String(replicate)
        return "r" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}

extension Manifest {
    /// Every cell, in the documented order: problems in manifest order, then suggesters in
    /// manifest order, then replicates ascending. Shards and collection use this order.
    ///
    /// - Complexity: O(problems × suggesters × repeats).
    public var cells: [Cell] {
        var cells: [Cell] = []
        for problem in problems {
            let problemSeeds = SeedDerivation.replicateSeeds(manifestSeed: seed, role: .problem, problem: problem.label, suggester: "", repeats: repeats)
            for suggester in suggesters {
                let suggesterSeeds = SeedDerivation.replicateSeeds(
                    manifestSeed: seed, role: .suggester, problem: problem.label, suggester: suggester.label, repeats: repeats)
                let budget = problem.budget ?? budget
                let pairHash = Cell.pairHash(problem: problem, suggester: suggester, budget: budget)
                for replicate in 0..<repeats {
                    cells.append(Cell(problem: problem, suggester: suggester, replicate: replicate, budget: budget,
                                      problemSeed: problemSeeds[replicate], suggesterSeed: suggesterSeeds[replicate], pairHash: pairHash))
                }
            }
        }
        return cells
    }
}
