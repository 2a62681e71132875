import Foundation
import SamtaleCore
import SamtaleDecks
import Testing

@testable import WebhookAdapter

/// Real messages as samtale makes them: prompts from the built-in decks, text from standard input, summaries of
/// finished sessions.
enum Samples {
    static let catalog = try! Catalog.load(builtin: BuiltinDecks.all, files: [])
    static let flows: [Flow] = BuiltinFlows.files.map { try! FlowDecoder.decode($0.bytes) }
    static let date = CivilDate(year: 2026, month: 11, day: 26)!

    /// The day's prompt for a request, or nil when its filters leave no question.
    static func prompt(deck: String? = nil, role: String? = nil, theme: String? = nil) throws -> Prompt? {
        do {
            guard
                case .prompt(let prompt) = try catalog.prompt(
                    for: PromptOptions(
                        deck: deck, role: role, theme: theme,
                        date: date), today: date)
            else { return nil }
            return prompt
        } catch .noQuestions {
            return nil
        }
    }

    /// A prompt of a question that cannot stand alone (the chef's "Hvad kan du forbedre? Gøre mere af? Mindre af?").
    static func promptWithContext() throws -> Prompt {
        for seed in UInt64(0)..<50 {
            let options = PromptOptions(
                role: "chef", theme: "sammen styrker", audience: .individual, selection: .random(seed: seed))
            if case .prompt(let prompt) = try catalog.prompt(for: options, today: date), prompt.context != nil {
                return prompt
            }
        }
        Issue.record("no seed picks a question that cannot stand alone")
        throw CancellationError()
    }

    /// A session of a flow run to its end: every question answered, one agreement per list.
    static func finishedSession(_ setup: ConversationSetup) throws -> Session {
        let flow = try #require(flows.first { $0.id == setup.flow })
        let script = try flow.expand(over: try catalog.resolveDeck(setup.deck), setup: setup)
        var session = Session(
            id: try #require(SessionID(validating: "0123456789abcdefghjkmnpqrs")), setup: setup,
            script: script, at: "2026-11-26T09:00:00+01:00")
        var actions = session.received(.start, at: "2026-11-26T09:00:00+01:00")
        var agreed: Set<Substring> = []
        while case .ask(let action)? = actions.last, actions.count < 1_000 {
            let ask = action.ask
            let reply: String =
                switch ask.kind {
                case .text where ask.id.hasPrefix("agreement-"):
                    ask.id.hasSuffix("-what") && !agreed.insert(ask.id.split(separator: "-")[1]).inserted ? "" : "Ann"
                case .text: "Svar på »\(ask.text.prefix(20))«"
                case .scale(let minimum, _): String(minimum)
                case .choice: "1"
                case .points(let labels, let total):
                    ([total] + Array(repeating: 0, count: labels.count - 1)).map(String.init)
                        .joined(separator: " ")
                }
            actions = session.received(.answer(reply), at: "2026-11-26T09:05:00+01:00")
        }
        #expect(session.status == .finished)
        return session
    }

    static let oneToOne = ConversationSetup(
        flow: "one-to-one", deck: "hjoerring-dialogkort", roles: ["medarbejder"],
        themes: ["sammen-sikrer-vi-driften"])
    static let seesaw = ConversationSetup(
        flow: "seesaw", deck: "hjoerring-ledelse-af-kerneopgaven", roles: ["leder"],
        language: .en)

    /// Every value in a payload with where it is, the root first.
    static func values(in value: JSONValue, at path: JSONPath = .root) -> [(path: JSONPath, value: JSONValue)] {
        let children: [(path: JSONPath, value: JSONValue)] =
            switch value {
            case .array(let elements): elements.enumerated().map { (path.appending($0.offset), $0.element) }
            case .object(let members): members.map { (path.appending($0.key), $0.value) }
            case .null, .bool, .number, .string: []
            }
        return [(path, value)] + children.flatMap { values(in: $0.value, at: $0.path) }
    }

    /// Every string in a payload with where it is.
    static func strings(in payload: JSONValue) -> [(path: JSONPath, text: String)] {
        values(in: payload).compactMap { entry in
            guard case .string(let text) = entry.value else { return nil }
            return (entry.path, text)
        }
    }

    /// The value at a path such as `blocks[1].text`, or nil.
    static func value(_ payload: JSONValue, at path: String) -> JSONValue? {
        values(in: payload).first { $0.path.description == path }?.value
    }

    static func string(_ payload: JSONValue, at path: String) -> String? {
        guard case .string(let text)? = value(payload, at: path) else { return nil }
        return text
    }

    static func keys(_ value: JSONValue?) -> [String] {
        guard case .object(let members)? = value else { return [] }
        return members.map(\.key)
    }
}

@Suite struct PayloadTests {
    static let zwsp = "\u{200B}"

    // MARK: Exact payloads

    static let small = WebhookMessage(
        title: "Dagens refleksion", body: "Hvad *virker* for @team & <dig>?\n# Tænk",
        context: "Medarbejder · Drift", footer: "Kolding Kommune · Ledelse",
        generic: .object([JSONMember("text", .string("Hvad?"))]), language: .da
    )

    static let expected: [Platform: String] = [
        .teams:
            ##"{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":"##
            + ##"{"$schema":"http://adaptivecards.io/schemas/adaptive-card.json","type":"AdaptiveCard","version":"1.4","##
            + ##""body":["##
            + ##"{"type":"TextBlock","text":"Dagens refleksion","weight":"Bolder","size":"Medium","wrap":true},"##
            + ##"{"type":"TextBlock","text":"Medarbejder · Drift","isSubtle":true,"size":"Small","spacing":"None","wrap":true},"##
            + ##"{"type":"TextBlock","text":"Hvad \\*virker\\* for @team & <dig>?\n\n\\# Tænk","wrap":true},"##
            + ##"{"type":"TextBlock","text":"Kolding Kommune · Ledelse","isSubtle":true,"size":"Small","wrap":true}]}}]}"##,
        .slack: ##"{"text":"Dagens refleksion\n\nHvad *virker* for @team &amp; &lt;dig&gt;?\n# Tænk","blocks":["##
            + ##"{"type":"header","text":{"type":"plain_text","text":"Dagens refleksion"}},"##
            + ##"{"type":"section","text":{"type":"plain_text","text":"Hvad *virker* for @team &amp; &lt;dig&gt;?\n# Tænk"}},"##
            + ##"{"type":"context","elements":[{"type":"plain_text","text":"Medarbejder · Drift"},"##
            + ##"{"type":"plain_text","text":"Kolding Kommune · Ledelse"}]}]}"##,
        .mattermost: ##"{"text":"**Dagens refleksion**\n_Medarbejder · Drift_\n\n"##
            + ##"Hvad \\*virker\\* for @\##(zwsp)team & <\##(zwsp)dig>?\n\\# Tænk\n\n_Kolding Kommune · Ledelse_"}"##,
        .discord: ##"{"embeds":[{"title":"Dagens refleksion","description":"_Medarbejder · Drift_\n\n"##
            + ##"Hvad \\*virker\\* for @\##(zwsp)team & <\##(zwsp)dig>?\n\\# Tænk","##
            + ##""footer":{"text":"Kolding Kommune · Ledelse"}}],"allowed_mentions":{"parse":[]}}"##,
        .googlechat: ##"{"text":"*Dagens refleksion*\n_Medarbejder · Drift_\n\n"##
            + ##"Hvad *virker* for @team & <\##(zwsp)dig>?\n# Tænk\n\n_Kolding Kommune · Ledelse_"}"##,
        .rocketchat: ##"{"text":"*Dagens refleksion*\n_Medarbejder · Drift_\n\n"##
            + ##"Hvad \\*virker\\* for @\##(zwsp)team & <\##(zwsp)dig>?\n\\# Tænk\n\n_Kolding Kommune · Ledelse_"}"##,
        .zulip: ##"{"text":"*Dagens refleksion*\n_Medarbejder · Drift_\n\n"##
            + ##"Hvad \\*virker\\* for @\##(zwsp)team & <\##(zwsp)dig>?\n\\# Tænk\n\n_Kolding Kommune · Ledelse_"}"##,
        .generic: ##"{"text":"Hvad?"}"##,
    ]

    @Test(arguments: Platform.allCases)
    func aSmallMessageHasExactlyThePlatformsPayload(platform: Platform) {
        #expect(JSONWriter.string(Self.small.payload(for: platform)) == Self.expected[platform])
    }

    // MARK: What samtale posts

    static func messages(_ language: Language) throws -> [WebhookMessage] {
        [
            WebhookMessage(
                prompt: try #require(try Samples.prompt(deck: "kolding-sammen-om-ledelse")), language: language),
            WebhookMessage(prompt: try Samples.promptWithContext(), language: language),
            WebhookMessage(text: "  Husk mødet kl. 10 *i dag*\n", language: language),
            WebhookMessage(summaryOf: try Samples.finishedSession(Samples.oneToOne), language: language),
        ]
    }

    @Test func promptMessagesSayWhereTheQuestionComesFrom() throws {
        let prompt = try #require(try Samples.prompt(deck: "kolding-sammen-om-ledelse"))
        let danish = WebhookMessage(prompt: prompt, language: .da)
        #expect(danish.title == "Dagens refleksion")
        #expect(WebhookMessage(prompt: prompt, language: .en).title == "Today's reflection")
        #expect(danish.body == prompt.text)
        #expect(danish.context == "\(prompt.role.name) · \(prompt.theme.name)")
        #expect(danish.footer == "\(prompt.deck.organisation) · \(prompt.deck.title)")
        #expect(danish.payload(for: .generic) == prompt.jsonValue)
    }

    @Test(arguments: Platform.allCases)
    func aQuestionThatCannotStandAloneIsPostedAfterTheQuestionItFollows(platform: Platform) throws {
        let prompt = try Samples.promptWithContext()
        let follows = try #require(prompt.context?.follows)
        let message = WebhookMessage(prompt: prompt, language: .da)
        #expect(message.body == "I forlængelse af spørgsmålet »\(follows)«\n\n\(prompt.text)")
        let payload = message.payload(for: platform)
        if platform == .generic {
            #expect(payload == prompt.jsonValue)
            #expect(Samples.value(payload, at: "context.follows") == .string(follows))
        } else {
            let texts = Samples.strings(in: payload).map(\.text)
            #expect(
                texts.contains { $0.contains("I forlængelse af spørgsmålet »\(follows)«") && $0.contains(prompt.text) })
        }
    }

    @Test func textMessagesAreTrimmed() {
        let message = WebhookMessage(text: "\n  Husk mødet\n\n", language: .en)
        #expect(message.title == "Message from samtale")
        #expect(message.body == "Husk mødet")
        #expect(message.context == nil && message.footer == nil)
        #expect(JSONWriter.string(message.payload(for: .generic)) == #"{"text":"Husk mødet"}"#)
    }

    @Test(arguments: Language.allCases)
    func summaryMessagesCarryTheSummaryText(language: Language) throws {
        let session = try Samples.finishedSession(Samples.oneToOne)
        let message = WebhookMessage(summaryOf: session, language: language)
        let script = session.conversation.script
        let text = session.conversation.summary.body(language: language)
        let label = language == .da ? "Opsummering" : "Summary"
        #expect(message.title == "\(label): \(script.title)")
        #expect(message.body == text)
        // The card's title is the heading, so the body does not repeat it.
        let printed = session.conversation.summary.text(language: language)
        #expect(printed.hasPrefix("\(label.uppercased()): \(script.title)\n") && printed.hasSuffix(text))
        #expect(!text.contains(label.uppercased()))
        #expect(message.footer == "\(script.organisation) · \(script.deckTitle)")
        #expect(
            message.payload(for: .generic)
                == .object([
                    JSONMember("session", .string("0123456789abcdefghjkmnpqrs")),
                    JSONMember("title", .string(script.title)),
                    JSONMember("text", .string(text)),
                ]))
    }

    @Test(arguments: Platform.allCases)
    func everyMessageHasThePlatformsShape(platform: Platform) throws {
        for language in Language.allCases {
            for message in try Self.messages(language) {
                let payload = message.payload(for: platform)
                /// The title as a platform shows it: with its backslashes taken out.
                func title(at path: String) -> String? {
                    Samples.string(payload, at: path)?.replacing("\\", with: "")
                }
                switch platform {
                case .teams:
                    #expect(Samples.keys(payload) == ["type", "attachments"])
                    #expect(
                        Samples.keys(Samples.value(payload, at: "attachments[0].content"))
                            == ["$schema", "type", "version", "body"])
                    let blocks = [message.title, message.context, message.body, message.footer].compactMap { $0 }
                    #expect(Samples.value(payload, at: "attachments[0].content.body[\(blocks.count - 1)]") != nil)
                    #expect(Samples.value(payload, at: "attachments[0].content.body[\(blocks.count)]") == nil)
                    #expect(title(at: "attachments[0].content.body[0].text") == message.title)
                case .slack:
                    #expect(Samples.keys(payload) == ["text", "blocks"])
                    #expect(Samples.string(payload, at: "blocks[0].type") == "header")
                    #expect(Samples.string(payload, at: "blocks[1].type") == "section")
                    #expect(Samples.string(payload, at: "blocks[1].text.type") == "plain_text")
                    #expect(Samples.string(payload, at: "text")?.hasPrefix(message.title) == true)
                case .discord:
                    #expect(Samples.keys(payload) == ["embeds", "allowed_mentions"])
                    #expect(Samples.value(payload, at: "allowed_mentions.parse") == .array([]))
                    #expect(title(at: "embeds[0].title") == message.title)
                    #expect((Samples.value(payload, at: "embeds[0].footer.text") != nil) == (message.footer != nil))
                case .mattermost, .googlechat, .rocketchat, .zulip:
                    #expect(Samples.keys(payload) == ["text"])
                    #expect(title(at: "text")?.contains(message.title) == true)
                case .generic:
                    #expect(payload == message.generic)
                    continue
                }
                // The body's first words are there: escaping leaves letters alone.
                let words = message.body.split(whereSeparator: { !$0.isLetter }).prefix(3).joined(separator: " ")
                let letters = Samples.strings(in: payload).map(\.text).joined(separator: "\n")
                    .split(whereSeparator: { !$0.isLetter }).joined(separator: " ")
                #expect(letters.contains(words), "\(platform): \(words)")
            }
        }
    }

    // MARK: Hostile text

    /// Every way to mention, link or format that some platform knows, and an `@` hidden in one Character with the
    /// scalar before it (U+0600 is a prepended mark).
    static let hostile =
        "@channel @here @everyone @all <!channel> <!here> <@U123> @**all** <users/all> "
        + "<http://evil|klik> [x](http://evil) *bold* _x_ ``code`` \u{600}@here"
    static let hostileMessage = WebhookMessage(
        title: hostile, body: hostile + "\n" + hostile, context: hostile,
        footer: hostile, generic: .object([]), language: .da)

    static let mentions = ["@channel", "@here", "@everyone", "@all", "@**all**", "@*"]
    static let angleForms = [
        "<!channel>", "<!here>", "<@U123>", "<users/all>", "<http://evil|klik>", "<!", "<@", "<users/",
    ]
    static let markdown = ["[x](http://evil)", "*bold*", "_x_", "``"]

    /// The raw forms that would mention someone, link or format on a platform: Teams cannot mention from plain text,
    /// and Slack (without `link_names`) and Google Chat mention only in angle brackets.
    static func forbidden(on platform: Platform, at path: JSONPath) -> [String] {
        switch platform {
        case .teams: markdown
        case .slack, .googlechat: angleForms
        // An embed footer shows no Markdown, so only mentions matter there.
        case .discord where path.description == "embeds[0].footer.text": mentions + angleForms
        case .mattermost, .discord, .rocketchat, .zulip: mentions + angleForms + markdown
        case .generic: []
        }
    }

    @Test(arguments: Platform.allCases.filter { $0 != .generic })
    func hostileTextMentionsNoOneAndKeepsItsWords(platform: Platform) {
        let strings = Samples.strings(in: Self.hostileMessage.payload(for: platform))
        for (path, text) in strings {
            for form in Self.forbidden(on: platform, at: path) {
                // Compared as bytes: a parser sees an `@` even where it shares a Character with the scalar before.
                #expect(!Array(text.utf8).contains(Array(form.utf8)), "\(platform) \(path) keeps \(form)")
            }
        }
        let all = strings.map(\.text).joined(separator: "\n")
        for word in ["channel", "here", "everyone", "all", "U123", "users/all", "evil", "klik", "bold", "code"] {
            #expect(all.contains(word), "\(platform) lost \(word)")
        }
    }

    @Test func theHostileTextHasTheFormsEveryPlatformForbids() {
        for platform in Platform.allCases where platform != .generic {
            for form in Self.forbidden(on: platform, at: .root) {
                #expect(Array(Self.hostile.utf8).contains(Array(form.utf8)), "\(form)")
            }
        }
    }

    // MARK: Cutting

    /// Danish letters and an emoji of five scalars, so that a cut in the wrong place shows.
    static let longText = String(repeating: "Æblegrød på ø 👩‍👩‍👧 ", count: 6_000)

    /// Where each platform carries the body of a text message, its limit there and how it counts.
    static func limits(_ platform: Platform) -> [(path: String, limit: Int, size: @Sendable (String) -> Int)] {
        let utf8: @Sendable (String) -> Int = { $0.utf8.count }
        let utf16: @Sendable (String) -> Int = { $0.utf16.count }
        return switch platform {
        case .teams: [("attachments[0].content.body[1].text", 28_000, utf8)]
        case .slack: [("text", 4_000, utf16), ("blocks[1].text.text", 3_000, utf16)]
        case .mattermost: [("text", 16_383, utf16)]
        case .discord: [("embeds[0].description", 4_096, utf16)]
        case .googlechat: [("text", 32_000, utf8)]
        case .rocketchat: [("text", 5_000, utf16)]
        case .zulip: [("text", 10_000, utf8)]
        case .generic: []
        }
    }

    @Test(arguments: Platform.allCases.filter { $0 != .generic }, Language.allCases)
    func longTextIsCutBelowTheLimitWithAMarker(platform: Platform, language: Language) throws {
        let message = WebhookMessage(text: Self.longText, language: language)
        let marker = Strings.truncationMark[language]
        let payload = message.payload(for: platform)
        let bytes = JSONWriter.bytes(payload)
        #expect(try JSONSerialization.jsonObject(with: Data(bytes)) is [String: Any], "valid JSON and UTF-8")
        if platform == .teams { #expect(bytes.count <= 28_000) }
        let allowed = Set(Self.longText + message.title + "*\n")
        for (path, limit, size) in Self.limits(platform) {
            let text = try #require(Samples.string(payload, at: path), "\(path)")
            #expect(size(text) <= limit)
            #expect(size(text) > limit * 9 / 10, "cut far below the limit")
            #expect(text.hasSuffix(marker))
            #expect(text.dropLast(marker.count).allSatisfy(allowed.contains), "a Character was split")
        }
    }

    /// Every platform's escaping, cut at every size: what is kept is the escaped form of whole Characters, and it fits
    /// with the marker.
    @Test func cutsNeverSplitAnEscape() {
        let text = "a\\*&<@ø👩‍👩‍👧]\n# >x\u{600}@"
        let marker = "…"
        let styles: [ChatText] = [
            .teams, .slack, .mattermost, .discord, .discordFooter, .googleChat, .rocketChat, .zulip,
        ]
        for style in styles {
            for measure in [TextMeasure.utf16, .utf8, .json] {
                let prefixes = (0...text.count).map {
                    style.escaped(String(text.prefix($0)), fitting: .max, in: measure, marker: marker)
                }
                let whole = prefixes[text.count]
                for limit in measure.size(of: marker)...measure.size(of: whole) {
                    let result = style.escaped(text, fitting: limit, in: measure, marker: marker)
                    #expect(measure.size(of: result) <= limit)
                    if result != whole {
                        #expect(result.hasSuffix(marker))
                        #expect(prefixes.contains(String(result.dropLast(marker.count))), "\(result) at \(limit)")
                    }
                }
            }
        }
    }
}
