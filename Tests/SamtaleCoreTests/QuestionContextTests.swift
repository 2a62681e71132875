import SamtaleDecks
import Testing

@testable import SamtaleCore

/// Source questions that cannot stand alone ("Hvad kan du forbedre? Gøre mere af? Mindre af?") are named on their
/// card and carry its theme and the question they follow wherever they are asked apart from it.
@Suite struct QuestionContextTests {
    /// Every source question of the built-in decks, with what its card says of it.
    static let sourceQuestions: [(deck: Deck, question: Question, previous: String?)] = builtinDecks.flatMap { deck in
        deck.cards.flatMap { card in
            Audience.allCases.flatMap { audience in
                deck.questions(on: card, for: audience).enumerated().compactMap { index, question in
                    question.origin == .source
                        ? (deck, question, index > 0 ? card.questions[audience][index - 1] : nil) : nil
                }
            }
        }
    }

    static var marked: [(deck: Deck, question: Question, previous: String?)] {
        sourceQuestions.filter { $0.question.card.needsContext[$0.question.audience].contains($0.question.text) }
    }

    /// A prompt of one question, as `Catalog.prompt` makes it without a target group.
    static func prompt(_ deck: Deck, _ question: Question) throws -> Prompt {
        Prompt(
            question: question, text: question.text, statements: question.card.statements,
            context: question.context, deck: deck, role: try #require(deck.role(id: question.card.role)),
            theme: try #require(deck.theme(id: question.card.theme)), date: Rotation.anchor)
    }

    @Test func theQuestionsThatCannotStandAloneAreNamedOnTheirCards() {
        let named = Self.marked.map { "\($0.question.card.role) \($0.question.audience): \($0.question.text)" }
        #expect(
            named == [
                "medarbejder individual: Hvad virker godt, og hvad kan forbedres?",
                "leder-af-medarbejder group: Hvad kan forbedres? Gøre mere af? Mindre af?",
                "leder-af-leder individual: Hvad kan du forbedre for at øge dit bidrag? Gøre mere af? Mindre af?",
                "leder-af-leder individual: Hvad skal du forbedre? Gøre mere af? Mindre af?",
                "leder-af-leder group: Hvad kan understøtte os i dette arbejde? Hvad kan bremse os?",
                "chef individual: Hvad kan du forbedre? Gøre mere af? Mindre af?",
                "chef individual: Hvad kan du forbedre? Gøre mere af? Mindre af?",
                "chef group: Hvordan kan vi blive endnu bedre?",
                "chef individual: Hvad kan du forbedre? Gøre mere af? Mindre af?",
                "chef individual: Hvad kan du forbedre? Gøre mere af? Mindre af?",
                "chef group: Hvad kan vi konkret forbedre? Gøre mere af? Mindre af?",
                "direktoer individual: Hvad kan du gøre mere af? Mindre af?",
                "direktoer individual: Hvad er dine styrker og udfordringer i dette arbejde? Hvordan kan du udvikle dig?",
                "direktoer individual: Hvad kan du forbedre? Gøre mere af? Mindre af?",
            ])
    }

    @Test func aMarkedQuestionHasItsThemeAndTheQuestionBeforeItAndNoOtherHasAContext() throws {
        for (deck, question, previous) in Self.sourceQuestions {
            let marked = question.card.needsContext[question.audience].contains(question.text)
            let theme = try #require(deck.theme(id: question.card.theme)).name
            #expect(question.context == (marked ? QuestionContext(theme: theme, follows: previous) : nil))
        }
    }

    /// `show --format json` names them as the deck file does; a card that names none has no such key.
    @Test func showNamesTheQuestionsThatCannotStandAlone() throws {
        for card in deck("hjoerring-dialogkort").cards {
            let shown = card.jsonValue.member("needsContext")
            if card.needsContext.individual.isEmpty && card.needsContext.group.isEmpty {
                #expect(shown == nil)
            } else {
                #expect(
                    shown
                        == .object([
                            JSONMember("individual", .strings(card.needsContext.individual)),
                            JSONMember("group", .strings(card.needsContext.group)),
                        ]))
            }
        }
    }

    @Test func everyFormatOfAPromptCarriesTheContext() throws {
        for (deck, question, previous) in Self.marked {
            let prompt = try Self.prompt(deck, question)
            let follows = try #require(previous)
            let theme = prompt.theme.name
            #expect(prompt.rendered(as: .text, language: .da) == "\(theme): \(follows) \(question.text)")
            let markdown = prompt.rendered(as: .markdown, language: .da)
            #expect(
                markdown.contains("· \(theme)\n\n_I forlængelse af spørgsmålet »\(follows)«_\n\n> \(question.text)\n"))
            #expect(
                prompt.rendered(as: .markdown, language: .en).contains(
                    "_Following on from the question \"\(follows)\"_\n\n> \(question.text)\n"))
            let json = try JSONParser.parse(Array(prompt.rendered(as: .json, language: .da).utf8))
            #expect(json.member("text") == .string(question.text))
            #expect(
                json.member("context")
                    == .object([JSONMember("theme", .string(theme)), JSONMember("follows", .string(follows))]))
            #expect(prompt.body(language: .da) == "I forlængelse af spørgsmålet »\(follows)«\n\n\(question.text)")
        }
    }

    @Test func aQuestionThatStandsAloneIsRenderedAsBefore() throws {
        let alone = Self.sourceQuestions.filter { $0.question.context == nil }
        #expect(alone.count > 60)
        for (deck, question, _) in alone {
            let prompt = try Self.prompt(deck, question)
            #expect(prompt.rendered(as: .text, language: .da) == question.text)
            #expect(
                prompt.rendered(as: .markdown, language: .da).contains("· \(prompt.theme.name)\n\n> \(question.text)\n")
            )
            let json = try JSONParser.parse(Array(prompt.rendered(as: .json, language: .da).utf8))
            #expect(json.member("context") == nil)
            #expect(prompt.body(language: .da) == question.text)
        }
    }

    /// The first question of a card has no question before it: its theme alone goes before it.
    @Test func theTargetGroupIsPutInTheContextAndAFirstQuestionHasItsThemeAlone() throws {
        let deckJSON = """
            {
              "$schema": "./deck.schema.json", "format": 1, "id": "test", "title": "Test",
              "organisation": "Testkommune", "source": "test.txt",
              "roles": [{"id": "medarbejder", "name": "Medarbejder", "level": 1}],
              "themes": [{"id": "naer", "name": "Tæt på borgeren"}],
              "cards": [{
                "role": "medarbejder", "theme": "naer",
                "questions": {"individual": ["Hvordan inddrager du borgeren?", "Hvad kan du forbedre?"],
                  "group": ["Hvad virker?"]},
                "needsContext": {"individual": ["Hvad kan du forbedre?"], "group": ["Hvad virker?"]}
              }]
            }
            """
        let catalog = try Catalog.load(
            builtin: [], files: [DeckFile(name: "test.json", bytes: Array(deckJSON.utf8), isBuiltin: false)])
        var texts: Set<String> = []
        for audience in Audience.allCases {
            for day in 0..<2 {
                let options = PromptOptions(
                    deck: "test", audience: audience, date: Rotation.anchor.adding(days: day),
                    targetGroup: try TargetGroup(parsing: "elev"))
                guard case .prompt(let prompt) = try catalog.prompt(for: options, today: Rotation.anchor) else {
                    Issue.record("no prompt")
                    continue
                }
                texts.insert(prompt.rendered(as: .text, language: .da))
            }
        }
        #expect(
            texts == [
                "Hvordan inddrager du eleven?", "Tæt på eleven: Hvordan inddrager du eleven? Hvad kan du forbedre?",
                "Tæt på eleven: Hvad virker?",
            ])
    }

    // MARK: Conversations

    static func asks(_ setup: ConversationSetup) throws -> [Ask] {
        let deck = setup.flow == "energizer" ? deckWithoutEnergizers(setup.deck) : deck(setup.deck)
        return try flow(setup.flow).expand(over: deck, setup: setup).steps.compactMap { step in
            if case .ask(let ask) = step { return ask }
            return nil
        }
    }

    /// An energizer on a deck without energizer questions, whose seed picks the chef group's "Hvordan kan vi blive
    /// endnu bedre?" without the question before it.
    static let energizer = ConversationSetup(
        flow: "energizer", deck: "hjoerring-dialogkort", roles: ["chef"], themes: ["sammen-styrker-vi-resultaterne"],
        seed: 3)

    static func energizer(after events: [Event]) throws -> Session {
        let script = try flow("energizer").expand(over: deckWithoutEnergizers(energizer.deck), setup: energizer)
        let id = try #require(SessionID(validating: "0123456789abcdefghjkmnpqrs"))
        var session = Session(id: id, setup: energizer, script: script, at: "2026-11-26T09:00:00+01:00")
        for event in events { _ = session.received(event, at: "2026-11-26T09:00:00+01:00") }
        return session
    }

    @Test func aQuestionAskedApartFromTheOneItFollowsNamesIt() throws {
        let energizer = try Self.asks(Self.energizer)
        #expect(energizer.first?.text == "Hvordan kan vi blive endnu bedre?")
        #expect(
            energizer.map(\.follows) == [
                "Hvordan skaber vi som gruppe en fælles kultur, hvor der er fokus på nytænkning, nye metoder, viden, "
                    + "forskning og data?", nil,
            ])
        // Across levels the other level's question comes between a question and the one it follows.
        let across = try Self.asks(
            ConversationSetup(
                flow: "across-levels", deck: "hjoerring-dialogkort", roles: ["chef", "direktoer"],
                themes: ["sammen-sikrer-vi-driften"]))
        #expect(
            across.compactMap { ask in ask.follows.map { "\(ask.text) ← \($0)" } } == [
                "Hvad kan du forbedre? Gøre mere af? Mindre af? ← Hvordan sikrer du sammenhængskraft og prioritering "
                    + "af ressourcer i forhold til kvalitet i opgaveløsningen?",
                "Hvad kan du gøre mere af? Mindre af? ← Hvordan skaber du sammenhæng mellem politiske mål og driften?",
            ])
    }

    @Test func aQuestionAskedRightAfterTheOneItFollowsNeedsNothingMore() throws {
        let all = deck("hjoerring-dialogkort").themes.map(\.id)
        let setups = [
            ("team", "chef", ["sammen-styrker-vi-resultaterne"]),
            ("team", "leder-af-leder", ["sammen-udvikler-vi-en-baeredygtig-organisation"]),
            ("one-to-one", "direktoer", all), ("one-to-one", "leder-af-leder", all),
        ]
        for (flowID, role, themes) in setups {
            let asks = try Self.asks(
                ConversationSetup(
                    flow: flowID, deck: "hjoerring-dialogkort", roles: [role], themes: themes,
                    participants: ["Ann", "Bo"]))
            let marked = Set(Self.marked.map(\.question.text))
            #expect(asks.contains { marked.contains($0.text) })
            #expect(asks.allSatisfy { $0.follows == nil })
        }
    }

    /// The summary and the Markdown record say what the question followed, as the conversation did.
    @Test func theRecordOfAConversationNamesWhatAQuestionFollowed() throws {
        let session = try Self.energizer(after: [.start, .answer("Mere sparring"), .answer("Færre møder")])
        let follows =
            "I forlængelse af spørgsmålet »Hvordan skaber vi som gruppe en fælles kultur, hvor der er fokus på "
            + "nytænkning, nye metoder, viden, forskning og data?«"
        #expect(
            session.conversation.summary.text(language: .da).contains(
                "- Hvordan kan vi blive endnu bedre? (\(follows))\n  Mere sparring\n"))
        #expect(
            session.markdown(language: .da).contains("\n_\(follows)_\n\n**Hvordan kan vi blive endnu bedre?**\n"))
    }

    @Test func aSessionKeepsWhatAQuestionFollows() throws {
        let session = try Self.energizer(after: [.start])
        let decoded = try Session.decode(session.encoded())
        #expect(decoded == session)
        #expect(
            decoded.conversation.script.steps.contains { step in
                if case .ask(let ask) = step { return ask.follows != nil }
                return false
            })
    }
}
