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
    public let setup: ConversationSetup
    public private(set) var conversation: Conversation
    public private(set) var updatedAt: String
    public private(set) var log: [LogEntry]

    public init(id: SessionID, setup: ConversationSetup, script: Script, at time: String) {
        format = Self.format
        self.id = id
        self.setup = setup
        conversation = Conversation(script: script, language: setup.language, startedAt: time)
        updatedAt = time
        log = []
    }

    public var status: Status {
        conversation.isFinished ? .finished : conversation.isPaused ? .paused : .active
    }

    /// Hands the event to the conversation and records it; the caller saves the session before showing the actions.
    public mutating func received(_ event: Event, at time: String) -> [Action] {
        log.append(LogEntry(at: time, event: event))
        updatedAt = time
        return conversation.received(event)
    }

    // MARK: Files

    /// The session as the bytes of its file.
    public func encoded() throws(SessionFileError) -> [UInt8] {
        JSONWriter.bytes(try JSONValueCoder.encodeSession(self), style: .pretty)
    }

    /// A session from the bytes of its file; a damaged file is an error naming what is wrong, never a crash.
    public static func decode(_ bytes: [UInt8]) throws(SessionFileError) -> Session {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw .damaged(Strings.syntaxError(error.reason)[.en] + " at \(error.line):\(error.column)")
        }
        if case .object(let members) = json, let format = members.first(where: { $0.key == "format" })?.value,
            format != .integer(Self.format) {
            throw .unsupportedFormat
        }
        do {
            return try JSONValueCoder.decode(Session.self, from: json)
        } catch {
            throw .damaged("\(error.path): \(error.reason)")
        }
    }
}

/// A session file that cannot be read or written as a session.
public enum SessionFileError: Error, Equatable, Sendable {
    /// Truncated or altered: says what is wrong, for a message that names the file.
    case damaged(String)
    case unsupportedFormat
    case unencodable(String)

    /// The message naming the file.
    public func message(path: String) -> Localized {
        switch self {
        case .damaged(let reason), .unencodable(let reason): Strings.sessionDamaged(path, reason)
        case .unsupportedFormat: Strings.sessionUnsupported(path)
        }
    }
}
