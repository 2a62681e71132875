import Testing

@testable import SamtaleCore

/// The team dialogue: the group's shared task opens it after the card, and the questions go round by name.
@Suite struct TeamDialogueTests {
    static let setup = ConversationSetup(
        flow: "team", deck: "skanderborg-ledelsesgrundlag", roles: ["leder-af-medarbejder"],
        themes: ["tvaergaaende-ledelse"], participants: ["Ann", "Bo", "Cai"])

    @Test func theSharedTaskOpensAndTheQuestionsGoRoundByName() throws {
        let script = try flow("team").expand(over: deck(Self.setup.deck), setup: Self.setup)
        let shown = script.steps.compactMap { step -> String? in
            switch step {
            case .card(let heading, _, _): "card \(heading ?? "")"
            case .ask(let ask): "ask \(ask.askedBy ?? "-") \(ask.id)"
            default: nil
            }
        }
        #expect(
            shown.prefix(5) == [
                "card Tværgående ledelse", "card Ledergrupper · Fælles opgave", "ask - shared-task", "ask Ann q1",
                "ask Bo q2",
            ])
    }

    /// The record heads the questions with the theme, so the card under it shows no heading of the same name; the
    /// shared task keeps its own, and each question says who put it, in the record and in the summary.
    @Test func theRecordShowsTheThemeOnceAndWhoAsked() throws {
        let script = try flow("team").expand(over: deck(Self.setup.deck), setup: Self.setup)
        let id = try #require(SessionID(validating: "0123456789abcdefghjkmnpqrs"))
        var session = Session(id: id, setup: Self.setup, script: script, at: "2026-11-26T09:00:00+01:00")
        for event in [Event.start, .answer("Overleveringen"), .answer("Tavlemøder"), .answer("Faste aftaler")] {
            _ = session.received(event, at: "2026-11-26T09:01:00+01:00")
        }
        let markdown = session.markdown(language: .da)
        #expect(
            markdown.contains("### Tværgående ledelse\n\n- Kan håndtere og styre tværfaglige opgaver"), "\(markdown)")
        #expect(!markdown.contains("**Tværgående ledelse**"))
        #expect(markdown.contains("\n**Ledergrupper · Fælles opgave**\n"))
        #expect(markdown.contains("\n**Ann spørger: "))
        #expect(markdown.contains("\n**Bo spørger: "))
        let summary = session.conversation.summary.text(language: .da)
        #expect(summary.contains("\n- Ann spørger: Hvor i vores arbejdsgange"), "\(summary)")
        #expect(summary.contains("\n- Bo spørger: Hvordan afklarer vi ansvaret"))
    }
}
