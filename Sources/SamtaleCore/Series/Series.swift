// MARK: - Earlier agreements

/// An agreement made in an earlier conversation of a series and still open when a new one started. Its key is the
/// conversation it was made in and its place among that conversation's agreements, so one carried on keeps its key
/// through the series.
public struct EarlierAgreement: Codable, Hashable, Sendable {
    public let what: String
    public let who: String
    public let when: String
    public let theme: String?
    /// The id of the conversation it was made in.
    public let session: String
    /// Its 0-based place among that conversation's agreements.
    public let index: Int
    /// When that conversation started (ISO).
    public let made: String
    /// The status given at the latest follow-up (under way or carried on); nil until one is given.
    public let status: AgreementStatus?

    public init(
        what: String, who: String, when: String, theme: String? = nil, session: String, index: Int, made: String,
        status: AgreementStatus? = nil
    ) {
        self.what = what
        self.who = who
        self.when = when
        self.theme = theme
        self.session = session
        self.index = index
        self.made = made
        self.status = status
    }

    /// The same agreement with the status given at a later follow-up.
    func with(status: AgreementStatus) -> EarlierAgreement {
        EarlierAgreement(
            what: what, who: who, when: when, theme: theme, session: session, index: index, made: made, status: status)
    }
}

/// How an earlier agreement stands when it is followed up.
public enum AgreementStatus: String, Codable, CaseIterable, Sendable {
    case done
    case underWay
    case dropped
    case carriedOn

    /// Whether the agreement stays open in the series, to be followed up again.
    public var isOpen: Bool {
        self == .underWay || self == .carriedOn
    }

    public var label: Localized {
        switch self {
        case .done: Localized(da: "gennemført", en: "done")
        case .underWay: Localized(da: "i gang", en: "under way")
        case .dropped: Localized(da: "bortfaldet", en: "dropped")
        case .carriedOn: Localized(da: "udskudt", en: "carried on")
        }
    }
}

/// One earlier agreement as a conversation followed it up: its status (nil when skipped) and how it went.
public struct FollowUp: Codable, Equatable, Sendable {
    public let agreement: EarlierAgreement
    public let status: AgreementStatus?
    public let comment: String?
}

// MARK: - Series

/// The 1:1 conversations with one person, in the order they started, and the agreements still open across them.
public struct Series: Equatable, Sendable {
    /// The person as the first conversation names them (or as asked for, before there is one).
    public let name: String
    public let sessions: [Session]

    /// The conversations whose setup is with `name` (trimmed, in any case), the first started first.
    public init(name: String, sessions: [Session]) {
        let key = Self.key(name)
        let matching = sessions.filter { $0.setup.with.map(Self.key) == key }
            .sorted { first, second in
                let started = (
                    Timestamp(iso: first.conversation.startedAt), Timestamp(iso: second.conversation.startedAt)
                )
                if let left = started.0, let right = started.1, left != right { return left < right }
                // Started in the same second: the one that follows the other up comes after it.
                return second.setup.earlier.contains { $0.session == first.id.description }
                    || (first.setup.previous == nil && second.setup.previous != nil)
            }
        self.name = matching.first?.setup.with ?? name.trimmingWhitespace
        self.sessions = matching
    }

    /// How a name is compared: trimmed, lower-cased.
    static func key(_ name: String) -> String {
        name.trimmingWhitespace.lowercased()
    }

    /// The latest conversation, whose deck, role and leader the next one takes unless told otherwise.
    public var last: Session? {
        sessions.last
    }

    /// The leader named last in the series.
    public var leader: String? {
        sessions.last { $0.setup.leader != nil }?.setup.leader
    }

    /// The agreements still open after every conversation, in the order they were made: each conversation's answered
    /// statuses close the done and dropped ones (a skipped one stays open), then its own agreements are added.
    public var open: [EarlierAgreement] {
        var open: [EarlierAgreement] = []
        for session in sessions {
            for followUp in session.conversation.summary.followUps ?? [] {
                guard let status = followUp.status,
                    let place = open.firstIndex(where: {
                        $0.session == followUp.agreement.session && $0.index == followUp.agreement.index
                    })
                else { continue }
                if status.isOpen {
                    open[place] = open[place].with(status: status)
                } else {
                    open.remove(at: place)
                }
            }
            let made = session.conversation.summary.agreements ?? []
            for (index, agreement) in made.enumerated() where !agreement.what.trimmingWhitespace.isEmpty {
                open.append(
                    EarlierAgreement(
                        what: agreement.what, who: agreement.who, when: agreement.when, theme: agreement.theme,
                        session: session.id.description, index: index, made: session.conversation.startedAt))
            }
        }
        return open
    }
}
