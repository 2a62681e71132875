// MARK: - Session

/// A conversation with everything needed to resume, list and export it: what a session file holds.
public struct Session: Codable, Equatable, Sendable {
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

    /// The session file format this version reads.
    public static let format = 1

    public let format: Int
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
        format = Self.format
        self.id = id
        revision = 0
        self.setup = setup
        conversation = Conversation(script: script, language: setup.language, startedAt: time)
        updatedAt = time
        log = []
    }

    private enum CodingKeys: String, CodingKey {
        case format, id, revision, instance, setup, conversation, updatedAt, log
    }

    /// Reads a file of any release: those before revisions were counted hold one save at least.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(Int.self, forKey: .format)
        id = try container.decode(SessionID.self, forKey: .id)
        revision = try container.decodeIfPresent(Int.self, forKey: .revision) ?? 1
        instance = try container.decodeIfPresent(UInt64.self, forKey: .instance)
        setup = try container.decode(ConversationSetup.self, forKey: .setup)
        conversation = try container.decode(Conversation.self, forKey: .conversation)
        updatedAt = try container.decode(String.self, forKey: .updatedAt)
        log = try container.decode([LogEntry].self, forKey: .log)
    }

    public var status: Status {
        conversation.isFinished ? .finished : conversation.isPaused ? .paused : .active
    }

    /// Hands the event to the conversation and records it; the caller saves the session before showing the actions.
    /// An answer refused as too long is not kept, not even in the log: it was never taken, and a record that kept
    /// each one would grow by that much with every try.
    public mutating func received(_ event: Event, at time: String) -> [Action] {
        let actions = conversation.received(event)
        if case .reask(.tooLong)? = actions.first { return actions }
        log.append(LogEntry(at: time, event: event))
        updatedAt = time
        return actions
    }

    // MARK: Files

    /// The session as the bytes of its file.
    public func encoded() throws(SessionFileError) -> [UInt8] {
        JSONWriter.bytes(try JSONValueCoder.encodeSession(self), style: .pretty)
    }

    /// A session from the bytes of its file or token; a damaged file is an error naming what is wrong, never a crash.
    /// `id` is the id its file is named for: a file renamed by hand must not save under another id than its name.
    public static func decode(_ bytes: [UInt8], as id: SessionID? = nil) throws(SessionFileError) -> Session {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw .damaged(.syntax(error.reason, line: error.line, column: error.column))
        }
        if case .object(let members) = json, let format = members.first(where: { $0.key == "format" })?.value,
            format != .integer(Self.format) {
            throw .unsupportedFormat
        }
        let session: Session
        do {
            session = try JSONValueCoder.decode(Session.self, from: json)
        } catch {
            // The root's path (`$`) means nothing to a reader: a member missing there is named by its key alone.
            let path = error.path == .root ? "" : error.path.description
            throw .damaged(.field(path: path, problem: SessionDamage.FieldProblem(error.reason)))
        }
        if let id, session.id != id { throw .damaged(.idMismatch(file: id.description, inside: session.id.description)) }
        // The next save counts one up: a revision that could not be counted on is no file samtale wrote.
        guard (0..<Int.max).contains(session.revision) else {
            throw .damaged(.field(path: "revision", problem: .outOfRange))
        }
        if let damage = session.conversation.damage { throw .damaged(damage) }
        return session
    }
}

/// A session file that cannot be read or written as a session.
public enum SessionFileError: Error, Equatable, Sendable {
    /// Truncated or altered: what is wrong, for a message that names the file.
    case damaged(SessionDamage)
    case unsupportedFormat
    /// A value with no JSON form (a non-finite number): a programming error, reported rather than written.
    case unencodable

    /// The message naming the file.
    public func message(path: String) -> Localized {
        switch self {
        case .damaged(let damage): Strings.sessionDamaged(path, Strings.sessionDamage(damage))
        case .unencodable: Strings.sessionDamaged(path, Strings.sessionUnencodable)
        case .unsupportedFormat: Strings.sessionUnsupported(path)
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
