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

    /// The longest a script may take to render before gnuplot is stopped.
    public static let timeout: Double = 600

    /// Runs `gnuplot NAME.gp` in `folder` (the script changes to its own folder anyway), through
    /// the one child-process launcher (``ChildProcess/run(arguments:workingDirectory:environment:input:timeout:stderrLines:)``):
    /// its own process group, stdin closed, stdout discarded.
    ///
    /// - Returns: what gnuplot printed on stderr (warnings; its last 200 lines), trimmed; empty
    ///   when silent.
    /// - Throws: ``Failure`` when gnuplot exits non-zero or is killed, or the launch error
    ///   (``ChildProcessError``).
    @discardableResult
    public func render(script name: String, in folder: URL) throws -> String {
        // gnuplot reads an argument starting with `-` as an option (a problem labelled `-x`
        // has the script `-x-convergence.gp`); `./` makes it a path. The script's change to its
        // own folder strips the script's name from ARG0, leaving `./`.
        let argument = name.hasPrefix("-") ? "./" + name : name
        let run = try ChildProcess.run(arguments: [executable.path, argument], workingDirectory: folder.path, timeout: Self.timeout,
                                       stderrLines: 200)
        let output = run.stderrTail.joined(separator: "\n")
        guard run.status.isSuccess else {
            let status: Int32
            switch run.status {
            case .exited(let code): status = code
            case .signaled(let signal): status = 128 + signal
            }
            throw Failure(script: folder.appendingPathComponent(name).path, status: status, output: output)
        }
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
