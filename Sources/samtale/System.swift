#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SamtaleCore

/// libc's `write`, named apart from `System.write`, which would hide it inside `System`.
#if canImport(Glibc)
private let writeDescriptor = Glibc.write
#elseif canImport(Musl)
private let writeDescriptor = Musl.write
#elseif canImport(Darwin)
private let writeDescriptor = Darwin.write
#endif

/// The few operating-system calls the command line needs, straight from libc: Foundation would double the start-up
/// time of `samtale prompt`, which runs from cron and in pipes.
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
        bytes.withUnsafeBufferPointer { buffer in writeAll(buffer, to: STDOUT_FILENO) }
    }

    static func printError(_ text: String) {
        write(text.withoutControlCharacters + "\n", to: STDERR_FILENO)
    }

    /// The error number of the first write to standard output that failed (a full disk, a closed descriptor): what
    /// was asked for is not all there, which `finishOutput` turns into exit 74.
    nonisolated(unsafe) private(set) static var outputError: Int32?

    /// Closes standard output, as the last step of a run, and returns the error number of anything that did not
    /// reach it; some file systems (NFS, quotas) report a failed write only when the file is closed.
    static func finishOutput() -> Int32? {
        if close(STDOUT_FILENO) != 0 && errno != EBADF && errno != EINTR && outputError == nil { outputError = errno }
        return outputError
    }

    /// Writes all of the text, unbuffered, so that nothing is lost when the process exits right after.
    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in writeAll(buffer, to: descriptor) }
    }

    private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        var offset = 0
        while offset < buffer.count {
            let written = writeDescriptor(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                // Standard error has nowhere to report to; standard output's failure is reported at the end.
                if descriptor == STDOUT_FILENO && outputError == nil { outputError = written < 0 ? errno : ENOSPC }
                return
            }
        }
    }

    // MARK: Environment

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Whether standard output is a terminal, where text is wrapped and may be coloured.
    static var standardOutputIsTerminal: Bool {
        isatty(STDOUT_FILENO) == 1
    }

    /// The terminal's width in columns, or nil when standard output is not a terminal.
    static var terminalWidth: Int? {
        guard standardOutputIsTerminal else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return environment("COLUMNS").flatMap(Int.init) ?? 80
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
        guard let date = CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) else {
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

    /// The bytes of a regular file of at most `fileSizeLimit` bytes. A FIFO, device or socket is refused rather than
    /// waited on or read forever, whatever its name (`/dev/stdin` too); so is a larger file.
    static func readFile(_ path: String) throws(ReadError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO must not wait for a writer before it can be refused.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            // A socket cannot be opened at all (ENXIO); say what it is rather than what open said.
            var status = stat()
            if code == ENXIO, stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFSOCK {
                throw ReadError(path: path, reason: Strings.notARegularFile(.socket))
            }
            throw ReadError(path: path, reason: Strings.systemError(code))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ReadError(path: path, reason: Strings.systemError(errno)) }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG else { throw ReadError(path: path, reason: Strings.notARegularFile(fileKind(type))) }
        guard status.st_size <= fileSizeLimit else {
            throw ReadError(path: path, reason: Strings.fileTooLarge(Int(status.st_size), limit: fileSizeLimit))
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return try readToEnd(descriptor, path: path)
    }

    /// All of standard input, whatever it is (a pipe, a terminal, a file), up to `fileSizeLimit` bytes: for
    /// `post --stdin`, the one place that reads it whole. A path the user names is read by `readFile` only.
    static func readStandardInput() throws(ReadError) -> [UInt8] {
        try readToEnd(STDIN_FILENO, path: "/dev/stdin")
    }

    /// The bytes up to the end, bounded: a file that grows while it is read, or a pipe, stops at the limit.
    private static func readToEnd(_ descriptor: Int32, path: String) throws(ReadError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, reason: Strings.systemError(errno))
            }
            bytes += chunk[0..<count]
            if bytes.count > fileSizeLimit {
                throw ReadError(path: path, reason: Strings.fileTooLarge(nil, limit: fileSizeLimit))
            }
        }
    }

    private static func fileKind(_ type: mode_t) -> FileKind {
        switch type {
        case S_IFDIR: .folder
        case S_IFIFO: .fifo
        case S_IFSOCK: .socket
        case S_IFCHR, S_IFBLK: .device
        default: .other
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// The names in a folder, sorted so that loading order (and so which deck wins) never depends on the file system.
    static func directoryEntries(_ path: String) throws(ReadError) -> [String] {
        guard let directory = opendir(path) else { throw ReadError(path: path, reason: Strings.systemError(errno)) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
