import SamtaleCore
import TerminalAdapter

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The operating-system calls of the command line itself (output, environment, clock, signals, waiting for input,
/// child processes), straight from libc: Foundation would double the start-up time of `samtale prompt`, which runs
/// from cron and in pipes. Files and folders go through the core's `FileSystem`, the terminal's calls through
/// `TerminalDevice`.
enum System {
    // MARK: Output

    static func printOut(_ text: String) {
        put(text + "\n")
    }

    /// Writes text to standard output as it is, for a prompt that waits on the same line.
    static func put(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    /// Writes bytes to standard output, all of them, unbuffered.
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in writeAll(buffer, to: STDOUT_FILENO) }
    }

    /// A reader that has gone (`samtale … | head -1`, a `serve` client that closed its end, a `samtale-http` that
    /// died) makes a write to it fail with EPIPE, which is reported (standard output's by `end`, as exit 74), where
    /// SIGPIPE would end the process without a word. Children inherit it: a `samtale-http` whose samtale has gone
    /// drops its answer instead of dying.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    static func printError(_ text: String) {
        write(text.withoutControlCharacters + "\n", to: STDERR_FILENO)
    }

    /// The error number of the first write to standard output that failed (a full disk, a closed descriptor): what
    /// was asked for is not all there, which `end` turns into exit 74.
    nonisolated(unsafe) private(set) static var outputError: Int32?

    /// Ends the process with `status` after closing standard output: output that did not arrive (a full disk,
    /// /dev/full, a closed descriptor) is an I/O error, never a quiet success. Some file systems (NFS, quotas) report
    /// a failed write only when the file is closed.
    static func end(_ status: Int32, language: Language) -> Never {
        if close(STDOUT_FILENO) != 0 && errno != EBADF && errno != EINTR && outputError == nil { outputError = errno }
        guard let outputError else { exit(status) }
        printError("samtale: \(CommandLineStrings.cannotWriteOutput(Strings.systemError(outputError))[language])")
        exit(status == 0 ? 74 : status)
    }

    /// Writes all of the text, unbuffered, so that nothing is lost when the process exits right after.
    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in writeAll(UnsafeRawBufferPointer(buffer), to: descriptor) }
    }

    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) {
        guard let code = FileSystem.writeAll(buffer, to: descriptor) else { return }
        // Standard error has nowhere to report to; standard output's failure is reported at the end.
        if descriptor == STDOUT_FILENO && outputError == nil { outputError = code }
    }

    // MARK: Environment

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Every variable of the environment, for `chat cgi`, whose request comes in variables it cannot name ahead
    /// (`HTTP_*`). A variable without "=" is no variable and is left out.
    static var environmentVariables: [String: String] {
        var variables: [String: String] = [:]
        var entry = ChildProcess.environment
        while let pointer = entry?.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry = entry?.successor()
        }
        return variables
    }

    /// The terminal's width in columns, or nil when standard output is not a terminal.
    static var terminalWidth: Int? {
        TerminalDevice.outputWidth(environment: environment)
    }

    /// Today in local time (the TZ of the machine or the environment), or the day of SAMTALE_NOW.
    static var today: CivilDate {
        // The day as written in SAMTALE_NOW, whose offset is the one its writer meant.
        if let fixed = fixedNow, Timestamp(iso: fixed) != nil, let day = CivilDate(iso: String(fixed.prefix(10))) {
            return day
        }
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        guard
            let date = CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        else {
            preconditionFailure("the system clock gives a date outside 1583...9999")
        }
        return date
    }

    /// SAMTALE_NOW, a fixed time (`2026-11-26T09:30:00+01:00`) for reproducible runs: transcripts, examples.
    /// Every command checks that it is a `Timestamp` before it runs.
    static let fixedNow: String? = environment("SAMTALE_NOW").flatMap { $0.isEmpty ? nil : $0 }

    /// Now as a moment (SAMTALE_NOW if set), for what expires: state tokens.
    static var instant: Timestamp {
        fixedNow.flatMap(Timestamp.init(iso:)) ?? Timestamp(secondsSinceEpoch: Int64(time(nil)))
    }

    /// The last time formatted, by its second: a server formats the same second for many requests.
    nonisolated(unsafe) private static var lastNow: (second: time_t, text: String) = (-1, "")

    /// Now in local time with its offset, `2026-11-26T09:30:00+01:00`, for session records; SAMTALE_NOW if set.
    static func now() -> String {
        if let fixedNow { return fixedNow }
        var clock = time(nil)
        if clock == lastNow.second { return lastNow.text }
        var parts = tm()
        localtime_r(&clock, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
        let text = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // strftime gives +0100; ISO 8601 as most readers expect it has +01:00.
        let formatted = text.count >= 5 ? String(text.dropLast(2)) + ":" + String(text.suffix(2)) : text
        lastNow = (clock, formatted)
        return formatted
    }

    /// A seed for `--random` without `--seed`.
    static func randomSeed() -> UInt64 {
        UInt64.random(in: .min ... .max)
    }

    // MARK: Files

    /// The largest file read as a deck, flow or targets file: far beyond any real one (the largest built-in deck is
    /// under 200 KiB), and small enough that a wrong path never fills the memory.
    static let fileSizeLimit = 16 << 20

    /// Why a path could not be read.
    struct ReadError: Error {
        let path: String
        let reason: Localized
    }

    /// The bytes of a regular file of at most `fileSizeLimit` bytes: a FIFO, a device, a socket or a larger file
    /// is refused, whatever its name (`/dev/stdin` too).
    static func readFile(_ path: String) throws(ReadError) -> [UInt8] {
        do {
            return try FileSystem.readRegularFile(path, limit: fileSizeLimit)
        } catch {
            throw ReadError(path: path, reason: error.message)
        }
    }

    /// All of standard input, whatever it is (a pipe, a terminal, a file), up to `fileSizeLimit` bytes: for
    /// `post --stdin`, the one place that reads it whole. A path the user names is read by `readFile` only.
    static func readStandardInput() throws(ReadError) -> [UInt8] {
        do {
            return try FileSystem.readToEnd(STDIN_FILENO, limit: fileSizeLimit)
        } catch {
            throw ReadError(path: "/dev/stdin", reason: error.message)
        }
    }

    /// The names in a folder, sorted so that loading order (and so which deck wins) never depends on the file system.
    static func directoryEntries(_ path: String) throws(ReadError) -> [String] {
        do {
            return try FileSystem.directoryEntries(path)
        } catch {
            throw ReadError(path: path, reason: error.message)
        }
    }
}

// MARK: - Interrupts

/// The pipe through which the signal handler wakes a waiting read (the self-pipe trick): a signal that arrives at
/// any moment, even just before the wait begins, is seen. A plain global, as a signal handler may touch nothing else.
nonisolated(unsafe) private var signalPipe: (read: Int32, write: Int32) = (-1, -1)

/// Set by the signal handler too, so that lines already read are not worked through after the signal: checking a
/// flag costs nothing per line, where polling the pipe would cost a system call.
nonisolated(unsafe) private var signalArrived = false

/// The handler of SIGINT and SIGTERM: only what a signal handler may do. Outside `System`, whose own `write` would
/// hide libc's.
private func noteInterrupt(_: Int32) {
    signalArrived = true
    var byte: UInt8 = 1
    _ = write(signalPipe.write, &byte, 1)
}

extension System {
    /// Has SIGINT (Ctrl-C) and SIGTERM set a flag and wake `waitForInput`, instead of ending the process: a
    /// conversation pauses and saves, a server finishes the request at hand and exits.
    static func catchInterrupts() {
        if signalPipe.read < 0 {
            var descriptors: [Int32] = [-1, -1]
            if pipe(&descriptors) == 0 {
                for descriptor in descriptors {
                    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
                    _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
                }
                signalPipe = (descriptors[0], descriptors[1])
            }
        }
        var action = sigaction()
        // The handler's field is in a union whose name each C library chooses.
        #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = noteInterrupt
        #elseif canImport(Musl)
            action.__sa_handler.sa_handler = noteInterrupt
        #else
            action.__sigaction_handler.sa_handler = noteInterrupt
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        // A parent may start samtale with these signals blocked (a test runner's thread, some supervisors); blocked,
        // they would never reach the handler, and a server would never stop.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Whether SIGINT or SIGTERM arrived and has not been taken yet.
    static var interruptArrived: Bool {
        signalArrived
    }

    /// Becomes readable when SIGINT or SIGTERM arrives (after `catchInterrupts`): a server polls it beside its
    /// sockets.
    static var interruptDescriptor: Int32 {
        signalPipe.read
    }

    /// Takes the signal that arrived: the flag cleared and the pipe drained, so that the next wait waits again.
    static func takeInterrupt() {
        signalArrived = false
        var drained = [UInt8](repeating: 0, count: 64)
        while read(signalPipe.read, &drained, drained.count) > 0 {}
    }

    /// What waiting for standard input gave.
    enum InputWait {
        /// There is something to read (perhaps its end).
        case ready
        /// SIGINT or SIGTERM arrived.
        case interrupted
        /// Woken for nothing (another signal): wait again.
        case again
        /// Standard input cannot be waited on; treat it as ended.
        case failed
        /// The deadline passed first.
        case timedOut
    }

    /// Waits until standard input has something to read or an interrupt arrives, whichever is first, or until
    /// `deadline` (seconds of `Clock.monotonic`) when one is given.
    static func waitForInput(until deadline: Double? = nil) -> InputWait {
        var waiting = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: signalPipe.read, events: Int16(POLLIN), revents: 0),
        ]
        let milliseconds = deadline.map { Int32(max(0, min(($0 - Clock.monotonic()) * 1000, 3_600_000))) } ?? -1
        let ready = poll(&waiting, nfds_t(waiting.count), milliseconds)
        if ready < 0 { return errno == EINTR ? .again : .failed }
        if ready == 0, deadline != nil { return .timedOut }
        if waiting[1].revents & Int16(POLLIN) != 0 { return .interrupted }
        return waiting[0].revents != 0 ? .ready : .again
    }

    /// Reads what standard input has onto `buffer`; the number of bytes, 0 at its end (or on an error other than
    /// EINTR).
    static func readInput(onto buffer: inout [UInt8]) -> Int {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(STDIN_FILENO, &chunk, chunk.count)
            if count > 0 {
                buffer += chunk[0..<count]
                return count
            }
            if count < 0 && errno == EINTR { continue }
            return 0
        }
    }
}

// MARK: - Clock

enum Clock {
    /// Seconds on a clock that never jumps, for waits.
    static func monotonic() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Seconds since 1970, for `Retry-After` dates.
    static func epoch() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}

// MARK: - Child processes

extension System {
    /// The running program's own file: `/proc/self/exe` on Linux, `_NSGetExecutablePath` on macOS; "" if unknown.
    static var executablePath: String {
        #if canImport(Darwin)
            var size = UInt32(PATH_MAX) + 1
            var buffer = [CChar](repeating: 0, count: Int(size))
            guard _NSGetExecutablePath(&buffer, &size) == 0, let resolved = realpath(buffer, nil) else { return "" }
            defer { free(resolved) }
            return String(cString: resolved)
        #else
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            return count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        #endif
    }

    /// A program started with a pipe to its standard input and one from its standard output; its standard error is
    /// this process's.
    struct ChildProcess {
        private let pid: pid_t
        private let input: Int32
        private let output: Int32

        /// This process's environment, which the child inherits (its proxy settings, for one).
        static var environment: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
            #if canImport(Darwin)
                _NSGetEnviron()?.pointee
            #else
                environ
            #endif
        }

        /// Starts the executable at `path` without arguments; nil when it is not executable or cannot be started.
        static func start(_ path: String) -> ChildProcess? {
            guard access(path, X_OK) == 0 else { return nil }
            var toChild: [Int32] = [0, 0]
            var fromChild: [Int32] = [0, 0]
            guard pipe(&toChild) == 0 else { return nil }
            guard pipe(&fromChild) == 0 else {
                for descriptor in toChild { close(descriptor) }
                return nil
            }
            #if canImport(Darwin)
                var actions: posix_spawn_file_actions_t?
            #else
                var actions = posix_spawn_file_actions_t()
            #endif
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, toChild[0], STDIN_FILENO)
            posix_spawn_file_actions_adddup2(&actions, fromChild[1], STDOUT_FILENO)
            for descriptor in toChild + fromChild { posix_spawn_file_actions_addclose(&actions, descriptor) }
            var pid: pid_t = 0
            let arguments: [UnsafeMutablePointer<CChar>?] = [strdup(path), nil]
            defer { for argument in arguments { free(argument) } }
            let status = posix_spawn(&pid, path, &actions, nil, arguments, environment)
            close(toChild[0])
            close(fromChild[1])
            guard status == 0 else {
                close(toChild[1])
                close(fromChild[0])
                return nil
            }
            return ChildProcess(pid: pid, input: toChild[1], output: fromChild[0])
        }

        /// Writes all of `bytes` to the child's standard input; false when the child no longer reads it.
        func send(_ bytes: [UInt8]) -> Bool {
            FileSystem.writeAll(bytes, to: input) == nil
        }

        /// What reading the child's standard output gave.
        enum Output {
            /// What it wrote since the last read.
            case bytes([UInt8])
            /// Nothing within the wait, or a signal cut it short.
            case nothingYet
            /// The child closed its output (or reading it failed): it ended.
            case ended
        }

        /// What the child writes within `seconds` (nil: waiting until it writes).
        func receive(waitingAtMost seconds: Double?) -> Output {
            var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let milliseconds = seconds.map { Int32(min($0 * 1000 + 1, 86_400_000)) } ?? -1
            guard poll(&descriptor, 1, milliseconds) > 0 else { return .nothingYet }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(output, &chunk, chunk.count)
            if count < 0 && errno == EINTR { return .nothingYet }
            return count > 0 ? .bytes(Array(chunk[0..<count])) : .ended
        }

        /// Closes the child's input, so that it ends, and its output, and waits for it.
        func finish() {
            close(input)
            close(output)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
    }
}
