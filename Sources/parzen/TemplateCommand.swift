import ArgumentParser
import Foundation
import Parzen
import ParzenBench

/// `parzen template FILE…`: the space Parzen reads from Hyperas-style `{{…}}` markers.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Show the markers of template files and the search space read from them.",
        discussion: """
            A marker is {{uniform(0, 1)}}, {{choice(relu, sigmoid)}} or, named, {{lr: loguniform(-9.2, 0)}}; \
            {{lr}} repeats a named value. An unnamed marker is named pK after its position (K counts every \
            marker in reading order from 1). Several files share one space, numbered in sequence. \
            See docs/external-objectives.md.
            """)

    @Argument(help: "Template files (a script, a config).")
    var files: [String]

    func run() throws {
        var texts: [(text: String, source: String)] = []
        for file in files {
            do { texts.append((try String(contentsOfFile: file, encoding: .utf8), file)) } catch {
                throw BadInput(message: "\(file): cannot read: \(error.localizedDescription)")
            }
        }
        let set: TemplateSet
        do { set = try TemplateSet(parsing: texts) } catch { throw BadInput(message: "\(error)") }
        for (source, marker) in set.allMarkers {
            let position = "\(source):\(marker.line):\(marker.column)"
            switch marker.kind {
            case .parameter:
                let note = marker.isNamed ? "" : "   (unnamed: named \(marker.name) after its position)"
                print("\(position): \(marker.name) = \(marker.expression)\(note)")
            case .reference:
                print("\(position): {{\(marker.name)}} repeats \(marker.name)")
            case .literal(let text):
                print("\(position): writes \(text)")
            }
        }
        print("space: \(set.space)")
    }
}
