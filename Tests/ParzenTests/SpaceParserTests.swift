import Testing
@testable import Parzen

// MARK: - Helpers

private func parse(_ text: String) throws -> Space { try Space(parsing: text) }

/// The error `text` gives, from `SearchSpace(parsing:)` so validation errors are covered too.
private func parseError(_ text: String, source: String = "<text>") -> SpaceParseError? {
    do {
        _ = try SearchSpace(parsing: text, source: source)
        return nil
    } catch {
        return error
    }
}

/// Checks that `text` fails at `line`:`column` with a message containing every fragment.
private func expectError(
    _ text: String, line: Int, column: Int, _ fragments: String...,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let error = parseError(text) else {
        Issue.record("expected an error for \(text)", sourceLocation: sourceLocation)
        return
    }
    #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
    #expect(error.column == column, "\(error)", sourceLocation: sourceLocation)
    for fragment in fragments {
        #expect(error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
    }
}

@Suite("Space text form: parsing and printing")
struct SpaceParserTests {
    // MARK: - Kinds

    @Test("every kind parses to its Distribution", arguments: [
        ("uniform(-5, 5)", Distribution.uniform(low: -5, high: 5)),
        ("quniform(0, 10, 1)", .quniform(low: 0, high: 10, q: 1)),
        ("uniformint(1, 50)", .uniformint(low: 1, high: 50)),
        ("loguniform(-9.2, 0)", .loguniform(low: -9.2, high: 0)),
        ("qloguniform(0, 5.5, 0.5)", .qloguniform(low: 0, high: 5.5, q: 0.5)),
        ("normal(0, 1e-5)", .normal(mu: 0, sigma: 1e-5)),
        ("qnormal(-2.5, 3E2, 2)", .qnormal(mu: -2.5, sigma: 300, q: 2)),
        ("lognormal(0.5, 1.25e+1)", .lognormal(mu: 0.5, sigma: 12.5)),
        ("qlognormal(1, 2, 0.25)", .qlognormal(mu: 1, sigma: 2, q: 0.25)),
        ("randint(10)", .randint(low: 0, high: 10)),
        ("randint(2, 10)", .randint(low: 2, high: 10)),
        ("randint(-3.0, 4)", .randint(low: -3, high: 4)),
        ("choice(a, b)", .choice(["a", "b"])),
        ("pchoice(0.2: a, 0.8: b)", .pchoice(["a", "b"], probabilities: [0.2, 0.8])),
    ])
    func kinds(text: String, expected: Distribution) throws {
        #expect(try parse("{p: \(text)}") == .record(["p": .parameter(label: "p", expected)]))
    }

    @Test func nestingBeyondTheLimitFailsAtOnceWithoutRecursingFurther() {
        for depth in [101, 2_000, 10_000] {
            let text = String(repeating: "{a: [", count: depth / 2) + "uniform(0, 1)" + String(repeating: "]}", count: depth / 2)
            do {
                _ = try SearchSpace(parsing: text)
                Issue.record("depth \(depth) accepted")
            } catch {
                #expect(error.message == "the space nests deeper than 100 records, lists and calls (the limit); flatten it")
                #expect(error.line == 1 && error.column == 1 + 100 / 2 * 5)
            }
        }
        let deepest = String(repeating: "{a: ", count: 99) + "uniform(0, 1)" + String(repeating: "}", count: 99)
        #expect(throws: Never.self) { try SearchSpace(parsing: deepest) }
    }

    @Test func choiceOptionsAreAnyExpression() throws {
        let space = try parse(#"{c: choice(a, 3, -2.5, true, false, null, "x y", 'q', {k: 1}, [1, 2], uniform(0, 1))}"#)
        let options: [Space] = [
            "a", 3, -2.5, true, false, .constant(.null), "x y", "q", ["k": 1], [1, 2], .uniform("c.10", 0, 1),
        ]
        #expect(space == .record(["c": .choice("c", options)]))
        if case .record(let record) = space, case .parameter(_, .choice(let parsed)) = record["c"] {
            // 3 is an Int, -2.5 a Double.
            #expect(parsed[1] == .constant(.int(3)))
            #expect(parsed[2] == .constant(.double(-2.5)))
        } else {
            Issue.record("not a choice: \(space)")
        }
    }

    @Test func constantsAndNumberTypes() throws {
        let space = try parse("{i: 3, d: 3.0, e: 1e3, n: -7, s: svm, w: \"two words\", b: true, z: null, inf: -inf}")
        #expect(space == [
            "i": .constant(.int(3)), "d": .constant(.double(3)), "e": .constant(.double(1000)),
            "n": .constant(.int(-7)), "s": "svm", "w": "two words", "b": true, "z": .constant(.null),
            "inf": .constant(.double(-.infinity)),
        ])
    }

    @Test func stringEscapesAndQuotedKeys() throws {
        let space = try parse(#"{"my key": "a\"b\\c\nd\te", 'x-y': 'it\'s', "": 1}"#)
        #expect(space == ["my key": "a\"b\\c\nd\te", "x-y": "it's", "": 1])
    }

    // MARK: - The text form's documented examples, labels and conditions

    @Test func designExampleCompilesWithLabelsAndConditions() throws {
        let text = "{type: choice({kind: svm, C: uniform(0, 10)}, {kind: knn, k: uniformint(1, 50)})}"
        let space = try SearchSpace(parsing: text)
        #expect(space.labels == ["type", "C", "k"])
        #expect(space.parameter("type")?.conditions == [])
        #expect(space.parameter("C")?.conditions == [Condition(label: "type", option: 0)])
        #expect(space.parameter("k")?.conditions == [Condition(label: "type", option: 1)])
        #expect(space.parameter("C")?.distribution == .uniform(low: 0, high: 10))
        #expect(space.parameter("k")?.distribution == .uniformint(low: 1, high: 50))
        let expected: Space = [
            "type": .choice("type", [
                ["kind": "svm", "C": .uniform("C", 0, 10)],
                ["kind": "knn", "k": .uniformint("k", 1, 50)],
            ]),
        ]
        #expect(space.root == expected)
    }

    @Test func designCallExamplesCompile() throws {
        for text in ["uniform(-5, 5)", "quniform(0, 10, 1)", "loguniform(-9.2, 0)", "choice(alice, bob)",
                     "pchoice(0.2: a, 0.8: b)", "randint(10)"] {
            let space = try SearchSpace(parsing: text)
            #expect(space.labels == ["x"], "\(text)")
        }
        #expect(try SearchSpace(parsing: "choice(alice, bob)").root == .choice("x", ["alice", "bob"]))
    }

    @Test func labelsOfListElementsAndChoiceOptions() throws {
        let space = try SearchSpace(parsing: """
            {
              layers: [uniform(0, 1), [normal(0, 1), randint(3)], {units: uniformint(1, 9)}],
              x: choice(uniform(0, 1), 5, [quniform(0, 4, 1)], choice(normal(0, 1), b)),
            }
            """)
        #expect(space.labels == ["layers.0", "layers.1.0", "layers.1.1", "units", "x", "x.0", "x.2.0", "x.3", "x.3.0"])
        #expect(space.parameter("x.3.0")?.conditions == [Condition(label: "x", option: 3), Condition(label: "x.3", option: 0)])
        #expect(space.parameter("x.2.0")?.conditions == [Condition(label: "x", option: 2)])
    }

    @Test func topLevelListAndPchoiceLabels() throws {
        let space = try SearchSpace(parsing: "[uniform(0, 1), pchoice(0.5: normal(0, 1), 0.5: {lr: loguniform(-9, 0)})]")
        #expect(space.labels == ["x.0", "x.1", "x.1.0", "lr"])
        #expect(space.parameter("x.1")?.distribution.categoryProbabilities == [0.5, 0.5])
        #expect(space.parameter("lr")?.conditions == [Condition(label: "x.1", option: 1)])
    }

    @Test func commentsNewlinesAndTrailingCommas() throws {
        let text = """
            # a search space
            {
              lr: loguniform(   # log-space bounds
                  -9.2,
                  0,
              ),  # trailing comma in the call
              \t"depth" : quniform(1, 10, 1),
              tags: [a, b,],   # trailing comma in the list
            } # done
            """
        let space = try parse(text)
        #expect(space == [
            "lr": .loguniform("lr", -9.2, 0),
            "depth": .quniform("depth", 1, 10, 1),
            "tags": ["a", "b"],
        ])
        #expect(try parse("\r\n{a: 1}\r\n") == ["a": 1])
        #expect(try parse("{}") == .record([:]))
        #expect(try parse("[]") == .list([]))
    }

    @Test func spaceParsingDoesNotValidate() throws {
        #expect(try parse("uniform(5, 1)") == .uniform("x", 5, 1))
        #expect(parseError("uniform(5, 1)") != nil)
    }

    // MARK: - Printing and round trip

    @Test func printsTheTextForm() throws {
        let space: Space = [
            "type": .choice("type", [
                ["kind": "svm", "C": .uniform("C", 0, 10)],
                ["kind": "knn", "k": .uniformint("k", 1, 50)],
            ]),
        ]
        #expect(space.description == "{type: choice({kind: svm, C: uniform(0.0, 10.0)}, {kind: knn, k: uniformint(1, 50)})}")
        let compiled = try SearchSpace(space)
        #expect(compiled.description == space.description)
        #expect(Space.pchoice("p", [(0.25, "a"), (0.75, 3.0)]).description == "pchoice(0.25: a, 0.75: 3.0)")
        #expect(Space.randint("r", 10).description == "randint(10)")
        #expect(Space.randint("r", -2, 10).description == "randint(-2, 10)")
    }

    @Test func roundTripOfAVariedSpace() throws {
        let space: Space = [
            "lr": .loguniform("lr", -9.210340371976182, 0),
            "momentum": .uniform("momentum", 0.5, 0.99),
            "steps": .quniform("steps", 10, 1000, 10),
            "width": .uniformint("width", 1, 512),
            "noise": .normal("noise", 0, 1e-5),
            "shift": .qnormal("shift", -3, 0.1, 0.5),
            "scale": .lognormal("scale", 0, 1),
            "batch": .qlognormal("batch", 3, 1, 16),
            "size": .qloguniform("size", 0, 6.907755278982137, 1),
            "seed": .randint("seed", 1000),
            "offset": .randint("offset", -5, 5),
            "big": 9_007_199_254_740_993,
            "tiny": .constant(.double(.leastNonzeroMagnitude)),
            "whole": 3.0,
            "words": ["plain", "two words", "true", "inf", "5", "uniform", "a-b.c_d", "", "é", "quote\"\\\n\t"],
            "flags": [true, false, .constant(.null), -0.5, -1],
            "weird key": 1,
            "null": 2,
            "model": .pchoice("model", [
                (0.3, ["kind": "svm", "C": .loguniform("C", -3, 3), "kernel": .choice("kernel", ["rbf", "linear"])]),
                (0.7, ["kind": "tree", "depths": [.quniform("depths.0", 1, 10, 1), [.randint("depths.1.0", 4)]]]),
            ]),
            "nested": .choice("nested", [.uniform("nested.0", 0, 1), [.normal("nested.1.0", 0, 1)], 7]),
            "empty": ["list": [], "record": .record([:])],
        ]
        let text = space.description
        let reparsed = try Space(parsing: text)
        #expect(reparsed == space, "\(text)")
        #expect(reparsed.description == text)
        let compiled = try SearchSpace(parsing: text)
        #expect(compiled == (try SearchSpace(space)))
        #expect(Space.uniform("x", 0, 1) == (try Space(parsing: Space.uniform("x", 0, 1).description)))
    }

    @Test func labelsThatDifferFromKeysComeFromKeysOnReparse() throws {
        let space: Space = ["a": .uniform("alpha", 0, 1)]
        #expect(space.description == "{a: uniform(0.0, 1.0)}")
        #expect(try Space(parsing: space.description) == ["a": .uniform("a", 0, 1)])
    }

    // MARK: - Errors

    @Test func errorDescriptionIsSourceLineColumnMessage() {
        let error = parseError("{x: unifrom(0, 1)}", source: "space.txt")
        #expect(error?.description == "space.txt:1:5: unknown function 'unifrom'; did you mean 'uniform'? Known functions: choice, pchoice, randint, uniform, quniform, uniformint, loguniform, qloguniform, normal, qnormal, lognormal, qlognormal")
    }

    @Test func multiLineErrorPositions() {
        let header = """
            {
              lr: loguniform(-9, 0),   # fine

            """
        // Line 3 onwards; the column is counted in Unicode scalars from 1.
        expectError(header + "  depth: quniformm(1, 10, 1),\n}", line: 3, column: 10, "unknown function 'quniformm'", "did you mean 'quniform'")
        expectError(header + "  C: uniform(0, 1, 2),\n}", line: 3, column: 6, "uniform takes 2 arguments (low, high), got 3")
        expectError(header + "  C: normal(0),\n}", line: 3, column: 6, "normal takes 2 arguments (mu, sigma), got 1")
        expectError(header + "  C: quniform(0, 1),\n}", line: 3, column: 6, "quniform takes 3 arguments (low, high, q), got 2")
        expectError(header + "  C: randint(1, 2, 3),\n}", line: 3, column: 6, "randint takes 1 or 2 arguments")
        expectError(header + "  C: uniform(0,\n     high),\n}", line: 4, column: 6, "uniform argument 2 (high) must be a number", "the string \"high\"")
        expectError(header + "  C: uniform(0, inf),\n}", line: 3, column: 17, "must be a finite number, got inf")
        expectError(header + "  C: uniform(0, [1]),\n}", line: 3, column: 17, "must be a number, got a list")
        expectError(header + "  C: randint(1.5),\n}", line: 3, column: 14, "randint argument 1 (upper) must be an integer, got 1.5")
        expectError(header + "  C: uniformint(1, choice(1, 2)),\n}", line: 3, column: 20, "must be a number, got a call to choice")
        expectError(header + "  name: \"alice,\n}", line: 3, column: 9, "unterminated string")
        expectError(header + "  name: 'a\\qb',\n}", line: 3, column: 11, "unknown escape '\\q'")
        expectError(header + "  C: @,\n}", line: 3, column: 6, "unexpected '@'", "expected a value")
        expectError(header + "  lr: 1,\n}", line: 3, column: 3, "duplicate key 'lr'", "first at line 2, column 3")
        expectError(header + "  C uniform(0, 1),\n}", line: 3, column: 5, "expected ':' after key 'C'", "key: value")
        expectError(header + "  C: 1 D: 2,\n}", line: 3, column: 8, "expected ',' or '}' after the value of 'C'")
        expectError(header + "  C: 1,\n} extra", line: 4, column: 3, "unexpected 'e' after the end of the space")
        expectError(header + "  C: [1, 2 3],\n}", line: 3, column: 12, "expected ',' or ']'")
        expectError(header + "  C: choice(0.5: a),\n}", line: 3, column: 16, "unexpected ':'", "pchoice")
        expectError(header + "  C: pchoice(0.5: a, b),\n}", line: 3, column: 22, "pchoice option 2 has no probability")
        expectError(header + "  C: pchoice(p: a),\n}", line: 3, column: 14, "pchoice probability 1 must be a number")
        expectError(header + "  C: choice(),\n}", line: 3, column: 6, "choice takes at least 1 option")
        expectError(header + "  C: 12abc,\n}", line: 3, column: 6, "malformed number '12abc'")
        expectError(header + "  C: 1.,\n}", line: 3, column: 6, "malformed number", "decimal point")
        expectError(header + "  C: 1e,\n}", line: 3, column: 6, "malformed number", "exponent")
        expectError(header + "  C: 99999999999999999999,\n}", line: 3, column: 6, "out of range")
        expectError(header + "  C: foo(1),\n}", line: 3, column: 6, "unknown function 'foo'; known functions: choice, pchoice")
        expectError(header + "  C: -1e400,\n}", line: 3, column: 6, "number -1e400 is out of range")
        expectError(header + "  C: - 5,\n}", line: 3, column: 6, "malformed number '-'")
        expectError(header + "  3: 1,\n}", line: 3, column: 3, "expected a record key")
    }

    @Test func unterminatedBracketsPointAtTheOpener() {
        expectError("{\n  a: [1, 2,\n  # more to come\n", line: 2, column: 6, "unterminated list", "'[' at line 2, column 6")
        // A ':' or the wrong closer inside a list points at the list's opener in the message.
        expectError("{\n  a: [1, 2,\n  b: 3\n}", line: 3, column: 4, "found ':'", "'[' at line 2, column 6 missing its closing bracket")
        expectError("{a: [1, 2}", line: 1, column: 10, "found '}'", "'[' at line 1, column 5 missing")
        expectError("{\n  a: 1,\n  b: 3\n", line: 1, column: 1, "unterminated record")
        expectError("{a: 1, b:", line: 1, column: 1, "unterminated record", "a value was expected")
        expectError("{a:\n  uniform(0,\n  1", line: 2, column: 10, "unterminated call to uniform")
    }

    @Test func emptyInput() {
        expectError("", line: 1, column: 1, "empty input")
        expectError("  # only a comment\n\n", line: 3, column: 1, "empty input")
    }

    @Test func validationErrorsArePositionedAtTheCall() {
        let text = """
            {
              lr: loguniform(0, -9),
              C: uniform(0, 1),
            }
            """
        expectError(text, line: 2, column: 7, "'lr': low (0.0) must be less than high (-9.0)")
        expectError("{\n  q: quniform(0, 1, 0)\n}", line: 2, column: 6, "'q': q must be > 0")
        expectError("{\n  n: normal(0, -1)\n}", line: 2, column: 6, "'n': sigma must be > 0")
        expectError("{r: randint(5, 5)}", line: 1, column: 5, "'r': low (5.0) must be less than high (5.0)")
        expectError("{p:\n  pchoice(0.5: a, 0.6: b)}", line: 2, column: 3, "'p': pchoice probabilities sum to 1.1")
        expectError("{p: pchoice(0.5: a, -0.5: b, 1: c)}", line: 1, column: 5, "'p': pchoice probability 1 is -0.5")
        expectError(#"{"": uniform(0, 1)}"#, line: 1, column: 6, "empty label")
    }

    @Test func duplicateLabelsPointAtTheSecondUse() {
        let text = """
            {
              a: {n: randint(3)},
              b: {
                n: randint(4),
              },
            }
            """
        expectError(text, line: 4, column: 8, "label 'n' is used twice", "first used at line 2, column 10", "rename one of the keys")
        // A key-derived label can collide with a list-derived one.
        expectError("{x: [uniform(0, 1)], y: {x.0: normal(0, 1)}}", line: 1, column: 31, "label 'x.0' is used twice")
    }
}
