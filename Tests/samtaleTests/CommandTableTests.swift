import Foundation
import SamtaleCore
import Testing
@testable import samtale

/// The table of commands and options: what the parser takes is what help shows and what completion offers.
@Suite struct CommandTableTests {
    @Test(arguments: Language.allCases)
    func everyOptionTheParserTakesIsInHelp(language: Language) throws {
        let overview = CommandLineStrings.overview[language]
        for option in Option.common { #expect(overview.contains(option.synopsis(language))) }
        for command in Subcommand.allCases {
            #expect(overview.contains("  \(command.rawValue) "), "\(command)")
            let help = CommandLineStrings.help(command)[language]
            for option in command.options {
                #expect(help.contains(option.synopsis(language)), "\(command) \(option.name)")
                #expect(help.contains(option.help[language].split(separator: "\n").first ?? ""))
                // The parser takes it: a value where it wants one, alone where it is a flag.
                let arguments = option.takesValue ? [option.name, "1"] : [option.name]
                let parsed = try Arguments(arguments, command: command)
                #expect(parsed.flag(option.name) || parsed.all(option.name) == ["1"])
            }
        }
    }

    /// Options that exclude each other share a pair of brackets in usage; the rest stand alone, in table order.
    @Test func usageGroupsTheOptionsThatExcludeEachOther() {
        let usage = CommandLineStrings.usage(.post).da
        #expect(usage.hasPrefix("samtale post [--url URL | --target NAVN | --all] [--platform P] [--config FIL] "
            + "[--stdin | --session ID] [--deck K]"))
        #expect(CommandLineStrings.usage(.serve).en == "samtale serve --stdio [--ephemeral] [--max-line BYTES]")
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
        #expect(usage.stderr.hasPrefix(
            "samtale: completions: »tcsh« er ikke en af: bash, zsh, fish\nbrug: samtale completions"))
    }
}
