// MARK: - Chat webhooks

extension Strings {
    /// The title of the day's question posted to a chat.
    public static let webhookPromptTitle = Localized(da: "Dagens refleksion", en: "Today's reflection")
    /// The title of text read from standard input and posted to a chat.
    public static let webhookTextTitle = Localized(da: "Besked fra samtale", en: "Message from samtale")
    /// Ends a text that was cut to fit a chat platform's limit.
    public static let webhookTruncated = Localized(da: "… (forkortet)", en: "… (truncated)")

    // MARK: Webhook URLs (they name the host at most, never the secret part)

    public static let webhookNotAURL = text(
        "ikke en http(s)-adresse og heller ikke en Apprise- eller shoutrrr-adresse til en kendt platform",
        "not an http(s) URL, nor an Apprise or shoutrrr URL of a known platform"
    )

    public static let webhookSpaceInHost = text(
        "serverens navn indeholder et mellemrum", "the server name contains a space"
    )
    public static let webhookInvisibleCharacterInHost = text(
        "serverens navn indeholder et usynligt tegn, fx ESC, et linjeskift eller en retningsmarkering; kopiér adressen igen",
        "the server name contains an invisible character, such as ESC, a line break or a direction mark; copy the URL again"
    )

    public static func webhookUnknownPlatform(host: String) -> Localized {
        text("kan ikke se, hvilken platform \(host) hører til; angiv den med --platform (eller \"platform\")",
             "cannot tell the platform of \(host); give it with --platform (or \"platform\")")
    }

    public static func webhookRetiredConnector(host: String) -> Localized {
        text("\(host) er en Office 365-connector eller en Logic Apps-adresse, og dem har Microsoft lukket; opret en webhook med Teams-appen Workflows (»Post to a channel when a webhook request is received«) og brug dens adresse",
             "\(host) is an Office 365 connector or Logic Apps URL, which Microsoft has retired; create a webhook with the Teams Workflows app (\"Post to a channel when a webhook request is received\") and use its URL")
    }

    public static func webhookIncomplete(platform: String, host: String) -> Localized {
        text("\(host) er ikke en fuldstændig webhook-adresse til \(platform)", "\(host) is not a complete \(platform) webhook URL")
    }

    // MARK: Why a post failed

    public static let webhookTimeout = text("intet svar inden for tidsgrænsen", "no answer within the time limit")
    public static let connectionRefused = text("serveren afviste forbindelsen", "the server refused the connection")
    public static let connectionUnknownHost = text(
        "kan ikke finde serveren (navnet kunne ikke slås op)", "cannot find the server (its name could not be looked up)"
    )
    public static let connectionLost = text("forbindelsen blev afbrudt undervejs", "the connection was lost on the way")
    public static let connectionOffline = text("ingen forbindelse til netværket", "not connected to a network")
    public static let connectionTLS = text(
        "den sikre forbindelse (TLS) kunne ikke oprettes (fejl i serverens certifikat eller i opkoblingen)",
        "the secure connection (TLS) could not be set up (the server's certificate or the handshake failed)"
    )
    public static let connectionBrokenAnswer = text(
        "serverens svar kunne ikke læses som HTTP", "the server's answer could not be read as HTTP"
    )
    public static let connectionRedirected = text(
        "serveren omdirigerer, og samtale følger ikke omdirigeringer; tjek webhook-adressen",
        "the server redirects, and samtale does not follow redirects; check the webhook URL"
    )
    public static let connectionAuthentication = text(
        "serveren kræver login, men en webhook-adresse skal kunne bruges uden login; tjek webhook-adressen",
        "the server asks for a login, but a webhook URL must work without one; check the webhook URL"
    )
    public static let connectionBadURL = text(
        "webhook-adressen kan ikke bruges; tjek den for mellemrum og usædvanlige tegn",
        "the webhook URL cannot be used; check it for spaces and unusual characters"
    )

    /// An error of the HTTP client that has no words of its own: said as such, its code kept for whoever digs deeper.
    public static func connectionError(code: Int) -> Localized {
        text("en uventet netværksfejl (fejlkode \(code))", "an unexpected network error (error code \(code))")
    }

    /// A redirect, which a webhook never follows: the host it pointed to (never its path, which may hold a secret).
    public static func webhookRedirected(status: Int, host: String) -> Localized {
        guard !host.isEmpty else { return connectionRedirected.map { "HTTP \(status): \($0)" } }
        return text("HTTP \(status): serveren omdirigerer til \(host); samtale følger ikke omdirigeringer, "
                        + "så tjek webhook-adressen",
                    "HTTP \(status): the server redirects to \(host); samtale does not follow redirects, "
                        + "so check the webhook URL")
    }

    /// A platform's answer in words: what it said (its error code or message) and the status, then what that means.
    public static func platformAnswer(said: String, status: Int, meaning: Localized) -> Localized {
        let words = said.isEmpty ? "HTTP \(status)" : "\(said) (HTTP \(status))"
        return text("\(words): \(meaning.da)", "\(words): \(meaning.en)")
    }

    /// What an HTTP status means for whoever set up the webhook, when the platform says nothing more useful: every
    /// status has words, so that no failure is told as a bare number.
    public static func httpStatusMeaning(_ status: Int) -> Localized {
        switch status {
        case 200...299:
            text("svaret bekræfter ikke, at beskeden er kommet frem; tjek, at platformen er den rigtige",
                 "the answer does not confirm that the message arrived; check that the platform is the right one")
        case 300...399: connectionRedirected
        case 400:
            text("platformen kan ikke bruge beskeden, som den er; tjek, at platformen er den rigtige",
                 "the platform cannot use the message as it is; check that the platform is the right one")
        case 401, 403:
            text("adgangen blev nægtet; tjek, at webhook-adressen er rigtig og stadig gælder",
                 "access was denied; check that the webhook URL is right and still valid")
        case 404:
            text("webhooken findes ikke, eller den er slettet; tjek webhook-adressen",
                 "the webhook does not exist, or it has been deleted; check the webhook URL")
        case 405:
            text("adressen tager ikke imod beskeder; tjek, at det er den rigtige webhook-adresse",
                 "the address does not take messages; check that it is the right webhook URL")
        case 407:
            text("proxyen kræver login; tjek proxy-indstillingerne (https_proxy)",
                 "the proxy asks for a login; check the proxy settings (https_proxy)")
        case 408: text("serveren opgav at vente på beskeden", "the server gave up waiting for the message")
        case 410: webhookDeleted
        case 411, 415, 422:
            text("platformen kan ikke læse beskeden; tjek, at platformen er den rigtige",
                 "the platform cannot read the message; check that the platform is the right one")
        case 413: text("beskeden er for stor til platformen", "the message is too large for the platform")
        case 414: text("webhook-adressen er for lang til serveren", "the webhook URL is too long for the server")
        case 429: text("for mange beskeder på kort tid", "too many messages in a short time")
        case 400...499: text("platformen afviste beskeden", "the platform refused the message")
        case 502, 503, 504: text("platformen er ikke tilgængelig lige nu", "the platform is not available right now")
        case 500...599: text("fejl hos platformen", "an error at the platform")
        default: text("et uventet svar fra serveren", "an unexpected answer from the server")
        }
    }

    static let webhookDeleted = text("webhooken er slettet; opret en ny webhook, og brug dens adresse",
                                     "the webhook has been deleted; create a new webhook and use its URL")

    /// Error codes and messages of the chat platforms, as their documentation gives them, and what they mean for
    /// whoever set up the webhook. The first code that the answer contains is the one explained.
    public static let platformErrorMeanings: [(code: String, meaning: Localized)] = [
        ("no_service", text("webhooken er fjernet eller slået fra", "the webhook has been removed or disabled")),
        ("invalid_token", text("webhookens token er ikke længere gyldigt", "the webhook's token is no longer valid")),
        ("channel_not_found", text("kanalen findes ikke længere", "the channel no longer exists")),
        ("channel_is_archived", text("kanalen er arkiveret", "the channel is archived")),
        ("action_prohibited", text("en administrator har begrænset denne webhook", "an admin has restricted this webhook")),
        ("posting_to_general_channel_denied",
         text("kun administratorer må skrive i denne kanal", "only admins may post to this channel")),
        ("team_disabled", text("Slack-arbejdsområdet er slået fra", "the Slack workspace is disabled")),
        ("invalid_payload", text("beskeden blev ikke accepteret", "the message was not accepted")),
        ("DirectApiAuthorizationRequired",
         text("workflow-adressens signatur (sig) er forkert", "the workflow URL's signature (sig) is wrong")),
        ("10015", webhookDeleted),
        ("50027", text("webhookens token er forkert", "the webhook's token is wrong")),
        ("invalid.app_error", text("webhooken er fjernet eller slået fra", "the webhook has been removed or disabled")),
        ("disabled.app_error",
         text("indgående webhooks er slået fra på denne server", "incoming webhooks are disabled on this server")),
        ("Invalid integration",
         text("integrationen er fjernet, eller dens token er forkert", "the integration has been removed or its token is wrong")),
    ]
}
