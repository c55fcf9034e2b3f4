import ArgumentParser
@main struct ParzenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parzen")
}
