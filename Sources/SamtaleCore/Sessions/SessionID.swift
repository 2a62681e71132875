// MARK: - SessionID

/// A session's id: 26 characters of lower-case Crockford base32 (0-9, a-z without i, l, o, u) from 128 random bits,
/// so it is unguessable and safe as a file name.
///
/// The alphabet is in ASCII order, so ids sort as their numbers do. A generated id starts with 0-7, because
/// 26 characters hold 130 bits and the top two are zero; any 26 characters of the alphabet are accepted, though,
/// since what matters when reading an id is that it cannot name another file.
public struct SessionID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// Always 26 bytes, each one from `alphabet`: checked by every way in.
    private let text: String

    /// The characters of an id, in order of their value.
    private static let alphabet: [UInt8] = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)
    private static let length = 26

    /// Accepts exactly 26 characters of the alphabet and nothing else, so that an id from a user or a client
    /// ("../x", "/etc/passwd") can never reach outside the session folder.
    public init?(validating text: String) {
        var text = text
        guard text.withUTF8({ $0.count == Self.length && $0.allSatisfy(Self.isInAlphabet) }) else { return nil }
        self.text = text
    }

    /// Whether a byte is one of the alphabet's: a range test rather than a search, as every protocol request checks its
    /// id.
    private static func isInAlphabet(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"):
            byte != UInt8(ascii: "i") && byte != UInt8(ascii: "l") && byte != UInt8(ascii: "o")
                && byte != UInt8(ascii: "u")
        default:
            false
        }
    }

    /// A new id from 128 bits of `generator`: pass `SystemRandomNumberGenerator` for real sessions, a seeded
    /// generator in tests.
    public static func generate<Generator: RandomNumberGenerator>(using generator: inout Generator) -> SessionID {
        var high: UInt64 = generator.next()
        var low: UInt64 = generator.next()
        var characters = [UInt8](repeating: 0, count: length)
        for position in characters.indices.reversed() {
            characters[position] = alphabet[Int(low & 0b11111)]
            low = (low >> 5) | (high << 59)
            high >>= 5
        }
        return SessionID(checked: String(decoding: characters, as: UTF8.self))
    }

    private init(checked text: String) {
        self.text = text
    }

    /// The id as written in file names, messages and JSON.
    public var description: String {
        text
    }

    public static func < (left: SessionID, right: SessionID) -> Bool {
        left.text < right.text
    }

    // MARK: - Codable

    /// Reads a plain string and checks it, so that a session file or a client's message cannot smuggle in a path.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = SessionID(validating: text) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: container.codingPath,
                    debugDescription: "not a session id (26 characters of 0-9 and a-z without i, l, o, u): \(text)"
                ))
        }
        self = id
    }

    /// Writes the id as a plain string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
