import ChatAdapter
import SamtaleCore
import SamtaleDecks
import TerminalAdapter

/// `samtale talk` and `samtale sessions`: conversations in the terminal, and the sessions they leave.
extension Commands {
    // MARK: talk

    static func talk(_ arguments: [String], language: Language) throws(CommandError) -> Int32 {
        let parsed = try Arguments(arguments, command: .talk)
        try parsed.expectPositionals(atMost: 0)
        // Checked before anything is asked, so that a bad value never costs the answers to the menu.
        let minutes = try parsed.integer("--minutes") ?? 5
        let store = try sessionStore()
        let style = TerminalStyle.current(environment: System.environment)
        let output = TerminalOutput(write: System.put)
        var input = StandardInput()
        if let resume = try parsed.value("--resume") {
            var session = try loadSession(try sessionID(resume, command: .talk), from: store)
            let language = session.setup.language
            guard session.status != .finished else {
                System.printOut(session.conversation.summary.text(language: language))
                System.printError("samtale: \(Strings.alreadyFinished[language])")
                return 0
            }
            let runner = TerminalConversation(
                style: style, output: output, language: language, save: store.save,
                clock: System.now)
            _ = try run(runner, &session, input: &input, first: .resume)
            return 0
        }

        let catalog = try loadCatalog(parsed, language: language, withFlows: true)
        let planner = SetupPlanner(flows: catalog.flows, decks: catalog.decks, language: language)
        var generator = SystemRandomNumberGenerator()
        var request = try startRequest(parsed, language: language, minutes: minutes, seed: generator.next())
        request.series = try request.with.map { name throws(CommandError) in try series(with: name, in: store) }
        guard
            let plan = try plan(
                request, planner: planner, readLine: { input.readLine() }, style: style,
                output: output)
        else {
            System.printError("samtale: \(Strings.nothingStarted[language])")
            return 0
        }
        var session = try starting { () throws(StartError) in
            try plan.session(id: SessionID.generate(using: &generator), at: System.now())
        }
        let records = plan.flow.records || parsed.flag("--record")
        let save: ((inout Session) throws(SessionStoreError) -> Void)? = if records { store.save } else { nil }
        let runner = TerminalConversation(
            style: style, output: output, language: language, save: save,
            clock: System.now)
        _ = try run(runner, &session, input: &input, first: .start)
        return 0
    }

    /// The plan for a request, asking in the terminal for whatever the flags leave open; nil when input ended first.
    private static func plan(
        _ request: StartRequest, planner: SetupPlanner, readLine: () -> LineRead, style: TerminalStyle,
        output: TerminalOutput
    ) throws(CommandError) -> StartPlan? {
        var step = try starting { () throws(StartError) in try planner.start(request) }
        while true {
            switch step {
            case .ready(let plan):
                return plan
            case .missing(_, let partial):
                guard
                    let chosen = TerminalSetup.complete(
                        partial, planner: planner, readLine: readLine, style: style,
                        output: output)
                else { return nil }
                step = try starting { () throws(StartError) in try planner.start(request, from: chosen) }
            }
        }
    }

    /// A step of the start; what cannot start is a usage error, as every name and choice came from the flags.
    private static func starting<Result>(
        _ step: () throws(StartError) -> Result
    ) throws(CommandError) -> Result {
        do {
            return try step()
        } catch {
            throw .usage(error.message, command: .talk)
        }
    }

    private static func run(
        _ runner: TerminalConversation, _ session: inout Session, input: inout StandardInput, first: Event
    ) throws(CommandError) -> TerminalConversation.Outcome {
        do {
            return try runner.run(&session, readLine: { input.readLine() }, first: first)
        } catch .changed(let id) {
            throw .tryAgainLater(SessionStoreError.changed(id).message.followed(by: Strings.seeWhereItStands(id)))
        } catch {
            throw storeError(error)
        }
    }

    /// What the flags choose, by name; the rest is asked for.
    private static func startRequest(
        _ parsed: Arguments, language: Language, minutes: Int, seed: UInt64
    ) throws(CommandError) -> StartRequest {
        var request = StartRequest(
            flow: try parsed.value("--flow"), deck: try parsed.value("--deck"), unnamedDeck: .asked,
            roles: parsed.all("--role"), language: language, minutes: minutes, seed: seed
        )
        request.themes = parsed.all("--theme").flatMap {
            $0.split(separator: ",").map { String($0).trimmingWhitespace }
        }
        if let names = try parsed.value("--participants") {
            request.participants = names.split(separator: ",").map(String.init)
        }
        request.targetGroup = try targetGroup(parsed)
        request.with = try person(parsed, "--with", command: .talk)
        request.leader = try person(parsed, "--leader", command: .talk)
        return request
    }

    /// A person's name given with `option`, trimmed; an empty one is a usage error, as it names no one.
    private static func person(_ parsed: Arguments, _ option: String, command: Subcommand) throws(CommandError)
        -> String?
    {
        guard let name = try parsed.value(option)?.trimmingWhitespace else { return nil }
        guard !name.isEmpty else {
            throw .usage(CommandLineStrings.missingPerson, command: command)
        }
        return name
    }

    /// The saved conversations with a person.
    private static func series(with name: String, in store: SessionStore) throws(CommandError) -> Series {
        do {
            return try store.series(with: name)
        } catch {
            throw storeError(error)
        }
    }

    // MARK: sessions

    static func sessions(_ arguments: [String], language: Language) throws(CommandError) -> Int32 {
        let parsed = try Arguments(arguments, command: .sessions)
        try parsed.expectPositionals(atMost: 2)
        let action = try parsed.action(SessionsAction.self, of: .sessions)
        let store = try sessionStore()
        switch action {
        case .list:
            try parsed.expectPositionals(atMost: 1)
            let format = try parsed.choice("--format", as: DocumentFormat.self) ?? .text
            let name = try person(parsed, "--with", command: .sessions)
            System.printOut(try sessionList(store, with: name, format: format, language: language))
        case .series:
            guard parsed.positionals.count == 2 else {
                throw .usage(CommandLineStrings.missingPerson, command: .sessions)
            }
            let series = try series(with: parsed.positionals[1], in: store)
            guard !series.sessions.isEmpty else {
                throw .missingInput(CommandLineStrings.noSeries(parsed.positionals[1].trimmingWhitespace))
            }
            switch try parsed.choice("--format", as: SessionExportFormat.self) ?? .markdown {
            case .markdown: System.printOut(series.markdown(language: language))
            case .json: System.printOut(JSONWriter.string(series.json, style: .pretty))
            }
        case .show, .export, .delete:
            guard parsed.positionals.count == 2 else {
                throw .usage(CommandLineStrings.missingArgument("ID"), command: .sessions)
            }
            let id = try sessionID(parsed.positionals[1], command: .sessions)
            if action == .delete {
                do {
                    try store.delete(id)
                } catch {
                    throw storeError(error)
                }
                System.printError("samtale: \(Strings.sessionDeleted(id.description)[language])")
                return 0
            }
            let session = try loadSession(id, from: store)
            let format = action == .show ? .markdown : try parsed.choice("--format", as: SessionExportFormat.self)
            let text =
                switch format ?? .markdown {
                case .markdown: try markdown(session, parsed, language: language)
                case .json: session.exportJSON()
                }
            guard let output = try parsed.value("--output") else {
                System.printOut(text)
                return 0
            }
            guard !output.isEmpty else { throw .usage(CommandLineStrings.missingValue("--output"), command: .sessions) }
            try create(output, holding: text + "\n")
            System.printError("samtale: \(CommandLineStrings.exported(id, to: output)[language])")
        }
        return 0
    }

    /// A new file holding `text`, readable by its owner only, as a session's record is personal data; a file
    /// already there is never overwritten.
    private static func create(_ path: String, holding text: String) throws(CommandError) {
        do {
            try FileSystem.create(path, with: Array(text.utf8))
        } catch {
            switch error.stage {
            case .creating: throw .cannotCreate(Strings.cannotCreateFile(path, code: error.code))
            case .writing: throw .cannotWrite(Strings.cannotWriteFile(path, code: error.code))
            }
        }
    }

    /// The session as Markdown in the session's language, or wholly in the one `--lang` names: then the flow's title
    /// comes from the flows, as the session keeps it in its own language only.
    private static func markdown(_ session: Session, _ parsed: Arguments, language: Language) throws(CommandError)
        -> String
    {
        guard try parsed.value("--lang") != nil, language != session.setup.language else {
            return session.markdown(language: session.setup.language)
        }
        return session.markdown(
            language: language, flows: try loadCatalog(parsed, language: language, withFlows: true).flows)
    }

    /// The sessions, the latest change first (damaged files last): as a table under a heading, or as JSON rows.
    /// With a person's name, only the series with that person.
    private static func sessionList(
        _ store: SessionStore, with name: String?, format: DocumentFormat, language: Language
    )
        throws(CommandError) -> String
    {
        let ids: [SessionID]
        if let name {
            ids = try series(with: name, in: store).sessions.map(\.id)
        } else {
            do {
                ids = try store.list()
            } catch {
                throw storeError(error)
            }
        }
        // A damaged file is listed as such; it never hides the others.
        let entries = ids.map { id in (id: id, session: try? store.load(id)) }
            .map { entry in (entry.id, entry.session, entry.session.flatMap { Timestamp(iso: $0.updatedAt) }) }
            .sorted { first, second in
                switch (first.2, second.2) {
                case (let left?, let right?) where left != right: left > right
                case (_?, nil): true
                case (nil, _?): false
                default: first.0.description < second.0.description
                }
            }
        if format == .json {
            let rows = entries.map { id, session, _ in
                session?.listRow
                    ?? .object([JSONMember("id", .string(id.description)), JSONMember("status", .string("damaged"))])
            }
            return JSONWriter.string(.array(rows), style: .pretty)
        }
        guard !entries.isEmpty else {
            return (name.map(CommandLineStrings.noSessionsWith) ?? CommandLineStrings.noSessions)[language]
        }
        // The flow and roles by the names the conversation showed (its script keeps them); the deck by its id,
        // which is what `--deck` takes and keeps the table narrow.
        let rows = entries.map { id, session, _ -> [String] in
            guard let session else { return [id.description, Strings.damaged[language]] }
            let progress = session.conversation.progress
            let script = session.conversation.script
            return [
                id.description, script.title, session.setup.deck, script.roleNames.joined(separator: ", "),
                Strings.moment(session.updatedAt)[language], Strings.status(session.status)[language],
                "\(progress.current)/\(progress.total)",
            ] + [session.setup.chat.map { ChatPlatform(rawValue: $0.platform)?.displayName ?? $0.platform } ?? ""]
        }
        // The platform a conversation came from, in a column only where some conversation came from chat.
        var headings = CommandLineStrings.sessionListHeadings
        if entries.contains(where: { $0.1?.setup.chat != nil }) { headings.append(CommandLineStrings.chatColumn) }
        return table([headings.map { $0[language] }] + rows).withoutControlCharacters
    }

    /// Rows as columns aligned by padding, two spaces apart, without trailing spaces; a row may have fewer cells.
    private static func table(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).map { cell, width in cell + String(repeating: " ", count: width - cell.count) }
                .joined(separator: "  ").trimmingWhitespace
        }.joined(separator: "\n")
    }

    // MARK: Shared

    /// The sessions folder's store; `lockPatienceMilliseconds`, how long a change waits for another process's,
    /// where the store's own default will not do.
    static func sessionStore(lockPatienceMilliseconds: Int? = nil) throws(CommandError) -> SessionStore {
        guard let directory = SessionStore.defaultDirectory(environment: System.environment) else {
            throw .cannotCreate(Strings.noStateDirectory)
        }
        guard let lockPatienceMilliseconds else { return SessionStore(directory: directory) }
        return SessionStore(directory: directory, lockPatienceMilliseconds: lockPatienceMilliseconds)
    }

    static func sessionID(_ text: String, command: Subcommand) throws(CommandError) -> SessionID {
        guard let id = SessionID(validating: text) else {
            throw .usage(Strings.invalidSessionID(text), command: command)
        }
        return id
    }

    static func loadSession(_ id: SessionID, from store: SessionStore) throws(CommandError) -> Session {
        do {
            return try store.load(id)
        } catch {
            throw storeError(error)
        }
    }

    /// The exit a session store's failure gives: every case its own, so none falls through to a wrong code.
    static func storeError(_ error: SessionStoreError) -> CommandError {
        let message = error.message
        return switch error {
        case .notFound, .cannotRead, .notAFile, .tooLarge: .missingInput(message)
        case .damaged: .damagedSession(message)
        case .changed, .deleted, .busy: .tryAgainLater(message)
        case .openToOthers, .cannotCreate, .cannotWrite, .tooLargeToSave: .cannotCreate(message)
        }
    }
}
