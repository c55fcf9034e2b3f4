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
    /// - Complexity: O(problems × suggesters × repeats) time and memory; runs and collects go
    ///   through ``catalog`` instead, which makes one cell at a time.
    public var cells: [Cell] {
        let catalog = self.catalog
        return (0..<catalog.count).map(catalog.cell(at:))
    }

    /// The cells made on demand from their position in ``cells``' order.
    public var catalog: CellCatalog { CellCatalog(manifest: self) }
}

/// A manifest's cells without holding them: the seeds of every (problem, suggester) pair's
/// replicates and the pair's hash, from which ``cell(at:)`` makes a cell.
///
/// A cell holds copies of its problem and suggester specs; a run or collect of 10⁶ cells keeps
/// only 8 bytes of seeds per cell here and makes each cell when it needs it.
public struct CellCatalog: Sendable {
    public let problems: [ProblemSpec]
    public let suggesters: [SuggesterSpec]
    public let repeats: Int
    /// Per problem, the problem stream's seeds of every replicate.
    private let problemSeeds: [[UInt32]]
    /// Per pair (problem-major), the suggester stream's seeds, the budget and the pair's hash.
    private let pairs: [(seeds: [UInt32], budget: Int, hash: UInt64)]

    /// - Complexity: O(problems × suggesters × repeats) seed derivations.
    public init(manifest: Manifest) {
        problems = manifest.problems
        suggesters = manifest.suggesters
        repeats = manifest.repeats
        problemSeeds = manifest.problems.map {
            SeedDerivation.replicateSeeds(manifestSeed: manifest.seed, role: .problem, problem: $0.label, suggester: "", repeats: manifest.repeats)
        }
        pairs = manifest.problems.flatMap { problem in
            manifest.suggesters.map { suggester in
                let budget = problem.budget ?? manifest.budget
                return (SeedDerivation.replicateSeeds(manifestSeed: manifest.seed, role: .suggester, problem: problem.label,
                                                      suggester: suggester.label, repeats: manifest.repeats),
                        budget, Cell.pairHash(problem: problem, suggester: suggester, budget: budget))
            }
        }
    }

    /// problems × suggesters × repeats.
    public var count: Int { pairs.count * repeats }

    /// The cell at `index` of the manifest's cell order.
    ///
    /// - Complexity: O(1) plus hashing the cell's fingerprint text.
    public func cell(at index: Int) -> Cell {
        precondition((0..<count).contains(index), "cell \(index) of \(count)")
        let pair = index / repeats, replicate = index % repeats
        let problem = pair / suggesters.count, suggester = pair % suggesters.count
        return Cell(problem: problems[problem], suggester: suggesters[suggester], replicate: replicate, budget: pairs[pair].budget,
                    problemSeed: problemSeeds[problem][replicate], suggesterSeed: pairs[pair].seeds[replicate], pairHash: pairs[pair].hash)
    }
}
