import Foundation

extension GP {
    /// The GP's settings (docs/gp.md §7).
    ///
    /// In a manifest: `{algorithm: gp, options: {acquisition: ucb, beta: 3, refit_every: 5}}`.
    /// Keys not given keep their defaults; unknown keys, unknown names and out-of-range values
    /// are rejected with the option's name, the accepted values and a did-you-mean.
    public struct Options: SuggesterOptions {
        /// The acquisition functions.
        public enum Acquisition: String, Codable, Sendable, CaseIterable {
            /// Log expected improvement (Ament et al. 2023).
            case logei
            /// Upper confidence bound μ + √β·σ.
            case ucb
        }

        /// How the noise variance is set.
        public enum Noise: String, Codable, Sendable, CaseIterable {
            /// Fitted with the other hyperparameters (floor 1e-6).
            case learned
            /// Held at 1e-6 (a deterministic objective).
            case fixed
        }

        /// `n_startup_trials` (default 10, accepted ≥ 0): prior draws until this many trials
        /// have finished with a loss.
        public var nStartupTrials: Int
        /// `acquisition` (default `logei`): `logei` or `ucb`.
        public var acquisition: Acquisition
        /// `beta` (default 2, accepted 0 < beta ≤ 1e6): UCB's exploration weight.
        public var beta: Double
        /// `n_candidates` (default 256, accepted 1…1,000,000): rounded Sobol candidates scored
        /// before the local searches.
        public var nCandidates: Int
        /// `noise` (default `learned`): `learned` or `fixed`.
        public var noise: Noise
        /// `refit_every` (default 1, accepted ≥ 1): the hyperparameters are refitted once this
        /// many trials have been added since the last fit.
        public var refitEvery: Int

        enum CodingKeys: String, CodingKey {
            case nStartupTrials = "n_startup_trials"
            case acquisition
            case beta
            case nCandidates = "n_candidates"
            case noise
            case refitEvery = "refit_every"
        }

        /// The defaults.
        public init() {
            self.init(nStartupTrials: 10)
        }

        /// Options with the given values; each defaults as documented.
        public init(
            nStartupTrials: Int = 10, acquisition: Acquisition = .logei, beta: Double = 2, nCandidates: Int = 256,
            noise: Noise = .learned, refitEvery: Int = 1
        ) {
            self.nStartupTrials = nStartupTrials
            self.acquisition = acquisition
            self.beta = beta
            self.nCandidates = nCandidates
            self.noise = noise
            self.refitEvery = refitEvery
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = Options()
            nStartupTrials = try container.decodeIfPresent(Int.self, forKey: .nStartupTrials) ?? defaults.nStartupTrials
            acquisition = try Self.decodeName(container, .acquisition) ?? defaults.acquisition
            beta = try container.decodeIfPresent(Double.self, forKey: .beta) ?? defaults.beta
            nCandidates = try container.decodeIfPresent(Int.self, forKey: .nCandidates) ?? defaults.nCandidates
            noise = try Self.decodeName(container, .noise) ?? defaults.noise
            refitEvery = try container.decodeIfPresent(Int.self, forKey: .refitEvery) ?? defaults.refitEvery
        }

        /// A named value, with the accepted names and a did-you-mean when it is not one of them.
        static func decodeName<Name: RawRepresentable & CaseIterable>(
            _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys
        ) throws -> Name? where Name.RawValue == String {
            guard let given = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
            if let name = Name(rawValue: given) { return name }
            let accepted = Name.allCases.map(\.rawValue)
            let hint = NameSuggestion.nearest(to: given, in: accepted).map { "did you mean '\($0)'? " } ?? ""
            throw DecodingError.dataCorrupted(.init(
                codingPath: [key], debugDescription: "unknown value '\(given)'; \(hint)accepted: \(accepted.joined(separator: ", "))"))
        }

        /// Checks every range.
        ///
        /// - Throws: ``SuggesterError/invalidOption(name:message:)`` naming the option (as in a
        ///   manifest), the accepted range and the value given.
        public func validate() throws(SuggesterError) {
            func reject(_ key: CodingKeys, _ accepted: String, _ given: String) -> SuggesterError {
                .invalidOption(name: key.rawValue, message: "must be \(accepted), got \(given)")
            }
            guard nStartupTrials >= 0 else {
                throw reject(.nStartupTrials, "an integer >= 0", "\(nStartupTrials)")
            }
            guard beta > 0 && beta <= 1_000_000 else {
                throw reject(.beta, "a finite number with 0 < beta <= 1000000", NumberFormatting.shortest(beta))
            }
            guard (1...1_000_000).contains(nCandidates) else {
                throw reject(.nCandidates, "an integer in 1...1000000", "\(nCandidates)")
            }
            guard refitEvery >= 1 else {
                throw reject(.refitEvery, "an integer >= 1", "\(refitEvery)")
            }
        }
    }
}
