import Foundation
import SamtaleCore
import SamtaleDecks
import Testing

@testable import samtale

/// The table of commands and options: what the parser takes is what help shows and what completion offers.
@Suite struct CommandTableTests {
    /// The text with every run of spaces and line breaks as one space, so that a wrapped help reads as one line.
    private func unwrapped(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test(arguments: Language.allCases)
    func everyOptionTheParserTakesIsInHelp(language: Language) throws {
        let overview = CommandLineStrings.overview[language]
        for option in Option.common { #expect(overview.contains(option.synopsis(language))) }
        for command in Subcommand.allCases {
            #expect(overview.contains("  \(command.rawValue) "), "\(command)")
            let help = CommandLineStrings.help(command)[language]
            for option in command.options {
                #expect(help.contains(option.synopsis(language)), "\(command) \(option.name)")
                let optionHelp = CommandLineStrings.help(of: option, in: command)[language]
                #expect(unwrapped(help).contains(unwrapped(optionHelp)), "\(command) \(option.name)")
                // The parser takes it: a value where it wants one, alone where it is a flag.
                let arguments = option.takesValue ? [option.name, "1"] : [option.name]
                let parsed = try Arguments(arguments, command: command)
                #expect(parsed.flag(option.name) || parsed.all(option.name) == ["1"])
            }
        }
    }

    /// Options that exclude each other share a pair of brackets in usage, and an option that goes with one other
    /// only stands inside that one's brackets; the rest stand alone, in table order. `post` sums up the prompt
    /// options, as its usage follows every error.
    /// A flow added to `Dialogues/flows/` needs no word written in the executable: talk's help and the overview list
    /// every built-in flow, by id and title, from the flows themselves.
    @Test(arguments: Language.allCases)
    func helpListsEveryBuiltinFlowFromTheFlowsThemselves(language: Language) throws {
        let help = CommandLineStrings.help(.talk)[language]
        let overview = unwrapped(CommandLineStrings.overview[language])
        #expect(BuiltinFlows.all.count == 6)
        for file in BuiltinFlows.files {
            let flow = try FlowDecoder.decode(file.bytes)
            let title = flow.title[language]
            #expect(help.contains("  \(flow.id)  ") && help.contains(title), "\(flow.id)")
            #expect(overview.contains(title.prefix(1).lowercased() + title.dropFirst()), "\(flow.id)")
        }
    }

    @Test func usageGroupsTheOptionsThatExcludeEachOther() {
        #expect(
            CommandLineStrings.usage(.post).da == "samtale post [--url URL [--platform P] [--stdin | --session ID] "
                + "| --target NAVN | --all] [--config FIL] [prompt-tilvalg] [--force] [--dry-run] [--retries N] "
                + "[--retry-for S] [--timeout S] [--connect-timeout S]")
        #expect(CommandLineStrings.usage(.post).en.contains("[--config FILE] [prompt options] [--force]"))
        #expect(CommandLineStrings.usage(.serve).en == "samtale serve --stdio [--ephemeral] [--max-line BYTES]")
    }

    /// What goes only with `--url` says so, in help and in the fish script alike.
    @Test(arguments: ["--platform", "--stdin", "--session"])
    func anOptionThatGoesWithURLOnlySaysSo(name: String) throws {
        let option = try #require(Subcommand.post.options.first { $0.name == name })
        let help = CommandLineStrings.help(of: option, in: .post)
        #expect(help.da.hasSuffix(" (kun med --url eller SAMTALE_WEBHOOK_URL)"))
        #expect(help.en.hasSuffix(" (only with --url or SAMTALE_WEBHOOK_URL)"))
        #expect(Completions.script(for: .fish, language: .da).contains("-d '\(help.da)'"))
        // An option that goes with none keeps its help as declared.
        let force = try #require(Subcommand.post.options.first { $0.name == "--force" })
        #expect(CommandLineStrings.help(of: force, in: .post).da == force.help.da)
    }

    /// `sessions` names the options each action takes, the formats as the release before the table did.
    @Test func sessionsUsageNamesTheOptionsOfEachAction() {
        let usage =
            "samtale sessions list [--with NAVN] [--format text|json] | show ID | export ID [--format markdown|json] "
            + "[--output FIL] | series NAVN [--format markdown|json] | delete ID"
        #expect(CommandLineStrings.usage(.sessions).da == usage)
        #expect(
            CommandLineStrings.usage(.sessions).en
                == usage.replacing("NAVN", with: "NAME").replacing("FIL]", with: "FILE]"))
        // The parser and completion take every format some action takes, files for the output, a name for list.
        #expect(Subcommand.sessions.options.map(\.completions) == [["text", "json", "markdown"], [], []])
        #expect(Subcommand.sessions.options.map(\.takesPath) == [false, true, false])
    }

    /// `chat` has three actions, each with the options of its own: `serve` needs one of its front doors, `--stdio`
    /// or `--listen` (the latter with its cap), shown in parentheses as the one choice that is required; `prune` may
    /// have `--dry-run`, and all take `--config`; completion offers the actions and a file for `--config`.
    @Test func chatUsageNamesItsActionsAndTheirOptions() {
        #expect(
            CommandLineStrings.usage(.chat).da
                == "samtale chat serve (--stdio | --listen ADRESSE [--max-connections N]) | cgi | prune [--dry-run] "
                + "[--config FIL]")
        #expect(
            CommandLineStrings.usage(.chat).en
                == "samtale chat serve (--stdio | --listen ADDRESS [--max-connections N]) | cgi | prune [--dry-run] "
                + "[--config FILE]")
        #expect(Completions.operands(of: .chat) == ["serve", "cgi", "prune"])
        #expect(Subcommand.chat.options.map(\.takesPath) == [false, false, false, true, false])
    }

    @Test func aRepeatableOptionIsShownAsSuch() {
        #expect(
            CommandLineStrings.usage(.talk).da == "samtale talk [--flow F] [--deck K] [--role R]… [--theme T]… "
                + "[--participants NAVNE] [--with NAVN] [--leader NAVN] [--target-group ORD] [--minutes N] [--record] "
                + "[--resume ID]")
    }

    /// Every line of every help page, in both languages: none wider than the page; usage wrapped under its first
    /// option and the same as after an error; in each list, every help starts in one column, past the widest name,
    /// and its further lines under it.
    @Test(arguments: Language.allCases)
    func everyHelpPageKeepsItsColumns(language: Language) throws {
        let pages =
            Subcommand.allCases.map { (CommandLineStrings.help($0)[language], Optional($0)) }
            + [(CommandLineStrings.overview[language], nil)]
        for (page, command) in pages {
            let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for line in lines {
                #expect(line.count <= CommandLineStrings.pageWidth, "\(line)")
                #expect(line.last != " ", "\(line)")
            }
            if let command {
                let usage = lines.prefix { !$0.isEmpty }
                let label = language == .da ? "Brug: " : "Usage: "
                #expect(usage.first?.hasPrefix(label + "samtale \(command.rawValue)") == true)
                let indent = label.count + "samtale \(command.rawValue) ".count
                for line in usage.dropFirst() {
                    #expect(line.prefix { $0 == " " }.count == indent, "\(line)")
                }
                #expect(unwrapped(usage.joined(separator: " ")) == label + CommandLineStrings.usage(command)[language])
            }
            // A list: the lines after a heading (`Tilvalg:`, then a line indented by two), up to the next empty line.
            for index in lines.indices.dropLast() {
                guard lines[index].hasSuffix(":"), lines[index + 1].prefix(3).filter({ $0 == " " }).count == 2
                else { continue }
                let list = lines[(index + 1)...].prefix { !$0.isEmpty }
                var column: Int?
                var widestName = 0
                for line in list {
                    let indent = line.prefix { $0 == " " }.count
                    if indent == 2 {
                        // `  NAME  help`: the name ends at the first two spaces, the help starts after them.
                        let rest = line.dropFirst(2)
                        let name = try #require(rest.range(of: "  ").map { rest[..<$0.lowerBound] }, "\(line)")
                        let start = 2 + name.count + rest.dropFirst(name.count).prefix { $0 == " " }.count
                        widestName = max(widestName, 2 + name.count)
                        #expect(start == (column ?? start), "\(page.prefix(40)): \(line)")
                        column = column ?? start
                    } else {
                        #expect(indent == column, "\(line)")
                    }
                }
                if let column { #expect(column >= widestName + 2) }
            }
        }
    }

    @Test func anOptionNotInTheTableOrAFlagGivenAValueIsRefused() {
        #expect(throws: CommandError.self) { try Arguments(["--minutes", "5"], command: .prompt) }
        #expect(throws: CommandError.self) { try Arguments(["--record=ja"], command: .talk) }
        #expect(throws: CommandError.self) { try Arguments(["--deck"], command: .prompt) }
    }

    @Test func aNumberOutsideItsDeclaredRangeIsNamedWithTheRange() throws {
        let parsed = try Arguments(["--minutes", "241"], command: .talk)
        do {
            _ = try parsed.integer("--minutes")
            Issue.record("241 minutes were taken")
        } catch {
            #expect(error.message.da == "--minutes skal være et helt tal fra 1 til 240, ikke »241«")
        }
        #expect(try Arguments(["--minutes", "240"], command: .talk).integer("--minutes") == 240)
    }

    @Test(arguments: Shell.allCases)
    func everyCommandOptionAndChoiceIsInEachCompletionScript(shell: Shell) {
        let script = Completions.script(for: shell, language: .da)
        // fish names long options without their dashes (`-l deck`).
        func mentions(_ option: String) -> Bool {
            shell == .fish ? script.contains("-l \(option.dropFirst(2))") : script.contains(option)
        }
        for command in Subcommand.allCases {
            #expect(script.contains(command.rawValue))
            for option in command.options + Option.common {
                #expect(mentions(option.name), "\(shell) \(command) \(option.name)")
                for word in option.completions { #expect(script.contains(word), "\(shell) \(option.name) \(word)") }
            }
            for word in Completions.operands(of: command) { #expect(script.contains(word)) }
        }
        for deck in ["hjoerring-dialogkort", "kolding-sammen-om-ledelse"] { #expect(script.contains(deck)) }
        for flow in ["one-to-one", "seesaw"] { #expect(script.contains(flow)) }
        for format in ["text", "json", "markdown"] { #expect(script.contains(format)) }
    }

    /// Each script is read by its shell without a syntax error, where that shell is installed.
    @Test(arguments: Shell.allCases)
    func eachScriptIsAcceptedByItsShell(shell: Shell) throws {
        let path = ["/bin", "/usr/bin", "/usr/local/bin"].map { "\($0)/\(shell.rawValue)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else {
            print("skipped: \(shell.rawValue) is not installed, so its script is checked only for its content")
            return
        }
        let result = try Samtale.run(["completions", shell.rawValue])
        #expect(result.status == 0 && result.stderr.isEmpty)
        let file = try Samtale.temporaryFolder().appendingPathComponent("samtale.\(shell.rawValue)")
        try result.stdout.write(to: file, atomically: true, encoding: .utf8)
        let arguments = shell == .fish ? ["--no-execute", file.path] : ["-n", file.path]
        let check = try Samtale.run(arguments, executable: URL(fileURLWithPath: path))
        #expect(check.status == 0, "\(check.stderr)")
    }

    /// Sourced in bash, the script completes commands, options, choices and built-in decks.
    @Test func bashCompletesFromTheTable() throws {
        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else {
            print("skipped: bash is not installed")
            return
        }
        let script = try Samtale.temporaryFolder().appendingPathComponent("samtale.bash")
        try Completions.script(for: .bash, language: .da).write(to: script, atomically: true, encoding: .utf8)
        func complete(_ words: [String]) throws -> [String] {
            let quoted = words.map { "'\($0)'" }.joined(separator: " ")
            let program = """
                source '\(script.path)'
                COMP_WORDS=(samtale \(quoted)); COMP_CWORD=\(words.count)
                _samtale; printf '%s\\n' "${COMPREPLY[@]}"
                """
            return try Samtale.run(["-c", program], executable: URL(fileURLWithPath: "/bin/bash")).stdout
                .split(separator: "\n").map(String.init)
        }
        #expect(try complete(["com"]) == ["completions"])
        #expect(try complete(["prompt", "--sk"]) == ["--skip-weekends"])
        #expect(try complete(["prompt", "--format", ""]) == ["text", "json", "markdown"])
        #expect(try complete(["talk", "--deck", "sk"]) == ["skanderborg-ledelsesgrundlag"])
        #expect(try complete(["--lang", "en", "list", ""]) == ["decks", "roles", "themes"])
        #expect(try complete(["post", "--platform", "sl"]) == ["slack"])
        // A free value (a role) gets nothing; a path gets the files of the folder.
        #expect(try complete(["prompt", "--role", ""]).isEmpty)
        #expect(try complete(["validate", "--config", "/et"]) == ["/etc"])
    }

    @Test func helpListsCompletions() throws {
        let help = try Samtale.run(["help"])
        #expect(help.status == 0 && help.stdout.contains("  completions  "))
        let usage = try Samtale.run(["completions", "tcsh"])
        #expect(usage.status == 64)
        #expect(
            usage.stderr.hasPrefix(
                "samtale: completions: »tcsh« er ikke en af: bash, zsh, fish\nBrug: samtale completions"))
    }
}
