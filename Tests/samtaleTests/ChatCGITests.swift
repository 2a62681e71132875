import Foundation
import SamtaleCore
import TestSupport
import Testing

/// `samtale chat cgi` through the built binary, as Apache or lighttpd runs it: the request's head in the environment
/// (RFC 3875), its body on standard input, the response with a `Status` header on standard output.
@Suite struct ChatCGITests {
    static let slackSecret = "8f742231b10e8888abcd99yyyzzz85a5"
    /// The moment every request is made at, so that Slack's signed timestamp is fresh.
    static let now = "2026-11-30T10:00:00+01:00"
    static let nowSeconds = 1_796_029_200

    /// A folder with `chat.json` and the sessions, and the environment the web server would start samtale with.
    struct Server {
        let folder: URL
        var environment: [String: String] {
            [
                "SAMTALE_STATE_DIR": folder.appendingPathComponent("state").path, "SAMTALE_NOW": ChatCGITests.now,
                "SAMTALE_ZULIP_TOKEN": ChatServeTests.zulipToken, "SAMTALE_SLACK_SECRET": ChatCGITests.slackSecret,
            ]
        }
        var sessionsFolder: URL { folder.appendingPathComponent("state/sessions") }

        init() throws {
            folder = try Samtale.temporaryFolder()
            let configuration = """
                {"endpoints": [
                  {"path": "/zulip", "platform": "zulip", "secretEnv": "SAMTALE_ZULIP_TOKEN", "flow": "one-to-one"},
                  {"path": "/slack", "platform": "slack", "secretEnv": "SAMTALE_SLACK_SECRET", "flow": "one-to-one"}
                ]}
                """
            try Data(configuration.utf8).write(to: folder.appendingPathComponent("chat.json"))
        }

        /// Runs `chat cgi` with the CGI variables and the body on standard input; the result as it came.
        func run(_ variables: [String: String], body: [UInt8], language: [String] = []) throws -> Samtale.Result {
            let input = folder.appendingPathComponent("body")
            try Data(body).write(to: input)
            return try Samtale.run(
                ["chat", "cgi", "--config", folder.appendingPathComponent("chat.json").path] + language,
                in: folder, environment: environment.merging(variables) { _, new in new }, standardInput: input)
        }

        /// A POST to `path` as Apache hands it on (`ScriptAlias /samtale …`); the Status header and the body.
        func post(
            _ path: String, _ body: String, type: String = "application/json", headers: [String: String] = [:],
            length: String? = nil
        ) throws -> (status: String, body: String) {
            let variables = [
                "GATEWAY_INTERFACE": "CGI/1.1", "SERVER_PROTOCOL": "HTTP/1.1", "REQUEST_METHOD": "POST",
                "SCRIPT_NAME": "/samtale", "PATH_INFO": path, "QUERY_STRING": "", "CONTENT_TYPE": type,
                "CONTENT_LENGTH": length ?? String(body.utf8.count), "HTTP_HOST": "chat.example",
            ].merging(headers) { _, new in new }
            let result = try run(variables, body: Array(body.utf8))
            #expect(result.status == 0)
            let parts = result.stdout.components(separatedBy: "\r\n\r\n")
            return (parts[0].components(separatedBy: "\r\n")[0], parts.dropFirst().joined(separator: "\r\n\r\n"))
        }

        /// What Zulip sends for a direct message to the bot, the token in the body.
        func zulip(_ text: String, id: Int, token: String = ChatServeTests.zulipToken) throws -> (
            status: String, body: String
        ) {
            let body = ChatServeTests.zulipBody(text, id: id, token: token, timestamp: ChatCGITests.nowSeconds)
            return try post("/zulip", body)
        }

        /// The text of a 200 reply's JSON member `key`.
        func text(_ response: (status: String, body: String), _ key: String) throws -> String {
            #expect(response.status == "Status: 200 OK")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any])
            return try #require(object[key] as? String)
        }

        func samtale(_ arguments: [String], at time: String = ChatCGITests.now) throws -> Samtale.Result {
            try Samtale.run(arguments, in: folder, environment: environment.merging(["SAMTALE_NOW": time]) { $1 })
        }

        func savedFiles() throws -> [String] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: sessionsFolder.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted()
        }
    }

    /// The same messages get the same replies as through `chat serve --stdio`: one handler behind both front doors.
    @Test func aZulipConversationGoesAsThroughChatServeToTheSummary() throws {
        let server = try Server()
        let stdio = try ChatServeTests.Server()
        let messages = [
            (1, "hej"), (2, "Jeg holder fast i borgerens behov"), (2, "Jeg holder fast i borgerens behov"),
            (3, "spring"), (4, "tilbage"), (5, "slut"),
        ]
        var replies: [String] = []
        for (id, text) in messages {
            replies.append(try server.text(server.zulip(text, id: id), "content"))
            #expect(replies.last == (try stdio.text(stdio.zulip(text, id: id), "content")), "\(text)")
        }
        #expect(replies[0].hasPrefix("Velkommen til jeres samtale"))
        #expect(
            replies[2] == "Spørgsmål 2 af 4\nHvordan kan du inddrage andre for at sikre kvalitet i opgaveløsningen?")
        #expect(replies[5].hasPrefix("Vil du afslutte samtalen nu?"))
        let list = try server.samtale(["sessions", "list"]).stdout
        #expect(list.split(separator: "\n").first?.hasSuffix("Spørgsmål  Chat") == true, "\(list)")
        #expect(list.split(separator: "\n").last?.hasSuffix("i gang  2/4        Zulip") == true, "\(list)")
        let summary = try server.text(server.zulip("ja", id: 6), "content")
        #expect(summary.contains("Jeg holder fast i borgerens behov"))
        #expect(summary.hasSuffix("Samtalen er slut."))
    }

    @Test func aSlackSlashCommandIsVerifiedByItsSignatureAndAnsweredPrivately() throws {
        let server = try Server()
        func slack(
            _ text: String, trigger: String, timestamp: Int = ChatCGITests.nowSeconds,
            secret: String = ChatCGITests.slackSecret
        )
            throws -> (status: String, body: String)
        {
            let body =
                "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&channel_id=C2147483705"
                + "&channel_name=test&user_id=U2147483697&user_name=Steve&command=%2Fsamtale"
                + "&text=\(text.replacingOccurrences(of: " ", with: "+"))&trigger_id=\(trigger)"
            let code = HMACSHA256.authenticationCode(
                for: Array("v0:\(timestamp):\(body)".utf8), key: Array(secret.utf8))
            let signature = "v0=" + code.map { String(format: "%02x", $0) }.joined()
            return try server.post(
                "/slack", body, type: "application/x-www-form-urlencoded",
                headers: [
                    "HTTP_X_SLACK_SIGNATURE": signature, "HTTP_X_SLACK_REQUEST_TIMESTAMP": String(timestamp),
                ])
        }
        let opening = try slack("hej", trigger: "13345224609.738474920.8088930838d88f008e0")
        #expect(try server.text(opening, "response_type") == "ephemeral")
        #expect(try server.text(opening, "text").contains("Spørgsmål 1 af 4"))
        let next = try slack("Vi holder fast i borgerens behov", trigger: "13345224609.738474920.2")
        #expect(try server.text(next, "text").hasPrefix("Spørgsmål 2 af 4"))
        #expect(try slack("spring", trigger: "3", secret: "forkert").status == "Status: 401 Unauthorized")
        #expect(
            try slack("spring", trigger: "4", timestamp: Self.nowSeconds - 600).status == "Status: 401 Unauthorized")
        #expect(try server.samtale(["sessions", "list"]).stdout.contains("1/4        Slack"))
    }

    @Test func aRequestThatFailsVerificationIsAnswered401AndSavesNothing() throws {
        let server = try Server()
        let refused = try server.zulip("hej", id: 1, token: "forkert")
        #expect(refused == ("Status: 401 Unauthorized", "401 Unauthorized\n"))
        #expect(try server.savedFiles().isEmpty)
        #expect(try server.post("/ukendt", "{}") == ("Status: 404 Not Found", "404 Not Found\n"))
    }

    @Test func theBodysLengthIsCheckedBeforeAnythingIsRead() throws {
        let server = try Server()
        let large = String(repeating: "x", count: 70_000)
        #expect(try server.post("/zulip", large).status == "Status: 413 Content Too Large")
        #expect(try server.post("/zulip", "{}", length: "2x").status == "Status: 400 Bad Request")
        // A body that ends before its length was all sent.
        #expect(try server.post("/zulip", "{}", length: "20").status == "Status: 400 Bad Request")
        #expect(
            try server.post("/zulip", "{}", headers: ["HTTP_TRANSFER_ENCODING": "chunked"]).status
                == "Status: 501 Not Implemented")
        #expect(try server.savedFiles().isEmpty)
    }

    /// A `chat.json` that cannot be read is answered 500 all the same, so that the web server logs a status; the
    /// reason goes to stderr with its exit code.
    @Test func aBrokenConfigurationIsAnswered500AndToldOnStandardError() throws {
        let server = try Server()
        try Data("garbage".utf8).write(to: server.folder.appendingPathComponent("chat.json"))
        let body = Array("{}".utf8)
        let result = try server.run(
            ["REQUEST_METHOD": "POST", "PATH_INFO": "/zulip", "CONTENT_LENGTH": "2"], body: body,
            language: ["--lang", "en"])
        #expect(result.status == 65)
        #expect(result.stdout.hasPrefix("Status: 500 Internal Server Error\r\n"))
        #expect(result.stdout.hasSuffix("\r\n\r\n500 Internal Server Error\n"))
        #expect(result.stderr.contains("chat.json"))
    }

    @Test func aHeadRequestGetsTheHeadOfTheAnswerOnly() throws {
        let server = try Server()
        let result = try server.run(["REQUEST_METHOD": "HEAD", "PATH_INFO": "/zulip"], body: [])
        #expect(
            result.stdout
                == "Status: 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 7\r\n"
                + "Cache-Control: no-store\r\n\r\n")
    }

    @Test func runByHandItSaysThatAWebServerStartsIt() throws {
        let server = try Server()
        let danish = try server.run([:], body: [])
        #expect(danish.status == 64)
        #expect(danish.stdout.isEmpty)
        #expect(
            danish.stderr.hasPrefix(
                "samtale: REQUEST_METHOD er ikke sat: chat cgi skal startes af en webserver (fx Apache eller lighttpd)")
        )
        let english = try server.run([:], body: [], language: ["--lang", "en"])
        #expect(english.status == 64)
        #expect(
            english.stderr.hasPrefix(
                "samtale: REQUEST_METHOD is not set: chat cgi must be started by a web server (such as Apache or lighttpd)"
            ))
    }

    @Test func deletingAConversationFromChatTakesTheRepliesOfItsThreadWithIt() throws {
        let server = try Server()
        _ = try server.zulip("hej", id: 1)
        _ = try server.zulip("Jeg holder fast i borgerens behov", id: 2)
        let files = try server.savedFiles()
        #expect(files.count == 2 && files.contains { $0.hasSuffix(".replies.json") }, "\(files)")
        let session = try #require(files.first { !$0.hasSuffix(".replies.json") }).dropLast(5)
        #expect(try server.samtale(["sessions", "delete", String(session)]).status == 0)
        #expect(try server.savedFiles().isEmpty)
    }
}

extension SchemaAgreementTests {
    /// A conversation held in chat, whose setup says where it came from, follows the session schema too.
    @Test func aSessionRecordFromChatAgreesWithTheSchema() throws {
        let server = try ChatCGITests.Server()
        _ = try server.zulip("hej", id: 1)
        let file = try #require(try server.savedFiles().first { !$0.hasSuffix(".replies.json") })
        let exported = try server.samtale(["sessions", "export", String(file.dropLast(5)), "--format", "json"])
        #expect(exported.stdout.contains(#""platform": "zulip""#), "\(exported.stdout)")
        let export = server.folder.appendingPathComponent("export.json")
        try Data(exported.stdout.utf8).write(to: export)
        #expect(try schemaVerdicts([export], schema: "session.schema.json") == [export.path: true])
    }
}
