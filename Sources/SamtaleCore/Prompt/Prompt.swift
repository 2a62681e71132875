// MARK: - PromptRequest

/// What `samtale prompt` was asked for: filters as the user typed them, the day, and how to pick.
public struct PromptRequest: Equatable, Sendable {
    /// How the question is chosen.
    public enum Selection: Equatable, Sendable {
        /// The day's place in the rotation: the same on any machine, with no stored state.
        case daily
        /// A fresh pick from a seed (the caller draws one when the user gave none).
        case random(seed: UInt64)
    }

    public var deck: String?
    public var role: String?
    public var theme: String?
    public var audience: Audience?
    public var date: CivilDate
    public var dayCounting: DayCounting
    public var selection: Selection
    public var targetGroup: TargetGroup?

    public init(
        deck: String? = nil, role: String? = nil, theme: String? = nil, audience: Audience? = nil, date: CivilDate,
        dayCounting: DayCounting = .everyDay, selection: Selection = .daily, targetGroup: TargetGroup? = nil
    ) {
        self.deck = deck
        self.role = role
        self.theme = theme
        self.audience = audience
        self.date = date
        self.dayCounting = dayCounting
        self.selection = selection
        self.targetGroup = targetGroup
    }
}

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
    /// The filters leave no question; says which filters, so the user can widen them.
    case noQuestions(deck: String, role: String?, theme: String?, audience: Audience?)

    /// The filters are named in words, as the protocol's fields differ from the options.
    public var message: Localized {
        switch self {
        case .name(let error):
            return error.message
        case .noQuestions(let deck, let role, let theme, let audience):
            let filters = [role.map { Localized(da: "for rollen \($0)", en: "for role \($0)") },
                           theme.map { Localized(da: "i temaet \($0)", en: "in theme \($0)") },
                           audience.map(Strings.audienceLabel)].compactMap { $0 }
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
    /// The question for a request: pure, so the same request gives the same prompt everywhere.
    public func prompt(for request: PromptRequest) throws(PromptError) -> PromptOutcome {
        let deck: Deck
        let role: Role?
        let theme: Theme?
        do {
            deck = try self.deck(named: request.deck)
            role = try request.role.map { query throws(NameError) in try deck.resolveRole(query) }
            let roles = role.map { [$0] } ?? []
            theme = try request.theme.map { query throws(NameError) in try deck.resolveTheme(query, for: roles) }
        } catch {
            throw .name(error)
        }
        if let exclusion = request.dayCounting.exclusion(of: request.date) {
            return .dayOff(request.date, exclusion)
        }
        let pool = QuestionPool(deck: deck, role: role, theme: theme, audience: request.audience)
        guard !pool.isEmpty else {
            throw .noQuestions(deck: deck.id, role: role?.id, theme: theme?.id, audience: request.audience)
        }
        let index: Int
        switch request.selection {
        case .daily:
            let day = request.dayCounting.countingDays(from: Rotation.anchor, to: request.date)
            let key = Rotation.key([deck.id, role?.id ?? "", theme?.id ?? "", request.audience?.rawValue ?? ""]
                .joined(separator: "|"))
            index = Rotation.index(day: day, poolSize: pool.count, key: key)
        case .random(let seed):
            var generator = SplitMix64(seed: seed)
            index = Int(generator.next() % UInt64(pool.count))
        }
        let question = pool[index]
        let substitute = { (text: String) in request.targetGroup?.apply(to: text) ?? text }
        guard let cardRole = deck.role(id: question.card.role), let cardTheme = deck.theme(id: question.card.theme) else {
            preconditionFailure("a loaded deck's cards name only its own roles and themes")
        }
        return .prompt(Prompt(
            question: question, text: substitute(question.text), statements: question.card.statements.map(substitute),
            deck: deck, role: cardRole, theme: cardTheme, date: request.date
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
