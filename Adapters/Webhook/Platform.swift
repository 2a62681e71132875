import SamtaleCore

/// The chat platforms a webhook can post to; `generic` is any endpoint that takes JSON.
public enum Platform: String, CaseIterable, Sendable {
    case teams
    case slack
    case mattermost
    case discord
    case googlechat
    case rocketchat
    case zulip
    case generic

    /// The name people know the platform by, for messages.
    public var displayName: String {
        switch self {
        case .teams: "Microsoft Teams"
        case .slack: "Slack"
        case .mattermost: "Mattermost"
        case .discord: "Discord"
        case .googlechat: "Google Chat"
        case .rocketchat: "Rocket.Chat"
        case .zulip: "Zulip"
        case .generic: "JSON"
        }
    }
}
