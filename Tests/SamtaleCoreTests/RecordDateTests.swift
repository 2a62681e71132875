import Testing

@testable import SamtaleCore

/// A record gives its dates as a reader writes them, in the record's language, never as a timestamp.
@Suite struct RecordDateTests {
    @Test func aMomentReadsAsADateAndATimeInEachLanguage() {
        let moment = Strings.moment("2026-03-24T09:05:00+01:00")
        #expect(moment.da == "24. marts 2026 kl. 09.05")
        #expect(moment.en == "24 March 2026, 09:05")
    }

    @Test func aLaterMomentOnTheSameDayGivesOnlyItsTime() {
        let later = Strings.moment("2026-12-01T14:30:00+01:00", sameDayAs: "2026-12-01T09:00:00+01:00")
        #expect(later.da == "kl. 14.30")
        #expect(later.en == "14:30")
        let nextDay = Strings.moment("2026-12-02T08:00:00+01:00", sameDayAs: "2026-12-01T09:00:00+01:00")
        #expect(nextDay.da == "2. december 2026 kl. 08.00")
    }

    @Test(arguments: ["", "i går", "2026-13-01T09:00:00+01:00", "2026-03-24 09:00"])
    func aTextThatIsNoMomentStaysAsItIs(text: String) {
        #expect(Strings.moment(text).da == text)
        #expect(Strings.moment(text).en == text)
    }

    @Test(arguments: Language.allCases)
    func theMarkdownExportDatesTheConversationInItsLanguage(language: Language) throws {
        let session = try ExportGoldenTests.session("one-to-one", in: language)
        let markdown = session.markdown(language: language)
        let expected =
            switch language {
            case .da: "- Dato: 26. november 2026 kl. 09.00 (senest ændret kl. 09.22)"
            case .en: "- Date: 26 November 2026, 09:00 (last changed 09:22)"
            }
        #expect(markdown.contains(expected), "\(markdown.prefix(300))")
        #expect(!markdown.contains("2026-11-26T"))
    }
}
