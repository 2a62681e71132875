import SamtaleDecks
import Testing

@testable import SamtaleCore

/// The daily question of the built-in decks, chosen through the catalog as every command chooses it.
@Suite struct DailyPoolTests {
    static let catalog = try! Catalog.load(builtin: BuiltinDecks.all, files: [])

    /// One pool's filters, named in a test's result.
    struct Filters: Sendable, CustomTestStringConvertible {
        let deck: String
        let role: String?
        let audience: Audience?
        var theme: String? = nil

        var testDescription: String {
            "\(deck) role \(role ?? "-") for \(audience?.rawValue ?? "-") theme \(theme ?? "-")"
        }
    }

    /// Every built-in deck with no role and with each role, each with no audience and with each audience; and each
    /// theme without a role (where only leaders have cards, every role's: cards that may share statements).
    static let pools: [Filters] = catalog.decks.flatMap { deck in
        ([nil] + deck.roles.map(\.id)).flatMap { role in
            ([nil] + Audience.allCases).map { Filters(deck: deck.id, role: role, audience: $0) }
        } + deck.themes.map { Filters(deck: deck.id, role: nil, audience: nil, theme: $0.id) }
    }

    /// The prompts of `days` consecutive days, every day counting (which days count is the calendar's business,
    /// tested with it).
    static func prompts(_ filters: Filters, days: Int) throws -> [Prompt] {
        let start = CivilDate(iso: "2027-01-04")!
        return try (0..<days).map { day in
            let options = PromptOptions(
                deck: filters.deck, role: filters.role, theme: filters.theme, audience: filters.audience,
                date: start.adding(days: day))
            guard case .prompt(let prompt) = try catalog.prompt(for: options, today: Rotation.anchor) else {
                throw CancellationError()
            }
            return prompt
        }
    }

    static func card(_ prompt: Prompt) -> String {
        "\(prompt.role.id)/\(prompt.theme.id)"
    }

    @Test(arguments: pools)
    func theSpacingRulesHoldOver250Days(filters: Filters) throws {
        let deck = try Self.catalog.resolveDeck(filters.deck)
        let role = try filters.role.map { try deck.resolveRole($0) }
        let theme = try filters.theme.map { try deck.resolveTheme($0) }
        let pool = QuestionPool(deck: deck, role: role, theme: theme, audience: filters.audience)
        guard !pool.isEmpty else { return }
        let counts = pool.questionCounts
        // Every card of the built-in decks has enough questions for the guarantee.
        #expect(Rotation.questionsAreSpaced(counts), "\(counts)")
        let prompts = try Self.prompts(filters, days: 250)
        let cards = prompts.map(Self.card)
        if counts.count > 1 {
            #expect(zip(cards, cards.dropFirst()).allSatisfy { $0 != $1 })
            // Nor two cards that say the same (two roles' cards in a theme only leaders have).
            for (today, tomorrow) in zip(prompts, prompts.dropFirst()) {
                #expect(Set(today.statements).isDisjoint(with: tomorrow.statements), "\(Self.card(tomorrow))")
            }
        }
        // Every card comes once in each cycle of as many days as the pool has cards.
        #expect(Set(cards).count == min(counts.count, 250))
        var lastAsked: [String: Int] = [:]
        for (day, prompt) in prompts.enumerated() {
            let question = "\(Self.card(prompt))/\(prompt.question.audience)/\(prompt.question.text)"
            if let last = lastAsked[question] {
                // The proof's bound for the card's questions, and half the pool.
                let ofCard = Audience.allCases.filter { filters.audience ?? $0 == $0 }
                    .reduce(0) { $0 + deck.questionCount(on: prompt.question.card, for: $1) }
                #expect(day - last >= ofCard * counts.count - (counts.count + 1) / 2 + 1, "\(question)")
                #expect(2 * (day - last) >= pool.count, "\(question) on working days \(last) and \(day)")
            }
            lastAsked[question] = day
        }
    }
}

@Suite struct DefaultPoolTests {
    let catalog = DailyPoolTests.catalog

    func roles(deck: String, theme: String? = nil, audience: Audience? = nil) throws -> Set<String> {
        let filters = DailyPoolTests.Filters(deck: deck, role: nil, audience: audience, theme: theme)
        return Set(try DailyPoolTests.prompts(filters, days: 120).map(\.role.id))
    }

    /// Without a role an employee team is asked the cards meant for everyone and for the employee, all of them.
    @Test func withoutARoleThePoolIsTheSharedCardsAndTheEmployees() throws {
        #expect(try roles(deck: "hjoerring-dialogkort") == ["faelles", "medarbejder"])
        #expect(try roles(deck: "skanderborg") == ["medarbejder"])
        #expect(try roles(deck: "socialafdelingen") == ["medarbejder"])
        #expect(try roles(deck: "kolding") == ["leder"])
        #expect(try roles(deck: "hjoerring-dialogkort", audience: .group) == ["faelles", "medarbejder"])
    }

    /// A theme only leaders have cards in gives its cards of every role rather than an error.
    @Test func aThemeWithoutEmployeeCardsGivesTheCardsOfEveryRole() throws {
        let deck = try catalog.resolveDeck("skanderborg")
        let expected = Set(deck.cards.filter { $0.theme == "strategisk-ledelse" }.map(\.role))
        #expect(expected.count > 1 && !expected.contains("medarbejder"))
        #expect(try roles(deck: "skanderborg", theme: "strategisk ledelse") == expected)
    }

    /// "tværgående" names two of Skanderborg's themes; without a role it means the employee's.
    @Test func aThemeNameIsLookedForAmongTheDefaultPoolsThemesFirst() throws {
        let chosen = try DailyPoolTests.prompts(
            DailyPoolTests.Filters(deck: "skanderborg", role: nil, audience: nil, theme: "tværgående"), days: 1)
        #expect(chosen.first?.theme.id == "tvaergaaende-samarbejde")
        #expect(throws: PromptError.self) {
            try catalog.prompt(
                for: PromptOptions(deck: "skanderborg", role: "direktoer", theme: "tværgående samarbejde"),
                today: Rotation.anchor)
        }
    }

    /// A seed picks a card first, so it too stays in the default pool and gives every card a fair chance.
    @Test func aRandomPickComesFromTheDefaultPool() throws {
        let picks = try (0..<400).map { seed in
            var options = PromptOptions(deck: "hjoerring-dialogkort", date: Rotation.anchor)
            options.selection = .random(seed: UInt64(seed))
            guard case .prompt(let prompt) = try catalog.prompt(for: options, today: Rotation.anchor) else {
                throw CancellationError()
            }
            return prompt
        }
        #expect(Set(picks.map(\.role.id)) == ["faelles", "medarbejder"])
        #expect(Set(picks.map(DailyPoolTests.card)).count == 8)
    }
}
