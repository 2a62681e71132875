// MARK: - Control characters

extension String {
    /// The text without anything a terminal would act on instead of showing: escape sequences (CSI such as
    /// `ESC[2J`, OSC such as a window title up to BEL or `ESC \`, and two-character ones), the other C0 controls
    /// except line feed and tab, DEL and the C1 controls; and the bidirectional embeddings, overrides and isolates
    /// (U+202A–U+202E, U+2066–U+2069), which turn the rest of a line around, so that what is shown is not what was
    /// written. The marks (U+200E, U+200F, U+061C) stay: they set the direction of one place only, and right-to-left
    /// text needs them. Answers may come from anywhere (a `serve` client, a piped file, a deck file), so every text
    /// renderer that may reach a terminal passes its output through here.
    public var withoutControlCharacters: String {
        // Almost every text has none: a scan of the bytes avoids building a copy.
        var bytes = utf8.makeIterator()
        var (beforePrevious, previous): (UInt8, UInt8) = (0, 0)
        var found = false
        while let byte = bytes.next() {
            let isC1 = previous == 0xC2 && (0x80..<0xA0).contains(byte)
            // E2 80 AA–AE and E2 81 A6–A9 in UTF-8.
            let isBidi =
                beforePrevious == 0xE2
                && (previous == 0x80 && (0xAA...0xAE).contains(byte)
                    || previous == 0x81 && (0xA6...0xA9).contains(byte))
            if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F || isC1 || isBidi {
                found = true
                break
            }
            (beforePrevious, previous) = (previous, byte)
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
            case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
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
