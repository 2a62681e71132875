import ChatAdapter
import SamtaleCore
import SamtaleDecks
import TerminalAdapter
import WebhookAdapter

/// The commands of `samtale`: each parses its arguments, calls the core, and prints.
enum Commands {
    static let version = "0.1.0"

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
                System.printError(CommandLineStrings.overview[language])
                return 64
            }
            return try talk(leading, language: language)
        }
        let rest = Array(leading + arguments.dropFirst())
        if first == "--help" || first == "-h" {
            System.printOut(CommandLineStrings.overview[language])
            return 0
        }
        if first == "--version" {
            System.printOut("samtale \(version)")
            return 0
        }
        guard let command = Subcommand(rawValue: first) else {
            throw misplacedOption(first, before: arguments.dropFirst())
        }
        if command != .help {
            if let fixed = System.fixedNow, Timestamp(iso: fixed) == nil {
                throw .usage(CommandLineStrings.invalidFixedNow(fixed), command: nil)
            }
            if rest.contains("--help") || rest.contains("-h") {
                System.printOut(CommandLineStrings.help(command)[language])
                return 0
            }
        }
        switch command {
        case .talk: return try talk(rest, language: language)
        case .sessions: return try sessions(rest, language: language)
        case .serve: return try serve(rest, language: language)
        case .chat: return try chat(rest, language: language)
        case .prompt: return try prompt(rest, language: language)
        case .post: return try post(rest, language: language)
        case .list: return try list(rest, language: language)
        case .show: return try show(rest, language: language)
        case .validate: return try validate(rest, language: language)
        case .completions: return try completions(rest, language: language)
        case .help: return try help(rest, language: language)
        }
    }

    /// What is wrong with a first argument that is no command: an unknown word, or an option that belongs after its
    /// command (the usage shown is that of the command given later, if any).
    private static func misplacedOption(_ first: String, before later: ArraySlice<String>) -> CommandError {
        guard first.hasPrefix("-"), first.count > 1 else {
            return .usage(CommandLineStrings.unknownCommand(first), command: nil)
        }
        let command = later.lazy.compactMap(Subcommand.init(rawValue:)).first { $0 != .help }
        let name = first.split(separator: "=", maxSplits: 1).first.map(String.init) ?? first
        if let command, name != "--", !(Option.common + command.options).contains(where: { $0.name == name }) {
            return .usage(CommandLineStrings.unknownOption(name), command: command)
        }
        return .usage(CommandLineStrings.optionBeforeCommand(name, command: command), command: command)
    }

    private static func report(_ error: CommandError, language: Language) -> Int32 {
        switch error {
        case .usage(_, let command):
            System.printError("samtale: \(error.message[language])")
            if let command {
                let usage = CommandLineStrings.usage(command)[language]
                System.printError("\(CommandLineStrings.usageLabel[language]): \(usage)")
            } else {
                System.printError(CommandLineStrings.seeHelp[language])
            }
        case .badData:
            for line in error.message[language].split(separator: "\n") { System.printError(String(line)) }
            System.printError("samtale: \(Strings.fixDecksHint[language])")
        case .missingInput, .cannotCreate, .cannotWrite, .damagedSession, .unavailable, .tryAgainLater:
            System.printError("samtale: \(error.message[language])")
        }
        return error.exitCode
    }

    // MARK: help

    private static func help(_ arguments: [String], language: Language) throws(CommandError) -> Int32 {
        // The common options (`--lang en`) may stand anywhere, as after any other command.
        let parsed = try Arguments(arguments, command: .help)
        try parsed.expectPositionals(atMost: 1)
        guard let name = parsed.positionals.first else {
            System.printOut(CommandLineStrings.overview[language])
            return 0
        }
        guard let command = Subcommand(rawValue: name) else {
            throw .usage(CommandLineStrings.unknownCommand(name), command: .help)
        }
        System.printOut(CommandLineStrings.help(command)[language])
        return 0
    }

    // MARK: completions

    private static func completions(_ arguments: [String], language: Language) throws(CommandError) -> Int32 {
        let parsed = try Arguments(arguments, command: .completions)
        try parsed.expectPositionals(atMost: 1)
        guard let name = parsed.positionals.first else {
            throw .usage(
                CommandLineStrings.missingArgument(Shell.allCases.map(\.rawValue).joined(separator: "|")),
                command: .completions)
        }
        guard let shell = Shell(rawValue: name) else {
            throw .usage(
                Strings.invalidChoice("completions", name, allowed: Shell.allCases.map(\.rawValue)),
                command: .completions)
        }
        System.printOut(Completions.script(for: shell, language: language))
        return 0
    }

    // MARK: prompt

    private static func prompt(_ arguments: [String], language: Language) throws(CommandError) -> Int32 {
        let parsed = try Arguments(arguments, command: .prompt)
        try parsed.expectPositionals(atMost: 0)
        let options = try promptOptions(parsed)
        let format = try parsed.choice("--format", as: PromptFormat.self) ?? .text
        let catalog = try loadCatalog(parsed, language: language)

        switch try choosePrompt(options, in: catalog, command: .prompt) {
        case .prompt(let prompt):
            System.printOut(prompt.rendered(as: format, language: language))
        case .dayOff(let date, let exclusion):
            System.printError("samtale: \(Strings.dayOff(date, exclusion)[language])")
        }
        return 0
    }

    /// The prompt options of `prompt` and `post`: each option the table marks as one, read into `PromptOptions`,
    /// which checks them and names a bad one as it was typed.
    static func promptOptions(_ parsed: Arguments) throws(CommandError) -> PromptOptions {
        var values: [PromptOptions.Name: String] = [:]
        var spellings: [PromptOptions.Name: String] = [:]
        for option in parsed.options {
            guard let name = option.promptOption else { continue }
            spellings[name] = option.name
            if option.takesValue {
                values[name] = try parsed.value(option.name)
            } else if parsed.flag(option.name) {
                values[name] = "true"
            }
        }
        values[.targetGroup] = try targetGroupSpec(parsed)
        do {
            return try PromptOptions(values, spelling: { spellings[$0] ?? $0.rawValue }, randomSeed: System.randomSeed)
        } catch {
            throw .usage(error.message, command: parsed.command)
        }
    }

    /// `--target-group`, else `SAMTALE_TARGET_GROUP`, checked by the one parser every front door uses.
    static func targetGroup(_ parsed: Arguments) throws(CommandError) -> TargetGroup? {
        guard let spec = try targetGroupSpec(parsed) else { return nil }
        do {
            return try PromptOptions.targetGroup(spec)
        } catch {
            throw .usage(error.message, command: parsed.command)
        }
    }

    /// The word for the target group as the command line gives it: the option, else the variable.
    private static func targetGroupSpec(_ parsed: Arguments) throws(CommandError) -> String? {
        try parsed.value("--target-group") ?? System.environment("SAMTALE_TARGET_GROUP")
    }

    /// The day's prompt for some options, or the reason that the day does not count.
    static func choosePrompt(
        _ options: PromptOptions, in catalog: Catalog, command: Subcommand
    ) throws(CommandError) -> PromptOutcome {
        do {
            return try catalog.prompt(for: options, today: System.today)
        } catch {
            throw .usage(error.message, command: command)
        }
    }

    // MARK: list

    private static func list(_ arguments: [String], language: Language) throws(CommandError) -> Int32 {
        let parsed = try Arguments(arguments, command: .list)
        try parsed.expectPositionals(atMost: 1)
        guard let raw = parsed.positionals.first else {
            throw .usage(CommandLineStrings.missingArgument("decks|roles|themes"), command: .list)
        }
        guard let subject = ListSubject(rawValue: raw) else {
            throw .usage(
                Strings.invalidChoice("list", raw, allowed: ListSubject.allCases.map(\.rawValue)), command: .list)
        }
        let format = try parsed.choice("--format", as: DocumentFormat.self) ?? .text
        let catalog = try loadCatalog(parsed, language: language)
        let decks = try parsed.value("--deck").map { name throws(CommandError) in
            [try resolve(name, in: catalog, command: .list)]
        }
        System.printOut(Listing.render(subject, decks: decks ?? catalog.decks, format: format, language: language))
        return 0
    }

    // MARK: show

    private static func show(_ arguments: [String], language: Language) throws(CommandError) -> Int32 {
        let parsed = try Arguments(arguments, command: .show)
        try parsed.expectPositionals(atMost: 1)
        guard let name = parsed.positionals.first else {
            throw .usage(CommandLineStrings.missingArgument(Strings.kindName(NameKind.deck)[language]), command: .show)
        }
        let format = try parsed.choice("--format", as: DocumentFormat.self) ?? .text
        let catalog = try loadCatalog(parsed, language: language)
        let deck = try resolve(name, in: catalog, command: .show)
        let roleName = try parsed.value("--role")
        let themeName = try parsed.value("--theme")
        let role: Role?
        let theme: Theme?
        do throws(NameError) {
            role = try roleName.map { query throws(NameError) in try deck.resolveRole(query) }
            let roles = role.map { [$0] } ?? []
            theme = try themeName.map { query throws(NameError) in try deck.resolveTheme(query, for: roles) }
        } catch {
            throw .usage(error.message, command: .show)
        }
        let view = DeckView(deck: deck, role: role, theme: theme, targetGroup: try targetGroup(parsed))
        System.printOut(view.rendered(as: format, language: language, width: System.terminalWidth))
        return 0
    }

    // MARK: validate

    private static func validate(_ arguments: [String], language: Language) throws(CommandError) -> Int32 {
        let parsed = try Arguments(arguments, command: .validate)
        var files: [DeckFile] = []
        if parsed.positionals.isEmpty {
            files =
                BuiltinDecks.files + BuiltinFlows.files + (try DeckSources.configured(parsed))
                + (try DeckSources.configuredFlows(parsed))
            // The targets file of `samtale post` and the chat configuration, where they are (or the file named).
            let defaultPaths = [defaultTargetsPath(), defaultConfigPath("chat.json")].compactMap { path in
                path.flatMap { FileSystem.exists($0) ? $0 : nil }
            }
            for path in try parsed.value("--config").map({ [$0] }) ?? defaultPaths {
                files += try DeckSources.files(at: path, explicit: true)
            }
        }
        // A path that cannot be read is told where it was named, and the others are still checked.
        var unreadable: [(before: Int, reason: Localized)] = []
        for path in parsed.positionals {
            do throws(CommandError) {
                files += try DeckSources.files(at: path, explicit: true)
            } catch {
                unreadable.append((files.count, error.message))
            }
        }
        // Decks and flows are checked as every command loads them, through the catalog (built-in decks from their
        // text, as a file of the user's); the lines follow the order of the files, as each is told apart.
        var decks: [DeckFile] = []
        var flows: [DeckFile] = []
        var broken: [DataFileError] = []
        var targetsFiles: [(file: DeckFile, targets: [WebhookTarget])] = []
        // Information beside the problems, on stderr (stdout has those only).
        var notes: [String] = []
        var chatFiles: [(file: DeckFile, configuration: ChatConfiguration)] = []
        for file in files {
            switch DeckSources.kind(of: file) {
            case .deck: decks.append(file)
            case .flow: flows.append(file)
            case .targets:
                do throws(DataIssues) {
                    let targets = try TargetsFile.decode(file.bytes)
                    warnIfReadableByOthers(file.name, targets: targets, language: language)
                    targetsFiles.append((file, targets))
                } catch {
                    broken.append(DataFileError(file: file.name, issues: error.issues))
                }
            case .chat:
                do throws(DataIssues) {
                    let configuration = try ChatConfiguration.decode(file.bytes)
                    notes += chatSecretWarnings(file.name, configuration, language: language)
                    chatFiles.append((file, configuration))
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
        // Each sound deck's id is its file's alone among the paths named: at run time a later file would silently
        // replace an earlier one. A user's deck may still replace a built-in one, and a configured folder an earlier
        // one, as at run time (with its note).
        var definedBy: [String: DeckFile] = [:]
        // Each sound deck decoded once here, for the checks the catalog does not make; a broken one is told above.
        let sound = decks.compactMap { file in (try? DeckDecoder.decode(file.bytes)).map { (file: file, deck: $0) } }
        for (file, deck) in sound {
            // The same file named twice (as a folder and by itself) is no clash.
            if let earlier = definedBy[deck.id], !earlier.isBuiltin, !parsed.positionals.isEmpty,
                FileSystem.canonicalPath(earlier.name) != FileSystem.canonicalPath(file.name)
            {
                let issue = DataIssue(.deckIDInUse(deck.id, file: earlier.name), at: JSONPath.root.appending("id"))
                broken.append(DataFileError(file: file.name, issues: [issue]))
            } else {
                definedBy[deck.id] = file
            }
            // The typos each sound deck reads otherwise, as information beside the problems (stdout has those only).
            for (index, correction) in deck.corrections.enumerated() {
                notes.append("\(file.name): corrections[\(index)]: " + Strings.correctionNote(correction)[language])
            }
        }
        broken += nameProblems(targetsFiles, chatFiles, soundDecks: sound.map(\.file), namedFlows: flows, parsed)
        var issueCount = 0
        for (position, file) in files.enumerated() {
            printUnreadable(unreadable, before: position, language: language)
            guard let index = broken.firstIndex(where: { $0.file == file.name }) else { continue }
            issueCount += broken[index].issues.count
            // A file name or key may hold anything; the lines are for reading.
            for line in broken.remove(at: index).lines(in: language) { System.printOut(line.withoutControlCharacters) }
        }
        printUnreadable(unreadable, before: files.count, language: language)
        for note in notes { System.printError(note.withoutControlCharacters) }
        System.printError(
            Strings.validationSummary(files: files.count, issues: issueCount, unreadable: unreadable.count)[language])
        // A path left unchecked outweighs the problems found: the run has not seen all it was asked to check.
        return !unreadable.isEmpty ? 66 : issueCount == 0 ? 0 : 65
    }

    /// The names of decks, roles and themes in sound targets files that `post` would not find among the built-in
    /// and configured decks and the sound decks named here, and those of sound chat configurations (with the flows,
    /// built-in, configured and named here).
    private static func nameProblems(
        _ targetsFiles: [(file: DeckFile, targets: [WebhookTarget])],
        _ chatFiles: [(file: DeckFile, configuration: ChatConfiguration)], soundDecks: [DeckFile],
        namedFlows: [DeckFile], _ parsed: Arguments
    ) -> [DataFileError] {
        guard !targetsFiles.isEmpty || !chatFiles.isEmpty else { return [] }
        // Without paths, `soundDecks` holds the built-in and configured ones already; a broken deck is told on its
        // own, and a broken configured one left out.
        let configured =
            parsed.positionals.isEmpty
            ? [] : ((try? DeckSources.configured(parsed)) ?? []).filter { (try? DeckDecoder.decode($0.bytes)) != nil }
        let userDecks = configured + soundDecks.filter { !$0.isBuiltin }
        // The flows likewise; a broken one is told on its own, and left out here.
        let flows =
            (parsed.positionals.isEmpty
                ? [] : BuiltinFlows.files + ((try? DeckSources.configuredFlows(parsed)) ?? [])) + namedFlows
        let soundFlows = flows.filter { $0.isBuiltin || (try? FlowDecoder.decode($0.bytes)) != nil }
        guard let catalog = try? Catalog.load(builtin: BuiltinDecks.all, files: userDecks, flowFiles: soundFlows) else {
            return []
        }
        let files =
            targetsFiles.map { (name: $0.file.name, issues: TargetsFile.nameIssues($0.targets, in: catalog)) }
            + chatFiles.map { (name: $0.file.name, issues: $0.configuration.nameIssues(in: catalog)) }
        return files.filter { !$0.issues.isEmpty }.map { DataFileError(file: $0.name, issues: $0.issues) }
    }

    /// Each secret of a sound chat configuration that this machine cannot give, as a warning: `validate` may run
    /// where the server does not (an editor, CI), so an unset variable or a missing file is no fault of the file.
    private static func chatSecretWarnings(
        _ file: String, _ configuration: ChatConfiguration, language: Language
    ) -> [String] {
        var warnings: [String] = []
        for (index, endpoint) in configuration.endpoints.enumerated() {
            for source in endpoint.secrets {
                do throws(ChatSecretError) {
                    _ = try endpoint.secretValue(source, environment: System.environment, readFile: readSecretFile)
                } catch {
                    let key: String
                    switch source {
                    case .variable: key = "secretEnv"
                    case .file: key = "secretFile"
                    }
                    let path = JSONPath.root.appending("endpoints").appending(index).appending(key)
                    warnings.append("\(file): \(path): " + error.message[language])
                }
            }
        }
        return warnings
    }

    /// A secret file as `ChatEndpoint.secretValue` takes it: its bytes and whether others may read them.
    static func readSecretFile(_ path: String) -> SecretFile {
        do {
            return .contents(try System.readFile(path), readableByOthers: FileSystem.isReadableByOthers(path))
        } catch {
            return .unreadable(reason: error.reason)
        }
    }

    /// The reasons of the paths that could not be read and were named before the file at `position`.
    private static func printUnreadable(
        _ unreadable: [(before: Int, reason: Localized)], before position: Int, language: Language
    ) {
        for path in unreadable where path.before == position {
            System.printError("samtale: \(path.reason[language])".withoutControlCharacters)
        }
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
            throw .badData(error.brokenFiles)
        }
        for replacement in catalog.replacements {
            System.printError("samtale: \(Strings.replacedDeck(replacement)[language])")
        }
        return catalog
    }

    static func resolve(_ name: String, in catalog: Catalog, command: Subcommand) throws(CommandError) -> Deck {
        do {
            return try catalog.resolveDeck(name)
        } catch {
            throw .usage(error.message, command: command)
        }
    }
}
