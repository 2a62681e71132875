// MARK: - Redaction

extension WebhookAddress {
    /// A text with every secret part of the URL (userinfo, path, query, fragment) cut out, however a server or a
    /// person quoted it: whole or in pieces, as is, percent-encoded or -decoded, with `\/` for `/` as JSON may write
    /// it, in any letter case. The one way samtale cleans what it prints about a webhook.
    public func redacting(_ text: String) -> String {
        var bytes = Array(text.utf8)
        for secret in Self.secrets(of: url, origin: redacted) {
            bytes = Self.replacing(secret.form, with: secret.replacement, in: bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Pieces shorter than this are not looked for alone: `v1` or `1` would cut letters out of any text, and no
    /// platform's secret is that short. They are still cut wherever the whole path is quoted.
    static let shortestSecretPiece = 6

    /// The fixed words of the platforms' URLs (WebhookAddress recognises them by these): not secrets, and words a
    /// platform's message may well use.
    static let publicPieces: Set<String> = [
        "services", "webhooks", "spaces", "messages", "powerautomate", "automations", "direct", "workflows", "triggers",
        "manual", "invoke", "external", "slack_incoming", "api-version", "%2ftriggers%2fmanual%2frun", "api_key",
    ]

    /// What `redacting` looks for and what it puts in its place, longest first: the whole URL becomes the origin and
    /// `/…`, the part after the host `/…`, and each piece of that part (and the userinfo) `…`.
    static func secrets(of url: String, origin: String) -> [(form: [UInt8], replacement: [UInt8])] {
        guard let schemeEnd = url.firstRange(of: "://") else { return [] }
        let afterScheme = url[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        let authority = afterScheme[..<authorityEnd]
        let rest = String(afterScheme[authorityEnd...])
        var pieces: [String] = []
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            pieces.append(String(userInfo))
            pieces += userInfo.split(separator: ":").map(String.init)
        }
        pieces += rest.split { "/?#&=".contains($0) }.map(String.init)
        pieces = pieces.filter { $0.count >= shortestSecretPiece && !publicPieces.contains($0.lowercased()) }
        var secrets: [(form: [UInt8], replacement: [UInt8])] = []
        func add(_ piece: String, as replacement: String) {
            for form in forms(of: piece) where !secrets.contains(where: { $0.form == form }) {
                secrets.append((form, Array(replacement.utf8)))
            }
        }
        add(url, as: origin + "/…")
        if rest.count > 1 { add(rest, as: "/…") }
        for piece in pieces { add(piece, as: "…") }
        return secrets.sorted { $0.form.count > $1.form.count }
    }

    /// A piece as it may be quoted: as is, percent-decoded, percent-encoded, and with JSON's `\/` for `/`.
    private static func forms(of piece: String) -> [[UInt8]] {
        let decoded = percentDecoded(piece) ?? piece
        let forms = [piece, decoded, percentEncoded(decoded), piece.replacing("/", with: "\\/"),
                     decoded.replacing("/", with: "\\/")]
        return forms.map { Array($0.lowercased().utf8) }
    }

    /// Every byte but letters, digits and `-._~` as `%XX` (RFC 3986's unreserved characters stay).
    private static func percentEncoded(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".utf8)
                encoded += "%" + String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
            }
        }
        return encoded
    }

    /// `text` with every occurrence of `form` (lowercase) replaced, ASCII letters compared without case: UTF-8's
    /// other bytes are never ASCII, so a match never starts or ends inside a character.
    private static func replacing(_ form: [UInt8], with replacement: [UInt8], in text: [UInt8]) -> [UInt8] {
        guard !form.isEmpty, text.count >= form.count else { return text }
        func lower(_ byte: UInt8) -> UInt8 {
            byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
        }
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            let matches = index + form.count <= text.count
                && (0..<form.count).allSatisfy { lower(text[index + $0]) == form[$0] }
            if matches {
                result += replacement
                index += form.count
            } else {
                result.append(text[index])
                index += 1
            }
        }
        return result
    }
}
