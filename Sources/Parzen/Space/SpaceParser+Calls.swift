import Foundation

extension SpaceParser {
    // MARK: Calls

    /// One argument of a call as written: the value, the pchoice probability before a `:`,
    /// and where it starts.
    struct Argument {
        var value: Space
        var at: TextPosition
        var probability: (value: Space, at: TextPosition)?
    }

    mutating func parseCall(name: String, at start: TextPosition, label: String) throws(SpaceParseError) -> Space {
        guard let kind = CallKind(rawValue: name) else {
            let known = CallKind.allCases.map(\.rawValue)
            var message = "unknown function '\(name)'"
            if let nearest = NameSuggestion.nearest(to: name, in: known) {
                message += "; did you mean '\(nearest)'? Known functions: "
            } else {
                message += "; known functions: "
            }
            message += known.joined(separator: ", ")
            throw fail(at: start, message)
        }
        parameterPositions.append((label: label, at: start))
        openers.append((what: "call to \(name)", bracket: "(", at: position))
        advance()
        var arguments: [Argument] = []
        while try elementStart(closedBy: ")", expecting: "an argument") != nil {
            let optionLabel = "\(label).\(arguments.count)"
            var argument = Argument(value: .constant(.null), at: position)
            argument.value = try parseValue(label: optionLabel)
            skipTrivia()
            if peek == ":" {
                guard kind == .pchoice else {
                    throw fail(at: position, "unexpected ':' in the arguments of \(name); 'probability: option' is only written in pchoice(0.2: a, 0.8: b)")
                }
                advance()
                skipTrivia()
                argument.probability = (value: argument.value, at: argument.at)
                argument.at = position
                argument.value = try parseValue(label: optionLabel)
                skipTrivia()
            }
            arguments.append(argument)
            if try elementEnd(closedBy: ")", context: "in the arguments of \(name)") { break }
        }
        openers.removeLast()
        return .parameter(label: label, try distribution(kind, arguments, at: start))
    }

    func distribution(_ kind: CallKind, _ arguments: [Argument], at start: TextPosition) throws(SpaceParseError) -> Distribution {
        let name = kind.rawValue
        switch kind {
        case .choice:
            guard !arguments.isEmpty else { throw fail(at: start, "choice takes at least 1 option, got 0; write e.g. choice(a, b)") }
            return .choice(arguments.map(\.value))
        case .pchoice:
            guard !arguments.isEmpty else { throw fail(at: start, "pchoice takes at least 1 option, got 0; write e.g. pchoice(0.2: a, 0.8: b)") }
            var probabilities: [Double] = []
            for (index, argument) in arguments.enumerated() {
                guard let probability = argument.probability else {
                    throw fail(at: argument.at, "pchoice option \(index + 1) has no probability; pchoice options are written probability: option, e.g. pchoice(0.2: a, 0.8: b)")
                }
                probabilities.append(try number(probability.value, at: probability.at, "pchoice probability \(index + 1)"))
            }
            return .pchoice(arguments.map(\.value), probabilities: probabilities)
        case .randint:
            guard arguments.count == 1 || arguments.count == 2 else {
                throw fail(at: start, "randint takes 1 or 2 arguments (upper) or (low, high), got \(arguments.count)")
            }
            let names = arguments.count == 1 ? ["upper"] : ["low", "high"]
            let values = try integers(arguments, names: names, kind: name)
            return values.count == 1 ? .randint(low: 0, high: values[0]) : .randint(low: values[0], high: values[1])
        case .uniformint:
            let values = try integers(try counted(arguments, ["low", "high"], kind: name, at: start), names: ["low", "high"], kind: name)
            return .uniformint(low: values[0], high: values[1])
        case .uniform, .loguniform, .normal, .lognormal, .quniform, .qloguniform, .qnormal, .qlognormal:
            let names = kind.parameterNames
            let x = try doubles(try counted(arguments, names, kind: name, at: start), names: names, kind: name)
            switch kind {
            case .uniform: return .uniform(low: x[0], high: x[1])
            case .loguniform: return .loguniform(low: x[0], high: x[1])
            case .normal: return .normal(mu: x[0], sigma: x[1])
            case .lognormal: return .lognormal(mu: x[0], sigma: x[1])
            case .quniform: return .quniform(low: x[0], high: x[1], q: x[2])
            case .qloguniform: return .qloguniform(low: x[0], high: x[1], q: x[2])
            case .qnormal: return .qnormal(mu: x[0], sigma: x[1], q: x[2])
            default: return .qlognormal(mu: x[0], sigma: x[1], q: x[2])
            }
        }
    }

    /// `arguments` when there are exactly `names.count` of them; otherwise an error at the call.
    func counted(_ arguments: [Argument], _ names: [String], kind: String, at start: TextPosition) throws(SpaceParseError) -> [Argument] {
        guard arguments.count == names.count else {
            throw fail(at: start, "\(kind) takes \(names.count) arguments (\(names.joined(separator: ", "))), got \(arguments.count)")
        }
        return arguments
    }

    func doubles(_ arguments: [Argument], names: [String], kind: String) throws(SpaceParseError) -> [Double] {
        var values: [Double] = []
        for (index, argument) in arguments.enumerated() {
            values.append(try number(argument.value, at: argument.at, "\(kind) argument \(index + 1) (\(names[index]))"))
        }
        return values
    }

    func integers(_ arguments: [Argument], names: [String], kind: String) throws(SpaceParseError) -> [Int] {
        var values: [Int] = []
        for (index, argument) in arguments.enumerated() {
            let what = "\(kind) argument \(index + 1) (\(names[index]))"
            let value = try number(argument.value, at: argument.at, what)
            if case .constant(.int(let integer)) = argument.value {
                values.append(integer)
            } else if value.rounded() == value, abs(value) < 9.0e15 {
                values.append(Int(value))
            } else {
                throw fail(at: argument.at, "\(what) must be an integer, got \(NumberFormatting.shortest(value))")
            }
        }
        return values
    }

    /// The finite number a numeric argument holds, or an error naming `what`.
    func number(_ value: Space, at: TextPosition, _ what: String) throws(SpaceParseError) -> Double {
        guard case .constant(let constant) = value, let number = constant.double else {
            throw fail(at: at, "\(what) must be a number, got \(Self.summary(of: value))")
        }
        guard number.isFinite else {
            throw fail(at: at, "\(what) must be a finite number, got \(NumberFormatting.shortest(number))")
        }
        return number
    }
}

/// The functions the text form knows: hyperopt's twelve kinds.
enum CallKind: String, CaseIterable {
    case choice, pchoice, randint, uniform, quniform, uniformint, loguniform, qloguniform
    case normal, qnormal, lognormal, qlognormal

    /// The argument names of the fixed-arity numeric kinds.
    var parameterNames: [String] {
        switch self {
        case .uniform, .loguniform, .uniformint: return ["low", "high"]
        case .quniform, .qloguniform: return ["low", "high", "q"]
        case .normal, .lognormal: return ["mu", "sigma"]
        case .qnormal, .qlognormal: return ["mu", "sigma", "q"]
        case .choice, .pchoice, .randint: return []
        }
    }
}
