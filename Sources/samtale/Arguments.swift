import SamtaleCore

// MARK: - CommandError

/// Why a command stops, mapped to a sysexits code by `main`.
enum CommandError: Error {
    /// Bad arguments: exit 64 with the reason and the command's usage.
    case usage(Localized, command: String?)
    /// Bad deck or flow data: exit 65 with the lines to print.
    case badData([String])
    /// A session file that cannot be read as a session: exit 65.
    case damagedSession(Localized)
    /// A file or folder that cannot be read, or a session that does not exist: exit 66.
    case missingInput(Localized)
    /// A session that cannot be saved: exit 73.
    case cannotCreate(Localized)
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
        case .unavailable: 69
        case .tryAgainLater: 75
        }
    }
}

// MARK: - Arguments

/// The parsed command line of one command: options by name, and positional arguments in order.
///
/// A tiny parser instead of swift-argument-parser, since samtale uses no packages beyond the toolchain.
/// Accepts `--name value`, `--name=value`, flags, and `--` to end options.
struct Arguments {
    /// Options every command takes.
    static let commonValued: Set<String> = ["--dialogues", "--lang"]

    /// The common option an argument is (`--lang` for `--lang` and `--lang=en`), or nil.
    static func commonOptionName(_ argument: String) -> String? {
        let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
        return commonValued.contains(name) ? name : nil
    }

    /// The options a command takes besides the common ones.
    struct Options: Sendable {
        let valued: Set<String>
        let flags: Set<String>

        func contains(_ name: String) -> Bool {
            valued.contains(name) || flags.contains(name) || Arguments.commonValued.contains(name)
        }
    }

    /// The command these arguments belong to, named in usage errors; nil for common options before any command.
    let command: String?
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    /// Parses a command's arguments by its options in `Commands.options` (none for nil: the common options alone).
    init(_ arguments: [String], command: String?) throws(CommandError) {
        let options = command.flatMap { Commands.options[$0] }
        try self.init(arguments, command: command, valued: options?.valued ?? [], flags: options?.flags ?? [])
    }

    init(
        _ arguments: [String], command: String?, valued: Set<String>, flags knownFlags: Set<String>
    ) throws(CommandError) {
        self.command = command
        let valued = valued.union(Self.commonValued)
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
            if valued.contains(name) {
                let value = inlineValue ?? remaining.popFirst()
                // The language was read before parsing (main); one samtale does not speak is named here, not ignored.
                if name == "--lang", value.flatMap(Language.init(rawValue:)) == nil {
                    throw .usage(Strings.invalidLanguage(value), command: command)
                }
                guard let value else { throw .usage(Strings.missingValue(name), command: command) }
                values[name, default: []].append(value)
            } else if knownFlags.contains(name) {
                guard inlineValue == nil else { throw .usage(Strings.flagTakesNoValue(name), command: command) }
                flags.insert(name)
            } else {
                throw .usage(Strings.unknownOption(name), command: command)
            }
        }
    }

    /// The value of an option that may be given once.
    func value(_ name: String) throws(CommandError) -> String? {
        guard let given = values[name] else { return nil }
        guard given.count == 1 else { throw .usage(Strings.repeatedOption(name), command: command) }
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
    func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, as type: Choice.Type) throws(CommandError) -> Choice?
    where Choice.RawValue == String {
        guard let raw = try value(name) else { return nil }
        guard let choice = Choice(rawValue: raw) else {
            throw .usage(Strings.invalidChoice(name, raw, allowed: Choice.allCases.map(\.rawValue)), command: command)
        }
        return choice
    }

    /// The value of a numeric option: a whole number within `range`, else a usage error that names both.
    func integer<Number: FixedWidthInteger>(
        _ name: String, in range: ClosedRange<Number>, unit: Localized? = nil
    ) throws(CommandError) -> Number? {
        guard let raw = try value(name) else { return nil }
        guard let number = Number(raw), range.contains(number) else {
            throw .usage(Strings.notAWholeNumber(name, raw, from: "\(range.lowerBound)", to: "\(range.upperBound)",
                                                 unit: unit),
                         command: command)
        }
        return number
    }

    /// Fails on positional arguments beyond `count`.
    func expectPositionals(atMost count: Int) throws(CommandError) {
        if positionals.count > count {
            throw .usage(Strings.unexpectedArgument(positionals[count]), command: command)
        }
    }
}
