import SamtaleDecks
import Testing

@testable import SamtaleCore

@Suite struct RotationTests {
    static let poolSizes = [1, 2, 3, 4, 7, 12, 60, 107, 431]

    @Test(arguments: poolSizes)
    func everyCycleAsksEveryQuestionOnce(poolSize: Int) {
        for key in [0, 1, Rotation.key("hjoerring-dialogkort|||")] {
            for cycle in -2...3 {
                let days = (cycle * poolSize)..<((cycle + 1) * poolSize)
                let picks = days.map { Rotation.index(day: $0, poolSize: poolSize, key: key) }
                #expect(picks.sorted() == Array(0..<poolSize))
            }
        }
    }

    @Test(arguments: poolSizes.filter { $0 > 1 })
    func noQuestionIsAskedTwoDaysRunning(poolSize: Int) {
        var generator = SplitMix64(seed: UInt64(poolSize))
        for _ in 0..<20 {
            let key = generator.next()
            let picks = (-poolSize * 3..<poolSize * 5).map { Rotation.index(day: $0, poolSize: poolSize, key: key) }
            for (today, tomorrow) in zip(picks, picks.dropFirst()) { #expect(today != tomorrow) }
        }
    }

    @Test func differentPoolsWalkInDifferentOrders() {
        let first = (0..<50).map { Rotation.index(day: $0, poolSize: 50, key: Rotation.key("a")) }
        let second = (0..<50).map { Rotation.index(day: $0, poolSize: 50, key: Rotation.key("b")) }
        let nextCycle = (50..<100).map { Rotation.index(day: $0, poolSize: 50, key: Rotation.key("a")) }
        #expect(first != second)
        #expect(first != nextCycle)
    }

    /// Fixed values: the rotation must give the same question on every machine and every Swift version.
    @Test func isTheSameEverywhere() {
        #expect(Rotation.key("") == 0xCBF2_9CE4_8422_2325)
        #expect(Rotation.key("a") == 0xAF63_DC4C_8601_EC8C)
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(
            (0..<8).map { Rotation.index(day: $0, poolSize: 8, key: 42) }
                == (0..<8).map { Rotation.index(day: $0, poolSize: 8, key: 42) })
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
        // A cycle begins on every day whose number is a multiple of the pool's size.
        let start = Rotation.anchor.adding(days: 1_700 * pool.count)
        let texts = try (0..<pool.count).map { day in
            try prompt(PromptOptions(role: "medarbejder", audience: .individual, date: start.adding(days: day))).text
        }
        #expect(Set(texts) == Set(pool.questions.map(\.text)))
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
        #expect(before.text == pool[Rotation.index(day: day, poolSize: pool.count, key: key)].text)
        #expect(after.text == pool[Rotation.index(day: day + 1, poolSize: pool.count, key: key)].text)
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
