// MARK: - ConversationSetup

/// What a conversation was started with: the flow, the deck and what was chosen in it. Saved with the session.
public struct ConversationSetup: Codable, Hashable, Sendable {
    public var flow: String
    public var deck: String
    /// Role ids; two for a flow across levels, lower level first.
    public var roles: [String]
    /// Theme ids, in the deck's order; empty means all, where the flow allows that.
    public var themes: [String]
    public var participants: [String]
    public var targetGroup: TargetGroup?
    public var language: Language
    /// The energizer's suggested time box, shown, not enforced.
    public var minutes: Int
    /// The time boxes a user may ask for: a meeting's opening, not a day.
    public static let allowedMinutes = 1...240
    /// Chooses among a card's questions where a flow asks only some of them (an energizer's one or two).
    public var seed: UInt64

    public init(
        flow: String, deck: String, roles: [String], themes: [String] = [], participants: [String] = [],
        targetGroup: TargetGroup? = nil, language: Language = .da, minutes: Int = 5, seed: UInt64 = 0
    ) {
        self.flow = flow
        self.deck = deck
        self.roles = roles
        self.themes = themes
        self.participants = participants
        self.targetGroup = targetGroup
        self.language = language
        self.minutes = minutes
        self.seed = seed
    }
}

// MARK: - Script

/// A flow expanded over a deck and a setup: the ordered steps the state machine walks, with every text final
/// (in the session's language, the target group put in). Saved inside the session, so a session resumes exactly
/// as it began even if the deck files change.
public struct Script: Codable, Equatable, Sendable {
    public let flowID: String
    public let title: String
    public let deckTitle: String
    public let organisation: String
    /// The source document as a reader names it, "title, organisation" (sessions from before it was so hold the
    /// deck's file name).
    public let source: String
    /// Names of the roles and themes the conversation is about, for headings and exports.
    public let roleNames: [String]
    public let themeNames: [String]
    public let participants: [String]
    /// Whether answers are kept (an energizer keeps none unless asked).
    public let records: Bool
    public let steps: [ScriptStep]
    /// The minutes the flow suggests for itself (an energizer's time box), shown, not enforced; nil for a flow that
    /// suggests none.
    public let timeBox: Int?

    public init(
        flowID: String, title: String, deckTitle: String, organisation: String, source: String, roleNames: [String],
        themeNames: [String], participants: [String], records: Bool, steps: [ScriptStep], timeBox: Int? = nil
    ) {
        self.flowID = flowID
        self.title = title
        self.deckTitle = deckTitle
        self.organisation = organisation
        self.source = source
        self.roleNames = roleNames
        self.themeNames = themeNames
        self.participants = participants
        self.records = records
        self.steps = steps
        self.timeBox = timeBox
    }

    /// Whether the script was expanded before the gap questions followed the gap's direction (a session saved by an
    /// earlier release, whose gap questions hold no question on the direction).
    var predatesGapDirections: Bool {
        steps.contains { step in
            guard case .gapQuestions(_, _, _, let questions) = step else { return false }
            return !questions.joined().contains { $0.purpose == .moreAttention || $0.purpose == .lessAttention }
        }
    }
}

/// One step of a script.
public enum ScriptStep: Codable, Equatable, Sendable {
    case say(String)
    case heading(String)
    /// A card's statements and quotes, shown before its questions.
    case card(heading: String?, statements: [String], quotes: [String])
    case ask(Ask)
    /// What we agree on, as many as wanted: what, who, by when.
    case agreements(prompt: String, theme: String?)
    /// The tilt between two points answers over the areas.
    case chart(now: String, needed: String, areas: [String])
    /// Questions on the area with the largest gap between two points answers; `questions[i]` are area i's.
    case gapQuestions(now: String, needed: String, areas: [String], questions: [[Ask]])
    case summary
}

// MARK: - Ask

/// One question of a script and how it must be answered.
public struct Ask: Codable, Equatable, Sendable {
    public enum Kind: Codable, Equatable, Sendable {
        case text
        case scale(minimum: Int, maximum: Int)
        /// One of the options, by number (1-based) or by name.
        case choice([String])
        /// One whole number per label, adding up to `total`.
        case points(labels: [String], total: Int)
    }

    /// What the answer is for, so that summaries can put it in the right place.
    public enum Purpose: String, Codable, Sendable {
        case question
        case statementRating
        case statementExample
        case pitfallRating
        case points
        case reflection
        /// Put on the area with the largest gap only when it gets less attention than the task needs.
        case moreAttention
        /// Put on the area with the largest gap only when it gets more attention than the task needs.
        case lessAttention
        /// Whether to take a theme's questions beyond those a flow asks: a choice of yes or no, where an empty
        /// answer is no. The questions it offers name it in `offeredBy`.
        case moreQuestions
    }

    /// Unique within the script; answers are kept under it.
    public let id: String
    public let text: String
    public let kind: Kind
    /// Whether an empty answer is accepted (it counts as skipped).
    public let optional: Bool
    public let purpose: Purpose
    public let theme: String?
    /// The role the question is put to.
    public let role: String?
    /// Who puts the question: a participant, or the other level.
    public let askedBy: String?
    /// The statement or pitfall being rated.
    public let subject: String?
    public let origin: Question.Origin?
    /// The question on the card that this one follows, where it cannot stand alone and is not asked right after it.
    public let follows: String?
    /// The id of the offer (`moreQuestions`) that this question is asked on: it is passed over unless that was
    /// answered yes.
    public let offeredBy: String?

    public init(
        id: String, text: String, kind: Kind = .text, optional: Bool = false, purpose: Purpose = .question,
        theme: String? = nil, role: String? = nil, askedBy: String? = nil, subject: String? = nil,
        origin: Question.Origin? = nil, follows: String? = nil, offeredBy: String? = nil
    ) {
        self.id = id
        self.text = text
        self.kind = kind
        self.optional = optional
        self.purpose = purpose
        self.theme = theme
        self.role = role
        self.askedBy = askedBy
        self.subject = subject
        self.origin = origin
        self.follows = follows
        self.offeredBy = offeredBy
    }
}
