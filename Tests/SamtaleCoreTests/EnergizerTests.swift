import Testing

@testable import SamtaleCore

/// The energizer: light questions written for it per theme, one or two of them asked, and its time box shown.
@Suite struct EnergizerTests {
    /// Every run of `length` words in a text, in lower case: a question that shares one with a statement quotes it.
    static func runs(of length: Int, in text: String) -> Set<[String]> {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard words.count >= length else { return [] }
        return Set((0...(words.count - length)).map { Array(words[$0..<($0 + length)]) })
    }

    static func asks(_ setup: ConversationSetup, on deck: Deck) throws -> [Ask] {
        try flow("energizer").expand(over: deck, setup: setup).steps.compactMap { step in
            if case .ask(let ask) = step { ask } else { nil }
        }
    }

    /// Each theme of a built-in deck, a form of leadership too, has three or more questions of its own: short, a
    /// question each, with no quotation marks and no five words in a row from the deck's statements.
    @Test(arguments: builtinDecks.map(\.id))
    func everyThemeHasThreeOrMoreLightQuestions(deckID: String) {
        let deck = deck(deckID)
        let sourceTexts = deck.cards.flatMap { $0.statements + $0.quotes + $0.pitfalls }
        let quoted = sourceTexts.reduce(into: Set<[String]>()) { $0.formUnion(Self.runs(of: 5, in: $1)) }
        for theme in deck.themes {
            #expect(theme.energizers.count >= 3, "\(theme.id)")
            for question in theme.energizers {
                #expect(question.count <= 120, "\(question)")
                #expect(question.hasSuffix("?"), "\(question)")
                #expect(!question.contains { "»«\"“”".contains($0) }, "\(question)")
                #expect(Self.runs(of: 5, in: question).isDisjoint(with: quoted), "\(question)")
            }
        }
    }

    /// Started on any theme of a built-in deck, with a role that has a card there, the energizer asks two of that
    /// theme's own questions; on a form of leadership, the form's.
    @Test(arguments: builtinDecks.map(\.id))
    func theEnergizerAsksTwoOfTheChosenThemesQuestions(deckID: String) throws {
        let deck = deck(deckID)
        for theme in deck.themes {
            let within = deck.themeIDs(within: theme)
            let role = try #require(deck.cards.first { within.contains($0.theme) }?.role)
            let setup = ConversationSetup(flow: "energizer", deck: deck.id, roles: [role], themes: [theme.id], seed: 5)
            let asks = try Self.asks(setup, on: deck)
            #expect(asks.count == 2, "\(theme.id)")
            #expect(
                asks.allSatisfy {
                    theme.energizers.contains($0.text) && $0.origin == .samtale && $0.theme == theme.name
                },
                "\(theme.id): \(asks.map(\.text))")
        }
    }

    /// A deck shown as JSON for one role and form is a deck file with every theme's energizer questions.
    @Test func aDeckShownAsJSONKeepsTheEnergizerQuestions() throws {
        let deck = deck("socialafdelingen")
        let view = DeckView(deck: deck, role: deck.role(id: "medarbejder"), theme: deck.theme(id: "personaleledelse"))
        let shown = try DeckDecoder.decode(Array(view.rendered(as: .json, language: .da, width: nil).utf8))
        #expect(shown.themes.map(\.energizers) == deck.themes.map(\.energizers))
    }

    /// On a form of leadership the opening names the form, as its questions are the form's, not its sub-themes'.
    @Test func theOpeningNamesAFormOfLeadershipAsChosen() throws {
        let setup = ConversationSetup(
            flow: "energizer", deck: "socialafdelingen", roles: ["medarbejder"], themes: ["personaleledelse"])
        let script = try flow("energizer").expand(over: deck(setup.deck), setup: setup)
        #expect(script.steps.first == .say("Energizer: Personaleledelse (ca. 5 min.)"))
    }

    /// The seed chooses which two, so that the same meeting opens otherwise next time.
    @Test func theSeedChoosesWhichQuestions() throws {
        let setups = (0..<12).map { seed in
            ConversationSetup(
                flow: "energizer", deck: "hjoerring-dialogkort", roles: ["medarbejder"],
                themes: ["sammen-udvikler-vi-en-baeredygtig-organisation"], seed: UInt64(seed))
        }
        let picks = try setups.map { try Self.asks($0, on: deck("hjoerring-dialogkort")).map(\.text) }
        #expect(Set(picks).count > 1)
        #expect(try Self.asks(setups[3], on: deck("hjoerring-dialogkort")).map(\.text) == picks[3])
    }

    /// A user's deck without energizer questions: the energizer asks the card's questions for the group.
    @Test func aDeckWithoutEnergizerQuestionsAsksTheCardsGroupQuestions() throws {
        let setup = ConversationSetup(
            flow: "energizer", deck: "hjoerring-dialogkort", roles: ["chef"],
            themes: ["sammen-styrker-vi-resultaterne"],
            seed: 3)
        let own = deckWithoutEnergizers(setup.deck)
        let card = try #require(own.cards.first { $0.role == "chef" && $0.theme == "sammen-styrker-vi-resultaterne" })
        let asks = try Self.asks(setup, on: own)
        #expect(asks.count == 2)
        #expect(asks.allSatisfy { card.questions.group.contains($0.text) && $0.origin == .source })
    }

    /// The time box the opening gives is repeated under the summary's title and in the record, and only a flow that
    /// suggests one shows it; a saved session keeps it.
    @Test func theTimeBoxIsShownInTheSummaryAndTheRecord() throws {
        let setup = ConversationSetup(
            flow: "energizer", deck: "kolding-sammen-om-ledelse", roles: ["leder"], themes: ["traening"], minutes: 7)
        let script = try flow("energizer").expand(over: deck(setup.deck), setup: setup)
        #expect(script.timeBox == 7)
        let id = try #require(SessionID(validating: "0123456789abcdefghjkmnpqrs"))
        var session = Session(id: id, setup: setup, script: script, at: "2026-11-26T09:00:00+01:00")
        for event in [Event.start, .answer("Feedback"), .answer("Skak")] {
            _ = session.received(event, at: "2026-11-26T09:01:00+01:00")
        }
        #expect(
            session.conversation.summary.text(language: .da).hasPrefix(
                "OPSUMMERING: Energizer\nTidsramme: ca. 7 min.\n"))
        #expect(session.conversation.summary.text(language: .en).contains("\nTime box: about 7 min.\n"))
        #expect(session.markdown(language: .da).contains("\n- Tidsramme: ca. 7 min.\n"))
        #expect(try Session.decode(session.encoded()) == session)
        let team = try flow("team").expand(
            over: deck("skanderborg-ledelsesgrundlag"),
            setup: ConversationSetup(
                flow: "team", deck: "skanderborg-ledelsesgrundlag", roles: ["leder-af-medarbejder"],
                themes: ["tvaergaaende-ledelse"], participants: ["Ann", "Bo"], minutes: 7))
        #expect(team.timeBox == nil)
    }
}
