extension TrialStatus: CustomStringConvertible {
    /// `ok`, `fail` or `pending` (hyperopt writes a pending trial's status as `new`; see
    /// ``rawValue``).
    public var description: String {
        switch self {
        case .pending: return "pending"
        case .ok: return "ok"
        case .fail: return "fail"
        }
    }
}

extension Trial: CustomStringConvertible {
    /// One line: id, status, loss or failure message, and the assignment, e.g.
    /// `trial 3: ok, loss 0.25, {x: 1.5, k: 2}` or
    /// `trial 4: fail (objective returned nan), {x: 0.5}`.
    public var description: String {
        var text = "trial \(id): \(status)"
        if let loss { text += ", loss \(NumberFormatting.shortest(loss))" }
        if let message { text += " (\(message))" }
        if !extras.isEmpty {
            text += ", extras {" + extras.map { "\(TextQuoting.quotedIfNeeded($0.key)): \($0.value)" }.joined(separator: ", ") + "}"
        }
        return text + ", \(assignment)"
    }
}

extension Trials: CustomStringConvertible {
    /// A summary: how many trials of each status and the best one, e.g.
    /// `Trials(100 trials: 98 ok, 2 fail; best trial 41: ok, loss 0.0031, {x: 0.27})`.
    public var description: String {
        let counts = TrialStatus.allCases.compactMap { status -> String? in
            let n = trials.lazy.filter { $0.status == status }.count
            return n == 0 ? nil : "\(n) \(status)"
        }
        var text = "Trials(\(count) trial\(count == 1 ? "" : "s")"
        if !counts.isEmpty { text += ": " + counts.joined(separator: ", ") }
        if let best { text += "; best \(best)" }
        return text + ")"
    }
}
