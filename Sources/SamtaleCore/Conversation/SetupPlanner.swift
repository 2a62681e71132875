// MARK: - PartialSetup

/// What has been chosen so far for a new conversation, by flags or by answers.
public struct PartialSetup: Sendable {
    public var flow: Flow?
    public var deck: Deck?
    public var roles: [Role] = []
    /// nil until chosen; empty means "all" where the flow allows it.
    public var themes: [Theme]?
    public var participants: [String]?

    public init(
        flow: Flow? = nil, deck: Deck? = nil, roles: [Role] = [], themes: [Theme]? = nil, participants: [String]? = nil
    ) {
        self.flow = flow
        self.deck = deck
        self.roles = roles
        self.themes = themes
        self.participants = participants
    }
}

// MARK: - SetupChoice

/// One thing to ask before a conversation can start: the question, the options, and the default (taken on Enter).
public struct SetupChoice: Equatable, Sendable {
    public enum Subject: Equatable, Sendable {
        case flow
        case deck
        case role
        case themes
        case participants
    }

    /// An option with its id, its name as listed, and its title alone, for a short mention ("Tryk Enter for …").
    public struct Option: Equatable, Sendable {
        public let id: String
        public let name: String
        public let title: String

        public init(id: String, name: String, title: String? = nil) {
            self.id = id
            self.name = name
            self.title = title ?? name
        }
    }

    public let subject: Subject
    public let question: String
    /// Empty for a free answer (participants' names).
    public let options: [Option]
    /// The 0-based option taken on an empty answer; nil when an answer is needed.
    public let defaultOption: Int?
    /// Whether several options may be chosen at once ("1,3").
    public let allowsMany: Bool
}

/// Why an answer to a setup choice was not accepted.
public enum SetupAnswerError: ExplainedError, Equatable, Sendable {
    case name(NameError)
    case needsAnswer
    case tooFewParticipants(needed: Int)
    case participants(ParticipantError)

    public var message: Localized {
        switch self {
        case .name(let error): error.message
        case .participants(let error): error.message
        case .needsAnswer: Localized(da: "Skriv et svar.", en: "Type an answer.")
        case .tooFewParticipants(let needed):
            Localized(
                da: "Skriv mindst \(needed) navne adskilt af komma.",
                en: "Type at least \(needed) names separated by commas.")
        }
    }
}

// MARK: - SetupPlanner

/// Asks only for what is missing before a conversation: flow, deck, role(s), theme(s), participants, with sensible
/// defaults first. Pure: the adapter puts each `SetupChoice` to the user and hands the answer back.
public struct SetupPlanner: Sendable {
    public let flows: [Flow]
    public let decks: [Deck]
    public let language: Language

    /// The flow offered first, and the deck offered first where it fits the flow.
    public static let defaultFlowID = "one-to-one"

    public init(flows: [Flow], decks: [Deck], language: Language) {
        self.flows = flows
        self.decks = decks
        self.language = language
    }

    /// The decks a flow can use, the default first.
    public func decks(for flow: Flow) -> [Deck] {
        let usable = decks.filter { flow.unsupportedReason(deck: $0) == nil }
        return usable.filter { $0.id == Catalog.defaultDeckID } + usable.filter { $0.id != Catalog.defaultDeckID }
    }

    /// The next thing to ask, or nil when the setup is complete.
    public func nextChoice(for setup: PartialSetup) -> SetupChoice? {
        guard let flow = setup.flow else {
            let ordered = flows.filter { $0.id == Self.defaultFlowID } + flows.filter { $0.id != Self.defaultFlowID }
            return SetupChoice(
                subject: .flow, question: Strings.setupQuestion(.flow)[language],
                options: ordered.map {
                    .init(
                        id: $0.id, name: "\($0.title[language]) – \($0.description[language])",
                        title: $0.title[language])
                },
                defaultOption: 0, allowsMany: false)
        }
        guard let deck = setup.deck else {
            return SetupChoice(
                subject: .deck, question: Strings.setupQuestion(.deck)[language],
                options: decks(for: flow).map { .init(id: $0.id, name: "\($0.title) (\($0.organisation))") },
                defaultOption: 0, allowsMany: false)
        }
        if setup.roles.isEmpty {
            let roles = flow.selection.roles == 2 ? deck.roles.filter { $0.level != Role.sharedLevel } : deck.roles
            let preferred = roles.firstIndex { $0.level != Role.sharedLevel } ?? 0
            return SetupChoice(
                subject: .role, question: Strings.setupQuestion(.role)[language],
                options: roles.map { .init(id: $0.id, name: $0.name) }, defaultOption: preferred,
                allowsMany: false)
        }
        if setup.themes == nil, flow.selection.themes != .all {
            let themes = themes(of: deck, for: setup.roles[0])
            return SetupChoice(
                subject: .themes, question: Strings.setupQuestion(.themes)[language],
                options: themes.map { .init(id: $0.id, name: $0.name) }, defaultOption: 0,
                allowsMany: flow.selection.themes == .some)
        }
        if setup.themes == nil, flow.selection.themes == .all, let choice = areasChoice(flow, deck, setup.roles[0]) {
            return choice
        }
        if setup.participants == nil, flow.selection.participants > 0 {
            return SetupChoice(
                subject: .participants, question: Strings.setupQuestion(.participants)[language],
                options: [], defaultOption: nil, allowsMany: true)
        }
        return nil
    }

    /// The most a flow over all areas rates before the areas are chosen first: a Skanderborg profile has up to 45
    /// statements and pitfalls, each a question of its own, too many for one sitting.
    public static let ratingsBeforeChoosingAreas = 20

    /// Where the role's cards would take more than `ratingsBeforeChoosingAreas` ratings, the areas (themes) to
    /// reflect on, each with what it rates, several allowed; the first area by default, a sitting's worth. Nil where
    /// the flow rates nothing or the whole profile fits.
    private func areasChoice(_ flow: Flow, _ deck: Deck, _ role: Role) -> SetupChoice? {
        let cards = deck.cards.filter { $0.role == role.id }
        let total = flow.ratings(on: cards)
        guard total.statements + total.pitfalls > Self.ratingsBeforeChoosingAreas else { return nil }
        let options = themes(of: deck, for: role).compactMap { area -> SetupChoice.Option? in
            let within = deck.themeIDs(within: area)
            let count = flow.ratings(on: cards.filter { within.contains($0.theme) })
            guard count.statements + count.pitfalls > 0 else { return nil }
            let counted = Strings.ratingCount(statements: count.statements, pitfalls: count.pitfalls)[language]
            return .init(id: area.id, name: "\(area.name) (\(counted))", title: area.name)
        }
        let counted = Strings.ratingCount(statements: total.statements, pitfalls: total.pitfalls)
        return SetupChoice(
            subject: .themes, question: Strings.chooseAreas(role: role.name, count: counted)[language],
            options: options, defaultOption: 0, allowsMany: true)
    }

    /// The next thing to ask, after taking every choice that has a single option (one deck fits, one role): nil when
    /// the setup is complete.
    public func nextChoice(settling setup: inout PartialSetup) -> SetupChoice? {
        while let choice = nextChoice(for: setup) {
            guard choice.options.count == 1, choice.defaultOption == 0, (try? apply("", to: choice, in: &setup)) != nil
            else {
                return choice
            }
        }
        return nil
    }

    /// Takes an answer to a choice into the setup: a number, a name or an unambiguous beginning; several separated by
    /// commas where allowed; empty for the default.
    public func apply(_ answer: String, to choice: SetupChoice, in setup: inout PartialSetup) throws(SetupAnswerError) {
        let trimmed = answer.trimmingWhitespace
        if choice.subject == .participants {
            let names: [String]
            do throws(ParticipantError) {
                names = try Self.participants(trimmed.split(separator: ",").map(String.init))
            } catch {
                throw .participants(error)
            }
            let needed = setup.flow?.selection.participants ?? 0
            guard names.count >= needed else { throw .tooFewParticipants(needed: needed) }
            setup.participants = names
            return
        }
        var picked: [String] = []
        if trimmed.isEmpty {
            guard let index = choice.defaultOption else { throw .needsAnswer }
            picked = [choice.options[index].id]
        } else {
            let parts =
                choice.allowsMany ? trimmed.split(separator: ",").map { String($0).trimmingWhitespace } : [trimmed]
            for part in parts where !part.isEmpty {
                if let number = Int(part), choice.options.indices.contains(number - 1) {
                    picked.append(choice.options[number - 1].id)
                    continue
                }
                do {
                    picked.append(
                        try NameResolver.resolve(
                            part, among: choice.options, kind: choice.subject.nameKind,
                            id: \.id, names: { [$0.title, $0.name] }
                        ).id)
                } catch {
                    throw .name(error)
                }
            }
        }
        switch choice.subject {
        case .flow: setup.flow = flows.first { $0.id == picked[0] }
        case .deck: setup.deck = decks.first { $0.id == picked[0] }
        case .role:
            guard let deck = setup.deck, let role = deck.role(id: picked[0]) else { return }
            setup.roles = [role]
            completeRoles(&setup)
        case .themes: setup.themes = picked.compactMap { id in setup.deck?.theme(id: id) }
        case .participants: break
        }
    }

    /// Across levels with one role given: adds the one above it (or, for the top role, the one below).
    public func completeRoles(_ setup: inout PartialSetup) {
        guard setup.flow?.selection.roles == 2, setup.roles.count == 1, let deck = setup.deck else { return }
        let role = setup.roles[0]
        let ranked = deck.roles.filter { $0.level != Role.sharedLevel }.sorted { $0.level < $1.level }
        if let above = ranked.first(where: { $0.level > role.level }) {
            setup.roles.append(above)
        } else if let below = ranked.last(where: { $0.level < role.level }) {
            setup.roles.insert(below, at: 0)
        }
    }

    /// The themes that have a card for the role, in the deck's order (forms of leadership before their sub-themes).
    public func themes(of deck: Deck, for role: Role) -> [Theme] {
        deck.themes.filter { theme in
            deck.cards.contains { $0.role == role.id && deck.themeIDs(within: theme).contains($0.theme) }
        }
    }
}

extension SetupChoice.Subject {
    var nameKind: NameKind {
        switch self {
        case .flow: .flow
        case .deck: .deck
        case .role: .role
        case .themes, .participants: .theme
        }
    }
}

extension Flow {
    /// How many statements and pitfalls the flow rates on the cards: none where it has no rating step of that kind.
    func ratings(on cards: [Card]) -> (statements: Int, pitfalls: Int) {
        func rates(_ steps: [FlowStep]) -> (statements: Bool, pitfalls: Bool) {
            var found = (statements: false, pitfalls: false)
            for step in steps {
                switch step {
                case .rateStatements: found.statements = true
                case .ratePitfalls: found.pitfalls = true
                case .forEachTheme(let steps), .inSeries(let steps):
                    let inner = rates(steps)
                    found = (found.statements || inner.statements, found.pitfalls || inner.pitfalls)
                case .say, .heading, .statements, .sharedTask, .questions, .energizers, .agreements, .ask, .points,
                    .chart, .gapQuestions, .followUp, .nextDate, .summary:
                    break
                }
            }
            return found
        }
        let (statements, pitfalls) = rates(steps)
        return (
            statements ? cards.map(\.statements.count).reduce(0, +) : 0,
            pitfalls ? cards.map(\.pitfalls.count).reduce(0, +) : 0
        )
    }
}
