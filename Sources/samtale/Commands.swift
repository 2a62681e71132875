import SamtaleCore
import SamtaleDecks
import TerminalAdapter
import WebhookAdapter

/// The commands of `samtale`: each parses its arguments, calls the core, and prints.
enum Commands {
    static let version = "0.1.0"
    static let names = ["talk", "sessions", "serve", "prompt", "post", "list", "show", "validate", "help"]

    /// Each command's own options (the common ones come on top): what its parser accepts, and what the dispatcher
    /// looks up to tell an option given before its command from one the command does not have.
    static let options: [String: Arguments.Options] = [
        "talk": .init(valued: ["--flow", "--deck", "--role", "--theme", "--participants", "--target-group", "--resume",
                               "--minutes"], flags: ["--record"]),
        "sessions": .init(valued: ["--format"], flags: []),
        "serve": .init(valued: ["--max-line"], flags: ["--stdio", "--ephemeral"]),
        "prompt": .init(valued: ["--deck", "--role", "--theme", "--for", "--date", "--seed", "--holidays",
                                 "--target-group", "--format"], flags: ["--random", "--skip-weekends"]),
        "post": .init(valued: postValued, flags: postFlags),
        "list": .init(valued: ["--deck", "--format"], flags: []),
        "show": .init(valued: ["--role", "--theme", "--format"], flags: []),
        "validate": .init(valued: ["--config"], flags: []),
        "help": .init(valued: [], flags: []),
    ]

    // MARK: Dispatch

    /// Runs a command line and returns the exit code.
    static func run(_ arguments: [String], language: Language) -> Int32 {
        do {
            return try dispatch(arguments, language: language)
        } catch {
            return report(error, language: language)
        }
    }

    private static func dispatch(_ arguments: [String], language: Language) throws(CommandError) -> Int32 {
        // Common options may stand before the command (`samtale --lang en list decks`); they go to the command.
        var leading: [String] = []
        var arguments = arguments[...]
        while let option = arguments.first, let name = Arguments.commonOptionName(option) {
            leading.append(arguments.removeFirst())
            if name == option, let value = arguments.first {
                leading.append(value)
                arguments.removeFirst()
            }
        }
        // Checked on their own, so that `samtale --lang` or `--lang fr` is named whatever follows.
        _ = try Arguments(leading, command: nil)
        guard let first = arguments.first else {
            // On a terminal, no command opens the menu; anywhere else it is a usage error.
            guard TerminalDevice.inputIsTerminal && TerminalDevice.outputIsTerminal else {
                System.printError(Strings.overview[language])
                return 64
            }
            return try talk(leading, language: language)
        }
        let rest = leading + arguments.dropFirst()
        switch first {
        case "--help", "-h":
            System.printOut(Strings.overview[language])
            return 0
        case "--version":
            System.printOut("samtale \(version)")
            return 0
        case "help":
            return try help(Array(rest), language: language)
        default:
            break
        }
        guard names.contains(first) else {
            guard first.hasPrefix("-"), first.count > 1 else {
                throw .usage(Strings.unknownCommand(first), command: nil)
            }
            // Any other option belongs after its command; the usage shown is that of the command given later, if any.
            let command = arguments.first { names.contains($0) && $0 != "help" }
            let name = first.split(separator: "=", maxSplits: 1).first.map(String.init) ?? first
            if let command, name != "--", options[command]?.contains(name) == false {
                throw .usage(Strings.unknownOption(name), command: command)
            }
            throw .usage(Strings.optionBeforeCommand(name, command: command), command: command)
        }
        if let fixed = System.fixedNow, Timestamp(iso: fixed) == nil {
            throw .usage(Strings.invalidFixedNow(fixed), command: nil)
        }
        if rest.contains("--help") || rest.contains("-h") {
            System.printOut(Strings.help(first)[language])
            return 0
        }
        switch first {
        case "talk": return try talk(rest, language: language)
        case "sessions": return try sessions(rest, language: language)
        case "serve": return try serve(rest, language: language)
        case "prompt": return try prompt(rest, language: language)
        case "post": return try post(rest, language: language)
        case "list": return try list(rest, language: language)
        case "show": return try show(rest, language: language)
        default: return try validate(rest, language: language)
        }
    }

    private static func report(_ error: CommandError, language: Language) -> Int32 {
        switch error {
        case .usage(let reason, let command):
            System.printError("samtale: \(reason[language])")
            if let command {
                System.printError("\(Strings.usageLabel[language]): \(Strings.usage(command)[language])")
            } else {
                System.printError(Strings.seeHelp[language])
            }
        case .badData(let lines):
            lines.forEach(System.printError)
            System.printError("samtale: \(Strings.fixDecksHint[language])")
        case .missingInput(let reason), .cannotCreate(let reason), .damagedSession(let reason), .unavailable(let reason),
             .tryAgainLater(let reason):
            System.printError("samtale: \(reason[language])")
        }
        return error.exitCode
    }

    // MARK: help

    private static func help(_ arguments: [String], language: Language) throws(CommandError) -> Int32 {
        // The common options (`--lang en`) may stand anywhere, as after any other command.
        let parsed = try Arguments(arguments, command: "help")
        try parsed.expectPositionals(atMost: 1)
        guard let command = parsed.positionals.first else {
            System.printOut(Strings.overview[language])
            return 0
        }
        guard names.contains(command) else { throw .usage(Strings.unknownCommand(command), command: "help") }
        System.printOut(Strings.help(command)[language])
        return 0
    }

    // MARK: prompt

    private static func prompt(_ arguments: [String], language: Language) throws(CommandError) -> Int32 {
        let parsed = try Arguments(arguments, command: "prompt")
        try parsed.expectPositionals(atMost: 0)
        var request = try promptRequest(parsed)
        if let seed = try parsed.integer("--seed", in: UInt64.min...UInt64.max) {
            request.selection = .random(seed: seed)
        } else if parsed.flag("--random") {
            request.selection = .random(seed: System.randomSeed())
        }
        let format = try parsed.choice("--format", as: PromptFormat.self) ?? .text
        let catalog = try loadCatalog(parsed, language: language)

        switch try choosePrompt(request, in: catalog, command: "prompt") {
        case .prompt(let prompt):
            System.printOut(prompt.rendered(as: format, language: language))
        case .dayOff(let date, let exclusion):
            System.printError("samtale: \(Strings.dayOff(date, exclusion)[language])")
        }
        return 0
    }

    /// The prompt options `prompt` and `post` share, read from the command line: the day's question as a request.
    static func promptRequest(_ parsed: Arguments) throws(CommandError) -> PromptRequest {
        var request = PromptRequest(date: System.today)
        request.deck = try parsed.value("--deck")
        request.role = try parsed.value("--role")
        request.theme = try parsed.value("--theme")
        request.audience = try parsed.choice("--for", as: Audience.self)
        if let date = try parsed.value("--date") {
            guard let parsedDate = CivilDate(iso: date) else { throw .usage(Strings.invalidDate(date), command: parsed.command) }
            request.date = parsedDate
        }
        if let holidays = try parsed.value("--holidays") {
            guard holidays == "dk" else {
                throw .usage(Strings.invalidChoice("--holidays", holidays, allowed: ["dk"]), command: parsed.command)
            }
        }
        request.dayCounting = DayCounting(skipsWeekends: parsed.flag("--skip-weekends"),
                                          skipsDanishHolidays: try parsed.value("--holidays") != nil)
        request.targetGroup = try targetGroup(try parsed.value("--target-group") ?? System.environment("SAMTALE_TARGET_GROUP"),
                                              command: parsed.command)
        return request
    }

    /// A target group as written (`--target-group`, `SAMTALE_TARGET_GROUP`, a targets file), checked.
    static func targetGroup(_ spec: String?, command: String?) throws(CommandError) -> TargetGroup? {
        guard let spec else { return nil }
        do {
            return try TargetGroup(parsing: spec)
        } catch {
            throw .usage(Strings.targetGroupError(error), command: command)
        }
    }

    /// The day's prompt for a request, or the reason that the day does not count.
    static func choosePrompt(_ request: PromptRequest, in catalog: Catalog, command: String) throws(CommandError) -> PromptOutcome {
        do {
            return try catalog.prompt(for: request)
        } catch {
            throw .usage(error.message, command: command)
        }
    }

    // MARK: list

    private static func list(_ arguments: [String], language: Language) throws(CommandError) -> Int32 {
        let parsed = try Arguments(arguments, command: "list")
        try parsed.expectPositionals(atMost: 1)
        guard let raw = parsed.positionals.first else {
            throw .usage(Strings.missingArgument("decks|roles|themes"), command: "list")
        }
        guard let subject = ListSubject(rawValue: raw) else {
            throw .usage(Strings.invalidChoice("list", raw, allowed: ListSubject.allCases.map(\.rawValue)), command: "list")
        }
        let format = try parsed.choice("--format", as: DocumentFormat.self) ?? .text
        let catalog = try loadCatalog(parsed, language: language)
        let decks = try parsed.value("--deck").map { name throws(CommandError) in [try resolve(name, in: catalog, command: "list")] }
        System.printOut(Listing.render(subject, decks: decks ?? catalog.decks, format: format, language: language))
        return 0
    }

    // MARK: show

    private static func show(_ arguments: [String], language: Language) throws(CommandError) -> Int32 {
        let parsed = try Arguments(arguments, command: "show")
        try parsed.expectPositionals(atMost: 1)
        guard let name = parsed.positionals.first else {
            throw .usage(Strings.missingArgument(Strings.kindName(NameKind.deck)[language]), command: "show")
        }
        let format = try parsed.choice("--format", as: DocumentFormat.self) ?? .text
        let catalog = try loadCatalog(parsed, language: language)
        let deck = try resolve(name, in: catalog, command: "show")
        let roleName = try parsed.value("--role")
        let themeName = try parsed.value("--theme")
        let role: Role?
        let theme: Theme?
        do throws(NameError) {
            role = try roleName.map { query throws(NameError) in try deck.resolveRole(query) }
            let roles = role.map { [$0] } ?? []
            theme = try themeName.map { query throws(NameError) in try deck.resolveTheme(query, for: roles) }
        } catch {
            throw .usage(error.message, command: "show")
        }
        let view = DeckView(deck: deck, role: role, theme: theme)
        System.printOut(view.rendered(as: format, language: language, width: System.terminalWidth))
        return 0
    }

    // MARK: validate

    private static func validate(_ arguments: [String], language: Language) throws(CommandError) -> Int32 {
        let parsed = try Arguments(arguments, command: "validate")
        var files: [DeckFile] = []
        if parsed.positionals.isEmpty {
            files = BuiltinDecks.files + BuiltinFlows.files + (try DeckSources.configured(parsed))
                + (try DeckSources.configuredFlows(parsed))
            // The targets file of `samtale post`, when there is one (or when it is named).
            let defaultPath = defaultTargetsPath().flatMap { FileSystem.exists($0) ? $0 : nil }
            if let path = try parsed.value("--config") ?? defaultPath {
                files += try DeckSources.files(at: path, explicit: true)
            }
        }
        for path in parsed.positionals {
            files += try DeckSources.files(at: path, explicit: true)
        }
        // Decks and flows are checked as every command loads them, through the catalog (built-in decks from their
        // text, as a file of the user's); the lines follow the order of the files, as each is told apart.
        var decks: [DeckFile] = []
        var flows: [DeckFile] = []
        var broken: [DataFileError] = []
        for file in files {
            switch DeckSources.kind(of: file) {
            case .deck: decks.append(file)
            case .flow: flows.append(file)
            case .targets:
                do throws(DataIssues) {
                    let targets = try TargetsFile.decode(file.bytes)
                    warnIfReadableByOthers(file.name, targets: targets, language: language)
                } catch {
                    broken.append(DataFileError(file: file.name, issues: error.issues))
                }
            }
        }
        do throws(CatalogError) {
            _ = try Catalog.load(builtin: [], files: decks, flowFiles: flows)
        } catch {
            broken += error.brokenFiles
        }
        var issueCount = 0
        for file in files {
            guard let index = broken.firstIndex(where: { $0.file == file.name }) else { continue }
            issueCount += broken[index].issues.count
            // A file name or key may hold anything; the lines are for reading.
            broken.remove(at: index).lines(in: language).forEach { System.printOut($0.withoutControlCharacters) }
        }
        System.printError(Strings.validationSummary(files: files.count, issues: issueCount)[language])
        return issueCount == 0 ? 0 : 65
    }

    // MARK: Shared

    /// The catalog of built-in and configured decks, with the flows when `withFlows` (built-in, then those in the
    /// `flows` folders of the configured folders); notes each replaced deck on stderr.
    static func loadCatalog(
        _ parsed: Arguments, language: Language, withFlows: Bool = false
    ) throws(CommandError) -> Catalog {
        let files = try DeckSources.configured(parsed)
        let flowFiles = withFlows ? BuiltinFlows.files + (try DeckSources.configuredFlows(parsed)) : []
        let catalog: Catalog
        do throws(CatalogError) {
            catalog = try Catalog.load(builtin: BuiltinDecks.all, files: files, flowFiles: flowFiles)
        } catch {
            throw .badData(error.brokenFiles.flatMap { $0.lines(in: language) })
        }
        for replacement in catalog.replacements {
            System.printError("samtale: \(Strings.replacedDeck(replacement)[language])")
        }
        return catalog
    }

    static func resolve(_ name: String, in catalog: Catalog, command: String) throws(CommandError) -> Deck {
        do {
            return try catalog.resolveDeck(name)
        } catch {
            throw .usage(error.message, command: command)
        }
    }
}
