import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a text file the user named (a manifest, a template), with a one-line reason and what
/// to do when it cannot be used: missing, a folder, unreadable, or not UTF-8.
public enum TextFile {
    /// The file's text.
    ///
    /// - Throws: ``TextFileError`` saying what the path is instead of a UTF-8 text file.
    /// - Complexity: O(size of the file).
    public static func contents(_ path: String) throws(TextFileError) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { throw TextFileError(path: path, reason: "\(String(cString: strerror(errno)))") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw TextFileError(path: path, reason: "is a folder, not a file; name a file") }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw TextFileError(path: path, reason: "cannot be opened: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]); continue }
            if count == 0 { break }
            if errno == EINTR { continue }
            throw TextFileError(path: path, reason: "cannot be read: \(String(cString: strerror(errno)))")
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Find the first byte that is not UTF-8, for the message.
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            var end = index + 1
            while end < bytes.count && end - index < 4 && bytes[end] & 0xC0 == 0x80 { end += 1 }
            if String(validating: bytes[index..<end], as: UTF8.self) == nil {
                let byte = String(bytes[index], radix: 16, uppercase: true)
                throw TextFileError(path: path, reason: "is not UTF-8 text: byte 0x\(byte.count == 1 ? "0" + byte : byte) at line \(line), column \(column); save it as UTF-8 (for example `iconv -f latin1 -t utf-8`)")
            }
            if bytes[index] == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            index = end
        }
        throw TextFileError(path: path, reason: "is not UTF-8 text; save it as UTF-8")
    }
}

/// A path that is not a readable UTF-8 text file: `PATH: reason` on one line.
public struct TextFileError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}
