import ChatAdapter
import SamtaleCore

/// `samtale chat serve --stdio`: one HTTP exchange on standard input and output, as systemd socket activation
/// (`Accept=yes`) and inetd hand a connection to a program; `--listen ADDRESS`: a server of its own
/// (`ChatListener`). Both answer with the same handler, as `chat cgi` (in a file of its own) does.
extension Commands {
    static func chat(_ arguments: [String], language: Language) throws(CommandError) -> Int32 {
        let parsed = try Arguments(arguments, command: .chat)
        try parsed.expectPositionals(atMost: 1)
        switch try parsed.action(ChatAction.self, of: .chat) {
        case .serve: break
        case .cgi: return try chatCGI(parsed, language: language)
        case .prune: return try chatPrune(parsed, language: language)
        }
        let listen = try parsed.value("--listen")
        guard !parsed.flag("--stdio") || listen == nil else {
            throw .usage(CommandLineStrings.chatOneFrontDoor, command: .chat)
        }
        if let listen { return try listenForChat(on: ListenAddress(parsing: listen), parsed, language: language) }
        guard parsed.flag("--stdio") else { throw .usage(CommandLineStrings.chatNoFrontDoor, command: .chat) }
        if try parsed.value("--max-connections") != nil {
            throw .usage(CommandLineStrings.maxConnectionsWithoutListen, command: .chat)
        }
        // A configuration, decks or state folder that cannot be loaded is still answered, 500, so that the platform
        // and a proxy in front see a status; the reason goes to stderr with its exit code, as ever.
        let handler = Result<ChatHandler, CommandError>(catching: { () throws(CommandError) in
            try chatHandler(parsed, language: language).handler
        })
        switch readStandardInputRequest() {
        case .request(let request):
            let response =
                (try? handler.get())?.respond(to: request, now: System.instant)
                ?? HTTPResponse(status: .internalServerError)
            System.write(response.bytes(omittingBody: request.method == .head))
        case .refused(let status):
            System.write(HTTPResponse(status: status).bytes(omittingBody: false))
        case .needMore:
            break
        }
        _ = try handler.get()
        return 0
    }

    /// The one request on standard input: `.needMore` where there is none to answer (the connection closed before
    /// it sent anything, or a signal came).
    private static func readStandardInputRequest() -> HTTPRequestParser.Result {
        var parser = HTTPRequestParser()
        var result = HTTPRequestParser.Result.needMore
        var bytes: [UInt8] = []
        // The head must come within `HTTPLimits.headSeconds` of the start, the body within `bodySeconds` of the
        // head's end, however the bytes trickle in.
        var deadline = Clock.monotonic() + HTTPLimits.headSeconds
        while case .needMore = result {
            switch System.waitForInput(until: deadline) {
            case .again: continue
            case .timedOut:
                result = .refused(.requestTimeout)
                continue
            case .interrupted: return .needMore
            case .ready, .failed: break
            }
            bytes.removeAll(keepingCapacity: true)
            guard System.readInput(onto: &bytes) > 0 else {
                // A connection closed before it sent anything is answered with nothing.
                guard let status = parser.endOfInput() else { return .needMore }
                return .refused(status)
            }
            let phase = parser.phase
            result = parser.feed(bytes[...])
            if phase != .body, parser.phase == .body { deadline = Clock.monotonic() + HTTPLimits.bodySeconds }
            if let interim = parser.interimResponse() { System.write(interim) }
        }
        return result
    }

    /// `chat serve --listen ADDRESS`: the server of `ChatListener`, until SIGINT or SIGTERM.
    private static func listenForChat(
        on address: ListenAddress, _ parsed: Arguments, language: Language
    ) throws(CommandError) -> Int32 {
        let maxConnections = try parsed.integer("--max-connections") ?? HTTPLimits.connections
        // One thread answers every connection, so a wait for another process (a `--stdio` beside it, one stopped
        // mid-save) holds up everyone: it is kept short, and the message gets 503 to be sent again.
        let (configuration, handler) = try chatHandler(
            parsed, language: language, lockPatienceMilliseconds: Self.listenLockPatienceMilliseconds)
        // The connections, the listening socket, the signal pipe, and the session files a request opens.
        ListeningSocket.allowDescriptors(maxConnections + 64)
        let socket = try ListeningSocket.open(address)
        System.catchInterrupts()
        System.printError("samtale: \(CommandLineStrings.listening(socket.name)[language])")
        let store = try sessionStore(lockPatienceMilliseconds: Self.listenLockPatienceMilliseconds)
        var listener = ChatListener(
            socket: socket, handler: handler, configuration: configuration, language: language,
            maxConnections: maxConnections,
            prune: {
                // Said only when something went or needs looking at: the log is otherwise one line per exchange.
                do throws(CommandError) {
                    let pruned = try pruneChat(store: store, inactiveDays: configuration.inactiveDays, dryRun: false)
                    guard pruned.isWorthSaying else { return }
                    for line in prunedMessages(pruned, inactiveDays: configuration.inactiveDays, dryRun: false) {
                        System.printError("samtale: \(line[language])")
                    }
                } catch {
                    System.printError("samtale: \(error.message[language])")
                }
            })
        listener.run()
        return 0
    }

    /// Half a second: far longer than a save holds the lock, far shorter than any platform's deadline.
    static let listenLockPatienceMilliseconds = 500

    /// The handler every front door answers with (`--stdio`, `--listen`, `chat cgi`), and the configuration it
    /// answers by. `lockPatienceMilliseconds`: how long a message waits for another process's hold on the sessions
    /// folder; the store's own patience where none is given.
    static func chatHandler(
        _ parsed: Arguments, language: Language, lockPatienceMilliseconds: Int? = nil
    ) throws(CommandError) -> (configuration: ChatConfiguration, handler: ChatHandler) {
        let configuration = try loadChatConfiguration(parsed)
        let catalog = try loadCatalog(parsed, language: language, withFlows: true)
        let store = try sessionStore(lockPatienceMilliseconds: lockPatienceMilliseconds)
        let handler = ChatHandler(
            configuration: configuration,
            environment: ChatHandler.Environment(
                catalog: catalog, flows: catalog.flows, store: store, language: language,
                clock: System.now, randomSeed: { System.randomSeed() },
                verifier: { endpoint throws(ChatSecretError) in
                    try ChatVerifier(
                        platform: endpoint.platform,
                        secrets: endpoint.secretValues(environment: System.environment, readFile: readSecretFile))
                },
                notice: { System.printError("samtale: \($0[language])") }))
        return (configuration, handler)
    }

    /// The chat configuration: `--config FILE`, else `$XDG_CONFIG_HOME/samtale/chat.json` (or `~/.config/…`).
    static func loadChatConfiguration(_ parsed: Arguments) throws(CommandError) -> ChatConfiguration {
        let (path, bytes) = try readConfigFile(parsed, named: "chat.json", notFound: CommandLineStrings.chatNoConfig)
        do {
            return try ChatConfiguration.decode(bytes)
        } catch {
            throw .badData([DataFileError(file: path, issues: error.issues)])
        }
    }
}
