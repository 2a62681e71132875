// MARK: - SessionToken

/// A whole session as an opaque, integrity-checked token, so that a stateless server can hand the state to its client
/// and take it back with the next input: `v1.` + base64url(the session's JSON) + `.` + base64url(HMAC-SHA-256).
///
/// The key is a secret shared by every worker that may serve the conversation; a token that was altered, truncated or
/// made with another key is refused, never decoded into a wrong conversation.
public enum SessionToken {
    /// Why a token was refused.
    public enum Failure: Error, Equatable, Sendable {
        case malformed
        case badSignature
        case damaged(String)
    }

    private static let prefix = "v1."

    public static func seal(_ session: Session, key: [UInt8]) throws(SessionFileError) -> String {
        let payload = Array(JSONWriter.string(try JSONValueCoder.encodeSession(session)).utf8)
        let code = HMACSHA256.authenticationCode(for: payload, key: key)
        return prefix + Base64URL.encode(payload) + "." + Base64URL.encode(code)
    }

    public static func open(_ token: String, key: [UInt8]) throws(Failure) -> Session {
        guard token.hasPrefix(prefix) else { throw .malformed }
        let parts = token.dropFirst(prefix.count).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Base64URL.decode(String(parts[0])),
            let code = Base64URL.decode(String(parts[1])) else { throw .malformed }
        guard HMACSHA256.isValid(code, for: payload, key: key) else { throw .badSignature }
        do {
            return try Session.decode(payload)
        } catch {
            throw .damaged(String(describing: error))
        }
    }
}

extension JSONValueCoder {
    /// A session as a value, with encoding failures in the session file's terms.
    static func encodeSession(_ session: Session) throws(SessionFileError) -> JSONValue {
        do {
            return try encode(session)
        } catch {
            throw .unencodable(String(describing: error.reason))
        }
    }
}
