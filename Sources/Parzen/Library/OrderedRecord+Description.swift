extension OrderedRecord: CustomStringConvertible {
    /// `{key: value, …}` in field order, keys quoted only when they are not plain words, each
    /// value printed by its own `description` (an algorithm's options: `{gamma: 0.15,
    /// n_startup_jobs: 10}`; a trial's extras: `{epochs: 12}`).
    public var description: String {
        "{" + zip(keys, values).map { "\(TextQuoting.quotedIfNeeded($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }
}
