import Foundation
import Testing

/// The README as a newcomer uses it: every `samtale …` line of its shell examples runs as written, in a home of its
/// own, with what the README tells the reader to prepare (its targets file, a copied deck with a new id, the webhook
/// variables, pointed at a local server) and ids of real sessions where it writes `ID`.
@Suite(.serialized) struct ReadmeTests {
    /// Lines that cannot run here, each with its reason.
    static let cannotRun = [
        "samtale": "at a terminal it opens the menu (TerminalTests.noArgumentsOnATerminalOpensTheMenu runs it in a "
            + "pseudo-terminal); without one it prints the overview and exits 64 by design",
        "samtale chat serve --listen 127.0.0.1:8080 --config chat.json":
            "a server, which runs until it is stopped (ChatListenTests runs it on a port the system picks and on a "
            + "Unix socket)",
    ]

    static let readme = Samtale.root.appendingPathComponent("README.md")

    /// The lines of the README's `sh` code blocks, continuation lines joined and comments cut off. An `export` line
    /// is what the reader does before the lines after it in its block, so it comes first in each of them.
    static func shellLines() throws -> [String] {
        var lines: [String] = []
        var inShell = false
        var pending = ""
        var exports: [String] = []
        for raw in try String(contentsOf: readme, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            let line = String(raw)
            if line.hasPrefix("```") {
                inShell = !inShell && line == "```sh"
                exports = []
                continue
            }
            guard inShell else { continue }
            if line.hasSuffix("\\") {
                pending += line.dropLast() + " "
                continue
            }
            let whole = withoutComment((pending + line).trimmingCharacters(in: .whitespaces))
            pending = ""
            if whole.isEmpty || whole.hasPrefix("#") { continue }
            if whole.hasPrefix("export ") {
                exports.append(whole)
            } else {
                lines.append((exports + [whole]).joined(separator: "; "))
            }
        }
        return lines
    }

    /// A shell line without its trailing `# comment` (a `#` outside quotes, after white space).
    static func withoutComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (offset, character) in line.enumerated() {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "#" && previous.isWhitespace {
                return String(line.prefix(offset)).trimmingCharacters(in: .whitespaces)
            }
            previous = character
        }
        return line
    }

    /// Whether a line runs samtale: it starts with it (after exports and variable assignments) or pipes into it.
    static func runsSamtale(_ line: String) -> Bool {
        let command = line.components(separatedBy: "; ").last ?? line
        let words = command.split(separator: " ").drop { $0.contains("=") && !$0.hasPrefix("-") }
        return words.first == "samtale" || command.contains("| samtale ")
    }

    /// The README's example of a targets file: its one JSON block with `"targets"`.
    static func targetsExample() throws -> String {
        try jsonExample(containing: "\"targets\"")
    }

    /// The README's one JSON block with `member`.
    static func jsonExample(containing member: String) throws -> String {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let blocks = text.components(separatedBy: "```json\n").dropFirst().map {
            $0.components(separatedBy: "\n```")[0]
        }
        return try #require(blocks.first { $0.contains(member) }, "the README shows a file with \(member)")
    }

    @Test func everySamtaleLineOfTheReadmeRunsAsWritten() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let lines = try Self.shellLines()
        let commands = lines.filter(Self.runsSamtale)
        #expect(commands.count >= 40, "the README's examples were not found: \(commands)")
        for line in lines where line.hasPrefix("printf ") {
            #expect(try sandbox.run(line).status == 0, "\(line)")
        }
        for line in commands {
            if let reason = Self.cannotRun[line] {
                #expect(!reason.isEmpty)
                continue
            }
            let command = try sandbox.substitutingPlaceholders(in: line)
            let result = try sandbox.run(command)
            #expect(result.status == 0, "\(command)\nexit \(result.status)\n\(result.stderr)")
        }
        for line in Self.cannotRun.keys {
            #expect(commands.contains(line), "no longer in the README, so no longer an exception: \(line)")
        }
        #expect(try sandbox.server.requests().count >= 3, "the post examples reached the local webhook")
    }

    /// The crontab line of `Adapters/Webhook/Scheduling`, as cron runs it: `/bin/sh`, a bare home, nothing prepared
    /// but what the README says (the binary in ~/.local/bin, targets.json and webhooks.env).
    @Test func theCronLineRunsInABareHome() throws {
        let sandbox = try Sandbox(prepareState: false)
        defer { sandbox.remove() }
        let cron = try String(
            contentsOf: Samtale.root.appendingPathComponent("Adapters/Webhook/Scheduling/samtale-post.cron"),
            encoding: .utf8)
        let entry = try #require(cron.split(separator: "\n").first { $0.first?.isNumber == true }, "\(cron)")
        // The five time fields, then the command.
        let command = entry.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)[5]
        let bin = sandbox.home.appendingPathComponent(".local/bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        for program in ["samtale", "samtale-http"] {
            try FileManager.default.createSymbolicLink(
                at: bin.appendingPathComponent(program),
                withDestinationURL: Samtale.binary.deletingLastPathComponent()
                    .appendingPathComponent(program))
        }
        let variables = sandbox.hookVariables.keys.sorted().map { "\($0)=\(sandbox.hookVariables[$0]!)\n" }.joined()
        try variables.write(
            to: sandbox.home.appendingPathComponent(".config/samtale/webhooks.env"), atomically: true,
            encoding: .utf8)
        let result = try sandbox.run(String(command), withHookVariables: false)
        #expect(result.status == 0, "\(command)\n\(result.stderr)")
        let log = try String(
            contentsOf: sandbox.home.appendingPathComponent(".local/state/samtale/post.log"), encoding: .utf8)
        #expect(log.contains("sendt"), "\(log)")
        #expect(try sandbox.server.requests().count >= 1)
    }
}

// MARK: - The sandbox

/// A home and a working folder for the README's commands, a local webhook for its posts, and the environment.
private final class Sandbox {
    let root: URL
    let home: URL
    let work: URL
    let server: WebhookServer
    /// Every webhook variable the README names, pointed at the local server.
    let hookVariables: [String: String]
    /// A fixed Thursday morning, neither weekend nor holiday.
    static let now = "2026-11-26T09:00:00+01:00"

    init(prepareState: Bool = true) throws {
        root = try Samtale.temporaryFolder()
        home = root.appendingPathComponent("home")
        work = root.appendingPathComponent("work")
        let server = try WebhookServer(["/hooks/readme": [["status": 200, "body": "ok"]]])
        self.server = server
        let hook = server.url("/hooks/readme")
        let readme = try String(contentsOf: ReadmeTests.readme, encoding: .utf8)
        var names = Set(
            readme.matches(of: #/\$\{?([A-Z][A-Z0-9_]*(?:HOOK|WEBHOOK)[A-Z0-9_]*)/#).map { String($0.output.1) })
        names.formUnion(readme.matches(of: #/"urlVariable": "([A-Z0-9_]+)"/#).map { String($0.output.1) })
        hookVariables = Dictionary(uniqueKeysWithValues: names.map { ($0, hook) })
        let manager = FileManager.default
        let config = home.appendingPathComponent(".config/samtale")
        try manager.createDirectory(at: config, withIntermediateDirectories: true)
        try manager.createDirectory(at: work, withIntermediateDirectories: true)
        // The README's targets file, where samtale looks and beside the commands (`validate --config targets.json`).
        let targets = try ReadmeTests.targetsExample()
        try targets.write(to: config.appendingPathComponent("targets.json"), atomically: true, encoding: .utf8)
        // The file the README keeps its webhook URL in, readable only by its owner.
        let url = config.appendingPathComponent("webhook.url")
        try hook.write(to: url, atomically: true, encoding: .utf8)
        try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        guard prepareState else { return }
        try targets.write(to: work.appendingPathComponent("targets.json"), atomically: true, encoding: .utf8)
        try ReadmeTests.jsonExample(containing: "\"endpoints\"")
            .write(to: work.appendingPathComponent("chat.json"), atomically: true, encoding: .utf8)
        // "Your own deck": a copy of Kolding's deck with its id edited, and a deck file and folder to validate.
        let kolding = try String(
            contentsOf: Samtale.root.appendingPathComponent("Dialogues/kolding-sammen-om-ledelse.json"),
            encoding: .utf8)
        let own = home.appendingPathComponent("samtale-kort")
        try manager.createDirectory(at: own, withIntermediateDirectories: true)
        try kolding.replacingOccurrences(of: #""id": "kolding-sammen-om-ledelse""#, with: #""id": "vores-kort""#)
            .write(to: own.appendingPathComponent("vores-kort.json"), atomically: true, encoding: .utf8)
        let fixture = Samtale.fixtures.appendingPathComponent("valid/test-kort.json")
        try manager.createDirectory(at: work.appendingPathComponent("my-decks"), withIntermediateDirectories: true)
        try manager.copyItem(at: fixture, to: work.appendingPathComponent("my-decks/test-kort.json"))
        try manager.copyItem(at: fixture, to: work.appendingPathComponent("my-deck.json"))
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    var environment: [String: String] {
        let path =
            Samtale.binary.deletingLastPathComponent().path + ":"
            + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return [
            "HOME": home.path, "PATH": path, "SAMTALE_NOW": Self.now, "XDG_CONFIG_HOME": home.path + "/.config",
            "XDG_STATE_HOME": home.path + "/.local/state", "SAMTALE_STATE_DIR": home.path + "/.local/state/samtale",
        ]
    }

    /// Runs a line in /bin/sh in the working folder, standard input empty.
    func run(_ line: String, withHookVariables: Bool = true) throws -> Samtale.Result {
        let variables = withHookVariables ? hookVariables : [:]
        return try Samtale.run(
            ["-c", line], in: work, environment: environment.merging(variables) { _, new in new },
            executable: URL(fileURLWithPath: "/bin/sh"))
    }

    /// The line with `ID` (and an abbreviated id such as `01j9…`) replaced by a session that exists, made for it, and
    /// every whole session id it names made with that id.
    func substitutingPlaceholders(in line: String) throws -> String {
        for match in line.matches(of: #/\b[0-9a-z]{26}\b/#) {
            try startSession(String(match.output))
        }
        guard line.contains(#/\bID\b|\b[0-9a-z]+…/#) else { return line }
        let id = try newSession()
        return line.replacing(#/\bID\b|\b[0-9a-z]+…/#, with: id)
    }

    /// A one-to-one paused after its first answer, as `talk` leaves it; its id.
    private func newSession() throws -> String {
        let result = try run(
            #"echo "Et svar" | samtale talk --flow one-to-one --role medarbejder --theme "sammen sikrer""#)
        let match = try #require(
            result.stdout.firstMatch(of: #/--resume ([0-9a-z]{26})/#), "\(result.stdout)\(result.stderr)")
        return String(match.output.1)
    }

    /// A session with a given id, started over the protocol (which takes the id from its client).
    private func startSession(_ id: String) throws {
        let start =
            #"{"type":"start","flow":"one-to-one","role":"medarbejder","theme":"sammen sikrer","session":"\#(id)"}"#
        let result = try run("echo '\(start)' | samtale serve --stdio")
        #expect(result.status == 0, "\(result.stdout)")
    }
}
