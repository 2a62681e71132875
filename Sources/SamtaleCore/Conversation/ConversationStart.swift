// MARK: - StartRequest

/// A new conversation as a person or a program asks for it: names as given, not yet resolved. Every front door
/// (`talk`, `serve`) fills one in and hands it to `SetupPlanner.start`, so that each resolves and checks alike.
public struct StartRequest: Sendable {
    /// What happens when no deck is named.
    public enum UnnamedDeck: Sendable {
        /// The deck is a choice still to make, unless only one deck fits the flow: a person is asked. Roles or
        /// themes named without a deck are names in the default deck, as they are for a prompt.
        case asked
        /// The first deck that fits the flow, the default deck first: a program is not asked.
        case firstFitting
    }

    public var flow: String?
    public var deck: String?
    public var unnamedDeck: UnnamedDeck
    public var roles: [String]
    /// Empty when none are named: then they are a choice still to make, where the flow chooses themes.
    public var themes: [String]
    /// nil when not given: then they are a choice still to make, where the flow needs participants.
    public var participants: [String]?
    public var targetGroup: TargetGroup?
    /// The language of the conversation.
    public var language: Language
    public var minutes: Int
    /// Kept only where the flow picks questions, so that sessions started alike share one script.
    public var seed: UInt64
    /// The employee a 1:1 is with, which makes it one of a series with that person, and the leader.
    public var with: String?
    public var leader: String?
    /// The conversations with `with` so far (`SessionStore.series(with:)`): the next one follows up their agreements,
    /// and takes their leader, deck and role unless others are named.
    public var series: Series?

    public init(
        flow: String? = nil, deck: String? = nil, unnamedDeck: UnnamedDeck, roles: [String] = [],
        themes: [String] = [], participants: [String]? = nil, targetGroup: TargetGroup? = nil, language: Language,
        minutes: Int = 5, seed: UInt64
    ) {
        self.flow = flow
        self.deck = deck
        self.unnamedDeck = unnamedDeck
        self.roles = roles
        self.themes = themes
        self.participants = participants
        self.targetGroup = targetGroup
        self.language = language
        self.minutes = minutes
        self.seed = seed
    }
}

// MARK: - StartError

/// Why a conversation cannot start as asked.
public enum StartError: ExplainedError, Equatable, Sendable {
    /// A flow, deck, role or theme that matches nothing, or more than one.
    case name(NameError)
    /// No deck was named, and none fits the flow.
    case noDeck(flow: Localized)
    /// The flow cannot run on the deck, or not with what was chosen.
    case setup(ExpansionError)
    /// A person to hold a series with was named for a flow that follows up no earlier conversation.
    case noSeries(flow: Localized)
    /// The name of the employee or of the leader is blank.
    case blankName(leader: Bool)
    /// A conversation of the series has not ended: two at once would follow up the same agreements.
    case seriesUnfinished(name: String, session: String)
    /// The participants' names, as given, cannot be taken (too few once blanks are dropped, or one named twice).
    case participants(ParticipantError)

    public var message: Localized {
        switch self {
        case .name(let error): error.message
        case .noDeck(let flow):
            Localized(
                da: "intet kortsæt passer til \(Strings.flowName(flow).da)",
                en: "no deck fits \(Strings.flowName(flow).en)")
        case .setup(let error): error.message
        case .noSeries(let flow):
            Localized(
                da: "en serie med samme person findes kun for 1:1-samtalen, ikke for \(Strings.flowName(flow).da)",
                en: "a series with the same person exists only for the 1:1 conversation, not for "
                    + Strings.flowName(flow).en)
        case .blankName(let leader):
            leader
                ? Localized(
                    da: "lederens navn mangler; skriv navnet på den leder, der holder samtalen",
                    en: "the leader's name is missing; give the name of the leader who holds the conversation")
                : Localized(
                    da: "medarbejderens navn mangler; skriv navnet på den medarbejder, samtalen er med",
                    en: "the employee's name is missing; give the name of the employee the conversation is with")
        case .seriesUnfinished(let name, let session):
            Localized(
                da: "1:1-samtalen med \(name) (\(session)) er ikke afsluttet; gør den færdig eller slet den, før du "
                    + "begynder en ny",
                en: "there is a 1:1 conversation with \(name) that has not ended (\(session)); finish or delete it "
                    + "before you begin a new one")
        case .participants(let error): error.message
        }
    }
}

// MARK: - Participants

/// Why participants' names cannot be taken as given.
public enum ParticipantError: ExplainedError, Equatable, Sendable {
    /// The same name twice, in any case (named as first given): the round would seem to have one person ask twice.
    case namedTwice(String)

    public var message: Localized {
        switch self {
        case .namedTwice(let name):
            Localized(
                da:
                    "»\(name)« står to gange blandt deltagerne; skriv hver deltager én gang, og hedder to det samme, så "
                    + "skriv fx »\(name) B.« og »\(name) K.«",
                en: "\"\(name)\" is named twice among the participants; name each participant once, and tell two "
                    + "people of the same name apart, such as \"\(name) B.\" and \"\(name) K.\"")
        }
    }
}

extension SetupPlanner {
    /// The participants' names as every front door gives them (a list, or one answer split at its commas), taken
    /// alike: each trimmed and blanks dropped, so that too few is told as such; a name given twice is refused.
    public static func participants(_ names: [String]) throws(ParticipantError) -> [String] {
        var taken: [String] = []
        for name in names.map(\.trimmingWhitespace) where !name.isEmpty {
            if let earlier = taken.first(where: { $0.lowercased() == name.lowercased() }) {
                throw .namedTwice(earlier)
            }
            taken.append(name)
        }
        return taken
    }
}

// MARK: - StartStep

/// Where a start stands: ready, or waiting for a choice (asked of a person, or reported to a program).
public enum StartStep: Sendable {
    case ready(StartPlan)
    /// The next choice to make, and what is settled so far, for `SetupPlanner.start(_:from:)` once it is made.
    case missing(SetupChoice, PartialSetup)
}

/// A start with everything resolved: the setup, with the flow and deck it names.
public struct StartPlan: Sendable {
    public let flow: Flow
    public let deck: Deck
    public let setup: ConversationSetup

    /// The flow expanded over the deck for the setup, with the texts of the venue.
    public func script(in venue: Venue = .terminal) throws(StartError) -> Script {
        do {
            return try flow.expand(over: deck, setup: setup, in: venue)
        } catch {
            throw .setup(error)
        }
    }

    /// The new session, at its start.
    public func session(id: SessionID, at time: String) throws(StartError) -> Session {
        Session(id: id, setup: setup, script: try script(), at: time)
    }
}

// MARK: - Starting

extension SetupPlanner {
    /// Resolves the names of a request and settles what has one answer only; a flow that cannot use the named deck
    /// is refused before anything is asked.
    public func start(_ request: StartRequest) throws(StartError) -> StartStep {
        var setup = PartialSetup()
        var deckName = request.deck
        // The deck and role of the series' latest conversation, unless others are named: `--with Ann` is enough
        // (its themes are asked).
        var roleNames = request.roles
        if let last = request.series?.last, request.deck == nil, request.roles.isEmpty {
            deckName = last.setup.deck
            roleNames = last.setup.roles
        }
        if deckName == nil, request.unnamedDeck == .asked, !roleNames.isEmpty || !request.themes.isEmpty {
            deckName = Catalog.defaultDeckID
        }
        do throws(NameError) {
            // The flow of the series' latest conversation, unless another is named; with a person named, the one
            // flow that can hold a series.
            let seriesFlows = flows.filter(\.followsUp)
            let seriesFlow = request.with != nil && seriesFlows.count == 1 ? seriesFlows[0].id : nil
            setup.flow = try (request.flow ?? request.series?.last?.setup.flow ?? seriesFlow).map {
                name throws(NameError) in
                try NameResolver.resolveFlow(name, among: flows)
            }
            setup.deck = try deckName.map { name throws(NameError) in
                try NameResolver.resolveDeck(name, among: decks)
            }
        } catch {
            throw .name(error)
        }
        if let flow = setup.flow { try checkSeries(request, flow: flow) }
        if setup.deck == nil, request.unnamedDeck == .firstFitting, let flow = setup.flow {
            guard let deck = decks(for: flow).first else { throw .noDeck(flow: flow.title) }
            setup.deck = deck
        }
        if let flow = setup.flow, let deck = setup.deck, let reason = flow.unsupportedReason(deck: deck) {
            throw .setup(reason)
        }
        if let deck = setup.deck {
            do throws(NameError) {
                setup.roles = try roleNames.map { name throws(NameError) in try deck.resolveRole(name) }
                let roles = setup.roles
                if !request.themes.isEmpty {
                    setup.themes = try request.themes.map { name throws(NameError) in
                        try deck.resolveTheme(name, for: roles)
                    }
                }
            } catch {
                throw .name(error)
            }
        }
        do throws(ParticipantError) {
            setup.participants = try request.participants.map(Self.participants)
        } catch {
            throw .participants(error)
        }
        return try start(request, from: setup)
    }

    /// Goes on from a setup that choices have added to: the next choice still to make, or the plan.
    public func start(_ request: StartRequest, from setup: PartialSetup) throws(StartError) -> StartStep {
        var setup = setup
        completeRoles(&setup)
        if let choice = nextChoice(settling: &setup) { return .missing(choice, setup) }
        guard let flow = setup.flow, let deck = setup.deck else {
            preconditionFailure("a setup with no choice left has a flow and a deck")
        }
        // A flow chosen from the menu is checked here, as it was not known when the request was read.
        try checkSeries(request, flow: flow)
        let series = request.with == nil ? nil : request.series
        let conversation = ConversationSetup(
            flow: flow.id, deck: deck.id, roles: setup.roles.map(\.id), themes: (setup.themes ?? []).map(\.id),
            participants: setup.participants ?? [], targetGroup: request.targetGroup, language: request.language,
            minutes: request.minutes, seed: flow.choosesQuestions ? request.seed : 0,
            with: series.flatMap { $0.sessions.isEmpty ? nil : $0.name } ?? request.with?.trimmingWhitespace,
            leader: request.leader?.trimmingWhitespace ?? series?.leader,
            earlier: series?.open ?? [], previous: series?.last?.conversation.startedAt
        )
        return .ready(StartPlan(flow: flow, deck: deck, setup: conversation))
    }

    /// A person named for a series suits only a flow that follows up earlier conversations, with a name that is not
    /// blank, and while no conversation of the series is still under way.
    private func checkSeries(_ request: StartRequest, flow: Flow) throws(StartError) {
        if request.with != nil || request.leader != nil, !flow.followsUp { throw .noSeries(flow: flow.title) }
        if request.with?.trimmingWhitespace.isEmpty == true { throw .blankName(leader: false) }
        if request.leader?.trimmingWhitespace.isEmpty == true { throw .blankName(leader: true) }
        if request.with != nil, let open = request.series?.sessions.first(where: { $0.status != .finished }) {
            throw .seriesUnfinished(name: request.series?.name ?? "", session: open.id.description)
        }
    }
}
