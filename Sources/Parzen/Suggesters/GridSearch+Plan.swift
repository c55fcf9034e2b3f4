import GSLKit

// Planning a grid: branches of a conditional space, the resolution of each branch, the split of
// the budget between branches, and the seeded selection and order of the points.
// The rules are documented on ``GridSearch``.

extension GridSearch {
    /// The plan of one branch: one combination of the conditional choices (a choice whose
    /// options hold parameters), with the grid laid over the parameters active under it.
    public struct Branch: Sendable, Equatable {
        /// The conditional choices this branch fixes, as stored values (option indexes), in
        /// declaration order; empty for a space without conditional choices.
        public let choices: Assignment
        /// The labels the grid varies (active, not fixed by the branch), in declaration order.
        public let labels: [String]
        /// The number of distinct values on each of ``labels``: the resolution vector.
        public let resolution: [Int]
        /// The number of points of this branch's grid (the product of ``resolution``).
        public let size: Int
        /// How many of them the search visits: `size`, or fewer for a partial grid.
        public let taken: Int

        /// True when only part of this branch's grid is visited.
        public var isPartial: Bool { taken < size }
    }

    /// The whole plan: the branches in declaration order and what they add up to.
    public struct Plan: Sendable, Equatable {
        public let budget: Int
        public let placement: Placement
        public let branches: [Branch]
        /// True when every value of every dimension is enumerated (no continuous kind, every
        /// lattice at full count): a larger budget would not add a point.
        public let isComplete: Bool

        /// The number of points the search visits (at most the budget).
        public var pointCount: Int { branches.reduce(0) { $0 + $1.taken } }
        /// The number of points of the grids laid (equal to ``pointCount`` unless partial).
        public var gridSize: Int { branches.reduce(0) { saturatingSum($0, $1.size) } }
        /// True when the grid is larger than the budget and only a seeded random part of it is
        /// visited.
        public var isPartial: Bool { branches.contains { $0.isPartial } }
    }
}

/// A branch while it is being planned: its axes in declaration order.
struct GridBranchAxes {
    let choices: Assignment
    let axes: [GridAxis]

    /// The product of the counts of the axes that are always enumerated fully.
    var fixedProduct: Int { axes.reduce(1) { saturatingProduct($0, $1.count(atResolution: 1)) } }

    /// True when no count can grow (no continuous axis, every lattice has one value).
    var hasNoGrowableAxis: Bool { !axes.contains { $0.isGrowable } }

    /// The nominal counts for `budget`: the largest uniform resolution k with
    /// `Π c_j · Π min(k, n_i) · k^d ≤ budget` (k = 1 when even that exceeds the budget), then
    /// round-robin passes in declaration order adding 1 to each growable axis while the product
    /// stays within the budget.
    func counts(budget: Int) -> [Int] {
        var k = 1
        let base = fixedProduct
        if base <= budget {
            while true {
                let next = k + 1
                // Stop once every growable axis is a lattice already at its full count.
                guard axes.contains(where: { $0.isGrowable && ($0.cap.map { $0 > k } ?? true) }) else { break }
                let product = axes.reduce(1) { saturatingProduct($0, $1.count(atResolution: next)) }
                guard product <= budget else { break }
                k = next
            }
        }
        var counts = axes.map { $0.count(atResolution: k) }
        var product = counts.reduce(1, saturatingProduct)
        guard product <= budget else { return counts }
        var progressed = true
        while progressed {
            progressed = false
            for (i, axis) in axes.enumerated() where axis.isGrowable {
                if let cap = axis.cap, counts[i] >= cap { continue }
                let grown = saturatingProduct(product / counts[i], counts[i] + 1)
                if grown <= budget {
                    counts[i] += 1
                    product = grown
                    progressed = true
                }
            }
        }
        return counts
    }

    /// The values of every axis for `budget` (deduplicated, so possibly fewer than the counts).
    func values(budget: Int, placement: GridSearch.Placement) -> [[Double]] {
        zip(axes, counts(budget: budget)).map { $0.values(count: $1, placement: placement) }
    }
}

/// `a · b`, or `Int.max` on overflow.
func saturatingProduct(_ a: Int, _ b: Int) -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? Int.max : product
}

/// `a + b`, or `Int.max` on overflow.
func saturatingSum(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? Int.max : sum
}

/// The number of points of a grid with these axis values.
func gridSize(_ values: [[Double]]) -> Int { values.reduce(1) { saturatingProduct($0, $1.count) } }

/// The most branch combinations a grid enumerates.
let gridMaxBranches = 1 << 16
/// Grids up to this size are shuffled whole when only part of them is taken.
let gridWholeShuffleLimit = 1 << 20

extension GridSearch {
    /// Every combination of conditional choices, in declaration order (option 0 first), each with
    /// the axes active under it.
    static func branches(of space: SearchSpace) throws(SuggesterError) -> [GridBranchAxes] {
        let parameters = space.parameters
        var branching = Set<String>()
        for parameter in parameters {
            for condition in parameter.conditions { branching.insert(condition.label) }
        }
        var result: [GridBranchAxes] = []
        var overflow = false
        func walk(_ index: Int, _ choices: Assignment, _ axes: [GridAxis]) {
            guard !overflow else { return }
            var index = index
            var axes = axes
            while index < parameters.count {
                let parameter = parameters[index]
                index += 1
                guard parameter.isActive(in: choices) else { continue }
                if branching.contains(parameter.label) {
                    for option in parameter.distribution.options.indices {
                        var fixed = choices
                        fixed[parameter.label] = Double(option)
                        walk(index, fixed, axes + [GridAxis(label: parameter.label, distribution: parameter.distribution, fixedOption: option)])
                    }
                    return
                }
                axes.append(GridAxis(label: parameter.label, distribution: parameter.distribution))
            }
            guard result.count < gridMaxBranches else { overflow = true; return }
            result.append(GridBranchAxes(choices: choices, axes: axes))
        }
        walk(0, Assignment(), [])
        if overflow {
            throw .unsupportedSpace(
                "grid: the space has more than \(gridMaxBranches) combinations of conditional choices; grid search lays one sub-grid per combination")
        }
        return result
    }

    /// Splits `total` in proportion to `weights` by largest remainders (ties to the earlier
    /// index), exactly in integers.
    static func apportion(_ total: Int, weights: [Int]) -> [Int] {
        // Only proportions matter; capping keeps the sum from overflowing on absurd grids.
        let weights = weights.map { min(max($0, 0), Int.max / max(1, weights.count)) }
        let sum = weights.reduce(0, +)
        guard total > 0, sum > 0 else { return weights.map { _ in 0 } }
        var shares: [Int] = []
        var remainders: [Int] = []
        for w in weights {
            let wide = total.multipliedFullWidth(by: w)
            let (q, r) = sum.dividingFullWidth((high: wide.high, low: wide.low))
            shares.append(q)
            remainders.append(r)
        }
        var left = total - shares.reduce(0, +)
        let order = weights.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        for i in order where left > 0 && remainders[i] > 0 {
            shares[i] += 1
            left -= 1
        }
        return shares
    }

    /// The first `take` positions of a seeded Fisher–Yates shuffle of `0..<count`.
    ///
    /// Up to ``gridWholeShuffleLimit`` the whole index list is shuffled with
    /// ``MersenneTwister/shuffle(_:)``; beyond, a forward partial Fisher–Yates over a sparse swap
    /// table draws the prefix directly (an equally uniform random prefix, a different stream).
    static func shuffledPrefix(of count: Int, take: Int, using rng: MersenneTwister) -> [Int] {
        let take = min(take, count)
        if count <= gridWholeShuffleLimit {
            var indices = Array(0..<count)
            rng.shuffle(&indices)
            return Array(indices.prefix(take))
        }
        var swapped: [Int: Int] = [:]  // lookups only, never iterated
        var result: [Int] = []
        result.reserveCapacity(take)
        for i in 0..<take {
            let j = i + uniformIndex(below: count - i, using: rng)
            let atJ = swapped[j] ?? j
            let atI = swapped[i] ?? i
            swapped[j] = atI
            result.append(atJ)
        }
        return result
    }

    /// A uniform integer in `0..<n` for any positive `n`, by rejection over 64-bit draws.
    private static func uniformIndex(below n: Int, using rng: MersenneTwister) -> Int {
        if UInt64(n) <= 1 << 32 { return rng.uniformInt(below: n) }
        let bound = UInt64(n)
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let x = UInt64(rng.next()) << 32 | UInt64(rng.next())
            if x < limit { return Int(x % bound) }
        }
    }

    /// The point at `index` of the product of `values`, last axis varying fastest.
    static func point(at index: Int, branch: GridBranchAxes, values: [[Double]]) -> Assignment {
        var digits = Array(repeating: 0, count: values.count)
        var rest = index
        for a in values.indices.reversed() {
            digits[a] = rest % values[a].count
            rest /= values[a].count
        }
        var assignment = Assignment()
        for (a, axis) in branch.axes.enumerated() { assignment[axis.label] = values[a][digits[a]] }
        return assignment
    }

    /// Plans the grid and lists its points in their final (shuffled) order.
    static func layOut(
        space: SearchSpace, placement: Placement, budget: Int, using rng: MersenneTwister
    ) throws(SuggesterError) -> (Plan, [Assignment]) {
        let branches = try branches(of: space)
        let budget = max(0, budget)
        func describe(_ branch: GridBranchAxes, _ values: [[Double]], taken: Int) -> Branch {
            var labels: [String] = []
            var resolution: [Int] = []
            for (axis, list) in zip(branch.axes, values) {
                if case .fixed = axis.kind { continue }
                labels.append(axis.label)
                resolution.append(list.count)
            }
            return Branch(choices: branch.choices, labels: labels, resolution: resolution, size: gridSize(values), taken: taken)
        }
        func checkSize(_ values: [[Double]]) throws(SuggesterError) {
            if gridSize(values) == Int.max {
                throw .unsupportedSpace("grid: the coarsest grid of the space has more than \(Int.max) points")
            }
        }

        // Each branch's grid if it had the whole budget.
        let alone = branches.map { $0.values(budget: budget, placement: placement) }
        let aloneSizes = alone.map(gridSize)
        let coarsest = branches.map { $0.values(budget: 1, placement: placement) }
        for values in coarsest { try checkSize(values) }
        let coarsestSizes = coarsest.map(gridSize)

        var chosen: [[[Double]]]  // values per branch
        var taken: [Int]
        var points: [Assignment] = []

        if budget == 0 {
            chosen = coarsest
            taken = branches.map { _ in 0 }
        } else if aloneSizes.reduce(0, saturatingSum) <= budget {
            // Everything fits: every branch at the resolution the whole budget gives it.
            chosen = alone
            taken = aloneSizes
        } else if budget < branches.count {
            // Fewer points than branches: the first `budget` points of the shuffled coarsest grid.
            chosen = coarsest
            taken = branches.map { _ in 0 }
            var offsets: [Int] = [0]
            for size in coarsestSizes { offsets.append(saturatingSum(offsets.last!, size)) }
            let total = offsets.last!
            guard total < Int.max else { throw .unsupportedSpace("grid: the coarsest grid of the space is too large to index") }
            for global in shuffledPrefix(of: total, take: budget, using: rng) {
                // The branch holding `global`: the last offset <= global.
                var lo = 0, hi = branches.count - 1
                while lo < hi {
                    let mid = (lo + hi + 1) / 2
                    if offsets[mid] <= global { lo = mid } else { hi = mid - 1 }
                }
                taken[lo] += 1
                points.append(point(at: global - offsets[lo], branch: branches[lo], values: coarsest[lo]))
            }
        } else {
            // Split the budget: each branch first gets its floor (its coarsest grid when all of
            // those fit, else 1 point), then the rest in proportion to what the branch would add
            // above its floor with the whole budget.
            let coarsestTotal = coarsestSizes.reduce(0, saturatingSum)
            let floors = coarsestTotal <= budget ? coarsestSizes : branches.map { _ in 1 }
            let floorTotal = floors.reduce(0, +)
            let weights = zip(aloneSizes, floors).map { $0 - $1 }
            let extra = apportion(budget - floorTotal, weights: weights)
            let shares = zip(floors, extra).map { $0 + $1 }
            chosen = []
            taken = []
            for (branch, share) in zip(branches, shares) {
                let values = branch.values(budget: share, placement: placement)
                chosen.append(values)
                taken.append(min(gridSize(values), share))
            }
            // Budget left by rounding inside branches: offered once to each full branch in order.
            var left = budget - taken.reduce(0, +)
            for i in branches.indices where left > 0 && taken[i] == gridSize(chosen[i]) {
                let values = branches[i].values(budget: taken[i] + left, placement: placement)
                let size = gridSize(values)
                if size > taken[i] && size <= taken[i] + left {
                    left -= size - taken[i]
                    chosen[i] = values
                    taken[i] = size
                }
            }
        }

        if points.isEmpty && budget > 0 {
            for i in branches.indices {
                let size = gridSize(chosen[i])
                if taken[i] >= size {
                    for index in 0..<size { points.append(point(at: index, branch: branches[i], values: chosen[i])) }
                } else {
                    for index in shuffledPrefix(of: size, take: taken[i], using: rng) {
                        points.append(point(at: index, branch: branches[i], values: chosen[i]))
                    }
                }
            }
        }
        rng.shuffle(&points)

        let described = branches.indices.map { describe(branches[$0], chosen[$0], taken: taken[$0]) }
        let complete = described.allSatisfy { !$0.isPartial }
            && branches.indices.allSatisfy { i in zip(branches[i].axes, chosen[i]).allSatisfy { $0.cap == $1.count } }
        let plan = Plan(budget: budget, placement: placement, branches: described, isComplete: complete)
        return (plan, points)
    }
}

extension GridSearch.Plan {
    /// One line for the log, e.g. `grid 7×7 = 49 points for budget 50`.
    public var summary: String {
        func points(_ n: Int) -> String { n == 1 ? "1 point" : "\(n) points" }
        func resolution(_ branch: GridSearch.Branch) -> String {
            branch.resolution.isEmpty ? "1" : branch.resolution.map(String.init).joined(separator: "×")
        }
        let total = pointCount
        let tail = isComplete && total < budget ? ", fewer than budget \(budget) (every value enumerated)" : " for budget \(budget)"
        if branches.count == 1, let branch = branches.first {
            if branch.isPartial {
                return "partial grid: \(branch.taken) of \(resolution(branch)) = \(points(branch.size)) (shuffled) for budget \(budget)"
            }
            return "grid \(resolution(branch)) = \(points(total))\(tail)"
        }
        let parts = branches.map { branch -> String in
            let choices = branch.choices.map { "\($0.label)=\(Int($0.value))" }.joined(separator: ",")
            let taken = branch.isPartial ? "\(branch.taken) of " : ""
            return "\(choices) \(taken)\(resolution(branch)) = \(branch.size)"
        }
        let head = isPartial ? "partial grid" : "grid"
        return "\(head) over \(branches.count) branches, \(points(total))\(tail): " + parts.joined(separator: "; ")
    }
}
