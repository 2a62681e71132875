// MARK: - Prompt

/// The chosen question with everything a chat post or a pipe wants to show beside it.
public struct Prompt: Equatable, Sendable {
    public let question: Question
    /// The question text with the target group put in.
    public let text: String
    /// The card's statements with the target group put in.
    public let statements: [String]
    /// The theme and the question before, for a question that cannot stand alone; the target group put in.
    public let context: QuestionContext?
    public let deck: Deck
    public let role: Role
    public let theme: Theme
    public let date: CivilDate
}

/// A prompt, or the reason that the day does not count and nothing is asked.
public enum PromptOutcome: Equatable, Sendable {
    case prompt(Prompt)
    case dayOff(CivilDate, DayExclusion)
}

public enum PromptError: ExplainedError, Equatable, Sendable {
    case name(NameError)
    /// The filters leave no question; says which filters (role and theme by name), so the user can widen them.
    case noQuestions(deck: String, role: String?, theme: String?, audience: Audience?)

    /// The filters are named in words, as the protocol's fields differ from the options.
    public var message: Localized {
        switch self {
        case .name(let error):
            return error.message
        case .noQuestions(let deck, let role, let theme, let audience):
            let filters = [
                role.map { Localized(da: "for rollen »\($0)«", en: "for role \"\($0)\"") },
                theme.map { Localized(da: "i temaet »\($0)«", en: "in theme \"\($0)\"") },
                audience.map(Strings.audienceLabel),
            ].compactMap { $0 }
            return Localized(
                da: "ingen spørgsmål i kortsættet \(deck) \(filters.map(\.da).joined(separator: " ")); "
                    + "ændr eller fjern et af valgene",
                en: "no questions in deck \(deck) \(filters.map(\.en).joined(separator: " ")); "
                    + "change or remove one of these choices"
            )
        }
    }
}

// MARK: - Choosing

extension Catalog {
    /// The question for some options on their day (else `today`): pure, so the same options give the same prompt
    /// everywhere.
    public func prompt(for options: PromptOptions, today: CivilDate) throws(PromptError) -> PromptOutcome {
        let date = options.date ?? today
        let deck: Deck
        let role: Role?
        let theme: Theme?
        do {
            (deck, role, theme) = try resolveNames(of: options)
        } catch {
            throw .name(error)
        }
        if let exclusion = options.dayCounting.exclusion(of: date) {
            return .dayOff(date, exclusion)
        }
        let pool = QuestionPool(deck: deck, role: role, theme: theme, audience: options.audience)
        guard !pool.isEmpty else {
            throw .noQuestions(deck: deck.id, role: role?.name, theme: theme?.name, audience: options.audience)
        }
        let pick: Rotation.Pick
        switch options.selection {
        case .daily:
            let day = options.dayCounting.countingDays(from: Rotation.anchor, to: date)
            let key = Rotation.key(
                [deck.id, role?.id ?? "", theme?.id ?? "", options.audience?.rawValue ?? ""]
                    .joined(separator: "|"))
            pick = Rotation.daily(
                day: day, questionCounts: pool.questionCounts, key: key, sharing: pool.cardsSharingAStatement)
        case .random(let seed):
            pick = Rotation.random(seed: seed, questionCounts: pool.questionCounts)
        }
        let question = pool.question(pick)
        let substitute = { (text: String) in options.targetGroup?.apply(to: text) ?? text }
        guard let cardRole = deck.role(id: question.card.role), let cardTheme = deck.theme(id: question.card.theme)
        else {
            preconditionFailure("a loaded deck's cards name only its own roles and themes")
        }
        return .prompt(
            Prompt(
                question: question, text: substitute(question.text),
                statements: question.card.statements.map(substitute), context: question.context?.map(substitute),
                deck: deck, role: cardRole, theme: cardTheme, date: date
            ))
    }
}

extension Catalog {
    /// The deck, role and theme some options name; one resolution for the day's question and for `validate`, which
    /// checks the names in a targets file before `post` meets them.
    public func resolveNames(of options: PromptOptions) throws(NameError) -> (deck: Deck, role: Role?, theme: Theme?) {
        let deck = try self.deck(named: options.deck)
        let role = try options.role.map { query throws(NameError) in try deck.resolveRole(query) }
        // Without a role, a theme's name is looked for first among the themes of the default pool's roles.
        let roles = role.map { [$0] } ?? deck.defaultPoolRoles
        let theme = try options.theme.map { query throws(NameError) in try deck.resolveTheme(query, for: roles) }
        return (deck, role, theme)
    }
}

// MARK: - QuestionPool

extension Deck {
    /// The roles a daily question comes from when no role is asked for: the cards meant for everyone and for the
    /// employee, so that a team is not asked its leaders' questions unless it asks for them.
    public var defaultPoolRoles: [Role] {
        roles.filter { $0.level <= Role.employeeLevel }
    }
}

/// The questions that some filters allow, card by card in deck order (on each card the individual's before the
/// group's), counted without making them, so that picking one costs one question's work. Without a role, the cards
/// are those of the deck's `defaultPoolRoles`; when those give no question (a theme or audience only leaders' cards
/// have), every role's.
public struct QuestionPool: Sendable {
    private struct Entry {
        let card: Card
        /// The audiences the filters allow and the card has questions for, with how many.
        let audiences: [(audience: Audience, count: Int)]
        let count: Int
    }

    private let deck: Deck
    private let entries: [Entry]

    public init(deck: Deck, role: Role?, theme: Theme?, audience: Audience?) {
        self.deck = deck
        let themeIDs = theme.map(deck.themeIDs(within:))
        func entries(of roles: [Role]) -> [Entry] {
            let roleIDs = Set(roles.map(\.id))
            return deck.cards.compactMap { card in
                guard roleIDs.contains(card.role), themeIDs?.contains(card.theme) ?? true else { return nil }
                let audiences = Audience.allCases.filter { audience == nil || audience == $0 }
                    .map { ($0, deck.questionCount(on: card, for: $0)) }.filter { $0.1 > 0 }
                let count = audiences.reduce(0) { $0 + $1.1 }
                return count > 0 ? Entry(card: card, audiences: audiences, count: count) : nil
            }
        }
        if let role {
            self.entries = entries(of: [role])
        } else {
            let defaultPool = entries(of: deck.defaultPoolRoles)
            self.entries = defaultPool.isEmpty ? entries(of: deck.roles) : defaultPool
        }
    }

    public var isEmpty: Bool {
        entries.isEmpty
    }

    /// How many questions each card of the pool has, in the pool's order of cards.
    public var questionCounts: [Int] {
        entries.map(\.count)
    }

    /// How many questions the pool has in all.
    public var count: Int {
        entries.reduce(0) { $0 + $1.count }
    }

    /// For each card of the pool, the other cards that share a statement with it (several roles' cards may say the
    /// same); empty when none do.
    public var cardsSharingAStatement: [Set<Int>] {
        var holders: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            for statement in Set(entry.card.statements) { holders[statement, default: []].append(index) }
        }
        let shared = holders.values.filter { $0.count > 1 }
        guard !shared.isEmpty else { return [] }
        var sharing = Array(repeating: Set<Int>(), count: entries.count)
        for cards in shared {
            for card in cards { sharing[card].formUnion(cards.filter { $0 != card }) }
        }
        return sharing
    }

    /// The question a rotation picked.
    public func question(_ pick: Rotation.Pick) -> Question {
        var rest = pick.question
        for (audience, count) in entries[pick.card].audiences {
            if rest < count { return deck.question(on: entries[pick.card].card, for: audience, at: rest) }
            rest -= count
        }
        preconditionFailure("question \(pick.question) is outside a card of \(entries[pick.card].count)")
    }

    /// All questions of the pool, card by card.
    public var questions: [Question] {
        entries.indices.flatMap { card in
            (0..<entries[card].count).map { question(Rotation.Pick(card: card, question: $0)) }
        }
    }
}
