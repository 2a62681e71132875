import Foundation
import SamtaleDecks
import Testing

@testable import SamtaleCore

/// The built-in flows, decoded as the command line decodes them.
let builtinFlows: [Flow] = BuiltinFlows.files.map { file in
    do throws(DataIssues) {
        return try FlowDecoder.decode(file.bytes)
    } catch {
        fatalError("\(file.name): \(error.issues.map { $0.line(in: .en) })")
    }
}

func flow(_ id: String) -> Flow {
    builtinFlows.first { $0.id == id }!
}

func deck(_ id: String) -> Deck {
    builtinDecks.first { $0.id == id }!
}

/// A built-in deck as a user's deck without energizer questions, on which the energizer asks the card's questions for
/// the group.
func deckWithoutEnergizers(_ id: String) -> Deck {
    let deck = deck(id)
    return Deck(
        id: deck.id, title: deck.title, organisation: deck.organisation, source: deck.source, sections: deck.sections,
        roles: deck.roles,
        themes: deck.themes.map { Theme(id: $0.id, name: $0.name, parent: $0.parent, description: $0.description) },
        cards: deck.cards, templates: deck.templates, corrections: deck.corrections)
}

/// A valid answer for an ask, different for each question so that summaries can be checked.
func answer(for ask: Ask, number: Int) -> String {
    switch ask.kind {
    case .text: "svar \(number)"
    case .scale(let minimum, let maximum): String(minimum + number % (maximum - minimum + 1))
    case .choice: "1"
    case .points(let labels, let total):
        // Tilted one way or the other by the question's number, so that charts have a largest gap.
        { () -> String in
            let weights = (1...labels.count).map { number % 2 == 0 ? $0 : labels.count + 1 - $0 }
            var points = weights.map { total * $0 / weights.reduce(0, +) }
            points[weights.firstIndex(of: labels.count)!] += total - points.reduce(0, +)
            return points.map(String.init).joined(separator: " ")
        }()
    }
}

/// Every setup a flow supports on a deck: each role (or pair of levels), each theme it may take, named participants.
func setups(of flow: Flow, on deck: Deck) -> [ConversationSetup] {
    let planner = SetupPlanner(flows: builtinFlows, decks: builtinDecks, language: .da)
    let roles = flow.selection.roles == 2 ? deck.roles.filter { $0.level != Role.sharedLevel } : deck.roles
    return roles.flatMap { role -> [ConversationSetup] in
        var partial = PartialSetup(flow: flow, deck: deck, roles: [role])
        planner.completeRoles(&partial)
        let themes = planner.themes(of: deck, for: partial.roles[0])
        let choices: [[String]] =
            switch flow.selection.themes {
            case .one: themes.map { [$0.id] }
            case .some: [themes.map(\.id)]
            case .all: [[]]
            }
        return choices.map { themeIDs in
            ConversationSetup(
                flow: flow.id, deck: deck.id, roles: partial.roles.map(\.id), themes: themeIDs,
                participants: ["Ann", "Bo", "Cai"], seed: 7)
        }
    }
}

@Suite struct FlowWalkTests {
    /// A team on a role whose group has a shared task sees the task after the card and is asked about it first;
    /// a deck without groups gives the team flow as before.
    @Test func theTeamFlowShowsAndAsksAboutTheGroupsSharedTask() throws {
        let skanderborg = deck("skanderborg-ledelsesgrundlag")
        let setup = ConversationSetup(
            flow: "team", deck: skanderborg.id, roles: ["leder-af-medarbejder"], themes: ["tvaergaaende-ledelse"],
            participants: ["Ann", "Bo"])
        let steps = try flow("team").expand(over: skanderborg, setup: setup).steps
        let group = try #require(skanderborg.role(id: "leder-af-medarbejder")?.group)
        let task = try #require(
            steps.firstIndex(of: .card(heading: "Ledergrupper · Fælles opgave", statements: group.tasks, quotes: [])))
        guard case .ask(let ask) = steps[task + 1] else {
            Issue.record("no question after the shared task")
            return
        }
        #expect(ask.id == "shared-task" && ask.optional)
        #expect(ask.text.hasPrefix("Hvilken del af jeres fælles opgave hænger tættest sammen med »Tværgående ledelse«"))
        let firstCardQuestion = steps.firstIndex { if case .ask(let ask) = $0 { ask.askedBy != nil } else { false } }
        #expect(try #require(firstCardQuestion) > task)

        let hjoerring = deck("hjoerring-dialogkort")
        let plain = try flow("team").expand(
            over: hjoerring,
            setup: ConversationSetup(
                flow: "team", deck: hjoerring.id, roles: ["medarbejder"], themes: ["sammen-sikrer-vi-driften"],
                participants: ["Ann", "Bo"]))
        #expect(!plain.steps.contains { if case .ask(let ask) = $0 { ask.id == "shared-task" } else { false } })
        #expect(plain.steps.contains { if case .ask(let ask) = $0 { ask.askedBy == "Ann" } else { false } })
    }

    @Test(arguments: builtinFlows.map(\.id))
    func everyFlowRunsToTheEndOnEveryDeckItSupports(flowID: String) throws {
        let flow = flow(flowID)
        var walked = 0
        for deck in builtinDecks {
            if flow.unsupportedReason(deck: deck) != nil {
                #expect(!flow.unsupportedReason(deck: deck)!.message.en.isEmpty)
                continue
            }
            for setup in setups(of: flow, on: deck) {
                let script: Script
                do {
                    script = try flow.expand(over: deck, setup: setup)
                } catch {
                    // A setup that cannot work is refused with a reason, never a crash.
                    #expect(!error.message.da.isEmpty)
                    continue
                }
                try walk(script, label: "\(flowID) \(deck.id) \(setup.roles) \(setup.themes)")
                walked += 1
            }
        }
        #expect(walked > 0)
    }

    /// Answers every question, adds one agreement per list, and checks the end state.
    func walk(_ script: Script, label: String) throws {
        var conversation = Conversation(script: script, language: .da, startedAt: "2026-11-26T10:00:00+01:00")
        var actions = conversation.received(.start)
        var asked: [String] = []
        var given: [String: String] = [:]
        var agreementsStarted: Set<String> = []
        var steps = 0
        while !conversation.isFinished {
            steps += 1
            guard steps < 2_000, case .ask(let action)? = actions.last else {
                Issue.record("\(label): no question to answer after \(actions)")
                return
            }
            #expect(action.progress.current >= 1 && action.progress.current <= action.progress.total, "\(label)")
            let ask = action.ask
            var reply: String
            if ask.id.hasPrefix("agreement-") {
                let list = ask.id.split(separator: "-").prefix(2).joined(separator: "-")
                reply = ask.id.hasSuffix("-what") ? (agreementsStarted.insert(list).inserted ? "aftale" : "") : "x"
            } else {
                asked.append(ask.id)
                reply = answer(for: ask, number: asked.count)
                given[ask.id] = reply
            }
            actions = conversation.received(.answer(reply))
            #expect(
                !actions.contains { if case .reask = $0 { true } else { false } }, "\(label): \(ask.text) → \(reply)")
        }
        #expect(actions.last == .finished)
        let summary = conversation.summary
        let expected = script.steps.reduce(into: 0) { count, step in
            switch step {
            case .ask: count += 1
            // Of the two questions on the gap's direction, one is put (the answers always tilt).
            case .gapQuestions(_, _, _, let questions): count += (questions.first?.count ?? 1) - 1
            default: break
            }
        }
        #expect(asked.count == expected, "\(label): asked \(asked.count) of \(expected)")
        #expect(Set(asked).count == asked.count, "\(label): a question was asked twice")
        #expect(summary.items.count == asked.count, "\(label)")
        for item in summary.items { #expect(item.answer != nil, "\(label): no answer for \(item.ask.text)") }
        let lists = script.steps.filter { if case .agreements = $0 { true } else { false } }.count
        #expect((summary.agreements ?? []).count == lists, "\(label)")
        #expect((summary.agreements == nil) == (lists == 0), "\(label): an agreements section without the step")
        #expect(!summary.endedEarly)
    }
}

// MARK: - Step by step

/// A one-to-one on one card, replayed step by step.
struct OneToOne {
    static let setup = ConversationSetup(
        flow: "one-to-one", deck: "hjoerring-dialogkort", roles: ["medarbejder"],
        themes: ["sammen-sikrer-vi-driften"])
    static let script = try! flow("one-to-one").expand(over: deck("hjoerring-dialogkort"), setup: setup)

    static func start() -> (Conversation, [Action]) {
        var conversation = Conversation(script: script, language: .da, startedAt: "2026-11-26T10:00:00+01:00")
        let actions = conversation.received(.start)
        return (conversation, actions)
    }
}

func question(_ actions: [Action]) -> AskAction? {
    if case .ask(let ask)? = actions.last { return ask }
    return nil
}

@Suite struct ConversationCommandTests {
    @Test func opensWithPurposeStatementsAndTheFirstQuestion() throws {
        let (_, actions) = OneToOne.start()
        #expect(actions.count == 5)
        guard case .say(let welcome) = actions[0], case .say(let purpose) = actions[1],
            case .heading(let heading) = actions[2],
            case .card(let cardHeading, let statements, _) = actions[3]
        else {
            Issue.record("unexpected opening \(actions)")
            return
        }
        #expect(welcome.contains("Sammen sikrer vi driften") && welcome.contains("Medarbejder"))
        #expect(purpose.contains("samtalefil"))
        #expect(heading == "Tema: Sammen sikrer vi driften")
        #expect(cardHeading == "Mit bidrag til SAMMEN SIKRER VI DRIFTEN" && statements.count == 4)
        let first = try #require(question(actions))
        #expect(first.ask.text == "Hvordan bidrager du til kvalitet i løsningen af kerneopgaven?")
        #expect(first.progress == Progress(current: 1, total: 4))
        #expect(first.previous == nil)
    }

    @Test func backAtTheFirstQuestionSaysSoAndAsksAgain() throws {
        var (conversation, actions) = OneToOne.start()
        let first = try #require(question(actions))
        actions = conversation.received(.command(.back))
        #expect(actions == [.reask(.atFirstQuestion), .ask(first)])
    }

    @Test func backRevisesAnAnswerAndReturnsToWhereItWas() throws {
        var (conversation, _) = OneToOne.start()
        _ = conversation.received(.answer("første"))
        let second = try #require(question(conversation.received(.answer("andet"))))
        #expect(second.progress.current == 3)
        let back = try #require(question(conversation.received(.command(.back))))
        #expect(back.progress.current == 2 && back.previous == "andet")
        let backAgain = try #require(question(conversation.received(.command(.back))))
        #expect(backAgain.progress.current == 1 && backAgain.previous == "første")
        let returned = try #require(question(conversation.received(.answer("rettet"))))
        #expect(returned == second)
        // The third question, waited at, was not reached: it is not in the summary, as if skipped.
        #expect(conversation.summary.items.map(\.answer) == ["rettet", "andet"])
    }

    @Test func skippingTheLastQuestionShowsItAsSkipped() throws {
        var (conversation, _) = OneToOne.start()
        _ = conversation.received(.answer("a"))
        _ = conversation.received(.answer("b"))
        let agreements = try #require(question(conversation.received(.command(.skip))))
        #expect(agreements.ask.id.hasPrefix("agreement-"))
        let actions = conversation.received(.command(.skip))
        #expect(actions.last == .finished)
        guard case .summary(let summary) = actions.first else {
            Issue.record("no summary: \(actions)")
            return
        }
        #expect(summary.items.map(\.answer) == ["a", "b", nil])
        #expect(summary.agreements == [])
    }

    /// Going back to an agreement and skipping its text would not end the list there but lose the agreement, so
    /// it is asked again with a reason of its own (the empty answer's says to skip, which would loop).
    @Test func anAgreementGoneBackToCannotBeEmptied() throws {
        var (conversation, _) = OneToOne.start()
        _ = conversation.received(.answer("a"))
        _ = conversation.received(.answer("b"))
        _ = conversation.received(.command(.skip))
        _ = conversation.received(.answer("Tavlemøde hver mandag"))
        _ = conversation.received(.answer("Ann"))
        let who = try #require(question(conversation.received(.command(.back))))
        let what = try #require(question(conversation.received(.command(.back))))
        #expect(what.ask.id.hasSuffix("-what") && who.ask.id.hasSuffix("-who"))
        #expect(conversation.received(.command(.skip)) == [.reask(.emptyAgreement), .ask(what)])
        #expect(Strings.reask(.emptyAgreement).da == "Skriv, hvad aftalen går ud på; en aftale kan ikke stå tom.")
    }

    @Test func repeatAfterAReaskAsksTheSameQuestion() throws {
        var (conversation, actions) = OneToOne.start()
        let first = try #require(question(actions))
        actions = conversation.received(.answer("   "))
        #expect(actions == [.reask(.emptyAnswer), .ask(first)])
        #expect(conversation.received(.command(.repeat)) == [.ask(first)])
        #expect(conversation.received(.unknownCommand("/foo")) == [.reask(.unknownCommand("/foo")), .ask(first)])
        #expect(conversation.received(.command(.help)) == [.help(Command.allCases), .ask(first)])
    }

    @Test func pauseInAScaleQuestionThenResume() throws {
        let setup = ConversationSetup(
            flow: "self", deck: "skanderborg-ledelsesgrundlag", roles: ["leder-af-leder"],
            themes: ["strategisk-ledelse"])
        let script = try flow("self").expand(over: deck("skanderborg-ledelsesgrundlag"), setup: setup)
        var conversation = Conversation(script: script, language: .da, startedAt: "t")
        let scale = try #require(question(conversation.received(.start)))
        #expect(scale.ask.kind == .scale(minimum: 1, maximum: 5))
        #expect(conversation.received(.command(.pause)) == [.paused])
        #expect(conversation.isPaused)
        #expect(conversation.received(.answer("3")) == [.paused])
        // A paused conversation survives being saved and read back.
        let session = Session(
            id: try #require(SessionID(validating: "0123456789abcdefghjkmnpqrs")), revision: 0,
            instance: nil, setup: setup, conversation: conversation, updatedAt: "t", log: [])
        let stored = try Session.decode(session.encoded()).conversation
        #expect(stored == conversation)
        conversation = stored
        #expect(conversation.received(.resume) == [.ask(scale)])
        #expect(
            conversation.received(.answer("7")) == [
                .reask(.outOfRange(value: "7", minimum: 1, maximum: 5)), .ask(scale),
            ])
        #expect(
            conversation.received(.answer("99999999999999999999"))
                == [.reask(.outOfRange(value: "99999999999999999999", minimum: 1, maximum: 5)), .ask(scale)])
        #expect(conversation.received(.answer("abc")) == [.reask(.notANumber("abc")), .ask(scale)])
        let example = try #require(question(conversation.received(.answer("4"))))
        #expect(example.ask.purpose == .statementExample && example.ask.optional)
    }

    @Test func endEarlyAsksFirstAndNoGoesOn() throws {
        var (conversation, actions) = OneToOne.start()
        let first = try #require(question(actions))
        #expect(conversation.received(.command(.end)) == [.confirmEnd])
        #expect(conversation.received(.answer("nej")) == [.ask(first)])
        _ = conversation.received(.answer("svar"))
        #expect(conversation.received(.command(.end)) == [.confirmEnd])
        actions = conversation.received(.answer("ja"))
        #expect(actions.last == .finished)
        guard case .summary(let summary) = actions.first else {
            Issue.record("no summary")
            return
        }
        #expect(summary.endedEarly)
        // Ended at the second question: only the first was reached; the summary says it ended early.
        #expect(summary.items.map(\.answer) == ["svar"])
        #expect(conversation.received(.resume) == [.reask(.finished)])
        #expect(conversation.received(.answer("mere")) == [.reask(.finished)])
    }

    @Test func pointsMustAddUpAndCountRight() throws {
        let script = try flow("seesaw").expand(
            over: deck("hjoerring-ledelse-af-kerneopgaven"),
            setup: ConversationSetup(flow: "seesaw", deck: "hjoerring-ledelse-af-kerneopgaven", roles: ["leder"]))
        var conversation = Conversation(script: script, language: .da, startedAt: "t")
        let points = try #require(question(conversation.received(.start)))
        #expect(
            points.ask.kind
                == .points(
                    labels: [
                        "Optimer med blik for helheden", "Ha' styr på driften",
                        "Vær i samspil med omgivelserne", "Se langt, og sæt det stærkeste hold",
                    ],
                    total: 100))
        #expect(
            conversation.received(.answer("40 30 20 20")) == [
                .reask(.pointsDoNotAddUp(expected: 100, given: 110)), .ask(points),
            ])
        #expect(
            conversation.received(.answer("50 50")) == [
                .reask(.wrongNumberOfPoints(expected: 4, given: 2)), .ask(points),
            ])
        #expect(conversation.received(.answer("50 60 -10 0")) == [.reask(.negativePoints), .ask(points)])
        // Points whose sum would overflow an integer are one area over the total, not a crash.
        #expect(
            conversation.received(.answer("9223372036854775807 1 0 0"))
                == [.reask(.pointsAboveTotal(value: "9223372036854775807", total: 100)), .ask(points)])
        #expect(
            conversation.received(.answer("99999999999999999999 0 0 0"))
                == [.reask(.pointsAboveTotal(value: "99999999999999999999", total: 100)), .ask(points)])
        #expect(conversation.received(.answer("1e3 0 0 0")) == [.reask(.notANumber("1e3")), .ask(points)])
        _ = conversation.received(.answer("30, 30, 20, 20"))
        let actions = conversation.received(.answer("20 20 20 40"))
        guard case .chart(let chart) = actions.first else {
            Issue.record("no chart: \(actions)")
            return
        }
        #expect(chart.largestGap == 3 && chart.gap(at: 3) == 20)
        #expect(chart.text(language: .da).contains("Største forskel: Se langt, og sæt det stærkeste hold"))
        let gapQuestion = try #require(question(actions))
        #expect(gapQuestion.ask.theme == "Se langt, og sæt det stærkeste hold")
    }

    /// Now 40 40 10 10, needed 30 20 30 20: "Ha' styr på driften" has 20 points too many and "Vær i samspil med
    /// omgivelserne" 20 too few; the task needs the second more, so it is talked about, and how to give it more.
    @Test func theLargestGapGoesByNeedAndItsQuestionByDirection() throws {
        let script = try GapRevisionTests.script()
        func gapQuestion(now: String, needed: String) throws -> (Chart, Ask) {
            var conversation = Conversation(script: script, language: .da, startedAt: "t")
            _ = conversation.received(.start)
            _ = conversation.received(.answer(now))
            let actions = conversation.received(.answer(needed))
            guard case .chart(let chart) = actions.first else { throw ChartMissing() }
            return (chart, try #require(question(actions)).ask)
        }
        let (tied, more) = try gapQuestion(now: "40 40 10 10", needed: "30 20 30 20")
        #expect(tied.largestGap == 2 && tied.gap(at: 2) == 20)
        #expect(more.text == "Hvad skal der til, for at du giver »Vær i samspil med omgivelserne« mere opmærksomhed?")
        #expect(more.theme == "Vær i samspil med omgivelserne")
        let (tilted, less) = try gapQuestion(now: "10 10 60 20", needed: "30 20 30 20")
        #expect(tilted.largestGap == 2 && tilted.gap(at: 2) == -30)
        #expect(
            less.text
                == "Hvad kan du give slip på, uddelegere eller gøre enklere inden for »Vær i samspil med omgivelserne«?"
        )
        // Equal points give no direction: the card's questions alone.
        let (level, plain) = try gapQuestion(now: "25 25 25 25", needed: "25 25 25 25")
        #expect(level.largestGap == 0 && plain.purpose == .question)
    }

    @Test func theGapQuestionsAreWrittenInTheConversationsLanguage() throws {
        let setup = ConversationSetup(
            flow: "seesaw", deck: "hjoerring-ledelse-af-kerneopgaven", roles: ["leder"], language: .en)
        let script = try flow("seesaw").expand(over: deck("hjoerring-ledelse-af-kerneopgaven"), setup: setup)
        guard case .gapQuestions(_, _, _, let questions) = script.steps.first(where: \.isGapQuestions) else {
            throw ChartMissing()
        }
        #expect(
            questions[1].prefix(2).map(\.text) == [
                "What would it take for you to give \"Ha' styr på driften\" more attention?",
                "What can you let go of, delegate or make simpler within \"Ha' styr på driften\"?",
            ])
    }

    @Test func theSeesawShowsEachAreasTextBeforeThePoints() throws {
        let script = try GapRevisionTests.script()
        var conversation = Conversation(script: script, language: .da, startedAt: "t")
        let actions = conversation.received(.start)
        let headings = actions.compactMap { action -> String? in
            if case .card(let heading, let statements, _) = action, !statements.isEmpty { return heading }
            return nil
        }
        #expect(
            headings == [
                "OPTIMER MED BLIK FOR HELHEDEN", "HA' STYR PÅ DRIFTEN", "VÆR I SAMSPIL MED OMGIVELSERNE",
                "SE LANGT, OG SÆT DET STÆRKESTE HOLD",
            ])
        guard case .ask(let points)? = actions.last, case .points = points.ask.kind else {
            Issue.record("the points are not asked after the areas: \(actions)")
            return
        }
    }

    @Test func choicesTakeANumberOrAName() {
        let ask = Ask(
            id: "q1", text: "Hvem?", kind: .choice(["Medarbejder", "Leder af medarbejder", "Leder af leder"]))
        #expect(ask.answer(from: "2") == .success(.choice(1)))
        #expect(ask.answer(from: "leder af LEDER") == .success(.choice(2)))
        #expect(ask.answer(from: "med") == .success(.choice(0)))
        #expect(ask.answer(from: "leder") == .failure(.notAChoice("leder", count: 3)))
        #expect(ask.answer(from: "4") == .failure(.notAChoice("4", count: 3)))
        #expect(ask.answer(from: "") == .failure(.emptyAnswer))
    }

    @Test func inputLinesBecomeCommandsInEitherLanguage() {
        #expect(Event(input: "/tilbage") == .command(.back))
        #expect(Event(input: " /BACK ") == .command(.back))
        #expect(Event(input: "/hjælp") == .command(.help))
        #expect(Event(input: "/spring") == .command(.skip))
        #expect(Event(input: "/gentag") == .command(.repeat))
        #expect(Event(input: "/slut") == .command(.end))
        #expect(Event(input: "/pause") == .command(.pause))
        #expect(Event(input: "/foo") == .unknownCommand("/foo"))
        #expect(Event(input: "og/eller") == .answer("og/eller"))
        #expect(Event(input: "/ mellemrum") == .answer("/ mellemrum"))
    }

    @Test func theTeamFlowPutsTheQuestionsByEachParticipantInTurn() throws {
        let setup = ConversationSetup(
            flow: "team", deck: "hjoerring-dialogkort", roles: ["leder-af-medarbejder"],
            themes: ["sammen-skaber-vi-loesninger"], participants: ["Ann", "Bo"])
        let script = try flow("team").expand(over: deck("hjoerring-dialogkort"), setup: setup)
        let askers = script.steps.compactMap { step -> String? in
            if case .ask(let ask) = step { return ask.askedBy }
            return nil
        }
        #expect(askers == ["Ann", "Bo", "Ann"])
        #expect(throws: ExpansionError.tooFewParticipants(flow: flow("team").title, needed: 2, given: 1)) {
            var lonely = setup
            lonely.participants = ["Ann"]
            _ = try flow("team").expand(over: deck("hjoerring-dialogkort"), setup: lonely)
        }
    }

    @Test func acrossLevelsAlternatesAndNeedsTwoLevels() throws {
        let setup = ConversationSetup(
            flow: "across-levels", deck: "hjoerring-dialogkort",
            roles: ["medarbejder", "leder-af-medarbejder"], themes: ["sammen-sikrer-vi-driften"])
        let script = try flow("across-levels").expand(over: deck("hjoerring-dialogkort"), setup: setup)
        let pairs = script.steps.compactMap { step -> String? in
            if case .ask(let ask) = step { return "\(ask.askedBy ?? "")→\(ask.role ?? "")" }
            return nil
        }
        #expect(pairs.prefix(2) == ["Leder af medarbejder→Medarbejder", "Medarbejder→Leder af medarbejder"])
        #expect(
            flow("across-levels").unsupportedReason(deck: deck("kolding-sammen-om-ledelse"))
                == .deckHasOneLevel(flow: flow("across-levels").title, deck: "kolding-sammen-om-ledelse"))
        #expect(
            flow("seesaw").unsupportedReason(deck: deck("hjoerring-dialogkort"))
                == .deckLacksSection(flow: flow("seesaw").title, deck: "hjoerring-dialogkort", section: .model))
    }

    @Test func theEnergizerAsksTwoQuestionsWithATimeBoxAndKeepsNothing() throws {
        var setup = ConversationSetup(
            flow: "energizer", deck: "hjoerring-dialogkort", roles: ["chef"],
            themes: ["sammen-styrker-vi-resultaterne"], minutes: 7, seed: 3)
        let script = try flow("energizer").expand(over: deck("hjoerring-dialogkort"), setup: setup)
        #expect(!script.records)
        #expect(script.steps.filter { if case .ask = $0 { true } else { false } }.count == 2)
        guard case .say(let opening) = script.steps[0] else { return }
        #expect(opening.contains("(ca. 7 min.)"))
        setup.seed = 4
        #expect(
            try flow("energizer").expand(over: deck("hjoerring-dialogkort"), setup: setup).steps.count
                == script.steps.count)
    }

    @Test func theSelfReflectionSummaryNamesStrongestAndWeakest() throws {
        let setup = ConversationSetup(
            flow: "self", deck: "skanderborg-ledelsesgrundlag", roles: ["medarbejder"],
            themes: ["udvikling", "typiske-faldgruber"])
        let script = try flow("self").expand(over: deck("skanderborg-ledelsesgrundlag"), setup: setup)
        var conversation = Conversation(script: script, language: .da, startedAt: "t")
        _ = conversation.received(.start)
        // Udvikling has one statement (rated 5); the pitfalls card five, rated 1 (far from it) to 5 (very close).
        for reply in ["5", "Mit kursus", "1", "2", "3", "4", "5", "mere læring", "mindre stress"] {
            _ = conversation.received(.answer(reply))
        }
        #expect(conversation.isFinished)
        let summary = conversation.summary
        #expect(summary.ratings.count == 6)
        #expect(summary.ratings[0].example == "Mit kursus")
        #expect(
            summary.strongest.map(\.subject) == [
                "Prioriterer egen faglig og personlig udvikling",
                "\"Stærk\" medarbejder bliver uformel leder ved \"svag\" ledelse",
            ])
        #expect(
            summary.weakest.map(\.subject) == ["Tilsidesætter overordnede politikker og beslutninger, og går egne veje"]
        )
    }

    /// Each competence area is a heading before its ratings; its statements are averaged (skipped ones left out, "–"
    /// where none was rated), and its pitfalls stand in their own column, closeness, never among the scores.
    @Test func theSelfReflectionShowsItsAreasAveragesAndPitfallsApart() throws {
        let setup = ConversationSetup(
            flow: "self", deck: "skanderborg-ledelsesgrundlag", roles: ["medarbejder"],
            themes: ["udvikling", "faglighed", "typiske-faldgruber"])
        let script = try flow("self").expand(over: deck("skanderborg-ledelsesgrundlag"), setup: setup)
        let headings = script.steps.enumerated().compactMap { index, step -> String? in
            guard case .heading(let area) = step, case .ask(let next) = script.steps[index + 1] else { return nil }
            return next.theme == area ? area : nil
        }
        #expect(headings == ["Udvikling", "Faglighed", "Typiske faldgruber"])
        // A card whose heading says more than its area's name shows it under the area.
        let hjoerring = try flow("self").expand(
            over: deck("hjoerring-dialogkort"),
            setup: ConversationSetup(
                flow: "self", deck: "hjoerring-dialogkort", roles: ["medarbejder"],
                themes: ["sammen-sikrer-vi-driften"]))
        #expect(
            Array(hjoerring.steps[1...2]) == [
                .heading("Sammen sikrer vi driften"),
                .card(heading: "Mit bidrag til SAMMEN SIKRER VI DRIFTEN", statements: [], quotes: []),
            ])
        var conversation = Conversation(script: script, language: .da, startedAt: "t")
        var actions = conversation.received(.start)
        // Udvikling's one statement skipped; Faglighed's four 4, 4, 3 and one skipped; the five pitfalls 1 to 5.
        var scores: [String?] = [nil, "4", "4", "3", nil, "1", "2", "3", "4", "5"]
        while let asked = question(actions) {
            switch asked.ask.purpose {
            case .statementRating, .pitfallRating:
                actions = conversation.received(scores.removeFirst().map(Event.answer) ?? .command(.skip))
            case .statementExample: actions = conversation.received(.answer(""))
            default: actions = conversation.received(.answer("svar"))
            }
        }
        #expect(conversation.isFinished && scores.isEmpty)
        let summary = conversation.summary
        #expect(
            summary.areaAverages == [
                Summary.AreaAverage(area: "Udvikling", rated: 0, statements: 1, tenths: nil),
                Summary.AreaAverage(area: "Faglighed", rated: 3, statements: 4, tenths: 37),
            ])
        let text = summary.text(language: .da)
        for expected in [
            "== Faglighed ==\nGennemsnit 3,7 (3 af 4 udsagn vurderet)\n4  ",
            "== Udvikling ==\nGennemsnit – (0 af 1 udsagn vurderet)\n–  ",
            "== Typiske faldgruber ==\nHvor tæt er jeg på?\n1  ",
            "Udsagn: 1 = slet ikke, 5 = i høj grad. Faldgruber: 1 = langt fra, 5 = meget tæt på.",
        ] {
            #expect(text.contains(expected), "\(text)")
        }
        #expect(!text.contains("I hvor høj grad"), "the ratings are not listed twice: \(text)")
        // The pitfall rated 1 is the strongest item, and reads so: it is not a strength of its own.
        #expect(text.contains("\nStærkest: længst fra faldgruben »"), "\(text)")
        #expect(text.contains("\nSvagest: tættest på faldgruben »"), "\(text)")
        #expect(summary.text(language: .en).contains("== Faglighed ==\nAverage 3.7 (3 of 4 statements rated)"))
    }

    @Test func theTargetGroupAndLanguageReachTheScript() throws {
        var setup = OneToOne.setup
        setup.targetGroup = try TargetGroup(parsing: "elev")
        setup.language = .en
        setup.themes = ["sammen-skaber-vi-loesninger"]
        let script = try flow("one-to-one").expand(over: deck("hjoerring-dialogkort"), setup: setup)
        #expect(script.title == "1:1 conversation")
        let texts = script.steps.compactMap { step -> String? in
            if case .ask(let ask) = step { return ask.text }
            return nil
        }
        #expect(texts[0] == "Hvordan bidrager du til at inddrage eleven i de gode løsninger?")
    }
}

@Suite struct AnswerTrimmingTests {
    @Test(arguments: [
        ("ja", "ja"), ("  ja  ", "ja"), ("\tja\n", "ja"), ("\u{00A0}ja\u{3000}", "ja"), ("é ", "é"),
        ("a b", "a b"), ("x\u{0301}", "x\u{0301}"), ("\r\n", ""), ("", ""), ("ø", "ø"),
    ])
    func trimsWhitespaceOfAnyKindAtEitherEnd(raw: String, trimmed: String) {
        #expect(raw.trimmingWhitespace == trimmed)
    }
}

/// A seesaw conversation that did not show its chart or gap questions where it should.
private struct ChartMissing: Error {}

extension ScriptStep {
    fileprivate var isGapQuestions: Bool {
        if case .gapQuestions = self { return true }
        return false
    }
}
