import SamtaleCore

/// `samtale completions SHELL`: a completion script written from the table of commands and options, so that it
/// offers exactly what the parser takes.
enum Completions {
    static func script(for shell: Shell, language: Language) -> String {
        switch shell {
        case .bash: bash(language)
        case .zsh: zsh(language)
        case .fish: fish(language)
        }
    }

    /// The words a command takes before or among its options (`list decks`), for completion.
    static func operands(of command: Subcommand) -> [String] {
        switch command {
        case .sessions: SessionsAction.allCases.map(\.rawValue)
        case .chat: ChatAction.allCases.map(\.rawValue)
        case .list: ListSubject.allCases.map(\.rawValue)
        case .completions: Shell.allCases.map(\.rawValue)
        case .help: Subcommand.allCases.map(\.rawValue)
        case .talk, .serve, .prompt, .post, .show, .validate: []
        }
    }

    /// Whether a command's operands are paths (`validate`), completed as files.
    private static func takesPaths(_ command: Subcommand) -> Bool {
        command == .validate
    }

    private static let topLevel = Option.common.map(\.name) + ["--help", "-h", "--version"]

    private static func optionNames(_ command: Subcommand) -> [String] {
        Option.common.map(\.name) + command.options.map(\.name) + ["--help", "-h"]
    }

    /// The arms of bash's and zsh's `case "$command $prev"`: one for each option that takes a value, its pattern
    /// matching that option after its command (a common one after any), written by `arm`.
    private static func valueArms(_ arm: (_ pattern: String, _ option: Option) -> String) -> [String] {
        Subcommand.allCases.flatMap { command in
            command.options.filter(\.takesValue).map { arm("\"\(command.rawValue) \($0.name)\"", $0) }
        } + Option.common.map { arm("*\" \($0.name)\"", $0) }
    }

    // MARK: bash

    private static func bash(_ language: Language) -> String {
        let commands = Subcommand.allCases.map(\.rawValue)
        let values = valueArms { pattern, option in "        \(pattern)) \(bashReply(option)) ;;" }
        let options = Subcommand.allCases.map { command in
            "        \(command.rawValue)) words=\"\(optionNames(command).joined(separator: " "))\" ;;"
        }
        let operands = Subcommand.allCases.map { command in
            let reply =
                takesPaths(command)
                ? "COMPREPLY=($(compgen -f -- \"$cur\")); return"
                : "words=\"\(Self.operands(of: command).joined(separator: " "))\""
            return "        \(command.rawValue)) \(reply) ;;"
        }
        return """
            # bash completion for samtale, written by `samtale completions bash`.
            _samtale() {
                local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" command="" words="" i
                for ((i = 1; i < COMP_CWORD; i++)); do
                    case "${COMP_WORDS[i]}" in
                        \(commands.joined(separator: "|"))) command="${COMP_WORDS[i]}"; break ;;
                    esac
                done
                case "$command $prev" in
            \(values.joined(separator: "\n"))
                esac
                if [[ -z "$command" ]]; then
                    words="\((commands + topLevel).joined(separator: " "))"
                elif [[ "$cur" == -* ]]; then
                    case "$command" in
            \(options.joined(separator: "\n"))
                    esac
                else
                    case "$command" in
            \(operands.joined(separator: "\n"))
                    esac
                fi
                COMPREPLY=($(compgen -W "$words" -- "$cur"))
            }
            complete -F _samtale samtale
            """
    }

    private static func bashReply(_ option: Option) -> String {
        let words = option.completions
        if option.takesPath { return "COMPREPLY=($(compgen -f -- \"$cur\")); return" }
        guard !words.isEmpty else { return "COMPREPLY=(); return" }
        return "COMPREPLY=($(compgen -W \"\(words.joined(separator: " "))\" -- \"$cur\")); return"
    }

    // MARK: zsh

    private static func zsh(_ language: Language) -> String {
        let commands = Subcommand.allCases.map { command in
            "        \(quoted("\(command.rawValue):\(CommandLineStrings.summary(command)[language])"))"
        }
        let values = valueArms { pattern, option in "        (\(pattern)) \(zshReply(option)) ;;" }
        let options = Subcommand.allCases.map { command in
            "            (\(command.rawValue)) compadd -- \(optionNames(command).joined(separator: " ")) ;;"
        }
        let operands = Subcommand.allCases.map { command in
            let reply =
                takesPaths(command)
                ? "_files"
                : "compadd -- \(Self.operands(of: command).joined(separator: " "))"
            return "            (\(command.rawValue)) \(reply) ;;"
        }
        return """
            #compdef samtale
            # zsh completion for samtale, written by `samtale completions zsh`.
            _samtale() {
                local command="" prev="${words[CURRENT-1]}" i
                for ((i = 2; i < CURRENT; i++)); do
                    case "${words[i]}" in
                        (\(Subcommand.allCases.map(\.rawValue).joined(separator: "|"))) command="${words[i]}"; break ;;
                    esac
                done
                case "$command $prev" in
            \(values.joined(separator: "\n"))
                esac
                if [[ -z "$command" ]]; then
                    local -a commands=(
            \(commands.joined(separator: "\n"))
                    )
                    _describe command commands
                    compadd -- \(topLevel.joined(separator: " "))
                elif [[ "$PREFIX" == -* ]]; then
                    case "$command" in
            \(options.joined(separator: "\n"))
                    esac
                else
                    case "$command" in
            \(operands.joined(separator: "\n"))
                    esac
                fi
            }
            if [[ "${zsh_eval_context[-1]}" == loadautofunc ]]; then
                _samtale "$@"
            else
                compdef _samtale samtale
            fi
            """
    }

    private static func zshReply(_ option: Option) -> String {
        let words = option.completions
        if option.takesPath { return "_files; return" }
        return words.isEmpty ? "return" : "compadd -- \(words.joined(separator: " ")); return"
    }

    // MARK: fish

    private static func fish(_ language: Language) -> String {
        var lines = ["# fish completion for samtale, written by `samtale completions fish`.", "complete -c samtale -f"]
        let commands = Subcommand.allCases.map(\.rawValue).joined(separator: " ")
        for command in Subcommand.allCases {
            lines.append(
                "complete -c samtale -n \"not __fish_seen_subcommand_from \(commands)\" -a \(command.rawValue)"
                    + " -d \(quoted(CommandLineStrings.summary(command)[language]))")
        }
        lines.append("complete -c samtale -s h -l help -d \(quoted(CommandLineStrings.showHelp[language]))")
        lines.append("complete -c samtale -n \"not __fish_seen_subcommand_from \(commands)\" -l version")
        for option in Option.common {
            lines.append("complete -c samtale \(fishOption(option, help: option.help, language))")
        }
        for command in Subcommand.allCases {
            let condition = "-n \"__fish_seen_subcommand_from \(command.rawValue)\""
            for option in command.options {
                let help = CommandLineStrings.help(of: option, in: command)
                lines.append("complete -c samtale \(condition) \(fishOption(option, help: help, language))")
            }
            let operands = Self.operands(of: command)
            if !operands.isEmpty {
                lines.append("complete -c samtale \(condition) -a \(quoted(operands.joined(separator: " ")))")
            }
            if takesPaths(command) { lines.append("complete -c samtale \(condition) -F") }
        }
        return lines.joined(separator: "\n")
    }

    private static func fishOption(_ option: Option, help: Localized, _ language: Language) -> String {
        let help = quoted(help[language])
        let name = "-l \(option.name.dropFirst(2))"
        guard option.takesValue else { return "\(name) -d \(help)" }
        let words = option.completions
        if option.takesPath { return "\(name) -r -F -d \(help)" }
        guard !words.isEmpty else { return "\(name) -x -d \(help)" }
        return "\(name) -x -a \(quoted(words.joined(separator: " "))) -d \(help)"
    }

    /// A word in single quotes, as bash, zsh and fish read it.
    private static func quoted(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
