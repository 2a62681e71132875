// MARK: - Session

/// A conversation with everything needed to resume, list and export it: what a session file holds, in the shape
/// `SessionRecord` writes.
public struct Session: Equatable, Sendable {
    /// Whether a conversation goes on, was paused by the user, or has ended.
    public enum Status: String, Codable, CaseIterable, Sendable {
        case active
        case paused
        case finished
    }

    /// One event as it happened, for the record.
    public struct LogEntry: Codable, Equatable, Sendable {
        public let at: String
        public let event: Event
    }

    public let id: SessionID
    /// How many times the session has been saved: 0 until its first save. A save replaces the file only if the
    /// file still holds this revision, so that two processes holding one session never overwrite each other.
    public internal(set) var revision: Int
    /// A random number the store gives the session when it first saves it. A session deleted and started again
    /// under the same id counts its revisions from 0 again; this tells it from the one before, so that a program
    /// still holding that one cannot take the new one's revision for its own.
    public internal(set) var instance: UInt64?
    public let setup: ConversationSetup
    public private(set) var conversation: Conversation
    public private(set) var updatedAt: String
    public private(set) var log: [LogEntry]

    public init(id: SessionID, setup: ConversationSetup, script: Script, at time: String) {
        self.init(
            id: id, revision: 0, instance: nil, setup: setup,
            conversation: Conversation(script: script, language: setup.language, startedAt: time),
            updatedAt: time, log: [])
    }

    /// A session as read from a file.
    init(
        id: SessionID, revision: Int, instance: UInt64?, setup: ConversationSetup, conversation: Conversation,
        updatedAt: String, log: [LogEntry]
    ) {
        self.id = id
        self.revision = revision
        self.instance = instance
        self.setup = setup
        self.conversation = conversation
        self.conversation.earlier = setup.earlier
        self.updatedAt = updatedAt
        self.log = log
    }

    public var status: Status {
        conversation.isFinished ? .finished : conversation.isPaused ? .paused : .active
    }

    /// Hands the event to the conversation and records it; the caller saves the session before showing the actions.
    /// An answer refused (not a number, too long, …) is not kept, not even in the log: it was never taken, and a
    /// record that kept each one would grow by that much with every try.
    public mutating func received(_ event: Event, at time: String) -> [Action] {
        let actions = conversation.received(event)
        if case .reask? = actions.first { return actions }
        log.append(LogEntry(at: time, event: event))
        updatedAt = time
        return actions
    }

    // MARK: Files

    /// The session as its record (`SessionRecord`): what its file and token hold and `export --format json` prints.
    public var record: JSONValue {
        SessionRecord.value(of: self)
    }

    /// The session as the bytes of its file.
    public func encoded() -> [UInt8] {
        JSONWriter.bytes(record, style: .pretty)
    }

    /// A session from the bytes of its file or token, in the record's shape or in the one releases before it wrote
    /// (`SessionRecord+Migration.swift`); a damaged file is an error naming what is wrong, never a crash.
    /// `id` is the id its file is named for: a file renamed by hand must not save under another id than its name.
    public static func decode(_ bytes: [UInt8], as id: SessionID? = nil) throws(SessionFileError) -> Session {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw .damaged(.syntax(error.reason, line: error.line, column: error.column))
        }
        // Releases before the session record wrote `"format": 1` where the record has its version.
        let session =
            try json.member("format") == nil
            ? SessionRecord.session(from: json)
            : SessionRecord.migrated(json)
        if let id, session.id != id {
            throw .damaged(.idMismatch(file: id.description, inside: session.id.description))
        }
        // The next save counts one up: a revision that could not be counted on is no file samtale wrote.
        guard (0..<Int.max).contains(session.revision) else {
            throw .damaged(.field(path: "revision", problem: .outOfRange))
        }
        return session
    }
}

/// A session file that cannot be read or written as a session.
public enum SessionFileError: Error, Equatable, Sendable {
    /// Truncated or altered: what is wrong, for a message that names the file.
    case damaged(SessionDamage)
    case unsupportedFormat

    /// The message naming the file.
    public func message(path: String) -> Localized {
        switch self {
        case .damaged(let damage): Strings.sessionDamaged(path, damage.message)
        case .unsupportedFormat: Strings.sessionUnsupported(path)
        }
    }
}
