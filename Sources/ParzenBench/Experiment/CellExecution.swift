import Foundation
import GSLKit
import Parzen

/// Why a cell could not finish.
public enum CellFailure: Error, Equatable, CustomStringConvertible {
    /// The suggester could not start, threw, or proposed a point outside the space.
    case suggester(String)
    /// The objective could not start (e.g. its program is missing).
    case objective(String)
    /// The run was interrupted (Ctrl-C, SIGTERM); the cell is abandoned and rerun next time.
    case cancelled

    public var description: String {
        switch self {
        case .suggester(let message), .objective(let message): return message
        case .cancelled: return "cancelled"
        }
    }
}

extension Cell {
    /// Runs the cell to its budget (or until its suggester is exhausted).
    ///
    /// Creates both generators inside, so the cell is independent of every other cell and of the
    /// thread it runs on. Every proposal is validated against the space before it is evaluated.
    ///
    /// - Parameters:
    ///   - workDirectory: the cell's work folder for objectives that write files (external
    ///     programs); nil for none.
    ///   - isCancelled: polled between trials (and by external objectives while a program
    ///     runs); when it returns true the cell stops with ``CellFailure/cancelled`` and nothing
    ///     is written.
    ///   - programs: where external programs that serve many cells wait between cells (one
    ///     pool per runner thread); nil starts one process per cell.
    /// - Complexity: the suggester's cost per trial times the budget, plus the objective's.
    /// - Determinism: the trials are a pure function of the cell (its fingerprint), whichever
    ///   process of `programs` serves it; only the timings vary.
    public func execute(workDirectory: URL? = nil, isCancelled: @escaping () -> Bool = { false }, programs: ProgramPool? = nil) throws(CellFailure) -> CellRecord {
        let space = problem.space
        let direction = problem.direction
        let problemRNG = MersenneTwister(seed: problemSeed)
        let suggesterRNG = MersenneTwister(seed: suggesterSeed)
        var session: any ObjectiveSession
        let context = SessionContext(workDirectory: workDirectory, isCancelled: isCancelled, replicate: replicate, programs: programs)
        do { session = try problem.objective.makeSession(problemRNG: problemRNG, context: context) } catch {
            throw .objective("problem '\(problem.label)' could not start: \(error)")
        }
        defer { session.close() }
        let clock = ContinuousClock()
        let starting = clock.now
        var proposer: any Suggester
        do {
            if let program = suggester.program, let programs {
                // What makeSuggester checks, then the program from the thread's pool.
                try suggester.algorithm.check(space: space)
                proposer = try ExternalSuggester(space: space, options: program, budget: budget, using: suggesterRNG, programs: programs)
            } else {
                proposer = try suggester.algorithm.makeSuggester(space: space, budget: budget, using: suggesterRNG)
            }
        } catch {
            throw .suggester("\(suggester.label) could not start: \(error)")
        }
        // Setting up is the suggester's work too (a grid lays out all its points here).
        // Durations are summed as Durations and converted once (the conversion is not free).
        var suggestTime = clock.now - starting, evaluateTime = Duration.zero

        var trials = Trials()
        trials.reserveCapacity(budget)
        var rows: [TrialRow] = []
        rows.reserveCapacity(budget)
        for id in 0..<budget {
            if isCancelled() { throw .cancelled }
            let started = clock.now
            let suggestion: Assignment?
            do { suggestion = try proposer.suggest(history: trials, using: suggesterRNG) } catch {
                throw .suggester("\(suggester.label) failed at trial \(id): \(error)")
            }
            suggestTime += clock.now - started
            // Consumed, so the optimiser has no second reference to release inside a timed window.
            guard let proposal = consume suggestion else { break }
            // Validation is the harness's work; building the point the objective reads is
            // part of evaluating it.
            do { try space.validate(proposal) } catch {
                throw .suggester("\(suggester.label) proposed an invalid point at trial \(id): \(error)")
            }
            let evaluating = clock.now
            let outcome: ObjectiveOutcome
            do {
                // The point lives in this scope only: releasing it is part of evaluating it too.
                let point = try space.evaluate(proposal)
                outcome = session.evaluate(proposal, point: point)
            } catch {
                throw .suggester("\(suggester.label) proposed an invalid point at trial \(id): \(error)")
            }
            evaluateTime += clock.now - evaluating
            // Closures, not the partially applied method: that allocated a context per trial.
            var status = outcome.status, message = outcome.message
            var loss = outcome.value.map { direction.loss(fromObjectiveValue: $0) }
            var trueLoss = (outcome.trueValue ?? outcome.value).map { direction.loss(fromObjectiveValue: $0) }
            if status == .ok, !(loss?.isFinite ?? false) {
                status = .fail
                message = "objective returned \(CSV.number(outcome.value))"
                loss = nil
                trueLoss = nil
            }
            // Both built in place from the parts: a row built first was copied into the array.
            trials.append(Trial(id: id, assignment: proposal, status: status, loss: loss, message: message))
            rows.append(TrialRow(id: id, status: status, loss: loss, trueLoss: trueLoss, assignment: proposal, message: message))
        }
        return CellRecord(fingerprint: fingerprint, rows: rows, suggestSeconds: suggestTime.seconds, evaluateSeconds: evaluateTime.seconds)
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
