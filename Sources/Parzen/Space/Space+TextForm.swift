// Printing search spaces in Parzen's text form, the inverse of `Space(parsing:)`.

extension Space: CustomStringConvertible {
    /// The text form of the space on one line, e.g.
    /// `{type: choice({kind: svm, C: uniform(0.0, 10.0)}, {kind: knn, k: uniformint(1, 50)})}`.
    ///
    /// `Space(parsing: space.description)` gives back an equal `Space` whenever every label
    /// follows the keying rule of ``Space/init(parsing:source:)`` (a parameter's label is the
    /// record key that holds it, `key.N` inside lists and choice options, `x` at the top level).
    /// Labels are not printed: a space built in Swift whose labels differ from their keys prints
    /// the same text, and on re-parse each label comes from its key. Likewise a
    /// ``Space/constant(_:)`` holding a list or record prints like a ``Space/list(_:)`` or
    /// ``Space/record(_:)`` of constants and reads back in that shape, and NaN never compares
    /// equal. Numbers round-trip exactly: `Int`s print as integers, `Double`s in their shortest
    /// form with `.0` when whole (`5.0`, `1e-05`), so each reads back as the same type.
    ///
    /// - Complexity: O(size of the tree).
    public var description: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Appends the text form of this node to `out`.
    func write(to out: inout String) {
        switch self {
        case .constant(let value):
            out += value.description
        case .parameter(_, let distribution):
            distribution.writeCall(to: &out)
        case .list(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += ", " }
                item.write(to: &out)
            }
            out += "]"
        case .record(let record):
            out += "{"
            for (index, field) in record.enumerated() {
                if index > 0 { out += ", " }
                out += TextQuoting.quotedIfNeeded(field.key)
                out += ": "
                field.value.write(to: &out)
            }
            out += "}"
        }
    }
}

extension Distribution {
    /// Appends the call form, e.g. `quniform(0.0, 10.0, 1.0)` or `pchoice(0.2: a, 0.8: b)`.
    func writeCall(to out: inout String) {
        let number = NumberFormatting.shortest
        out += kindName
        out += "("
        switch self {
        case .choice(let options):
            for (index, option) in options.enumerated() {
                if index > 0 { out += ", " }
                option.write(to: &out)
            }
        case .pchoice(let options, let probabilities):
            for (index, option) in options.enumerated() {
                if index > 0 { out += ", " }
                // A count mismatch is invalid anyway; print what there is so the text shows it.
                out += index < probabilities.count ? number(probabilities[index]) : "nan"
                out += ": "
                option.write(to: &out)
            }
        case .randint(let low, let high):
            out += low == 0 ? "\(high)" : "\(low), \(high)"
        case .uniformint(let low, let high):
            out += "\(low), \(high)"
        case .uniform(let low, let high), .loguniform(let low, let high):
            out += "\(number(low)), \(number(high))"
        case .normal(let mu, let sigma), .lognormal(let mu, let sigma):
            out += "\(number(mu)), \(number(sigma))"
        case .quniform(let low, let high, let q), .qloguniform(let low, let high, let q):
            out += "\(number(low)), \(number(high)), \(number(q))"
        case .qnormal(let mu, let sigma, let q), .qlognormal(let mu, let sigma, let q):
            out += "\(number(mu)), \(number(sigma)), \(number(q))"
        }
        out += ")"
    }
}

extension SearchSpace: CustomStringConvertible {
    /// The text form of ``root``; see ``Space/description``.
    ///
    /// - Complexity: O(size of the tree).
    public var description: String { root.description }
}
