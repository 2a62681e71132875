// MARK: - Control characters

extension String {
    /// The text without anything a terminal would act on instead of showing: escape sequences (CSI such as
    /// `ESC[2J`, OSC such as a window title up to BEL or `ESC \`, and two-character ones), the other C0 controls
    /// except line feed and tab, DEL and the C1 controls. Answers may come from anywhere (a `serve` client, a piped
    /// file, a deck file), so every text renderer that may reach a terminal passes its output through here.
    public var withoutControlCharacters: String {
        // Almost every text has none: a scan of the bytes avoids building a copy.
        var bytes = utf8.makeIterator()
        var previous: UInt8 = 0
        var found = false
        while let byte = bytes.next() {
            let isC1 = previous == 0xC2 && (0x80..<0xA0).contains(byte)
            if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F || isC1 {
                found = true
                break
            }
            previous = byte
        }
        guard found else { return self }

        var kept = String.UnicodeScalarView()
        let scalars = Array(unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar.value {
            case 0x1B:
                index = Self.endOfEscape(in: scalars, after: index)
            case 0x0A, 0x09:
                kept.append(scalar)
            case 0x00..<0x20, 0x7F..<0xA0:
                continue
            default:
                kept.append(scalar)
            }
        }
        return String(kept)
    }

    /// Where an escape sequence that began just before `start` ends. A string sequence (OSC, DCS, SOS, PM, APC)
    /// runs to BEL or `ESC \`; one that never ends loses only its introducer, and the rest shows as plain text.
    private static func endOfEscape(in scalars: [Unicode.Scalar], after start: Int) -> Int {
        guard start < scalars.count else { return start }
        switch scalars[start] {
        case "[":
            // CSI: parameter and intermediate bytes, then one final byte (0x40–0x7E).
            var index = start + 1
            while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
            return index < scalars.count && (0x40...0x7E).contains(scalars[index].value) ? index + 1 : index
        case "]", "P", "X", "^", "_":
            var index = start + 1
            while index < scalars.count {
                if scalars[index] == "\u{07}" { return index + 1 }
                if scalars[index] == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "\\" {
                    return index + 2
                }
                index += 1
            }
            return start + 1
        default:
            // A two-character sequence (ESC 7, ESC c, …); an ESC before a control character drops only itself.
            return (0x20...0x7E).contains(scalars[start].value) ? start + 1 : start
        }
    }
}
