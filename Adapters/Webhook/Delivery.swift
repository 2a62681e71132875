import SamtaleCore

// MARK: - Attempt

/// What one attempt to post came to, as `samtale-http` reports it.
public enum AttemptResult: Equatable, Sendable {
    /// The server answered; `retryAfter` is its `Retry-After` header as written.
    case response(status: Int, retryAfter: String?, body: String)
    /// The server answered with a redirect to `host` (the host alone), which is never followed.
    case redirected(status: Int, host: String)
    /// No answer in time.
    case timedOut
    /// No connection, or no HTTP answer on it.
    case connectionFailed(ConnectionFailure)
}

/// Why there was no answer, in the words `samtale-http` writes in its `reason` field; they name no URL.
public enum ConnectionFailure: ExplainedError, Equatable, Sendable {
    case refused
    case unknownHost
    case lost
    case offline
    /// TLS failed: a certificate that is not trusted or valid, or the handshake.
    case tls
    /// Something answered, but not with HTTP that could be read.
    case brokenAnswer
    /// The HTTP client went round redirects (it is told never to follow one).
    case redirected
    /// The server asked for a login.
    case authentication
    /// The HTTP client cannot read the address.
    case badURL
    /// Any other error of the HTTP client, by its code.
    case other(code: Int)

    private static let named: [(word: String, failure: ConnectionFailure)] = [
        ("refused", .refused), ("unknownHost", .unknownHost), ("lost", .lost), ("offline", .offline), ("tls", .tls),
        ("brokenAnswer", .brokenAnswer), ("redirected", .redirected), ("authentication", .authentication),
        ("badURL", .badURL),
    ]

    /// The word on the wire: a name, or the client's error code as a number.
    public var word: String {
        if case .other(let code) = self { return String(code) }
        return Self.named.first { $0.failure == self }!.word
    }

    public init?(word: String) {
        if let code = Int(word) {
            self = .other(code: code)
        } else if let failure = Self.named.first(where: { $0.word == word })?.failure {
            self = failure
        } else {
            return nil
        }
    }

    /// A failure that every further try of the same URL meets again: only a person can change the URL.
    public var isLasting: Bool {
        self == .redirected || self == .authentication || self == .badURL
    }

    public var message: Localized {
        switch self {
        case .refused: Localized(da: "serveren afviste forbindelsen", en: "the server refused the connection")
        case .unknownHost:
            Localized(
                da: "kan ikke finde serveren (navnet kunne ikke slås op)",
                en: "cannot find the server (its name could not be looked up)")
        case .lost: Localized(da: "forbindelsen blev afbrudt undervejs", en: "the connection was lost on the way")
        case .offline: Localized(da: "ingen forbindelse til netværket", en: "not connected to a network")
        case .tls:
            Localized(
                da: "den sikre forbindelse (TLS) kunne ikke oprettes "
                    + "(fejl i serverens certifikat eller i opkoblingen)",
                en: "the secure connection (TLS) could not be set up "
                    + "(the server's certificate or the handshake failed)")
        case .brokenAnswer:
            Localized(
                da: "serverens svar kunne ikke læses som HTTP",
                en: "the server's answer could not be read as HTTP")
        case .redirected:
            Localized(
                da: "serveren omdirigerer, og samtale følger ikke omdirigeringer; tjek webhook-adressen",
                en: "the server redirects, and samtale does not follow redirects; check the webhook URL")
        case .authentication:
            Localized(
                da: "serveren kræver login, men en webhook-adresse skal kunne bruges uden login; "
                    + "tjek webhook-adressen",
                en: "the server asks for a login, but a webhook URL must work without one; "
                    + "check the webhook URL")
        case .badURL:
            Localized(
                da: "webhook-adressen kan ikke bruges; tjek den for mellemrum og usædvanlige tegn",
                en: "the webhook URL cannot be used; check it for spaces and unusual characters")
        case .other(let code):
            // An error of the HTTP client that has no words of its own: said as such, its code kept for whoever
            // digs deeper.
            Localized(
                da: "en uventet netværksfejl (fejlkode \(code))",
                en: "an unexpected network error (error code \(code))")
        }
    }
}

/// Whether an attempt delivered the message, failed for good, or may succeed later.
public enum Verdict: Equatable, Sendable {
    case delivered
    /// Permanent: retrying cannot help (a removed webhook, a rejected payload).
    case rejected(reason: Localized)
    /// Temporary (408, 429, 5xx, network): retry, after at least `retryAfter` seconds when the server said so.
    case temporary(reason: Localized, retryAfter: Double?)
}

extension WebhookAddress {
    /// Judges an attempt by the platform's own rule: the status and, where the platform says so, the body
    /// (a 2xx whose body reports an error is a failure). `now` is seconds since 1970, for a `Retry-After` date.
    /// What the server said is in the reason with the webhook's secret cut out, ready to print.
    public func judge(_ result: AttemptResult, now: Double) -> Verdict {
        switch result {
        case .timedOut:
            return .temporary(reason: PlatformReason.noAnswerInTime, retryAfter: nil)
        case .connectionFailed(let failure) where failure.isLasting:
            return .rejected(reason: failure.message)
        case .connectionFailed(let failure):
            return .temporary(reason: failure.message, retryAfter: nil)
        case .redirected(let status, let host):
            return .rejected(reason: PlatformReason.redirected(status: status, host: redacting(host)))
        case .response(let status, let retryAfter, let body):
            // 408: the server stopped waiting before the message was whole, so it was not posted and may be sent again.
            if status == 408 || status == 429 || (500...599).contains(status) {
                let wait = retryAfter.flatMap { RetryAfter.seconds($0, now: now) } ?? Platform.retryAfterInBody(body)
                return .temporary(reason: reason(status: status, body: body), retryAfter: wait)
            }
            guard (200...299).contains(status) else { return .rejected(reason: reason(status: status, body: body)) }
            return platform.accepts(status: status, body: body)
                ? .delivered
                : .rejected(reason: reason(status: status, body: body))
        }
    }

    /// The longest part of a platform's answer that is printed.
    static let longestSaid = 200

    /// The platform's reason in words: what it said (its error code or message, the secret cut out before anything
    /// is shortened, so that no part of it is left at the cut), and what that means, by the code where it is known,
    /// else by the status.
    func reason(status: Int, body: String) -> Localized {
        var said = redacting(Platform.said(in: body))
        if said.count > Self.longestSaid { said = String(said.prefix(Self.longestSaid - 1)) + "…" }
        let meaning = PlatformErrorCode.first(in: said)?.meaning ?? StatusMeaning(status: status).message
        return PlatformReason.answer(said: said, status: status, meaning: meaning)
    }
}

extension Platform {
    /// The platform's own answer of success, as each platform documents its incoming webhooks.
    fileprivate func accepts(status: Int, body: String) -> Bool {
        let text = body.trimmingWhitespace
        let json = try? JSONParser.parse(text)
        switch self {
        case .slack, .mattermost: return status == 200 && text == "ok"
        case .teams: return status == 202 || status == 200
        case .discord: return status == 204 || (status == 200 && json?.member("id") != nil)
        case .googlechat: return status == 200 && json?.member("name") != nil
        case .rocketchat: return status == 200 && json?.member("success") == .bool(true)
        case .zulip: return status == 200 && json?.member("result") == .string("success")
        case .generic: return true
        }
    }

    /// Discord says how long to wait in the body of a 429 too (`retry_after`, seconds as a float).
    fileprivate static func retryAfterInBody(_ body: String) -> Double? {
        guard case .number(let literal)? = (try? JSONParser.parse(body))?.member("retry_after") else { return nil }
        return Double(literal)
    }

    /// What the body says: a bare string (Slack, Mattermost's `ok`), or the message and code of a JSON error, on
    /// one line; nothing for a page of markup (a proxy's error page), which the status says better.
    fileprivate static func said(in body: String) -> String {
        let text = body.trimmingWhitespace
        guard let json = try? JSONParser.parse(text) else {
            guard !text.hasPrefix("<") else { return "" }
            return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var parts: [String] = []
        let error = json.member("error")
        for value in [
            json.member("code"), error?.member("code"), error?.member("status"), json.member("id"),
            json.member("message"), json.member("msg"), error?.member("message"), error,
        ] {
            switch value {
            case .string(let text)? where !text.isEmpty && !parts.contains(text): parts.append(text)
            case .number(let literal)? where !parts.contains(literal): parts.append(literal)
            default: break
            }
        }
        return parts.joined(separator: " ")
    }
}

// MARK: - RetryAfter

/// The `Retry-After` header: delay-seconds (Discord writes fractions) or an HTTP date (RFC 9110, IMF-fixdate).
public enum RetryAfter {
    /// Seconds to wait from `now` (seconds since 1970), never negative; nil when the header cannot be read.
    public static func seconds(_ header: String, now: Double) -> Double? {
        let text = header.trimmingWhitespace
        if let seconds = Double(text), seconds.isFinite { return max(0, seconds) }
        return date(text).map { max(0, $0 - now) }
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Sun, 06 Nov 1994 08:49:37 GMT` as seconds since 1970.
    static func date(_ text: String) -> Double? {
        let fields = text.split(separator: " ")
        guard fields.count == 6, fields[5] == "GMT", let day = Int(fields[1]), let year = Int(fields[3]),
            let month = months.firstIndex(of: String(fields[2])).map({ $0 + 1 }),
            let date = CivilDate(year: year, month: month, day: day)
        else { return nil }
        let clock = fields[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]), (0...60).contains(clock[2])
        else {
            return nil
        }
        return Double(date.daysSinceEpoch * 86_400 + clock[0] * 3_600 + clock[1] * 60 + clock[2])
    }
}

// MARK: - RetryPolicy

/// How long to keep trying: a number of attempts and a time cap, exponential backoff with jitter between attempts,
/// and never sooner than the server's `Retry-After`.
public struct RetryPolicy: Equatable, Sendable {
    public var attempts: Int
    /// Seconds from the first attempt after which no further attempt starts.
    public var cap: Double
    /// The first backoff; each further one doubles, up to `longestBackoff`.
    public var firstBackoff: Double
    public var longestBackoff: Double

    public init(attempts: Int = 5, cap: Double = 120, firstBackoff: Double = 1, longestBackoff: Double = 30) {
        self.attempts = attempts
        self.cap = cap
        self.firstBackoff = firstBackoff
        self.longestBackoff = longestBackoff
    }

    /// The wait before the next attempt after `attempt` (1-based) failed for a while, or nil to give up: out of
    /// attempts, or the wait would end past the cap. `jitter` is a random number in 0..<1.
    public func wait(after attempt: Int, elapsed: Double, retryAfter: Double?, jitter: Double) -> Double? {
        guard attempt < attempts else { return nil }
        let backoff = min(longestBackoff, firstBackoff * Double(1 << min(attempt - 1, 30)))
        // "Equal jitter": half the backoff for sure, half at random, so that many clients spread out but none retries
        // at once.
        let jittered = backoff / 2 + backoff / 2 * jitter
        let wait = max(jittered, retryAfter ?? 0)
        return elapsed + wait <= cap ? wait : nil
    }
}

// MARK: - Pacing

extension Platform {
    /// The least time between two posts to one webhook: Slack asks for at most one a second, and one a second
    /// keeps every other platform's rate limit too.
    public var pacing: Double { 1 }
}
