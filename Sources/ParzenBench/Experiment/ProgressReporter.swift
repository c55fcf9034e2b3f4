import Foundation

/// Progress on stderr: cells done/total, evaluations per second and ETA. A live bar on a
/// terminal, a plain line every few seconds otherwise.
public final class ProgressReporter: Sendable {
    private struct State {
        var total = 0
        var done = 0
        var failed = 0
        var evaluations = 0
        var started = ContinuousClock.now
        var lastLine = ContinuousClock.now
    }

    private let state = Locked(State())
    private let isTerminal: Bool
    private let interval: Duration

    /// - Parameter interval: how often a plain line is printed when stderr is not a terminal.
    public init(interval: Duration = .seconds(5)) {
        isTerminal = isatty(STDERR_FILENO) != 0
        self.interval = interval
    }

    func start(total: Int, alreadyDone: Int, budget: Int) {
        state.withLock {
            $0.total = total
            $0.done = alreadyDone
            $0.started = .now
            $0.lastLine = .now
        }
        if alreadyDone > 0 { write("\(alreadyDone) of \(total) cells already done; running \(total - alreadyDone)\n") }
    }

    /// A line about what the run did to the folder (packing old cell files).
    func note(_ text: String) { write("parzen: \(text)\n") }

    /// A warning line (the run goes on).
    func warn(_ text: String) { write("parzen: warning: \(text)\n") }

    func finished(cell: Cell, evaluations: Int, failed: Bool) {
        let line: String? = state.withLock { s in
            s.done += 1
            s.evaluations += evaluations
            if failed { s.failed += 1 }
            let now = ContinuousClock.now
            let elapsed = max((now - s.started).seconds, 1e-9)
            let rate = Double(s.evaluations) / elapsed
            let remaining = s.total - s.done
            let perCell = elapsed / Double(max(1, s.done))
            let eta = Self.format(seconds: perCell * Double(remaining))
            let failures = s.failed > 0 ? ", \(s.failed) failed" : ""
            let text = "\(s.done)/\(s.total) cells\(failures), \(Int(rate)) evals/s, ETA \(eta)"
            if isTerminal {
                let width = 30
                let filled = s.total == 0 ? width : width * s.done / s.total
                return "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] " + text + "   "
            }
            guard now - s.lastLine >= interval || s.done == s.total else { return nil }
            s.lastLine = now
            return text + "\n"
        }
        if let line { write(line) }
    }

    func end() {
        if isTerminal { write("\n") }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func format(seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let s = Int(seconds.rounded())
        return s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
