/// "Did you mean …?" for unknown names: the nearest candidate by edit distance, if close enough.
public enum NameSuggestion {
    /// The candidate nearest to `name` (Levenshtein distance, ties to the first), or nil when
    /// none is within a third of the name's length (at least 2 edits).
    public static func nearest(to name: String, in candidates: [String]) -> String? {
        let limit = max(2, name.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(Array(name.lowercased()), Array(candidate.lowercased()))
            if d <= limit, best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
