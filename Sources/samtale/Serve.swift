import JSONLinesAdapter
import SamtaleCore
import SamtaleDecks

/// `samtale serve --stdio`: the JSON-lines protocol on standard input and output.
extension Commands {
    /// The longest request line read by default; longer ones are dropped with one error line.
    static let defaultMaxLine = 1 << 20
    /// A request line is held whole in memory: up to 256 MiB, far beyond any real request.
    static let maxLineRange = 1...(1 << 28)

    static func serve(_ arguments: [String], language: Language) throws(CommandError) -> Int32 {
        let parsed = try Arguments(arguments, command: .serve)
        try parsed.expectPositionals(atMost: 0)
        guard parsed.flag("--stdio") else {
            throw .usage(CommandLineStrings.missingArgument("--stdio"), command: .serve)
        }
        let maxLine = try parsed.integer("--max-line") ?? defaultMaxLine
        var tokenKey = Array((System.environment("SAMTALE_TOKEN_KEY") ?? "").utf8)
        let tokenKeyIsEphemeral = tokenKey.isEmpty
        if tokenKeyIsEphemeral {
            var generator = SystemRandomNumberGenerator()
            tokenKey = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        }
        let catalog = try loadCatalog(parsed, language: language, withFlows: true)
        let environment = JSONLinesServer.Environment(
            catalog: catalog, flows: catalog.flows,
            store: parsed.flag("--ephemeral") ? nil : try sessionStore(),
            tokenKey: tokenKey, tokenKeyIsEphemeral: tokenKeyIsEphemeral, language: language, version: version,
            clock: System.now, instant: { System.instant }, notice: { System.printError("samtale: \($0[language])") },
            today: { System.today }, randomSeed: { System.randomSeed() },
            newSessionID: {
                var generator = SystemRandomNumberGenerator()
                return SessionID.generate(using: &generator)
            }
        )
        var server = JSONLinesServer(environment: environment)
        var input = StandardInput()
        // Responses are written as soon as no further request is already waiting in the input, and before the
        // server waits for more: a client that waits for an answer always has it, and a pipeline of requests is
        // answered without a system call per line.
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        while true {
            switch input.next(limit: maxLine) {
            case .bytes(let line):
                // A blank line is no request; skipping it keeps hand-typed sessions pleasant.
                if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    server.respond(to: line, into: &output)
                }
            case .tooLong:
                server.lineTooLong(limit: maxLine, into: &output)
            case .end, .interrupted:
                System.write(output)
                return 0
            }
            if !input.hasWaitingLine || output.count >= 1 << 16 {
                System.write(output)
                output.removeAll(keepingCapacity: true)
                // A client that cannot be answered must not have more answers saved for it: stop, and exit 74.
                if System.outputError != nil { return 0 }
            }
        }
    }
}
