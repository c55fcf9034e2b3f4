import Foundation
import GSLKit
import Parzen
import Testing
@testable import ParzenBench
#if canImport(Glibc)
import Glibc
#endif

/// External suggesters end to end: the protocol with adapters/example_suggester.py inside the
/// runner, and programs that crash, hang, print garbage or propose invalid points, each failing
/// its own cell only, with a precise message and its stderr tail, and leaving no process behind.
@Suite struct ExternalSuggesterTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let adapters = repository.appendingPathComponent("adapters")
    static let example = adapters.appendingPathComponent("example_suggester.py").path

    static var hasPython: Bool { (try? ChildProcess.run(arguments: ["python3", "-c", "pass"], timeout: 30))?.status == .exited(0) }

    static func pythonHas(_ module: String) -> Bool {
        (try? ChildProcess.run(arguments: ["python3", "-c", "import \(module)"], timeout: 60))?.status == .exited(0)
    }

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-external-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func run(_ manifest: Manifest, in folder: URL, jobs: Int = 2) throws -> Runner.Report {
        try Runner(manifest: manifest, store: ResultStore(manifestName: manifest.name, base: folder),
                   options: Runner.Options(jobs: jobs)).run(cancellation: Cancellation())
    }

    /// Process ids the test programs recorded in `folder/pids`.
    static func recordedPIDs(_ folder: URL) -> [pid_t] {
        let directory = folder.appendingPathComponent("pids")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.compactMap { pid_t($0) }
    }

    /// A Python program speaking the protocol: the example's sampler, then `behaviour` applied
    /// at each ask (it may print, exit, sleep or change `values`), `atHello` at each hello
    /// (`searches` counts them). Records its pid.
    static func program(_ name: String, in folder: URL, behaviour: String, prelude: String = "", atHello: String = "",
                        capabilities: [String] = ["conditional"]) throws -> String {
        func indented(_ code: String) -> String { code.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n") }
        let source = """
            import json, os, random, sys, time, signal
            os.makedirs(\(folder.appendingPathComponent("pids").path.debugDescription), exist_ok=True)
            open(os.path.join(\(folder.appendingPathComponent("pids").path.debugDescription), str(os.getpid())), "w").close()
            \(prelude)
            rng, params, asks, searches = random.Random(), [], 0, 0
            for line in sys.stdin:
                message = json.loads(line)
                kind = message["type"]
                if kind == "hello":
                    searches += 1
                    rng.seed(message["seed"]); params = message["space_json"]["parameters"]
            \(indented(atHello))
                    reply = {"type": "hello", "name": \(name.debugDescription), "capabilities": \(capabilities.debugDescription)}
                elif kind == "ask":
                    values = {}
                    for p in params:
                        if all(values.get(l) == o for l, o in p["conditions"]):
                            x = rng.randrange(p["options"]) if p["kind"] == "choice" else rng.uniform(p["low"], p["high"])
                            values[p["label"]] = round(x / p["q"]) * p["q"] if "q" in p else x
            \(indented(behaviour))
                    asks += 1
                    reply = {"type": "suggest", "assignment": values}
                else:
                    reply = {"type": "ok"}
                print(json.dumps(reply), flush=True)
                if kind == "bye":
                    break
            """
        let url = folder.appendingPathComponent("\(name).py")
        try source.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    // MARK: - Round trip

    @Test(.enabled(if: hasPython, "needs python3")) func exampleSuggesterRacesInsideTheRunner() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = try Manifest(yaml: """
            name: ext
            seed: 11
            repeats: 2
            budget: 15
            problems: [branin, conditional, mixed, gaussian-priors, weighted-choice, quantized]
            suggesters:
              - random
              - {label: example, command: [python3, \(Self.example)], options: {note: anything}}
            """, source: "ext.yaml")
        let report = try Self.run(manifest, in: folder)
        #expect(report.failed.isEmpty, "\(report.failed)")
        #expect(report.ran == manifest.cells.count)
        let store = ResultStore(manifestName: manifest.name, base: folder)
        for cell in manifest.cells where cell.suggester.label == "example" {
            let record = try #require(store.load(cell))
            #expect(record.rows.count == 15)
            for row in record.rows {
                #expect(throws: Never.self) { try cell.problem.space.validate(row.assignment) }
            }
        }
        // Same seeds, same program: the same proposals.
        let again = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: again) }
        _ = try Self.run(manifest, in: again, jobs: 1)
        let other = ResultStore(manifestName: manifest.name, base: again)
        for cell in manifest.cells {
            #expect(store.load(cell)?.rows == other.load(cell)?.rows)
        }
        // The two replicates got different seeds.
        let cells = manifest.cells.filter { $0.suggester.label == "example" && $0.problem.label == "branin" }
        #expect(store.load(cells[0])?.rows.first?.assignment != store.load(cells[1])?.rows.first?.assignment)
    }

    @Test(.enabled(if: hasPython, "needs python3")) func suggesterTellsEveryFinishedTrialBeforeAsking() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A program that logs what it is told and answers with the told count in x.
        let path = folder.appendingPathComponent("log.py")
        try """
            import json, sys
            told = []
            for line in sys.stdin:
                m = json.loads(line)
                if m["type"] == "hello":
                    assert m["protocol"] == 1 and m["budget"] == 7 and m["options"] == {"k": [1, 2]}
                    assert m["space"] == "{x: uniform(0.0, 10.0), c: choice(a, b)}", m["space"]
                    r = {"type": "hello", "name": "logger"}
                elif m["type"] == "tell":
                    told.append((m["trial"], m["status"], m["loss"], m["assignment"]))
                    r = {"type": "ok"}
                elif m["type"] == "ask":
                    print(json.dumps([m["trial"], told]), file=sys.stderr, flush=True)
                    r = {"type": "suggest", "assignment": {"x": float(len(told)), "c": 1}}
                else:
                    r = {"type": "ok"}
                print(json.dumps(r), flush=True)
            """.write(to: path, atomically: true, encoding: .utf8)
        let space = try SearchSpace(Space(parsing: "{x: uniform(0, 10), c: choice(a, b)}"))
        let algorithm = try Algorithm.external(command: ["python3", path.path], options: ["k": [1, 2]])
        var pid: pid_t = 0
        do {
        var suggester = try algorithm.makeSuggester(space: space, budget: 7, using: MersenneTwister(seed: 1))
        var history = Trials()
        #expect(try suggester.suggest(history: history, using: MersenneTwister(seed: 1)) == Assignment([("x", 0), ("c", 1)]))
        history.append(Trial(id: 0, assignment: Assignment([("x", 0), ("c", 1)]), status: .ok, loss: 2.5))
        history.append(Trial(id: 1, assignment: Assignment([("x", 3), ("c", 0)]), status: .fail, loss: nil))
        history.append(Trial(id: 2, assignment: Assignment([("x", 4), ("c", 0)]), status: .pending, loss: nil))
        #expect(try suggester.suggest(history: history, using: MersenneTwister(seed: 1)) == Assignment([("x", 2), ("c", 1)]))
        #expect(try suggester.suggest(history: history, using: MersenneTwister(seed: 1)) == Assignment([("x", 2), ("c", 1)]))
        let external = try #require(suggester as? ExternalSuggester)
        #expect(external.programName == "logger")
        pid = external.processID
        #expect(kill(pid, 0) == 0)
        }
        #expect(kill(pid, 0) != 0, "the program is ended when the suggester is released")
    }

    @Test(.enabled(if: hasPython, "needs python3")) func pendingTrialsAreToldWhenTheyFinishAndEachTrialOnce() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A program that answers each ask with the ids told since the previous ask, as x.
        let path = folder.appendingPathComponent("told.py")
        try """
            import json, sys
            told = []
            for line in sys.stdin:
                m = json.loads(line)
                if m["type"] == "tell":
                    told.append(m["trial"])
                    r = {"type": "ok"}
                elif m["type"] == "ask":
                    r = {"type": "suggest", "assignment": {"x": float(int("".join(str(t) for t in told) or "0"))}}
                    told = []
                else:
                    r = {"type": "hello", "name": "told"} if m["type"] == "hello" else {"type": "ok"}
                print(json.dumps(r), flush=True)
            """.write(to: path, atomically: true, encoding: .utf8)
        let space = try SearchSpace(Space(parsing: "{x: uniform(0, 1000000)}"))
        let algorithm = try Algorithm.external(command: ["python3", path.path])
        var suggester = try algorithm.makeSuggester(space: space, budget: 20, using: MersenneTwister(seed: 1))
        let rng = MersenneTwister(seed: 1)
        func toldBeforeAsk(_ history: Trials) throws -> Double? { try suggester.suggest(history: history, using: rng)?["x"] }
        func trial(_ id: Int, _ status: TrialStatus) -> Trial {
            Trial(id: id, assignment: ["x": 0], status: status, loss: status == .ok ? 1 : nil)
        }
        var history = Trials()
        #expect(try toldBeforeAsk(history) == 0)
        history.append(trial(0, .ok)); history.append(trial(1, .pending)); history.append(trial(2, .fail)); history.append(trial(3, .pending))
        #expect(try toldBeforeAsk(history) == 2)        // 0 and 2: "02"
        #expect(try toldBeforeAsk(history) == 0)        // nothing new
        history.update(trial(3, .ok))
        history.append(trial(4, .ok))
        #expect(try toldBeforeAsk(history) == 34)       // 1 is still pending
        history.update(trial(1, .ok))
        #expect(try toldBeforeAsk(history) == 1)
        history.append(trial(5, .ok))
        #expect(try toldBeforeAsk(history) == 5)
        // Another history: only the trials never told are.
        var other = Trials()
        for id in [2, 6, 0, 7] { other.append(trial(id, .ok)) }
        #expect(try toldBeforeAsk(other) == 67)
        #expect(try toldBeforeAsk(history) == 0)
        history.append(trial(8, .ok))
        #expect(try toldBeforeAsk(history) == 8)
    }

    @Test func helloAndTellMessages() throws {
        let space = try SearchSpace(Space(parsing: "choice({a: uniform(-5, 5)}, {b: loguniform(-2, 0), c: quniform(0, 10, 1), n: randint(3), p: pchoice(0.25: u, 0.75: v)})"))
        let hello = ExternalProtocol.hello(space: space, seed: 42, budget: 9, options: ["gamma": 0.15, "name": "x\"y"])
        let decoded = try JSONDecoder().decode(Value.self, from: Data(hello.utf8))
        #expect(decoded["type"] == "hello" && decoded["protocol"] == 1 && decoded["seed"] == 42 && decoded["budget"] == 9)
        #expect(decoded["space"]?.string == space.description)
        #expect(decoded["options"] == ["gamma": 0.15, "name": "x\"y"])
        #expect(ExternalProtocol.spaceJSON(space) == #"""
            {"parameters":[{"label":"x","kind":"choice","options":2,"conditions":[],\#
            "numeric":{"domain":"categorical","count":2,"scale":"linear","low":0.0,"high":1.0,"integer":false,"truncated":false}},\#
            {"label":"a","kind":"uniform","low":-5.0,"high":5.0,"conditions":[["x",0]],\#
            "numeric":{"domain":"continuous","scale":"linear","low":-5.0,"high":5.0,"integer":false,"truncated":false}},\#
            {"label":"b","kind":"loguniform","low":-2.0,"high":0.0,"conditions":[["x",1]],\#
            "numeric":{"domain":"continuous","scale":"log","low":0.1353352832366127,"high":1.0,"integer":false,"truncated":false}},\#
            {"label":"c","kind":"quniform","low":0.0,"high":10.0,"q":1.0,"conditions":[["x",1]],\#
            "numeric":{"domain":"lattice","step":1.0,"scale":"linear","low":0.0,"high":10.0,"integer":false,"truncated":false}},\#
            {"label":"n","kind":"randint","low":0,"high":3,"conditions":[["x",1]],\#
            "numeric":{"domain":"lattice","step":1.0,"scale":"linear","low":0.0,"high":2.0,"integer":true,"truncated":false}},\#
            {"label":"p","kind":"pchoice","options":2,"probabilities":[0.25,0.75],"conditions":[["x",1]],\#
            "numeric":{"domain":"categorical","count":2,"scale":"linear","low":0.0,"high":1.0,"integer":false,"truncated":false}}]}
            """#)
        let gaussian = try SearchSpace(Space(parsing: "{m: qlognormal(0, 1, 2)}"))
        #expect(ExternalProtocol.spaceJSON(gaussian).contains(#""numeric":{"domain":"continuous","scale":"log","low":0.01831563888873418,"high":54.598150033144236,"integer":false,"truncated":true,"output_q":2.0}"#))
        let tell = ExternalProtocol.tell(Trial(id: 3, assignment: Assignment([("x", 0), ("a", 1.5)]), status: .ok, loss: 0.25))
        #expect(tell == #"{"type":"tell","trial":3,"status":"ok","loss":0.25,"assignment":{"x":0.0,"a":1.5}}"#)
        let failed = ExternalProtocol.tell(Trial(id: 4, assignment: Assignment([("x", 0), ("a", 1.5)]), status: .fail, loss: nil))
        #expect(failed.contains(#""status":"fail","loss":null"#))
        #expect(ExternalProtocol.ask(trial: 7) == #"{"type":"ask","trial":7}"#)
    }

    @Test func repliesAreDecodedStrictly() throws {
        #expect(try ExternalProtocol.reply(#"{"type":"ok"}"#) == .ok)
        #expect(try ExternalProtocol.reply(#"{"type":"hello","name":"n","capabilities":["conditional"]}"#) == .hello(name: "n", capabilities: ["conditional"]))
        #expect(try ExternalProtocol.reply(#"{"type":"error","message":"bad"}"#) == .error("bad"))
        #expect(throws: ExternalProtocol.ReplyError.self) { try ExternalProtocol.reply("garbage") }
        #expect(throws: ExternalProtocol.ReplyError.self) { try ExternalProtocol.reply("[1]") }
        #expect(throws: ExternalProtocol.ReplyError.self) { try ExternalProtocol.reply(#"{"type":"maybe"}"#) }
        #expect(throws: ExternalProtocol.ReplyError.self) { try ExternalProtocol.reply(#"{"kind":"ok"}"#) }
        #expect(try ExternalProtocol.assignment(["a": 1, "b": 2.5]) == Assignment([("a", 1), ("b", 2.5)]))
        do {
            _ = try ExternalProtocol.assignment(["a": "high"])
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "'a' = high: expected a number (choices as option indexes)")
        }
    }

    // MARK: - Failures

    @Test(.enabled(if: hasPython, "needs python3")) func brokenProgramsFailOnlyTheirCellsWithPreciseMessages() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let crash = try Self.program("crash", in: folder, behaviour: """
            if asks == 3:
                print("about to fail on purpose", file=sys.stderr, flush=True)
                raise RuntimeError("boom after three asks")
            """)
        let hang = try Self.program("hang", in: folder, behaviour: """
            if asks == 1:
                print("thinking forever", file=sys.stderr, flush=True)
                time.sleep(3600)
            """, prelude: "signal.signal(signal.SIGTERM, signal.SIG_IGN)")
        let garbage = try Self.program("garbage", in: folder, behaviour: """
            if asks == 2:
                print("Loading model... done", flush=True)
            """)
        let outOfRange = try Self.program("outofrange", in: folder, behaviour: """
            for p in params:
                if p["label"] in values and p["kind"] == "uniform":
                    values[p["label"]] = p["high"] + 1
            """)
        let inactive = try Self.program("inactive", in: folder, behaviour: """
            for p in params:
                if p["label"] not in values:
                    values[p["label"]] = 0.5
            """)
        let wrongType = try Self.program("wrongtype", in: folder, behaviour: """
            values[params[0]["label"]] = "high"
            """)
        let errorReply = try Self.program("errorreply", in: folder, behaviour: """
            if asks == 1:
                print(json.dumps({"type": "error", "message": "cannot fit the model"}), flush=True)
                continue
            """)
        let manifest = try Manifest(yaml: """
            name: broken
            seed: 5
            repeats: 1
            budget: 8
            problems: [conditional, branin]
            suggesters:
              - random
              - {label: example, command: [python3, \(Self.example)]}
              - {label: crash, command: [python3, \(crash)]}
              - {label: hang, command: [python3, \(hang)], timeout: 1}
              - {label: garbage, command: [python3, \(garbage)]}
              - {label: outofrange, command: [python3, \(outOfRange)]}
              - {label: inactive, command: [python3, \(inactive)]}
              - {label: wrongtype, command: [python3, \(wrongType)]}
              - {label: errorreply, command: [python3, \(errorReply)]}
              - {label: missing, command: [no-such-program-for-parzen]}
            """, source: "broken.yaml")
        let started = Date()
        let report = try Self.run(manifest, in: folder)
        #expect(Date().timeIntervalSince(started) < 60)
        let failures = Dictionary(uniqueKeysWithValues: report.failed.map { ($0.cell, $0.message) })
        let store = ResultStore(manifestName: manifest.name, base: folder)
        for cell in manifest.cells {
            let message = failures[cell.name]
            switch (cell.suggester.label, cell.problem.label) {
            case ("random", _), ("example", _), ("inactive", "branin"):
                #expect(message == nil, "\(cell.name): \(message ?? "")")
                #expect(store.load(cell)?.rows.count == 8)
            case ("crash", _):
                let text = try #require(message)
                #expect(text.contains("external suggester 'python3 \(crash)' ended before answering ask for trial 3 (exited with status 1)"), "\(text)")
                #expect(text.contains("  | about to fail on purpose"))
                #expect(text.contains("  | RuntimeError: boom after three asks"))
            case ("hang", _):
                let text = try #require(message)
                #expect(text.contains("did not answer ask for trial 1 within 1 s (timeout)"), "\(text)")
                #expect(text.contains("  | thinking forever"))
            case ("garbage", _):
                let text = try #require(message)
                #expect(text.contains("answered ask for trial 2 with garbage: not a JSON object: \"Loading model... done\""), "\(text)")
            case ("outofrange", "conditional"):
                let text = try #require(message)
                #expect(text.contains("proposed an invalid point for trial 0: '"), "\(text)")
                #expect(text.contains("is out of range: expected a number in [-5.0, 5.0]"), "\(text)")
            case ("outofrange", "branin"):
                #expect(message?.contains("proposed an invalid point for trial 0: 'x1' = 11.0 is out of range: expected a number in [-5.0, 10.0]") == true, "\(message ?? "")")
            case ("inactive", "conditional"):
                let text = try #require(message)
                #expect(text.contains("proposed an invalid point for trial 0: '"), "\(text)")
                #expect(text.contains("is given but inactive under the chosen branches; leave it out"), "\(text)")
            case ("wrongtype", _):
                #expect(message?.contains("proposed an invalid point for trial 0: '\(cell.problem.label == "branin" ? "x1" : "type")' = high: expected a number (choices as option indexes)") == true, "\(message ?? "")")
            case ("errorreply", _):
                #expect(message?.contains("reported an error at ask for trial 1: cannot fit the model") == true, "\(message ?? "")")
            case ("missing", _):
                #expect(message?.contains("could not start: external suggester: cannot start 'no-such-program-for-parzen'") == true, "\(message ?? "")")
            default:
                Issue.record("unexpected cell \(cell.name)")
            }
            if message != nil { #expect(store.load(cell) == nil) }
        }
        #expect(report.failed.count == 2 * 8 - 1)
        // Every program that ran is gone, the one ignoring SIGTERM included.
        let pids = Self.recordedPIDs(folder)
        #expect(pids.count == 2 * 7)
        for pid in pids { #expect(kill(pid, 0) != 0, "process \(pid) is still running") }
    }

    @Test(.enabled(if: hasPython, "needs python3")) func aProgramWithoutConditionalSupportIsRefusedOnAConditionalSpace() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("flat.py")
        try """
            import json, sys
            for line in sys.stdin:
                print(json.dumps({"type": "hello", "name": "flat", "capabilities": []}), flush=True)
            """.write(to: path, atomically: true, encoding: .utf8)
        let algorithm = try Algorithm.external(command: ["python3", path.path])
        let space = try SearchSpace(Space(parsing: "choice({a: uniform(0, 1)}, {b: uniform(0, 1)})"))
        #expect(throws: SuggesterError.failed("external suggester 'python3 \(path.path)' does not declare the capability \"conditional\" in its hello, but the space is conditional")) {
            try algorithm.makeSuggester(space: space, budget: 5, using: MersenneTwister(seed: 1))
        }
    }

    // MARK: - Manifests

    @Test func manifestCommandEntries() throws {
        let manifest = try Manifest(yaml: """
            name: m
            problems: [branin]
            suggesters:
              - tpe
              - {label: mine, command: [python3, adapters/example_suggester.py], options: {algo: tpe, gamma: 0.2}, timeout: 5}
            """, source: "m.yaml")
        let spec = manifest.suggesters[1]
        #expect(spec.label == "mine" && spec.algorithm.name == "external")
        #expect(spec.canonicalText == #"algorithm=external;options={command=[python3, "adapters/example_suggester.py"],options={algo: tpe, gamma: 0.2}};label=mine"#)
        let other = try Manifest(yaml: """
            name: m
            problems: [branin]
            suggesters:
              - {label: mine, command: [python3, adapters/example_suggester.py], options: {algo: tpe, gamma: 0.25}}
            """, source: "m.yaml")
        #expect(other.suggesters[0].canonicalText != spec.canonicalText)
    }

    @Test func manifestCommandErrors() {
        func message(_ suggesters: String) -> String {
            do {
                _ = try Manifest(yaml: "name: m\nproblems: [branin]\nsuggesters:\n\(suggesters)\n", source: "m.yaml")
                return "no error"
            } catch { return error.description }
        }
        let both = message("  - {label: x, algorithm: tpe, command: [python3, a.py]}")
        #expect(both.contains("m.yaml:4:") && both.contains("suggesters[0].algorithm") && both.contains("algorithm and command are exclusive"), "\(both)")
        let unlabelled = message("  - {command: [python3, a.py]}")
        #expect(unlabelled.contains("suggesters[0].label") && unlabelled.contains("needs a label"), "\(unlabelled)")
        let notList = message("  - {label: x, command: python3 a.py}")
        #expect(notList.contains("suggesters[0].command") && notList.contains("expected a non-empty list"), "\(notList)")
        let empty = message("  - {label: x, command: []}")
        #expect(empty.contains("expected a non-empty list"), "\(empty)")
        let timeout = message("  - {label: x, algorithm: tpe, timeout: 3}")
        #expect(timeout.contains("suggesters[0].timeout") && timeout.contains("external suggesters only"), "\(timeout)")
        let negative = message("  - {label: x, command: [a], timeout: 0}")
        #expect(negative.contains("expected a number of seconds > 0"), "\(negative)")
        let unknown = message("  - {label: x, command: [a], comand: [b]}")
        #expect(unknown.contains("comand") && unknown.contains("command"), "\(unknown)")
    }

    // MARK: - Adapters (need the libraries)

    static let adapterManifest = """
        name: adapters
        seed: 3
        repeats: 2
        budget: 30
        problems: [branin, conditional]
        suggesters:
        """

    @Test(.enabled(if: pythonHas("hyperopt"), "skipped: hyperopt is not installed (pip install hyperopt)"))
    func hyperoptAdapterRaces() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let adapter = Self.adapters.appendingPathComponent("hyperopt_adapter.py").path
        let manifest = try Manifest(yaml: Self.adapterManifest + """

              - {label: h-tpe, command: [python3, \(adapter)], options: {algo: tpe, n_startup_jobs: 10}}
              - {label: h-rand, command: [python3, \(adapter)], options: {algo: rand}}
              - {label: h-anneal, command: [python3, \(adapter)], options: {algo: anneal}}
              - {label: h-bad, command: [python3, \(adapter)], options: {algo: tpe, gamma_typo: 1}}
            """, source: "adapters.yaml")
        let report = try Self.run(manifest, in: folder)
        #expect(report.failed.map(\.cell).sorted() == manifest.cells.filter { $0.suggester.label == "h-bad" }.map(\.name).sorted())
        for failure in report.failed {
            #expect(failure.message.contains("reported an error at hello: option gamma_typo is not an option of hyperopt's tpe.suggest"), "\(failure.message)")
        }
        let store = ResultStore(manifestName: manifest.name, base: folder)
        for cell in manifest.cells where cell.suggester.label != "h-bad" { #expect(store.load(cell)?.rows.count == 30) }
    }

    @Test(.enabled(if: pythonHas("optuna"), "skipped: optuna is not installed (pip install optuna)"))
    func optunaAdapterRaces() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let adapter = Self.adapters.appendingPathComponent("optuna_adapter.py").path
        let hasCMA = Self.pythonHas("cmaes")
        var lines = [
            "  - {label: o-tpe, command: [python3, \(adapter)]}",
            "  - {label: o-tpe-independent, command: [python3, \(adapter)], options: {sampler: tpe-independent}}",
            "  - {label: o-random, command: [python3, \(adapter)], options: {sampler: random}}",
            "  - {label: o-sobol, command: [python3, \(adapter)], options: {sampler: qmc-sobol}}",
        ]
        if hasCMA { lines.append("  - {label: o-cmaes, command: [python3, \(adapter)], options: {sampler: cmaes}}") }
        // GPSampler: refused on the conditional space; without PyTorch refused everywhere, with
        // the file to install.
        let hasTorch = Self.pythonHas("torch")
        lines.append("  - {label: o-gp, command: [python3, \(adapter)], options: {sampler: gp}}")
        let manifest = try Manifest(yaml: Self.adapterManifest + "\n" + lines.joined(separator: "\n"), source: "adapters.yaml")
        let report = try Self.run(manifest, in: folder)
        let expectedFailures = manifest.cells.filter {
            ["o-cmaes", "o-gp"].contains($0.suggester.label) && $0.problem.label == "conditional"
                || $0.suggester.label == "o-gp" && !hasTorch
        }.map(\.name)
        #expect(report.failed.map(\.cell).sorted() == expectedFailures.sorted(), "\(report.failed)")
        let gpCells = Set(manifest.cells.filter { $0.suggester.label == "o-gp" }.map(\.name))
        for failure in report.failed {
            let sampler = gpCells.contains(failure.cell) ? "gp" : "cmaes"
            let conditional = "reported an error at hello: sampler \(sampler) searches unconditional spaces only; this space has a conditional space"
            let noTorch = "reported an error at hello: sampler gp needs PyTorch, which is not installed: pip install -r adapters/requirements-torch.txt"
            #expect(failure.message.contains(conditional) || sampler == "gp" && failure.message.contains(noTorch), "\(failure.message)")
        }
        let store = ResultStore(manifestName: manifest.name, base: folder)
        for cell in manifest.cells where !expectedFailures.contains(cell.name) { #expect(store.load(cell)?.rows.count == 30) }
    }
}
