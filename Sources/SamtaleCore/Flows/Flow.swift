// MARK: - Flow

/// A kind of conversation (one-to-one, team, energizer, …) as data: what it needs chosen, and its steps.
/// The core expands a flow over a deck and a setup into a `Script`, which the state machine walks.
public struct Flow: Equatable, Sendable {
    public let id: String
    public let title: Localized
    public let description: Localized
    public let selection: FlowSelection
    /// Whether answers are kept; an energizer keeps nothing unless asked to.
    public let records: Bool
    /// A deck section this flow needs (the seesaw needs a deck with a `model`), or nil for any deck.
    public let requiredSection: DeckSection.Kind?
    /// Whether a finished record ends with lines for both parties to confirm they have read it (a 1:1).
    public let confirmation: Bool
    public let steps: [FlowStep]

    public init(
        id: String, title: Localized, description: Localized, selection: FlowSelection, records: Bool,
        requiredSection: DeckSection.Kind?, confirmation: Bool = false, steps: [FlowStep]
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.selection = selection
        self.records = records
        self.requiredSection = requiredSection
        self.confirmation = confirmation
        self.steps = steps
    }
}

extension Flow {
    /// The id of the `number`th question samtale puts into a script itself (a card's question, a rating): `q1`, `q2`,
    /// … Answers are kept by id, so a flow's own `ask` and `points` ids may not take this form (`isGeneratedID`).
    static func generatedID(_ number: Int) -> String {
        "q\(number)"
    }

    /// Whether an id has the form of the ids samtale numbers itself: `q` and digits; or of those a follow-up of
    /// earlier agreements asks (`check-in`, `follow-up-1`, `status-1`, …), so that no flow's own ask takes one.
    public static func isGeneratedID(_ id: String) -> Bool {
        func numbered(_ prefix: String) -> Bool {
            id.count > prefix.count && id.hasPrefix(prefix)
                && id.dropFirst(prefix.count).allSatisfy { ("0"..."9").contains($0) }
        }
        return id == "check-in" || numbered("q") || numbered("follow-up-") || numbered("status-")
    }

    /// Whether the flow picks some of a card's questions (an energizer's one or two, the seesaw's gap questions),
    /// so that the setup's seed matters.
    public var choosesQuestions: Bool {
        func chooses(_ steps: [FlowStep]) -> Bool {
            steps.contains { step in
                switch step {
                case .questions(_, let limit, _, _, _): limit?.pick == .random
                case .gapQuestions, .energizers: true
                case .forEachTheme(let steps), .inSeries(let steps): chooses(steps)
                case .say, .heading, .statements, .sharedTask, .agreements, .ask, .rateStatements, .ratePitfalls,
                    .points, .chart, .followUp, .nextDate, .summary:
                    false
                }
            }
        }
        return chooses(steps)
    }

    /// Whether the flow follows up a series' earlier agreements, so that a conversation can be one of a series.
    public var followsUp: Bool {
        func followsUp(_ steps: [FlowStep]) -> Bool {
            steps.contains { step in
                switch step {
                case .followUp: true
                case .forEachTheme(let steps), .inSeries(let steps): followsUp(steps)
                case .say, .heading, .statements, .sharedTask, .questions, .energizers, .agreements, .ask,
                    .rateStatements, .ratePitfalls, .points, .chart, .gapQuestions, .nextDate, .summary:
                    false
                }
            }
        }
        return followsUp(steps)
    }
}

/// How many of a card's questions a `questions` step asks, and which.
public struct QuestionLimit: Equatable, Sendable {
    /// Which questions the limit keeps: some chosen by the setup's seed (an energizer's one or two), or the first in
    /// the card's order (a 1:1's five).
    public enum Pick: String, CaseIterable, Sendable {
        case random
        case first
    }

    public let count: Int
    public let pick: Pick
    /// Whether the questions beyond `count` are offered after them, and asked only if the offer is taken.
    public let offersRest: Bool

    public init(count: Int, pick: Pick = .random, offersRest: Bool = false) {
        self.count = count
        self.pick = pick
        self.offersRest = offersRest
    }
}

/// What must be chosen before a flow can start.
public struct FlowSelection: Equatable, Sendable {
    /// How many themes: exactly one, one or more (chosen), or all unless some are chosen.
    public enum Themes: String, CaseIterable, Sendable {
        case one
        case some
        case all
    }

    /// 1, or 2 for a flow across levels (two roles of different levels).
    public let roles: Int
    public let themes: Themes
    /// The fewest participants to name; 0 when the flow has no participants.
    public let participants: Int

    public init(roles: Int, themes: Themes, participants: Int) {
        self.roles = roles
        self.themes = themes
        self.participants = participants
    }
}

// MARK: - Steps

/// One step of a flow, before it is expanded over a deck.
public indirect enum FlowStep: Equatable, Sendable {
    /// Text to show.
    case say(Localized)
    /// A heading between parts of the conversation.
    case heading(Localized)
    /// The steps once for each chosen theme, in the deck's order.
    case forEachTheme([FlowStep])
    /// The steps only in a conversation of a series (a 1:1 with a named employee).
    case inSeries([FlowStep])
    /// The current card's statements (and quotes).
    case statements
    /// The shared task of the role's group (a staff group, a leader group), then a question about it; nothing
    /// where the role has no group with a shared task.
    case sharedTask(id: String, text: Localized, optional: Bool)
    /// The current card's questions for an audience: all of them or as `limit` says; put by the participants in
    /// turn; alternating between the two roles; each answer optional (a note) or required.
    case questions(
        audience: Audience, limit: QuestionLimit?, askedByParticipants: Bool, alternate: Bool, optional: Bool)
    /// What we agree on: what, who, by when, as many as wanted; an empty "what" ends the list.
    case agreements(Localized)
    /// A fixed question of the flow, answered with text; filed under `section` in summaries where given.
    case ask(id: String, text: Localized, optional: Bool, section: Localized?)
    /// In a series after its first conversation: a check-in, then each earlier agreement still open, how it went
    /// (`agreement` for one made last time, `olderAgreement` for one made before) and its status.
    case followUp(checkIn: Localized, agreement: Localized, olderAgreement: Localized, status: Localized)
    /// When the next conversation is, answered with text.
    case nextDate(id: String, text: Localized)
    /// Each statement of the chosen cards rated 1–5, each with an optional example.
    case rateStatements(text: Localized, example: Localized)
    /// Each pitfall of the chosen cards rated "how close am I" 1–5.
    case ratePitfalls(text: Localized)
    /// Points over the chosen themes that must add up to `total`.
    case points(id: String, total: Int, text: Localized)
    /// The tilt between two points answers, as a bar chart.
    case chart(now: String, needed: String)
    /// Questions of the theme with the largest gap between two points answers.
    case gapQuestions(now: String, needed: String, audience: Audience, limit: Int)
    /// `limit` of the theme's energizer questions, or of the card's questions for the group where it has none.
    case energizers(limit: Int, optional: Bool)
    /// The summary of the whole conversation.
    case summary
}
