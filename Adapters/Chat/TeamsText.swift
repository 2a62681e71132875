import SamtaleCore

// MARK: - TeamsText

/// The text of a Teams message as the person typed it: Teams sends it as HTML, with each @mention as
/// `<at>Name</at>` and the characters HTML reserves (and a trailing no-break space) as entities.
enum TeamsText {
    /// `html` without the mention that called samtale, entities decoded, trimmed. Mentions are read before entities
    /// are decoded, so an `&lt;at&gt;` the person typed stays as text.
    static func plain(_ html: String) -> String {
        decodingEntities(withoutMentions(html)).trimmingWhitespace
    }

    /// The first mention cut out: an outgoing webhook is called by mentioning it, so that one is samtale. Every
    /// later mention is of someone the text is about, and stays as the name it shows.
    private static func withoutMentions(_ html: String) -> String {
        var rest = html[...]
        var text = ""
        var isFirst = true
        while let open = rest.firstRange(of: "<at") {
            let after = rest[open.upperBound...]
            guard after.first == ">" || after.first == " ", let tagEnd = after.firstIndex(of: ">"),
                let close = after[tagEnd...].firstRange(of: "</at>")
            else {
                // `<atlas>` or an unclosed tag: text, kept as it is.
                text += rest[..<open.upperBound]
                rest = after
                continue
            }
            text += rest[..<open.lowerBound]
            if !isFirst { text += after[after.index(after: tagEnd)..<close.lowerBound] }
            isFirst = false
            rest = after[close.upperBound...]
        }
        return text + rest
    }

    /// The named entities HTML reserves, and numeric ones; anything else that starts with `&` is left as it is.
    private static func decodingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [Substring: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        ]
        var rest = text[...]
        var decoded = ""
        while let ampersand = rest.firstIndex(of: "&") {
            decoded += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            guard let semicolon = rest[afterAmpersand...].prefix(10).firstIndex(of: ";") else {
                decoded += "&"
                rest = rest[afterAmpersand...]
                continue
            }
            let name = rest[afterAmpersand..<semicolon]
            if let character = named[name] ?? numericCharacter(name) {
                decoded += character
                rest = rest[rest.index(after: semicolon)...]
            } else {
                decoded += "&"
                rest = rest[afterAmpersand...]
            }
        }
        return decoded + rest
    }

    /// `#39` or `#x27` as the character it numbers; nil for anything else, and for NUL and surrogates.
    private static func numericCharacter(_ name: Substring) -> String? {
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let isHex = digits.hasPrefix("x") || digits.hasPrefix("X")
        guard let value = isHex ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits), value != 0,
            let scalar = Unicode.Scalar(value)
        else { return nil }
        return String(scalar)
    }
}
