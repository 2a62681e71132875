import SamtaleCore

// MARK: - ChatVerifier

/// Tells a request a platform sent from one anybody else made, with the secrets of one endpoint. There is no way to
/// skip it: a message is read only from a `VerifiedChatRequest`, and only `verified(_:now:)` makes one.
///
/// Teams and Slack sign the raw body with HMAC-SHA-256; Mattermost, Zulip and Rocket.Chat send a token, compared in
/// constant time. Several secrets are accepted at once, so a secret can be changed without a moment in which the
/// platform's requests fail: add the new one, change it on the platform, then remove the old one.
public struct ChatVerifier: Sendable {
    public let platform: ChatPlatform
    /// The HMAC keys (Teams: each security token base64-decoded; Slack: each signing secret), or the SHA-256 of each
    /// token, which has the same length whatever the token's, so that comparing leaks nothing of it.
    private let keys: [[UInt8]]

    /// How far Slack's signed timestamp, and any platform's time of its message, may be from now, either way:
    /// Slack's own advice, against a replay of an old request. The replies kept for replay live twice as long
    /// (`ChatReplies.lifetimeSeconds`), so a message sent again while it is fresh always finds its first reply.
    public static let freshnessSeconds: Int64 = 5 * 60

    /// Whether `moment` is within `freshnessSeconds` of `now`, either way; compared without subtracting from
    /// `moment`, which a payload may set to any 64-bit number.
    static func isFresh(_ moment: Timestamp, at now: Timestamp) -> Bool {
        (now.secondsSinceEpoch - freshnessSeconds...now.secondsSinceEpoch + freshnessSeconds)
            .contains(moment.secondsSinceEpoch)
    }

    public init(platform: ChatPlatform, secrets: [String]) throws(ChatSecretError) {
        guard !secrets.isEmpty else { throw .missing(platform) }
        var keys: [[UInt8]] = []
        for secret in secrets {
            switch platform {
            case .teams:
                guard let key = Base64.decode(secret.trimmingWhitespace), !key.isEmpty else {
                    throw .teamsTokenNotBase64
                }
                keys.append(key)
            case .slack:
                guard !secret.isEmpty else { throw .missing(platform) }
                keys.append(Array(secret.utf8))
            case .mattermost, .zulip, .rocketchat:
                guard !secret.isEmpty else { throw .missing(platform) }
                keys.append(SHA256.hash(secret.utf8))
            }
        }
        self.platform = platform
        self.keys = keys
    }

    /// The request, once it is known to come from the platform; nil for anything else (a missing or wrong
    /// signature or token, a Slack timestamp more than five minutes from `now`, a body changed after signing).
    /// Signatures are checked over the raw bytes before anything in the body is parsed.
    public func verified(_ request: ChatRequest, now: Timestamp) -> VerifiedChatRequest? {
        switch platform {
        case .teams:
            guard let code = teamsCode(request), matchesAnyKey({ HMACSHA256.isValid(code, for: request.body, key: $0) })
            else { return nil }
            return VerifiedChatRequest(platform: platform, request: request, signedAt: nil)
        case .slack:
            guard case (let code, let timestamp)? = slackSignature(request), Self.isFresh(timestamp, at: now)
            else { return nil }
            let signed = Array("v0:\(timestamp.secondsSinceEpoch):".utf8) + request.body
            guard matchesAnyKey({ HMACSHA256.isValid(code, for: signed, key: $0) }) else { return nil }
            return VerifiedChatRequest(platform: platform, request: request, signedAt: timestamp)
        case .mattermost, .zulip, .rocketchat:
            let tokens = givenTokens(request)
            guard !tokens.isEmpty,
                tokens.allSatisfy({ token in matchesAnyKey { HMACSHA256.codesMatch(SHA256.hash(token.utf8), $0) } })
            else { return nil }
            return VerifiedChatRequest(platform: platform, request: request, signedAt: nil)
        }
    }

    /// Whether any key passes `check`; every key is tried, so the time taken does not tell which one matched.
    private func matchesAnyKey(_ check: ([UInt8]) -> Bool) -> Bool {
        keys.map(check).contains(true)
    }

    /// The 32-byte code of `Authorization: HMAC <base64>`.
    private func teamsCode(_ request: ChatRequest) -> [UInt8]? {
        guard case (let scheme, let credentials)? = authorization(request), scheme == "hmac",
            let code = Base64.decode(credentials), code.count == 32
        else { return nil }
        return code
    }

    /// The code of `X-Slack-Signature: v0=<64 hex digits>` and the moment of `X-Slack-Request-Timestamp` (seconds,
    /// digits only, as Slack writes them: the text signed is the header's text).
    private func slackSignature(_ request: ChatRequest) -> ([UInt8], Timestamp)? {
        guard let signature = request.header("X-Slack-Signature"), signature.hasPrefix("v0="),
            let code = hexBytes(signature.dropFirst(3)), code.count == 32,
            let text = request.header("X-Slack-Request-Timestamp"), (1...12).contains(text.utf8.count),
            text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            text.utf8.first != UInt8(ascii: "0"), let seconds = Int64(text)
        else { return nil }
        return (code, Timestamp(secondsSinceEpoch: seconds))
    }

    /// The tokens a request carries: `Authorization: Token …` (Mattermost's slash commands) and `token` in the body.
    /// Each one given must be right; a request with an `Authorization` header of another scheme carries a wrong one.
    private func givenTokens(_ request: ChatRequest) -> [String] {
        var tokens: [String] = []
        if request.headers.contains(where: { $0.name.lowercased() == "authorization" }) {
            guard platform == .mattermost, case (let scheme, let credentials)? = authorization(request),
                scheme == "token"
            else { return [] }
            tokens.append(credentials)
        }
        guard let fields = PayloadFields(request) else { return [] }
        if fields.has("token") {
            guard let token = fields.string("token") else { return [] }
            tokens.append(token)
        }
        return tokens
    }

    /// The scheme of the `Authorization` header in lower case (schemes are case-insensitive) and its credentials.
    private func authorization(_ request: ChatRequest) -> (String, String)? {
        guard let value = request.header("Authorization") else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        return (parts[0].lowercased(), String(parts[1]).trimmingWhitespace)
    }

    /// The bytes of a text of lower-case hexadecimal digit pairs, as Slack writes its signature; nil for anything
    /// else.
    private func hexBytes(_ text: Substring) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = lowerHexValue(digits[index]), let low = lowerHexValue(digits[index + 1]) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private func lowerHexValue(_ digit: UInt8) -> UInt8? {
        guard let value = PercentEncoding.hexValue(digit), !(UInt8(ascii: "A")...UInt8(ascii: "F")).contains(digit)
        else {
            return nil
        }
        return value
    }
}

// MARK: - VerifiedChatRequest

/// A request known to come from its platform: the only thing a `ChatMessage` is read from.
public struct VerifiedChatRequest: Sendable {
    public let platform: ChatPlatform
    let request: ChatRequest
    /// Slack's timestamp, covered by its signature: the moment of a slash command, which carries none of its own.
    let signedAt: Timestamp?
}
