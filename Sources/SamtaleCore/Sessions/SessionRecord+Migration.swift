// MARK: - Files from before the session record

extension SessionRecord {
    /// A session in the shape releases up to c551b83 wrote (`"format": 1`, members as Swift's `Codable` synthesised
    /// them, such as `{"say":{"_0":…}}`), read as they wrote it and checked; its next save writes the record. The
    /// files in `Tests/SamtaleCoreTests/Fixtures/` were written by such a release and must load for ever.
    static func migrated(_ json: JSONValue) throws(SessionFileError) -> Session {
        if let format = json.member("format"), format != .integer(1) { throw .unsupportedFormat }
        let saved: SavedBeforeRecord
        do {
            saved = try JSONValueCoder.decode(SavedBeforeRecord.self, from: json)
        } catch {
            // The root's path (`$`) means nothing to a reader: a member missing there is named by its key alone.
            let path = error.path == .root ? "" : error.path.description
            throw .damaged(.field(path: path, problem: SessionDamage.FieldProblem(error.reason)))
        }
        // The record keeps the language once, in the setup; those releases wrote the same one twice.
        guard saved.conversation.language == saved.setup.language else {
            throw .damaged(.field(path: "conversation.language", problem: .unreadable))
        }
        let conversation: Conversation
        do {
            conversation = try saved.conversation.converted()
        } catch {
            throw .damaged(error)
        }
        // Files from before revisions were counted hold one save at least.
        return Session(
            id: saved.id, revision: saved.revision ?? 1, instance: saved.instance, setup: saved.setup,
            conversation: conversation, updatedAt: saved.updatedAt, log: saved.log)
    }
}

/// A session file as those releases wrote it.
private struct SavedBeforeRecord: Decodable {
    let format: Int
    let id: SessionID
    let revision: Int?
    let instance: UInt64?
    let setup: ConversationSetup
    let conversation: ConversationBeforeRecord
    let updatedAt: String
    let log: [Session.LogEntry]
}

/// The conversation's members in those files: its state spread over five members that could contradict each other.
private struct ConversationBeforeRecord: Decodable {
    let script: Script
    let language: Language
    let startedAt: String
    let position: PositionBeforeRecord
    /// The furthest place reached.
    let frontier: PositionBeforeRecord
    let answers: [String: Answer]
    let agreements: [Int: [Agreement]]
    /// The places answered, in order.
    let history: [PositionBeforeRecord]
    /// While revising after `back`: the index in `history` being revised.
    let revisiting: Int?
    let endedEarly: Bool

    /// The conversation as the state machine holds it now, checked by the rules those releases checked it by, in
    /// the same order and with the same paths, so that a damaged file is told as it was.
    func converted() throws(SessionDamage) -> Conversation {
        let unplaced = Conversation(
            script: script, language: language, startedAt: startedAt, state: .notStarted,
            answers: answers, agreements: agreements, answered: [])
        // The steps first: the places are looked up in them.
        if let step = unplaced.invalidStep() { throw .invalidStep(index: step) }
        let state = try state(placedIn: unplaced)
        let answered = try history.enumerated().map { index, position throws(SessionDamage) in
            guard let place = position.place else {
                throw .positionOutsideScript(path: "conversation.history[\(index)]")
            }
            return place
        }
        let conversation = Conversation(
            script: script, language: language, startedAt: startedAt, state: state,
            answers: answers, agreements: agreements, answered: answered)
        if let damage = conversation.damage(paths: .beforeRecord) { throw damage }
        return conversation
    }

    /// The one state that position, frontier, revisiting and endedEarly stand for, or the member that contradicts it.
    private func state(placedIn conversation: Conversation) throws(SessionDamage) -> Conversation.State {
        let atPosition = SessionDamage.positionOutsideScript(path: "conversation.position")
        let atFrontier = SessionDamage.positionOutsideScript(path: "conversation.frontier")
        let atRevisiting = SessionDamage.positionOutsideScript(path: "conversation.revisiting")
        // The place waited at, also while paused or asked whether to end; a pause or question within one is none.
        var place: Place?
        switch position {
        case .notStarted, .finished:
            place = nil
        case .paused(let inner), .confirmingEnd(let inner):
            place = inner.place
            if place == nil { throw atPosition }
        case .asking, .agreeing, .gap:
            place = position.place
        }
        if let place, !conversation.isWaiting(at: place) { throw atPosition }
        switch frontier {
        case .notStarted, .finished: break
        case .asking, .agreeing, .gap, .paused, .confirmingEnd:
            guard let furthest = frontier.place, conversation.isWaiting(at: furthest) else { throw atFrontier }
        }
        // Only a conversation that has begun has anything to resume, and only one that has ended is at its end.
        if position == .notStarted && (frontier != .notStarted || !history.isEmpty) { throw atPosition }
        if (position == .finished) != (frontier == .finished) { throw atFrontier }
        guard let place else {
            if position == .notStarted && revisiting != nil { throw atRevisiting }
            return position == .finished ? .finished(endedEarly: endedEarly) : .notStarted
        }
        let revising: Conversation.Revision?
        if let revisiting {
            guard let returnTo = frontier.place else { throw atRevisiting }
            revising = Conversation.Revision(answered: revisiting, returnTo: returnTo)
        } else {
            // Unless it is revising, the conversation waits at its frontier.
            guard frontier.place == place else { throw atFrontier }
            revising = nil
        }
        let waiting = Conversation.Waiting(place: place, revising: revising)
        return switch position {
        case .paused: .paused(waiting)
        case .confirmingEnd: .confirmingEnd(waiting)
        default: .waiting(waiting)
        }
    }
}

/// A place in the conversation as those releases wrote it. Positions could nest (paused while paused), which the
/// record's state rules out: a file that nests them is damaged.
private indirect enum PositionBeforeRecord: Decodable, Equatable {
    case notStarted
    case asking(step: Int)
    case agreeing(step: Int, index: Int, field: AgreementField)
    case gap(step: Int, index: Int)
    case confirmingEnd(from: PositionBeforeRecord)
    case paused(at: PositionBeforeRecord)
    case finished

    /// The place of a position that waits for an answer.
    var place: Place? {
        switch self {
        case .asking(let step): .question(step: step)
        case .agreeing(let step, let index, let field): .agreement(step: step, index: index, field: field)
        case .gap(let step, let index): .gapQuestion(step: step, index: index)
        case .notStarted, .confirmingEnd, .paused, .finished: nil
        }
    }
}

extension SessionDamage.FieldProblem {
    /// The user's words for a decoding error: Swift's type names and debug texts mean nothing to them.
    init(_ reason: JSONCodingError.Reason) {
        switch reason {
        case .missingKey(let key): self = .missing(key)
        case .typeMismatch: self = .wrongType
        case .valueOutOfRange: self = .outOfRange
        case .dataCorrupted, .invalidValue: self = .unreadable
        }
    }
}
