// MARK: - Timestamp

/// A moment as samtale writes it, ISO 8601 with seconds and the offset from UTC: `2026-11-26T09:30:00+01:00`
/// (or `…Z`). Session records hold such times, and `SAMTALE_NOW` must be one.
public struct Timestamp: Comparable, Sendable {
    /// The day, as it was where the moment was written.
    public let date: CivilDate
    /// Seconds since midnight of `date`, local to the offset.
    let secondOfDay: Int
    /// The offset from UTC in seconds, east positive.
    let offset: Int

    /// Parses strictly `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `±HH:MM`, or nil for anything else.
    public init?(iso: String) {
        let bytes = Array(iso.utf8)
        guard bytes.count == 20 || bytes.count == 25, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"), let date = CivilDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
            let hour = CivilDate.number(bytes[11..<13]), let minute = CivilDate.number(bytes[14..<16]),
            let second = CivilDate.number(bytes[17..<19]), hour < 24, minute < 60, second < 60 else { return nil }
        if bytes.count == 20 {
            guard bytes[19] == UInt8(ascii: "Z") else { return nil }
            offset = 0
        } else {
            guard bytes[19] == UInt8(ascii: "+") || bytes[19] == UInt8(ascii: "-"), bytes[22] == UInt8(ascii: ":"),
                let hours = CivilDate.number(bytes[20..<22]), let minutes = CivilDate.number(bytes[23..<25]),
                hours < 24, minutes < 60 else { return nil }
            offset = (bytes[19] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
        self.date = date
        secondOfDay = hour * 3600 + minute * 60 + second
    }

    /// Seconds since 1970-01-01T00:00:00Z: moments written with different offsets compare as moments.
    public var secondsSinceEpoch: Int {
        date.daysSinceEpoch * 86_400 + secondOfDay - offset
    }

    /// The same moment, however it was written.
    public static func == (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSinceEpoch == rhs.secondsSinceEpoch
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }
}
