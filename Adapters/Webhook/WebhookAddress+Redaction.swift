import SamtaleCore

// MARK: - Redaction

extension WebhookAddress {
    /// A text with every secret part of the URL (userinfo, path, query, fragment) cut out, however a server or a
    /// person quoted it: the forms README's "Secrets" lists. The one way samtale cleans what it prints about a webhook.
    public func redacting(_ text: String) -> String {
        let secrets = Self.secrets(of: url, origin: redacted)
        // The secrets that may start at a byte: those whose form starts with it, or with what an escape there stands
        // for. A platform's answer may be 64 KiB long.
        var startingWith = [[Int]](repeating: [], count: 256)
        for (number, secret) in secrets.enumerated() { startingWith[Int(secret.form[0])].append(number) }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            var candidates = startingWith[Int(Self.lowercased(bytes[index]))]
            if let (value, _) = Self.escaped(in: bytes, at: index) {
                // In the order of `secrets`, longest first.
                candidates = (candidates + startingWith[Int(Self.lowercased(value))]).sorted()
            }
            if let (length, secret) = candidates.lazy.compactMap({ number in
                Self.matchLength(of: secrets[number], in: bytes, at: index).map { ($0, secrets[number]) }
            }).first {
                result += secret.replacement
                index += length
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// One form of a secret (lowercase) and what takes its place.
    struct Secret {
        let form: [UInt8]
        let replacement: [UInt8]
        /// Only where it stands as a word of its own: a short user name (`bot`) must not eat into `robot`.
        let wholeWord: Bool
    }

    /// Pieces of the path and query shorter than this are not looked for alone: `v1` or `1` would cut letters out of
    /// any text, and no platform's secret is that short. They are still cut wherever the whole path is quoted.
    static let shortestSecretPiece = 6

    /// The fixed words of the platforms' URLs (WebhookAddress recognises them by these): not secrets, and words a
    /// platform's message may well use.
    static let publicPieces: Set<String> = [
        "services", "webhooks", "spaces", "messages", "powerautomate", "automations", "direct", "workflows", "triggers",
        "manual", "invoke", "external", "slack_incoming", "api-version", "%2ftriggers%2fmanual%2frun", "api_key",
    ]

    /// What `redacting` looks for and what it puts in its place, longest first: the whole URL becomes the origin and
    /// `/…`, the part after the host `/…`, and each piece of that part, the userinfo and its user and password `…`.
    /// Pieces are also looked for as base64 and hex, as an `Authorization` header or a log may carry them; a short
    /// piece of the userinfo, in any form, only as a word of its own.
    static func secrets(of url: String, origin: String) -> [Secret] {
        guard let sections = URLParts.sections(of: url) else { return [] }
        let rest = String(sections.rest)
        var pieces: [String] = []
        if let at = sections.authority.lastIndex(of: "@") {
            let userInfo = sections.authority[..<at]
            // The userinfo is secret whatever its length or words.
            pieces += ([userInfo] + userInfo.split(separator: ":")).map(String.init).filter { !$0.isEmpty }
        }
        pieces += rest.split { "/?#&=".contains($0) }.map(String.init)
            .filter { $0.count >= shortestSecretPiece && !publicPieces.contains($0.lowercased()) }
        var secrets: [Secret] = []
        func add(_ piece: String, as replacement: String, encoded: Bool) {
            let decoded = PercentEncoding.decoded(piece.utf8) ?? piece
            let isShort = piece.count < shortestSecretPiece
            var forms = [Array(piece.utf8), Array(decoded.utf8)]
            if encoded {
                forms += [piece, decoded].flatMap { binaryForms(of: Array($0.utf8), insideLongerText: !isShort) }
            }
            for form in forms.map({ $0.map(lowercased) })
            where !form.isEmpty && !secrets.contains(where: { $0.form == form }) {
                secrets.append(Secret(form: form, replacement: Array(replacement.utf8), wholeWord: isShort))
            }
        }
        add(url, as: origin + "/…", encoded: false)
        if rest.count > 1 { add(rest, as: "/…", encoded: false) }
        for piece in pieces { add(piece, as: "…", encoded: true) }
        return secrets.sorted { $0.form.count > $1.form.count }
    }

    /// A piece as base64 (standard and URL-safe, with and without padding) and as hex. Inside a longer base64 text
    /// a piece's digits depend on where it starts in a group of three bytes: for `insideLongerText`, its digits
    /// for each of the three starts too, without the first and last digits that it shares with the bytes around it
    /// (a short piece has too few such digits to tell them from chance).
    private static func binaryForms(of bytes: [UInt8], insideLongerText: Bool) -> [[UInt8]] {
        var base64: [String] = []
        let unpadded = Base64URL.encode(bytes)
        base64 += [unpadded, unpadded + String(repeating: "=", count: (3 - bytes.count % 3) % 3)]
        for start in 0..<3 where insideLongerText {
            let digits = Array(Base64URL.encode([UInt8](repeating: 0, count: start) + bytes).utf8)
            let first = (8 * start + 5) / 6
            let end = 8 * (start + bytes.count) / 6
            if end > first { base64.append(String(decoding: digits[first..<end], as: UTF8.self)) }
        }
        let standard = base64.map { $0.replacing("-", with: "+").replacing("_", with: "/") }
        let digits = Array("0123456789abcdef".utf8)
        let hex = bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }
        return (base64 + standard).map { Array($0.utf8) } + [hex]
    }

    /// How many bytes of `text` from `start` spell the secret's form, or nil. Each byte of the form may be written
    /// as itself in any letter case, or escaped as `%HH` (hex digits in any case) or as JSON's `\/` and `\u00HH`.
    private static func matchLength(of secret: Secret, in text: [UInt8], at start: Int) -> Int? {
        var index = start
        for byte in secret.form {
            guard index < text.count else { return nil }
            if lowercased(text[index]) == byte {
                index += 1
                continue
            }
            guard let (value, width) = escaped(in: text, at: index), lowercased(value) == byte else { return nil }
            index += width
        }
        if secret.wholeWord && (isWordByte(text, start - 1) || isWordByte(text, index)) { return nil }
        return index - start
    }

    /// The byte that an escape at `index` stands for, and the escape's length.
    private static func escaped(in text: [UInt8], at index: Int) -> (UInt8, Int)? {
        func hex(_ offset: Int) -> UInt8? {
            index + offset < text.count ? PercentEncoding.hexValue(text[index + offset]) : nil
        }
        switch text[index] {
        case UInt8(ascii: "%"):
            guard let high = hex(1), let low = hex(2) else { return nil }
            return (high << 4 | low, 3)
        case UInt8(ascii: "\\") where index + 1 < text.count && text[index + 1] == UInt8(ascii: "/"):
            return (UInt8(ascii: "/"), 2)
        case UInt8(ascii: "\\") where index + 1 < text.count && text[index + 1] == UInt8(ascii: "u"):
            // Only an ASCII character is one byte in UTF-8: `\u00e6` is `æ`, two bytes.
            guard hex(2) == 0, hex(3) == 0, let high = hex(4), high < 8, let low = hex(5) else { return nil }
            return (high << 4 | low, 6)
        default:
            return nil
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// Whether `text[index]` exists and is an ASCII letter or digit.
    private static func isWordByte(_ text: [UInt8], _ index: Int) -> Bool {
        guard text.indices.contains(index) else { return false }
        let byte = lowercased(text[index])
        return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
