// MARK: - Base64URL

/// Base64 with the URL- and filename-safe alphabet (RFC 4648 §5), without padding: tokens travel in JSON and URLs,
/// where `+`, `/` and `=` would need escaping.
public enum Base64URL {
    private static let digits = Base64Digits(
        alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", padded: false)

    /// The unpadded base64url text of `bytes`.
    public static func encode(_ bytes: [UInt8]) -> String {
        digits.encode(bytes)
    }

    /// nil for anything that is not canonical unpadded base64url (wrong characters, impossible length, non-zero
    /// trailing bits), so each byte string has exactly one accepted text and a token cannot be varied unnoticed.
    public static func decode(_ text: String) -> [UInt8]? {
        digits.decode(text)
    }
}

// MARK: - Base64

/// Standard base64 (RFC 4648 §4), padded with `=`: what chat platforms write their signatures and keys in (a Teams
/// security token, the HMAC in its `Authorization` header).
public enum Base64 {
    private static let digits = Base64Digits(
        alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", padded: true)

    /// The padded base64 text of `bytes`.
    public static func encode(_ bytes: [UInt8]) -> String {
        digits.encode(bytes)
    }

    /// nil for anything that is not canonical padded base64 (wrong characters, a length that is not a multiple of
    /// four, padding anywhere but at the end, non-zero trailing bits), so a signature has exactly one accepted text.
    public static func decode(_ text: String) -> [UInt8]? {
        digits.decode(text)
    }
}

// MARK: - Base64Digits

/// The coding both alphabets share: three bytes to four digits, the last group shortened (and, when `padded`,
/// filled up with `=`).
private struct Base64Digits {
    /// The 64 digits, by value.
    let alphabet: [UInt8]
    /// The value of each byte that is a digit.
    let values: [UInt8: UInt8]
    let padded: Bool

    init(alphabet: String, padded: Bool) {
        self.alphabet = Array(alphabet.utf8)
        values = Dictionary(uniqueKeysWithValues: self.alphabet.enumerated().map { ($0.element, UInt8($0.offset)) })
        self.padded = padded
    }

    func encode(_ bytes: [UInt8]) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var group: UInt32 = 0
            for offset in 0..<3 {
                group = group << 8 | (offset < count ? UInt32(bytes[index + offset]) : 0)
            }
            // One byte needs two digits, two need three, three need four.
            for position in 0...count {
                digits.append(alphabet[Int(group >> UInt32(18 - 6 * position) & 0x3F)])
            }
            if padded { digits += repeatElement(UInt8(ascii: "="), count: 3 - count) }
            index += count
        }
        return String(decoding: digits, as: UTF8.self)
    }

    func decode(_ text: String) -> [UInt8]? {
        var digits = Array(text.utf8)
        if padded {
            guard digits.count % 4 == 0 else { return nil }
            let padding = digits.reversed().prefix { $0 == UInt8(ascii: "=") }.count
            guard padding <= 2 else { return nil }
            digits.removeLast(padding)
        }
        guard digits.count % 4 != 1 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count * 3 / 4)
        var bits: UInt32 = 0
        var bitCount: UInt32 = 0
        for digit in digits {
            guard let value = values[digit] else { return nil }
            bits = bits << 6 | UInt32(value)
            bitCount += 6
            if bitCount >= 8 {
                bitCount -= 8
                bytes.append(UInt8(truncatingIfNeeded: bits >> bitCount))
                bits &= (1 << bitCount) - 1
            }
        }
        // The 2 or 4 bits left over from the last digit carry no data; an encoder leaves them zero.
        guard bits == 0 else { return nil }
        return bytes
    }
}
