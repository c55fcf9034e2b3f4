import Foundation

/// Runs `gnuplot SCRIPT` as a child process to turn a script into its PNG.
public struct GnuplotRenderer: Sendable {
    /// The gnuplot executable.
    public let executable: URL

    public init(executable: URL) { self.executable = executable }

    /// The first executable `gnuplot` on PATH, or nil when gnuplot is not installed.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> GnuplotRenderer? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("gnuplot")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return GnuplotRenderer(executable: candidate) }
        }
        return nil
    }

    /// Why a script did not render.
    public struct Failure: Error, CustomStringConvertible {
        public let script: String
        public let status: Int32
        public let output: String
        public var description: String {
            "gnuplot failed on \(script) (exit \(status)): \(output.trimmingCharacters(in: .whitespacesAndNewlines))"
        }
    }

    /// Runs `gnuplot NAME.gp` in `folder` (the script changes to its own folder anyway).
    ///
    /// - Returns: what gnuplot printed on stderr (warnings), trimmed; empty when silent.
    /// - Throws: ``Failure`` when gnuplot exits non-zero, or the launch error.
    @discardableResult
    public func render(script name: String, in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = [name]
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(script: folder.appendingPathComponent(name).path, status: process.terminationStatus, output: output)
        }
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
