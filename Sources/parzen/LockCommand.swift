import ArgumentParser
import ParzenBench

/// `parzen lock MANIFEST`: prints the lock file collect writes for the manifest.
struct LockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lock",
        abstract: "Print the manifest.lock.yaml that collect writes for a manifest (the manifest as run, how every cell's seeds are derived).",
        discussion: """
            The lock file depends on the manifest alone, so this writes it again for a results folder \
            without its cells: parzen lock experiments/NAME.yaml > results/NAME/manifest.lock.yaml \
            (run from where the manifest was run, since the lock records its path as given).
            """)

    @Argument(help: "The manifest (YAML or JSON).")
    var manifest: String

    func run() throws {
        print(try loadManifest(manifest).lockFileText, terminator: "")
    }
}
