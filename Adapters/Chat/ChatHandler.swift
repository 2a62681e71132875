import SamtaleCore

// MARK: - ChatHandler

/// Answers one request a chat platform sent: raw request in, response out. Pure apart from the `SessionStore` it is
/// given, like the JSON-lines server, so that every front door (`chat serve --stdio` now) answers alike.
///
/// One conversation of a platform (a thread, a direct message, a person's slash commands in a channel) is one
/// session, whose id is derived from the endpoint's path and the conversation, so no index is kept beside the
/// sessions; `samtale sessions list`, `talk --resume` and `sessions export` work on it as on any other.
public struct ChatHandler {
    /// What the handler works with; time, randomness and files come in from the executable.
    public struct Environment {
        public var catalog: Catalog
        public var flows: [Flow]
        public var store: SessionStore
        /// The language of an endpoint that names none.
        public var language: Language
        /// Now as text with its offset, for the session's record.
        public var clock: () -> String
        public var randomSeed: () -> UInt64
        /// The verifier of an endpoint, with its secrets found where the configuration says.
        public var verifier: (ChatEndpoint) throws(ChatSecretError) -> ChatVerifier
        /// Says something to the person running the server (on standard error), never to the platform.
        public var notice: (Localized) -> Void

        public init(
            catalog: Catalog, flows: [Flow], store: SessionStore, language: Language, clock: @escaping () -> String,
            randomSeed: @escaping () -> UInt64,
            verifier: @escaping (ChatEndpoint) throws(ChatSecretError) -> ChatVerifier,
            notice: @escaping (Localized) -> Void
        ) {
            self.catalog = catalog
            self.flows = flows
            self.store = store
            self.language = language
            self.clock = clock
            self.randomSeed = randomSeed
            self.verifier = verifier
            self.notice = notice
        }
    }

    private let configuration: ChatConfiguration
    let environment: Environment

    /// The first word of a message that starts a new conversation: `start`, then a flow's name, then a deck's.
    public static let startWord = "start"
    /// Conversations one after another in the same thread: a finished one is kept and the next takes the next id.
    /// Far more than any thread holds; past it the latest is continued rather than a file probed without end.
    static let conversationsPerThread = 1000

    public init(configuration: ChatConfiguration, environment: Environment) {
        self.configuration = configuration
        self.environment = environment
    }

    /// The response to one request. Nothing of the body is read before the request is verified, and a refusal says
    /// its status and nothing else.
    public func respond(to request: HTTPRequest, now: Timestamp) -> HTTPResponse {
        guard let endpoint = configuration.endpoints.first(where: { $0.path == request.path }) else {
            return HTTPResponse(status: .notFound)
        }
        // A person or a health check looking at the address: it is there, and says nothing more.
        guard request.method == .post else { return HTTPResponse(status: .ok) }
        let verifier: ChatVerifier
        do {
            verifier = try environment.verifier(endpoint)
        } catch {
            environment.notice(error.message)
            return HTTPResponse(status: .internalServerError)
        }
        let headers = request.headers.fields.map { (name: $0.name, value: $0.value) }
        guard let verified = verifier.verified(ChatRequest(headers: headers, body: request.body), now: now) else {
            return HTTPResponse(status: .unauthorized)
        }
        let message: ChatMessage
        do {
            message = try ChatMessage(verified)
        } catch {
            return HTTPResponse(status: .badRequest)
        }
        // An old message sent again is refused as Slack's stale timestamp is; a bot's is taken and left unanswered.
        guard message.isFresh(at: now) else { return HTTPResponse(status: .unauthorized) }
        guard !message.isFromBot else { return HTTPResponse(status: .ok, contentType: .json, body: Array("{}".utf8)) }
        guard endpoint.allows(message) else { return HTTPResponse(status: .forbidden) }
        let language = endpoint.language ?? environment.language
        let lock: FileSystem.Lock
        do {
            // Held until the response is made: every local, as `defer` releases it then.
            guard let held = try Self.messageLock(in: environment.store) else {
                return HTTPResponse(status: .serviceUnavailable)
            }
            lock = held
        } catch {
            environment.notice(error.message)
            return HTTPResponse(status: .internalServerError)
        }
        defer { lock.release() }
        var replies = ChatReplies(
            path: environment.store.directory + "/" + origin(of: message, at: endpoint).repliesFileName, now: now)
        if let messageID = message.messageID, let earlier = replies.reply(to: messageID) {
            return HTTPResponse(status: .ok, contentType: .json, body: message.reply(earlier, language: language))
        }
        do {
            let (text, moved) = try replyTakingChanges(to: message, at: endpoint, language: language)
            // A reply that moved nothing (a choice to make, a name not found) is the same when asked again.
            if moved, let messageID = message.messageID {
                do {
                    try replies.keep(text, for: messageID, at: now)
                } catch {
                    // The conversation has moved and is saved; only a retry of this message would move it again.
                    environment.notice(Strings.cannotWriteFile(replies.path, code: error.code))
                }
            }
            return HTTPResponse(status: .ok, contentType: .json, body: message.reply(text, language: language))
        } catch .session(.changed), .session(.deleted), .session(.busy), .reflection(.busy) {
            // Another process kept the session (or place) for longer than it waits, or changed it every time this
            // one tried: the platform's retry, or the person's, will find it as that one left it.
            return HTTPResponse(status: .serviceUnavailable)
        } catch {
            environment.notice(error.message)
            return HTTPResponse(status: .internalServerError)
        }
    }

    /// The lock on `.chat.lock` in the sessions folder (made if missing), which whoever answers a message holds
    /// until its response is made, whatever front door started it: `--stdio` and `chat cgi` run a process per
    /// request, so a platform's retry of a message in flight would otherwise miss its kept reply and move the
    /// conversation twice. Each message takes milliseconds; nil when another process has held the lock for
    /// longer than the store's patience.
    static func messageLock(in store: SessionStore) throws(SessionStoreError) -> FileSystem.Lock? {
        try SessionStore.createDirectory(store.directory)
        let path = store.directory + "/" + lockFileName
        do {
            return try FileSystem.Lock.acquire(path, waitingUpTo: store.lockPatienceMilliseconds)
        } catch {
            throw .cannotCreate(path: path, code: error.code)
        }
    }

    /// The lock file beside the sessions: not a session, and no save's temporary file, so the store leaves it.
    static let lockFileName = ".chat.lock"

    /// How often a message is applied to a session that another program (a `talk --resume`, the protocol's
    /// server) saved between this one's reading and saving it, before the platform gets 503.
    static let attemptsWhenChanged = 5

    /// `reply`, applied again to the session as it is now when another program saved it meanwhile: the refused
    /// save wrote nothing, so the message moves the conversation once all the same.
    private func replyTakingChanges(
        to message: ChatMessage, at endpoint: ChatEndpoint, language: Language
    ) throws(ChatHandlerFailure) -> (String, Bool) {
        for _ in 1..<Self.attemptsWhenChanged {
            do throws(ChatHandlerFailure) {
                return try reply(to: message, at: endpoint, language: language)
            } catch .session(.changed) {
                continue
            }
        }
        return try reply(to: message, at: endpoint, language: language)
    }

    // MARK: Conversations

    /// Moves the conversation of the message on, or starts one, saves it, and says what the conversation says next;
    /// or, on an endpoint with a day's question and no conversation open, answers about that; and whether anything
    /// was saved.
    private func reply(
        to message: ChatMessage, at endpoint: ChatEndpoint, language: Language
    ) throws(ChatHandlerFailure) -> (String, Bool) {
        let (id, open) = try ChatHandlerFailure.session { () throws(SessionStoreError) in
            try openSession(of: message.conversation, at: endpoint.path)
        }
        if var session = open {
            // A paused conversation is taken up by whatever is written next, which then counts as what it is (an
            // answer, a command): only the resume word itself does nothing more.
            var actions: [Action] = []
            let resumes = session.conversation.isPaused
            if resumes { actions = session.received(.resume, at: environment.clock()) }
            if !resumes || !Self.isResumeWord(message.text) {
                actions = session.received(Self.event(message.text), at: environment.clock())
            }
            try ChatHandlerFailure.session { () throws(SessionStoreError) in try environment.store.save(&session) }
            return (ChatConversationText.text(of: actions, language: language), true)
        }
        // `start …` starts a conversation; anything else is about the day's question.
        if let reflection = endpoint.reflection,
            let request = Self.reflectionRequest(message.text, isSlashCommand: message.isSlashCommand)
        {
            do {
                return try reflectionReply(
                    request, to: message, reflection: reflection, at: endpoint, language: language)
            } catch {
                throw .reflection(error)
            }
        }
        // A command word sent again (a second `slut`, a double-sent `spring`) must not start a conversation and be
        // taken as its first answer: it is said how one starts.
        if case .command = Self.event(message.text) {
            return (ChatHandlerStrings.noConversation[language], false)
        }
        var wanted = StartRequest(
            flow: endpoint.flow, deck: endpoint.deck, unnamedDeck: .firstFitting, roles: endpoint.roles,
            themes: endpoint.themes, participants: endpoint.participants, targetGroup: endpoint.targetGroup,
            language: language, seed: environment.randomSeed())
        // `start FLOW DECK`: anything else written to a thread without an open conversation starts the endpoint's.
        let words = message.text.split(whereSeparator: \.isWhitespace).map(String.init)
        if words.first?.lowercased() == Self.startWord {
            if words.count > 1 { wanted.flow = words[1] }
            if words.count > 2 { wanted.deck = words[2...].joined(separator: " ") }
        }
        let planner = SetupPlanner(flows: environment.flows, decks: environment.catalog.decks, language: language)
        let script: Script
        let plan: StartPlan
        do throws(StartError) {
            var step = try planner.start(wanted)
            // A role or themes left open take their default, as Enter does in the terminal: a person in chat has
            // no menu to pick from. The flow is asked for, and participants cannot be guessed.
            while case .missing(let choice, var setup) = step, choice.subject != .flow, choice.defaultOption != nil,
                (try? planner.apply("", to: choice, in: &setup)) != nil
            {
                step = try planner.start(wanted, from: setup)
            }
            switch step {
            case .missing(let choice, _):
                // A flow with participants starts only where chat.json names them: it is not offered elsewhere.
                let offered = choice.options.filter { option in
                    endpoint.participants != nil
                        || (environment.flows.first { $0.id == option.id }?.selection.participants ?? 0) == 0
                }
                return (ChatConversationText.missing(choice, offering: offered, language: language), false)
            case .ready(let ready):
                plan = ready
            }
            script = try plan.script(in: .chat)
        } catch {
            return (ChatConversationText.sentence(error.message[language]), false)
        }
        var setup = plan.setup
        setup.chat = origin(of: message, at: endpoint)
        var session = Session(id: id, setup: setup, script: script, at: environment.clock())
        let actions = session.received(.start, at: environment.clock())
        try ChatHandlerFailure.session { () throws(SessionStoreError) in try environment.store.save(&session) }
        let opening = ChatConversationText.text(of: actions, language: language)
        guard message.isInChannel else { return (opening, true) }
        return (ChatHandlerStrings.seenByChannel[language] + "\n\n" + opening, true)
    }

    /// The id the conversation's session has or will have, and the session when it is open (not finished). The
    /// conversations of one thread take ids one after another, so a finished one is kept when the next starts.
    private func openSession(
        of conversation: String, at path: String
    ) throws(SessionStoreError) -> (SessionID, Session?) {
        var number = 0
        while true {
            let id = Self.sessionID(path: path, conversation: conversation, number: number)
            let session: Session
            do {
                session = try environment.store.load(id)
            } catch .notFound {
                return (id, nil)
            }
            if !session.conversation.isFinished || number + 1 == Self.conversationsPerThread { return (id, session) }
            number += 1
        }
    }

    /// Where the message's conversations come from; their thread's replies are kept beside its first one.
    private func origin(of message: ChatMessage, at endpoint: ChatEndpoint) -> ChatOrigin {
        ChatOrigin(
            platform: endpoint.platform.rawValue, endpoint: endpoint.path,
            thread: Self.sessionID(path: endpoint.path, conversation: message.conversation, number: 0))
    }

    /// The id of a thread's conversation number `number`: the first 128 bits of the SHA-256 of the endpoint's path
    /// and the conversation, so the same thread finds the same session in any process, and no one can choose the id
    /// of another thread's session.
    static func sessionID(path: String, conversation: String, number: Int) -> SessionID {
        var generator = HashedBits(SHA256.hash(Array("\(path)\n\(conversation)\n\(number)".utf8)))
        return SessionID.generate(using: &generator)
    }

    /// The words that take a paused conversation up and do nothing else, as the paused text names them.
    static let resumeWords: Set<String> = ["fortsæt", "continue"]

    static func isResumeWord(_ text: String) -> Bool {
        resumeWords.contains(word(text))
    }

    /// A message as a command word is compared: lowercased, without the white space around it, and without the
    /// invisible characters some clients put before or after a word (a byte order mark, zero-width spaces).
    static func word(_ text: String) -> String {
        let invisible: Set<Unicode.Scalar> = ["\u{FEFF}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}"]
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !invisible.contains($0) }))
            .trimmingWhitespace.lowercased()
    }

    /// What a message means to an open conversation: a command word with or without its slash (chat clients take a
    /// leading "/" for their own commands), or an answer. A one-word answer that is a command word is the command.
    /// A resume word where nothing is paused (sent twice) asks the question again rather than answer it.
    static func event(_ text: String) -> Event {
        if isResumeWord(text) { return .command(.repeat) }
        let slashed = "/" + word(text)
        if let command = Command.allCases.first(where: { Strings.commandWords($0).contains(slashed) }) {
            return .command(command)
        }
        return Event(input: text)
    }
}

/// The bits of a hash, handed out as a random number generator hands out its numbers: `SessionID.generate` makes an
/// id of them.
private struct HashedBits: RandomNumberGenerator {
    private var bytes: ArraySlice<UInt8>

    init(_ bytes: [UInt8]) {
        self.bytes = bytes[...]
    }

    mutating func next() -> UInt64 {
        let word = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        bytes = bytes.dropFirst(8)
        return word
    }
}
