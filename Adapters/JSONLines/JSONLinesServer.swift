import SamtaleCore

/// The JSON-lines protocol, version 1: one request object per line in, one or more response lines out.
/// Holds the sessions of one process; never dies from input: every bad line is one `error` line.
public struct JSONLinesServer {
    /// The protocol version `hello` answers.
    public static let protocolVersion = 1

    /// What the server works with; time, randomness and files come in from the executable.
    public struct Environment {
        public var catalog: Catalog
        public var flows: [Flow]
        /// Where sessions are saved; nil keeps everything in memory (`--ephemeral`).
        public var store: SessionStore?
        /// The secret that signs stateless tokens; workers that share conversations share it.
        public var tokenKey: [UInt8]
        /// Whether the key was made up for this process, which the first token made says once through `notice`.
        public var tokenKeyIsEphemeral: Bool
        /// How long a token is accepted after it was made.
        public var tokenLifetime: Int64
        public var language: Language
        public var version: String
        /// Now as text with its offset, for the session's record.
        public var clock: () -> String
        /// Now as a moment, for tokens' expiry.
        public var instant: () -> Timestamp
        /// Says something to the person running the server (on standard error), never to the client.
        public var notice: (Localized) -> Void
        public var today: () -> CivilDate
        public var randomSeed: () -> UInt64
        public var newSessionID: () -> SessionID

        public init(
            catalog: Catalog, flows: [Flow], store: SessionStore?, tokenKey: [UInt8], tokenKeyIsEphemeral: Bool = false,
            tokenLifetime: Int64 = SessionToken.defaultLifetime, language: Language, version: String,
            clock: @escaping () -> String, instant: @escaping () -> Timestamp,
            notice: @escaping (Localized) -> Void = { _ in },
            today: @escaping () -> CivilDate, randomSeed: @escaping () -> UInt64,
            newSessionID: @escaping () -> SessionID
        ) {
            self.catalog = catalog
            self.flows = flows
            self.store = store
            self.tokenKey = tokenKey
            self.tokenKeyIsEphemeral = tokenKeyIsEphemeral
            self.tokenLifetime = tokenLifetime
            self.language = language
            self.version = version
            self.clock = clock
            self.instant = instant
            self.notice = notice
            self.today = today
            self.randomSeed = randomSeed
            self.newSessionID = newSessionID
        }
    }

    private let environment: Environment
    private let planner: SetupPlanner
    /// Sessions held by this process; with a store they are also on disk, so another process can take them up.
    private var sessions: [SessionID: HeldSession] = [:]
    /// Scripts by setup: sessions started alike share one script's storage (a script is most of a session's memory).
    private var scripts: [ConversationSetup: Script] = [:]
    /// Enough for every usual setup; past it the cache starts again rather than grow without bound.
    private static let scriptCacheLimit = 512
    /// Whether a token has been made yet, so that a made-up key is mentioned once, when it first matters.
    private var madeToken = false

    public init(environment: Environment) {
        self.environment = environment
        planner = SetupPlanner(
            flows: environment.flows, decks: environment.catalog.decks, language: environment.language)
    }

    // MARK: Lines

    /// Appends the response lines (compact JSON, each ending in a newline) for one request line.
    public mutating func respond(to line: [UInt8], into output: inout [UInt8]) {
        var requestID: JSONValue?
        do throws(ProtocolError) {
            let json: JSONValue
            do {
                json = try JSONParser.parse(line)
            } catch {
                // A line the parser takes is valid UTF-8 (it checks every string and allows only ASCII outside them),
                // so the whole line is checked only to say which of the two errors a refused line gets.
                guard String(validating: line, as: UTF8.self) != nil else { throw .invalidUTF8 }
                throw .invalidJSON(error.reason, column: error.column)
            }
            guard case .object(let members) = json else { throw .notAnObject }
            let request = Request(members: members)
            if let id = request["id"] {
                switch id {
                case .string, .number: requestID = id
                default: throw .invalidField("id", .stringOrNumber)
                }
            }
            for members in try dispatch(request) { Self.append(members, id: requestID, to: &output) }
        } catch {
            Self.append(errorMembers(error), id: requestID, to: &output)
        }
    }

    /// Appends the error line for a line longer than the limit, whose bytes were dropped unread.
    public func lineTooLong(limit: Int, into output: inout [UInt8]) {
        Self.append(errorMembers(.lineTooLong(limit: limit)), id: nil, to: &output)
    }

    private static func append(_ members: [JSONMember], id: JSONValue?, to output: inout [UInt8]) {
        JSONWriter.append(.object(id.map { members + [JSONMember("id", $0)] } ?? members), to: &output)
        output.append(0x0A)
    }

    private func errorMembers(_ error: ProtocolError) -> [JSONMember] {
        [
            JSONMember("type", .string("error")), JSONMember("code", .string(error.code.rawValue)),
            JSONMember("message", .string(error.message[environment.language])),
        ]
    }

    // MARK: Requests

    /// The request types of protocol version 1, as documented in PROTOCOL.md.
    private enum RequestType: String {
        case hello, list, prompt, start, input, state, export, sessions, delete
    }

    private mutating func dispatch(_ request: Request) throws(ProtocolError) -> [[JSONMember]] {
        guard let typeValue = request["type"] else { throw .missingField("type") }
        guard case .string(let name) = typeValue else { throw .invalidField("type", .string) }
        guard let type = RequestType(rawValue: name) else { throw .unknownType(name) }
        switch type {
        case .hello: return [hello()]
        case .list: return [try list(request)]
        case .prompt: return [try prompt(request)]
        case .start: return try start(request)
        case .input: return try input(request)
        case .state: return try state(request)
        case .export: return [try export(request)]
        case .sessions: return [try sessionList(with: try request.string("with"))]
        case .delete: return [try delete(request)]
        }
    }

    private func hello() -> [JSONMember] {
        [
            JSONMember("type", .string("hello")), JSONMember("protocol", .integer(Self.protocolVersion)),
            JSONMember("samtale", .string(environment.version)),
            JSONMember("decks", .strings(environment.catalog.decks.map(\.id))),
            JSONMember("flows", .strings(environment.flows.map(\.id))),
        ]
    }

    private enum ListWhat: String, CaseIterable {
        case decks, roles, themes, flows
    }

    private func list(_ request: Request) throws(ProtocolError) -> [JSONMember] {
        guard let what = try request.choice("what", as: ListWhat.self) else {
            throw .missingField("what", options: ListWhat.allCases.map(\.rawValue))
        }
        let items: JSONValue
        if what == .flows {
            items = .array(
                environment.flows.map { flow in
                    .object([
                        JSONMember("id", .string(flow.id)),
                        JSONMember("title", .string(flow.title[environment.language])),
                        JSONMember("description", .string(flow.description[environment.language])),
                    ])
                })
        } else {
            let decks = try request.string("deck").map { name throws(ProtocolError) in [try resolveDeck(name)] }
            items = Listing.json(ListSubject(rawValue: what.rawValue)!, decks: decks ?? environment.catalog.decks)
        }
        return [
            JSONMember("type", .string("list")), JSONMember("what", .string(what.rawValue)), JSONMember("items", items),
        ]
    }

    private func prompt(_ request: Request) throws(ProtocolError) -> [JSONMember] {
        let prompt = try promptOptions(request)
        do throws(PromptError) {
            switch try environment.catalog.prompt(for: prompt, today: environment.today()) {
            case .prompt(let chosen):
                return [JSONMember("type", .string("prompt")), JSONMember("prompt", chosen.jsonValue)]
            case .dayOff(let date, let exclusion):
                return [
                    JSONMember("type", .string("dayOff")), JSONMember("date", .string(date.description)),
                    JSONMember("reason", .string(Strings.dayOff(date, exclusion)[environment.language])),
                ]
            }
        } catch {
            throw .prompt(error)
        }
    }

    /// A request's prompt options by the names PROTOCOL.md gives them: a value of the wrong JSON type is named here,
    /// any other bad value by `PromptOptions`, and both are told as the protocol tells every field.
    private func promptOptions(_ request: Request) throws(ProtocolError) -> PromptOptions {
        var values: [PromptOptions.Name: String] = [:]
        for name in PromptOptions.Name.allCases {
            switch name.kind {
            case .flag:
                if try request.bool(name.rawValue) { values[name] = "true" }
            case .number:
                guard let value = request[name.rawValue], value != .null else { continue }
                guard case .number(let literal) = value else { throw .invalidField(name.rawValue, .naturalNumber) }
                values[name] = literal
            case .text:
                values[name] = try request.string(name.rawValue)
            }
        }
        do {
            return try PromptOptions(values, spelling: \.rawValue, randomSeed: environment.randomSeed)
        } catch {
            switch error.reason {
            case .notADate: throw .invalidField(error.option, .date)
            case .notOneOf(let allowed): throw .invalidField(error.option, .oneOf(allowed))
            case .notASeed: throw .invalidField(error.option, .naturalNumber)
            case .targetGroup: throw .targetGroup(error)
            }
        }
    }

    // MARK: Conversations

    private mutating func start(_ request: Request) throws(ProtocolError) -> [[JSONMember]] {
        let participants = try request.strings("participants")
        var wanted = StartRequest(
            flow: try request.requiredString("flow"), deck: try request.string("deck"), unnamedDeck: .firstFitting,
            roles: try request.strings("role"), themes: try request.strings("theme"),
            participants: participants.isEmpty ? nil : participants, targetGroup: try targetGroup(request),
            language: try request.choice("lang", as: Language.self) ?? environment.language,
            minutes: try request.integer("minutes", in: ConversationSetup.allowedMinutes) ?? 5,
            seed: try seed(request) ?? environment.randomSeed()
        )
        wanted.with = try request.string("with")
        wanted.leader = try request.string("leader")
        wanted.series = try wanted.with.map { name throws(ProtocolError) in try series(with: name) }
        let step: StartStep
        do {
            step = try planner.start(wanted)
        } catch {
            throw .start(error)
        }
        let plan: StartPlan
        switch step {
        case .ready(let ready): plan = ready
        case .missing(let choice, _):
            throw .missingField(Self.field(choice.subject), options: choice.options.map(\.id))
        }
        let setup = plan.setup
        let language = setup.language
        let script = try script(for: plan)
        let stateless = try startsStateless(request)
        let id: SessionID
        if request["session"] != nil {
            id = try request.sessionID()
            if sessions[id] != nil || isStored(id) { throw .sessionExists(id) }
        } else {
            id = environment.newSessionID()
        }
        var session = Session(id: id, setup: setup, script: script, at: environment.clock())
        let actions = session.received(.start, at: environment.clock())
        let started: [JSONMember] = [
            JSONMember("type", .string("started")), JSONMember("session", .string(id.description)),
            JSONMember("flow", .string(setup.flow)), JSONMember("deck", .string(setup.deck)),
            JSONMember("roles", .strings(setup.roles)), JSONMember("themes", .strings(setup.themes)),
        ]
        let records = try request.bool("record") || script.records
        let stateLines = try keep(&session, stateless: stateless, records: records)
        return [started] + lines(actions, id: id, language: language) + stateLines
    }

    private mutating func input(_ request: Request) throws(ProtocolError) -> [[JSONMember]] {
        let id = try request.sessionID()
        let text = try request.string("text")
        let command = try request.choice("command", as: Command.self)
        let event: Event
        switch (text, command) {
        case (let text?, nil): event = .answer(text)
        case (nil, let command?): event = .command(command)
        case (nil, nil): throw .missingField("text")
        case (.some, .some): throw .fieldsExclusive("text", "command")
        }
        let token = try token(request)
        if token == nil, let held = sessions[id] {
            guard !held.session.conversation.isFinished else {
                throw .sessionFinished(id)
            }
            let actions = held.session.received(event, at: environment.clock())
            if environment.store != nil, held.records {
                do throws(ProtocolError) {
                    try save(&held.session)
                } catch {
                    // Not saved: what this process holds is ahead of (or behind) the file, which stays as it was;
                    // the next request reads the session from the file again.
                    sessions[id] = nil
                    throw error
                }
            }
            return lines(actions, id: id, language: held.session.setup.language)
        }
        var session = try self.session(id, token: token)
        guard !session.conversation.isFinished else { throw .sessionFinished(id) }
        let actions = session.received(event, at: environment.clock())
        let stateLines = try keep(&session, stateless: token != nil, records: true)
        return lines(actions, id: id, language: session.setup.language) + stateLines
    }

    private mutating func state(_ request: Request) throws(ProtocolError) -> [[JSONMember]] {
        let id = try request.sessionID()
        let session = try session(id, token: try token(request))
        return lines(session.conversation.current, id: id, language: session.setup.language)
    }

    private enum ExportFormat: String, CaseIterable {
        case markdown, json
    }

    private mutating func export(_ request: Request) throws(ProtocolError) -> [JSONMember] {
        let id = try request.sessionID()
        let format = try request.choice("format", as: ExportFormat.self) ?? .markdown
        let session = try session(id, token: try token(request))
        let language = try request.choice("lang", as: Language.self) ?? session.setup.language
        var members = [
            JSONMember("type", .string("export")), JSONMember("session", .string(id.description)),
            JSONMember("format", .string(format.rawValue)),
        ]
        switch format {
        case .markdown:
            members.append(
                JSONMember("content", .string(session.markdown(language: language, flows: environment.flows))))
        case .json:
            members.append(JSONMember("record", session.record))
        }
        return members
    }

    /// Every session: saved ones as their files hold them now (another process may have changed them), then those
    /// held here and not saved (energizers, an ephemeral server). With a name, only the series with that person.
    private func sessionList(with name: String?) throws(ProtocolError) -> [JSONMember] {
        var rows: [SessionID: JSONValue] = [:]
        if let name {
            for session in try series(with: name).sessions { rows[session.id] = session.listRow }
        } else if let store = environment.store {
            // A folder that cannot be read holds no sessions to list; a start there says what is wrong with it.
            for id in (try? store.list()) ?? [] {
                rows[id] =
                    (try? store.load(id))?.listRow
                    ?? .object([JSONMember("id", .string(id.description)), JSONMember("status", .string("damaged"))])
            }
        }
        for (id, held) in sessions where rows[id] == nil && !(environment.store != nil && held.records) {
            rows[id] = held.session.listRow
        }
        return [
            JSONMember("type", .string("sessions")),
            JSONMember("sessions", .array(rows.keys.sorted().compactMap { rows[$0] })),
        ]
    }

    /// The conversations with a person: the saved ones, and those held here and not saved (an ephemeral server).
    private func series(with name: String) throws(ProtocolError) -> Series {
        let saved: [Session]
        do {
            saved = try environment.store?.series(with: name).sessions ?? []
        } catch {
            throw .store(error)
        }
        let held = sessions.values.filter { !(environment.store != nil && $0.records) }.map(\.session)
        return Series(name: name, sessions: saved + held)
    }

    private mutating func delete(_ request: Request) throws(ProtocolError) -> [JSONMember] {
        let id = try request.sessionID()
        let held = sessions.removeValue(forKey: id) != nil
        if let store = environment.store {
            do {
                try store.delete(id)
            } catch .notFound {
                if !held { throw .unknownSession(id) }
            } catch {
                throw .store(error)
            }
        } else if !held {
            throw .unknownSession(id)
        }
        return [JSONMember("type", .string("ok")), JSONMember("session", .string(id.description))]
    }

    // MARK: Sessions

    private mutating func script(for plan: StartPlan) throws(ProtocolError) -> Script {
        if let script = scripts[plan.setup] { return script }
        let script: Script
        do {
            script = try plan.script()
        } catch {
            throw .start(error)
        }
        if scripts.count >= Self.scriptCacheLimit { scripts.removeAll(keepingCapacity: true) }
        scripts[plan.setup] = script
        return script
    }

    /// Whether a `start` asks for a stateless session: `state` is "inline" or absent.
    private func startsStateless(_ request: Request) throws(ProtocolError) -> Bool {
        guard let state = try request.string("state") else { return false }
        guard state == "inline" else { throw .invalidField("state", .oneOf(["inline"])) }
        return true
    }

    /// The token a later request carries, or nil for a session held here or saved. "inline" only starts a session:
    /// taking up a held or saved one with it would answer and keep nothing.
    private func token(_ request: Request) throws(ProtocolError) -> String? {
        guard let token = try request.string("state") else { return nil }
        guard token != "inline" else { throw .invalidField("state", .tokenNotInline) }
        return token
    }

    /// The session for a request: from its token, else from its file when it is saved (another process may have
    /// changed it since this one last did), else held here.
    private func session(_ id: SessionID, token: String?) throws(ProtocolError) -> Session {
        if let token {
            let session: Session
            do {
                session = try SessionToken.open(token, key: environment.tokenKey, now: environment.instant())
            } catch .damaged(let damage) {
                // Signed with the key, so made by a worker: what it holds is damaged, as a file can be.
                throw .token(.damaged(damage))
            } catch {
                throw .token(error)
            }
            guard session.id == id else { throw .tokenForAnotherSession }
            return session
        }
        let held = sessions[id]
        guard let store = environment.store, held?.records != false else {
            guard let held else { throw .unknownSession(id) }
            return held.session
        }
        do {
            return try store.load(id)
        } catch {
            throw .store(error)
        }
    }

    /// Whether a file holds this session: a new session may not take its id.
    private func isStored(_ id: SessionID) -> Bool {
        guard let store = environment.store else { return false }
        do {
            _ = try store.load(id)
            return true
        } catch .damaged {
            return true
        } catch {
            // Missing, or a folder that cannot be read: the save that follows says what is wrong, if anything.
            return false
        }
    }

    /// Keeps the session after an event: in the token (stateless), else here and, when durable, on disk.
    /// Returns the `state` line of a stateless session.
    private mutating func keep(_ session: inout Session, stateless: Bool, records: Bool) throws(ProtocolError)
        -> [[JSONMember]]
    {
        if stateless {
            let expires = Timestamp(
                secondsSinceEpoch: environment.instant().secondsSinceEpoch + environment.tokenLifetime)
            let token = SessionToken.seal(session, key: environment.tokenKey, expires: expires)
            if environment.tokenKeyIsEphemeral && !madeToken { environment.notice(Self.tokenKeyNote) }
            madeToken = true
            return [
                [
                    JSONMember("type", .string("state")), JSONMember("session", .string(session.id.description)),
                    JSONMember("state", .string(token)),
                ]
            ]
        }
        if records { try save(&session) }
        sessions[session.id] = HeldSession(session, records: records)
        return []
    }

    /// Saves a session when the server is durable: refused, never overwriting, if another process changed or deleted
    /// the file since this one read it.
    private func save(_ session: inout Session) throws(ProtocolError) {
        guard let store = environment.store else { return }
        do {
            try store.save(&session)
        } catch {
            throw .store(error)
        }
    }

    private func lines(_ actions: [Action], id: SessionID, language: Language) -> [[JSONMember]] {
        actions.map { ActionEncoding.members($0, language: language, session: id) }
    }

    // MARK: Helpers

    /// A session held by this process, changed where it lies: a copy of a session is a retain of every part of it.
    private final class HeldSession {
        var session: Session
        /// Whether it is saved (an energizer is not, unless asked).
        let records: Bool

        init(_ session: Session, records: Bool) {
            self.session = session
            self.records = records
        }
    }

    private func resolveDeck(_ name: String) throws(ProtocolError) -> Deck {
        do {
            return try environment.catalog.resolveDeck(name)
        } catch {
            throw .name(error)
        }
    }

    /// A seed that makes a random choice reproducible: which question a prompt or an energizer picks.
    private func seed(_ request: Request) throws(ProtocolError) -> UInt64? {
        guard let seed = request["seed"], seed != .null else { return nil }
        guard case .number(let literal) = seed, let number = UInt64(literal) else {
            throw .invalidField("seed", .naturalNumber)
        }
        return number
    }

    private func targetGroup(_ request: Request) throws(ProtocolError) -> TargetGroup? {
        guard let spec = try request.string("targetGroup") else { return nil }
        do {
            return try PromptOptions.targetGroup(spec)
        } catch {
            throw .targetGroup(error)
        }
    }

    private static func field(_ subject: SetupChoice.Subject) -> String {
        switch subject {
        case .flow: "flow"
        case .deck: "deck"
        case .role: "role"
        case .themes: "theme"
        case .participants: "participants"
        }
    }
}
