import GSLKit
import Parzen
import PropertyBased
import Testing

/// Builds the text of a random search space from a list of numbers (the "recipe"), so the
/// property library's shrinking of the list shrinks the space. Keys are `k0`, `k1`, … in writing
/// order (unique, so every space also compiles), every call has valid arguments, strings hold
/// quotes, backslashes, line breaks, non-ASCII letters and the text form's punctuation.
struct SpaceRecipe {
    let numbers: [Int]
    var position = 0
    var keys = 0

    init(_ numbers: [Int]) { self.numbers = numbers }

    mutating func next(_ bound: Int) -> Int {
        defer { position += 1 }
        return position < numbers.count ? numbers[position] % bound : 0
    }

    mutating func key() -> String {
        defer { keys += 1 }
        return "k\(keys)"
    }

    /// A finite double in the text form's shortest round-trip spelling.
    mutating func number() -> String {
        let values = ["0", "-0.0", "1", "2.5", "-3", "1e-05", "1.7976931348623157e308", "0.1", "123456789", "-1e300", "5e-324"]
        return values[next(values.count)]
    }

    /// A mean for the normal kinds: large enough to need the exponent form, small enough that a
    /// grid over mean ± 3 sigma has distinct doubles.
    mutating func mean() -> String {
        let values = ["0", "-0.0", "2.5", "-3", "1e-05", "123456789", "-1e+06"]
        return values[next(values.count)]
    }

    mutating func string() -> String {
        let pieces = ["a", "B_c", "é", "\\\"", "\\'", "\\\\", "\\n", "\\t", "\\r", ",", ":", "{", "]", " ", "#", "(", "null", "3"]
        var text = "\""
        for _ in 0..<next(5) { text += pieces[next(pieces.count)] }
        return text + "\""
    }

    /// A call with valid arguments; `depth` bounds the nesting of choice options.
    mutating func call(depth: Int) -> String {
        switch next(12) {
        case 0: return "uniform(-2, \(next(50) + 1).5)"
        case 1: return "quniform(0, \(next(20) + 1), 0.5)"
        case 2: return "uniformint(\(next(5)), \(next(5) + 6))"
        case 3: return "loguniform(-9.2, \(next(3)))"
        case 4: return "qloguniform(0, 4, 1)"
        case 5: return "normal(\(mean()), \(next(9) + 1))"
        case 6: return "qnormal(0, 2.5, 0.5)"
        case 7: return "lognormal(-1, 0.5)"
        case 8: return "qlognormal(0, 1, 1)"
        case 9: return next(2) == 0 ? "randint(\(next(30) + 1))" : "randint(-3, \(next(30)))"
        case 10:
            let count = next(3) + 1
            return "choice(" + (0..<count).map { _ in value(depth: depth + 1) }.joined(separator: ", ") + ")"
        default:
            let count = next(3) + 1
            let weights = count == 1 ? ["1"] : count == 2 ? ["0.25", "0.75"] : ["0.5", "0.25", "0.25"]
            return "pchoice(" + weights.map { "\($0): \(value(depth: depth + 1))" }.joined(separator: ", ") + ")"
        }
    }

    mutating func value(depth: Int) -> String {
        switch next(depth >= 3 ? 4 : 6) {
        case 0: return number()
        case 1: return string()
        case 2: return ["true", "false", "null", "relu", "x-1.y_2"][next(5)]
        case 3: return call(depth: depth)
        case 4: return "[" + (0..<next(4)).map { _ in value(depth: depth + 1) }.joined(separator: ", ") + "]"
        default: return record(depth: depth + 1)
        }
    }

    mutating func record(depth: Int) -> String {
        "{" + (0..<(next(4) + 1)).map { _ in "\(key()): \(value(depth: depth))" }.joined(separator: ", ") + "}"
    }
}

@Suite struct SpaceTextFormProperties {
    static let recipes = Gen.int(in: 0...1_000_000).array(of: 1...60)

    /// Text → Space → text → Space: the printed form reads back to an equal space and prints
    /// the same text again.
    @Test func printedFormReadsBackEqual() async {
        await propertyCheck(count: 300, input: Self.recipes) { numbers in
            var recipe = SpaceRecipe(numbers)
            let text = recipe.record(depth: 0)
            let space: Space
            do { space = try Space(parsing: text) } catch {
                Issue.record("generated text does not parse: \(error)\n\(text)")
                return
            }
            let printed = space.description
            let again = try? Space(parsing: printed)
            #expect(again == space, "printed: \(printed)")
            #expect(again?.description == printed)
        }
    }

    /// A generated space compiles (unique keys, valid arguments), and what it samples it accepts
    /// and evaluates.
    @Test func compiledSpaceAcceptsItsOwnSamples() async {
        await propertyCheck(count: 200, input: Self.recipes, Gen.uint32(in: 1...UInt32.max)) { numbers, seed in
            var recipe = SpaceRecipe(numbers)
            let text = recipe.record(depth: 0)
            let space: SearchSpace
            do { space = try SearchSpace(parsing: text) } catch {
                Issue.record("generated space does not compile: \(error)\n\(text)")
                return
            }
            let rng = MersenneTwister(seed: seed)
            for _ in 0..<5 {
                let point = space.sample(using: rng)
                #expect(throws: Never.self) { try space.validate(point) }
                #expect(throws: Never.self) { _ = try space.evaluate(point) }
            }
        }
    }
}
