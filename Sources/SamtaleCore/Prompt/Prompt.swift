// MARK: - Prompt

/// The chosen question with everything a chat post or a pipe wants to show beside it.
public struct Prompt: Equatable, Sendable {
    public let question: Question
    /// The question text with the target group put in.
    public let text: String
    /// The card's statements with the target group put in.
    public let statements: [String]
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
            deck = try self.deck(named: options.deck)
            role = try options.role.map { query throws(NameError) in try deck.resolveRole(query) }
            let roles = role.map { [$0] } ?? []
            theme = try options.theme.map { query throws(NameError) in try deck.resolveTheme(query, for: roles) }
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
        let index: Int
        switch options.selection {
        case .daily:
            let day = options.dayCounting.countingDays(from: Rotation.anchor, to: date)
            let key = Rotation.key(
                [deck.id, role?.id ?? "", theme?.id ?? "", options.audience?.rawValue ?? ""]
                    .joined(separator: "|"))
            index = Rotation.index(day: day, poolSize: pool.count, key: key)
        case .random(let seed):
            var generator = SplitMix64(seed: seed)
            index = Int(generator.next() % UInt64(pool.count))
        }
        let question = pool[index]
        let substitute = { (text: String) in options.targetGroup?.apply(to: text) ?? text }
        guard let cardRole = deck.role(id: question.card.role), let cardTheme = deck.theme(id: question.card.theme)
        else {
            preconditionFailure("a loaded deck's cards name only its own roles and themes")
        }
        return .prompt(
            Prompt(
                question: question, text: substitute(question.text),
                statements: question.card.statements.map(substitute),
                deck: deck, role: cardRole, theme: cardTheme, date: date
            ))
    }
}

// MARK: - QuestionPool

/// Every question that some filters allow, in deck order (card by card, the individual's before the group's),
/// counted without making them, so that picking one costs one question's work.
public struct QuestionPool: Sendable {
    private let deck: Deck
    private let entries: [(card: Card, audience: Audience, count: Int)]
    public let count: Int

    public init(deck: Deck, role: Role?, theme: Theme?, audience: Audience?) {
        self.deck = deck
        let themeIDs = theme.map(deck.themeIDs(within:))
        var entries: [(card: Card, audience: Audience, count: Int)] = []
        for card in deck.cards {
            if let role, card.role != role.id { continue }
            if let themeIDs, !themeIDs.contains(card.theme) { continue }
            for candidate in Audience.allCases where audience == nil || audience == candidate {
                let count = deck.questionCount(on: card, for: candidate)
                if count > 0 { entries.append((card, candidate, count)) }
            }
        }
        self.entries = entries
        count = entries.reduce(0) { $0 + $1.count }
    }

    public var isEmpty: Bool {
        count == 0
    }

    public subscript(index: Int) -> Question {
        var rest = index
        for entry in entries {
            if rest < entry.count { return deck.question(on: entry.card, for: entry.audience, at: rest) }
            rest -= entry.count
        }
        preconditionFailure("question \(index) is outside a pool of \(count)")
    }

    /// All questions of the pool, in order.
    public var questions: [Question] {
        (0..<count).map { self[$0] }
    }
}
