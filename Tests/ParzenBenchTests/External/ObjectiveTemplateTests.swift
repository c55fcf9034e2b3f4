import Foundation
import Parzen
import Testing
@testable import ParzenBench

/// Hyperas-style `{{…}}` markers: names, positions, errors, the space read, the filled text.
@Suite struct ObjectiveTemplateTests {
    func set(_ texts: [String]) throws(TemplateError) -> TemplateSet {
        try TemplateSet(parsing: texts.enumerated().map { (text: $0.element, source: "t\($0.offset)") })
    }

    func failure(_ texts: [String]) -> TemplateError? {
        do { _ = try set(texts); return nil } catch { return error }
    }

    @Test func namedAndUnnamedMarkersWithPositions() throws {
        let text = """
            lr = {{lr: loguniform(-9.2, 0)}}
            act = "{{choice(relu, sigmoid)}}"
            drop = {{ uniform(0, 1) }}  # {{lr}}
            """
        let templates = try set([text])
        let markers = templates.allMarkers.map(\.marker)
        #expect(markers.map(\.name) == ["lr", "p2", "p3", "lr"])
        #expect(markers.map(\.isNamed) == [true, false, false, true])
        #expect(markers.map(\.line) == [1, 2, 3, 3])
        #expect(markers.map(\.column) == [6, 8, 8, 31])
        #expect(markers[3].kind == .reference)
        #expect(templates.space.labels == ["lr", "p2", "p3"])
        #expect(templates.space.description == "{lr: loguniform(-9.2, 0.0), p2: choice(relu, sigmoid), p3: uniform(0.0, 1.0)}")
        // The printed space reads back as the same space.
        #expect(try SearchSpace(parsing: templates.space.description) == templates.space)
    }

    @Test func unnamedMarkersAreNumberedAcrossTheSet() throws {
        let templates = try set(["--a={{uniform(0, 1)}}", "{{b: randint(3)}} {{quniform(1, 9, 1)}}"])
        #expect(templates.definitions.map(\.name) == ["p1", "b", "p3"])
    }

    @Test func conditionalMarkersKeepTheLabellingRule() throws {
        let templates = try set(["{{model: choice({kind: svm, C: uniform(0, 10)}, {kind: knn, k: uniformint(1, 50)})}} {{choice(1, normal(0, 1))}}"])
        #expect(templates.space.labels == ["model", "C", "k", "p2", "p2.1"])
        #expect(templates.space.isConditional)
    }

    /// A record key that starts like a top-level label (`x.ta`) is a key, kept as written: the
    /// set's space reads back from its text, and two markers holding that key clash as they
    /// would in the record written out.
    @Test func recordKeysLikeTheTopLevelLabelStayKeys() throws {
        let marker = "choice({name: dam, x.ta: uniform(0.8, 0.98)})"
        let one = try set(["{{oft: \(marker)}} {{uniform(0, 1)}} {{x: [normal(0, 1)]}}"])
        #expect(one.space.labels == ["oft", "x.ta", "p2", "x.0"])
        #expect(try SearchSpace(parsing: one.space.description) == one.space)
        let error = failure(["{{oft: \(marker)}}", "{{opt: \(marker)}}"])
        #expect(error?.message.contains("x.ta") == true)
        #expect((try? SearchSpace(parsing: "{oft: \(marker), opt: \(marker)}")) == nil)
    }

    @Test func fillingWritesValuesAsText() throws {
        let templates = try set(["python3 train.py --lr {{lr: loguniform(-9.2, 0)}} --act {{choice(relu, sigmoid)}} --n {{randint(5)}} --again {{lr}} {{\"{{\"}}x}}"])
        let assignment: Assignment = ["lr": 0.01, "p2": 1, "p3": 3]
        let point = try templates.space.evaluate(assignment)
        let filled = templates.templates[0].filled(with: point)
        let lr = "0.01"
        #expect(filled == "python3 train.py --lr \(lr) --act sigmoid --n 3 --again \(lr) {{x}}")
    }

    @Test func filledFileKeepsEverythingElse() throws {
        let text = "a: {{x: uniform(0, 1)}}\nb: {not a marker}\nc: [{{choice(1.5, 2)}}]\n"
        let templates = try set([text])
        let filled = templates.templates[0].filled(with: try templates.space.evaluate(["x": 0.25, "p2": 0]))
        #expect(filled == "a: 0.25\nb: {not a marker}\nc: [1.5]\n")
    }

    @Test func errorsArePositionedInTheTemplate() {
        var error = failure(["x = 1\ny = {{unifrom(0, 1)}}"])
        #expect(error?.line == 2 && error?.column == 7 && error?.message.contains("did you mean 'uniform'?") == true)
        #expect(error?.description.hasPrefix("t0:2:7: ") == true)
        error = failure(["ok\n  {{uniform(0, 1)"])
        #expect(error?.line == 2 && error?.column == 3 && error?.message.contains("unterminated") == true)
        error = failure(["{{ }}"])
        #expect(error?.message.contains("empty marker") == true)
        error = failure(["{{uniform(1, 0)}}"])
        #expect(error?.line == 1 && error?.column == 1 && error?.message.contains("p1") == true)
        error = failure(["{{a: uniform(0, 1)}} {{a: normal(0, 1)}}"])
        #expect(error?.column == 22 && error?.message.contains("declared twice") == true)
        error = failure(["{{lrr}} {{lr: uniform(0, 1)}}"])
        #expect(error?.message.contains("did you mean 'lr'?") == true)
        error = failure(["{{3}}"])
        #expect(error?.message.contains("declares no parameter") == true)
        error = failure(["no markers here"])
        #expect(error?.message.contains("no {{…}} marker") == true)
        // A multi-line marker: the expression's own line and column map into the template.
        error = failure(["{{m: choice(\n   a,\n   uniform(0 1))}}"])
        #expect(error?.line == 3 && error?.column == 14)
        // A derived name that collides with a written one.
        error = failure(["{{uniform(0, 1)}} {{p1: normal(0, 1)}}"])
        #expect(error != nil)
    }

    @Test func templateObjectiveReadsItsSpaceFromCommandAndFile() throws {
        let objective = try ExternalObjective(
            template: ["sh", "run.sh", "{file}", "--depth={{depth: quniform(1, 9, 1)}}"],
            templateFile: .init(path: "conf/model.cfg", text: "rate = {{loguniform(-5, 0)}}\n"))
        #expect(objective.space.labels == ["depth", "p2"])
        #expect(objective.kind == .template)
        #expect(objective.lockFields.map(\.0).prefix(3) == ["protocol", "command", "template"])
        #expect(objective.lockFields[1].1 == .list(["sh", "run.sh", "{file}", "--depth={{depth: quniform(1, 9, 1)}}"]))
        #expect(objective.canonicalText.contains("template=conf/model.cfg#"))
        let args = objective.arguments(point: try objective.space.evaluate(["depth": 4, "p2": -1]), file: "/w/model.cfg", directory: "/w", trial: 7, seed: 99)
        #expect(args == ["sh", "run.sh", "/w/model.cfg", "--depth=4.0"])
    }
}

/// Manifest problem entries with a command, and their positioned errors.
@Suite struct ObjectiveManifestTests {
    func parse(_ yaml: String, source: String = "m.yaml") throws(ManifestError) -> Manifest {
        try Manifest(yaml: yaml, source: source)
    }

    func rejection(_ yaml: String, source: String = "m.yaml") -> ManifestError? {
        do { _ = try parse(yaml, source: source); return nil } catch { return error }
    }

    func manifest(_ problem: String) -> String {
        "name: m\nbudget: 5\nproblems:\n\(problem)\nsuggesters: [random]\n"
    }

    @Test func workerAndTemplateEntries() throws {
        let m = try parse(manifest("""
              - {label: w, command: [sh, worker.sh], protocol: worker, space: "{x: uniform(-5, 5)}", direction: maximize, optimum: 3, timeout: 10}
              - label: t
                protocol: template
                command: [sh, run.sh, "--x={{x: uniform(0, 1)}}", "{{choice(a, b)}}"]
              - branin
            """))
        let w = try #require(m.problems[0].objective as? ExternalObjective)
        #expect(w.kind == .worker && w.command == ["sh", "worker.sh"] && w.direction == .maximize && w.knownOptimum == 3 && w.timeout == 10)
        #expect(m.problems[0].direction == .maximize && m.problems[0].space.labels == ["x"])
        let t = try #require(m.problems[1].objective as? ExternalObjective)
        #expect(t.kind == .template && t.space.labels == ["x", "p2"] && t.timeout == 300 && t.direction == .minimize && t.knownOptimum == nil)
        #expect(m.problems.map(\.label) == ["w", "t", "branin"])
        // The lock file line is one valid YAML flow mapping.
        let lock = ManifestLock.text(for: m)
        #expect(lock.contains("\n- {label: w, protocol: worker, command: [sh, worker.sh], space: '{x: uniform(-5.0, 5.0)}', timeout: 10.0, optimum: 3.0, direction: maximize}\n"))
    }

    @Test func badKeysAndCombinationsArePositioned() {
        var e = rejection(manifest("  - {label: w, command: [sh], protocol: worker, space: \"{x: uniform(0, 1)}\", dims: 3}"))
        #expect(e?.field == "problems[0].dims" && e?.line == 4 && e?.message.contains("external program") == true)
        e = rejection(manifest("  - {label: w, command: [sh], protocol: worker, spcae: x}"))
        #expect(e?.message.contains("did you mean 'space'?") == true)
        e = rejection(manifest("  - {function: branin, timeout: 3}"))
        #expect(e?.field == "problems[0].timeout" && e?.message.contains("only a problem with a command") == true)
        e = rejection(manifest("  - {label: w, command: [sh], space: \"{x: uniform(0, 1)}\"}"))
        #expect(e?.field == "problems[0].protocol" && e?.message.contains("worker") == true)
        e = rejection(manifest("  - {label: w, command: [sh], protocol: pipe, space: \"{x: uniform(0, 1)}\"}"))
        #expect(e?.field == "problems[0].protocol" && e?.message.contains("accepted: worker, template") == true)
        e = rejection(manifest("  - {command: [sh], protocol: worker, space: \"{x: uniform(0, 1)}\"}"))
        #expect(e?.field == "problems[0].label")
        e = rejection(manifest("  - {label: w, command: [sh], protocol: worker}"))
        #expect(e?.field == "problems[0].space" && e?.message.contains("missing") == true)
        e = rejection(manifest("  - {label: w, command: sh worker.sh, protocol: worker, space: \"{x: uniform(0, 1)}\"}"))
        #expect(e?.field == "problems[0].command" && e?.message.contains("list") == true)
        e = rejection(manifest("  - {label: w, command: [sh], protocol: template, space: \"{x: uniform(0, 1)}\"}"))
        #expect(e?.field == "problems[0].space" && e?.message.contains("markers") == true)
        e = rejection(manifest("  - {label: w, command: [sh, \"{{uniform(0, 1)}}\"], protocol: worker, space: \"{x: uniform(0, 1)}\"}"))
        #expect(e?.field == "problems[0].command[1]")
        e = rejection(manifest("  - {label: w, command: [sh], protocol: worker, space: \"{x: uniform(0, 1)}\", direction: up}"))
        #expect(e?.field == "problems[0].direction" && e?.message.contains("minimize, maximize") == true)
        e = rejection(manifest("  - {label: w, command: [sh], protocol: worker, space: \"{x: uniform(0, 1)}\", timeout: 0}"))
        #expect(e?.field == "problems[0].timeout")
        e = rejection(manifest("  - {label: w, command: [sh, \"{file}\", \"{{uniform(0, 1)}}\"], protocol: template}"))
        #expect(e?.field == "problems[0].command[1]" && e?.message.contains("no template") == true)
        e = rejection(manifest("  - {label: w, command: [sh, \"{{uniform(0, 1)}}\"], protocol: template, template: /nonexistent/x.cfg}"))
        #expect(e?.field == "problems[0].template" && e?.message.contains("cannot read") == true)
        e = rejection(manifest("  - {label: w, command: [sh], protocol: worker, space: {x: 1}}"))
        #expect(e?.field == "problems[0].space" && e?.message.contains("quote it") == true)
        e = rejection(manifest("  - {label: w, command: [sh], protocol: worker, space: \"{x: uniform(0, 1)}\"}\n  - {label: w, command: [sh], protocol: worker, space: \"{x: uniform(0, 1)}\"}"))
        #expect(e?.message.contains("duplicate problem label 'w'") == true)
    }

    @Test func spaceErrorsPointIntoTheManifest() throws {
        // One-line quoted scalar: column of the scalar + 1 (the quote) + the space's column − 1.
        var e = rejection(manifest("  - {label: w, command: [sh], protocol: worker, space: \"{x: unifrom(0, 1)}\"}"))
        #expect(e?.line == 4 && e?.column == 61 && e?.field == "problems[0].space" && e?.message.contains("did you mean 'uniform'?") == true)
        // Plain scalar in block style.
        e = rejection(manifest("  - label: w\n    command: [sh]\n    protocol: worker\n    space: '{x: uniform(1, 0)}'"))
        #expect(e?.line == 7 && e?.column == 17)
        // Template marker inside a command argument.
        e = rejection(manifest("  - {label: w, command: [sh, \"--x={{x: uniform(0 1)}}\"], protocol: template}"))
        #expect(e?.line == 4 && e?.column == 50 && e?.field == "problems[0].command[1]")
        // A block scalar in a file: exact line and column (indentation read from the file).
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-objective-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        let text = manifest("  - label: w\n    command: [sh]\n    protocol: worker\n    space: |\n      {a: uniform(0, 1),\n       b: normal(0, -1)}")
        try text.write(to: file, atomically: true, encoding: .utf8)
        do { _ = try Manifest(contentsOf: file.path); Issue.record("accepted") } catch {
            #expect(error.line == 9 && error.column == 11 && error.message.contains("sigma") == true)
        }
        // Without the file the error names the space's own line and column.
        e = rejection(text)
        #expect(e?.line == 7 && e?.message.contains("line 2, column 5 of the text") == true)
    }

    @Test func templateFileEntry() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-objective-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = folder.appendingPathComponent("model.cfg")
        try "depth = {{depth: quniform(1, 9, 1)}}\nrate = {{loguniform(-5, 0)}}\n".write(to: template, atomically: true, encoding: .utf8)
        let m = try parse(manifest("  - {label: t, protocol: template, command: [sh, run.sh, \"{file}\", \"{{choice(a, b)}}\"], template: \(template.path)}"))
        #expect(m.problems[0].space.labels == ["p1", "depth", "p3"])
        let e = rejection(manifest("  - {label: t, protocol: template, command: [sh, run.sh], template: \(template.path)}"))
        #expect(e?.field == "problems[0].command" && e?.message.contains("{file}") == true)
        try "depth = {{depth: quniform(9, 1, 1)}}\n".write(to: template, atomically: true, encoding: .utf8)
        let bad = rejection(manifest("  - {label: t, protocol: template, command: [sh, \"{file}\"], template: \(template.path)}"))
        #expect(bad?.field == "problems[0].template" && bad?.message.contains("\(template.path):1:9:") == true)
    }
}
