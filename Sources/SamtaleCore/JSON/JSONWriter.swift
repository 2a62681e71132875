// MARK: - JSONWriter

/// Serialises a `JSONValue`: compact on one line (for pipes and the JSON-lines protocol) or indented by two spaces.
/// Object members keep their order, so machine formats are stable from run to run.
public enum JSONWriter {
    public enum Style: Sendable {
        case compact
        case pretty
    }

    public static func string(_ value: JSONValue, style: Style = .compact) -> String {
        var output = ""
        write(value, style: style, indent: 0, into: &output)
        return output
    }

    private static func write(_ value: JSONValue, style: Style, indent: Int, into output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let literal): output += literal
        case .string(let text): writeString(text, into: &output)
        case .array(let elements):
            writeContainer(open: "[", close: "]", count: elements.count, style: style, indent: indent, into: &output) { index, output in
                write(elements[index], style: style, indent: indent + 1, into: &output)
            }
        case .object(let members):
            writeContainer(open: "{", close: "}", count: members.count, style: style, indent: indent, into: &output) { index, output in
                writeString(members[index].key, into: &output)
                output += style == .pretty ? ": " : ":"
                write(members[index].value, style: style, indent: indent + 1, into: &output)
            }
        }
    }

    private static func writeContainer(
        open: String, close: String, count: Int, style: Style, indent: Int, into output: inout String,
        element: (Int, inout String) -> Void
    ) {
        output += open
        guard count > 0 else {
            output += close
            return
        }
        for index in 0..<count {
            if index > 0 { output += "," }
            if style == .pretty { output += "\n" + String(repeating: "  ", count: indent + 1) }
            element(index, &output)
        }
        if style == .pretty { output += "\n" + String(repeating: "  ", count: indent) }
        output += close
    }

    private static func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{00}"..."\u{1F}", "\u{2028}", "\u{2029}":
                // Control characters, and the two separators that break JavaScript string literals.
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}

// MARK: - Building values

extension JSONValue {
    /// A string array, the commonest shape in decks and prompts.
    public static func strings(_ texts: [String]) -> JSONValue {
        .array(texts.map(JSONValue.string))
    }

    /// An integer as a JSON number.
    public static func integer(_ number: Int) -> JSONValue {
        .number(String(number))
    }

    /// A string, or `null` when absent.
    public static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }
}
