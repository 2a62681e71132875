import SamtaleDecks
import Testing

@testable import SamtaleCore

@Suite struct RotationTests {
    /// Pool shapes, each a list of how many questions its cards have: 1 to 40 cards, with the same count on every
    /// card (1 to 8 in turn), with counts mixed from 1 to 8, and from 3 to 6 (a written card's least to a source
    /// card's most).
    static let shapes: [[Int]] = (1...40).flatMap { cards in
        var generator = SplitMix64(seed: UInt64(cards))
        let mixed = (0..<cards).map { _ in 1 + Int(generator.next() % 8) }
        let close = (0..<cards).map { _ in 3 + Int(generator.next() % 4) }
        return [Array(repeating: 1 + cards % 8, count: cards), mixed, close]
    }
    static let keys: [UInt64] = [0, Rotation.key("hjoerring-dialogkort|||"), 0xFFFF_FFFF_FFFF_FFFF]
    /// First days of the runs: long before the anchor, around it, and around today.
    static let starts = [-1_000_003, -5, 20_423]

    static func picks(
        _ counts: [Int], key: UInt64, from start: Int, days: Int, sharing: [Set<Int>] = []
    ) -> [Rotation.Pick] {
        (start..<start + days).map { Rotation.daily(day: $0, questionCounts: counts, key: key, sharing: sharing) }
    }

    /// Pairs of cards that share a statement, as two roles' cards can: two thirds of the cards, paired at random.
    static func pairs(cards: Int) -> [Set<Int>] {
        var generator = SplitMix64(seed: UInt64(cards) &* 31)
        let order = Array(0..<cards).shuffled(using: &generator)
        var sharing = Array(repeating: Set<Int>(), count: cards)
        for pair in stride(from: 0, to: 2 * (cards / 3), by: 2) {
            sharing[order[pair]] = [order[pair + 1]]
            sharing[order[pair + 1]] = [order[pair]]
        }
        return sharing
    }

    /// Over at least 250 days, and long enough for every question to come twice; with no cards sharing a statement
    /// and with pairs that do, which from five cards on never come on two days running either.
    @Test(arguments: shapes)
    func cardsAndQuestionsAreSpacedAsProvenAndTakeEqualShares(counts: [Int]) {
        let cards = counts.count
        let total = counts.reduce(0, +)
        // A card's questions all come within as many cycles as it has questions; a window of one cycle more holds
        // that many whole cycles, wherever it begins.
        let window = (counts.max()! + 1) * cards
        // Pairs sharing a statement change only the order within the halves; one key tells whether it still holds.
        for (sharing, keys) in [([], Self.keys), (Self.pairs(cards: cards), [Self.keys[1]])] {
            for key in keys {
                for start in Self.starts {
                    let days = max(250, 2 * window)
                    let picks = Self.picks(counts, key: key, from: start, days: days, sharing: sharing)
                    if start == Self.starts[0] {
                        #expect(picks == Self.picks(counts, key: key, from: start, days: days, sharing: sharing))
                    }
                    let run = "\(counts) key \(key) from day \(start) sharing \(sharing)"
                    var lastVisit: [Int: Int] = [:]
                    var lastAsked: [Rotation.Pick: Int] = [:]
                    var visits = Array(repeating: 0, count: cards)
                    for (day, pick) in picks.enumerated() {
                        if let last = lastVisit[pick.card] {
                            #expect(day - last >= cards / 2 + 1, "card \(pick.card) on days \(last), \(day) of \(run)")
                        }
                        if let last = lastAsked[pick] {
                            // The proof's bound for this card's questions, and half the pool where every card meets
                            // it.
                            let gap = day - last
                            #expect(gap >= counts[pick.card] * cards - (cards + 1) / 2 + 1, "\(pick) in \(run)")
                            #expect(!Rotation.questionsAreSpaced(counts) || 2 * gap >= total, "\(pick) in \(run)")
                        }
                        if day > 0, cards >= 5, !sharing.isEmpty {
                            #expect(!sharing[pick.card].contains(picks[day - 1].card), "day \(day) of \(run)")
                        }
                        lastVisit[pick.card] = day
                        lastAsked[pick] = day
                        visits[pick.card] += 1
                    }
                    // An equal share: a card comes once in every cycle of as many days as there are cards.
                    let cycles = Double(picks.count) / Double(cards)
                    #expect(visits.allSatisfy { Double($0) >= cycles.rounded(.down) - 1 }, "\(run)")
                    #expect(visits.allSatisfy { Double($0) <= cycles.rounded(.up) + 1 }, "\(run)")
                    for offset in stride(from: 0, through: picks.count - window, by: max(1, window / 2)) {
                        #expect(Set(picks[offset..<offset + window]).count == total, "\(run), window at \(offset)")
                    }
                }
            }
        }
    }

    /// A card of one question beside a card of fifty: weighed by question, the small card would come one day in
    /// fifty-one.
    @Test func aCardWithFewQuestionsGetsAsManyDaysAsOneWithMany() {
        let counts = [1, 50, 3]
        let days = Self.picks(counts, key: 7, from: 20_001, days: 300).map(\.card)
        #expect(counts.indices.map { card in days.filter { $0 == card }.count } == [100, 100, 100])
        let random = (0..<3_000).map { Rotation.random(seed: UInt64($0), questionCounts: counts) }
        for card in counts.indices {
            #expect((900...1_100).contains(random.filter { $0.card == card }.count))
        }
        #expect(Set(random.filter { $0.card == 1 }.map(\.question)) == Set(0..<50))
    }

    @Test func theConditionOfTheProofIsExact() {
        #expect(Rotation.questionsAreSpaced([5, 5, 5, 5]))
        #expect(Rotation.questionsAreSpaced([1]))
        // 2·(3·4 − 2 + 1) = 22 ≥ 22 questions; one more and the card of three could come back too soon.
        #expect(Rotation.questionsAreSpaced([3, 6, 6, 7]))
        #expect(!Rotation.questionsAreSpaced([3, 6, 6, 8]))
    }

    @Test func differentPoolsWalkInDifferentOrders() {
        let counts = Array(repeating: 3, count: 20)
        let first = Self.picks(counts, key: Rotation.key("a"), from: 0, days: 20).map(\.card)
        let second = Self.picks(counts, key: Rotation.key("b"), from: 0, days: 20).map(\.card)
        let nextCycle = Self.picks(counts, key: Rotation.key("a"), from: 20, days: 20).map(\.card)
        #expect(first != second)
        #expect(first != nextCycle)
    }

    /// Fixed values: the rotation must give the same question on every machine and every Swift version.
    @Test func isTheSameEverywhere() {
        #expect(Rotation.key("") == 0xCBF2_9CE4_8422_2325)
        #expect(Rotation.key("a") == 0xAF63_DC4C_8601_EC8C)
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        let picks = Self.picks([3, 2, 4, 3, 5], key: 42, from: 20_423, days: 10)
        #expect(picks.map(\.card) == [3, 0, 2, 1, 3, 0, 4, 1, 2, 4])
        #expect(picks.map(\.question) == [0, 2, 0, 0, 1, 0, 0, 1, 1, 1])
        #expect(Rotation.random(seed: 42, questionCounts: [3, 2, 4, 3, 5]) == Rotation.Pick(card: 3, question: 1))
    }
}

@Suite struct PromptTests {
    let catalog = try! Catalog.load(builtin: BuiltinDecks.all, files: [])

    func prompt(_ request: PromptOptions) throws -> Prompt {
        guard case .prompt(let prompt) = try catalog.prompt(for: request, today: Rotation.anchor) else {
            Issue.record("no prompt for \(request)")
            throw CancellationError()
        }
        return prompt
    }

    @Test func successiveDaysWalkTheWholePoolWithoutRepeats() throws {
        let deck = try catalog.resolveDeck("hjoerring-dialogkort")
        let role = try deck.resolveRole("medarbejder")
        let pool = QuestionPool(deck: deck, role: role, theme: nil, audience: .individual)
        #expect(pool.count == 12)
        // A cycle (one visit of every card) begins on every day whose number is a multiple of the cards' count, and
        // a card asks all its questions in as many cycles as it has questions.
        let cards = pool.questionCounts.count
        let start = Rotation.anchor.adding(days: 1_700 * cards)
        let days = cards * pool.questionCounts.max()!
        let texts = try (0..<days).map { day in
            try prompt(PromptOptions(role: "medarbejder", audience: .individual, date: start.adding(days: day))).text
        }
        #expect(Set(texts) == Set(pool.questions.map(\.text)))
        #expect(texts.count == Set(texts).count)
    }

    @Test func onlyWorkingDaysCountWhenWeekendsAndHolidaysAreSkipped() throws {
        let counting = DayCounting(skipsWeekends: true, skipsDanishHolidays: true)
        // Christmas 2026: Thursday 24th to Saturday 26th are off; 23rd (Wed) and 28th (Mon) are consecutive working
        // days.
        let before = try prompt(PromptOptions(date: CivilDate(iso: "2026-12-23")!, dayCounting: counting))
        let after = try prompt(PromptOptions(date: CivilDate(iso: "2026-12-28")!, dayCounting: counting))
        let deck = try catalog.resolveDeck("hjoerring-dialogkort")
        let pool = QuestionPool(deck: deck, role: nil, theme: nil, audience: nil)
        let day = counting.countingDays(from: Rotation.anchor, to: CivilDate(iso: "2026-12-23")!)
        let key = Rotation.key("hjoerring-dialogkort|||")
        let counts = pool.questionCounts
        #expect(before.text == pool.question(Rotation.daily(day: day, questionCounts: counts, key: key)).text)
        #expect(after.text == pool.question(Rotation.daily(day: day + 1, questionCounts: counts, key: key)).text)
        #expect(
            try catalog.prompt(
                for: PromptOptions(date: CivilDate(iso: "2026-12-25")!, dayCounting: counting), today: Rotation.anchor)
                == .dayOff(
                    CivilDate(iso: "2026-12-25")!,
                    .holiday(DanishHoliday(date: CivilDate(iso: "2026-12-25")!, name: "juledag"))))
        #expect(
            try catalog.prompt(
                for: PromptOptions(date: CivilDate(iso: "2026-11-28")!, dayCounting: counting), today: Rotation.anchor)
                == .dayOff(CivilDate(iso: "2026-11-28")!, .weekend(.saturday)))
    }

    @Test func theSameRequestGivesTheSamePromptAndASeedGivesTheSamePick() throws {
        let request = PromptOptions(deck: "skanderborg", role: "leder af m", date: CivilDate(iso: "2027-03-01")!)
        #expect(try prompt(request) == prompt(request))
        var random = request
        random.selection = .random(seed: 7)
        #expect(try prompt(random) == prompt(random))
    }

    @Test func theTargetGroupReplacesBorgerInTheQuestionAndStatements() throws {
        let deck = try catalog.resolveDeck("hjoerring-dialogkort")
        let day = (0..<200).first { day in
            let request = PromptOptions(
                role: "medarbejder", theme: "sammen skaber", audience: .individual,
                date: Rotation.anchor.adding(days: day))
            return (try? prompt(request).text.contains("borger")) == true
        }
        let date = Rotation.anchor.adding(days: try #require(day))
        var request = PromptOptions(role: "medarbejder", theme: "sammen skaber", audience: .individual, date: date)
        request.targetGroup = try TargetGroup(parsing: "elev")
        let chosen = try prompt(request)
        #expect(!chosen.text.contains("borger") && chosen.text.contains("elev"))
        #expect(chosen.statements.contains { $0.contains("eleverne") || $0.contains("elever") })
        #expect(chosen.question.text.contains("borger"))
        #expect(deck.id == chosen.deck.id)
    }

    @Test func theJSONFormHasTheDocumentedFields() throws {
        let chosen = try prompt(PromptOptions(deck: "kolding", date: CivilDate(iso: "2026-11-26")!))
        guard case .object(let members) = try JSONParser.parse(chosen.rendered(as: .json, language: .da)) else {
            Issue.record("not an object")
            return
        }
        #expect(
            members.map(\.key) == [
                "text", "deck", "role", "theme", "audience", "statements", "source", "date", "origin",
                "deckTitle", "organisation", "roleName", "themeName",
            ])
        #expect(members.first { $0.key == "date" }?.value == .string("2026-11-26"))
        #expect(!chosen.rendered(as: .text, language: .da).contains("\n"))
    }

    @Test func unknownAndAmbiguousNamesListTheCandidates() {
        #expect(throws: PromptError.self) {
            try catalog.prompt(for: PromptOptions(deck: "hj", date: Rotation.anchor), today: Rotation.anchor)
        }
        do {
            _ = try catalog.resolveDeck("hj")
        } catch {
            guard case .ambiguous(.deck, "hj", let candidates) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(candidates.map(\.id) == ["hjoerring-dialogkort", "hjoerring-ledelse-af-kerneopgaven"])
        }
        do {
            _ = try catalog.resolveDeck("odense")
        } catch {
            guard case .unknown(.deck, "odense", let candidates) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(candidates.count == 5)
            #expect(error.message.en.hasPrefix(#"unknown deck "odense"; choose one of: hjoerring-dialogkort ("#))
        }
    }

    @Test(arguments: [
        ("leder af leder", "leder-af-leder"), ("LEDER AF MEDARBEJDER", "leder-af-medarbejder"),
        ("dir", "direktoer"), ("Direktør", "direktoer"), ("faelles", "faelles"), ("fæl", "faelles"),
    ])
    func rolesAreFoundByIdNameOrPrefix(query: String, id: String) throws {
        let deck = try catalog.resolveDeck("Sammen om kerneopgaven – dialogkort")
        #expect(try deck.resolveRole(query).id == id)
    }

    @Test func anAliasNamesARoleToo() throws {
        #expect(try catalog.resolveDeck("skanderborg").resolveRole("aftaleholder").id == "kontraktholder")
    }
}
