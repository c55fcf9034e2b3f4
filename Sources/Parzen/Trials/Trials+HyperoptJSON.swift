import Foundation

/// Trials in hyperopt's document shape (``Trials`` ↔ the list `hyperopt.Trials.trials`), so a
/// history can move between Parzen and Python: `tid`, `spec`, `result` (status, loss, message
/// and extras), `misc` (`tid`, `cmd`, `workdir`, and `idxs`/`vals` listing **every** label of
/// the space, `[tid]`/`[value]` where active and `[]` where not), `state` (0 new, 2 done),
/// `owner`, `book_time`, `refresh_time`, `exp_key`, `version`.
extension Trials {
    /// The trials as hyperopt's JSON documents, keys sorted, pretty-printed.
    ///
    /// - Parameter space: the space searched; gives the list of labels and each label's kind
    ///   (choice and randint values are written as integers, the rest as floats).
    public func hyperoptJSON(space: SearchSpace) throws -> Data {
        let documents = trials.map { Value.record(Self.document(for: $0, space: space)) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(Value.list(documents))
    }

    /// Reads trials written by ``hyperoptJSON(space:)`` or by Python
    /// (`json.dumps(trials.trials, default=str)`).
    ///
    /// What Python writes is accepted as it comes: numbers written as strings (NumPy's integer
    /// scalars become `"3"` through `default=str`; `"np.int64(3)"` and `"np.float64(0.5)"` are
    /// read too), `NaN`, `Infinity` and `-Infinity` literals, and `datetime` values as
    /// `str(datetime)` gives them (`"2026-11-29 10:00:00.123000"`) or in ISO 8601.
    ///
    /// - Parameters:
    ///   - data: a JSON array of trial documents.
    ///   - space: labels not in the space are rejected; only active labels are kept.
    ///   - direction: the direction the losses were computed for.
    /// - Throws: ``TrialsImportError`` naming the trial and field that could not be read.
    public init(hyperoptJSON data: Data, space: SearchSpace, direction: Direction = .minimize) throws {
        let root: Value
        // JSON5 reading: Python's json writes NaN and ±Infinity as bare literals.
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        do { root = try decoder.decode(Value.self, from: data) } catch {
            throw TrialsImportError(trial: nil, field: "(document)", message: "not valid JSON: \(error.localizedDescription)")
        }
        guard case .list(let documents) = root else {
            throw TrialsImportError(trial: nil, field: "(document)", message: "expected a JSON array of trial documents")
        }
        var trials: [Trial] = []
        for (position, document) in documents.enumerated() {
            trials.append(try Self.trial(from: document, position: position, space: space))
        }
        self.init(trials, direction: direction)
    }

    private static func document(for trial: Trial, space: SearchSpace) -> OrderedRecord<Value> {
        var idxs = OrderedRecord<Value>(), vals = OrderedRecord<Value>()
        for parameter in space.parameters {
            if let stored = trial.assignment[parameter.label] {
                idxs[parameter.label] = [.int(trial.id)]
                vals[parameter.label] = [parameter.distribution.isCategorical ? .int(Int(stored)) : .double(stored)]
            } else {
                idxs[parameter.label] = []
                vals[parameter.label] = []
            }
        }
        var result = OrderedRecord<Value>()
        result["status"] = .string(trial.status.rawValue)
        if let loss = trial.loss { result["loss"] = .double(loss) }
        if let message = trial.message { result["message"] = .string(message) }
        for (key, value) in trial.extras where result[key] == nil { result[key] = value }
        let misc: OrderedRecord<Value> = [
            "tid": .int(trial.id), "cmd": ["domain_attachment", "FMinIter_Domain"], "workdir": .null,
            "idxs": .record(idxs), "vals": .record(vals),
        ]
        return [
            "tid": .int(trial.id), "spec": .null, "result": .record(result), "misc": .record(misc),
            "state": .int(trial.status == .pending ? 0 : 2), "owner": .null,
            "book_time": trial.startTime.map { .string(timestampFormat.string(from: $0)) } ?? .null,
            "refresh_time": trial.endTime.map { .string(timestampFormat.string(from: $0)) } ?? .null,
            "exp_key": .null, "version": .int(0),
        ]
    }

    private static func trial(from document: Value, position: Int, space: SearchSpace) throws -> Trial {
        func fail(_ field: String, _ message: String, id: Int? = nil) -> TrialsImportError {
            TrialsImportError(trial: id ?? position, field: field, message: message)
        }
        guard let id = document["tid"].flatMap(pythonInteger) else { throw fail("tid", "missing or not an integer") }
        guard case .record(let vals)? = document["misc"]?["vals"] else { throw fail("misc.vals", "missing or not an object", id: id) }
        var assignment = Assignment()
        for (label, entry) in vals {
            guard space.parameter(label) != nil else { throw fail("misc.vals.\(label)", "not a label of the space", id: id) }
            guard case .list(let items) = entry, items.count <= 1 else {
                throw fail("misc.vals.\(label)", "expected [] or [value]", id: id)
            }
            if let item = items.first {
                guard let number = pythonNumber(item) else { throw fail("misc.vals.\(label)", "expected a number, got \(item)", id: id) }
                assignment[label] = number
            }
        }
        // Keep declaration order whatever order the JSON object had.
        assignment = Assignment(space.labels.compactMap { label in assignment[label].map { (label, $0) } })

        let result = document["result"] ?? [:]
        let state = document["state"].flatMap(pythonInteger) ?? 2
        var status = TrialStatus(rawValue: result["status"]?.string ?? "new") ?? .fail
        if state == 3 { status = .fail }
        if state < 2 || status == .pending { status = .pending }
        var extras = OrderedRecord<Value>()
        if case .record(let fields) = result {
            for (key, value) in fields where !["status", "loss", "message"].contains(key) { extras[key] = value }
        }
        var message = result["message"]?.string
        if message == nil, case .list(let error)? = document["misc"]?["error"] {
            message = error.map { $0.string ?? "\($0)" }.joined(separator: ": ")
        }
        let loss: Double?
        switch result["loss"] {
        case nil, .null?: loss = nil
        case let value?:
            guard let number = pythonNumber(value) else {
                throw fail("result.loss", "expected a number, got \(value)", id: id)
            }
            loss = number
        }
        return Trial(
            id: id, assignment: assignment, status: status, loss: loss, message: message, extras: extras,
            startTime: document["book_time"]?.string.flatMap(parseTimestamp),
            endTime: document["refresh_time"]?.string.flatMap(parseTimestamp))
    }

    /// A number as Python may have written it: a JSON number, or a string holding one
    /// (`"3"`, `"0.25"`, `"nan"`, `"inf"`, or a NumPy scalar's repr such as `"np.int64(3)"`).
    private static func pythonNumber(_ value: Value) -> Double? {
        if let number = value.double { return number }
        guard var text = value.string?.trimmingCharacters(in: .whitespaces) else { return nil }
        if text.hasPrefix("np."), text.hasSuffix(")"), let open = text.firstIndex(of: "(") {
            text = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        }
        switch text.lowercased() {
        case "nan": return .nan
        case "inf", "infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: return Double(text)
        }
    }

    /// An integer as Python may have written it: a JSON integer or a string holding one.
    private static func pythonInteger(_ value: Value) -> Int? {
        if let integer = value.int { return integer }
        guard let number = pythonNumber(value), number.rounded() == number, abs(number) < 9.0e15 else { return nil }
        return Int(number)
    }

    private static var timestampFormat: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }

    private static func parseTimestamp(_ text: String) -> Date? {
        if let date = timestampFormat.date(from: text) { return date }
        let plainISO = ISO8601DateFormatter()
        if let date = plainISO.date(from: text) { return date }
        // Python's str(datetime): "2026-11-29 10:00:00.123000"
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in ["yyyy-MM-dd HH:mm:ss.SSSSSS", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.SSSSSS", "yyyy-MM-dd'T'HH:mm:ss"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}

/// A trial document that could not be read, with the trial id (or position) and field.
public struct TrialsImportError: Error, CustomStringConvertible {
    public let trial: Int?
    public let field: String
    public let message: String

    public var description: String {
        "trial \(trial.map(String.init) ?? "?") field '\(field)': \(message)"
    }
}
