import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX calls behind ``ChildProcess``: the monotonic clock, waiting without reaping,
/// close-on-exec pipes and the C strings of argv and the environment.
extension ChildProcess {
    // MARK: - Helpers

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// The status of an exited, unreaped child; nil while it runs.
    static func peek(_ pid: pid_t) -> ChildExitStatus? {
        var info = siginfo_t()
        while true {
            let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
            if result < 0 && errno == EINTR { continue }
            #if os(Linux)
            let found = info._sifields._sigchld.si_pid
            #else
            let found = info.si_pid
            #endif
            guard result == 0, found == pid else { return nil }
            break
        }
        #if os(Linux)
        let code = info._sifields._sigchld.si_status
        #else
        let code = info.si_status
        #endif
        return info.si_code == CLD_EXITED ? .exited(code) : .signaled(code)
    }

    static func waitPeek(_ pid: pid_t, seconds: Double) -> ChildExitStatus? {
        let deadline = now() + seconds
        var pause: UInt32 = 500
        while true {
            if let status = peek(pid) { return status }
            if now() >= deadline { return nil }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }

    static func decode(_ raw: Int32) -> ChildExitStatus {
        let signal = raw & 0x7f
        return signal == 0 ? .exited((raw >> 8) & 0xff) : .signaled(signal)
    }

    /// Held while pipes are created and a child spawned, so a pipe made without O_CLOEXEC
    /// (where pipe2 is missing) never leaks into another thread's child.
    static let spawnLock = NSLock()

    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    private static let pipe2: Pipe2? = symbol("pipe2")
    static let addchdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np")

    private static func symbol<F>(_ name: String) -> F? {
        #if os(Linux)
        let handle = dlopen(nil, RTLD_NOW)
        #else
        let handle = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
        #endif
        guard let pointer = dlsym(handle, name) else { return nil }
        return unsafeBitCast(pointer, to: F.self)
    }

    /// A close-on-exec pipe.
    static func makePipe(_ fds: inout [Int32]) -> Int32 {
        spawnLock.withLock {
            if let pipe2 { return fds.withUnsafeMutableBufferPointer { pipe2($0.baseAddress!, Int32(O_CLOEXEC)) } }
            guard pipe(&fds) == 0 else { return -1 }
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            return 0
        }
    }

    static func ignoreSIGPIPE() {
        _ = sigpipeIgnored
    }

    private static let sigpipeIgnored: Bool = {
        // A child that exits while we write must give EPIPE, not end this process.
        signal(SIGPIPE, SIG_IGN)
        return true
    }()

    static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}
