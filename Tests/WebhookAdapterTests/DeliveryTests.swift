import SamtaleCore
import Testing

@testable import WebhookAdapter

@Suite struct WebhookAddressTests {
    @Test(arguments: [
        ("https://hooks.slack.com/services/T0/B0/XXXX", Platform.slack, "https://hooks.slack.com"),
        (
            "https://default0a1b2c.12.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/0a1b/triggers/manual/paths/invoke?api-version=1&sig=S",
            .teams, "https://default0a1b2c.12.environment.api.powerplatform.com:443"
        ),
        ("https://discord.com/api/webhooks/123/TOKEN", .discord, "https://discord.com"),
        (
            "https://chat.googleapis.com/v1/spaces/AAA/messages?key=K&token=T", .googlechat,
            "https://chat.googleapis.com"
        ),
        ("https://mm.example.com/hooks/abc123", .mattermost, "https://mm.example.com"),
        ("https://chat.example.com/hooks/ID/TOKEN", .rocketchat, "https://chat.example.com"),
        (
            "https://org.zulipchat.com/api/v1/external/slack_incoming?api_key=K&stream=s", .zulip,
            "https://org.zulipchat.com"
        ),
    ])
    func recognisesThePlatformAndShowsOnlyTheHost(url: String, platform: Platform, redacted: String) throws {
        let address = try WebhookAddress(parsing: url)
        #expect(address.platform == platform)
        #expect(address.redacted == redacted)
        #expect(address.url == url)
    }

    @Test(arguments: [
        ("discord://123/TOKEN", "https://discord.com/api/webhooks/123/TOKEN", Platform.discord),
        ("discord://TOKEN@123", "https://discord.com/api/webhooks/123/TOKEN", .discord),
        ("slack://A/B/C", "https://hooks.slack.com/services/A/B/C", .slack),
        ("slack://hook:A-B-C@webhook", "https://hooks.slack.com/services/A/B/C", .slack),
        (
            "gchat://SPACE/KEY/TOKEN", "https://chat.googleapis.com/v1/spaces/SPACE/messages?key=KEY&token=TOKEN",
            .googlechat
        ),
        ("mmosts://mm.example.com/TOKEN", "https://mm.example.com/hooks/TOKEN", .mattermost),
        ("rockets://ID/TOKEN@chat.example.com", "https://chat.example.com/hooks/ID/TOKEN", .rocketchat),
        ("rocketchat://chat.example.com/ID/TOKEN", "https://chat.example.com/hooks/ID/TOKEN", .rocketchat),
        (
            "zulip://bot%40example.com:KEY@org.zulipchat.com?stream=s&topic=t",
            "https://org.zulipchat.com/api/v1/external/slack_incoming?api_key=KEY&stream=s&topic=t", .zulip
        ),
        (
            "teams://?host=https%3A%2F%2Fx.environment.api.powerplatform.com%2Fp%3Fsig%3DS",
            "https://x.environment.api.powerplatform.com/p?sig=S", .teams
        ),
        ("jsons://example.com/in", "https://example.com/in", .generic),
    ])
    func translatesAppriseAndShoutrrrURLs(url: String, https: String, platform: Platform) throws {
        let address = try WebhookAddress(parsing: url)
        #expect(address.url == https)
        #expect(address.platform == platform)
    }

    @Test func refusesRetiredConnectorsUnknownHostsAndNonURLs() {
        #expect(throws: WebhookAddress.Problem.retiredTeamsConnector(host: "acme.webhook.office.com")) {
            try WebhookAddress(parsing: "https://acme.webhook.office.com/webhookb2/SECRET")
        }
        #expect(throws: WebhookAddress.Problem.retiredTeamsConnector(host: "prod-01.westeurope.logic.azure.com")) {
            try WebhookAddress(parsing: "https://prod-01.westeurope.logic.azure.com:443/workflows/SECRET")
        }
        #expect(throws: WebhookAddress.Problem.unknownPlatform(host: "example.com")) {
            try WebhookAddress(parsing: "https://example.com/SECRET")
        }
        #expect(throws: WebhookAddress.Problem.notAURL) {
            try WebhookAddress(parsing: "hooks.slack.com/services/SECRET")
        }
        #expect((try? WebhookAddress(parsing: "https://example.com/SECRET", platform: .generic))?.platform == .generic)
    }

    static let teamsWorkflow =
        "https://x.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/"
        + "0a1b2c3d4e5f/triggers/manual/paths/invoke?api-version=1"

    static let quotedSecrets: [(url: String, quoted: String, secrets: [String])] = [
        // As is, the whole URL or the part after the host, in another letter case.
        (
            "https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/XXXXXXXXXXXXXXXXXXXXXXXX",
            "no hook HTTPS://HOOKS.SLACK.COM/SERVICES/T0AAAAAAA/B0BBBBBBB/xxxxxxxxxxxxxxxxxxxxxxxx",
            ["T0AAAAAAA", "B0BBBBBBB", "XXXXXXXXXXXXXXXXXXXXXXXX"]
        ),
        // JSON's `\/` for `/`, as a platform's error body may quote the URL.
        (
            "https://chat.example.com/hooks/6f1bd2c3e4/SECRET-token-3f9a",
            #"{"message":"unknown hook https:\/\/chat.example.com\/hooks\/6f1bd2c3e4\/SECRET-token-3f9a"}"#,
            ["6f1bd2c3e4", "SECRET-token-3f9a"]
        ),
        // Percent-encoded, whole and in part, lower-case hex too.
        (
            "https://example.com/in/SECRET-token-3f9a?key=K3y-value-99&x=1",
            "redirect_uri=https%3A%2F%2Fexample.com%2Fin%2FSECRET-token-3f9a%3fkey%3dK3y-value-99",
            ["SECRET-token-3f9a", "K3y-value-99"]
        ),
        // Split at `/`: each piece quoted on its own.
        (
            "https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOp",
            "webhook 123456789012345678 has no token AbCdEfGhIjKlMnOp", ["123456789012345678", "AbCdEfGhIjKlMnOp"]
        ),
        // The userinfo, which is no part of the path: the user, the password, and both.
        (
            "https://bot:Pa55word-x@chat.example.com/hooks/SECRET-token-3f9a",
            "login bot:Pa55word-x@chat.example.com failed for Pa55word-x, see /hooks/SECRET-token-3f9a",
            ["Pa55word-x", "SECRET-token-3f9a"]
        ),
        // A Teams workflow: its query's parts, but not its fixed words.
        (
            teamsWorkflow + "&sig=S1gnatureValue",
            "DirectApiAuthorizationRequired: sig S1gnatureValue is not valid for workflow 0a1b2c3d4e5f",
            ["S1gnatureValue", "0a1b2c3d4e5f"]
        ),
    ]

    @Test(arguments: quotedSecrets.indices)
    func redactionCutsTheSecretHoweverItIsQuoted(index: Int) throws {
        let (url, quoted, secrets) = Self.quotedSecrets[index]
        let address = try WebhookAddress(parsing: url, platform: .generic)
        let cleaned = address.redacting(quoted)
        for secret in secrets {
            #expect(!cleaned.lowercased().contains(secret.lowercased()), "\(secret) is still in: \(cleaned)")
        }
        #expect(cleaned.contains("…"), "\(cleaned)")
    }

    @Test(arguments: [
        ("http://127.0.0.1\u{1B}[31m:8080/hooks/abc", WebhookAddress.Problem.invisibleCharacterInHost),
        ("https://chat.example.com\u{202E}moc.live/hooks/abc", .invisibleCharacterInHost),
        ("http://127.0.0.1\n:8080/hooks/abc", .invisibleCharacterInHost),
        ("http://exa mple.com/hooks/abc", .spaceInHost),
        ("http://bot:pw@exa\u{A0}mple.com/hooks/abc", .spaceInHost),
        ("rockets://ID/TOKEN@chat.exa\u{7}mple.com", .invisibleCharacterInHost),
    ])
    func aHostWithASpaceOrAnInvisibleCharacterIsRefusedByName(url: String, problem: WebhookAddress.Problem) {
        #expect(throws: problem) { try WebhookAddress(parsing: url, platform: .mattermost) }
    }

    @Test func redactionKeepsThePlatformsOwnWords() throws {
        let address = try WebhookAddress(parsing: Self.teamsWorkflow + "&sig=S")
        #expect(address.redacting("the workflow's triggers are manual") == "the workflow's triggers are manual")
        #expect(
            address.redacting("see \(Self.teamsWorkflow)&sig=S")
                == "see https://x.environment.api.powerplatform.com/…")
    }

    @Test func problemsAndRedactionNeverShowTheSecret() throws {
        let address = try WebhookAddress(parsing: "https://hooks.slack.com/services/T0/B0/SECRET")
        #expect(
            address.redacting("bad hook https://hooks.slack.com/services/T0/B0/SECRET and /services/T0/B0/SECRET")
                == "bad hook https://hooks.slack.com/… and /…")
        for url in ["https://acme.webhook.office.com/webhookb2/SECRET", "https://example.com/SECRET", "ftp://x/SECRET"]
        {
            do {
                _ = try WebhookAddress(parsing: url)
            } catch {
                #expect(!error.message.da.contains("SECRET") && !error.message.en.contains("SECRET"))
            }
        }
    }
}

@Suite struct VerdictTests {
    /// A webhook of `platform` with no secret that the answers below quote.
    func webhook(_ platform: Platform) throws -> WebhookAddress {
        try WebhookAddress(parsing: "https://example.com/hook", platform: platform)
    }

    @Test(arguments: [
        (Platform.slack, 200, "ok", true), (.slack, 200, "invalid_payload", false), (.teams, 202, "", true),
        (.discord, 204, "", true), (.discord, 200, #"{"id":"1"}"#, true),
        (.googlechat, 200, #"{"name":"spaces/a"}"#, true),
        (.googlechat, 200, "{}", false), (.rocketchat, 200, #"{"success":false}"#, false),
        (.zulip, 200, #"{"result":"error","msg":"x"}"#, false), (.mattermost, 200, "ok", true),
        (.generic, 201, "", true),
    ])
    func judgesSuccessByThePlatformsOwnRule(platform: Platform, status: Int, body: String, delivered: Bool) throws {
        let verdict = try webhook(platform).judge(.response(status: status, retryAfter: nil, body: body), now: 0)
        #expect((verdict == .delivered) == delivered)
    }

    @Test func retriesOnlyWhatCanGetBetter() throws {
        let now = 1_795_000_000.0
        let tooMany = Localized(
            da: "HTTP 429: for mange beskeder på kort tid",
            en: "HTTP 429: too many messages in a short time")
        #expect(
            try webhook(.slack).judge(.response(status: 429, retryAfter: "7", body: ""), now: now)
                == .temporary(reason: tooMany, retryAfter: 7))
        #expect(
            try webhook(.discord).judge(
                .response(status: 429, retryAfter: nil, body: #"{"retry_after":0.5}"#),
                now: now)
                == .temporary(reason: tooMany, retryAfter: 0.5))
        #expect(
            try webhook(.slack).judge(.response(status: 404, retryAfter: nil, body: "no_service"), now: now)
                == .rejected(
                    reason: Localized(
                        da: "no_service (HTTP 404): webhooken er fjernet eller slået fra",
                        en: "no_service (HTTP 404): the webhook has been removed or disabled")))
        let unknown = #"{"message":"Unknown Webhook","code":10015}"#
        #expect(
            try webhook(.discord).judge(.response(status: 404, retryAfter: nil, body: unknown), now: now)
                == .rejected(
                    reason: Localized(
                        da:
                            "10015 Unknown Webhook (HTTP 404): webhooken er slettet; opret en ny webhook, og "
                            + "brug dens adresse",
                        en:
                            "10015 Unknown Webhook (HTTP 404): the webhook has been deleted; create a new "
                            + "webhook and use its URL"
                    )))
        // A 408 means the server stopped waiting before the message was whole: it was not posted, so it is retried.
        #expect(
            try webhook(.slack).judge(.response(status: 408, retryAfter: nil, body: ""), now: now)
                == .temporary(
                    reason: Localized(
                        da: "HTTP 408: serveren opgav at vente på beskeden",
                        en: "HTTP 408: the server gave up waiting for the message"), retryAfter: nil))
        #expect(
            try webhook(.teams).judge(.timedOut, now: now)
                == .temporary(reason: PlatformReason.noAnswerInTime, retryAfter: nil))
        #expect(
            try webhook(.slack).judge(.connectionFailed(.refused), now: now)
                == .temporary(reason: ConnectionFailure.refused.message, retryAfter: nil))
    }

    @Test(arguments: [
        ConnectionFailure.refused, .unknownHost, .lost, .offline, .tls, .brokenAnswer, .redirected,
        .authentication, .badURL, .other(code: -1001),
    ])
    func aConnectionFailureIsReadBackFromItsWord(failure: ConnectionFailure) {
        #expect(ConnectionFailure(word: failure.word) == failure)
    }

    @Test(arguments: [
        ConnectionFailure.refused, .unknownHost, .lost, .offline, .tls, .brokenAnswer, .redirected,
        .authentication, .badURL, .other(code: -1007), .other(code: -1),
    ])
    func aConnectionFailureIsToldInWordsNotAsABareCode(failure: ConnectionFailure) {
        for language in [Language.da, .en] {
            let words = failure.message[language].split(separator: " ").filter { Int($0) == nil }
            #expect(words.count >= 3, "\(failure.message[language])")
            let reason = failure.message[language]
            #expect(!reason.contains("netværksfejl -") && !reason.contains("error -"))
        }
    }

    @Test func aRedirectIsFinalAndNamesOnlyItsHost() throws {
        let verdict = try webhook(.slack).judge(.redirected(status: 301, host: "elsewhere.example"), now: 0)
        guard case .rejected(let reason) = verdict else {
            Issue.record("a redirect is not final: \(verdict)")
            return
        }
        #expect(reason.da.contains("elsewhere.example") && reason.en.contains("elsewhere.example"))
        #expect(reason.da.contains("HTTP 301") && reason.da.contains("omdirigerer"))
        #expect(
            try webhook(.slack).judge(.connectionFailed(.redirected), now: 0)
                == .rejected(reason: ConnectionFailure.redirected.message))
    }

    @Test func aWordThatIsNoFailureIsNotRead() {
        #expect(ConnectionFailure(word: "connection refused") == nil)
    }

    @Test func aSecretQuotedInAnAnswerIsCutOutInEveryLanguage() throws {
        let address = try WebhookAddress(parsing: "https://chat.example.com/hooks/SECRET", platform: .mattermost)
        let verdict = address.judge(.response(status: 400, retryAfter: nil, body: "no hook /hooks/SECRET"), now: 0)
        #expect(
            verdict
                == .rejected(
                    reason: Localized(
                        da:
                            "no hook /… (HTTP 400): platformen kan ikke bruge beskeden, som den er; tjek, at "
                            + "platformen er den rigtige",
                        en:
                            "no hook /… (HTTP 400): the platform cannot use the message as it is; check that "
                            + "the platform is the right one"
                    )))
    }

    /// The secret as the last piece of a long answer, at every place where the old cut at 200 characters fell
    /// inside it (it printed `SeCrEtTok` and the like).
    @Test(arguments: 170...200)
    func theSecretIsCutOutBeforeTheAnswerIsShortenedSoNoPartOfItIsLeft(pad: Int) throws {
        let secret = "SeCrEtTok3n"
        let address = try WebhookAddress(parsing: "https://chat.example.com/hooks/\(secret)", platform: .mattermost)
        let body = String(repeating: "e", count: pad) + " " + secret + " and then some more words of the platform"
        guard case .rejected(let reason) = address.judge(.response(status: 400, retryAfter: nil, body: body), now: 0)
        else {
            Issue.record("a 400 is not rejected")
            return
        }
        for length in 4...secret.count {
            #expect(
                !reason.da.contains(secret.prefix(length)) && !reason.en.contains(secret.prefix(length)),
                "\(reason.da)")
        }
        #expect(
            reason.da.hasSuffix(
                "(HTTP 400): platformen kan ikke bruge beskeden, som den er; tjek, at platformen er den rigtige"),
            "\(reason.da)")
    }

    @Test func aLongAnswerIsShortenedWithAMark() throws {
        let address = try webhook(.mattermost)
        let body = String(repeating: "ord ", count: 100)
        guard case .rejected(let reason) = address.judge(.response(status: 400, retryAfter: nil, body: body), now: 0)
        else {
            Issue.record("a 400 is not rejected")
            return
        }
        #expect(reason.en.hasPrefix(String(body.prefix(199)) + "… (HTTP 400)"), "\(reason.en)")
    }

    // MARK: Statuses in words

    @Test(arguments: [
        (400, "platformen kan ikke bruge beskeden, som den er; tjek, at platformen er den rigtige"),
        (401, "adgangen blev nægtet; tjek, at webhook-adressen er rigtig og stadig gælder"),
        (403, "adgangen blev nægtet; tjek, at webhook-adressen er rigtig og stadig gælder"),
        (404, "webhooken findes ikke, eller den er slettet; tjek webhook-adressen"),
        (410, "webhooken er slettet; opret en ny webhook, og brug dens adresse"),
        (408, "serveren opgav at vente på beskeden"),
        (413, "beskeden er for stor til platformen"),
        (302, "serveren omdirigerer, og samtale følger ikke omdirigeringer; tjek webhook-adressen"),
        (503, "platformen er ikke tilgængelig lige nu"),
        (500, "fejl hos platformen"),
    ])
    func aStatusWithoutWordsFromThePlatformIsToldWhatItMeans(status: Int, meaning: String) throws {
        let verdict = try webhook(.mattermost).judge(.response(status: status, retryAfter: nil, body: ""), now: 0)
        let reason: Localized
        switch verdict {
        case .rejected(let words), .temporary(let words, _): reason = words
        case .delivered:
            Issue.record("HTTP \(status) delivered")
            return
        }
        #expect(reason.da == "HTTP \(status): \(meaning)")
    }

    /// Every status a server may send, final or temporary, and numbers no standard has: words in both languages.
    @Test func everyStatusHasAMeaningInWordsInBothLanguages() {
        for status in [0, 99, 600, 999] + Array(100...599) {
            let meaning = StatusMeaning(status: status).message
            for language in [Language.da, .en] {
                #expect(meaning[language].split(separator: " ").count >= 3, "\(status): \(meaning[language])")
            }
        }
    }

    @Test func aPageOfMarkupIsToldByItsStatus() throws {
        let page = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"
        let verdict = try webhook(.mattermost).judge(.response(status: 502, retryAfter: nil, body: page), now: 0)
        #expect(
            verdict
                == .temporary(
                    reason: Localized(
                        da: "HTTP 502: platformen er ikke tilgængelig lige nu",
                        en: "HTTP 502: the platform is not available right now"),
                    retryAfter: nil))
    }

    @Test func aPlatformsOwnCodeIsExplainedBeforeTheStatus() throws {
        let answer = AttemptResult.response(status: 403, retryAfter: nil, body: "action_prohibited")
        let verdict = try webhook(.slack).judge(answer, now: 0)
        #expect(
            verdict
                == .rejected(
                    reason: Localized(
                        da: "action_prohibited (HTTP 403): en administrator har begrænset denne webhook",
                        en: "action_prohibited (HTTP 403): an admin has restricted this webhook")))
    }

    @Test func readsRetryAfterAsSecondsOrAnHTTPDate() {
        let now = RetryAfter.date("Thu, 26 Nov 2026 07:30:00 GMT")!
        #expect(RetryAfter.seconds("120", now: now) == 120)
        #expect(RetryAfter.seconds("Thu, 26 Nov 2026 07:30:45 GMT", now: now) == 45)
        #expect(RetryAfter.seconds("Thu, 26 Nov 2026 07:29:00 GMT", now: now) == 0)
        #expect(RetryAfter.seconds("soon", now: now) == nil)
        #expect(RetryAfter.date("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
    }

    @Test func backsOffExponentiallyWithinTheCap() {
        let policy = RetryPolicy(attempts: 5, cap: 20, firstBackoff: 1, longestBackoff: 30)
        #expect(policy.wait(after: 1, elapsed: 0, retryAfter: nil, jitter: 0) == 0.5)
        #expect(policy.wait(after: 3, elapsed: 0, retryAfter: nil, jitter: 0.999)! > 3.99)
        #expect(policy.wait(after: 2, elapsed: 0, retryAfter: 9, jitter: 0) == 9)
        #expect(policy.wait(after: 2, elapsed: 15, retryAfter: 9, jitter: 0) == nil)
        #expect(policy.wait(after: 5, elapsed: 0, retryAfter: nil, jitter: 0) == nil)
    }
}

@Suite struct TargetsFileTests {
    @Test func readsTargetsWithTheirDefaults() throws {
        let targets = try TargetsFile.decode(
            Array(
                #"""
                {"format": 1, "targets": [
                  {"name": "team-nord", "urlVariable": "HOOK", "deck": "kolding", "weekdays": ["monday", "friday"], "lang": "en"},
                  {"name": "ledere", "url": "https://hooks.slack.com/services/A/B/C", "for": "group", "holidays": "dk"}
                ]}
                """#.utf8))
        #expect(targets.map(\.name) == ["team-nord", "ledere"])
        #expect(
            targets[0].url == .variable("HOOK") && targets[0].weekdays == [.monday, .friday]
                && targets[0].language == .en)
        #expect(targets[1].weekdays == [.monday, .tuesday, .wednesday, .thursday, .friday])
        #expect(targets[1].prompt.audience == .group && targets[1].prompt.dayCounting.skipsDanishHolidays)
    }

    @Test func reportsEveryProblemWithItsPath() {
        let file = #"""
            {"format": 1, "targets": [
              {"name": "A b", "urlVariable": "X", "url": "https://example.com/SECRET"},
              {"name": "ok", "platform": "icq", "weekdays": ["someday"], "skipWeekends": "yes", "urlVariable": "Y"},
              {"name": "ok", "url": "https://acme.webhook.office.com/webhookb2/SECRET"}
            ]}
            """#
        do {
            _ = try TargetsFile.decode(Array(file.utf8))
            Issue.record("a broken targets file was read")
        } catch {
            let lines = error.issues.map { $0.line(in: .en) }
            #expect(lines.contains { $0.hasPrefix("targets[0].name:") })
            #expect(lines.contains { $0.hasPrefix("targets[0]:") && $0.contains("exactly one") })
            #expect(lines.contains { $0.hasPrefix("targets[1].platform:") && $0.contains("icq") })
            #expect(lines.contains { $0.hasPrefix("targets[1].weekdays:") && $0.contains("someday") })
            #expect(lines.contains { $0.hasPrefix("targets[1].skipWeekends:") })
            #expect(lines.contains { $0.hasPrefix("targets[2].url:") && $0.contains("Workflows") })
            #expect(lines.contains { $0.contains("\"ok\"") })
            #expect(!lines.contains { $0.contains("SECRET") })
        }
    }

    /// A target's prompt options are checked as the command line's are, by `PromptOptions`, where the file is read.
    @Test func aTargetsPromptOptionsAreCheckedWithTheFile() {
        let file = #"""
            {"format": 1, "targets": [
              {"name": "a", "urlVariable": "X", "targetGroup": "a,b"},
              {"name": "b", "urlVariable": "Y", "for": "alle"}
            ]}
            """#
        do {
            _ = try TargetsFile.decode(Array(file.utf8))
            Issue.record("a bad target group was read")
        } catch {
            let lines = error.issues.map { $0.line(in: .da) }
            #expect(
                lines.contains(
                    "targets[0].targetGroup: ordet for målgruppen har 2 former; skriv ét ord i ental "
                        + "eller præcis fire former: bruger,brugeren,brugere,brugerne"), "\(lines)")
            #expect(lines.contains { $0.hasPrefix("targets[1].for:") && $0.contains("individual, group") }, "\(lines)")
        }
    }
}

@Suite struct LedgerTests {
    @Test func aTornLineIsSkippedAndNamedAndTheLinesAfterItCount() throws {
        let day = try #require(CivilDate(iso: "2026-11-26"))
        let whole = LedgerEntry(target: "nord", date: day, question: "Hvad?").line(at: "2026-11-26T08:30:00+01:00")
        let torn = Array(whole.prefix(20))
        let later = LedgerEntry(target: "syd", date: day, question: "Hvordan?").line(at: "2026-11-26T08:30:01+01:00")
        let (entries, unreadable) = LedgerEntry.entries(in: whole + torn + [0x0A] + later + [0x0A])
        #expect(entries.map(\.target) == ["nord", "syd"])
        #expect(unreadable == [2])
    }
}
