import SamtaleCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - Device

/// The terminal's system calls, here with the adapter that owns terminals (the core knows none). `isatty` and the
/// `TIOCGWINSZ` ioctl have the same names on Linux and macOS.
public enum TerminalDevice {
    /// Whether standard input is a terminal (a person typing) rather than a pipe or a file.
    public static var inputIsTerminal: Bool {
        isatty(STDIN_FILENO) == 1
    }

    /// Whether standard output is a terminal, where text is wrapped and may be coloured.
    public static var outputIsTerminal: Bool {
        isatty(STDOUT_FILENO) == 1
    }

    /// The width of standard output's terminal in columns (COLUMNS, else 80, when the terminal does not say), or
    /// nil when standard output is not a terminal.
    public static func outputWidth(environment: (String) -> String?) -> Int? {
        guard outputIsTerminal else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return environment("COLUMNS").flatMap(Int.init) ?? 80
    }
}

// MARK: - Input

/// What reading one line of input gave; the executable reads, the adapter only translates.
public enum LineRead: Equatable, Sendable {
    case line(String)
    /// Ctrl-D on a terminal, or the end of a piped file.
    case endOfInput
    /// Ctrl-C (SIGINT) or SIGTERM while waiting for input.
    case interrupted
    /// A line longer than `limit` bytes, dropped unread rather than held in memory; the question is asked again.
    case tooLong(limit: Int)
}

// MARK: - Output

/// How text is shown: wrapped to the terminal and emphasised only on a terminal that can show it (not with
/// `TERM=dumb` or no TERM at all), never with NO_COLOR.
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

    /// The style for this process: looks at stdout, stdin, NO_COLOR, TERM and the terminal's size.
    public static func current(environment: (String) -> String?) -> TerminalStyle {
        let outputIsTerminal = TerminalDevice.outputIsTerminal
        let noColour = environment("NO_COLOR").map { !$0.isEmpty } ?? false
        let terminal = environment("TERM") ?? ""
        let showsEmphasis = !terminal.isEmpty && terminal != "dumb"
        return TerminalStyle(
            width: TerminalDevice.outputWidth(environment: environment),
            usesColour: outputIsTerminal && !noColour && showsEmphasis,
            interactive: outputIsTerminal && TerminalDevice.inputIsTerminal)
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

    /// The text as the terminal may show it: control characters out, then wrapped to the width.
    func wrapped(_ text: String, indent: String = "", firstIndent: String? = nil) -> String {
        let text = text.withoutControlCharacters
        guard let width else { return (firstIndent ?? indent) + text }
        return wrap(text, width: width, indent: indent, firstIndent: firstIndent)
    }
}

/// Where the adapter's text goes: the executable's standard output, which writes at once and checks every write.
public struct TerminalOutput {
    private let write: (String) -> Void

    public init(write: @escaping (String) -> Void) {
        self.write = write
    }

    func put(_ text: String) {
        write(text)
    }

    func putLine(_ text: String = "") {
        write(text + "\n")
    }
}
