import Foundation
import GSLKit
import Testing
@testable import Parzen

/// Pins TPE's exact proposals, bit for bit, so performance work cannot change what it proposes.
///
/// Each case runs `fmin` with `.tpe` for 60 evaluations (20 start-up draws, 40 model proposals),
/// or times a few suggestions on a longer prior-drawn history (so the large-N paths — merge
/// sorts, linear forgetting, windowed mixtures — are covered too), and hashes every proposed
/// label and the bit pattern of every stored value (FNV-1a, 64 bits). The expected hashes and
/// the last values were recorded from the implementation before any optimisation.
@Suite struct TPERegressionTests {
    // MARK: Spaces

    /// Branin's domain: x1 ∈ [−5, 10], x2 ∈ [0, 15].
    static let branin: Space = ["x1": .uniform("x1", -5, 10), "x2": .uniform("x2", 0, 15)]

    static func braninLoss(_ point: Value) -> Double {
        let x1 = point["x1"]!.double!, x2 = point["x2"]!.double!
        let b = 5.1 / (4 * Double.pi * Double.pi), c = 5 / Double.pi, t = 1 / (8 * Double.pi)
        let u = x2 - b * x1 * x1 + c * x1 - 6
        return u * u + 10 * (1 - t) * cos(x1) + 10
    }

    /// The 6-D unit cube.
    static let cube: Space = [
        "a": .uniform("a", 0, 1), "b": .uniform("b", 0, 1), "c": .uniform("c", 0, 1),
        "d": .uniform("d", 0, 1), "e": .uniform("e", 0, 1), "f": .uniform("f", 0, 1),
    ]

    static func cubeLoss(_ point: Value) -> Double {
        let centre = [0.2, 0.15, 0.48, 0.28, 0.31, 0.66]
        var total = 0.0
        for (i, label) in ["a", "b", "c", "d", "e", "f"].enumerated() {
            let d = point[label]!.double! - centre[i]
            total += Double(i + 1) * d * d
        }
        return -exp(-total)
    }

    /// A conditional space holding all twelve kinds, some nested under a choice.
    static let conditional: Space = [
        "top": .uniform("top", -2, 3),
        "model": .choice("model", [
            [
                "lr": .loguniform("lr", -7, 0),
                "width": .quniform("width", 8, 64, 8),
                "momentum": .normal("momentum", 0.5, 0.2),
                "act": .pchoice("act", [(0.3, "relu"), (0.7, "tanh")]),
            ],
            [
                "reg": .qloguniform("reg", -4, 3, 1),
                "shift": .qnormal("shift", 0, 2, 0.25),
                "scale": .lognormal("scale", 0, 0.5),
                "count": .qlognormal("count", 1, 0.7, 1),
                "depth": .randint("depth", 1, 6),
                "leaves": .uniformint("leaves", 2, 20),
            ],
            ["kernel": .choice("kernel", ["rbf", "linear", "poly"])],
        ]),
    ]

    /// Sums a smooth penalty over every leaf, so every model gets a real good set.
    static func conditionalLoss(_ point: Value) -> Double {
        switch point {
        case .double(let v): return (v - 0.7) * (v - 0.7) / (1 + abs(v))
        case .int(let v): return Double(abs(v - 3))
        case .string(let s): return s == "tanh" || s == "linear" ? 0 : 0.5
        case .list(let items): return items.reduce(0) { $0 + conditionalLoss($1) }
        case .record(let record): return record.values.reduce(0) { $0 + conditionalLoss($1) }
        default: return 0
        }
    }

    // MARK: Hashing

    struct Digest {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        /// The last few values hashed, for the failure message.
        var last: [Double] = []

        mutating func add(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }

        mutating func add(_ assignment: Assignment) {
            for (label, value) in assignment {
                for byte in label.utf8 { add(byte) }
                add(0)
                var bits = value.bitPattern
                for _ in 0..<8 { add(UInt8(truncatingIfNeeded: bits)); bits >>= 8 }
                last.append(value)
                if last.count > 4 { last.removeFirst() }
            }
        }

        var report: String {
            "hash 0x" + String(hash, radix: 16) + ", last " + last.map { "\($0)" }.joined(separator: ", ")
        }
    }

    /// The proposals of a 60-evaluation fmin run (start-up draws included).
    static func fminDigest(_ space: Space, _ loss: (Value) -> Double, seed: UInt32) throws -> Digest {
        var trials = Trials()
        try fmin(loss, space: space, algorithm: .tpe, maxEvals: 60, trials: &trials, seed: seed)
        var digest = Digest()
        for trial in trials.trials { digest.add(trial.assignment) }
        return digest
    }

    /// `count` successive suggestions on a fixed history of `history` prior draws.
    static func historyDigest(_ space: Space, _ loss: (Value) -> Double, history: Int, count: Int, seed: UInt32) throws -> Digest {
        let compiled = try SearchSpace(space)
        let prior = MersenneTwister(seed: seed)
        var trials = Trials()
        for id in 0..<history {
            let assignment = compiled.sample(using: prior)
            trials.append(Trial(id: id, assignment: assignment, status: .ok, loss: loss(try compiled.evaluate(assignment))))
        }
        let rng = MersenneTwister(seed: seed &+ 1)
        var suggester = try TPE(space: compiled, options: .init(), budget: history + count, using: rng)
        var digest = Digest()
        for _ in 0..<count {
            let suggested = suggester.suggest(history: trials, using: rng)
            let proposal = try #require(suggested)
            digest.add(proposal)
        }
        return digest
    }

    // MARK: Pinned proposals

    // Last values hashed when recorded: branin 1 … 1.6135397861009384, 14.985504008255397;
    // cube 1 … 0.9290790716140617, 0.66806579037172; conditional 42 … 18.0, 0.8208630068621584, 2.0, 1.0;
    // branin history 1000 … -4.994157294888781, 2.627249297393074.
    static let fminCases: [(name: String, seed: UInt32, hash: UInt64)] = [
        ("branin", 1, 0x0435_8b11_550c_c8ec),
        ("branin", 7, 0x7116_8605_171e_8be6),
        ("cube", 1, 0x8c3a_eada_1dfb_56fb),
        ("cube", 23, 0x3945_5754_ed14_755e),
        ("conditional", 1, 0xd11e_3a36_a706_c2f1),
        ("conditional", 5, 0xb595_2ec2_373e_3ba5),
        ("conditional", 42, 0x41c7_186e_7460_ee67),
    ]

    static func space(named name: String) -> (Space, (Value) -> Double) {
        switch name {
        case "branin": return (branin, braninLoss)
        case "cube": return (cube, cubeLoss)
        default: return (conditional, conditionalLoss)
        }
    }

    @Test(arguments: fminCases.indices)
    func fminProposalsAreUnchanged(_ index: Int) throws {
        let (name, seed, expected) = Self.fminCases[index]
        let (space, loss) = Self.space(named: name)
        let digest = try Self.fminDigest(space, loss, seed: seed)
        #expect(digest.hash == expected, "\(name) seed \(seed): \(digest.report)")
    }

    static let historyCases: [(name: String, history: Int, seed: UInt32, hash: UInt64)] = [
        ("branin", 1000, 3, 0xce20_fa6a_cbd3_0591),
        ("cube", 400, 4, 0x4d71_dc44_5c3e_6626),
        ("conditional", 600, 6, 0x5ac6_e7eb_f8f4_f943),
    ]

    @Test(arguments: historyCases.indices)
    func longHistoryProposalsAreUnchanged(_ index: Int) throws {
        let (name, history, seed, expected) = Self.historyCases[index]
        let (space, loss) = Self.space(named: name)
        let digest = try Self.historyDigest(space, loss, history: history, count: 8, seed: seed)
        #expect(digest.hash == expected, "\(name) history \(history) seed \(seed): \(digest.report)")
    }
}
