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
                    + "Leder: ______________________   Dato: ____________\n\n"
                    + "Medarbejder: ______________________   Dato: ____________\n"))
        let english = try ExportGoldenTests.session("one-to-one", in: .en).markdown(language: .en)
        #expect(english.contains("## Confirmation\n\nBoth parties have read and approved this record.\n"))
        #expect(english.contains("Employee: ______________________   Date: ____________"))
    }

    @Test func otherFlowsAskNoConfirmation() throws {
        for flowID in ExportGoldenTests.setups.keys where flowID != "one-to-one" {
            let session = try ExportGoldenTests.session(flowID)
            let markdown = session.markdown(language: session.setup.language)
            #expect(!markdown.contains("Godkendelse") && !markdown.contains("Confirmation"), "\(flowID)")
        }
    }
}
