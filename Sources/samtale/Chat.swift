import ChatAdapter
import SamtaleCore

/// `samtale chat serve --stdio`: one HTTP exchange on standard input and output, as systemd socket activation
/// (`Accept=yes`) and inetd hand a connection to a program. `chat cgi` and `chat prune` are in files of their own.
extension Commands {
    static func chat(_ arguments: [String], language: Language) throws(CommandError) -> Int32 {
        let parsed = try Arguments(arguments, command: .chat)
        try parsed.expectPositionals(atMost: 1)
        let actions = ChatAction.allCases.map(\.rawValue)
        guard let word = parsed.positionals.first else {
            throw .usage(CommandLineStrings.missingArgument(actions.joined(separator: "|")), command: .chat)
        }
        guard let action = ChatAction(rawValue: word) else {
            throw .usage(Strings.invalidChoice("chat", word, allowed: actions), command: .chat)
        }
        for option in Subcommand.chat.options
        where (parsed.values[option.name] != nil || parsed.flag(option.name))
            && !action.options.contains(where: { $0.name == option.name })
        {
            throw .usage(CommandLineStrings.optionNotFor(option.name, action: "chat \(word)"), command: .chat)
        }
        switch action {
        case .serve: break
        case .cgi: return try chatCGI(parsed, language: language)
        case .prune: return try chatPrune(parsed, language: language)
        }
        guard parsed.flag("--stdio") else {
            throw .usage(CommandLineStrings.missingArgument("--stdio"), command: .chat)
        }
        let handler = try makeChatHandler(parsed, language: language)
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
            case .interrupted: return 0
            case .ready, .failed: break
            }
            bytes.removeAll(keepingCapacity: true)
            guard System.readInput(onto: &bytes) > 0 else {
                // A connection closed before it sent anything is answered with nothing.
                guard let status = parser.endOfInput() else { return 0 }
                result = .refused(status)
                break
            }
            let phase = parser.phase
            result = parser.feed(bytes[...])
            if phase != .body, parser.phase == .body { deadline = Clock.monotonic() + HTTPLimits.bodySeconds }
            if let interim = parser.interimResponse() { System.write(interim) }
        }
        switch result {
        case .request(let request):
            let response = handler.respond(to: request, now: System.instant)
            System.write(response.bytes(omittingBody: request.method == .head))
        case .refused(let status):
            System.write(HTTPResponse(status: status).bytes(omittingBody: false))
        case .needMore:
            break
        }
        return 0
    }

    /// The handler every front door of `chat` answers with: the chat configuration, the decks and flows, and the
    /// sessions folder.
    static func makeChatHandler(_ parsed: Arguments, language: Language) throws(CommandError) -> ChatHandler {
        let configuration = try loadChatConfiguration(parsed)
        let catalog = try loadCatalog(parsed, language: language, withFlows: true)
        return ChatHandler(
            configuration: configuration,
            environment: ChatHandler.Environment(
                catalog: catalog, flows: catalog.flows, store: try sessionStore(), language: language,
                clock: System.now, randomSeed: { System.randomSeed() },
                verifier: { endpoint throws(ChatSecretError) in
                    try ChatVerifier(
                        platform: endpoint.platform,
                        secrets: endpoint.secretValues(environment: System.environment, readFile: readSecretFile))
                },
                notice: { System.printError("samtale: \($0[language])") }))
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
