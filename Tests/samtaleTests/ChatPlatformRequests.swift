import Foundation
import SamtaleCore
import TestSupport

// MARK: - ChatExchange

/// How a test reaches a chat front door: the raw bytes of one request in, the raw bytes of its response out. The
/// platform tests take it as a parameter, so the same conversations run through every front door.
struct ChatExchange {
    let send: ([UInt8]) throws -> [UInt8]

    /// One `samtale chat serve --stdio` per request, as systemd's socket activation and inetd run it, with the
    /// configuration and environment of `site`.
    static func stdio(_ site: ChatSite) -> ChatExchange {
        ChatExchange { request in
            let input = site.folder.appendingPathComponent("request-\(UUID().uuidString).http")
            try Data(request).write(to: input)
            defer { try? FileManager.default.removeItem(at: input) }
            let result = try Samtale.run(
                ["chat", "serve", "--stdio", "--config", site.configuration.path], in: site.folder,
                environment: site.environment, standardInput: input)
            guard result.status == 0 else { throw ChatExchangeError.exited(result.status, result.stderr) }
            return Array(result.stdout.utf8)
        }
    }
}

extension ChatExchange {
    /// One `samtale chat serve --listen` on a loopback port for the whole test, a connection per request; the server
    /// is stopped when the exchange is released.
    static func listen(_ site: ChatSite) throws -> ChatExchange {
        let server = try ChatListenTests.Listening(
            "127.0.0.1:0", arguments: [], setup: ChatServeTests.Server(folder: site.folder),
            configuration: site.configuration, environment: site.environment, descriptorLimit: nil)
        return ChatExchange { request in
            let client = try ChatListenTests.Client(server.address)
            defer { client.close() }
            _ = client.send(request)
            return Array(client.response().utf8)
        }
    }
}

enum ChatExchangeError: Error {
    case exited(Int32, String)
    case notHTTP(String)
}

// MARK: - ChatResponse

/// A response as the platform reads it: the status line and the body, and the body's reply text.
struct ChatResponse: Equatable {
    let status: String
    let body: String

    init(_ bytes: [UInt8]) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { throw ChatExchangeError.notHTTP(text) }
        status = text[..<end.lowerBound].components(separatedBy: "\r\n")[0]
        body = String(text[end.upperBound...])
    }

    /// The body's member `key` (`text`, `content`, `response_type`, `tmid`); nil when it is missing or not text.
    func member(_ key: String) -> String? {
        guard let value = try? JSONParser.parse(Array(body.utf8)).member(key), case .string(let text) = value else {
            return nil
        }
        return text
    }

    static let unauthorized = "HTTP/1.1 401 Unauthorized"
    static let notFound = "HTTP/1.1 404 Not Found"
    static let ok = "HTTP/1.1 200 OK"
}

// MARK: - ChatSite

/// A folder with a `chat.json` of one endpoint per platform and way in, the state folder, and the environment the
/// server runs with: the platforms' secrets, and a clock fixed at `now` so that the messages' own times are fresh.
struct ChatSite {
    static let slackSecret = "8f742231b10e8888abcd99yyyzzz85a5"
    static let mattermostCommandToken = "xr3j5x3p4pfjpeymk6tmm3pdjo"
    static let mattermostOutgoingToken = "9jrxak1ykxrmnaed9cps9i4cqe"
    static let rocketChatToken = "9TrbTF3ccwENEr8ib2aQ5oqS"
    /// A Teams security token: base64 of the HMAC key.
    static let teamsToken = "vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA="
    static let zulipToken = "xvOzfurIutdRRVLzpXrIIHXJvNfaJLJ0"
    /// The server's clock: every message is sent at this moment unless a test says otherwise.
    static let nowText = "2026-11-30T10:00:00+00:00"
    static let now = Timestamp(iso: nowText)!.secondsSinceEpoch

    let folder: URL
    var configuration: URL { folder.appendingPathComponent("chat.json") }
    var state: URL { folder.appendingPathComponent("state") }

    var environment: [String: String] {
        [
            "SAMTALE_STATE_DIR": state.path, "SAMTALE_NOW": Self.nowText,
            "SAMTALE_SLACK_SECRET": Self.slackSecret, "SAMTALE_MATTERMOST_COMMAND": Self.mattermostCommandToken,
            "SAMTALE_MATTERMOST_OUTGOING": Self.mattermostOutgoingToken,
            "SAMTALE_ROCKETCHAT_TOKEN": Self.rocketChatToken, "SAMTALE_TEAMS_SECRET": Self.teamsToken,
            "SAMTALE_ZULIP_TOKEN": Self.zulipToken,
        ]
    }

    init() throws {
        folder = try Samtale.temporaryFolder()
        let endpoints = """
            {"endpoints": [
              {"path": "/slack", "platform": "slack", "secretEnv": "SAMTALE_SLACK_SECRET"},
              {"path": "/mattermost", "platform": "mattermost", "secretEnv": "SAMTALE_MATTERMOST_COMMAND",
               "flow": "one-to-one", "role": "medarbejder", "theme": "sammen sikrer"},
              {"path": "/mattermost/kanal", "platform": "mattermost", "secretEnv": "SAMTALE_MATTERMOST_OUTGOING",
               "flow": "one-to-one", "role": "medarbejder", "theme": "sammen sikrer"},
              {"path": "/rocketchat", "platform": "rocketchat", "secretEnv": "SAMTALE_ROCKETCHAT_TOKEN",
               "flow": "one-to-one", "role": "medarbejder", "theme": "sammen sikrer"},
              {"path": "/teams/ledergruppe", "platform": "teams", "secretEnv": "SAMTALE_TEAMS_SECRET",
               "flow": "team", "deck": "skanderborg", "role": "leder af medarbejder", "participants": ["Ann", "Bo"]},
              {"path": "/zulip", "platform": "zulip", "secretEnv": "SAMTALE_ZULIP_TOKEN",
               "flow": "one-to-one", "role": "medarbejder", "theme": "sammen sikrer"}
            ]}
            """
        try Data(endpoints.utf8).write(to: configuration)
    }

    /// The files samtale has written in its state folder: none after a refusal.
    func writtenFiles() -> [String] {
        (FileManager.default.enumerator(atPath: state.path)?.allObjects as? [String] ?? []).filter {
            $0.hasSuffix(".json")
        }
    }

    func sessionsList() throws -> String {
        try Samtale.run(["sessions", "list"], in: folder, environment: environment).stdout
    }
}

// MARK: - Requests

/// Requests shaped as each platform sends them, from their documentation: the fields, where the secret goes, and
/// how the body is signed. `at` is the message's own time in seconds since 1970.
enum PlatformRequest {
    /// A POST with `body` and the header lines given.
    static func post(_ path: String, _ body: String, contentType: String, headers: [String] = []) -> [UInt8] {
        let head =
            ["POST \(path) HTTP/1.1", "Host: samtale.example.dk", "Content-Type: \(contentType)"] + headers
            + ["Content-Length: \(body.utf8.count)"]
        return Array((head.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8)
    }

    /// `application/x-www-form-urlencoded` as browsers and the platforms write it: `+` for a space.
    static func form(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<"\u{80}"))
        allowed.insert(charactersIn: "-._* ")
        return fields.map { name, value in
            let encoded = value.addingPercentEncoding(withAllowedCharacters: allowed)!
            return name + "=" + encoded.replacingOccurrences(of: " ", with: "+")
        }.joined(separator: "&")
    }

    static func json(_ members: [JSONMember]) -> String {
        JSONWriter.string(.object(members))
    }

    /// Slack's slash command `/samtale TEXT`: a form signed with `v0=HMAC-SHA256(secret, "v0:TIMESTAMP:BODY")`.
    static func slack(
        _ text: String, trigger: String, user: String = "U2CERLKJA", at time: Int64 = ChatSite.now,
        secret: String = ChatSite.slackSecret, path: String = "/slack"
    ) -> [UInt8] {
        let body = form([
            ("token", "xyzz0WbapA4vBCDEFasx0q6G"), ("team_id", "T1DC2JH3J"), ("team_domain", "ledere"),
            ("channel_id", "G8PSS9T3V"), ("channel_name", "ledergruppen"), ("user_id", user),
            ("user_name", "roadrunner"), ("command", "/samtale"), ("text", text),
            ("api_app_id", "A123456"), ("is_enterprise_install", "false"),
            ("response_url", "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN"),
            ("trigger_id", trigger),
        ])
        let code = HMACSHA256.authenticationCode(for: Array("v0:\(time):\(body)".utf8), key: Array(secret.utf8))
        let signature = "v0=" + code.map { String(format: "%02x", $0) }.joined()
        return post(
            path, body, contentType: "application/x-www-form-urlencoded",
            headers: ["X-Slack-Request-Timestamp: \(time)", "X-Slack-Signature: \(signature)"])
    }

    /// Mattermost's slash command `/samtale TEXT`: a form with the token in `Authorization: Token` and the body.
    static func mattermostCommand(
        _ text: String, trigger: String, token: String = ChatSite.mattermostCommandToken, path: String = "/mattermost"
    ) -> [UInt8] {
        let body = form([
            ("channel_id", "fukxanjgjbnp7ng383at53k1sy"), ("channel_name", "town-square"), ("command", "/samtale"),
            ("response_url", "https://mattermost.example.dk/hooks/commands/hqz8n3u9q7bt8xj1uxk5g3fuwr"),
            ("team_domain", "ledere"), ("team_id", "rdc9bgriktyx9p4kowh3dmgqyc"), ("text", text), ("token", token),
            ("trigger_id", trigger), ("user_id", "rnina8cfkirkzb5ze3xyw9y4ur"), ("user_name", "ann"),
        ])
        return post(
            path, body, contentType: "application/x-www-form-urlencoded",
            headers: ["Authorization: Token \(token)"])
    }

    /// A Mattermost outgoing webhook fired by the trigger word `samtale` in a public channel, as JSON or as a form
    /// (its administrator chooses), the token in the body; `timestamp` is the post's, in milliseconds.
    static func mattermostOutgoing(
        _ text: String, post postID: String, at time: Int64 = ChatSite.now, asForm: Bool = false,
        token: String = ChatSite.mattermostOutgoingToken
    ) -> [UInt8] {
        let fields = [
            ("token", token), ("team_id", "rdc9bgriktyx9p4kowh3dmgqyc"), ("team_domain", "ledere"),
            ("channel_id", "fukxanjgjbnp7ng383at53k1sy"), ("channel_name", "town-square"),
            ("timestamp", String(time * 1000 + 123)), ("user_id", "rnina8cfkirkzb5ze3xyw9y4ur"),
            ("user_name", "ann"), ("post_id", postID), ("text", "samtale \(text)"), ("trigger_word", "samtale"),
            ("file_ids", ""),
        ]
        if asForm {
            return post("/mattermost/kanal", form(fields), contentType: "application/x-www-form-urlencoded")
        }
        let members = fields.map { name, value in
            JSONMember(name, name == "timestamp" ? .number(value) : .string(value))
        }
        return post("/mattermost/kanal", json(members), contentType: "application/json")
    }

    /// A Rocket.Chat outgoing integration's request: in a channel (`channel_name`) fired by the trigger word
    /// `samtale`, in a thread when `thread` is given (`tmid`), or a direct message to the bot (no name, no trigger
    /// word); `bot` as Rocket.Chat marks a bot's message.
    static func rocketChat(
        _ text: String, id: String, thread: String? = nil, inChannel: Bool = true, bot: Bool = false,
        at time: Int64 = ChatSite.now, token: String = ChatSite.rocketChatToken, path: String = "/rocketchat"
    ) -> [UInt8] {
        var members = [
            JSONMember("token", .string(token)),
            JSONMember("channel_id", .string(inChannel ? "GENERAL" : "fH3pvzGvd7dmdtr3KrbAXPnMktTFbNpwtJ")),
        ]
        if inChannel { members.append(JSONMember("channel_name", .string("general"))) }
        members += [
            JSONMember("message_id", .string(id)), JSONMember("timestamp", .string(iso(time))),
            JSONMember("user_id", .string("fH3pvzGvd7dmdtr3K")), JSONMember("user_name", .string("ann")),
            JSONMember("text", .string(inChannel ? "samtale \(text)" : text)),
            JSONMember("siteUrl", .string("https://chat.example.dk")),
        ]
        if inChannel { members.append(JSONMember("trigger_word", .string("samtale"))) }
        if let thread { members.append(JSONMember("tmid", .string(thread))) }
        if bot { members.append(JSONMember("bot", .object([JSONMember("i", .string("rocket.cat"))]))) }
        return post(path, json(members), contentType: "application/json")
    }

    /// A Teams outgoing webhook called by an @mention in a channel thread: the activity signed with
    /// `Authorization: HMAC base64(HMAC-SHA256(base64-decoded token, body))`.
    static func teams(
        _ text: String, id: String, thread: String = "1485983408511", at time: Int64 = ChatSite.now,
        token: String = ChatSite.teamsToken, path: String = "/teams/ledergruppe"
    ) -> [UInt8] {
        let body = json([
            JSONMember("type", .string("message")), JSONMember("id", .string(id)),
            JSONMember("timestamp", .string(iso(time, fraction: ".437"))),
            JSONMember("localTimestamp", .string("2026-11-30T11:00:00.437+01:00")),
            JSONMember("serviceUrl", .string("https://smba.trafficmanager.net/emea/")),
            JSONMember("channelId", .string("msteams")),
            JSONMember(
                "from",
                .object([
                    JSONMember("id", .string("29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7")),
                    JSONMember("name", .string("Tim Jones")),
                    JSONMember("aadObjectId", .string("0f7c4a4e-5a2c-4a59-9a3b-2d8c0e3c2a11")),
                ])),
            JSONMember(
                "conversation",
                .object([
                    JSONMember("isGroup", .bool(true)),
                    JSONMember("id", .string("19:253b1f341670408fb6fe51050b6e5ceb@thread.skype;messageid=\(thread)")),
                    JSONMember("conversationType", .string("channel")),
                ])),
            JSONMember("textFormat", .string("plain")),
            JSONMember("text", .string("<at>Samtale</at> \(text)&nbsp;")),
            JSONMember(
                "channelData",
                .object([
                    JSONMember("teamsChannelId", .string("19:253b1f341670408fb6fe51050b6e5ceb@thread.skype")),
                    JSONMember("teamsTeamId", .string("19:712c61d0ef384e5fa681ba90ec3c4e2d@thread.skype")),
                    JSONMember(
                        "channel",
                        .object([JSONMember("id", .string("19:253b1f341670408fb6fe51050b6e5ceb@thread.skype"))])),
                    JSONMember(
                        "team", .object([JSONMember("id", .string("19:712c61d0ef384e5fa681ba90ec3c4e2d@thread.skype"))])
                    ),
                    JSONMember("tenant", .object([JSONMember("id", .string("72f988bf-86f1-41af-91ab-2d7cd011db47"))])),
                ])),
        ])
        let key = Base64.decode(token)!
        let code = Base64.encode(HMACSHA256.authenticationCode(for: Array(body.utf8), key: key))
        return post(
            path, body, contentType: "application/json; charset=utf-8", headers: ["Authorization: HMAC \(code)"])
    }

    /// Zulip's outgoing webhook: a message in a stream's topic that mentions the bot, or (`topic` nil) a direct
    /// message to it; the token in the body.
    static func zulip(
        _ text: String, id: Int, topic: String? = nil, at time: Int64 = ChatSite.now,
        token: String = ChatSite.zulipToken, path: String = "/zulip"
    ) -> [UInt8] {
        let data = topic == nil ? text : "@**Samtale** \(text)"
        var message = [
            JSONMember("client", .string("website")), JSONMember("content", .string(data)),
            JSONMember("id", .integer(id)), JSONMember("is_me_message", .bool(false)),
            JSONMember("sender_email", .string("iago@zulip.com")), JSONMember("sender_full_name", .string("Iago")),
            JSONMember("sender_id", .integer(5)), JSONMember("sender_realm_str", .string("zulip")),
            JSONMember("timestamp", .integer(Int(time))),
        ]
        if let topic {
            message += [
                JSONMember("display_recipient", .string("Ledergruppen")), JSONMember("stream_id", .integer(5)),
                JSONMember("subject", .string(topic)), JSONMember("type", .string("stream")),
            ]
        } else {
            message += [
                JSONMember(
                    "display_recipient",
                    .array([
                        .object([JSONMember("email", .string("iago@zulip.com")), JSONMember("id", .integer(5))]),
                        .object([JSONMember("email", .string("samtale-bot@zulip.com")), JSONMember("id", .integer(25))]
                        ),
                    ])),
                JSONMember("subject", .string("")), JSONMember("type", .string("private")),
            ]
        }
        let body = json([
            JSONMember("bot_email", .string("samtale-bot@zulip.com")), JSONMember("bot_full_name", .string("Samtale")),
            JSONMember("data", .string(data)), JSONMember("message", .object(message)),
            JSONMember("token", .string(token)),
            JSONMember("trigger", .string(topic == nil ? "direct_message" : "mention")),
        ])
        return post(path, body, contentType: "application/json")
    }

    /// `2026-11-30T10:00:00.000Z`, as Teams and Rocket.Chat write a message's time.
    static func iso(_ seconds: Int64, fraction: String = ".000") -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))).dropLast() + fraction + "Z"
    }
}
