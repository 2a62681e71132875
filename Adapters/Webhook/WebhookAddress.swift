import SamtaleCore

/// A webhook's URL, taken apart: which platform it is and what of it may be shown.
///
/// Everything but the scheme and host (userinfo, path and query) is the secret: it is never printed, logged or put
/// in an error; `redacted` (scheme and host) is what messages show, and `redacting(_:)` cleans any other text.
public struct WebhookAddress: Equatable, Sendable {
    /// The URL requests go to: always `https://` or `http://`, Apprise and shoutrrr forms already translated.
    public let url: String
    public let platform: Platform
    /// `scheme://host[:port]`, safe to show.
    public let redacted: String
    /// Where requests go, for pacing: one serial queue per webhook URL.
    public var queueKey: String { url }

    /// Why a URL cannot be posted to; the messages name the host at most, never the secret part.
    public enum Problem: ExplainedError, Equatable, Sendable {
        /// Not an absolute http(s) URL, nor a known Apprise or shoutrrr form.
        case notAURL
        /// The platform cannot be told from the URL: `--platform` is needed.
        case unknownPlatform(host: String)
        /// A space in the host, which no server's name has.
        case spaceInHost
        /// A control or other invisible character in the host (ESC, a line break, a direction mark): the host is
        /// shown in every message about the webhook, and the terminal would act on it.
        case invisibleCharacterInHost
        /// An Office 365 connector (webhook.office.com) or a Logic Apps URL (logic.azure.com): both have stopped.
        case retiredTeamsConnector(host: String)
        /// The URL's shape does not fit the platform it was given as, e.g. a Slack URL without its three parts.
        case incomplete(Platform, host: String)

        /// What is wrong, for the person who gave the URL.
        public var message: Localized {
            switch self {
            case .notAURL:
                Localized(
                    da: "ikke en http(s)-adresse og heller ikke en Apprise- eller shoutrrr-adresse "
                        + "til en kendt platform",
                    en: "not an http(s) URL, nor an Apprise or shoutrrr URL of a known platform")
            case .spaceInHost:
                Localized(da: "serverens navn indeholder et mellemrum", en: "the server name contains a space")
            case .invisibleCharacterInHost:
                Localized(
                    da: "serverens navn indeholder et usynligt tegn, fx ESC, et linjeskift eller en "
                        + "retningsmarkering; kopiér adressen igen",
                    en: "the server name contains an invisible character, such as ESC, a line break or a "
                        + "direction mark; copy the URL again")
            case .unknownPlatform(let host):
                Localized(
                    da: "kan ikke se, hvilken platform \(host) hører til; "
                        + "angiv den med --platform (eller \"platform\")",
                    en: "cannot tell the platform of \(host); give it with --platform (or \"platform\")")
            case .retiredTeamsConnector(let host):
                Localized(
                    da: "\(host) er en Office 365-connector eller en Logic Apps-adresse, og dem har Microsoft "
                        + "lukket; opret en webhook med Teams-appen Workflows (»Post to a channel when a webhook "
                        + "request is received«) og brug dens adresse",
                    en: "\(host) is an Office 365 connector or Logic Apps URL, which Microsoft has retired; "
                        + "create a webhook with the Teams Workflows app (\"Post to a channel when a webhook "
                        + "request is received\") and use its URL")
            case .incomplete(let platform, let host):
                Localized(
                    da: "\(host) er ikke en fuldstændig webhook-adresse til \(platform.displayName)",
                    en: "\(host) is not a complete \(platform.displayName) webhook URL")
            }
        }
    }

    /// Reads a URL given on the command line, in the environment or in the targets file; `platform` overrides what
    /// the URL says.
    public init(parsing text: String, platform given: Platform? = nil) throws(Problem) {
        let text = text.trimmingWhitespace
        try Self.checkHost(of: text)
        guard let parts = URLParts(text) else { throw .notAURL }
        if parts.scheme == "https" || parts.scheme == "http" {
            if Self.isRetiredTeams(parts) { throw .retiredTeamsConnector(host: parts.host) }
            guard let platform = given ?? Self.platform(of: parts) else { throw .unknownPlatform(host: parts.host) }
            self.init(url: text, platform: platform, parts: parts)
            return
        }
        guard let (url, platform) = Self.translate(parts) else { throw .notAURL }
        try Self.checkHost(of: url)
        // An Apprise or shoutrrr form may carry a token where a host goes: only its scheme is shown.
        guard let translated = URLParts(url) else { throw .incomplete(platform, host: "\(parts.scheme)://…") }
        self.init(url: url, platform: given ?? platform, parts: translated)
    }

    private init(url: String, platform: Platform, parts: URLParts) {
        self.url = url
        self.platform = platform
        redacted = parts.origin
    }

    /// Refuses a host with a space or an invisible character in it, naming which.
    private static func checkHost(of text: String) throws(Problem) {
        guard let authority = URLParts.sections(of: text)?.authority else { return }
        let host = authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
        for scalar in host.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: throw .invisibleCharacterInHost
            case .spaceSeparator: throw .spaceInHost
            default: continue
            }
        }
    }

    // MARK: Recognising

    private static func platform(of url: URLParts) -> Platform? {
        let host = url.host.lowercased()
        let path = url.path
        if host == "hooks.slack.com" || host == "hooks.slack-gov.com" { return .slack }
        if host.hasSuffix(".environment.api.powerplatform.com") || host.hasSuffix(".api.powerplatform.com")
            || path.contains("/powerautomate/automations/direct/workflows/")
        {
            return .teams
        }
        if (host == "discord.com" || host == "discordapp.com" || host.hasSuffix(".discord.com"))
            && path.hasPrefix("/api/webhooks/")
        {
            return .discord
        }
        if host == "chat.googleapis.com" { return .googlechat }
        if path.hasSuffix("/api/v1/external/slack_incoming") { return .zulip }
        if path.hasPrefix("/hooks/") {
            // Rocket.Chat: /hooks/ID/TOKEN; Mattermost: /hooks/KEY, one segment.
            return path.dropFirst("/hooks/".count).contains("/") ? .rocketchat : .mattermost
        }
        return nil
    }

    private static func isRetiredTeams(_ url: URLParts) -> Bool {
        let host = url.host.lowercased()
        return host.hasSuffix("webhook.office.com") || host == "outlook.office.com" || host == "outlook.office365.com"
            || host.hasSuffix(".logic.azure.com")
    }

    /// Apprise (`discord://ID/TOKEN`) and shoutrrr (`discord://TOKEN@ID`) URLs as the https URL they stand for.
    private static func translate(_ url: URLParts) -> (String, Platform)? {
        let segments = url.path.split(separator: "/").map(String.init)
        switch url.scheme {
        case "slack":
            // Apprise slack://A/B/C, shoutrrr slack://hook:A-B-C@webhook.
            if url.host == "webhook", let token = url.password ?? url.user {
                let parts = token.split(separator: "-").map(String.init)
                guard parts.count == 3 else { return nil }
                return ("https://hooks.slack.com/services/\(parts.joined(separator: "/"))", .slack)
            }
            let tokens = [url.host] + segments
            guard tokens.count >= 3, !tokens[2].hasPrefix("#") else { return nil }
            return ("https://hooks.slack.com/services/\(tokens[0])/\(tokens[1])/\(tokens[2])", .slack)
        case "discord":
            // Apprise discord://ID/TOKEN, shoutrrr discord://TOKEN@ID.
            if let token = url.user { return ("https://discord.com/api/webhooks/\(url.host)/\(token)", .discord) }
            guard let token = segments.first else { return nil }
            return ("https://discord.com/api/webhooks/\(url.host)/\(token)", .discord)
        case "workflows":
            // Apprise workflows://host:port/WORKFLOW/SIGNATURE.
            guard segments.count >= 2 else { return nil }
            let port = url.port.map { ":\($0)" } ?? ":443"
            return (
                "https://\(url.host)\(port)/powerautomate/automations/direct/workflows/\(segments[0])/triggers/manual/paths/invoke"
                    + "?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=\(segments[1])", .teams
            )
        case "teams":
            // shoutrrr teams://?host=<the workflow URL, percent-encoded>.
            guard let host = url.queryValue("host"), let decoded = PercentEncoding.decoded(host.utf8),
                decoded.hasPrefix("https://")
            else { return nil }
            return (decoded, .teams)
        case "gchat":
            // Apprise gchat://SPACE/KEY/TOKEN.
            guard segments.count >= 2 else { return nil }
            return (
                "https://chat.googleapis.com/v1/spaces/\(url.host)/messages?key=\(segments[0])&token=\(segments[1])",
                .googlechat
            )
        case "googlechat":
            // shoutrrr googlechat://chat.googleapis.com/v1/spaces/S/messages?key=K&token=T.
            return ("https://\(url.host)\(url.path)\(url.query.map { "?\($0)" } ?? "")", .googlechat)
        case "mmost", "mmosts", "mattermost":
            // Apprise mmost[s]://host[:port][/path]/TOKEN, shoutrrr mattermost://host/TOKEN[/channel].
            guard let token = url.scheme == "mattermost" ? segments.first : segments.last else { return nil }
            let prefix = url.scheme == "mattermost" ? "" : segments.dropLast().map { "/\($0)" }.joined()
            let scheme = url.scheme == "mmost" ? "http" : "https"
            return ("\(scheme)://\(url.hostAndPort)\(prefix)/hooks/\(token)", .mattermost)
        case "rocket", "rockets", "rocketchat":
            // Apprise rocket[s]://ID/TOKEN@host, shoutrrr rocketchat://host/ID/TOKEN.
            let scheme = url.scheme == "rocket" ? "http" : "https"
            if url.scheme == "rocketchat" {
                guard segments.count >= 2 else { return nil }
                return ("https://\(url.hostAndPort)/hooks/\(segments[0])/\(segments[1])", .rocketchat)
            }
            // The token and the server come after the first slash: ID/TOKEN@host.
            guard let tokenAndHost = segments.first, let at = tokenAndHost.lastIndex(of: "@") else { return nil }
            let host = tokenAndHost[tokenAndHost.index(after: at)...]
            return ("\(scheme)://\(host)/hooks/\(url.host)/\(tokenAndHost[..<at])", .rocketchat)
        case "zulip":
            // shoutrrr zulip://bot%40mail:KEY@host?stream=S&topic=T, as Zulip's Slack-compatible endpoint.
            guard let key = url.password else { return nil }
            var query = "api_key=\(key)"
            if let stream = url.queryValue("stream") { query += "&stream=\(stream)" }
            if let topic = url.queryValue("topic") { query += "&topic=\(topic)" }
            return ("https://\(url.hostAndPort)/api/v1/external/slack_incoming?\(query)", .zulip)
        case "json", "jsons":
            let scheme = url.scheme == "json" ? "http" : "https"
            return ("\(scheme)://\(url.hostAndPort)\(url.path)\(url.query.map { "?\($0)" } ?? "")", .generic)
        default:
            return nil
        }
    }
}

// MARK: - URLParts

/// The parts of an absolute URL, `scheme://[user[:password]@]host[:port][/path][?query][#fragment]`, as far as
/// webhooks need them; no percent-decoding except where a platform's form asks for it.
struct URLParts: Equatable {
    let scheme: String
    let user: String?
    let password: String?
    let host: String
    let port: Int?
    let path: String
    let query: String?

    init?(_ text: String) {
        guard let sections = Self.sections(of: text) else { return nil }
        let scheme = sections.scheme.lowercased()
        guard let first = scheme.first, first.isLetter, scheme.allSatisfy(Self.isSchemeCharacter) else { return nil }
        self.scheme = scheme
        var rest = sections.rest
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        } else {
            query = nil
        }
        path = String(rest)
        let authority = sections.authority
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                user = String(userInfo[..<colon])
                password = String(userInfo[userInfo.index(after: colon)...])
            } else {
                user = String(userInfo)
                password = nil
            }
        } else {
            user = nil
            password = nil
        }
        if let colon = hostPort.lastIndex(of: ":"), !hostPort.hasSuffix("]") {
            guard let number = Int(hostPort[hostPort.index(after: colon)...]), (1...65535).contains(number) else {
                return nil
            }
            port = number
            hostPort = hostPort[..<colon]
        } else {
            port = nil
        }
        // Apprise and shoutrrr forms put tokens where the host goes (so its case is kept) or leave it empty.
        guard !hostPort.isEmpty || !scheme.hasPrefix("http") else { return nil }
        host = String(hostPort)
    }

    /// `scheme://`, the authority (`[userinfo@]host[:port]`) and the rest (path, query, fragment), as written.
    static func sections(of text: String) -> (scheme: Substring, authority: Substring, rest: Substring)? {
        guard let schemeEnd = text.firstRange(of: "://") else { return nil }
        let afterScheme = text[schemeEnd.upperBound...]
        let end = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        return (text[..<schemeEnd.lowerBound], afterScheme[..<end], afterScheme[end...])
    }

    private static func isSchemeCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "+" || character == "-" || character == "."
    }

    var hostAndPort: String {
        port.map { "\(host):\($0)" } ?? host
    }

    /// What may be shown of the URL: scheme, host and port.
    var origin: String {
        "\(scheme)://\(hostAndPort)"
    }

    func queryValue(_ name: String) -> String? {
        query?.split(separator: "&").lazy.compactMap { pair -> String? in
            let parts = pair.split(separator: "=", maxSplits: 1)
            return parts.first == Substring(name) ? String(parts.count > 1 ? parts[1] : "") : nil
        }.first
    }
}
