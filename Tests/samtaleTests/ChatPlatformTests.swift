import Foundation
import SamtaleCore
import TestSupport
import Testing

/// Each platform's requests through the real `samtale chat serve`, built from the platforms' documented shapes
/// (`ChatPlatformRequests.swift`): a whole conversation from the first message to the summary, with the exact replies
/// of its key steps, and per platform the refusals (a wrong signature or token, a stale message, an unknown path)
/// and a message sent again. Every test runs through each front door of `FrontDoor.all`.
@Suite struct ChatPlatformTests {
    /// A way into the server: given the site's configuration and environment, the exchange that reaches it.
    struct FrontDoor: Sendable, CustomTestStringConvertible {
        let name: String
        let open: @Sendable (ChatSite) throws -> ChatExchange
        var testDescription: String { name }

        static let all = [
            FrontDoor(name: "--stdio") { .stdio($0) }, FrontDoor(name: "--listen") { try .listen($0) },
        ]
    }

    /// A site and the front door to it, with what a test says to it.
    struct Chat {
        let site: ChatSite
        let exchange: ChatExchange

        init(_ door: FrontDoor) throws {
            site = try ChatSite()
            exchange = try door.open(site)
        }

        func send(_ request: [UInt8]) throws -> ChatResponse {
            try ChatResponse(exchange.send(request))
        }

        /// The reply's text (the member `key` of a 200 response's JSON).
        func reply(_ request: [UInt8], _ key: String = "text") throws -> String {
            let response = try send(request)
            #expect(response.status == ChatResponse.ok, "\(response.body)")
            return try #require(response.member(key), "\(response.body)")
        }

        /// A conversation started by `opening` and moved once by `answer`: each sent again gets the reply it got the
        /// first time, and the conversation stays where one answer took it (`progress` in `sessions list`).
        func sentAgainMovesNothing(
            opening: [UInt8], answer: [UInt8], key: String = "text", progress: String
        ) throws {
            let first = try reply(opening, key)
            let second = try reply(answer, key)
            #expect(try reply(answer, key) == second)
            #expect(try reply(opening, key) == first)
            #expect(try site.sessionsList().contains(progress))
        }

        /// The status line of a response that is no reply: a refusal, in its short plain-text body.
        func refused(_ request: [UInt8]) throws -> String {
            let response = try send(request)
            #expect(response.body == String(response.status.dropFirst("HTTP/1.1 ".count)) + "\n")
            return response.status
        }
    }

    static let notice = "Bemærk: Alle i kanalen kan læse med her – både spørgsmålene og svarene."
    static let record =
        "Formålet er en god, fælles refleksion over, hvordan I hver især og sammen bidrager til kerneopgaven. Svarene "
        + "og jeres aftaler gemmes i en samtalefil på den server, som chatbotten kører på. Kun de, der driver serveren, "
        + "kan åbne filen. Bed dem om en kopi, hvis I vil sende den på e-mail eller lægge den i personalesagen."
    static let firstQuestion = "Spørgsmål 1 af 4\nHvordan bidrager du til kvalitet i løsningen af kerneopgaven?"
    static let secondQuestion =
        "Spørgsmål 2 af 4\nHvordan kan du inddrage andre for at sikre kvalitet i opgaveløsningen?"
    static let thirdQuestion =
        "Spørgsmål 3 af 4\nHvordan udvikler du de rette kompetencer for at løse morgendagens opgaver?"
    static let firstAgreement =
        "Spørgsmål 4 af 4\nHvad aftaler vi om »Sammen sikrer vi driften«? Aftale 1: hvad? (skriv »spring«, når der "
        + "ikke er flere aftaler)"
    static let who = "Spørgsmål 4 af 4\nHvem?\n(frivilligt – skriv »spring« for at springe over)"
    static let when = "Spørgsmål 4 af 4\nHvornår?\n(frivilligt – skriv »spring« for at springe over)"
    static let secondAgreement =
        "Spørgsmål 4 af 4\nHvad aftaler vi om »Sammen sikrer vi driften«? Aftale 2: hvad? (skriv »spring«, når der "
        + "ikke er flere aftaler)"

    /// The 1:1 of the endpoints with `role: medarbejder, theme: sammen sikrer` from the first message to the summary,
    /// each message made by `message` (its text and a number of its own), the replies' texts under `key`; the
    /// opening carries the channel notice exactly where `inChannel`. Platforms that format markup escape `*`, `_`,
    /// `.` and the like, so the replies are compared through `plain`.
    static func oneToOne(
        _ chat: Chat, key: String, inChannel: Bool, plain: (String) -> String = { $0 },
        message: (String, Int) -> [UInt8]
    ) throws {
        let opening = plain(try chat.reply(message("hej", 1), key))
        #expect(opening.hasPrefix(Self.notice) == inChannel, "\(opening)")
        #expect(opening.contains(Self.record), "\(opening)")
        #expect(!opening.contains("denne computer"))
        #expect(opening.hasSuffix("\n\n" + Self.firstQuestion))
        let steps = [
            ("Jeg holder fast i borgerens behov", Self.secondQuestion), ("Jeg spørger kollegerne", Self.thirdQuestion),
            ("Et kursus i foråret", Self.firstAgreement), ("Tavlemøde hver mandag", Self.who), ("Ann", Self.when),
            ("Inden jul", Self.secondAgreement),
        ]
        for (number, (answer, next)) in steps.enumerated() {
            #expect(plain(try chat.reply(message(answer, number + 2), key)) == next)
        }
        let summary = plain(try chat.reply(message("spring", 8), key))
        #expect(summary.hasPrefix("OPSUMMERING: 1:1-samtale"), "\(summary)")
        #expect(summary.contains("Jeg holder fast i borgerens behov"))
        #expect(summary.contains("1. Tavlemøde hver mandag – hvem: Ann, hvornår: Inden jul"), "\(summary)")
        #expect(summary.hasSuffix("Samtalen er slut."))
        let sessions = try chat.site.sessionsList()
        #expect(sessions.contains("1:1-samtale") && sessions.contains("afsluttet") && sessions.contains("4/4"))
    }

    /// Markdown's escapes taken out again: what the person reads.
    static func unescaped(_ text: String) -> String {
        text.replacing(#/\\([\\`*_{}\[\]()#+\-.!<>|~])/#) { $0.output.1 }
    }

    // MARK: Slack

    /// `/samtale start self skanderborg`, answered privately (`ephemeral`), question after question to the summary.
    @Test(arguments: FrontDoor.all) func slackHoldsAWholeSelfReflection(door: FrontDoor) throws {
        let chat = try Chat(door)
        var trigger = 0
        func slack(_ text: String) throws -> String {
            trigger += 1
            let response = try chat.send(PlatformRequest.slack(text, trigger: "398738663015.47445629121.\(trigger)"))
            #expect(response.member("response_type") == "ephemeral")
            return Self.unescaped(try #require(response.member("text"), "\(response.body)"))
        }
        let opening = try slack("start self skanderborg")
        #expect(opening.hasPrefix("Selvrefleksion for Medarbejder ud fra »Skanderborg Kommunes Ledelsesgrundlag«"))
        #expect(!opening.contains(Self.notice))
        #expect(opening.hasSuffix("\n(1–5)"))
        #expect(
            try slack("7") == "7 er uden for skalaen; svar med et tal fra 1 til 5.\n\n"
                + opening.suffix(from: "Spørgsmål 1"))
        #expect(
            try slack("4")
                == "Spørgsmål 2 af 20\nGiv et eksempel:\n(frivilligt – skriv »spring« for at springe over)")
        var reply = try slack("spring")
        while !reply.hasPrefix("Spørgsmål 19 af 20") {
            #expect(reply.hasSuffix("\n(1–5)"), "\(reply)")
            reply = try slack("4")
            #expect(reply.contains("Giv et eksempel:"), "\(reply)")
            reply = try slack("spring")
        }
        #expect(reply == "Spørgsmål 19 af 20\nHvad vil du gøre mere af?")
        #expect(try slack("Mere tid til borgeren") == "Spørgsmål 20 af 20\nHvad vil du gøre mindre af?")
        let summary = try slack("Færre møder")
        #expect(summary.hasPrefix("OPSUMMERING: Selvrefleksion\n"), "\(summary)")
        #expect(summary.contains("Mere tid til borgeren") && summary.contains("Gennemsnit 4"), "\(summary)")
        #expect(summary.hasSuffix("Samtalen er slut."))
        #expect(try chat.site.sessionsList().contains("Selvrefleksion"))
    }

    @Test(arguments: FrontDoor.all) func slackRefusesAWrongSignatureAStaleTimestampAndAnUnknownPath(door: FrontDoor)
        throws
    {
        let chat = try Chat(door)
        #expect(
            try chat.refused(PlatformRequest.slack("start", trigger: "1", secret: "forkert"))
                == ChatResponse.unauthorized)
        let stale = PlatformRequest.slack("start", trigger: "2", at: ChatSite.now - 301)
        #expect(try chat.refused(stale) == ChatResponse.unauthorized)
        let future = PlatformRequest.slack("start", trigger: "3", at: ChatSite.now + 301)
        #expect(try chat.refused(future) == ChatResponse.unauthorized)
        #expect(try chat.refused(PlatformRequest.slack("start", trigger: "4", path: "/slak")) == ChatResponse.notFound)
        #expect(chat.site.writtenFiles().isEmpty)
        // Within the window, a retry of the same invocation gets the same reply and moves nothing.
        try chat.sentAgainMovesNothing(
            opening: PlatformRequest.slack("start one-to-one", trigger: "5", at: ChatSite.now - 299),
            answer: PlatformRequest.slack("Jeg holder fast", trigger: "6", at: ChatSite.now + 299), progress: "1/4")
    }

    // MARK: Mattermost

    /// The slash command `/samtale …`: the token in `Authorization: Token` and the form, the reply `ephemeral`.
    @Test(arguments: FrontDoor.all) func mattermostSlashCommandHoldsAWhole1to1Privately(door: FrontDoor) throws {
        let chat = try Chat(door)
        try Self.oneToOne(chat, key: "text", inChannel: false, plain: Self.unescaped) { text, number in
            PlatformRequest.mattermostCommand(text, trigger: "dHJpZ2dlci\(number)")
        }
        #expect(
            try chat.send(PlatformRequest.mattermostCommand("hej", trigger: "x")).member("response_type") == "ephemeral"
        )
    }

    /// The outgoing webhook in a public channel: JSON or a form, the reply a `comment` in the thread.
    @Test(arguments: FrontDoor.all) func mattermostOutgoingWebhookHoldsAWhole1to1InTheThread(door: FrontDoor) throws {
        let chat = try Chat(door)
        try Self.oneToOne(chat, key: "text", inChannel: true, plain: Self.unescaped) { text, number in
            PlatformRequest.mattermostOutgoing(text, post: "x8u8a4t7bprb3n7a1bpfegtr\(number)", asForm: number % 2 == 0)
        }
        let response = try chat.send(PlatformRequest.mattermostOutgoing("hej", post: "ny"))
        #expect(response.member("response_type") == "comment")
    }

    @Test(arguments: FrontDoor.all) func mattermostRefusesAWrongTokenAStaleMessageAndAnUnknownPath(door: FrontDoor)
        throws
    {
        let chat = try Chat(door)
        #expect(
            try chat.refused(PlatformRequest.mattermostCommand("hej", trigger: "1", token: "forkert"))
                == ChatResponse.unauthorized)
        let wrong = PlatformRequest.mattermostOutgoing("hej", post: "p1", token: ChatSite.mattermostCommandToken)
        #expect(try chat.refused(wrong) == ChatResponse.unauthorized)
        #expect(
            try chat.refused(PlatformRequest.mattermostOutgoing("hej", post: "p2", at: ChatSite.now - 400))
                == ChatResponse.unauthorized)
        let lost = PlatformRequest.mattermostCommand("hej", trigger: "2", path: "/matter")
        #expect(try chat.refused(lost) == ChatResponse.notFound)
        #expect(chat.site.writtenFiles().isEmpty)
        try chat.sentAgainMovesNothing(
            opening: PlatformRequest.mattermostOutgoing("hej", post: "p3"),
            answer: PlatformRequest.mattermostOutgoing("Jeg holder fast", post: "p4"), progress: "1/4")
    }

    // MARK: Rocket.Chat

    /// A message in a channel starts a thread (`tmid` its id), and the answers in the thread are the conversation.
    @Test(arguments: FrontDoor.all) func rocketChatHoldsAWhole1to1InAThread(door: FrontDoor) throws {
        let chat = try Chat(door)
        try Self.oneToOne(chat, key: "text", inChannel: true, plain: Self.unescaped) { text, number in
            number == 1
                ? PlatformRequest.rocketChat(text, id: "Zk6ryWb9a8M5vYtNd")
                : PlatformRequest.rocketChat(text, id: "Zk6ryWb9a8M5vYt\(number)", thread: "Zk6ryWb9a8M5vYtNd")
        }
        #expect(
            try chat.send(PlatformRequest.rocketChat("hej", id: "a", thread: "Zk6ryWb9a8M5vYtNd")).member("tmid")
                == "Zk6ryWb9a8M5vYtNd")
    }

    /// A direct message to the bot: one conversation, no thread, no notice.
    @Test(arguments: FrontDoor.all) func rocketChatHoldsAWhole1to1InADirectMessage(door: FrontDoor) throws {
        let chat = try Chat(door)
        try Self.oneToOne(chat, key: "text", inChannel: false, plain: Self.unescaped) { text, number in
            PlatformRequest.rocketChat(text, id: "dm\(number)", inChannel: false)
        }
        #expect(try chat.send(PlatformRequest.rocketChat("hej", id: "dm9", inChannel: false)).member("tmid") == nil)
    }

    @Test(arguments: FrontDoor.all) func rocketChatRefusesAWrongTokenAStaleMessageAnUnknownPathAndLeavesBotsUnanswered(
        door: FrontDoor
    ) throws {
        let chat = try Chat(door)
        #expect(
            try chat.refused(PlatformRequest.rocketChat("hej", id: "1", token: "forkert")) == ChatResponse.unauthorized)
        #expect(
            try chat.refused(PlatformRequest.rocketChat("hej", id: "2", at: ChatSite.now + 600))
                == ChatResponse.unauthorized)
        #expect(try chat.refused(PlatformRequest.rocketChat("hej", id: "6", path: "/rocket")) == ChatResponse.notFound)
        let bot = try chat.send(PlatformRequest.rocketChat("Spørgsmål 1 af 4", id: "3", bot: true))
        #expect(bot.status == ChatResponse.ok && bot.body == "{}")
        #expect(chat.site.writtenFiles().isEmpty)
        try chat.sentAgainMovesNothing(
            opening: PlatformRequest.rocketChat("hej", id: "4", inChannel: false),
            answer: PlatformRequest.rocketChat("Jeg holder fast", id: "5", inChannel: false), progress: "1/4")
    }

    // MARK: Teams

    /// An @mention in a channel thread of the team's endpoint (a team dialogue for Ann and Bo), to the summary.
    @Test(arguments: FrontDoor.all) func teamsHoldsAWholeTeamDialogueInAThread(door: FrontDoor) throws {
        let chat = try Chat(door)
        var id = 0
        func teams(_ text: String) throws -> String {
            id += 1
            // Teams takes markdown: a line break is an empty line.
            return Self.unescaped(try chat.reply(PlatformRequest.teams(text, id: "14859834085\(id)")))
                .replacingOccurrences(of: "\n\n", with: "\n")
        }
        let opening = try teams("start")
        #expect(opening.hasPrefix(Self.notice + "\n\nTeamdialog om »Det fundamentale ansvar i rollen« for Ann og Bo"))
        #expect(
            opening.hasSuffix(
                "Spørgsmål 1 af 5\nHvilken del af jeres fælles opgave hænger tættest sammen med »Det fundamentale "
                    + "ansvar i rollen«, og hvad betyder det for jeres arbejde lige nu?\n(frivilligt – skriv »spring« "
                    + "for at springe over)"))
        #expect(try teams("Målopfyldelse").hasPrefix("Spørgsmål 2 af 5\nAnn spørger:\n"))
        #expect(try teams("Tavlemøder").hasPrefix("Spørgsmål 3 af 5\nBo spørger:\n"))
        #expect(try teams("spring").hasPrefix("Spørgsmål 4 af 5\nAnn spørger:\n"))
        #expect(
            try teams("Driften")
                == "Spørgsmål 5 af 5\nHvad aftaler vi i teamet? Aftale 1: hvad? (skriv »spring«, når der ikke er flere "
                + "aftaler)")
        #expect(
            try teams("Fælles tavle") == "Spørgsmål 5 af 5\nHvem?\n(frivilligt – skriv »spring« for at springe over)")
        #expect(try teams("Bo").hasPrefix("Spørgsmål 5 af 5\nHvornår?"))
        #expect(try teams("spring").hasPrefix("Spørgsmål 5 af 5\nHvad aftaler vi i teamet? Aftale 2: hvad?"))
        let summary = try teams("spring")
        #expect(summary.hasPrefix("OPSUMMERING: Teamdialog\n"), "\(summary)")
        #expect(summary.contains("Målopfyldelse") && summary.contains("1. Fælles tavle – hvem: Bo"), "\(summary)")
        #expect(summary.hasSuffix("Samtalen er slut."))
        // Another thread of the channel is another conversation.
        let other = try chat.reply(PlatformRequest.teams("start", id: "2", thread: "1485983409999"))
        #expect(Self.unescaped(other).hasPrefix(Self.notice))
        #expect(try chat.site.sessionsList().contains("afsluttet"))
    }

    @Test(arguments: FrontDoor.all) func teamsRefusesAWrongSignatureAStaleMessageAndAnUnknownPath(door: FrontDoor)
        throws
    {
        let chat = try Chat(door)
        let otherKey = Base64.encode(Array(repeating: 7, count: 32))
        #expect(try chat.refused(PlatformRequest.teams("start", id: "1", token: otherKey)) == ChatResponse.unauthorized)
        // The time is signed with the rest: a stale message cannot be made fresh.
        #expect(
            try chat.refused(PlatformRequest.teams("start", id: "2", at: ChatSite.now - 3600))
                == ChatResponse.unauthorized)
        #expect(try chat.refused(PlatformRequest.teams("start", id: "3", path: "/teams")) == ChatResponse.notFound)
        #expect(chat.site.writtenFiles().isEmpty)
        // Teams retries after five seconds: the same reply, and the conversation moved once.
        try chat.sentAgainMovesNothing(
            opening: PlatformRequest.teams("start", id: "4"), answer: PlatformRequest.teams("Målopfyldelse", id: "5"),
            progress: "1/5")
    }

    // MARK: Zulip

    /// An @mention in a stream's topic: the topic is the conversation, seen by the stream.
    @Test(arguments: FrontDoor.all) func zulipHoldsAWhole1to1InAStreamTopic(door: FrontDoor) throws {
        let chat = try Chat(door)
        try Self.oneToOne(chat, key: "content", inChannel: true) { text, number in
            PlatformRequest.zulip(text, id: 100 + number, topic: "1:1 med Iago")
        }
        let otherTopic = try chat.reply(PlatformRequest.zulip("hej", id: 200, topic: "Andet emne"), "content")
        #expect(otherTopic.hasSuffix(Self.firstQuestion))
    }

    /// A direct message to the bot: private, so no notice.
    @Test(arguments: FrontDoor.all) func zulipHoldsAWhole1to1InADirectMessage(door: FrontDoor) throws {
        let chat = try Chat(door)
        try Self.oneToOne(chat, key: "content", inChannel: false) { text, number in
            PlatformRequest.zulip(text, id: number)
        }
    }

    @Test(arguments: FrontDoor.all) func zulipRefusesAWrongTokenAStaleMessageAndAnUnknownPath(door: FrontDoor) throws {
        let chat = try Chat(door)
        #expect(try chat.refused(PlatformRequest.zulip("hej", id: 1, token: "forkert")) == ChatResponse.unauthorized)
        #expect(
            try chat.refused(PlatformRequest.zulip("hej", id: 2, at: ChatSite.now - 301)) == ChatResponse.unauthorized)
        #expect(
            try chat.refused(PlatformRequest.zulip("hej", id: 3, at: ChatSite.now + 301)) == ChatResponse.unauthorized)
        #expect(try chat.refused(PlatformRequest.zulip("hej", id: 4, path: "/zulipp")) == ChatResponse.notFound)
        #expect(chat.site.writtenFiles().isEmpty)
        try chat.sentAgainMovesNothing(
            opening: PlatformRequest.zulip("hej", id: 5), answer: PlatformRequest.zulip("Jeg holder fast", id: 6),
            key: "content", progress: "1/4")
    }
}

extension String {
    /// The text from the first `marker` on; empty when there is none.
    fileprivate func suffix(from marker: String) -> String {
        guard let range = range(of: marker) else { return "" }
        return String(self[range.lowerBound...])
    }
}
