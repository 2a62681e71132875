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
            let runner = TerminalConversation(style: style, output: output, language: language, save: store.save,
                                              clock: System.now)
            _ = try run(runner, &session, input: &input, first: .resume)
            return 0
        }

        let catalog = try loadCatalog(parsed, language: language)
        let planner = SetupPlanner(flows: try loadFlows(parsed, language: language), decks: catalog.decks, language: language)
        let partial = try partialSetup(parsed, planner: planner, catalog: catalog)
        guard let chosen = TerminalSetup.complete(partial, planner: planner, readLine: { input.readLine() },
                                                  style: style, output: output),
            let flow = chosen.flow, let deck = chosen.deck else {
            System.printError("samtale: \(Strings.nothingStarted[language])")
            return 0
        }
        let targetGroup = try targetGroup(parsed)
        var generator = SystemRandomNumberGenerator()
        let setup = ConversationSetup(
            flow: flow.id, deck: deck.id, roles: chosen.roles.map(\.id), themes: (chosen.themes ?? []).map(\.id),
            participants: chosen.participants ?? [], targetGroup: targetGroup, language: language, minutes: minutes,
            seed: generator.next()
        )
        let script: Script
        do {
            script = try flow.expand(over: deck, setup: setup)
        } catch {
            throw .usage(Localized(da: error.message(in: .da), en: error.message(in: .en)), command: .talk)
        }
        var session = Session(id: SessionID.generate(using: &generator), setup: setup, script: script, at: System.now())
        let records = script.records || parsed.flag("--record")
        let save: ((inout Session) throws(SessionStoreError) -> Void)? = if records { store.save } else { nil }
        let runner = TerminalConversation(style: style, output: output, language: language, save: save,
                                          clock: System.now)
        _ = try run(runner, &session, input: &input, first: .start)
        return 0
    }

    private static func run(
        _ runner: TerminalConversation, _ session: inout Session, input: inout StandardInput, first: Event
    ) throws(CommandError) -> TerminalConversation.Outcome {
        do {
            return try runner.run(&session, readLine: { input.readLine() }, first: first)
        } catch .changed(let id) {
            throw .tryAgainLater(Strings.storeError(.changed(id)).followed(by: Strings.seeWhereItStands(id)))
        } catch {
            throw storeError(error)
        }
    }

    /// What the flags choose, resolved by name; the rest is asked for.
    private static func partialSetup(
        _ parsed: Arguments, planner: SetupPlanner, catalog: Catalog
    ) throws(CommandError) -> PartialSetup {
        var setup = PartialSetup()
        if let name = try parsed.value("--flow") {
            do {
                setup.flow = try NameResolver.resolveFlow(name, among: planner.flows)
            } catch {
                throw .usage(localized(error), command: .talk)
            }
        }
        let roleNames = parsed.all("--role")
        let themeNames = parsed.all("--theme").flatMap { $0.split(separator: ",").map { String($0).trimmingWhitespace } }
        if let name = try parsed.value("--deck") {
            setup.deck = try resolve(name, in: catalog, command: .talk)
        } else if !roleNames.isEmpty || !themeNames.isEmpty {
            setup.deck = try resolve(Catalog.defaultDeckID, in: catalog, command: .talk)
        }
        if let flow = setup.flow, let deck = setup.deck, let reason = flow.unsupportedReason(deck: deck) {
            throw .usage(Localized(da: reason.message(in: .da), en: reason.message(in: .en)), command: .talk)
        }
        do throws(NameError) {
            if let deck = setup.deck {
                setup.roles = try roleNames.map { name throws(NameError) in try deck.resolveRole(name) }
                if !themeNames.isEmpty {
                    let roles = setup.roles
                    setup.themes = try themeNames.map { name throws(NameError) in
                        try deck.resolveTheme(name, for: roles)
                    }
                }
            }
        } catch {
            throw .usage(localized(error), command: .talk)
        }
        if let names = try parsed.value("--participants") {
            setup.participants = names.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        }
        return setup
    }

    /// The built-in flows, then those in the `flows` folders of the configured deck folders.
    static func loadFlows(_ parsed: Arguments, language: Language) throws(CommandError) -> [Flow] {
        var flows: [Flow] = []
        var broken: [DataFileError] = []
        for file in BuiltinFlows.files + (try DeckSources.configuredFlows(parsed)) {
            do {
                let flow = try FlowDecoder.decode(file.bytes)
                flows.removeAll { $0.id == flow.id }
                flows.append(flow)
            } catch {
                broken.append(DataFileError(file: file.name, issues: error.issues))
            }
        }
        guard broken.isEmpty else { throw .badData(broken) }
        return flows
    }

    // MARK: sessions

    static func sessions(_ arguments: [String], language: Language) throws(CommandError) -> Int32 {
        let parsed = try Arguments(arguments, command: .sessions)
        try parsed.expectPositionals(atMost: 2)
        let actions = SessionsAction.allCases.map(\.rawValue)
        guard let word = parsed.positionals.first else {
            throw .usage(CommandLineStrings.missingArgument(actions.joined(separator: "|")), command: .sessions)
        }
        guard let action = SessionsAction(rawValue: word) else {
            throw .usage(Strings.invalidChoice("sessions", word, allowed: actions), command: .sessions)
        }
        let store = try sessionStore()
        switch action {
        case .list:
            try parsed.expectPositionals(atMost: 1)
            let format = try parsed.choice("--format", as: DocumentFormat.self) ?? .text
            System.printOut(try sessionList(store, format: format, language: language))
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
            if action == .show {
                System.printOut(session.markdown(language: session.setup.language))
                return 0
            }
            switch try parsed.choice("--format", as: ExportFormat.self) ?? .markdown {
            case .markdown: System.printOut(session.markdown(language: session.setup.language))
            case .json:
                do {
                    System.printOut(try session.exportJSON())
                } catch {
                    throw .damagedSession(error.message(path: store.path(of: id)))
                }
            }
        }
        return 0
    }

    /// The export formats of a session.
    private enum ExportFormat: String, CaseIterable {
        case markdown
        case json
    }

    /// The sessions, the latest change first (damaged files last): as a table under a heading, or as JSON rows.
    private static func sessionList(_ store: SessionStore, format: DocumentFormat, language: Language) throws(CommandError) -> String {
        let ids: [SessionID]
        do {
            ids = try store.list()
        } catch {
            throw storeError(error)
        }
        // A damaged file is listed as such; it never hides the others.
        let entries = ids.map { id in (id: id, session: try? store.load(id)) }
            .map { entry in (entry.id, entry.session, entry.session.flatMap { Timestamp(iso: $0.updatedAt) }) }
            .sorted { first, second in
                switch (first.2, second.2) {
                case let (left?, right?) where left != right: left > right
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
        guard !entries.isEmpty else { return CommandLineStrings.noSessions[language] }
        let rows = entries.map { id, session, _ -> [String] in
            guard let session else { return [id.description, Strings.damaged[language]] }
            let progress = session.conversation.progress
            return [id.description, session.setup.flow, session.setup.deck, session.setup.roles.joined(separator: "+"),
                    session.updatedAt, Strings.status(session.status)[language],
                    "\(progress.current)/\(progress.total)"]
        }
        return table([CommandLineStrings.sessionListHeadings.map { $0[language] }] + rows).withoutControlCharacters
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

    static func sessionStore() throws(CommandError) -> SessionStore {
        guard let directory = SessionStore.defaultDirectory(environment: System.environment) else {
            throw .cannotCreate(Strings.noStateDirectory)
        }
        return SessionStore(directory: directory)
    }

    static func sessionID(_ text: String, command: Subcommand) throws(CommandError) -> SessionID {
        guard let id = SessionID(validating: text) else { throw .usage(Strings.invalidSessionID(text), command: command) }
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
    private static func storeError(_ error: SessionStoreError) -> CommandError {
        let message = Strings.storeError(error)
        return switch error {
        case .notFound, .cannotRead, .notAFile, .tooLarge: .missingInput(message)
        case .damaged: .damagedSession(message)
        case .changed, .deleted, .busy: .tryAgainLater(message)
        case .openToOthers, .cannotCreate, .cannotWrite: .cannotCreate(message)
        }
    }
}
