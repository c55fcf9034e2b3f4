import GSLKit

/// Grid search for a fixed budget: a lattice laid over the space, sized to the budget, visited in
/// a seeded shuffled order (README, "Algorithms").
///
/// **Resolution of one (sub-)grid for a budget B.** Categorical dimensions (`choice` and
/// `pchoice` whose options hold no parameters, `randint`) are always enumerated fully, with
/// `c_j` values. Integer and quantized dimensions have at most `n_i` distinct values. The grid
/// takes the largest k with `Π c_j · Π min(k, n_i) · k^d ≤ B` (d continuous dimensions; k = 1
/// when even the categoricals alone exceed B), then spends the rest deterministically:
/// round-robin passes over the dimensions in declaration order add 1 to a dimension's count
/// while the product stays ≤ B ("extra points on leading dimensions"). Two uniforms with
/// B = 50 give 7×7 = 49 (8×7 = 56 does not fit); with B = 60, 8×7 = 56.
///
/// **Where the points go** (``Placement/centres``, the default; ``Placement/endpoints`` puts
/// them at `linspace`, both bounds included, and the midpoint when a dimension has one point):
/// - uniform: cell centres `low + (i + ½)(high − low)/k`, i = 0..<k;
/// - loguniform: the same in log space (hyperopt's bounds are already natural logs), then `exp`,
///   so the points are geometric;
/// - normal, lognormal (unbounded): gridded over the central 99.7% of the prior, at the
///   quantiles `mu + sigma·Φ⁻¹(0.0015 + 0.997·(i + ½)/k)`, then `exp` for lognormal;
/// - integer and quantized kinds: with `n_i ≤ k` every allowed value; otherwise k positions
///   snapped half to even (as hyperopt rounds) to the lattice, without repeats, so the
///   dimension holds exactly `min(k, n_i)` values. For quniform and uniformint the cells are
///   laid over the lattice's own extent (each allowed value owns its rounding cell of width
///   q), so k < n_i centres always snap to k distinct values (snapping the centres of
///   [low, high] itself would collide: uniformint(1, 10) with k = 9 would give 5 values).
///   qloguniform, qnormal and qlognormal snap the points of their continuous kind
///   (log-spaced, central quantiles); where two would snap to one value, the later takes the
///   next allowed value up (pulled back below the last value if needed) rather than being
///   dropped, so no budget is lost to deduplication. qnormal's and qlognormal's `n_i` counts
///   the lattice values of the central 99.7% range.
/// - choice, pchoice, randint: every option (choices stored as option indexes).
///
/// **Conditional spaces.** A choice whose options hold parameters splits the space into
/// branches: one sub-grid per combination of such choices (recursively, any depth, in
/// declaration order, option 0 first), over the parameters active under it; inactive labels
/// are left out of a point. The budget is split as follows, with `G_b` the size branch b's grid
/// would have with the whole budget B, and `C_b` its coarsest grid (categoricals only, every
/// other dimension at one point):
/// 1. if `Σ G_b ≤ B`, every branch gets its grid `G_b` (the search may stop short of B);
/// 2. else if `B` < the number of branches, the search takes the first B points of the shuffled
///    union of the coarsest grids (a partial grid; some branches get no point);
/// 3. else every branch gets a floor, `C_b` when `Σ C_b ≤ B` and 1 point otherwise, and the
///    rest, `B − Σ floors`, is split in proportion to `G_b − floor_b` by largest remainders
///    (ties to the earlier branch). So the shares follow the grid sizes, and every branch gets
///    at least 1 point. Each branch then takes the resolution its share gives (a branch whose
///    share is below `C_b` takes a seeded random part of its coarsest grid). What rounding
///    inside branches leaves unspent is offered once to each fully gridded branch in
///    declaration order.
/// A space without conditional choices is one branch, and these rules reduce to the single-grid
/// rule above.
///
/// **Order.** The full list is built in a fixed order (branches in declaration order, then the
/// product with the last dimension varying fastest, as sklearn's `ParameterGrid` but in
/// declaration order rather than sorted names), then shuffled by a seeded Fisher–Yates
/// (``MersenneTwister/shuffle(_:)``) with the generator passed to
/// ``init(space:options:budget:using:)``, so a best-so-far curve is fair at every prefix.
/// A grid larger than the budget takes the first B points of its shuffled grid ("partial grid").
/// A grid smaller than the budget stops at its size: ``suggest(history:using:)`` returns nil
/// and `fmin` ends with ``StopReason/exhausted``.
///
/// **Resume.** The instance keeps a cursor into its list and skips any point whose assignment
/// already appears in `history` (exactly equal stored values), so an `fmin` resumed on
/// existing trials of the same grid (same space, options, budget and seed) continues where it
/// stopped instead of repeating points.
///
/// ``planDescription`` tells the plan, e.g. `grid 7×7 = 49 points for budget 50`,
/// `grid 6×6 = 36 points, fewer than budget 100 (every value enumerated)`,
/// `partial grid: 50 of 3×5×10 = 150 points (shuffled) for budget 50`; ``plan`` holds it
/// as data (the resolution vector of every branch).
///
/// - Complexity: initialisation O(B · dimensions) to size and list the points, plus
///   O(min(grid size, 2^20)) for a partial grid's shuffle; the number of branch combinations is
///   limited to 2^16. ``suggest(history:using:)`` is amortised O(1) per call plus O(1) per new
///   trial in the history.
/// - Determinism: the set of points depends only on (space, options, budget); the seed only
///   changes their order (and, for a partial grid, which points are taken).
public struct GridSearch: Suggester {
    /// Where the points of a continuous dimension go.
    public enum Placement: String, NamedOption {
        /// Cell centres, `low + (i + ½)(high − low)/k`: no point on a bound (the default).
        case centres
        /// `linspace(low, high, k)` with both bounds included ("what practitioners do"); for
        /// unbounded kinds the 0.15% and 99.85% quantiles are the ends.
        case endpoints
    }

    /// The grid's options, decodable from a manifest; every field has a default.
    public struct Options: SuggesterOptions {
        /// Where the points of continuous dimensions go: `centres` (default) or `endpoints`.
        public var placement: Placement

        public init() { placement = .centres }
        public init(placement: Placement) { self.placement = placement }
    }

    public static let name = "grid"
    public static let summary = "fixed-budget grid, cell centres, seeded shuffled order"
    public static let capabilities: SuggesterCapabilities = [.conditionalSpaces, .needsFiniteSpace, .budgetAware, .deterministic]

    /// The plan: branches, resolution vectors, sizes.
    public let plan: Plan
    /// Every point the search will propose, in order.
    public let points: [Assignment]
    private var cursor = 0
    private var seen = Set<Assignment>()  // membership only, never iterated
    private var scannedTrials = 0

    /// Lays out the grid for `budget` evaluations and shuffles it with `rng`.
    ///
    /// - Throws: ``SuggesterError/unsupportedSpace(_:)`` when the space has more than 2^16
    ///   combinations of conditional choices or a coarsest grid too large to index.
    public init(space: SearchSpace, options: Options, budget: Int, using rng: MersenneTwister) throws(SuggesterError) {
        (plan, points) = try GridSearch.layOut(space: space, placement: options.placement, budget: budget, using: rng)
    }

    /// The resolution vector of a space without conditional choices (the number of values on
    /// each dimension, in declaration order); for a conditional space see ``plan``.
    public var resolution: [Int] { plan.branches.count == 1 ? plan.branches[0].resolution : [] }

    public var planDescription: String? { plan.summary }

    /// The next grid point not yet in `history`; nil once every point has been proposed.
    ///
    /// - Complexity: amortised O(1) plus O(1) per trial added to `history` since the last call.
    /// - Determinism: ignores `rng`; a pure function of the plan and the points in `history`.
    public mutating func suggest(history: Trials, using rng: MersenneTwister) -> Assignment? {
        if scannedTrials > history.count { scannedTrials = 0 }
        while scannedTrials < history.count {
            seen.insert(history[scannedTrials].assignment)
            scannedTrials += 1
        }
        while cursor < points.count {
            let point = points[cursor]
            cursor += 1
            if !seen.contains(point) { return point }
        }
        return nil
    }
}
