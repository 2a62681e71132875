// MARK: - PercentEncoding

/// `%XX` escapes (RFC 3986), as URLs write a byte that would otherwise mean something; a form body
/// (`application/x-www-form-urlencoded`) also writes a space as `+`.
public enum PercentEncoding {
    /// The text `encoded` stands for; nil for a `%` without two hexadecimal digits after it, or bytes that are not
    /// UTF-8 once decoded. `plusIsSpace` for a form's names and values.
    public static func decoded<Bytes: Collection<UInt8>>(_ encoded: Bytes, plusIsSpace: Bool = false) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var iterator = encoded.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The value of one hexadecimal digit in either case.
    public static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
