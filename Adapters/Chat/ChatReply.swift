import SamtaleCore

// MARK: - Replies

extension ChatMessage {
    /// The body of the HTTP response that answers this message with `text` (content type `application/json`),
    /// shaped as the platform takes a reply in its response. The text is escaped for the platform's markup, so
    /// nothing in it (an answer quoted back, a name) can mention `@channel`, `@here` or `@all`, link or format; and
    /// it is cut to the platform's limit, with a marker in `language` where it was cut.
    public func reply(_ text: String, language: Language) -> [UInt8] {
        let marker = ChatHandlerStrings.truncated[language]
        func escaped(_ style: ChatText, fitting limit: Int, in measure: TextMeasure) -> JSONValue {
            .string(style.escaped(text, fitting: limit, in: measure, marker: marker))
        }
        let members: [JSONMember] =
            switch platform {
            case .teams:
                // Teams limits the whole response, so the text gets what its envelope leaves, as written in JSON.
                [
                    JSONMember("type", .string("message")),
                    JSONMember(
                        "text", escaped(.teamsMessage, fitting: ChatLimit.teamsRequest - Self.teamsEnvelope, in: .json)),
                ]
            case .slack:
                [
                    JSONMember("response_type", .string("ephemeral")),
                    JSONMember("text", escaped(.slack, fitting: ChatLimit.slackText, in: .utf16)),
                ]
            case .mattermost:
                [
                    JSONMember("response_type", .string(isSlashCommand ? "ephemeral" : "comment")),
                    JSONMember("text", escaped(.mattermost, fitting: ChatLimit.mattermost, in: .utf16)),
                ]
            case .zulip:
                [JSONMember("content", escaped(.zulip, fitting: ChatLimit.zulip, in: .utf8))]
            case .rocketchat:
                // A direct message outside a thread is answered outside one: no `tmid` at all.
                [JSONMember("text", escaped(.rocketChat, fitting: ChatLimit.rocketChat, in: .utf16))]
                    + (replyThread.map { [JSONMember("tmid", .string($0))] } ?? [])
            }
        return JSONWriter.bytes(.object(members))
    }

    /// The bytes of a Teams reply around an empty text.
    private static let teamsEnvelope = JSONWriter.bytes(
        .object([JSONMember("type", .string("message")), JSONMember("text", .string(""))])
    ).count
}
