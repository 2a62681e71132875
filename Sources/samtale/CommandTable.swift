import SamtaleCore
import SamtaleDecks
import WebhookAdapter

// MARK: - Subcommand

/// The commands of `samtale`, in the order `samtale help` lists them.
enum Subcommand: String, CaseIterable, Sendable {
    case talk, sessions, serve, chat, prompt, post, list, show, validate, completions, help

    /// What stands between the command and its options in its usage (`decks|roles|themes`), if anything.
    var operands: Localized? {
        switch self {
        case .talk, .serve, .prompt, .post: nil
        case .sessions:
            Localized(da: SessionsAction.synopsis(.da), en: SessionsAction.synopsis(.en))
        case .chat: Localized(da: ChatAction.synopsis(.da), en: ChatAction.synopsis(.en))
        case .list: Localized(da: "decks|roles|themes", en: "decks|roles|themes")
        case .show: Localized(da: "KORTSÆT", en: "DECK")
        case .validate: Localized(da: "[STI…]", en: "[PATH…]")
        case .completions:
            Localized(
                da: Shell.allCases.map(\.rawValue).joined(separator: "|"),
                en: Shell.allCases.map(\.rawValue).joined(separator: "|"))
        case .help: Localized(da: "[KOMMANDO]", en: "[COMMAND]")
        }
    }

    /// Whether usage sums up the options that pick the day's question as `[prompt-tilvalg]`, which `samtale help
    /// prompt` explains: `post`, whose usage would otherwise run past 300 characters after every error.
    var summarizesPromptOptions: Bool {
        self == .post
    }

    /// The command's own options (the common ones come on top): what its parser accepts, what its usage and help
    /// show, and what the completion scripts offer.
    var options: [Option] {
        switch self {
        case .talk:
            [
                .flow, .deck(CommandLineStrings.talkDeckHelp), .roles, .themes, .participants, .with, .leader,
                .targetGroup, .minutes, .record, .resume,
            ]
        case .sessions: [SessionsAction.anyFormat, SessionsAction.output, SessionsAction.seriesFilter]
        case .serve: [.stdio, .ephemeral, .maxLine]
        case .chat: [.chatStdio, .chatListen, .chatMaxConnections, ChatAction.config, ChatAction.dryRun]
        case .prompt:
            Option.promptOptions(random: true) + [.format(PromptFormat.self, help: CommandLineStrings.promptFormatHelp)]
        case .post: Option.postDestinations + Option.promptOptions(random: false) + Option.postDelivery
        case .list:
            [
                .deck(CommandLineStrings.listDeckHelp),
                .format(DocumentFormat.self, help: CommandLineStrings.documentFormatHelp),
            ]
        case .show:
            [.role, .theme, .targetGroup, .format(DocumentFormat.self, help: CommandLineStrings.documentFormatHelp)]
        case .validate: [.config(CommandLineStrings.validateConfigHelp)]
        case .completions, .help: []
        }
    }
}

/// What `samtale sessions` does with the saved conversations.
/// One of the things a command does, named by its first operand (`sessions list`, `chat serve`), with the options
/// it takes; `Arguments.action(_:of:)` reads it.
protocol CommandAction: RawRepresentable<String>, CaseIterable {
    var options: [Option] { get }
}

enum SessionsAction: String, CaseIterable, Sendable, CommandAction {
    case list, show, export, series, delete

    /// The options the action takes, `--format` with its own choices: all it accepts, and what usage shows after it.
    var options: [Option] {
        switch self {
        case .list:
            [
                Self.seriesFilter,
                .format([DocumentFormat.text, .json].map(\.rawValue), help: CommandLineStrings.sessionsFormatHelp),
            ]
        case .export: [.format(SessionExportFormat.self, help: CommandLineStrings.sessionsFormatHelp), Self.output]
        case .series: [.format(SessionExportFormat.self, help: CommandLineStrings.sessionsFormatHelp)]
        case .show, .delete: []
        }
    }

    /// What the action names after its word: a session's id, the person of a series, or nothing.
    func operand(_ language: Language) -> [String] {
        switch self {
        case .list: []
        case .series: [CommandLineStrings.personPlaceholder[language]]
        case .show, .export, .delete: ["ID"]
        }
    }

    /// `export --output FILE`: the record as a new file that only its owner may read.
    static let output = Option(
        name: "--output", kind: .value(Localized(da: "FIL", en: "FILE")), help: CommandLineStrings.outputHelp,
        takesPath: true, isInOperands: true)

    /// `sessions list --with NAME`: only the conversations of one series.
    static let seriesFilter = Option(
        name: "--with", kind: .value(CommandLineStrings.personPlaceholder), help: CommandLineStrings.listWithHelp,
        isInOperands: true)

    /// One `--format` for the parser, help and completion: every value some action takes.
    static let anyFormat: Option = {
        let choices = allCases.flatMap { $0.options.filter { $0.name == "--format" }.flatMap(\.completions) }
        var option = Option.format(
            choices.reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
            help: CommandLineStrings.sessionsFormatHelp)
        option.isInOperands = true
        return option
    }()

    /// The actions as usage writes them, each with its operand and options: `list [--with NAVN] [--format text|json]
    /// | show ID | export ID [--format markdown|json] [--output FIL] | series NAVN [--format markdown|json] | delete ID`.
    static func synopsis(_ language: Language) -> String {
        allCases.map { action in
            ([action.rawValue] + action.operand(language) + action.options.map { $0.usageUnit(language) })
                .joined(separator: " ")
        }.joined(separator: " | ")
    }
}

/// What `samtale chat` does: answer a platform's request (`serve`, `cgi`), or delete conversations left inactive.
enum ChatAction: String, CaseIterable, Sendable, CommandAction {
    case serve, cgi, prune

    /// The options of the action's own, shown after it in usage; every action takes `--config`.
    var options: [Option] {
        switch self {
        case .serve: [.chatStdio, .chatListen, .chatMaxConnections, Self.config]
        case .cgi: [Self.config]
        case .prune: [Self.config, Self.dryRun]
        }
    }

    static let config = Option.config(CommandLineStrings.chatConfigHelp)

    /// `chat prune --dry-run`: the conversations it would delete, deleting none.
    static let dryRun = Option(
        name: "--dry-run", kind: .flag, help: CommandLineStrings.chatDryRunHelp, isInOperands: true)

    /// `serve (--stdio | --listen ADRESSE [--max-connections N]) | cgi | prune [--dry-run]`: each action with the
    /// options that are its own, grouped as usage groups a command's.
    static func synopsis(_ language: Language) -> String {
        allCases.map { action in
            ([action.rawValue]
                + CommandLineStrings.usageUnits(action.options.filter(\.isInOperands), of: .chat, language))
                .joined(separator: " ")
        }.joined(separator: " | ")
    }
}

/// What `samtale sessions export` writes.
enum SessionExportFormat: String, CaseIterable, Sendable {
    case markdown, json
}

/// The shells `samtale completions` writes a script for.
enum Shell: String, CaseIterable, Sendable {
    case bash, zsh, fish
}

// MARK: - Option

/// One option as the command line takes it: declared once, and parsed, shown in usage and help, and completed from
/// that one declaration.
struct Option: Sendable {
    enum Kind: Sendable {
        case flag
        /// One value, named in usage by its placeholder (`K`, `ÅÅÅÅ-MM-DD`).
        case value(Localized)
        /// A value that may be given again (`--dialogues`), each kept.
        case repeatable(Localized)
        /// One of a few words (`--format text|json`).
        case choice([String])
        /// A whole number within a range, checked by `Arguments.integer`.
        case integer(Localized, ClosedRange<Int>)
    }

    let name: String
    let kind: Kind
    let help: Localized
    /// The prompt option it gives, for the options `prompt` and `post` read into `PromptOptions`.
    var promptOption: PromptOptions.Name?
    /// What a completion script offers for a value beyond fixed choices, looked up only when a script is written.
    var suggestions: Suggestions?
    /// Shown without brackets in usage, as the command does nothing without it (`serve --stdio`); a group of such
    /// options in parentheses, as one of them is needed (`chat serve (--stdio | --listen ADRESSE)`).
    var isRequired = false
    /// Whether the value is a path, which completion offers from the file system; other free values get nothing.
    var takesPath = false
    /// Options of one group exclude each other; usage shows them side by side as `[--stdin | --session ID]`.
    var group: String?
    /// The option this one goes with only (`--platform` with `--url`): usage shows it inside that option's brackets,
    /// and help says so.
    var onlyWith: String?
    /// Shown in usage by the command's operands instead, each with its own choices (`sessions list [--format
    /// text|json]`), so not again among the options.
    var isInOperands = false
    /// The environment variable that stands in for the option (`SAMTALE_WEBHOOK_URL` for `--url`), named where
    /// another option goes only with this one.
    var environment: String?

    var takesValue: Bool {
        if case .flag = kind { false } else { true }
    }

    var isRepeatable: Bool {
        if case .repeatable = kind { true } else { false }
    }

    /// Values that are not checked as choices are, but that completion offers: the built-in ones.
    enum Suggestions: Sendable {
        case decks, flows, platforms
    }

    /// What a completion script offers for the value: the fixed choices, else the suggestions.
    var completions: [String] {
        if case .choice(let words) = kind { return words }
        switch suggestions {
        case .decks: return BuiltinDecks.all.map(\.deck.id)
        case .flows: return BuiltinFlows.flows.map(\.id)
        case .platforms: return Platform.allCases.map(\.rawValue)
        case nil: return []
        }
    }

    /// The option as usage and help write it: `--deck K`, `--format text|json`, `--record`.
    func synopsis(_ language: Language) -> String {
        switch kind {
        case .flag: name
        case .value(let placeholder), .repeatable(let placeholder), .integer(let placeholder, _):
            "\(name) \(placeholder[language])"
        case .choice(let words): "\(name) \(words.joined(separator: "|"))"
        }
    }

    /// The option as one unit of a usage line: in brackets unless the command needs it.
    func usageUnit(_ language: Language) -> String {
        isRequired ? synopsis(language) : "[\(synopsis(language))]"
    }

    /// The options every command takes.
    static let common: [Option] = [
        Option(
            name: "--dialogues", kind: .repeatable(Localized(da: "MAPPE", en: "DIR")),
            help: CommandLineStrings.dialoguesHelp, takesPath: true),
        Option(name: "--lang", kind: .choice(Language.allCases.map(\.rawValue)), help: CommandLineStrings.langHelp),
    ]

    private static func value(_ da: String, _ en: String) -> Kind {
        .value(Localized(da: da, en: en))
    }

    // MARK: prompt and post

    /// The options that pick the day's question, read into `PromptOptions`; `random` adds `--random` and `--seed`.
    static func promptOptions(random: Bool) -> [Option] {
        var options: [Option] = [
            .deck(CommandLineStrings.promptDeckHelp, promptOption: .deck), .promptRole, .theme,
            Option(
                name: "--for", kind: .choice(Audience.allCases.map(\.rawValue)),
                help: CommandLineStrings.forHelp, promptOption: .audience),
            Option(
                name: "--date", kind: value("ÅÅÅÅ-MM-DD", "YYYY-MM-DD"), help: CommandLineStrings.dateHelp,
                promptOption: .date),
        ]
        if random {
            options += [
                Option(name: "--random", kind: .flag, help: CommandLineStrings.randomHelp, promptOption: .random),
                Option(name: "--seed", kind: value("N", "N"), help: CommandLineStrings.seedHelp, promptOption: .seed),
            ]
        }
        return options + [
            Option(
                name: "--skip-weekends", kind: .flag, help: CommandLineStrings.skipWeekendsHelp,
                promptOption: .skipWeekends),
            Option(
                name: "--holidays", kind: .choice([PromptOptions.danishHolidays]),
                help: CommandLineStrings.holidaysHelp, promptOption: .holidays),
            .targetGroup,
        ]
    }

    /// `--deck`, with the help its command gives it; a prompt option where `prompt` and `post` take it.
    static func deck(_ help: Localized, promptOption: PromptOptions.Name? = nil) -> Option {
        Option(name: "--deck", kind: value("K", "D"), help: help, promptOption: promptOption, suggestions: .decks)
    }

    static let role = Option(
        name: "--role", kind: value("R", "R"), help: CommandLineStrings.roleHelp,
        promptOption: .role)
    /// `--role` of `prompt` and `post`, whose help names the cards asked without it.
    static let promptRole = Option(
        name: "--role", kind: value("R", "R"), help: CommandLineStrings.promptRoleHelp,
        promptOption: .role)
    static let theme = Option(
        name: "--theme", kind: value("T", "T"), help: CommandLineStrings.themeHelp,
        promptOption: .theme)
    static let targetGroup = Option(
        name: "--target-group", kind: value("ORD", "WORD"),
        help: CommandLineStrings.targetGroupHelp, promptOption: .targetGroup)

    static func format<Format: RawRepresentable & CaseIterable>(_ type: Format.Type, help: Localized) -> Option
    where Format.RawValue == String {
        format(Format.allCases.map(\.rawValue), help: help)
    }

    static func format(_ choices: [String], help: Localized) -> Option {
        Option(name: "--format", kind: .choice(choices), help: help)
    }

    static func config(_ help: Localized) -> Option {
        Option(name: "--config", kind: value("FIL", "FILE"), help: help, takesPath: true)
    }

    // MARK: talk

    static let flow = Option(
        name: "--flow", kind: value("F", "F"), help: CommandLineStrings.flowHelp,
        suggestions: .flows)
    static let roles = Option(
        name: "--role", kind: .repeatable(Localized(da: "R", en: "R")),
        help: CommandLineStrings.talkRoleHelp)
    static let themes = Option(
        name: "--theme", kind: .repeatable(Localized(da: "T", en: "T")),
        help: CommandLineStrings.talkThemeHelp)
    static let participants = Option(
        name: "--participants", kind: value("NAVNE", "NAMES"),
        help: CommandLineStrings.participantsHelp)
    static let minutes = Option(
        name: "--minutes",
        kind: .integer(Localized(da: "N", en: "N"), ConversationSetup.allowedMinutes),
        help: CommandLineStrings.minutesHelp)
    static let with = Option(
        name: "--with", kind: .value(CommandLineStrings.personPlaceholder), help: CommandLineStrings.withHelp)
    static let leader = Option(
        name: "--leader", kind: .value(CommandLineStrings.personPlaceholder), help: CommandLineStrings.leaderHelp)
    static let record = Option(name: "--record", kind: .flag, help: CommandLineStrings.recordHelp)
    static let resume = Option(name: "--resume", kind: value("ID", "ID"), help: CommandLineStrings.resumeHelp)

    // MARK: serve

    static let stdio = Option(name: "--stdio", kind: .flag, help: CommandLineStrings.stdioHelp, isRequired: true)
    static let ephemeral = Option(name: "--ephemeral", kind: .flag, help: CommandLineStrings.ephemeralHelp)
    static let maxLine = Option(
        name: "--max-line",
        kind: .integer(Localized(da: "BYTE", en: "BYTES"), Commands.maxLineRange),
        help: CommandLineStrings.maxLineHelp)

    // MARK: chat

    static let chatStdio = Option(
        name: "--stdio", kind: .flag, help: CommandLineStrings.chatStdioHelp, isRequired: true, group: "front door",
        isInOperands: true)
    static let chatListen = Option(
        name: "--listen", kind: value("ADRESSE", "ADDRESS"), help: CommandLineStrings.listenHelp, isRequired: true,
        group: "front door", isInOperands: true)
    static let chatMaxConnections = Option(
        name: "--max-connections", kind: .integer(Localized(da: "N", en: "N"), 1...10_000),
        help: CommandLineStrings.maxConnectionsHelp, onlyWith: "--listen")

    // MARK: post

    /// Where `post` sends, and what.
    static let postDestinations: [Option] = [
        Option(
            name: "--url", kind: value("URL", "URL"), help: CommandLineStrings.urlHelp, group: "destination",
            environment: "SAMTALE_WEBHOOK_URL"),
        Option(
            name: "--target", kind: value("NAVN", "NAME"), help: CommandLineStrings.targetHelp,
            group: "destination"),
        Option(name: "--all", kind: .flag, help: CommandLineStrings.allHelp, group: "destination"),
        Option(
            name: "--platform", kind: value("P", "P"), help: CommandLineStrings.platformHelp,
            suggestions: .platforms, onlyWith: "--url"),
        config(CommandLineStrings.postConfigHelp),
        Option(name: "--stdin", kind: .flag, help: CommandLineStrings.stdinHelp, group: "message", onlyWith: "--url"),
        Option(
            name: "--session", kind: value("ID", "ID"), help: CommandLineStrings.sessionHelp, group: "message",
            onlyWith: "--url"),
    ]

    /// How `post` delivers: the ledger's rule, the dry run, retries and time limits.
    static let postDelivery: [Option] = [
        Option(name: "--force", kind: .flag, help: CommandLineStrings.forceHelp),
        Option(name: "--dry-run", kind: .flag, help: CommandLineStrings.dryRunHelp),
        Option(
            name: "--retries", kind: .integer(Localized(da: "N", en: "N"), 1...100),
            help: CommandLineStrings.retriesHelp),
        Option(
            name: "--retry-for", kind: .integer(Localized(da: "S", en: "S"), 1...86_400),
            help: CommandLineStrings.retryForHelp),
        Option(
            name: "--timeout", kind: .integer(Localized(da: "S", en: "S"), 1...600),
            help: CommandLineStrings.timeoutHelp),
        Option(
            name: "--connect-timeout", kind: .integer(Localized(da: "S", en: "S"), 1...600),
            help: CommandLineStrings.connectTimeoutHelp),
    ]
}
