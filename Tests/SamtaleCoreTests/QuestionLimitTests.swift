import Foundation
import Testing

@testable import SamtaleCore

/// A 1:1 theme asks at most five of its card's questions, the first in deck order, then offers the rest, which are
/// asked only on yes; a user's deck (`Tests/samtaleTests/Fixtures/long`) has a card of eight.
@Suite struct QuestionLimitTests {
    static let longDeck: Deck = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samtaleTests/Fixtures/long/lange-kort.json")
        return try! DeckDecoder.decode(Array(try! Data(contentsOf: file)))
    }()

    static func script(themes: [String] = ["trivsel"], language: Language = .da) throws -> Script {
        let setup = ConversationSetup(
            flow: "one-to-one", deck: "lange-kort", roles: ["medarbejder"], themes: themes, language: language)
        return try flow("one-to-one").expand(over: longDeck, setup: setup)
    }

    /// A conversation on the card of eight, after the five questions it asks first: waiting at the offer.
    static func atTheOffer() throws -> Conversation {
        var conversation = Conversation(script: try script(), language: .da, startedAt: "t")
        _ = conversation.received(.start)
        for number in 1...5 { _ = conversation.received(.answer("svar \(number)")) }
        return conversation
    }

    /// The conversation as a session, to save, read back and export.
    static func session(_ conversation: Conversation, setup: ConversationSetup? = nil) throws -> Session {
        Session(
            id: try #require(SessionID(validating: "0123456789abcdefghjkmnpqrs")), revision: 0, instance: nil,
            setup: setup ?? ConversationSetup(flow: "one-to-one", deck: "lange-kort", roles: ["medarbejder"]),
            conversation: conversation, updatedAt: "2026-11-26T10:00:00+01:00", log: [])
    }

    static func asks(_ script: Script) -> [Ask] {
        script.steps.compactMap { step in
            if case .ask(let ask) = step { ask } else { nil }
        }
    }

    @Test func theFirstFiveAreAskedAndTheRestOffered() throws {
        let asks = Self.asks(try Self.script())
        let card = Self.longDeck.cards[0].questions[.individual]
        #expect(asks.prefix(5).map(\.text) == Array(card.prefix(5)))
        #expect(asks.prefix(5).allSatisfy { $0.offeredBy == nil && $0.origin == .source })
        let offer = asks[5]
        #expect(offer.purpose == .moreQuestions && offer.optional && offer.kind == .choice(["ja", "nej"]))
        #expect(offer.text == "Der er tre spørgsmål mere om »Trivsel«. Vil I tage dem med?")
        #expect(asks.dropFirst(6).map(\.text) == Array(card.dropFirst(5)))
        #expect(asks.dropFirst(6).allSatisfy { $0.offeredBy == offer.id })
        let english = Self.asks(try Self.script(language: .en))[5]
        #expect(english.text == "There are 3 more questions on \"Trivsel\". Would you like to include them?")
        #expect(english.kind == .choice(["yes", "no"]))
        // A card of two has nothing to offer.
        #expect(!Self.asks(try Self.script(themes: ["drift"])).contains { $0.purpose == .moreQuestions })
        // The energizer still picks its questions by the seed; the 1:1 takes the first, so its seed is not kept.
        #expect(flow("energizer").choosesQuestions && !flow("one-to-one").choosesQuestions)
    }

    @Test(arguments: ["", "/spring", "nej", "2"])
    func anOfferNotTakenGoesOnToTheAgreements(answer: String) throws {
        var conversation = try Self.atTheOffer()
        let offer = try #require(question(conversation.current))
        #expect(offer.progress == Progress(current: 6, total: 7))
        let next = try #require(question(conversation.received(Event(input: answer))))
        #expect(next.ask.id.hasPrefix("agreement-") && next.progress == Progress(current: 7, total: 7))
        #expect(conversation.summary.items.map(\.answer) == (1...5).map { "svar \($0)" })
    }

    /// An offer is answered yes or no in either language, as confirming the end is; anything else is asked again
    /// for yes or no, not for numbers and names that were never shown.
    @Test func anOfferTakesYesOrNoInEitherLanguage() throws {
        for (answer, taken) in [("yes", true), ("JA", true), ("y", true), ("1", true), ("no", false), ("N", false)] {
            var conversation = try Self.atTheOffer()
            let next = try #require(question(conversation.received(Event(input: answer))))
            #expect(taken ? next.ask.offeredBy != nil : next.ask.id.hasPrefix("agreement-"), "\(answer)")
        }
        var conversation = try Self.atTheOffer()
        #expect(conversation.received(Event(input: "måske")).first == .reask(.notYesOrNo("måske")))
        #expect(
            Strings.reask(.notYesOrNo("måske"))
                == Localized(
                    da: "»måske« er hverken ja eller nej; svar ja eller nej (tryk Enter for nej).",
                    en: "\"måske\" is neither yes nor no; answer yes or no (press Enter for no)."))
        let english = Self.asks(try Self.script(language: .en))[5]
        #expect(english.answer(from: "ja") == .success(.choice(0)))
        #expect(english.answer(from: "nej") == .success(.choice(1)))
        #expect(english.answer(from: "3") == .failure(.notYesOrNo("3")))
    }

    @Test func anOfferTakenAsksTheRestAndCountsThem() throws {
        var conversation = try Self.atTheOffer()
        let sixth = try #require(question(conversation.received(.answer("ja"))))
        #expect(sixth.ask.text == "Hvad vil du gerne have mere af i hverdagen?")
        #expect(sixth.progress == Progress(current: 7, total: 10))
        _ = conversation.received(.answer("svar 6"))
        _ = conversation.received(.answer("svar 7"))
        let agreements = try #require(question(conversation.received(.command(.skip))))
        #expect(agreements.ask.id.hasPrefix("agreement-") && agreements.progress == Progress(current: 10, total: 10))
        // The offer is the way to the questions, not one of them.
        #expect(conversation.summary.items.map(\.answer) == (1...7).map { "svar \($0)" } + [nil])
        let markdown = try Self.session(conversation).markdown(language: .da)
        #expect(markdown.contains("**Hvad kan jeg som leder gøre for din trivsel?**\n\n_(sprunget over)_"))
        #expect(!markdown.contains("Vil I tage dem med?"))
    }

    /// Taken, two answered, then back to the offer and no: the two are passed over by back and progress, and left
    /// out of the summary, but kept in the record; the file reads back as it was.
    @Test func anOfferRevisedToNoPassesOverItsQuestions() throws {
        var conversation = try Self.atTheOffer()
        _ = conversation.received(.answer("ja"))
        _ = conversation.received(.answer("svar 6"))
        _ = conversation.received(.answer("svar 7"))
        for _ in 0..<2 { _ = conversation.received(.command(.back)) }
        let offer = try #require(question(conversation.received(.command(.back))))
        #expect(offer.ask.purpose == .moreQuestions && offer.previous == "ja")
        let next = try #require(question(conversation.received(.answer("nej"))))
        #expect(next.ask.id.hasPrefix("agreement-") && next.progress == Progress(current: 7, total: 7))
        #expect(conversation.summary.items.map(\.answer) == (1...5).map { "svar \($0)" })
        #expect(conversation.answers.count == 8)
        #expect(conversation.damage == nil)
        let back = try #require(question(conversation.received(.command(.back))))
        #expect(back.ask.purpose == .moreQuestions && back.previous == "nej")
        let session = try Self.session(conversation)
        #expect(try Session.decode(session.encoded()).conversation == conversation)
    }

    /// Declined, on to the agreements, then back to the offer and yes: its questions are asked first, and the
    /// conversation goes on where it was.
    @Test func anOfferRevisedToYesAsksItsQuestionsThenGoesOnWhereItWas() throws {
        var conversation = try Self.atTheOffer()
        let frontier = try #require(question(conversation.received(.answer("nej"))))
        _ = conversation.received(.command(.back))
        let sixth = try #require(question(conversation.received(.answer("ja"))))
        #expect(sixth.ask.text == "Hvad vil du gerne have mere af i hverdagen?" && sixth.previous == nil)
        // Saved there, still revising, the file reads back whole.
        let session = try Self.session(conversation)
        #expect(try Session.decode(session.encoded()).conversation == conversation)
        #expect(conversation.damage == nil)
        // Back from it is the offer.
        #expect(question(conversation.received(.command(.back)))?.ask.purpose == .moreQuestions)
        _ = conversation.received(.answer("ja"))
        _ = conversation.received(.answer("svar 6"))
        _ = conversation.received(.answer("svar 7"))
        let returned = try #require(question(conversation.received(.answer("svar 8"))))
        #expect(returned.ask == frontier.ask && returned.progress == Progress(current: 10, total: 10))
        #expect(conversation.summary.items.map(\.answer) == (1...8).map { "svar \($0)" })
        #expect(
            question(conversation.received(.command(.back)))?.ask.text == "Hvad kan jeg som leder gøre for din trivsel?"
        )
    }

    @Test func aFileWaitingAtAQuestionOfAnOfferNotTakenIsDamaged() throws {
        let conversation = try Self.atTheOffer()
        let script = conversation.script
        let held = try #require(
            script.steps.firstIndex { step in
                if case .ask(let ask) = step { ask.offeredBy != nil } else { false }
            })
        let waiting = Conversation.Waiting(place: .question(step: held), revising: nil)
        let damaged = Conversation(
            script: script, language: .da, startedAt: "t", state: .waiting(waiting), answers: conversation.answers,
            agreements: [:], answered: conversation.answered)
        #expect(damaged.damage == .positionOutsideScript(path: "state.at"))
        // A question held by an offer the script does not have.
        let steps = script.steps.map { step -> ScriptStep in
            guard case .ask(let ask) = step, ask.offeredBy != nil else { return step }
            return .ask(Ask(id: ask.id, text: ask.text, offeredBy: "q99"))
        }
        let orphan = Conversation(
            script: Script(
                flowID: script.flowID, title: script.title, deckTitle: script.deckTitle,
                organisation: script.organisation, source: script.source, roleNames: script.roleNames,
                themeNames: script.themeNames, participants: script.participants, records: script.records,
                steps: steps),
            language: .da, startedAt: "t")
        #expect(orphan.damage == .invalidStep(index: held))
    }

    /// A conversation paused or ended early lists what was answered or skipped, never a question not reached.
    @Test func questionsNotReachedAreNotShownAsSkipped() throws {
        var (conversation, _) = OneToOne.start()
        _ = conversation.received(.command(.skip))
        _ = conversation.received(.command(.pause))
        let summary = conversation.summary
        #expect(summary.items.map(\.answer) == [nil])
        let session = try Self.session(conversation, setup: OneToOne.setup)
        let markdown = session.markdown(language: .da)
        #expect(markdown.components(separatedBy: "_(sprunget over)_").count == 2)
        #expect(!markdown.contains("Hvordan kan du inddrage andre"))
        let text = summary.text(language: .da)
        #expect(text.components(separatedBy: "(sprunget over)").count == 2)
        #expect(!text.contains("Hvordan kan du inddrage andre"))
    }

    /// Now and needed alike: no area gets too much or too little, so no question on the direction is put, and the
    /// count does not wait for one.
    @Test func theSeesawWithoutAGapCountsOnlyTheQuestionsItPuts() throws {
        let script = try GapRevisionTests.script()
        var conversation = Conversation(script: script, language: .da, startedAt: "t")
        _ = conversation.received(.start)
        _ = conversation.received(.answer("25 25 25 25"))
        var progress: [SamtaleCore.Progress] = []
        var actions = conversation.received(.answer("25 25 25 25"))
        while let asked = question(actions), !asked.ask.id.hasPrefix("agreement-") {
            progress.append(asked.progress)
            actions = conversation.received(.answer("svar"))
        }
        // The gap questions follow the two points answers, and the agreements come right after them, the last.
        let agreements = try #require(question(actions)).progress
        #expect(progress.map(\.current) == Array(3..<(3 + progress.count)))
        #expect(agreements == Progress(current: 3 + progress.count, total: 3 + progress.count), "\(progress)")
    }

    @Test func aPickOrAnOfferWithoutALimitIsReported() {
        let flow = """
            {"$schema": "x", "format": 1, "id": "kort", "origin": "samtale", "title": {"da": "K", "en": "K"},
             "description": {"da": "K", "en": "K"}, "selection": {"roles": 1, "themes": "one"},
             "steps": [{"kind": "questions", "audience": "individual", "pick": "first", "offerRest": true}]}
            """
        #expect(throws: DataIssues.self) { try FlowDecoder.decode(Array(flow.utf8)) }
        do throws(DataIssues) {
            _ = try FlowDecoder.decode(Array(flow.utf8))
        } catch {
            #expect(error.issues.map(\.problem) == [.missingKey("limit")])
            #expect(error.issues.map(\.path.description) == ["steps[0]"])
        }
    }
}
