import Foundation
import SamtaleCore
import TestSupport
import Testing

/// `samtale chat serve --stdio` through the built binary: one HTTP exchange per process, as systemd and inetd run
/// it, with requests shaped like Zulip's and Teams' and the sessions in a folder of the test's own.
@Suite struct ChatServeTests {
    static let zulipToken = "xvOzfurIutdRRVLzpXrIIHXJvNfaJLJ0"
    /// A Teams security token: base64 of the HMAC key.
    static let teamsToken = "vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA="

    /// What Zulip sends for a direct message from Iago (or user `sender`) to the bot, written at `timestamp`.
    static func zulipBody(_ text: String, id: Int, token: String, timestamp: Int, sender: Int = 5) -> String {
        JSONWriter.string(
            zulipPayload(
                text, token: token,
                message: [
                    JSONMember("id", .integer(id)), JSONMember("sender_id", .integer(sender)),
                    JSONMember("sender_full_name", .string("Iago")), JSONMember("type", .string("private")),
                    JSONMember("timestamp", .integer(timestamp)),
                    JSONMember(
                        "display_recipient",
                        .array([
                            .object([JSONMember("id", .integer(sender))]), .object([JSONMember("id", .integer(25))]),
                        ])),
                ]))
    }

    /// What Zulip sends for a message to the bot whose `message` object has the members given.
    static func zulipPayload(_ text: String, token: String, message: [JSONMember]) -> JSONValue {
        .object([
            JSONMember("bot_full_name", .string("Samtale")), JSONMember("data", .string(text)),
            JSONMember("message", .object(message)), JSONMember("token", .string(token)),
            JSONMember("trigger", .string("direct_message")),
        ])
    }

    /// A folder with `chat.json` and the sessions, and the environment the server runs with.
    struct Server {
        let folder: URL
        var environment: [String: String] {
            [
                "SAMTALE_STATE_DIR": folder.appendingPathComponent("state").path,
                "SAMTALE_ZULIP_TOKEN": ChatServeTests.zulipToken, "SAMTALE_TEAMS_SECRET": ChatServeTests.teamsToken,
                // The messages' own times must be within five minutes of the server's clock.
                "SAMTALE_NOW": ChatSite.nowText,
            ]
        }

        /// The server of a folder another test made, with its own `chat.json`.
        init(folder: URL) {
            self.folder = folder
        }

        init() throws {
            folder = try Samtale.temporaryFolder()
            let configuration = """
                {"endpoints": [
                  {"path": "/zulip", "platform": "zulip", "secretEnv": "SAMTALE_ZULIP_TOKEN", "flow": "one-to-one"},
                  {"path": "/zulip/ledere", "platform": "zulip", "secretEnv": "SAMTALE_ZULIP_TOKEN", "allow": ["user:7"]},
                  {"path": "/teams/ledergruppe", "platform": "teams", "secretEnv": "SAMTALE_TEAMS_SECRET",
                   "flow": "one-to-one", "lang": "en"}
                ]}
                """
            try Data(configuration.utf8).write(to: folder.appendingPathComponent("chat.json"))
        }

        /// Sends the raw request and gives the status line and the body of the response.
        func exchange(_ request: [UInt8]) throws -> (status: String, body: String) {
            let input = folder.appendingPathComponent("request.http")
            try Data(request).write(to: input)
            let result = try Samtale.run(
                ["chat", "serve", "--stdio", "--config", folder.appendingPathComponent("chat.json").path],
                in: folder, environment: environment, standardInput: input)
            #expect(result.status == 0)
            let parts = result.stdout.components(separatedBy: "\r\n\r\n")
            let status = parts[0].components(separatedBy: "\r\n")[0]
            return (status, parts.dropFirst().joined(separator: "\r\n\r\n"))
        }

        /// A POST to `path` with the body and the headers given.
        func post(_ path: String, _ body: String, headers: [String] = []) throws -> (status: String, body: String) {
            try exchange(Self.post(path, body, headers: headers))
        }

        /// The bytes of a POST to `path` with the body and the headers given.
        static func post(_ path: String, _ body: String, headers: [String] = []) -> [UInt8] {
            let head =
                (["POST \(path) HTTP/1.1", "Host: samtale.example", "Content-Type: application/json"] + headers
                + ["Content-Length: \(body.utf8.count)"]).joined(separator: "\r\n")
            return Array((head + "\r\n\r\n" + body).utf8)
        }

        func zulip(
            _ text: String, id: Int, token: String = ChatServeTests.zulipToken, path: String = "/zulip",
            sender: Int = 5
        ) throws -> (
            status: String, body: String
        ) {
            try exchange(Self.zulip(text, id: id, token: token, path: path, sender: sender))
        }

        /// What Zulip sends for a direct message to the bot: the text in `data`, the token in the body.
        static func zulip(
            _ text: String, id: Int, token: String = ChatServeTests.zulipToken, path: String = "/zulip",
            sender: Int = 5
        ) -> [UInt8] {
            let body = ChatServeTests.zulipBody(
                text, id: id, token: token, timestamp: Int(ChatSite.now), sender: sender)
            return post(path, body)
        }

        /// What Zulip sends for a message from user `sender` in stream `stream`'s topic `topic`.
        func zulipStream(
            _ text: String, id: Int, sender: Int, stream: JSONValue, topic: String, path: String = "/zulip"
        ) throws -> (status: String, body: String) {
            let payload = ChatServeTests.zulipPayload(
                text, token: ChatServeTests.zulipToken,
                message: [
                    JSONMember("id", .integer(id)), JSONMember("sender_id", .integer(sender)),
                    JSONMember("type", .string("stream")), JSONMember("stream_id", stream),
                    JSONMember("subject", .string(topic)), JSONMember("display_recipient", .string("Ledere")),
                    JSONMember("timestamp", .integer(Int(ChatSite.now))),
                ])
            return try post(path, JSONWriter.string(payload))
        }

        /// The reply's text: Zulip's `content`, Teams' `text`.
        func text(_ response: (status: String, body: String), _ key: String) throws -> String {
            #expect(response.status == "HTTP/1.1 200 OK")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any])
            return try #require(object[key] as? String)
        }

        func sessions() throws -> String {
            try Samtale.run(["sessions", "list"], in: folder, environment: environment).stdout
        }
    }

    @Test func aZulipConversationRunsFromTheFirstMessageToTheSummary() throws {
        let server = try Server()
        let opening = try server.text(server.zulip("hej", id: 1), "content")
        #expect(opening.hasPrefix("Velkommen til jeres samtale"))
        #expect(opening.hasSuffix("Spørgsmål 1 af 4\nHvordan bidrager du til kvalitet i løsningen af kerneopgaven?"))
        #expect(
            try server.text(server.zulip("Jeg holder fast i borgerens behov", id: 2), "content")
                == "Spørgsmål 2 af 4\nHvordan kan du inddrage andre for at sikre kvalitet i opgaveløsningen?")
        #expect(
            try server.text(server.zulip("Jeg spørger kollegerne", id: 3), "content")
                == "Spørgsmål 3 af 4\nHvordan udvikler du de rette kompetencer for at løse morgendagens opgaver?")
        #expect(try server.text(server.zulip("spring", id: 4), "content").hasPrefix("Spørgsmål 4 af 4\n"))
        #expect(
            try server.text(server.zulip("tilbage", id: 5), "content")
                == "Spørgsmål 3 af 4\nHvordan udvikler du de rette kompetencer for at løse morgendagens opgaver?")
        #expect(try server.sessions().contains("1:1-samtale"))
        #expect(
            try server.text(server.zulip("slut", id: 6), "content")
                == "Vil du afslutte samtalen nu? Skriv »ja« for at afslutte, eller skriv noget andet for at fortsætte.")
        let summary = try server.text(server.zulip("ja", id: 7), "content")
        #expect(summary.contains("Jeg holder fast i borgerens behov"))
        #expect(summary.hasSuffix("Samtalen er slut."))
        #expect(try server.sessions().contains("afsluttet"))
    }

    @Test func aMessageSentAgainGetsTheSameReplyAndMovesNothing() throws {
        let server = try Server()
        _ = try server.zulip("hej", id: 1)
        let first = try server.text(server.zulip("Jeg holder fast i borgerens behov", id: 2), "content")
        #expect(first.hasPrefix("Spørgsmål 2 af 4\n"))
        #expect(try server.text(server.zulip("Jeg holder fast i borgerens behov", id: 2), "content") == first)
        #expect(
            try server.text(server.zulip("Jeg spørger kollegerne", id: 3), "content").hasPrefix("Spørgsmål 3 af 4\n"))
        #expect(try server.text(server.zulip("Jeg holder fast i borgerens behov", id: 2), "content") == first)
        #expect(try server.text(server.zulip("spring", id: 4), "content").hasPrefix("Spørgsmål 4 af 4\n"))
        #expect(try server.sessions().contains("3/4"))
    }

    @Test func theNextMessageAfterAFinishedConversationStartsANewOneAndKeepsTheOld() throws {
        let server = try Server()
        _ = try server.zulip("hej", id: 1)
        _ = try server.zulip("slut", id: 2)
        _ = try server.zulip("ja", id: 3)
        #expect(try server.text(server.zulip("igen", id: 4), "content").hasPrefix("Velkommen til jeres samtale"))
        let rows = try server.sessions().split(separator: "\n").dropFirst()
        #expect(rows.count == 2)
    }

    @Test func aTeamsConversationIsSignedAndAnsweredInTheThread() throws {
        let server = try Server()
        func teams(_ text: String, id: String) throws -> (status: String, body: String) {
            let body = JSONWriter.string(
                .object([
                    JSONMember("type", .string("message")), JSONMember("id", .string(id)),
                    JSONMember("timestamp", .string("2026-11-30T10:00:00.000Z")),
                    JSONMember(
                        "from", .object([JSONMember("id", .string("29:1XJ")), JSONMember("name", .string("Tim"))])),
                    JSONMember(
                        "conversation",
                        .object([JSONMember("id", .string("19:253b@thread.skype;messageid=1485983408511"))])),
                    JSONMember("text", .string("<at>Samtale</at> \(text)")),
                ]))
            let key = try #require(Base64.decode(Self.teamsToken))
            let code = Base64.encode(HMACSHA256.authenticationCode(for: Array(body.utf8), key: key))
            return try server.post("/teams/ledergruppe", body, headers: ["Authorization: HMAC \(code)"])
        }
        let opening = try server.text(teams("start", id: "1"), "text")
        #expect(opening.contains("Question 1 of 4"))
        #expect(try server.text(teams("We keep the citizen in view", id: "2"), "text").hasPrefix("Question 2 of 4"))
        #expect(try server.text(teams("skip", id: "3"), "text").hasPrefix("Question 3 of 4"))
        #expect(try server.text(teams("back", id: "4"), "text").hasPrefix("Question 2 of 4"))
        let key = try #require(Base64.decode(Self.teamsToken))
        let body = #"{"type":"message","text":"x"}"#
        let wrong = Base64.encode(HMACSHA256.authenticationCode(for: Array((body + " ").utf8), key: key))
        #expect(
            try server.post("/teams/ledergruppe", body, headers: ["Authorization: HMAC \(wrong)"])
                == ("HTTP/1.1 401 Unauthorized", "401 Unauthorized\n"))
    }

    @Test func refusalsSayTheirStatusAndMoveNothing() throws {
        let server = try Server()
        #expect(try server.zulip("hej", id: 1, token: "forkert") == ("HTTP/1.1 401 Unauthorized", "401 Unauthorized\n"))
        #expect(try server.post("/ukendt", "{}") == ("HTTP/1.1 404 Not Found", "404 Not Found\n"))
        let smuggled = "POST /zulip HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
        #expect(try server.exchange(Array(smuggled.utf8)).status == "HTTP/1.1 501 Not Implemented")
        #expect(try server.zulip("hej", id: 1, token: "").status == "HTTP/1.1 401 Unauthorized")
        #expect(try server.post("/zulip", #"{"token":"\#(Self.zulipToken)"}"#).status == "HTTP/1.1 400 Bad Request")
        #expect(try server.zulip("hej", id: 1, path: "/zulip/ledere") == ("HTTP/1.1 403 Forbidden", "403 Forbidden\n"))
        #expect(try server.sessions().split(separator: "\n").count <= 1)
    }

    /// `allow` names a user, a channel or a team, each matched only against what it names: Zulip numbers users and
    /// streams each on their own, so allowing user 7 must not let in everyone in stream 7.
    @Test func anAllowedUserIdAdmitsThatUserOnlyNotTheStreamOfTheSameNumber() throws {
        let server = try Server()
        #expect(try server.zulip("hej", id: 1, path: "/zulip/ledere", sender: 7).status == "HTTP/1.1 200 OK")
        #expect(
            try server.zulipStream(
                "hej", id: 2, sender: 8, stream: .integer(7), topic: "Trivsel", path: "/zulip/ledere")
                == ("HTTP/1.1 403 Forbidden", "403 Forbidden\n"))
        #expect(
            try server.zulipStream(
                "hej", id: 3, sender: 7, stream: .integer(8), topic: "Trivsel", path: "/zulip/ledere"
            )
            .status == "HTTP/1.1 200 OK")
    }

    /// A stream id written as text with a "/" in it is still its own stream: stream "7/a" with topic "" and stream 7
    /// with topic "a/" are two conversations, each opened with its own welcome.
    @Test func aStreamAndTopicThatJoinToTheSameTextAreTwoConversations() throws {
        let server = try Server()
        let first = try server.text(
            server.zulipStream("hej", id: 1, sender: 5, stream: .string("7/a"), topic: ""), "content")
        let second = try server.text(
            server.zulipStream("hej", id: 2, sender: 5, stream: .integer(7), topic: "a/"), "content")
        #expect(first.contains("Velkommen til jeres samtale"))
        #expect(second.contains("Velkommen til jeres samtale"))
        #expect(try server.sessions().split(separator: "\n").dropFirst().count == 2)
    }

    /// A message whose time is there but cannot be read is refused as a stale one is, and starts nothing.
    @Test func aZulipMessageWithAnUnreadableTimeIs401() throws {
        let server = try Server()
        for time in [JSONValue.null, .number("1.5e9"), .string("i dag")] {
            let payload = Self.zulipPayload(
                "hej", token: Self.zulipToken,
                message: [
                    JSONMember("id", .integer(1)), JSONMember("sender_id", .integer(5)),
                    JSONMember("type", .string("private")), JSONMember("timestamp", time),
                    JSONMember("display_recipient", .array([.object([JSONMember("id", .integer(5))])])),
                ])
            #expect(
                try server.post("/zulip", JSONWriter.string(payload))
                    == ("HTTP/1.1 401 Unauthorized", "401 Unauthorized\n"))
        }
        #expect(try server.sessions().split(separator: "\n").count <= 1)
    }

    @Test func aClientThatStopsSendingIsAnswered408WhenTheHeadsTimeIsUp() throws {
        let server = try Server()
        let process = TestProcess.make(
            Samtale.binary,
            ["chat", "serve", "--stdio", "--config", server.folder.appendingPathComponent("chat.json").path],
            home: server.folder, in: server.folder, environment: server.environment)
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("POST /zulip HTTP/1.1\r\nHost: x\r\n".utf8))
        let started = Date()
        let response = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try input.fileHandleForWriting.close()
        #expect(response.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
        #expect(Date().timeIntervalSince(started) < 30)
    }

    /// Under inetd or systemd the platform sees only what is written on stdout: a `chat.json` that is missing or
    /// broken is answered 500, and the reason goes to stderr with its exit code.
    @Test(arguments: [("garbage", Int32(65)), (nil, 66)])
    func aConfigurationThatCannotBeLoadedIsAnswered500(contents: String?, status: Int32) throws {
        let server = try Server()
        let configuration = server.folder.appendingPathComponent("chat.json")
        if let contents {
            try Data(contents.utf8).write(to: configuration)
        } else {
            try FileManager.default.removeItem(at: configuration)
        }
        let input = server.folder.appendingPathComponent("request.http")
        try Data(Server.zulip("hej", id: 1)).write(to: input)
        let result = try Samtale.run(
            ["chat", "serve", "--stdio", "--config", configuration.path], in: server.folder,
            environment: server.environment, standardInput: input)
        #expect(result.status == status)
        #expect(result.stdout.hasPrefix("HTTP/1.1 500 Internal Server Error\r\n"))
        #expect(result.stdout.hasSuffix("\r\n\r\n500 Internal Server Error\n"))
        #expect(result.stderr.contains(configuration.path))
    }

    @Test func anEndpointWhoseSecretIsMissingAnswers500AndSaysWhyOnlyOnStandardError() throws {
        let server = try Server()
        let input = server.folder.appendingPathComponent("request.http")
        let body = "{}"
        try Data("POST /zulip HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8).write(
            to: input)
        var environment = server.environment
        environment["SAMTALE_ZULIP_TOKEN"] = nil
        let result = try Samtale.run(
            ["chat", "serve", "--stdio", "--config", server.folder.appendingPathComponent("chat.json").path],
            in: server.folder, environment: environment, standardInput: input)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("HTTP/1.1 500 Internal Server Error\r\n"))
        #expect(result.stdout.hasSuffix("\r\n\r\n500 Internal Server Error\n"))
        #expect(result.stderr.contains("SAMTALE_ZULIP_TOKEN"))
    }
}
