import SamtaleCore

// MARK: - ChatMessage

/// One message a person wrote to samtale on a platform, in the terms the conversation needs whatever the platform.
public struct ChatMessage: Equatable, Sendable {
    public let platform: ChatPlatform
    /// What the person wrote, without the mention that called samtale (Teams' `<at>…</at>`, Zulip's `@**…**`), the
    /// trigger word of an outgoing webhook, or HTML entities; trimmed.
    public let text: String
    public let author: ChatAuthor
    /// The conversation the message belongs to, one session per key: a Teams thread, a Zulip topic or direct
    /// message, a Rocket.Chat thread or direct message, or for a slash command (and a Mattermost outgoing webhook)
    /// the person in the channel. Its parts are joined by `conversationKey`, so two threads never share one.
    public let conversation: String
    /// The platform's id of this message, for knowing a retried or replayed one; nil where the platform gives none.
    public let messageID: String?
    /// When the message was sent, by the platform's clock.
    public let sentAt: SentTime
    /// The team (workspace) and channel the message was written in, for an allow-list; nil where not given.
    public let teamID: String?
    public let channelID: String?
    /// Whether it came as a slash command, whose reply only the person sees; otherwise the reply goes to the thread.
    public let isSlashCommand: Bool
    /// Whether everything in this conversation is seen by the whole channel: a Teams channel thread, a Zulip stream,
    /// a Mattermost outgoing webhook's thread, a Rocket.Chat channel; not a direct message or a slash command's
    /// private reply.
    public let isInChannel: Bool
    /// Whether a bot (samtale's own reply among them) wrote it, which is never answered: two bots would answer each
    /// other without end. Only Rocket.Chat sends such messages, marked with `bot`.
    public let isFromBot: Bool
    /// The Rocket.Chat thread the reply goes to (`tmid`); nil for a direct message outside a thread.
    let replyThread: String?

    /// Reads the message of a verified request.
    public init(_ verified: VerifiedChatRequest) throws(ChatPayloadError) {
        let platform = verified.platform
        guard let fields = PayloadFields(verified.request) else { throw .unreadable(platform) }
        func required(_ name: String) throws(ChatPayloadError) -> String {
            guard let value = fields.string(name) else { throw .missingField(platform, name) }
            return value
        }
        self.platform = platform
        switch platform {
        case .teams:
            guard case .json(let activity) = fields else { throw .unreadable(platform) }
            let channelData = activity.member("channelData")
            guard let conversation = PayloadFields.text(activity.member("conversation")?.member("id")) else {
                throw .missingField(platform, "conversation.id")
            }
            guard let from = PayloadFields.text(activity.member("from")?.member("id")) else {
                throw .missingField(platform, "from.id")
            }
            text = try TeamsText.plain(required("text"))
            author = ChatAuthor(id: from, name: PayloadFields.text(activity.member("from")?.member("name")))
            self.conversation = conversation
            messageID = fields.string("id")
            sentAt = SentTime(fields, "timestamp", Self.isoMoment)
            teamID = PayloadFields.text(channelData?.member("team")?.member("id"))
            channelID = PayloadFields.text(channelData?.member("channel")?.member("id"))
            isSlashCommand = false
            // Outgoing webhooks are called in a team's channels only, each message in a thread all members see.
            isInChannel = true
            isFromBot = false
            replyThread = nil
        case .slack:
            let channel = try required("channel_id")
            let user = try required("user_id")
            text = try required("text").trimmingWhitespace
            author = ChatAuthor(id: user, name: fields.string("user_name"))
            conversation = Self.conversationKey([channel, user])
            // Each invocation of a slash command has a trigger id of its own.
            messageID = fields.string("trigger_id")
            sentAt = verified.signedAt.map(SentTime.at) ?? .notGiven
            teamID = fields.string("team_id")
            channelID = channel
            isSlashCommand = true
            isInChannel = false
            isFromBot = false
            replyThread = nil
        case .mattermost:
            let channel = try required("channel_id")
            let user = try required("user_id")
            isSlashCommand = fields.has("command")
            let written = try required("text")
            text = Self.withoutTriggerWord(written, fields.string("trigger_word"))
            author = ChatAuthor(id: user, name: fields.string("user_name"))
            conversation = Self.conversationKey([channel, user])
            messageID = isSlashCommand ? fields.string("trigger_id") : fields.string("post_id")
            sentAt = SentTime(fields, "timestamp", Self.millisecondsMoment)
            teamID = fields.string("team_id")
            channelID = channel
            isInChannel = !isSlashCommand
            isFromBot = false
            replyThread = nil
        case .zulip:
            guard case .json(let payload) = fields, let message = payload.member("message") else {
                throw .missingField(platform, "message")
            }
            let messageFields = PayloadFields.json(message)
            guard let sender = messageFields.string("sender_id") else {
                throw .missingField(platform, "message.sender_id")
            }
            text = try Self.withoutZulipMention(required("data"), bot: fields.string("bot_full_name"))
            author = ChatAuthor(id: sender, name: messageFields.string("sender_full_name"))
            conversation = try Self.zulipConversation(message)
            messageID = messageFields.string("id")
            sentAt = SentTime(messageFields, "timestamp", Self.secondsMoment)
            teamID = nil
            channelID = messageFields.string("stream_id")
            isSlashCommand = false
            isInChannel = messageFields.string("type") == "stream"
            isFromBot = false
            replyThread = nil
        case .rocketchat:
            let channel = try required("channel_id")
            let message = try required("message_id")
            // A direct message's room has no name, and Rocket.Chat leaves `channel_name` out for it.
            isInChannel = fields.has("channel_name")
            // In a channel, a message outside a thread starts one, answered in it; a direct message is one
            // conversation, in a thread only where the person wrote in one.
            let thread = fields.string("tmid") ?? (isInChannel ? message : nil)
            text = try Self.withoutTriggerWord(required("text"), fields.string("trigger_word"))
            author = try ChatAuthor(id: required("user_id"), name: fields.string("user_name"))
            conversation = Self.conversationKey([channel] + (thread.map { [$0] } ?? []))
            messageID = message
            sentAt = Self.rocketChatMoment(fields)
            teamID = nil
            channelID = channel
            isSlashCommand = false
            isFromBot = Self.isRocketChatBot(fields)
            replyThread = thread
        }
    }

    // MARK: Freshness

    /// Whether the message was sent within `ChatVerifier.freshnessSeconds` of `now`, either way, by the platform's
    /// own clock: an old message sent again is refused before anything moves, and so is one whose time cannot be
    /// read. One whose platform gives no time passes; its id still keeps a retry from moving the conversation twice.
    public func isFresh(at now: Timestamp) -> Bool {
        switch sentAt {
        case .notGiven: true
        case .unreadable: false
        case .at(let moment): ChatVerifier.isFresh(moment, at: now)
        }
    }

    // MARK: Texts

    /// The text after the trigger word an outgoing webhook fired on (Mattermost and Rocket.Chat send it along).
    private static func withoutTriggerWord(_ text: String, _ trigger: String?) -> String {
        let trimmed = text.trimmingWhitespace
        guard let trigger, !trigger.isEmpty, trimmed.hasPrefix(trigger) else { return trimmed }
        return String(trimmed.dropFirst(trigger.count)).trimmingWhitespace
    }

    /// The text after a leading mention of the bot: `@**Name**`, `@**Name|42**` where names are shared, or the
    /// silent `@_**Name**`, the name in any case, and the line breaks after it.
    private static func withoutZulipMention(_ text: String, bot: String?) -> String {
        let trimmed = text.trimmingWhitespace
        guard let bot else { return trimmed }
        let opening = ["@**", "@_**"].first { trimmed.hasPrefix($0) }
        guard let opening, let end = trimmed.dropFirst(opening.count).firstRange(of: "**") else { return trimmed }
        let name = trimmed[trimmed.index(trimmed.startIndex, offsetBy: opening.count)..<end.lowerBound].lowercased()
        guard name == bot.lowercased() || name.hasPrefix(bot.lowercased() + "|") else { return trimmed }
        return String(trimmed[end.upperBound...]).trimmingWhitespace
    }

    // MARK: Conversations

    /// The parts of a conversation's key (channel, person, thread, topic) joined by "/", with `%`, `/` and `,` in
    /// each escaped as in a URL: platforms' ids are not all checked to be plain, and a topic is any text, so
    /// without it stream "7/a" with topic "" would be stream 7 with topic "a/".
    static func conversationKey(_ parts: [String]) -> String {
        parts.map { $0.replacing("%", with: "%25").replacing("/", with: "%2F").replacing(",", with: "%2C") }
            .joined(separator: "/")
    }

    /// A stream's topic, or the people of a direct message (every one of them, sorted, so the same group is one
    /// conversation whoever writes).
    private static func zulipConversation(_ message: JSONValue) throws(ChatPayloadError) -> String {
        let fields = PayloadFields.json(message)
        if fields.string("type") == "stream" {
            guard let stream = fields.string("stream_id"), let topic = fields.string("subject") else {
                throw .missingField(.zulip, "message.subject")
            }
            return conversationKey(["stream", stream, topic])
        }
        guard case .array(let recipients) = message.member("display_recipient") else {
            throw .missingField(.zulip, "message.display_recipient")
        }
        let ids = recipients.compactMap { PayloadFields.text($0.member("id")) }
        guard ids.count == recipients.count, !ids.isEmpty else {
            throw .missingField(.zulip, "message.display_recipient")
        }
        return "direct/" + ids.map { conversationKey([$0]) }.sorted().joined(separator: ",")
    }

    // MARK: Moments

    /// `2017-02-01T21:10:07.437Z`: ISO 8601 with fractions of a second, which are dropped.
    private static func isoMoment(_ text: String) -> Timestamp? {
        guard let dot = text.firstIndex(of: ".") else { return Timestamp(iso: text) }
        let zone = text[dot...].drop { $0 == "." || $0.isASCII && $0.isNumber }
        return Timestamp(iso: String(text[..<dot]) + zone)
    }

    private static func secondsMoment(_ text: String) -> Timestamp? {
        Int64(text).map { Timestamp(secondsSinceEpoch: $0) }
    }

    private static func millisecondsMoment(_ text: String) -> Timestamp? {
        Int64(text).map { Timestamp(secondsSinceEpoch: $0 / 1000) }
    }

    /// Rocket.Chat sends `bot` only with a bot's message: an object naming the integration (or `true`).
    private static func isRocketChatBot(_ fields: PayloadFields) -> Bool {
        guard case .json(let payload) = fields else { return false }
        switch payload.member("bot") {
        case nil, .null?, .bool(false)?: return false
        default: return true
        }
    }

    /// Rocket.Chat writes the moment as ISO text or, in older versions, as `{"$date": milliseconds}`.
    private static func rocketChatMoment(_ fields: PayloadFields) -> SentTime {
        guard case .json(let payload) = fields, let date = payload.member("timestamp"), case .object = date else {
            return SentTime(fields, "timestamp", isoMoment)
        }
        let moment = SentTime(.json(date), "$date", millisecondsMoment)
        return moment == .notGiven ? .unreadable : moment
    }
}

// MARK: - SentTime

extension ChatMessage {
    /// When a message was sent, as far as its payload says: a time member that is there but cannot be read is
    /// refused as a stale one is, not taken for no time, which passes.
    public enum SentTime: Equatable, Sendable {
        /// The payload has no time member at all, as Mattermost's slash commands have none.
        case notGiven
        case at(Timestamp)
        /// The member is there and is no moment as the platform writes it (null, a fraction, a time without zone).
        case unreadable

        /// The time in the member `name` of `fields`, read by `read`.
        init(_ fields: PayloadFields, _ name: String, _ read: (String) -> Timestamp?) {
            guard fields.has(name) else {
                self = .notGiven
                return
            }
            self = fields.string(name).flatMap(read).map(SentTime.at) ?? .unreadable
        }
    }
}

// MARK: - ChatAuthor

/// Who wrote a message: the platform's id for them, and the name it shows where it sends one.
public struct ChatAuthor: Equatable, Sendable {
    public let id: String
    public let name: String?

    public init(id: String, name: String?) {
        self.id = id
        self.name = name
    }
}

// MARK: - ChatPayloadError

/// Why a verified request holds no message samtale can read: the platform sent something else than its documented
/// shape (another kind of event, or a version samtale does not know).
public enum ChatPayloadError: ExplainedError, Equatable, Sendable {
    /// Neither a form nor a JSON object.
    case unreadable(ChatPlatform)
    /// A field the message cannot do without is missing or not text.
    case missingField(ChatPlatform, String)

    public var message: Localized {
        switch self {
        case .unreadable(let platform):
            Localized(
                da: "beskeden fra \(platform.displayName) kan ikke læses",
                en: "the message from \(platform.displayName) cannot be read")
        case .missingField(let platform, let field):
            Localized(
                da: "beskeden fra \(platform.displayName) mangler feltet »\(field)«",
                en: "the message from \(platform.displayName) lacks the field \"\(field)\"")
        }
    }
}
