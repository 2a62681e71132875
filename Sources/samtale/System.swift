#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SamtaleCore

/// The few operating-system calls the command line needs, straight from libc: Foundation would double the start-up
/// time of `samtale prompt`, which runs from cron and in pipes.
enum System {
    // MARK: Output

    static func printOut(_ text: String) {
        write(text + "\n", to: STDOUT_FILENO)
    }

    /// Writes bytes to standard output, all of them, unbuffered.
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in writeAll(buffer, to: STDOUT_FILENO) }
    }

    static func printError(_ text: String) {
        write(text + "\n", to: STDERR_FILENO)
    }

    /// Writes all of the text, unbuffered, so that nothing is lost when the process exits right after.
    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in writeAll(buffer, to: descriptor) }
    }

    private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return  // A closed pipe (EPIPE) or full disk: nothing more can be said.
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
        if let fixed = fixedNow, let day = CivilDate(iso: String(fixed.prefix(10))) { return day }
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        guard let date = CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) else {
            preconditionFailure("the system clock gives a date outside 1583...9999")
        }
        return date
    }

    /// SAMTALE_NOW, a fixed time (`2026-11-26T09:30:00+01:00`) for reproducible runs: transcripts, examples.
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

    /// Why a path could not be read, as the system words it.
    struct ReadError: Error {
        let path: String
        let reason: String
    }

    static func readFile(_ path: String) throws(ReadError) -> [UInt8] {
        guard let file = fopen(path, "rb") else { throw ReadError(path: path, reason: lastErrorText()) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            bytes += chunk[0..<count]
            if count < chunk.count {
                if ferror(file) != 0 { throw ReadError(path: path, reason: lastErrorText()) }
                return bytes
            }
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// The names in a folder, sorted so that loading order (and so which deck wins) never depends on the file system.
    static func directoryEntries(_ path: String) throws(ReadError) -> [String] {
        guard let directory = opendir(path) else { throw ReadError(path: path, reason: lastErrorText()) }
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

    private static func lastErrorText() -> String {
        String(cString: strerror(errno))
    }
}
