import Testing

@testable import SamtaleCore

/// The Markdown record of a 1:1 is one an HR partner can file: each theme with the card's statements above its
/// questions and answers, and a line for both parties to confirm it.
@Suite struct OneToOneRecordTests {
    @Test(arguments: Language.allCases)
    func eachThemeShowsItsCardsStatementsBeforeItsQuestions(language: Language) throws {
        let markdown = try ExportGoldenTests.session("one-to-one", in: language).markdown(language: language)
        let heading = try #require(markdown.range(of: "### Sammen skaber vi løsninger\n"))
        let card = try #require(markdown.range(of: "**Mit bidrag til SAMMEN SKABER VI LØSNINGER**"))
        let statement = try #require(
            markdown.range(of: "- Jeg samarbejder med brugere og kollegaer for at undersøge og finde kvalificerede"))
        let question = try #require(markdown.range(of: "**Hvordan bidrager du til at inddrage brugeren"))
        #expect(heading.upperBound < card.lowerBound)
        #expect(card.upperBound < statement.lowerBound)
        #expect(statement.upperBound < question.lowerBound)
    }

    @Test func aFinishedOneToOneEndsWithALineForBothToConfirm() throws {
        let markdown = try ExportGoldenTests.session("one-to-one").markdown(language: .da)
        #expect(
            markdown.hasSuffix(
                "## Godkendelse\n\nReferatet er læst og godkendt af begge parter.\n\n"
                    + "Leder (Bo): ______________________   Dato: ____________\n\n"
                    + "Medarbejder (Ann): ______________________   Dato: ____________\n"))
        let english = try ExportGoldenTests.session("one-to-one", in: .en).markdown(language: .en)
        #expect(english.contains("## Confirmation\n\nBoth parties have read and approved this record.\n"))
        #expect(english.contains("Employee (Ann): ______________________   Date: ____________"))
    }

    @Test func otherFlowsAskNoConfirmation() throws {
        for flowID in ExportGoldenTests.setups.keys where !flowID.hasPrefix("one-to-one") {
            let session = try ExportGoldenTests.session(flowID)
            let markdown = session.markdown(language: session.setup.language)
            #expect(!markdown.contains("Godkendelse") && !markdown.contains("Confirmation"), "\(flowID)")
        }
    }

    /// The flow says whether its record ends with the confirmation; a script saved before flows said so confirms
    /// only where it is a 1:1's, and a 1:1 flow without the setting would confirm nothing.
    @Test func theConfirmationIsTheFlowsSetting() throws {
        #expect(flow("one-to-one").confirmation && !flow("team").confirmation)
        func script(_ flowID: String, confirmation: Bool?) -> Script {
            Script(
                flowID: flowID, title: "", deckTitle: "", organisation: "", source: "", roleNames: [], themeNames: [],
                participants: [], records: true, confirmation: confirmation, steps: [.summary])
        }
        #expect(script("one-to-one", confirmation: nil).confirmation)
        #expect(!script("team", confirmation: nil).confirmation)
        #expect(!script("one-to-one", confirmation: false).confirmation)
        let written = JSONWriter.string(SessionRecord.value(of: script("one-to-one", confirmation: false)))
        #expect(written.contains("\"confirmation\":false"), "kept where it differs from what its absence means")
    }
}
