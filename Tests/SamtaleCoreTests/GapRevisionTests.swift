import Testing

@testable import SamtaleCore

/// The seesaw's gap questions follow the area with the largest gap, which the two points answers decide. Revising
/// a points answer while the gap questions are under way can choose another area, with another number of questions:
/// the conversation goes on with that area's questions, never traps, and keeps every answer given in the record.
@Suite struct GapRevisionTests {
    static let setup = ConversationSetup(flow: "seesaw", deck: "hjoerring-ledelse-af-kerneopgaven", roles: ["leder"])

    /// The built-in seesaw, or one whose four areas put `counts` questions each (taken from the built-in ones): the
    /// one on the gap's direction, then the card's.
    static func script(counts: [Int]? = nil) throws -> Script {
        let script = try flow("seesaw").expand(over: deck("hjoerring-ledelse-af-kerneopgaven"), setup: setup)
        guard let counts else { return script }
        let steps = script.steps.map { step -> ScriptStep in
            guard case .gapQuestions(let now, let needed, let areas, let questions) = step else { return step }
            return .gapQuestions(
                now: now, needed: needed, areas: areas,
                questions: zip(questions, counts).map { asks, count in
                    count == 0
                        ? []
                        : asks.filter { $0.purpose != .question }
                            + asks.filter { $0.purpose == .question }.prefix(count - 1)
                })
        }
        return Script(
            flowID: script.flowID, title: script.title, deckTitle: script.deckTitle,
            organisation: script.organisation, source: script.source, roleNames: script.roleNames,
            themeNames: script.themeNames, participants: script.participants, records: script.records,
            steps: steps)
    }

    /// Points that make area 0 the largest gap, two answers there, then back to "needed", which now makes area 1
    /// the largest gap.
    static let toAreaOneAfterTwoAnswers: [Event] = [
        .start, .answer("70 30 0 0"), .answer("10 20 30 40"), .answer("Svar A1"), .answer("Svar A2"),
        .command(.back), .command(.back), .command(.back), .answer("70 0 10 20"),
    ]

    @Test func aRevisedAreaWithFewerQuestionsGoesOnWithItsFirst() throws {
        let script = try Self.script(counts: [3, 1, 0, 2])
        var conversation = Conversation(script: script, language: .da, startedAt: "t")
        var actions: [Action] = []
        for event in Self.toAreaOneAfterTwoAnswers { actions = conversation.received(event) }
        let step = try #require(
            script.steps.firstIndex {
                if case .gapQuestions = $0 { true } else { false }
            })
        // Area 1 now gets 30 points more than the task needs.
        let asked = try #require(question(actions)?.ask)
        #expect(asked == conversation.gapAsks(step: step)?.first)
        #expect(asked.theme == "Ha' styr på driften" && asked.purpose == .lessAttention)
        actions = conversation.received(.answer("Svar B1"))
        #expect(question(actions) != nil, "\(actions)")
        // Back through the questions of an area that is no longer chosen: they are passed over, nothing traps.
        for _ in 0..<8 { _ = conversation.received(.command(.back)) }
        #expect(conversation.damage == nil)
        let summary = conversation.summary.items.compactMap(\.answer)
        #expect(summary.contains("Svar A1") && summary.contains("Svar A2") && summary.contains("Svar B1"))
    }

    @Test func aRevisedAreaWithoutQuestionsGoesOnAfterTheGap() throws {
        var conversation = Conversation(script: try Self.script(counts: [3, 1, 0, 2]), language: .da, startedAt: "t")
        for event in Self.toAreaOneAfterTwoAnswers.dropLast() { _ = conversation.received(event) }
        // 0 0 100 0 against 70 30 0 0: area 2, which has no questions, has the largest gap.
        let actions = conversation.received(.answer("0 0 100 0"))
        #expect(conversation.damage == nil)
        #expect(!actions.isEmpty)
        if case .waiting(let waiting) = conversation.state, case .gapQuestion = waiting.place {
            Issue.record("still in the gap questions: \(conversation.state)")
        }
    }

    /// The built-in seesaw: a revision that chooses another area starts that area's questions from the first, and
    /// the answers given to the first area stay in the record; no question that was never put shows as skipped.
    @Test func aRevisedAreaStartsFromItsFirstQuestionAndTheEarlierAnswersStay() throws {
        let script = try Self.script()
        var conversation = Conversation(script: script, language: .da, startedAt: "t")
        var actions: [Action] = []
        for event in Self.toAreaOneAfterTwoAnswers.dropLast() + [.answer("0 0 0 100")] {
            actions = conversation.received(event)
        }
        let asks = try #require(
            conversation.gapAsks(
                step: script.steps.firstIndex {
                    if case .gapQuestions = $0 { true } else { false }
                }!))
        #expect(question(actions)?.ask == asks[0])
        #expect(question(actions)?.previous == nil)
        let record = conversation.summary.items
        #expect(record.compactMap(\.answer).filter { $0.hasPrefix("Svar A") } == ["Svar A1", "Svar A2"])
        #expect(!record.contains { $0.ask.id == asks[1].id }, "a question never put shows as skipped")
    }
}
