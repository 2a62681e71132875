import Testing

@testable import SamtaleCore

/// `SAMTALE_NOW` and session times: ISO 8601 with seconds and an offset, compared as moments.
struct TimestampTests {
    @Test(arguments: ["2026-11-26T09:30:00+01:00", "2026-11-26T08:30:00Z", "2024-02-29T23:59:59-05:30"])
    func readsTimesWithAnOffset(text: String) {
        #expect(Timestamp(iso: text) != nil)
    }

    @Test(arguments: [
        "2026-11-26", "2026-11-26T09:30:00", "2026-11-26T09:30+01:00", "2026-11-26 09:30:00+01:00",
        "2026-02-29T09:30:00Z", "2026-11-26T24:00:00Z", "2026-11-26T09:60:00Z", "2026-11-26T09:30:00+0100",
        "2026-11-26T09:30:00+01:60", "2026-11-26T09:30:00z", "2026-11-26T09:30:00.5Z", "",
    ])
    func refusesAnythingElse(text: String) {
        #expect(Timestamp(iso: text) == nil)
    }

    @Test func comparesMomentsWhateverTheOffset() throws {
        let copenhagen = try #require(Timestamp(iso: "2026-11-26T09:30:00+01:00"))
        let utc = try #require(Timestamp(iso: "2026-11-26T08:30:00Z"))
        let later = try #require(Timestamp(iso: "2026-11-26T09:00:00Z"))
        #expect(copenhagen == utc)
        #expect(later > copenhagen)
        #expect(try #require(Timestamp(iso: "1970-01-01T01:00:00+01:00")).secondsSinceEpoch == 0)
    }

    @Test(
        arguments: [
            ("2026-11-26T09:00:00+01:00", 1_795_680_000), ("2026-11-26T08:00:00Z", 1_795_680_000),
            ("2026-07-01T12:30:15-02:30", 1_782_918_015),
        ] as [(String, Int64)])
    func readsTheSecondsSince1970(text: String, seconds: Int64) {
        #expect(Timestamp(iso: text)?.secondsSinceEpoch == seconds)
    }
}
