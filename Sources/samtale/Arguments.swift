import SamtaleCore

// MARK: - CommandError

/// Why a command stops, mapped to a sysexits code by `main`.
enum CommandError: ExplainedError {
    /// Bad arguments: exit 64 with the reason and the command's usage.
    case usage(Localized, command: Subcommand?)
    /// Bad deck, flow or targets files: exit 65 with every problem of each.
    case badData([DataFileError])
    /// A session file that cannot be read as a session: exit 65.
    case damagedSession(Localized)
    /// A file or folder that cannot be read, or a session that does not exist: exit 66.
    case missingInput(Localized)
    /// A session that cannot be saved, or a file that cannot be made: exit 73.
    case cannotCreate(Localized)
    /// A file made for the output that could not be written whole: exit 74, as when standard output fails.
    case cannotWrite(Localized)
    /// A service that cannot be reached or refuses for good (a webhook, the HTTP helper): exit 69.
    case unavailable(Localized)
    /// Another process changed what this one was about to change (a session), or holds it: exit 75, as running
    /// again later (or resuming) finds the current state.
    case tryAgainLater(Localized)

    var exitCode: Int32 {
        switch self {
        case .usage: 64
        case .badData, .damagedSession: 65
        case .missingInput: 66
        case .cannotCreate: 73
        case .cannotWrite: 74
        case .unavailable: 69
        case .tryAgainLater: 75
        }
    }

    /// The reason; for bad data, one line per problem, each naming its file.
    var message: Localized {
        switch self {
        case .usage(let reason, _), .damagedSession(let reason), .missingInput(let reason), .cannotCreate(let reason),
            .cannotWrite(let reason), .unavailable(let reason), .tryAgainLater(let reason):
            reason
        case .badData(let files):
            Localized(
                da: files.flatMap { $0.lines(in: .da) }.joined(separator: "\n"),
                en: files.flatMap { $0.lines(in: .en) }.joined(separator: "\n"))
        }
    }
}

// MARK: - Arguments

/// The parsed command line of one command: options by name, and positional arguments in order.
///
/// A tiny parser instead of swift-argument-parser, since samtale uses no packages beyond the toolchain. Accepts
/// `--name value`, `--name=value`, flags, and `--` to end options; which options there are, and which take a value,
/// is the table of `Subcommand.options` and `Option.common`.
struct Arguments {
    /// The common option an argument is (`--lang` for `--lang` and `--lang=en`), or nil.
    static func commonOptionName(_ argument: String) -> String? {
        let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
        return Option.common.contains { $0.name == name } ? name : nil
    }

    /// The command these arguments belong to, named in usage errors; nil for common options before any command.
    let command: Subcommand?
    /// The options the command takes, the common ones first.
    let options: [Option]
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    /// Parses a command's arguments by its options (none for nil: the common options alone).
    init(_ arguments: [String], command: Subcommand?) throws(CommandError) {
        self.command = command
        options = Option.common + (command?.options ?? [])
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--" {
                positionals += remaining
                break
            }
            guard argument.hasPrefix("-"), argument.count > 1 else {
                positionals.append(argument)
                continue
            }
            let name: String
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            } else {
                name = argument
            }
            guard let option = options.first(where: { $0.name == name }) else {
                throw .usage(CommandLineStrings.unknownOption(name), command: command)
            }
            if option.takesValue {
                let value = inlineValue ?? remaining.popFirst()
                // The language was read before parsing (main); one samtale does not speak is named here, not ignored.
                if name == "--lang", value.flatMap(Language.init(rawValue:)) == nil {
                    throw .usage(CommandLineStrings.invalidLanguage(value), command: command)
                }
                guard let value else { throw .usage(CommandLineStrings.missingValue(name), command: command) }
                values[name, default: []].append(value)
            } else {
                guard inlineValue == nil else {
                    throw .usage(CommandLineStrings.flagTakesNoValue(name), command: command)
                }
                flags.insert(name)
            }
        }
    }

    /// The value of an option that may be given once.
    func value(_ name: String) throws(CommandError) -> String? {
        guard let given = values[name] else { return nil }
        guard given.count == 1 else { throw .usage(CommandLineStrings.repeatedOption(name), command: command) }
        return given[0]
    }

    /// Every value of a repeatable option, in order.
    func all(_ name: String) -> [String] {
        values[name] ?? []
    }

    func flag(_ name: String) -> Bool {
        flags.contains(name)
    }

    /// The value of an option that must be one of a few words (`--format`, `--for`).
    func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, as type: Choice.Type) throws(CommandError)
        -> Choice?
    where Choice.RawValue == String {
        guard let raw = try value(name) else { return nil }
        guard let choice = Choice(rawValue: raw) else {
            throw .usage(Strings.invalidChoice(name, raw, allowed: Choice.allCases.map(\.rawValue)), command: command)
        }
        return choice
    }

    /// The value of a numeric option: a whole number within the range its declaration gives, else a usage error
    /// that names both.
    func integer(_ name: String, unit: Localized? = nil) throws(CommandError) -> Int? {
        guard let raw = try value(name) else { return nil }
        let range =
            options.lazy.compactMap { option -> ClosedRange<Int>? in
                guard option.name == name, case .integer(_, let range) = option.kind else { return nil }
                return range
            }.first ?? Int.min...Int.max
        guard let number = Int(raw), range.contains(number) else {
            throw .usage(
                Strings.notAWholeNumber(
                    name, raw, from: "\(range.lowerBound)", to: "\(range.upperBound)",
                    unit: unit),
                command: command)
        }
        return number
    }

    /// The action the first operand names (`sessions list`, `chat serve`), refused when it is missing or unknown, and
    /// when an option is given that the action does not take: it is named, never ignored (`show --output` would
    /// write no file).
    func action<Action: CommandAction>(_ type: Action.Type, of command: Subcommand) throws(CommandError) -> Action {
        let actions = Action.allCases.map(\.rawValue)
        guard let word = positionals.first else {
            throw .usage(CommandLineStrings.missingArgument(actions.joined(separator: "|")), command: command)
        }
        guard let action = Action(rawValue: word) else {
            throw .usage(Strings.invalidChoice(command.rawValue, word, allowed: actions), command: command)
        }
        for option in command.options
        where (values[option.name] != nil || flag(option.name))
            && !action.options.contains(where: { $0.name == option.name })
        {
            throw .usage(
                CommandLineStrings.optionNotFor(option.name, action: "\(command.rawValue) \(word)"), command: command)
        }
        return action
    }

    /// Fails on positional arguments beyond `count`.
    func expectPositionals(atMost count: Int) throws(CommandError) {
        if positionals.count > count {
            throw .usage(CommandLineStrings.unexpectedArgument(positionals[count]), command: command)
        }
    }
}
