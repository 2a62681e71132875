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
    /// The employee a 1:1 is with: the key of its series; nil outside a series.
    public var with: String?
    public var leader: String?
    /// The agreements still open in the series when this conversation started, in the order they were made.
    public var earlier: [EarlierAgreement]
    /// When the latest earlier conversation in the series started (ISO); nil for the first, or outside a series.
    public var previous: String?
    /// Where a conversation started in chat came from; nil for every other conversation.
    public var chat: ChatOrigin?

    public init(
        flow: String, deck: String, roles: [String], themes: [String] = [], participants: [String] = [],
        targetGroup: TargetGroup? = nil, language: Language = .da, minutes: Int = 5, seed: UInt64 = 0,
        with: String? = nil, leader: String? = nil, earlier: [EarlierAgreement] = [], previous: String? = nil,
        chat: ChatOrigin? = nil
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
        self.with = with
        self.leader = leader
        self.earlier = earlier
        self.previous = previous
        self.chat = chat
    }

    private enum CodingKeys: String, CodingKey {
        case flow, deck, roles, themes, participants, targetGroup, language, minutes, seed, with, leader, earlier,
            previous, chat
    }

    /// Files from before a series had the members of one hold none of them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            flow: try container.decode(String.self, forKey: .flow),
            deck: try container.decode(String.self, forKey: .deck),
            roles: try container.decode([String].self, forKey: .roles),
            themes: try container.decode([String].self, forKey: .themes),
            participants: try container.decode([String].self, forKey: .participants),
            targetGroup: try container.decodeIfPresent(TargetGroup.self, forKey: .targetGroup),
            language: try container.decode(Language.self, forKey: .language),
            minutes: try container.decode(Int.self, forKey: .minutes),
            seed: try container.decode(UInt64.self, forKey: .seed),
            with: try container.decodeIfPresent(String.self, forKey: .with),
            leader: try container.decodeIfPresent(String.self, forKey: .leader),
            earlier: try container.decodeIfPresent([EarlierAgreement].self, forKey: .earlier) ?? [],
            previous: try container.decodeIfPresent(String.self, forKey: .previous),
            chat: try container.decodeIfPresent(ChatOrigin.self, forKey: .chat))
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
    /// Whether a finished record ends with lines for both parties to confirm it (`Flow.confirmation`).
    public let confirmation: Bool
    public let steps: [ScriptStep]
    /// The minutes the flow suggests for itself (an energizer's time box), shown, not enforced; nil for a flow that
    /// suggests none.
    public let timeBox: Int?

    public init(
        flowID: String, title: String, deckTitle: String, organisation: String, source: String, roleNames: [String],
        themeNames: [String], participants: [String], records: Bool, confirmation: Bool? = nil, steps: [ScriptStep],
        timeBox: Int? = nil
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
        self.confirmation = confirmation ?? Self.confirms(flowID)
        self.steps = steps
        self.timeBox = timeBox
    }

    private enum CodingKeys: String, CodingKey {
        case flowID, title, deckTitle, organisation, source, roleNames, themeNames, participants, records,
            confirmation, steps, timeBox
    }

    /// Read by hand so that scripts saved before a flow said whether it confirms, or suggested a time box, still read
    /// (the files of releases before the session record are read this way).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        flowID = try container.decode(String.self, forKey: .flowID)
        title = try container.decode(String.self, forKey: .title)
        deckTitle = try container.decode(String.self, forKey: .deckTitle)
        organisation = try container.decode(String.self, forKey: .organisation)
        source = try container.decode(String.self, forKey: .source)
        roleNames = try container.decode([String].self, forKey: .roleNames)
        themeNames = try container.decode([String].self, forKey: .themeNames)
        participants = try container.decode([String].self, forKey: .participants)
        records = try container.decode(Bool.self, forKey: .records)
        confirmation = try container.decodeIfPresent(Bool.self, forKey: .confirmation) ?? Self.confirms(flowID)
        steps = try container.decode([ScriptStep].self, forKey: .steps)
        timeBox = try container.decodeIfPresent(Int.self, forKey: .timeBox)
    }

    /// Whether a script saved before flows said so ends with the confirmation lines: only the 1:1 did.
    static func confirms(_ flowID: String) -> Bool {
        flowID == "one-to-one"
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
        /// How things have gone since the last conversation of a series.
        case checkIn
        /// How an earlier agreement of a series went (its `subject`: what was agreed).
        case followUp
        /// The status of an earlier agreement: one of `AgreementStatus`, in its order.
        case agreementStatus
        /// When the next conversation is.
        case nextDate
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
