#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SamtaleCore

// MARK: - Input

/// What reading one line of input gave; the executable reads, the adapter only translates.
public enum LineRead: Equatable, Sendable {
    case line(String)
    /// Ctrl-D on a terminal, or the end of a piped file.
    case endOfInput
    /// Ctrl-C (SIGINT) or SIGTERM while waiting for input.
    case interrupted
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
                             interactive: outputIsTerminal && isatty(STDIN_FILENO) == 1)
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
