// MARK: - ChatPlatform

/// The chat platforms that can hold a conversation with samtale: each one calls samtale over HTTP and takes the reply
/// in its response, so no bot SDK, outbound token or callback is needed.
public enum ChatPlatform: String, CaseIterable, Sendable {
    /// Microsoft Teams: an outgoing webhook, called by an @mention in a channel thread.
    case teams
    /// Slack: a slash command (`/samtale …`).
    case slack
    /// Mattermost: a slash command (answered privately) or an outgoing webhook (answered in the thread).
    case mattermost
    /// Zulip: an outgoing webhook bot, called by a direct message or an @mention in a stream.
    case zulip
    /// Rocket.Chat: an outgoing integration, in a direct message or a channel.
    case rocketchat

    /// The name people know the platform by, for messages and logs.
    public var displayName: String {
        switch self {
        case .teams: "Microsoft Teams"
        case .slack: "Slack"
        case .mattermost: "Mattermost"
        case .zulip: "Zulip"
        case .rocketchat: "Rocket.Chat"
        }
    }

    /// Seconds the platform waits for the reply before it gives up on the request (and shows the person an error):
    /// the whole of samtale's work for one message has to fit in it.
    public var replyDeadlineSeconds: Int {
        switch self {
        case .teams: 5
        case .slack: 3
        case .mattermost: 30
        case .zulip: 10
        case .rocketchat: 20
        }
    }
}
