import Foundation
import SamtaleCore
import SamtaleDecks
import TestSupport
import Testing

/// The day's question answered in chat through the built binary (`chat serve --stdio`, one exchange a process): a
/// Zulip stream and a Slack slash command, with the day fixed by SAMTALE_NOW.
@Suite struct ChatReflectionTests {
    static let zulipToken = "xvOzfurIutdRRVLzpXrIIHXJvNfaJLJ0"
    static let slackSecret = "8f742231b10e8888abcd99yyyzzz85a5"
    /// Friday 27 November 2026, half past nine in Denmark.
    static let now = "2026-11-27T09:30:00+01:00"

    struct Server {
        let folder: URL
        var environment: [String: String] {
            [
                "SAMTALE_STATE_DIR": folder.appendingPathComponent("state").path,
                "SAMTALE_NOW": ChatReflectionTests.now,
                "SAMTALE_ZULIP_TOKEN": ChatReflectionTests.zulipToken,
                "SAMTALE_SLACK_SECRET": ChatReflectionTests.slackSecret,
            ]
        }

        init() throws {
            folder = try Samtale.temporaryFolder()
            let configuration = """
                {"endpoints": [
                  {"path": "/zulip", "platform": "zulip", "secretEnv": "SAMTALE_ZULIP_TOKEN",
                   "reflection": {"deck": "skanderborg", "skipWeekends": true, "holidays": "dk"}},
                  {"path": "/slack", "platform": "slack", "secretEnv": "SAMTALE_SLACK_SECRET",
                   "reflection": {"deck": "skanderborg", "skipWeekends": true, "holidays": "dk"}}
                ]}
                """
            try Data(configuration.utf8).write(to: folder.appendingPathComponent("chat.json"))
        }

        /// The request `samtale chat serve --stdio` reads, in a file of its own named `name`.
        func request(_ path: String, _ body: String, headers: [String], name: String = "request") throws -> URL {
            let head =
                (["POST \(path) HTTP/1.1", "Host: samtale.example"] + headers + ["Content-Length: \(body.utf8.count)"])
                .joined(separator: "\r\n")
            let input = folder.appendingPathComponent(name + ".http")
            try Data((head + "\r\n\r\n" + body).utf8).write(to: input)
            return input
        }

        var arguments: [String] {
            ["chat", "serve", "--stdio", "--config", folder.appendingPathComponent("chat.json").path]
        }

        /// Sends the request and gives the status line and the reply's text under `key`.
        func post(_ path: String, _ body: String, headers: [String], key: String) throws -> (String, String) {
            let input = try request(path, body, headers: headers)
            let result = try Samtale.run(arguments, in: folder, environment: environment, standardInput: input)
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty)
            let parts = result.stdout.components(separatedBy: "\r\n\r\n")
            let status = parts[0].components(separatedBy: "\r\n")[0]
            let object = try JSONSerialization.jsonObject(with: Data(parts.dropFirst().joined().utf8))
            return (status, try #require((object as? [String: Any])?[key] as? String))
        }

        /// What Zulip sends for a message in stream 5 that mentions the bot.
        func zulipBody(_ text: String, id: Int, sender: Int, name: String) -> String {
            JSONWriter.string(
                .object([
                    JSONMember("bot_full_name", .string("Samtale")),
                    JSONMember("data", .string("@**Samtale** " + text)),
                    JSONMember(
                        "message",
                        .object([
                            JSONMember("id", .integer(id)), JSONMember("sender_id", .integer(sender)),
                            JSONMember("sender_full_name", .string(name)), JSONMember("type", .string("stream")),
                            JSONMember("stream_id", .integer(5)), JSONMember("subject", .string("Dagens spørgsmål")),
                            JSONMember("timestamp", .integer(1_795_768_200)),
                        ])),
                    JSONMember("token", .string(ChatReflectionTests.zulipToken)),
                    JSONMember("trigger", .string("mention")),
                ]))
        }

        func zulip(_ text: String, id: Int, sender: Int, name: String) throws -> String {
            let (status, content) = try post(
                "/zulip", zulipBody(text, id: id, sender: sender, name: name),
                headers: ["Content-Type: application/json"], key: "content")
            #expect(status == "HTTP/1.1 200 OK")
            return content
        }

        /// What Slack sends for `/samtale TEXT`, signed with the signing secret at SAMTALE_NOW.
        func slack(_ text: String, trigger: String) throws -> (String, String) {
            let encoded = try #require(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let body =
                "token=x&team_id=T1DC2JH3J&channel_id=C2147483705&user_id=U2147483697&user_name=Steve&"
                + "command=%2Fsamtale&text=\(encoded)&trigger_id=\(trigger)"
            let timestamp = "1795768200"
            let code = HMACSHA256.authenticationCode(
                for: Array("v0:\(timestamp):\(body)".utf8), key: Array(ChatReflectionTests.slackSecret.utf8))
            let signature = "v0=" + code.map { String(format: "%02x", $0) }.joined()
            return try post(
                "/slack", body,
                headers: [
                    "Content-Type: application/x-www-form-urlencoded", "X-Slack-Request-Timestamp: \(timestamp)",
                    "X-Slack-Signature: \(signature)",
                ], key: "text")
        }
    }

    /// The day's question as the chat shows it, picked as `samtale prompt` picks it for the same options.
    static func question() throws -> String {
        let catalog = try Catalog.load(builtin: BuiltinDecks.all, files: [])
        let options = PromptOptions(
            deck: "skanderborg", date: CivilDate(iso: "2026-11-27"),
            dayCounting: DayCounting(skipsWeekends: true, skipsDanishHolidays: true))
        guard case .prompt(let prompt) = try catalog.prompt(for: options, today: Rotation.anchor) else {
            throw CocoaError(.coderInvalidValue)
        }
        return prompt.body(language: .da)
    }

    @Test func twoPeopleAnswerInAZulipStreamAndTheSummaryListsBoth() throws {
        let server = try Server()
        let first = try server.zulip("Jeg spørger borgeren først", id: 1, sender: 5, name: "Iago")
        #expect(first.hasPrefix("Tak for dit svar. Det er gemt og kommer med i opsummeringen af dagens svar.\n\n"))
        #expect(first.hasSuffix("\n\nBemærk: Alle i kanalen kan se svarene her og opsummeringen."))
        let second = try server.zulip("Vi tager det op på tavlemødet", id: 2, sender: 6, name: "Othello")
        #expect(second.hasPrefix("Tak for dit svar."))
        let summary = try server.zulip("opsummering", id: 3, sender: 5, name: "Iago")
        #expect(
            summary
                == "Dagens spørgsmål har fået 2 svar:\n\(try Self.question())\n\n"
                + "Iago:\n\\> Jeg spørger borgeren først\n\nOthello:\n\\> Vi tager det op på tavlemødet")
        // Answers are no sessions: nothing is listed.
        let sessions = try Samtale.run(["sessions", "list"], in: server.folder, environment: server.environment)
        #expect(!sessions.stdout.contains("Iago"))
        let reflections = server.folder.appendingPathComponent("state/sessions/reflections")
        let files = try FileManager.default.contentsOfDirectory(atPath: reflections.path).filter {
            $0.hasSuffix(".2026-11-27.json")
        }
        #expect(files.count == 1)
        let mode =
            try FileManager.default.attributesOfItem(atPath: reflections.appendingPathComponent(files[0]).path)[
                .posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// Two servers, each answering its own people, at the same time: every answer a person was thanked for is in
    /// the summary.
    @Test func serversAnsweringAtOnceLoseNoAnswer() throws {
        let server = try Server()
        let people = 12
        let running = try (0..<people).map { person in
            let input = try server.request(
                "/zulip",
                server.zulipBody("Svar nummer \(person)", id: 100 + person, sender: 100 + person, name: "P\(person)"),
                headers: ["Content-Type: application/json"], name: "request-\(person)")
            return try Samtale.start(
                server.arguments, in: server.folder, environment: server.environment, standardInput: input)
        }
        for process in running {
            let result = try process.wait()
            #expect(result.stdout.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(result.stdout)\(result.stderr)")
        }
        let summary = try server.zulip("opsummering", id: 1, sender: 5, name: "Iago")
        #expect(summary.hasPrefix("Dagens spørgsmål har fået \(people) svar:\n"))
        for person in 0..<people { #expect(summary.contains("P\(person):\n\\> Svar nummer \(person)")) }
    }

    @Test func aSlackSlashCommandAnswersAndOnlyThePersonSeesTheReply() throws {
        let server = try Server()
        let (status, question) = try server.slack("svar", trigger: "1.1.a")
        #expect(status == "HTTP/1.1 200 OK")
        #expect(
            question
                == "Dagens spørgsmål:\n\(try Self.question())\n\nSkriv »/samtale svar« efterfulgt af dit svar. "
                + "Skriv »/samtale opsummering«, hvis du vil se alle dagens svar samlet.\n\n"
                + "Bemærk: Alle, der kan bruge chatbotten, kan se opsummeringen og dermed dit svar.")
        let (_, thanks) = try server.slack("svar Jeg lytter mere end jeg taler", trigger: "1.1.b")
        #expect(thanks.hasPrefix("Tak for dit svar."))
        #expect(
            thanks.hasSuffix("\n\nBemærk: Alle, der kan bruge chatbotten, kan se opsummeringen og dermed dit svar."))
        let (_, summary) = try server.slack("opsummering", trigger: "1.1.c")
        #expect(summary.hasSuffix("\n\nSteve:\n&gt; Jeg lytter mere end jeg taler"))
    }
}
