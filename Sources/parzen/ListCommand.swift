import ArgumentParser
import Parzen
import ParzenBench

/// `parzen list functions | suggesters`.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the registered test functions or suggesters.")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case functions, suggesters
    }

    @Argument(help: "What to list: functions or suggesters.")
    var kind: Kind

    func run() throws {
        switch kind {
        case .suggesters:
            var rows = [["name", "capabilities", "options (defaults)", "summary"]]
            for type in SuggesterRegistry.builtIns {
                rows.append([type.name, type.capabilities.names.joined(separator: ","), optionsText(type), type.summary])
            }
            print(TextTable.render(rows))
        case .functions:
            var rows = [["key", "dimension", "optimum", "space"]]
            for descriptor in TestFunctionRegistry.all {
                let function = try descriptor.make()
                let dimension = descriptor.defaultDimension.map { "\($0) (\(descriptor.dimensions.text))" } ?? "\(function.dimension)"
                rows.append([descriptor.key, dimension, "\(function.optimum)", "\(function.space)"])
            }
            print(TextTable.render(rows))
        }
    }

    private func optionsText<S: Suggester>(_ type: S.Type) -> String {
        let record = S.Options().record
        return record.isEmpty ? "-" : record.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
}

/// Left-aligned columns separated by two spaces; the last column is not padded.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() where i < columns - 1 { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i < columns - 1 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) : cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
