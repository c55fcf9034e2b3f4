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

    /// The cell file's format version; part of the fingerprint.
    public static let formatVersion = 1

    /// `problem/suggester/rNNN`, the cell's name in messages and its path under cells/.
    public var name: String { "\(problem.label)/\(suggester.label)/\(replicateName)" }
    public var replicateName: String {
        let digits = String(replicate)
        return "r" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// Everything that determines the cell's trials, hashed: problem spec, suggester spec and
    /// options, budget, seeds, replicate and format version.
    public var fingerprint: String {
        SeedDerivation.fingerprint(
            "parzen-cell-v\(Self.formatVersion)|\(problem.canonicalText)|\(suggester.canonicalText)|budget=\(budget)|replicate=\(replicate)|problem_seed=\(problemSeed)|suggester_seed=\(suggesterSeed)")
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
                for replicate in 0..<repeats {
                    cells.append(Cell(problem: problem, suggester: suggester, replicate: replicate, budget: budget,
                                      problemSeed: problemSeeds[replicate], suggesterSeed: suggesterSeeds[replicate]))
                }
            }
        }
        return cells
    }
}
