import Foundation
import Parzen

// docs/library.md's snippets, in the guide's order, each as written there.

func firstSearch() throws {
    // Minimise (x − 0.3)² + (y + 1)² over a box with hyperopt's TPE.
    let space: Space = ["x": .uniform("x", -2, 2), "y": .uniform("y", -2, 2)]

    var trials = Trials()
    let result = try fmin({ point in
        let x = point["x"]!.double!, y = point["y"]!.double!
        return (x - 0.3) * (x - 0.3) + (y + 1) * (y + 1)
    }, space: space, algorithm: .tpe, maxEvals: 200, trials: &trials, seed: 1)

    print(result.point!)      // the best point
    print(trials.bestLoss!)   // its loss
    print(trials)             // a summary: counts by status and the best trial
}

func spaces() throws {
    // A Space is the tree as written: records, lists, constants and labelled parameters.
    let space: Space = [
        "lr": .logUniform("lr", in: 1e-5...1e-1),
        "layers": .uniformint("layers", 1, 4),
        "activation": .choice("activation", ["relu", "tanh"]),
    ]
    // A SearchSpace is the same tree compiled: validated once, parameters listed in order.
    let compiled = try SearchSpace(space)
    print(compiled.labels)                    // ["lr", "layers", "activation"]

    // The same space in hyperopt's call syntax (manifests and the command line use it).
    let parsed = try SearchSpace(parsing: "{lr: loguniform(-11.5, -2.3), layers: uniformint(1, 4), activation: choice(relu, tanh)}")
    print(parsed.labels)                      // ["lr", "layers", "activation"]

    // Stored values (choices as indexes) and the point an objective receives.
    let rng = MersenneTwister(seed: 7)
    let stored = compiled.sample(using: rng)
    print(stored)                             // {lr: …, layers: 2, activation: 1}
    print(try compiled.evaluate(stored))      // {lr: …, layers: 2, activation: tanh}
    try space.validate(stored)                // Space offers the same operations, compiling first
}

func algorithms() throws {
    let choices: [Algorithm] = [
        .tpe(gamma: 0.15, n_startup_jobs: 10),                   // hyperopt's keyword names
        .tpe(.init(nStartupJobs: 10, gamma: 0.15)),              // the same, as the options struct
        .anneal(shrink_coef: 0.3),
        .tpeOptuna(n_startup_trials: 5, multivariate: false),    // Optuna's TPESampler
        .cmaes(sigma0: 0.3, restart_strategy: .ipop),            // Optuna's CmaEsSampler
        .gp(acquisition: .ucb, beta: 3),
        .grid(placement: .endpoints),
        .sobol(shift: false),
        .random,
        try .named("tpe", options: ["n_startup_jobs": 10, "gamma": 0.15]),  // any order, checked now
    ]
    for algorithm in choices { print(algorithm.name, algorithm.options) }
}

func fminOptions() throws {
    var trials = Trials()
    let options = FMinOptions(
        lossThreshold: 0.01,                                      // stop below this loss
        timeout: .seconds(60),                                    // stop starting trials after this
        earlyStop: FMinOptions.noProgressLoss(iterations: 100),  // hyperopt's no_progress_loss
        pointsToEvaluate: [["x": 0.9]])                           // evaluated first
    let result = try fmin({ x in abs(x.double! - 0.25) },   // a bare parameter: the point is the number
                          space: .uniform("x", 0, 1), algorithm: .tpe, maxEvals: 500, trials: &trials, seed: 3,
                          options: options)
    print(result.stopReason, trials.count, trials[0])
}

func trialsAndJSON() throws {
    let space: Space = ["x": .uniform("x", -5, 5), "k": .choice("k", ["a", "b", "c"])]
    var trials = Trials()
    try fmin({ point in
        guard point["k"] != "c" else { throw CocoaError(.featureUnsupported) }  // a failed trial
        return point["x"]!.double! * point["x"]!.double!
    }, space: space, algorithm: .random, maxEvals: 6, trials: &trials, seed: 4)

    print(trials.losses)                // one per trial, nil where there is none
    print(trials.statuses)              // ok or fail, one per trial
    print(trials.finiteLosses.min()!)   // the ok trials' losses, as [Double]
    print(trials.bestLoss!, trials.argmin!)
    print(trials.best!)

    // hyperopt's JSON documents, both ways (Python: json.dumps(trials.trials, default=str)).
    let json = try trials.hyperoptJSON(space: space)
    let back = try Trials(hyperoptJSON: json, space: space)
    print(back.statuses == trials.statuses, back.losses == trials.losses)
}

func generatorsAndSeeds() {
    // GSL's MT19937. `import Parzen` brings it; every random draw in Parzen goes through one.
    let rng = MersenneTwister(seed: 2026)
    let copy = rng.clone()                        // same state, independent from here on
    print(rng.uniform() == copy.uniform())        // true
    print(rng.uniformInt(below: 10), rng.gaussian(mean: 0, sd: 1) < 10)

    // fmin's seed feeds the suggester's stream: the same seed, the same trials.
    let space: Space = ["x": .uniform("x", 0, 1)]
    var first = Trials(), second = Trials()
    _ = try? fmin({ $0["x"]!.double! }, space: space, algorithm: .tpe, maxEvals: 30, trials: &first, seed: 9)
    _ = try? fmin({ $0["x"]!.double! }, space: space, algorithm: .tpe, maxEvals: 30, trials: &second, seed: 9)
    print(first.trials.map(\.assignment) == second.trials.map(\.assignment))   // true
}

func objectives() throws {
    enum TrainingError: Error { case diverged }

    // An objective receives the point as a Value and returns a Double, or an ObjectiveResult
    // carrying a status, a message and extras. Throwing, NaN and ±∞ make a failed trial.
    func train(_ point: Value) throws -> ObjectiveResult {
        let lr = point["lr"]!.double!
        guard lr < 0.05 else { throw TrainingError.diverged }
        let accuracy = 0.9 - abs(log10(lr) + 3) / 10
        return .ok(accuracy, extras: ["epochs": 12, "lr_used": .double(lr)])
    }

    var trials = Trials()
    try fmin(train, space: ["lr": .logUniform("lr", in: 1e-5...1e-1)], algorithm: .tpe, maxEvals: 60,
             trials: &trials, seed: 5, direction: .maximize)
    print(trials.bestValue!)          // the best accuracy, in the objective's own sign
    print(trials.bestLoss!)           // the loss Parzen minimised: −accuracy
    print(trials.best!.extras)        // {epochs: 12, lr_used: …}
    print(trials.statuses.filter { $0 == .fail }.count > 0)  // the diverged trials failed
}

func customSuggester() throws {
    var trials = Trials()
    let algorithm = Algorithm(MutateBest.self, options: .init(keep_probability: 0.7))
    let result = try fmin({ point in abs(point["x"]!.double! - 0.5) + Double(point["n"]!.int!) },
                          space: ["x": .uniform("x", 0, 1), "n": .randint("n", 5)],
                          algorithm: algorithm, maxEvals: 100, trials: &trials, seed: 6)
    print(result.point!)
}
