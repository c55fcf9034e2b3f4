import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads stdout into a buffer and splits it into lines.
struct LineReader: ~Copyable {
    var fd: Int32
    /// Bytes read and not yet taken start at `start`.
    var buffer: [UInt8] = []
    var start = 0
    var atEOF = false
    /// What each `read` fills: allocated once, at the first read.
    private var chunk: [UInt8] = []

    init(fd: Int32) { self.fd = fd }

    mutating func takeLine() -> String? {
        guard let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) else {
            if atEOF && start < buffer.count {
                // A final unterminated line.
                let line = String(decoding: buffer[start...], as: UTF8.self)
                start = buffer.count
                return line
            }
            return nil
        }
        var end = newline
        if end > start && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = String(decoding: buffer[start..<end], as: UTF8.self)
        start = newline + 1
        if start == buffer.count {
            // All taken (the usual case: one reply per read): reuse the storage from its start.
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 65_536 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        return line
    }

    /// Reads what is available; sets `atEOF` at end of file.
    mutating func fill() {
        if chunk.isEmpty { chunk = [UInt8](repeating: 0, count: 65_536) }
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                if count < chunk.count { return }
                continue
            }
            if count == 0 { atEOF = true; return }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return }
            atEOF = true
            return
        }
    }
}

/// The last lines of stderr.
private struct StderrRing: ~Copyable {
    let capacity: Int
    var complete: [String] = []
    var partial: [UInt8] = []
    /// Each kept line is cut to this many bytes.
    let lineLimit = 1000

    init(capacity: Int) { self.capacity = capacity }

    mutating func append(_ bytes: ArraySlice<UInt8>) {
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                var line = partial
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                complete.append(String(decoding: line, as: UTF8.self))
                if complete.count > capacity { complete.removeFirst(complete.count - capacity) }
                partial.removeAll(keepingCapacity: true)
            } else if partial.count < lineLimit {
                partial.append(byte)
            }
        }
    }

    func lines() -> [String] {
        var result = complete
        if !partial.isEmpty { result.append(String(decoding: partial, as: UTF8.self)) }
        return Array(result.suffix(capacity))
    }
}


/// Reads a child's stderr on its own thread into a ring of lines. The thread holds this
/// object, not the ``ChildProcess``, so the process can be released (and its deinit run) while
/// the thread reads; the thread ends at end of file or after ``stop()``.
final class StderrCollector: Sendable {
    private let ring: Locked<StderrRing>
    private let done = Atomic<Bool>(false)
    private let stopRequested = Atomic<Bool>(false)

    init(capacity: Int) { ring = Locked(StderrRing(capacity: capacity)) }

    func start(fd: Int32) {
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&descriptor, 1, 50)
                if ready == 0 {
                    if stopRequested.load(ordering: .acquiring) { break }
                    continue
                }
                if ready < 0 { if errno == EINTR { continue } else { break } }
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                if count > 0 {
                    ring.withLock { $0.append(buffer[0..<count]) }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    break
                }
            }
            close(fd)
            done.store(true, ordering: .releasing)
        }
        thread.name = "parzen.child.stderr"
        thread.start()
    }

    func lines() -> [String] { ring.withLock { $0.lines() } }

    func waitUntilDone(seconds: Double) {
        let deadline = ChildProcess.now() + seconds
        while !done.load(ordering: .acquiring) && ChildProcess.now() < deadline { usleep(1_000) }
    }

    func stop() { stopRequested.store(true, ordering: .releasing) }
}
