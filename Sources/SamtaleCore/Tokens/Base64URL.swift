// MARK: - Base64URL

/// Base64 with the URL- and filename-safe alphabet (RFC 4648 §5), without padding: tokens travel in JSON and URLs,
/// where `+`, `/` and `=` would need escaping.
public enum Base64URL {
    /// The 64 digits, by value.
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// The unpadded base64url text of `bytes`.
    public static func encode(_ bytes: [UInt8]) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity((bytes.count * 4 + 2) / 3)
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
            index += count
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// nil for anything that is not canonical unpadded base64url (wrong characters, impossible length, non-zero
    /// trailing bits), so each byte string has exactly one accepted text and a token cannot be varied unnoticed.
    public static func decode(_ text: String) -> [UInt8]? {
        let digits = text.utf8
        guard digits.count % 4 != 1 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count * 3 / 4)
        var bits: UInt32 = 0
        var bitCount: UInt32 = 0
        for digit in digits {
            guard let value = value(of: digit) else { return nil }
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

    /// The value of one digit, or nil if `digit` is not in the alphabet.
    private static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): digit - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"): 62
        case UInt8(ascii: "_"): 63
        default: nil
        }
    }
}
