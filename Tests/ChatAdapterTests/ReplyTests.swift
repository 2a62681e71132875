import SamtaleCore
import Testing

@testable import ChatAdapter

@Suite struct ReplyTests {
    static let question = "Hvad lykkes du med?\n*Tag* dig tid"

    @Test func eachPlatformGetsItsShape() throws {
        let replies = try PlatformRequests.all.map { file, platform in
            String(
                decoding: try PlatformRequests.message(file, platform).reply(Self.question, language: .da),
                as: UTF8.self)
        }
        #expect(
            replies == [
                #"{"type":"message","text":"Hvad lykkes du med?\n\n\\*Tag\\* dig tid"}"#,
                #"{"type":"message","text":"Hvad lykkes du med?\n\n\\*Tag\\* dig tid"}"#,
                #"{"response_type":"ephemeral","text":"Hvad lykkes du med?\n*Tag* dig tid"}"#,
                #"{"response_type":"ephemeral","text":"Hvad lykkes du med?\n*Tag* dig tid"}"#,
                #"{"response_type":"ephemeral","text":"Hvad lykkes du med?\n\\*Tag\\* dig tid"}"#,
                #"{"response_type":"comment","text":"Hvad lykkes du med?\n\\*Tag\\* dig tid"}"#,
                #"{"content":"Hvad lykkes du med?\n\\*Tag\\* dig tid"}"#,
                #"{"content":"Hvad lykkes du med?\n\\*Tag\\* dig tid"}"#,
                #"{"text":"Hvad lykkes du med?\n\\*Tag\\* dig tid","tmid":"7aDSXtjMA3KPLxLjt"}"#,
            ])
    }

    /// What would mention, link or tag on each platform, in the text of its reply.
    static let liveMarkup: [ChatPlatform: [String]] = [
        .teams: ["<at>", "<a ", "[klik]"],
        .slack: ["<!channel>", "<!here>", "<at>", "<a "],
        .mattermost: ["@channel", "@here", "@all", "<!channel>", "<!here>", "[klik]"],
        .zulip: ["@**all**", "<!channel>", "[klik]"],
        .rocketchat: ["@channel", "@here", "@all", "<a ", "](https"],
    ]

    /// Text quoted back from a person can mention no one and inject no markup on any platform.
    @Test(arguments: PlatformRequests.all)
    func aPersonsTextCannotMentionOrLink(file: String, platform: ChatPlatform) throws {
        let hostile = "@channel @here @all <!channel> <!here> <at>Ann</at> <a href=x>y</a> [klik](https://x) @**all**"
        let reply = try JSONParser.parse(try PlatformRequests.message(file, platform).reply(hostile, language: .da))
        let text = try #require(reply.member("text") ?? reply.member("content")).textValue
        for markup in Self.liveMarkup[platform]! {
            #expect(!text.contains(markup), "\(platform): \(markup) in \(text)")
        }
    }

    @Test(arguments: ChatPlatform.allCases)
    func aLongTextIsCutWithTheMarkerInTheLanguage(platform: ChatPlatform) throws {
        let file = PlatformRequests.all.first { $0.platform == platform }!.file
        let message = try PlatformRequests.message(file, platform)
        let long = String(repeating: "ø", count: 40_000)
        for (language, marker) in [
            (Language.da, "… (afkortet – hele teksten er gemt i samtalefilen)"),
            (.en, "… (truncated – the whole text is saved in the session file)"),
        ] {
            let reply = message.reply(long, language: language)
            let parsed = try JSONParser.parse(reply)
            let text = try #require(parsed.member("text") ?? parsed.member("content"))
            #expect(text.textValue.hasSuffix(marker))
            if platform == .teams { #expect(reply.count <= ChatLimit.teamsRequest) }
        }
    }

    @Test func deadlinesAreThePlatforms() {
        #expect(ChatPlatform.allCases.map(\.replyDeadlineSeconds) == [5, 3, 30, 10, 20])
        #expect(ChatPlatform.allCases.map(\.rawValue) == ["teams", "slack", "mattermost", "zulip", "rocketchat"])
    }
}

extension JSONValue {
    /// The text of a string value; empty for anything else.
    fileprivate var textValue: String {
        if case .string(let text) = self { return text }
        return ""
    }
}
