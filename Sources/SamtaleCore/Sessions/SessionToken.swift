// MARK: - SessionToken

/// A whole session as a signed token with an expiry, so that a stateless server can hand the state to its client and
/// take it back with the next input: `v2.` + expiry (seconds since 1970) + `.` + base64url(the session's JSON) + `.` +
/// base64url(HMAC-SHA-256 of everything before that last dot).
///
/// What it protects: a token that was altered, truncated, made with another key or has expired is refused, never
/// decoded into a wrong conversation. What it does not: the session inside is only encoded, not encrypted, so whoever
/// holds the token can read the answers in it; and until it expires, an older token of a session is still accepted
/// (the server keeps nothing, so it cannot tell which token is the latest). PROTOCOL.md says so to integrators.
public enum SessionToken {
    /// Why a token was refused.
    public enum Failure: Error, Equatable, Sendable {
        /// Not a token of this version: cut, garbled, or made by an older samtale (whose tokens never expired).
        case malformed
        /// Altered, or made with another key.
        case badSignature
        /// Past its expiry.
        case expired
        /// Signed with the right key, yet not a whole session.
        case damaged(SessionFileError)
    }

    private static let prefix = "v2."

    /// How long a token is accepted unless the server is told otherwise: long enough to pause a conversation over
    /// a holiday, short enough that an old token does not replay for ever.
    public static let defaultLifetime: Int64 = 30 * 86_400

    /// The token of `session`, valid until `expires`.
    public static func seal(_ session: Session, key: [UInt8], expires: Timestamp) -> String {
        let payload = Array(JSONWriter.string(session.record).utf8)
        let signed = prefix + String(expires.secondsSinceEpoch) + "." + Base64URL.encode(payload)
        return signed + "." + Base64URL.encode(HMACSHA256.authenticationCode(for: Array(signed.utf8), key: key))
    }

    /// The session in a token, checked: its signature first, then its expiry against `now`, then the session whole.
    public static func open(_ token: String, key: [UInt8], now: Timestamp) throws(Failure) -> Session {
        // v2, the expiry, the payload and the signature: base64url has no dots, so there are exactly four parts.
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard token.hasPrefix(prefix), parts.count == 4, let code = Base64URL.decode(String(parts[3])) else {
            throw .malformed
        }
        let signed = token.dropLast(parts[3].utf8.count + 1)
        guard HMACSHA256.isValid(code, for: Array(signed.utf8), key: key) else { throw .badSignature }
        guard let expiry = Int64(parts[1]), let payload = Base64URL.decode(String(parts[2])) else { throw .malformed }
        guard now.secondsSinceEpoch < expiry else { throw .expired }
        do {
            return try Session.decode(payload)
        } catch {
            throw .damaged(error)
        }
    }
}
