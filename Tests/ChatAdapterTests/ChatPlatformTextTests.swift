import SamtaleCore
import Testing

@testable import ChatAdapter

/// The texts a person reads in chat where a terminal's would be wrong: chat cannot send an empty message, and takes
/// its commands as words without the slash.
@Suite struct ChatPlatformTextTests {
    @Test(arguments: [
        (ReaskReason.emptyAnswer, "Skriv et svar, eller skriv »spring« for at springe over."),
        (.notYesOrNo("måske"), "»måske« er hverken ja eller nej; svar ja eller nej."),
        (.unknownCommand("/ukendt"), "Ukendt kommando »/ukendt«; skriv »hjælp« for at se kommandoerne."),
        (.atFirstQuestion, "Der er ikke noget spørgsmål før dette."),
    ])
    func reasksNameTheWordsToWrite(reason: ReaskReason, text: String) {
        #expect(ChatConversationText.text(of: [.reask(reason)], language: .da) == text)
    }

    @Test func theTerminalKeepsItsOwnTexts() {
        #expect(Strings.reask(.emptyAnswer).da == "Skriv et svar, eller /spring for at springe over.")
        #expect(Strings.agreementField(.what, number: 1).da == "Aftale 1: hvad? (tomt svar: ikke flere aftaler)")
        let optional = Ask(id: "a", text: "Hvorfor?", optional: true)
        #expect(
            Strings.answerHints(for: optional) == [
                Localized(da: "(frivilligt – tryk Enter for at springe over)", en: "(optional – press Enter to skip)")
            ])
    }

    @Test func hintsSayToWriteSpring() {
        let optional = Ask(id: "a", text: "Hvorfor?", optional: true)
        #expect(
            Strings.answerHints(for: optional, in: .chat).map(\.da) == [
                "(frivilligt – skriv »spring« for at springe over)"
            ])
        let offer = Ask(id: "b", text: "Vil I tage dem med?", kind: .choice(["ja", "nej"]), purpose: .moreQuestions)
        #expect(Strings.answerHints(for: offer, in: .chat).map(\.en) == ["(yes or no)"])
    }
}
