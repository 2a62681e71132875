import SamtaleCore
import Testing

@testable import WebhookAdapter

/// The delivery policy without a server: events in, actions and instants out.
@Suite struct DeliveryStateMachineTests {
    static let headers = [HelperRequest.Header("Content-Type", "application/json; charset=utf-8")]
    static let day = CivilDate(iso: "2026-11-26")!
    static let ok = AttemptResult.response(status: 200, retryAfter: nil, body: "ok")
    static let unavailable = AttemptResult.response(status: 503, retryAfter: nil, body: "")

    func machine(attempts: Int = 5, cap: Double = 120) -> DeliveryStateMachine {
        DeliveryStateMachine(
            settings: .init(
                policy: RetryPolicy(attempts: attempts, cap: cap), connectTimeout: 10,
                timeout: 30, headers: Self.headers))
    }

    /// A day's question for `target`, to the Mattermost webhook at `host`.
    func post(_ target: String, host: String = "a.example") throws -> Post {
        let address = try WebhookAddress(parsing: "https://\(host)/hooks/team", platform: .mattermost)
        return Post(
            label: target, address: address, body: #"{"text":"\#(target)"}"#,
            ledger: LedgerEntry(target: target, date: Self.day, question: "Hvad?"))
    }

    func send(_ id: Int, _ post: Post) -> DeliveryStateMachine.Action {
        .send(
            HelperRequest(
                id: id, url: post.address.url, body: post.body, headers: Self.headers, connectTimeout: 10,
                timeout: 30))
    }

    @Test func eachWebhookGetsItsFirstPostAtOnceAndTheNextOnlyAfterTheAnswerAndItsPacing() throws {
        let posts = [try post("nord"), try post("syd"), try post("vest", host: "b.example")]
        var delivery = machine()
        #expect(
            delivery.start(posts, posted: [], force: false, at: 100)
                == [send(0, posts[0]), send(2, posts[2]), .wait(until: nil)])
        // Answered before its pacing is over: the next post to that webhook waits until a second after the first.
        #expect(
            delivery.answerArrived(id: 0, Self.ok, at: 100.3, wallClock: 0, jitter: 0)
                == [
                    .record(posts[0].ledger!), .report(.delivered(label: "nord", platform: .mattermost)),
                    .wait(until: 101),
                ])
        #expect(delivery.timerFired(at: 100.9) == [.wait(until: 101)])
        #expect(delivery.timerFired(at: 101) == [send(1, posts[1]), .wait(until: nil)])
        #expect(
            delivery.answerArrived(id: 2, Self.ok, at: 101.2, wallClock: 0, jitter: 0)
                == [
                    .record(posts[2].ledger!), .report(.delivered(label: "vest", platform: .mattermost)),
                    .wait(until: nil),
                ])
        #expect(
            delivery.answerArrived(id: 1, Self.ok, at: 101.5, wallClock: 0, jitter: 0)
                == [.record(posts[1].ledger!), .report(.delivered(label: "syd", platform: .mattermost)), .finished])
    }

    @Test func aTargetPostedTodayIsToldAndNotSentUnlessForced() throws {
        let posts = [try post("nord"), try post("syd")]
        let posted = [
            LedgerEntry(target: "nord", date: Self.day, question: "Hvad?"),
            LedgerEntry(target: "syd", date: Self.day.adding(days: -1), question: "Hvad?"),
        ]
        var delivery = machine()
        #expect(
            delivery.start(posts, posted: posted, force: false, at: 0)
                == [.report(.alreadyPosted(label: "nord", date: Self.day)), send(0, posts[1]), .wait(until: nil)])
        var forced = machine()
        #expect(forced.start(posts, posted: posted, force: true, at: 0) == [send(0, posts[0]), .wait(until: nil)])
        var nothingDue = machine()
        #expect(
            nothingDue.start([posts[0]], posted: posted, force: false, at: 0)
                == [.report(.alreadyPosted(label: "nord", date: Self.day)), .finished])
    }

    @Test func postsStartedWhileOthersAreUnderWayQueueBehindThemOnTheirWebhook() throws {
        let nord = try post("nord")
        let syd = try post("syd")
        var delivery = machine()
        #expect(delivery.start([nord], posted: [], force: false, at: 0) == [send(0, nord), .wait(until: nil)])
        #expect(delivery.start([syd], posted: [], force: false, at: 0.5) == [.wait(until: nil)])
        #expect(
            delivery.answerArrived(id: 0, Self.ok, at: 2, wallClock: 0, jitter: 0)
                == [
                    .record(nord.ledger!), .report(.delivered(label: "nord", platform: .mattermost)), send(1, syd),
                    .wait(until: nil),
                ])
    }

    @Test func aTextOrSummaryWithoutALedgerEntryIsPostedWheneverAskedAndNotRecorded() throws {
        let text = Post(label: "https://a.example", address: try post("x").address, body: "{}", ledger: nil)
        var delivery = machine()
        #expect(delivery.start([text], posted: [], force: false, at: 0) == [send(0, text), .wait(until: nil)])
        #expect(
            delivery.answerArrived(id: 0, Self.ok, at: 1, wallClock: 0, jitter: 0)
                == [.report(.delivered(label: "https://a.example", platform: .mattermost)), .finished])
    }

    @Test func aTemporaryFailureBacksOffExponentiallyAndGivesUpAfterItsAttempts() throws {
        let nord = try post("nord")
        var delivery = machine(attempts: 3)
        _ = delivery.start([nord], posted: [], force: false, at: 0)
        let reason = Localized(
            da: "HTTP 503: platformen er ikke tilgængelig lige nu",
            en: "HTTP 503: the platform is not available right now")
        // The first backoff is 1 s, half of it for sure: 0.5 s with no jitter; but no sooner than the pacing.
        #expect(
            delivery.answerArrived(id: 0, Self.unavailable, at: 0.2, wallClock: 0, jitter: 0)
                == [.report(.retrying(label: "nord", reason: reason, seconds: 0.5)), .wait(until: 1)])
        #expect(delivery.timerFired(at: 1) == [send(0, nord), .wait(until: nil)])
        // The second: 2 s, with the whole jitter 2 s.
        #expect(
            delivery.answerArrived(id: 0, Self.unavailable, at: 1.5, wallClock: 0, jitter: 1)
                == [.report(.retrying(label: "nord", reason: reason, seconds: 2)), .wait(until: 3.5)])
        #expect(delivery.timerFired(at: 3.5) == [send(0, nord), .wait(until: nil)])
        #expect(
            delivery.answerArrived(id: 0, Self.unavailable, at: 4, wallClock: 0, jitter: 0)
                == [.report(.gaveUp(label: "nord", attempts: 3, reason: reason)), .finished])
    }

    @Test func noRetryStartsPastTheCapCountedFromTheFirstAttempt() throws {
        var delivery = machine(attempts: 10, cap: 5)
        _ = delivery.start([try post("nord")], posted: [], force: false, at: 10)
        let tooMany = AttemptResult.response(status: 429, retryAfter: "6", body: "")
        guard
            case .report(.gaveUp(_, let attempts, _)) = delivery.answerArrived(
                id: 0, tooMany, at: 10.1,
                wallClock: 0, jitter: 0
            ).first
        else {
            Issue.record("a retry past the cap was planned")
            return
        }
        #expect(attempts == 1)
    }

    @Test func retryAfterInSecondsOrAsAnHTTPDateIsWaitedFor() throws {
        let nord = try post("nord")
        let now = RetryAfter.date("Thu, 26 Nov 2026 07:30:00 GMT")!
        var delivery = machine()
        _ = delivery.start([nord], posted: [], force: false, at: 50)
        let seconds = AttemptResult.response(status: 429, retryAfter: "7", body: "")
        #expect(delivery.answerArrived(id: 0, seconds, at: 50, wallClock: now, jitter: 0).last == .wait(until: 57))
        #expect(delivery.timerFired(at: 57) == [send(0, nord), .wait(until: nil)])
        let date = AttemptResult.response(status: 503, retryAfter: "Thu, 26 Nov 2026 07:30:12 GMT", body: "")
        #expect(delivery.answerArrived(id: 0, date, at: 58, wallClock: now + 2, jitter: 0).last == .wait(until: 68))
    }

    @Test func aRefusalIsFinalAndTheNextPostToTheWebhookStillGoes() throws {
        let posts = [try post("nord"), try post("syd")]
        var delivery = machine()
        _ = delivery.start(posts, posted: [], force: false, at: 0)
        let removed = AttemptResult.response(status: 404, retryAfter: nil, body: "")
        let actions = delivery.answerArrived(id: 0, removed, at: 2, wallClock: 0, jitter: 0)
        guard case .report(.rejected(let label, _)) = actions.first else {
            Issue.record("a 404 is not a refusal: \(actions)")
            return
        }
        #expect(label == "nord")
        #expect(actions.dropFirst() == [send(1, posts[1]), .wait(until: nil)])
    }

    @Test func aLostConnectionIsRetriedAndAnAnswerToNoRequestInFlightIsIgnored() throws {
        var delivery = machine()
        _ = delivery.start([try post("nord")], posted: [], force: false, at: 0)
        #expect(delivery.answerArrived(id: 7, Self.ok, at: 0.1, wallClock: 0, jitter: 0) == [.wait(until: nil)])
        let actions = delivery.answerArrived(id: 0, .connectionFailed(.lost), at: 0.1, wallClock: 0, jitter: 0)
        #expect(
            actions.first
                == .report(
                    .retrying(
                        label: "nord", reason: ConnectionFailure.lost.message,
                        seconds: 0.5)))
        // The same answer again: the post is no longer in flight.
        #expect(delivery.answerArrived(id: 0, Self.ok, at: 0.2, wallClock: 0, jitter: 0) == [.wait(until: 1)])
    }

    @Test func reportsAreToldInBothLanguages() {
        let reason = Localized(da: "fejl hos platformen", en: "an error at the platform")
        #expect(
            DeliveryReport.retrying(label: "nord", reason: reason, seconds: 2.25).message
                == Localized(
                    da: "nord: fejl hos platformen; prøver igen om 2,2 s",
                    en: "nord: an error at the platform; retrying in 2.2 s"))
        #expect(
            DeliveryReport.gaveUp(label: "nord", attempts: 1, reason: reason).message.da
                == "nord: opgav: 1 forsøg: fejl hos platformen; prøv igen senere")
        #expect(
            DeliveryReport.gaveUp(label: "nord", attempts: 5, reason: reason).message.en
                == "nord: gave up: 5 attempts, last: an error at the platform; try again later")
        #expect(
            DeliveryReport.alreadyPosted(label: "nord", date: Self.day).message.da
                == "nord: allerede sendt 2026-11-26 (--force sender igen)")
        #expect(
            DeliveryReport.delivered(label: "nord", platform: .teams).message.en
                == "posted: nord (Microsoft Teams)")
    }
}

/// The lines between `samtale` and `samtale-http`, written and read by the one type each.
@Suite struct HelperLinesTests {
    @Test func aRequestIsReadBackAsWritten() throws {
        let request = HelperRequest(
            id: 42, url: "https://a.example/hooks/x?y=1", body: "{\"text\":\"æøå\\n\"}",
            headers: [
                HelperRequest.Header("User-Agent", "samtale/1"),
                HelperRequest.Header("Content-Type", "application/json"),
            ],
            connectTimeout: 10, timeout: 0.25)
        let line = request.line
        #expect(line.last == 0x0A && line.dropLast().allSatisfy { $0 != 0x0A })
        #expect(HelperRequest(line: Array(line.dropLast())) == request)
    }

    @Test(arguments: ["1e300", "-1", "0", "86401", "\"30\""])
    func aRequestWithATimeoutTheClocksCannotHoldIsNoRequest(timeout: String) {
        let line = #"{"id":1,"url":"http://127.0.0.1:9/x","body":"{}","connectTimeout":10,"timeout":\#(timeout)}"#
        #expect(HelperRequest(line: Array(line.utf8)) == nil)
    }

    @Test(arguments: [
        AttemptResult.response(status: 202, retryAfter: "5", body: "ok\n\"quoted\""),
        .response(status: 500, retryAfter: nil, body: ""), .redirected(status: 302, host: "other.example"),
        .timedOut, .connectionFailed(.refused), .connectionFailed(.other(code: -1001)),
    ])
    func everyAnswerIsReadBackAsWritten(result: AttemptResult) {
        let answer = HelperAnswer(id: 3, result: result)
        #expect(HelperAnswer(line: Array(answer.line.dropLast())) == answer)
    }

    @Test func answersKeepTheirShapeOnTheWire() {
        #expect(
            String(
                decoding: HelperAnswer(id: 1, result: .response(status: 202, retryAfter: "5", body: "")).line,
                as: UTF8.self) == #"{"id":1,"status":202,"retryAfter":"5","body":""}"# + "\n")
        #expect(
            String(decoding: HelperAnswer(id: 1, result: .connectionFailed(.tls)).line, as: UTF8.self)
                == #"{"id":1,"error":"connection","reason":"tls"}"# + "\n")
    }

    @Test(arguments: [
        #"{"id":1}"#, #"{"id":"1","error":"timeout"}"#, #"{"id":1,"status":200}"#,
        #"{"id":1,"error":"connection","reason":"gone"}"#, "not json",
    ])
    func aLineSamtaleHTTPDoesNotWriteIsNoAnswer(line: String) {
        #expect(HelperAnswer(line: Array(line.utf8)) == nil)
    }
}
