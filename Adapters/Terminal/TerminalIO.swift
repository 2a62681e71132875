#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SamtaleCore

// MARK: - Input

/// What reading one line of input gave.
public enum LineRead: Equatable, Sendable {
    case line(String)
    /// Ctrl-D on a terminal, or the end of a piped file.
    case endOfInput
    /// Ctrl-C (SIGINT) or SIGTERM while waiting for input.
    case interrupted
}

/// The pipe through which the signal handler wakes a waiting read (the self-pipe trick): a signal that arrives at
/// any moment, even just before the wait begins, is seen. A plain global, as a signal handler may touch nothing else.
nonisolated(unsafe) private var signalPipe: (read: Int32, write: Int32) = (-1, -1)

/// Standard input, one line at a time, straight from the file descriptor, so that Ctrl-C (SIGINT) or SIGTERM while
/// waiting for an answer pauses and saves the conversation instead of killing it.
public struct StandardInput: ~Copyable {
    private var buffer: [UInt8] = []
    private var atEnd = false

    public init() {
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
        action.__sigaction_handler.sa_handler = { _ in
            var byte: UInt8 = 1
            _ = write(signalPipe.write, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
    }

    /// Whether standard input is a terminal (a person typing) rather than a pipe or a file.
    public static var isTerminal: Bool {
        isatty(STDIN_FILENO) == 1
    }

    public mutating func readLine() -> LineRead {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
            }
            if atEnd {
                guard !buffer.isEmpty else { return .endOfInput }
                let line = String(decoding: buffer, as: UTF8.self)
                buffer.removeAll()
                return .line(line)
            }
            var waiting = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: signalPipe.read, events: Int16(POLLIN), revents: 0)]
            if poll(&waiting, nfds_t(waiting.count), -1) < 0 {
                if errno != EINTR { atEnd = true }
                continue
            }
            if waiting[1].revents & Int16(POLLIN) != 0 {
                var drained = [UInt8](repeating: 0, count: 64)
                while read(signalPipe.read, &drained, drained.count) > 0 {}
                return .interrupted
            }
            guard waiting[0].revents != 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(STDIN_FILENO, &chunk, chunk.count)
            if count > 0 {
                buffer += chunk[0..<count]
            } else if count == 0 || errno != EINTR {
                atEnd = true
            }
        }
    }
}

// MARK: - Output

/// How text is shown: wrapped to the terminal and emphasised only on a terminal, never with NO_COLOR.
public struct TerminalStyle: Sendable {
    /// Columns to wrap at; nil when output is not a terminal.
    public let width: Int?
    public let usesColour: Bool
    /// Whether to show a "> " prompt (a person at a terminal) or plain lines (a script).
    public let interactive: Bool

    public init(width: Int?, usesColour: Bool, interactive: Bool) {
        self.width = width
        self.usesColour = usesColour
        self.interactive = interactive
    }

    /// The style for this process: looks at stdout, stdin, NO_COLOR and the terminal's size.
    public static func current(environment: (String) -> String?) -> TerminalStyle {
        let outputIsTerminal = isatty(STDOUT_FILENO) == 1
        var width: Int?
        if outputIsTerminal {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
                width = Int(size.ws_col)
            } else {
                width = environment("COLUMNS").flatMap(Int.init) ?? 80
            }
        }
        let noColour = environment("NO_COLOR").map { !$0.isEmpty } ?? false
        return TerminalStyle(width: width, usesColour: outputIsTerminal && !noColour,
                             interactive: outputIsTerminal && StandardInput.isTerminal)
    }

    func bold(_ text: String) -> String {
        usesColour ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    func dim(_ text: String) -> String {
        usesColour ? "\u{1B}[2m\(text)\u{1B}[0m" : text
    }

    func warning(_ text: String) -> String {
        usesColour ? "\u{1B}[33m\(text)\u{1B}[0m" : text
    }

    func wrapped(_ text: String, indent: String = "", firstIndent: String? = nil) -> String {
        guard let width else { return (firstIndent ?? indent) + text }
        return wrap(text, width: width, indent: indent, firstIndent: firstIndent)
    }
}

/// Writes to standard output unbuffered, so every line is out before the next read.
enum TerminalOutput {
    static func put(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    static func putLine(_ text: String = "") {
        put(text + "\n")
    }
}
