// MARK: - JSONWriter

/// Serialises a `JSONValue`: compact on one line (for pipes and the JSON-lines protocol) or indented by two spaces.
/// Object members keep their order, so machine formats are stable from run to run.
///
/// Writes UTF-8 bytes and copies each run of characters that need no escape in one go: the JSON-lines server writes
/// every response with it, and a character at a time was most of its time.
public enum JSONWriter {
    public enum Style: Sendable {
        case compact
        case pretty
    }

    public static func string(_ value: JSONValue, style: Style = .compact) -> String {
        String(decoding: bytes(value, style: style), as: UTF8.self)
    }

    public static func bytes(_ value: JSONValue, style: Style = .compact) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        append(value, style: style, to: &output)
        return output
    }

    /// Writes a value at the end of a buffer, so that many can share one without a copy each.
    public static func append(_ value: JSONValue, style: Style = .compact, to output: inout [UInt8]) {
        write(value, style: style, indent: 0, into: &output)
    }

    private static func write(_ value: JSONValue, style: Style, indent: Int, into output: inout [UInt8]) {
        switch value {
        case .null: output += "null".utf8
        case .bool(let flag): output += (flag ? "true" : "false").utf8
        case .number(let literal): output += literal.utf8
        case .string(let text): writeString(text, into: &output)
        case .array(let elements):
            writeContainer(
                open: UInt8(ascii: "["), close: UInt8(ascii: "]"), count: elements.count, style: style,
                indent: indent, into: &output
            ) { index, output in
                write(elements[index], style: style, indent: indent + 1, into: &output)
            }
        case .object(let members):
            writeContainer(
                open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), count: members.count, style: style,
                indent: indent, into: &output
            ) { index, output in
                writeString(members[index].key, into: &output)
                output.append(UInt8(ascii: ":"))
                if style == .pretty { output.append(UInt8(ascii: " ")) }
                write(members[index].value, style: style, indent: indent + 1, into: &output)
            }
        }
    }

    private static func writeContainer(
        open: UInt8, close: UInt8, count: Int, style: Style, indent: Int, into output: inout [UInt8],
        element: (Int, inout [UInt8]) -> Void
    ) {
        output.append(open)
        guard count > 0 else {
            output.append(close)
            return
        }
        for index in 0..<count {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            if style == .pretty { newline(indent + 1, into: &output) }
            element(index, &output)
        }
        if style == .pretty { newline(indent, into: &output) }
        output.append(close)
    }

    private static func newline(_ indent: Int, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    private static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                // Most bytes need nothing: skip them eight at a time, then one at a time, before looking closer.
                if index + 8 <= bytes.count,
                    !mayNeedAttention(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
                {
                    index += 8
                    continue
                }
                let end = min(index + 8, bytes.count)
                while index < end, !needsAttention(bytes[index]) {
                    index += 1
                }
                guard index < end else { continue }
                let byte = bytes[index]
                let escape: [UInt8]?
                switch byte {
                case UInt8(ascii: "\""): escape = Array(#"\""#.utf8)
                case UInt8(ascii: "\\"): escape = Array(#"\\"#.utf8)
                case 0x0A: escape = Array(#"\n"#.utf8)
                case 0x0D: escape = Array(#"\r"#.utf8)
                case 0x09: escape = Array(#"\t"#.utf8)
                case 0x08: escape = Array(#"\b"#.utf8)
                case 0x0C: escape = Array(#"\f"#.utf8)
                case ..<0x20: escape = Array(("\\u00" + hexDigits(byte)).utf8)
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 break JavaScript string literals.
                    escape = Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                default: escape = nil
                }
                guard let escape else {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: escape)
                index += byte == 0xE2 ? 3 : 1
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// The bytes that may need an escape: control characters, quote, backslash, and 0xE2, which begins U+2028 and
    /// U+2029.
    private static func needsAttention(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2
    }

    /// Whether any of eight bytes needs attention (a false alarm is harmless: they are then looked at one by one).
    /// The tests are the "has a byte less than n" and "has a zero byte" word tricks, exact for n <= 128.
    private static func mayNeedAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highBits != 0 }
        let hasControl = (word &- ones &* 0x20) & ~word & highBits != 0
        return hasControl || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
            || hasZeroByte(word ^ (ones &* 0xE2))
    }

    private static func hexDigits(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
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
