import GSLKit

/// A search algorithm: given the space and the history so far, propose the next point.
///
/// One instance serves one search (one experiment cell, one `fmin` call) and is created inside
/// it, so it may keep state, but it must not share any with other instances. State kept about
/// the history must be a cache: each proposal stays a pure function of (space, options,
/// history, generator state), whatever histories the instance saw before, so resume and replay
/// need nothing but ``Trials`` (TPE keeps its observations between calls and rebuilds them when
/// the history is not the one it saw, grown).
///
/// Adding an algorithm = one file with a conforming type + one line in
/// ``SuggesterRegistry/builtIns``; the conformance suite then tests it automatically.
public protocol Suggester: SendableMetatype {
    /// Options with a default for every field, decodable from a manifest.
    associatedtype Options: SuggesterOptions

    /// The registry name (`"tpe"`, `"random"`, …), used in manifests and on the command line.
    static var name: String { get }
    /// One line for `parzen list suggesters`.
    static var summary: String { get }
    static var capabilities: SuggesterCapabilities { get }

    /// Prepares a search of `space` with at most `budget` evaluations.
    ///
    /// - Throws: ``SuggesterError/unsupportedSpace(_:)`` when the space is outside what the
    ///   algorithm handles (e.g. a grid on a space too large for the budget is still fine; an
    ///   external program that cannot start is not).
    /// - Determinism: may draw from `rng` (the search's suggester stream), e.g. a grid's shuffle.
    init(space: SearchSpace, options: Options, budget: Int, using rng: MersenneTwister) throws(SuggesterError)

    /// The next point to evaluate, holding exactly the active labels; nil when the algorithm
    /// has nothing left to propose (an exhausted grid), which ends the search early.
    ///
    /// - Parameters:
    ///   - history: every trial so far, including pending ones (loss nil) and failed ones.
    ///   - rng: the search's suggester stream.
    /// - Determinism: a pure function of (space, options, history, generator state).
    mutating func suggest(history: Trials, using rng: MersenneTwister) throws(SuggesterError) -> Assignment?

    /// A line describing the plan for the log (e.g. the grid's resolution); nil if none.
    var planDescription: String? { get }

    /// Values describing the latest proposal (e.g. which run of a restarting strategy made
    /// it), recorded in its trial's extras and cell file; the same keys on every proposal.
    /// Empty by default.
    var proposalExtras: OrderedRecord<Value> { get }

    /// Refuses a space the algorithm cannot search with these options, before anything runs
    /// (`parzen validate`, manifest loading, ``Algorithm/makeSuggester(space:budget:using:)``).
    /// Accepts every space by default.
    ///
    /// - Throws: ``SuggesterError/unsupportedSpace(_:)``.
    static func check(space: SearchSpace, options: Options) throws(SuggesterError)
}

extension Suggester {
    public var planDescription: String? { nil }
    public var proposalExtras: OrderedRecord<Value> { [:] }
    public static func check(space: SearchSpace, options: Options) throws(SuggesterError) {}
}

/// What a suggester can do, declared so the harness can refuse impossible pairings up front.
public struct SuggesterCapabilities: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Handles choices between sub-spaces (conditional parameters).
    public static let conditionalSpaces = SuggesterCapabilities(rawValue: 1 << 0)
    /// Needs every parameter bounded or enumerable (unbounded kinds are cut to a central range).
    public static let needsFiniteSpace = SuggesterCapabilities(rawValue: 1 << 1)
    /// Uses the budget to plan (e.g. a grid's resolution).
    public static let budgetAware = SuggesterCapabilities(rawValue: 1 << 2)
    /// Proposes the same points whatever the seed (up to order).
    public static let deterministic = SuggesterCapabilities(rawValue: 1 << 3)

    /// Names for listings, in a fixed order.
    public var names: [String] {
        var names: [String] = []
        if contains(.conditionalSpaces) { names.append("conditional") }
        if contains(.needsFiniteSpace) { names.append("finite-space") }
        if contains(.budgetAware) { names.append("budget-aware") }
        if contains(.deterministic) { names.append("deterministic") }
        return names
    }
}

/// An error from a suggester or from decoding its options.
public enum SuggesterError: Error, Equatable, CustomStringConvertible {
    /// An option is unknown, of the wrong type, or out of its accepted range.
    case invalidOption(name: String, message: String)
    /// The space is outside what the algorithm handles.
    case unsupportedSpace(String)
    /// No suggester is registered under the name.
    case unknownAlgorithm(name: String, known: [String])
    /// The suggester failed (e.g. an external program crashed).
    case failed(String)

    public var description: String {
        switch self {
        case .invalidOption(let name, let message): return "option '\(name)': \(message)"
        case .unsupportedSpace(let message): return message
        case .unknownAlgorithm(let name, let known):
            let hint = NameSuggestion.nearest(to: name, in: known).map { "; did you mean '\($0)'?" } ?? ""
            return "unknown algorithm '\(name)'\(hint) (known: \(known.joined(separator: ", ")))"
        case .failed(let message): return message
        }
    }
}
