import SamtaleCore

// MARK: - Payloads

extension WebhookMessage {
    /// The JSON body to POST to a webhook of `platform` (content type `application/json`). Every text of the message
    /// is escaped for the platform's markup and cut to its limits, with a marker where it was cut; empty texts are
    /// left out. A `generic` endpoint gets `generic` unchanged.
    public func payload(for platform: Platform) -> JSONValue {
        switch platform {
        case .teams: teamsPayload()
        case .slack: slackPayload()
        case .mattermost: textPayload(document(.mattermost, limit: ChatLimit.mattermost, in: .utf16))
        case .discord: discordPayload()
        case .googlechat: textPayload(document(.googleChat, limit: ChatLimit.googleChat, in: .utf8))
        case .rocketchat: textPayload(document(.rocketChat, limit: ChatLimit.rocketChat, in: .utf16))
        case .zulip: textPayload(document(.zulip, limit: ChatLimit.zulip, in: .utf8))
        case .generic: generic
        }
    }
}

// MARK: - Platforms

extension WebhookMessage {
    /// A Workflows envelope around an Adaptive Card of TextBlocks; the body is cut so that the whole request fits.
    private func teamsPayload() -> JSONValue {
        let heading = name(title, .teams, in: .json)
        let contextLine = name(context, .teams, in: .json)
        let footerLine = name(footer, .teams, in: .json)
        let strong = [JSONMember("weight", .string("Bolder")), JSONMember("size", .string("Medium"))]
        let subtle = [JSONMember("isSubtle", .bool(true)), JSONMember("size", .string("Small"))]
        func request(body: String?) -> JSONValue {
            let blocks: [JSONValue?] = [
                heading.map { textBlock($0, strong) },
                contextLine.map { textBlock($0, subtle + [JSONMember("spacing", .string("None"))]) },
                body.map { textBlock($0, []) },
                footerLine.map { textBlock($0, subtle) },
            ]
            let card = JSONValue.object([
                JSONMember("$schema", .string("http://adaptivecards.io/schemas/adaptive-card.json")),
                JSONMember("type", .string("AdaptiveCard")),
                JSONMember("version", .string("1.4")),
                JSONMember("body", .array(blocks.compactMap { $0 })),
            ])
            return .object([
                JSONMember("type", .string("message")),
                JSONMember(
                    "attachments",
                    .array([
                        .object([
                            JSONMember("contentType", .string("application/vnd.microsoft.card.adaptive")),
                            JSONMember("content", card),
                        ])
                    ])),
            ])
        }
        let room = ChatLimit.teamsRequest - JSONWriter.bytes(request(body: "")).count
        return request(body: escapedBody(.teams, fitting: room, in: .json))
    }

    private func textBlock(_ text: String, _ style: [JSONMember]) -> JSONValue {
        .object(
            [JSONMember("type", .string("TextBlock")), JSONMember("text", .string(text))] + style
                + [JSONMember("wrap", .bool(true))])
    }

    /// Blocks of plain_text (which Slack never parses for mentions or links) and the mrkdwn fallback that
    /// notifications show: the title and the body.
    private func slackPayload() -> JSONValue {
        let header = name(title, .slack, limit: ChatLimit.slackHeader)
        let section = escapedBody(.slack, fitting: ChatLimit.slackSection, in: .utf16)
        let notes = [context, footer].compactMap { name($0, .slack) }
        let fallbackTitle = name(title, .slack)
        let room = ChatLimit.slackText - TextMeasure.utf16.size(of: (fallbackTitle ?? "") + "\n\n")
        let fallback = [fallbackTitle, escapedBody(.slack, fitting: room, in: .utf16)]
        func plainText(_ text: String) -> JSONValue {
            .object([JSONMember("type", .string("plain_text")), JSONMember("text", .string(text))])
        }
        let blocks: [JSONValue?] = [
            header.map { .object([JSONMember("type", .string("header")), JSONMember("text", plainText($0))]) },
            section.map { .object([JSONMember("type", .string("section")), JSONMember("text", plainText($0))]) },
            notes.isEmpty
                ? nil
                : .object([
                    JSONMember("type", .string("context")),
                    JSONMember("elements", .array(notes.map(plainText))),
                ]),
        ]
        return .object([
            JSONMember("text", .string(fallback.compactMap { $0 }.joined(separator: "\n\n"))),
            JSONMember("blocks", .array(blocks.compactMap { $0 })),
        ])
    }

    /// An embed (which never pings anyone) with mentions switched off as well: the title, the context and body as the
    /// description, the footer.
    private func discordPayload() -> JSONValue {
        let description = document(.discord, limit: ChatLimit.discordDescription, in: .utf16, titleAndFooter: false)
        let embed: [JSONMember?] = [
            name(title, .discord, limit: ChatLimit.discordTitle).map { JSONMember("title", .string($0)) },
            description.isEmpty ? nil : JSONMember("description", .string(description)),
            name(footer, .discordFooter).map { JSONMember("footer", .object([JSONMember("text", .string($0))])) },
        ]
        return .object([
            JSONMember("embeds", .array([.object(embed.compactMap { $0 })])),
            JSONMember("allowed_mentions", .object([JSONMember("parse", .array([]))])),
        ])
    }

    private func textPayload(_ text: String) -> JSONValue {
        .object([JSONMember("text", .string(text))])
    }

    // MARK: Texts

    /// The message as one text in a platform's markup: the title strong and the context under it, the body, the
    /// footer subtle; the body is cut so that the whole fits `limit`. Without `titleAndFooter` (they have fields of
    /// their own) only the context and the body.
    private func document(_ style: ChatText, limit: Int, in measure: TextMeasure, titleAndFooter: Bool = true) -> String
    {
        let separator = "\n\n"
        let heading = [
            titleAndFooter ? name(title, style, in: measure).map { style.strong + $0 + style.strong } : nil,
            name(context, style, in: measure).map { style.subtle + $0 + style.subtle },
        ].compactMap { $0 }.joined(separator: "\n")
        let footing = titleAndFooter ? name(footer, style, in: measure).map { style.subtle + $0 + style.subtle } : nil
        let room = limit - measure.size(of: heading + separator + separator + (footing ?? ""))
        return [heading.isEmpty ? nil : heading, escapedBody(style, fitting: room, in: measure), footing]
            .compactMap { $0 }.joined(separator: separator)
    }

    /// The body escaped and cut to `limit`, or nil when there is none.
    private func escapedBody(_ style: ChatText, fitting limit: Int, in measure: TextMeasure) -> String? {
        present(body).map { style.escaped($0, fitting: limit, in: measure, marker: marker) }
    }

    /// A title, context or footer escaped on one line and capped, or nil when there is none.
    private func name(_ text: String?, _ style: ChatText, limit: Int = ChatLimit.name, in measure: TextMeasure = .utf16)
        -> String?
    {
        present(text).map { style.escaped($0, singleLine: true, fitting: limit, in: measure, marker: marker) }
    }

    /// The text without surrounding whitespace, or nil when nothing is left.
    private func present(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingWhitespace, !trimmed.isEmpty else { return nil }
        return trimmed
    }

    private var marker: String {
        Strings.truncationMark[language]
    }
}
