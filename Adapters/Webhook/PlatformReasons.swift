import SamtaleCore

// MARK: - What a platform's answer means

/// Why an attempt failed, in words for whoever set up the webhook: what the platform said, and what that means.
enum PlatformReason {
    static let noAnswerInTime = Localized(
        da: "intet svar inden for tidsgrænsen",
        en: "no answer within the time limit")

    /// A redirect, which a webhook never follows: the host it pointed to (never its path, which may hold a secret).
    static func redirected(status: Int, host: String) -> Localized {
        guard !host.isEmpty else { return ConnectionFailure.redirected.message.map { "HTTP \(status): \($0)" } }
        return Localized(
            da: "HTTP \(status): serveren omdirigerer til \(host); samtale følger ikke omdirigeringer, "
                + "så tjek webhook-adressen",
            en: "HTTP \(status): the server redirects to \(host); samtale does not follow redirects, "
                + "so check the webhook URL")
    }

    /// A platform's answer in words: what it said (its error code or message) and the status, then what that means.
    static func answer(said: String, status: Int, meaning: Localized) -> Localized {
        let words = said.isEmpty ? "HTTP \(status)" : "\(said) (HTTP \(status))"
        return Localized(da: "\(words): \(meaning.da)", en: "\(words): \(meaning.en)")
    }
}

/// What an HTTP status means for whoever set up the webhook, when the platform says nothing more useful: every
/// status has words, so that no failure is told as a bare number.
public enum StatusMeaning: Equatable, Sendable {
    /// 2xx, but not the platform's own answer of success.
    case unconfirmed
    /// 3xx: never followed.
    case redirect
    /// 400.
    case unusableMessage
    /// 401, 403.
    case accessDenied
    /// 404.
    case notFound
    /// 405.
    case takesNoMessages
    /// 407.
    case proxyLogin
    /// 408.
    case serverGaveUp
    /// 410.
    case deleted
    /// 411, 415, 422.
    case unreadableMessage
    /// 413.
    case tooLarge
    /// 414.
    case addressTooLong
    /// 429.
    case tooManyMessages
    /// Any other 4xx.
    case refused
    /// 502, 503, 504.
    case unavailable
    /// Any other 5xx.
    case platformError
    /// Anything else: a 1xx, which never ends an exchange, or a number no standard has.
    case unexpected

    public init(status: Int) {
        switch status {
        case 200...299: self = .unconfirmed
        case 300...399: self = .redirect
        case 400: self = .unusableMessage
        case 401, 403: self = .accessDenied
        case 404: self = .notFound
        case 405: self = .takesNoMessages
        case 407: self = .proxyLogin
        case 408: self = .serverGaveUp
        case 410: self = .deleted
        case 411, 415, 422: self = .unreadableMessage
        case 413: self = .tooLarge
        case 414: self = .addressTooLong
        case 429: self = .tooManyMessages
        case 400...499: self = .refused
        case 502, 503, 504: self = .unavailable
        case 500...599: self = .platformError
        default: self = .unexpected
        }
    }

    public var message: Localized {
        switch self {
        case .unconfirmed:
            Localized(
                da: "svaret bekræfter ikke, at beskeden er kommet frem; tjek, at platformen er den rigtige",
                en: "the answer does not confirm that the message arrived; "
                    + "check that the platform is the right one")
        case .redirect: ConnectionFailure.redirected.message
        case .unusableMessage:
            Localized(
                da: "platformen kan ikke bruge beskeden, som den er; tjek, at platformen er den rigtige",
                en: "the platform cannot use the message as it is; check that the platform is the right one")
        case .accessDenied:
            Localized(
                da: "adgangen blev nægtet; tjek, at webhook-adressen er rigtig og stadig gælder",
                en: "access was denied; check that the webhook URL is right and still valid")
        case .notFound:
            Localized(
                da: "webhooken findes ikke, eller den er slettet; tjek webhook-adressen",
                en: "the webhook does not exist, or it has been deleted; check the webhook URL")
        case .takesNoMessages:
            Localized(
                da: "adressen tager ikke imod beskeder; tjek, at det er den rigtige webhook-adresse",
                en: "the address does not take messages; check that it is the right webhook URL")
        case .proxyLogin:
            Localized(
                da: "proxyen kræver login; tjek proxy-indstillingerne (https_proxy)",
                en: "the proxy asks for a login; check the proxy settings (https_proxy)")
        case .serverGaveUp:
            Localized(da: "serveren opgav at vente på beskeden", en: "the server gave up waiting for the message")
        case .deleted:
            Localized(
                da: "webhooken er slettet; opret en ny webhook, og brug dens adresse",
                en: "the webhook has been deleted; create a new webhook and use its URL")
        case .unreadableMessage:
            Localized(
                da: "platformen kan ikke læse beskeden; tjek, at platformen er den rigtige",
                en: "the platform cannot read the message; check that the platform is the right one")
        case .tooLarge:
            Localized(da: "beskeden er for stor til platformen", en: "the message is too large for the platform")
        case .addressTooLong:
            Localized(da: "webhook-adressen er for lang til serveren", en: "the webhook URL is too long for the server")
        case .tooManyMessages:
            Localized(da: "for mange beskeder på kort tid", en: "too many messages in a short time")
        case .refused:
            Localized(da: "platformen afviste beskeden", en: "the platform refused the message")
        case .unavailable:
            Localized(da: "platformen er ikke tilgængelig lige nu", en: "the platform is not available right now")
        case .platformError:
            Localized(da: "fejl hos platformen", en: "an error at the platform")
        case .unexpected:
            Localized(da: "et uventet svar fra serveren", en: "an unexpected answer from the server")
        }
    }
}

/// Error codes and messages of the chat platforms, and what they mean for whoever set up the webhook. The first
/// code, in this order, that an answer contains is the one explained.
enum PlatformErrorCode: String, CaseIterable {
    // Slack.
    case noService = "no_service"
    case invalidToken = "invalid_token"
    case channelNotFound = "channel_not_found"
    case channelIsArchived = "channel_is_archived"
    case actionProhibited = "action_prohibited"
    case postingToGeneralChannelDenied = "posting_to_general_channel_denied"
    case teamDisabled = "team_disabled"
    case invalidPayload = "invalid_payload"
    // Teams workflows.
    case directAPIAuthorizationRequired = "DirectApiAuthorizationRequired"
    // Discord.
    case unknownWebhook = "10015"
    case invalidWebhookToken = "50027"
    // Mattermost.
    case invalidAppError = "invalid.app_error"
    case disabledAppError = "disabled.app_error"
    // Rocket.Chat.
    case invalidIntegration = "Invalid integration"

    /// The first code that `said` contains.
    static func first(in said: String) -> PlatformErrorCode? {
        allCases.first { said.contains($0.rawValue) }
    }

    var meaning: Localized {
        switch self {
        case .noService, .invalidAppError:
            Localized(da: "webhooken er fjernet eller slået fra", en: "the webhook has been removed or disabled")
        case .invalidToken:
            Localized(da: "webhookens token er ikke længere gyldigt", en: "the webhook's token is no longer valid")
        case .channelNotFound: Localized(da: "kanalen findes ikke længere", en: "the channel no longer exists")
        case .channelIsArchived: Localized(da: "kanalen er arkiveret", en: "the channel is archived")
        case .actionProhibited:
            Localized(da: "en administrator har begrænset denne webhook", en: "an admin has restricted this webhook")
        case .postingToGeneralChannelDenied:
            Localized(da: "kun administratorer må skrive i denne kanal", en: "only admins may post to this channel")
        case .teamDisabled: Localized(da: "Slack-arbejdsområdet er slået fra", en: "the Slack workspace is disabled")
        case .invalidPayload: Localized(da: "beskeden blev ikke accepteret", en: "the message was not accepted")
        case .directAPIAuthorizationRequired:
            Localized(
                da: "workflow-adressens signatur (sig) er forkert",
                en: "the workflow URL's signature (sig) is wrong")
        case .unknownWebhook: StatusMeaning.deleted.message
        case .invalidWebhookToken: Localized(da: "webhookens token er forkert", en: "the webhook's token is wrong")
        case .disabledAppError:
            Localized(
                da: "indgående webhooks er slået fra på denne server",
                en: "incoming webhooks are disabled on this server")
        case .invalidIntegration:
            Localized(
                da: "integrationen er fjernet, eller dens token er forkert",
                en: "the integration has been removed or its token is wrong")
        }
    }
}
