import Foundation
import SamtaleCore
import Testing

@testable import ChatAdapter

@Suite struct MessageTests {
    @Test func teamsMentionStartsAThread() throws {
        let message = try PlatformRequests.message("teams-mention", .teams)
        #expect(message.text == "start 1:1")
        #expect(message.author.name == "Tim Jones")
        #expect(message.author.id.hasPrefix("29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt"))
        #expect(message.conversation == "19:253b1f341670408fb6fe51050b6e5ceb@thread.skype;messageid=1485983408511")
        #expect(message.messageID == "1485983408511")
        #expect(message.sentAt == Timestamp(iso: "2017-02-01T21:10:07Z").map(ChatMessage.SentTime.at))
        #expect(message.teamID == "19:712c61d0ef384e5fa681ba90ec3c4e2d@thread.skype")
        #expect(message.channelID == "19:253b1f341670408fb6fe51050b6e5ceb@thread.skype")
        #expect(!message.isSlashCommand)
    }

    /// A reply in the thread is the same conversation, its own message; its entities are decoded.
    @Test func teamsThreadReplyIsTheSameConversation() throws {
        let first = try PlatformRequests.message("teams-mention", .teams)
        let reply = try PlatformRequests.message("teams-thread-reply", .teams)
        #expect(reply.conversation == first.conversation)
        #expect(reply.messageID != first.messageID)
        #expect(reply.text == "Vi taler om <arbejdsbyrde> & ro")
    }

    @Test(arguments: [
        ("<at>Samtale</at> spring", "spring"),
        ("<at>Samtale</at>&nbsp;gentag&nbsp;", "gentag"),
        ("<at>Samtale</at> tak til <at>Ann</at> og <at id=\"2\">Bo Berg</at>", "tak til Ann og Bo Berg"),
        ("før <at id=\"0\">Samtale</at> efter", "før  efter"),
        ("&lt;at&gt;Samtale&lt;/at&gt; tak", "<at>Samtale</at> tak"),
        ("&amp;lt; &quot;citat&quot; &#39;x&#x27; &#229;", "&lt; \"citat\" 'x' å"),
        ("R&D &unknown; &#0; &#xD800; &", "R&D &unknown; &#0; &#xD800; &"),
        ("<atlas> er ikke en omtale </at>", "<atlas> er ikke en omtale </at>"),
    ])
    func teamsTextIsThePlainText(html: String, text: String) {
        #expect(TeamsText.plain(html) == text)
    }

    @Test func slackCommandTextIsFormDecoded() throws {
        let message = try PlatformRequests.message("slack-command", .slack)
        #expect(message.text == "start self skanderborg & ø")
        #expect(message.author == ChatAuthor(id: "U2CERLKJA", name: "roadrunner"))
        #expect(message.conversation == "G8PSS9T3V/U2CERLKJA")
        #expect(message.messageID == "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
        #expect(message.sentAt == .at(Timestamp(secondsSinceEpoch: 1_531_420_700)))
        #expect(message.teamID == "T1DC2JH3J")
        #expect(message.channelID == "G8PSS9T3V")
        #expect(message.isSlashCommand)
    }

    @Test func slackWorkedExampleHasAnEmptyText() throws {
        #expect(try PlatformRequests.message("slack-worked-example", .slack).text == "")
    }

    @Test func mattermostCommandIsASlashCommand() throws {
        let message = try PlatformRequests.message("mattermost-command", .mattermost)
        #expect(message.text == "start 1:1")
        #expect(message.author == ChatAuthor(id: "rnina8cfkirkzb5ze3xyw9y4ur", name: "ann"))
        #expect(message.conversation == "fukxanjgjbnp7ng383at53k1sy/rnina8cfkirkzb5ze3xyw9y4ur")
        #expect(message.isSlashCommand)
        #expect(message.teamID == "rdc9bgriktyx9p4kowh3dmgqyc")
    }

    /// The same person in the same channel is one conversation, by slash command or by the trigger word.
    @Test func mattermostOutgoingWebhookLosesItsTriggerWord() throws {
        let message = try PlatformRequests.message("mattermost-outgoing", .mattermost)
        let command = try PlatformRequests.message("mattermost-command", .mattermost)
        #expect(message.text == "spring")
        #expect(!message.isSlashCommand)
        #expect(message.conversation == command.conversation)
        #expect(message.messageID == "x8u8a4t7bprb3n7a1bpfegtrcy")
        #expect(message.sentAt == .at(Timestamp(secondsSinceEpoch: 1_764_497_400)))
    }

    @Test func zulipStreamMentionIsItsTopic() throws {
        let message = try PlatformRequests.message("zulip-mention", .zulip)
        #expect(message.text == "Zulip is the world\u{2019}s most productive group chat!")
        #expect(message.author == ChatAuthor(id: "5", name: "Iago"))
        #expect(message.conversation == "stream/5/Verona2")
        #expect(message.messageID == "112")
        #expect(message.sentAt == .at(Timestamp(secondsSinceEpoch: 1_527_876_931)))
        #expect(message.channelID == "5")
    }

    /// A key's parts are escaped before they are joined, so ids or topics with "/", "," or "%" in them never make two
    /// threads one.
    @Test func conversationKeysOfDifferentPartsDiffer() {
        #expect(ChatMessage.conversationKey(["stream", "7/a", ""]) == "stream/7%2Fa/")
        #expect(ChatMessage.conversationKey(["stream", "7", "a/"]) == "stream/7/a%2F")
        #expect(ChatMessage.conversationKey(["a/b"]) != ChatMessage.conversationKey(["a", "b"]))
        #expect(ChatMessage.conversationKey(["1,2"]) == "1%2C2")
        #expect(ChatMessage.conversationKey(["%2F"]) != ChatMessage.conversationKey(["/"]))
        #expect(ChatMessage.conversationKey(["GENERAL", "7aDSXtjMA3KPLxLjt"]) == "GENERAL/7aDSXtjMA3KPLxLjt")
    }

    @Test func zulipDirectMessageIsItsPeople() throws {
        let message = try PlatformRequests.message("zulip-direct", .zulip)
        #expect(message.text == "gentag")
        #expect(message.conversation == "direct/25,5")
        #expect(message.messageID == "113")
    }

    @Test func rocketChatThreadIsItsConversation() throws {
        let message = try PlatformRequests.message("rocketchat-thread", .rocketchat)
        #expect(message.text == "fortsæt")
        #expect(message.author == ChatAuthor(id: "fH3pvzGvd7dmdtr3K", name: "ann"))
        #expect(message.conversation == "GENERAL/7aDSXtjMA3KPLxLjt")
        #expect(message.messageID == "Zk6ryWb9a8M5vYtNd")
        #expect(message.sentAt == Timestamp(iso: "2026-11-30T09:30:00Z").map(ChatMessage.SentTime.at))
    }

    /// A message outside a thread starts one: the reply goes under it, and the answers there are one conversation.
    @Test func rocketChatMessageOutsideAThreadStartsOne() throws {
        let request = try PlatformRequests.request("rocketchat-thread")
            .withBody { $0.replacingOccurrences(of: "\"tmid\"", with: "\"not-tmid\"") }
        let verified = try #require(
            try PlatformRequests.verifier(.rocketchat).verified(request, now: PlatformRequests.now))
        let message = try ChatMessage(verified)
        #expect(message.conversation == "GENERAL/Zk6ryWb9a8M5vYtNd")
        let reply = try JSONParser.parse(message.reply("Hej", language: .da))
        #expect(reply.member("tmid") == .string("Zk6ryWb9a8M5vYtNd"))
    }

    /// A leading mention of the bot goes in every form Zulip writes it, whatever follows it: a command on the next
    /// line is still the command, and a mention alone leaves nothing.
    @Test(arguments: [
        (#"@**Outgoing webhook test**\nspring"#, "spring"), (#"@_**Outgoing webhook test** spring"#, "spring"),
        (#"@**outgoing webhook test** gentag"#, "gentag"), (#"@**Outgoing webhook test|25** gentag"#, "gentag"),
        (#"@**Outgoing webhook test**"#, ""), (#"@**Iago** hej"#, "@**Iago** hej"),
    ])
    func zulipsMentionOfTheBotGoesInEveryForm(data: String, text: String) throws {
        let message = try PlatformRequests.message("zulip-mention", .zulip) { body in
            body.replacingOccurrences(
                of: #""@**Outgoing webhook test** Zulip is the world\u2019s most productive group chat!""#,
                with: "\"\(data)\"")
        }
        #expect(message.text == text)
    }

    /// Whether the whole channel sees the conversation: Teams' channel threads, Zulip's streams, Mattermost's
    /// outgoing webhooks and Rocket.Chat's channels do; slash commands' private replies and direct messages do not.
    @Test(arguments: [
        ("teams-mention", ChatPlatform.teams, true), ("slack-command", .slack, false),
        ("mattermost-command", .mattermost, false), ("mattermost-outgoing", .mattermost, true),
        ("zulip-mention", .zulip, true), ("zulip-direct", .zulip, false), ("rocketchat-thread", .rocketchat, true),
    ])
    func theChannelSeesWhatIsWrittenInIt(file: String, platform: ChatPlatform, isInChannel: Bool) throws {
        let message = try PlatformRequests.message(file, platform)
        #expect(message.isInChannel == isInChannel)
        #expect(!message.isFromBot)
    }

    /// A Rocket.Chat direct message (no `channel_name`) outside a thread is one conversation, answered without `tmid`.
    @Test func rocketChatDirectMessageIsOneConversation() throws {
        let request = try PlatformRequests.request("rocketchat-thread").withBody {
            $0.replacingOccurrences(of: "\"channel_name\"", with: "\"room\"")
                .replacingOccurrences(of: "\"tmid\"", with: "\"not-tmid\"")
        }
        let verified = try #require(
            try PlatformRequests.verifier(.rocketchat).verified(request, now: PlatformRequests.now))
        let message = try ChatMessage(verified)
        #expect(message.conversation == "GENERAL")
        #expect(!message.isInChannel)
        #expect(try JSONParser.parse(message.reply("Hej", language: .da)).member("tmid") == nil)
    }

    /// Rocket.Chat sends `bot` with a bot's message only, samtale's own replies among them.
    @Test func rocketChatMarksABotsMessage() throws {
        let request = try PlatformRequests.request("rocketchat-thread").withBody {
            $0.replacingOccurrences(of: "\"token\"", with: "\"bot\": {\"i\": \"rocket.cat\"}, \"token\"")
        }
        let verified = try #require(
            try PlatformRequests.verifier(.rocketchat).verified(request, now: PlatformRequests.now))
        #expect(try ChatMessage(verified).isFromBot)
    }

    /// A message's own time, within five minutes either way of now, or none at all.
    @Test(arguments: [(-300, true), (300, true), (-301, false), (301, false)])
    func freshnessIsFiveMinutesEitherWay(offset: Int64, isFresh: Bool) throws {
        let message = try PlatformRequests.message("rocketchat-thread", .rocketchat)
        guard case .at(let moment) = message.sentAt else { throw CocoaError(.coderInvalidValue) }
        let sent = moment.secondsSinceEpoch
        #expect(message.isFresh(at: Timestamp(secondsSinceEpoch: sent + offset)) == isFresh)
        #expect(
            try PlatformRequests.message("mattermost-command", .mattermost).isFresh(at: .init(secondsSinceEpoch: 0)))
    }

    /// A time member that is there but is no moment as the platform writes it is refused as a stale one is, at
    /// the very moment its fixture's own time passes; only a payload without one passes.
    @Test(arguments: [
        (
            "zulip-mention", ChatPlatform.zulip, "1527876931",
            ["1.5e9", "1e20", "1180591620717411303424", "null", "\"abc\"", "true"]
        ),
        (
            "teams-mention", .teams, "\"2017-02-01T21:10:07.437Z\"",
            ["\"\"", "\"garbage\"", "1", "\"2017-02-01T21:10:07\"", "\"2017-02-01T21:10:07.\"", "null"]
        ),
        (
            "rocketchat-thread", .rocketchat, "\"2026-11-30T09:30:00.000Z\"",
            ["\"\"", "1764495000", "{}", "{\"$date\": \"x\"}", "{\"$date\": 1.7e12}", "null"]
        ),
        ("mattermost-outgoing", .mattermost, "1764497400123", ["\"x\"", "1.7644974e12", "null", "[]"]),
    ])
    func aTimeThatCannotBeReadIsNotFresh(file: String, platform: ChatPlatform, time: String, unreadable: [String])
        throws
    {
        guard case .at(let sent) = try PlatformRequests.message(file, platform).sentAt else {
            throw CocoaError(.coderInvalidValue)
        }
        for written in unreadable {
            let message = try PlatformRequests.message(file, platform) { body in
                body.replacingOccurrences(of: "\"timestamp\": " + time, with: "\"timestamp\": " + written)
            }
            #expect(message.sentAt == .unreadable, "\(written)")
            #expect(!message.isFresh(at: sent), "\(written)")
        }
        let untimed = try PlatformRequests.message(file, platform) { body in
            body.replacingOccurrences(of: "\"timestamp\": " + time, with: "\"untimed\": " + time)
        }
        #expect(untimed.sentAt == .notGiven)
        #expect(untimed.isFresh(at: sent))
    }

    /// A time at either end of what 64 bits hold is far from now, not a number to subtract now from.
    @Test(arguments: [Int64.min, Int64.max]) func anExtremeTimeIsStale(seconds: Int64) throws {
        let message = try PlatformRequests.message("zulip-mention", .zulip) { body in
            body.replacingOccurrences(of: "\"timestamp\": 1527876931", with: "\"timestamp\": \(seconds)")
        }
        #expect(message.sentAt == .at(Timestamp(secondsSinceEpoch: seconds)))
        #expect(!message.isFresh(at: Timestamp(secondsSinceEpoch: 1_527_876_931)))
    }

    /// Rocket.Chat's older form of the moment, `{"$date": milliseconds}`, is read as the ISO text is.
    @Test func rocketChatsOlderMomentIsRead() throws {
        let message = try PlatformRequests.message("rocketchat-thread", .rocketchat) { body in
            body.replacingOccurrences(
                of: "\"2026-11-30T09:30:00.000Z\"", with: "{\"$date\": 1764495000123}")
        }
        #expect(message.sentAt == .at(Timestamp(secondsSinceEpoch: 1_764_495_000)))
    }

    @Test func aMissingFieldIsNamed() throws {
        let request = try PlatformRequests.request("zulip-mention")
            .withBody { $0.replacingOccurrences(of: "\"sender_id\"", with: "\"sender\"") }
        let verified = try #require(try PlatformRequests.verifier(.zulip).verified(request, now: PlatformRequests.now))
        #expect(throws: ChatPayloadError.missingField(.zulip, "message.sender_id")) { try ChatMessage(verified) }
        #expect(
            ChatPayloadError.missingField(.zulip, "message.sender_id").message
                == Localized(
                    da: "beskeden fra Zulip mangler feltet »message.sender_id«",
                    en: "the message from Zulip lacks the field \"message.sender_id\""))
    }
}
