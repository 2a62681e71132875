// MARK: - Timestamp

/// A moment written as samtale writes it in session records: `2026-11-26T09:30:00+01:00` (or `Z` for UTC), read
/// strictly, so that a clock given from outside (`SAMTALE_NOW`) is either a real moment or refused.
public struct Timestamp: Hashable, Comparable, Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS` followed by `Z` or an offset `±HH:MM`; nil for anything else.
    public init?(iso: String) {
        let bytes = Array(iso.utf8)
        guard bytes.count == 20 || bytes.count == 25,
            let date = CivilDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
            bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let hour = CivilDate.number(bytes[11..<13]), let minute = CivilDate.number(bytes[14..<16]),
            let second = CivilDate.number(bytes[17..<19]), hour < 24, minute < 60, second < 60
        else { return nil }
        var offset = 0
        if bytes.count == 20 {
            guard bytes[19] == UInt8(ascii: "Z") else { return nil }
        } else {
            guard bytes[19] == UInt8(ascii: "+") || bytes[19] == UInt8(ascii: "-"), bytes[22] == UInt8(ascii: ":"),
                let hours = CivilDate.number(bytes[20..<22]), let minutes = CivilDate.number(bytes[23..<25]),
                hours < 24, minutes < 60
            else { return nil }
            offset = (hours * 60 + minutes) * 60 * (bytes[19] == UInt8(ascii: "-") ? -1 : 1)
        }
        let local = date.daysSinceEpoch * 86_400 + hour * 3_600 + minute * 60 + second
        secondsSinceEpoch = Int64(local - offset)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }
}
