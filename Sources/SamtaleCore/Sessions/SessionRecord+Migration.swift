// MARK: - Files from before the session record

extension SessionRecord {
    /// A session in the shape releases up to c551b83 wrote (`"format": 1`, members as Swift's `Codable` synthesised
    /// them, such as `{"say":{"_0":…}}`), read as they wrote it and checked; its next save writes the record. The files in
    /// `Tests/SamtaleCoreTests/Fixtures/` were written by such a release and must load for ever.
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
        let old = saved.conversation
        // The record keeps the language once, in the setup; those releases wrote the same one twice.
        guard old.language == saved.setup.language else {
            throw .damaged(.field(path: "conversation.language", problem: .unreadable))
        }
        let conversation = Conversation(
            script: old.script, language: old.language, startedAt: old.startedAt, position: old.position,
            frontier: old.frontier, answers: old.answers, agreements: old.agreements, history: old.history,
            // A conversation that has ended revises nothing, and only its end says whether that came early: those
            // releases kept both throughout, and the record keeps them where they mean something.
            revisiting: old.position == .finished ? nil : old.revisiting,
            endedEarly: old.position == .finished && old.endedEarly)
        if let damage = conversation.damage(paths: .beforeRecord) { throw .damaged(damage) }
        // Files from before revisions were counted hold one save at least.
        return Session(id: saved.id, revision: saved.revision ?? 1, instance: saved.instance, setup: saved.setup,
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

/// The conversation's members in those files.
private struct ConversationBeforeRecord: Decodable {
    let script: Script
    let language: Language
    let startedAt: String
    let position: Position
    let frontier: Position
    let answers: [String: Answer]
    let agreements: [Int: [Agreement]]
    let history: [Position]
    let revisiting: Int?
    let endedEarly: Bool
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
