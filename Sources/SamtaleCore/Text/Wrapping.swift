// MARK: - Wrapping

/// Wraps `text` to lines of at most `width` columns, breaking at spaces; a word longer than the width stands alone on
/// its line (never split). Existing newlines are kept (each line wrapped on its own); `indent` is put before every
/// line, `firstIndent` (defaults to `indent`) before the first — e.g. "- " and "  " for a bulleted item. Trailing
/// spaces removed.
///
/// Columns are Characters (grapheme clusters), so "æ" and "–" count as one. Only plain spaces
/// break lines (a no-break space keeps "kl. 10" together) and runs of them collapse to one.
/// Any newline ("\n", "\r\n", …) ends a line; lines are joined with "\n". A width below a
/// line's indent + 1 counts as indent + 1, so every line holds at least one word.
public func wrap(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> String {
    var wrapper = LineWrapper(width: width, indent: indent, firstIndent: firstIndent ?? indent)
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
        wrapper.wrap(line)
    }
    return wrapper.lines.joined(separator: "\n")
}

// MARK: - LineWrapper

/// Greedy line filling: collects finished output lines while tracking the one being filled.
private struct LineWrapper {
    let width: Int
    let indent: String
    let firstIndent: String
    /// Finished output lines, without trailing whitespace.
    private(set) var lines: [String] = []
    private var current = ""
    private var currentColumns = 0
    private var currentLimit = 0
    private var currentHasWord = false

    init(width: Int, indent: String, firstIndent: String) {
        self.width = width
        self.indent = indent
        self.firstIndent = firstIndent
    }

    /// Appends the output lines for one input line (which holds no newline).
    mutating func wrap(_ line: Substring) {
        startLine()
        for word in line.split(separator: " ") {
            let columns = word.count
            if currentHasWord, currentColumns + 1 + columns > currentLimit {
                finishLine()
                startLine()
            }
            if currentHasWord {
                current += " "
                currentColumns += 1
            }
            current += word
            currentColumns += columns
            currentHasWord = true
        }
        finishLine()
    }

    /// Begins an output line with its indent.
    private mutating func startLine() {
        current = lines.isEmpty ? firstIndent : indent
        currentColumns = current.count
        currentLimit = max(width, currentColumns + 1)
        currentHasWord = false
    }

    /// Ends the current output line, dropping trailing whitespace (left by an indent on an empty line).
    private mutating func finishLine() {
        while current.last?.isWhitespace == true {
            current.removeLast()
        }
        lines.append(current)
    }
}
