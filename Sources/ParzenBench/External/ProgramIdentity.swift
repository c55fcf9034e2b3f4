import Foundation

/// What identifies an external program beyond its command line: the content of the files its
/// command names (docs/external-objectives.md, "What invalidates cells").
///
/// Every argument that names an existing regular file, relative to the folder Parzen runs in,
/// counts: the script after an interpreter (`python3 worker.py`), a configuration file, and the
/// program itself when it is given as a path (`./worker.sh`). A bare program name looked up on
/// `PATH` (`python3`) does not: interpreters and libraries are the environment, not the program.
/// Modules a script imports are not followed.
public enum ProgramIdentity {
    /// A 16-hex-digit hash of `path#content` for every file the command names, in argument
    /// order; nil when it names none.
    ///
    /// - Complexity: reads each named file once, O(total size).
    public static func hash(command: [String], workingDirectory: String? = nil) -> String? {
        var parts: [String] = []
        for (index, argument) in command.enumerated() {
            if index == 0 && !argument.contains("/") { continue }
            guard !argument.isEmpty, !argument.contains("{{"), argument.utf8.count < 4096 else { continue }
            let path = argument.hasPrefix("/") || workingDirectory == nil ? argument : "\(workingDirectory!)/\(argument)"
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
                  let data = FileManager.default.contents(atPath: path) else { continue }
            parts.append("\(argument)#\(SeedDerivation.fingerprint(hash: SeedDerivation.fnv1a64([UInt8](data))))")
        }
        return parts.isEmpty ? nil : SeedDerivation.fingerprint(parts.joined(separator: ";"))
    }
}
