import ChatAdapter
import Testing

/// The strict HTTP/1.1 subset: what a platform sends is taken, anything else refused with the status to answer.
@Suite struct HTTPRequestParserTests {
    typealias Requests = HTTPTestRequests

    /// A request the parser must refuse, and the status it answers.
    struct Refusal: Sendable, CustomTestStringConvertible {
        let name: String
        let status: HTTPStatus
        let bytes: [UInt8]
        var testDescription: String { name }

        /// `lines` and `body` joined as `HTTPTestRequests.raw` joins them.
        init(_ name: String, _ status: HTTPStatus, _ lines: String..., body: String = "") {
            self.name = name
            self.status = status
            bytes = Requests.raw(lines: lines, body: body)
        }

        /// `text` as it is, for line endings `raw` would not write.
        init(_ name: String, _ status: HTTPStatus, text: String) {
            self.name = name
            self.status = status
            bytes = Array(text.utf8)
        }
    }

    static let refusals: [Refusal] = [
        Refusal(
            "Transfer-Encoding alone", .notImplemented, "POST / HTTP/1.1", "Host: a", "Transfer-Encoding: chunked",
            body: "5\r\nhello\r\n0\r\n\r\n"),
        Refusal(
            "CL.TE", .notImplemented, "POST / HTTP/1.1", "Host: a", "Content-Length: 6", "Transfer-Encoding: chunked",
            body: "0\r\n\r\nG"),
        Refusal(
            "TE.CL", .notImplemented, "POST / HTTP/1.1", "Host: a", "transfer-encoding: chunked", "Content-Length: 4",
            body: "5c\r\nGPOST / HTTP/1.1\r\n\r\n0\r\n\r\n"),
        Refusal(
            "Transfer-Encoding identity", .notImplemented, "POST / HTTP/1.1", "Host: a", "Transfer-Encoding: identity"),
        Refusal(
            "CL.CL equal", .badRequest, "POST / HTTP/1.1", "Host: a", "Content-Length: 5", "Content-Length: 5",
            body: "hello"),
        Refusal(
            "CL.CL different", .badRequest, "POST / HTTP/1.1", "Host: a", "Content-Length: 0", "content-length: 5",
            body: "hello"),
        Refusal(
            "Content-Length list", .badRequest, "POST / HTTP/1.1", "Host: a", "Content-Length: 5, 5", body: "hello"),
        Refusal("negative length", .badRequest, "POST / HTTP/1.1", "Host: a", "Content-Length: -1"),
        Refusal("signed length", .badRequest, "POST / HTTP/1.1", "Host: a", "Content-Length: +5", body: "hello"),
        Refusal("hexadecimal length", .badRequest, "POST / HTTP/1.1", "Host: a", "Content-Length: 0x5", body: "hello"),
        Refusal("empty length", .badRequest, "POST / HTTP/1.1", "Host: a", "Content-Length:"),
        Refusal("length with a space inside", .badRequest, "POST / HTTP/1.1", "Host: a", "Content-Length: 1 0"),
        Refusal(
            "length past any number", .badRequest, "POST / HTTP/1.1", "Host: a",
            "Content-Length: 99999999999999999999999"),
        Refusal("length over the limit", .contentTooLarge, "POST / HTTP/1.1", "Host: a", "Content-Length: 65537"),
        Refusal(
            "length far over the limit", .contentTooLarge, "POST / HTTP/1.1", "Host: a",
            "Content-Length: 1000000000000"),
        Refusal("obs-fold", .badRequest, "GET / HTTP/1.1", "Host: a", "X-Note: one", " two"),
        Refusal("obs-fold with a tab", .badRequest, "GET / HTTP/1.1", "Host: a", "X-Note: one", "\ttwo"),
        Refusal("a space before the first header", .badRequest, "GET / HTTP/1.1", " Host: a"),
        Refusal(
            "a space before the colon", .badRequest, "POST / HTTP/1.1", "Host: a", "Content-Length : 5",
            body: "hello"),
        Refusal("a header line without a colon", .badRequest, "GET / HTTP/1.1", "Host: a", "X-Note"),
        Refusal("an empty header name", .badRequest, "GET / HTTP/1.1", "Host: a", ": x"),
        Refusal("NUL in a header", .badRequest, "GET / HTTP/1.1", "Host: a\u{0}b"),
        Refusal("NUL in the request line", .badRequest, "GET /\u{0} HTTP/1.1", "Host: a"),
        Refusal("ESC in a header", .badRequest, "GET / HTTP/1.1", "Host: a", "X-Note: \u{1B}[31m"),
        Refusal("DEL in a header", .badRequest, "GET / HTTP/1.1", "Host: a", "X-Note: \u{7F}"),
        Refusal("non-ASCII in a header", .badRequest, "GET / HTTP/1.1", "Host: a", "X-Note: Søren"),
        Refusal("a bare CR", .badRequest, "GET / HTTP/1.1", "Host: a\rX-Note: b"),
        Refusal("a bare LF", .badRequest, text: "GET / HTTP/1.1\nHost: a\r\n\r\n"),
        Refusal("LF line endings", .badRequest, text: "GET / HTTP/1.1\nHost: a\n\n"),
        Refusal("an empty line before the request", .badRequest, text: "\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"),
        Refusal("HTTP/2.0", .httpVersionNotSupported, "GET / HTTP/2.0", "Host: a"),
        Refusal("HTTP/1.2", .httpVersionNotSupported, "GET / HTTP/1.2", "Host: a"),
        Refusal("HTTP/0.9", .httpVersionNotSupported, "GET / HTTP/0.9"),
        Refusal("a lowercase version", .badRequest, "GET / http/1.1", "Host: a"),
        Refusal("a two-digit minor version", .badRequest, "GET / HTTP/1.10", "Host: a"),
        Refusal("no version", .badRequest, "GET /"),
        Refusal("two spaces in the request line", .badRequest, "GET  / HTTP/1.1", "Host: a"),
        Refusal("a tab in the request line", .badRequest, "GET\t/ HTTP/1.1", "Host: a"),
        Refusal("a space at the end of the request line", .badRequest, "GET / HTTP/1.1 ", "Host: a"),
        Refusal("PUT", .notImplemented, "PUT / HTTP/1.1", "Host: a"),
        Refusal("OPTIONS", .notImplemented, "OPTIONS / HTTP/1.1", "Host: a"),
        Refusal("a method in lower case", .notImplemented, "post / HTTP/1.1", "Host: a"),
        Refusal("a method that is not a token", .badRequest, "GE(T / HTTP/1.1", "Host: a"),
        Refusal("an absolute-form target", .badRequest, "GET http://a/ HTTP/1.1", "Host: a"),
        Refusal("an asterisk target", .badRequest, "GET * HTTP/1.1", "Host: a"),
        Refusal("a quote in the target", .badRequest, "GET /a\"b HTTP/1.1", "Host: a"),
        Refusal("a fragment in the target", .badRequest, "GET /a#b HTTP/1.1", "Host: a"),
        Refusal("a broken percent escape", .badRequest, "GET /a%zz HTTP/1.1", "Host: a"),
        Refusal("a cut percent escape", .badRequest, "GET /a%4 HTTP/1.1", "Host: a"),
        Refusal("HTTP/1.1 without Host", .badRequest, "GET / HTTP/1.1"),
        Refusal("two Hosts", .badRequest, "GET / HTTP/1.1", "Host: a", "host: b"),
        Refusal("two Hosts in HTTP/1.0", .badRequest, "GET / HTTP/1.0", "Host: a", "Host: b"),
        Refusal("an expectation other than 100-continue", .expectationFailed, "GET / HTTP/1.1", "Host: a", "Expect: x"),
        Refusal(
            "100-continue with a length over the limit", .contentTooLarge, "POST / HTTP/1.1", "Host: a",
            "Expect: 100-continue", "Content-Length: 65537"),
    ]

    @Test func aPlatformsRequestIsTakenApart() throws {
        let result = Requests.parse(try Requests.fixture("slack-slash-command.http"))
        guard case .request(let request) = result else {
            Issue.record("not a request: \(result)")
            return
        }
        #expect(request.method == .post)
        #expect(request.path == "/slack")
        #expect(request.query == nil)
        #expect(request.headers["x-slack-request-timestamp"] == "1531420618")
        #expect(request.headers["USER-AGENT"] == "Slackbot 1.0 (+https://api.slack.com/robots)")
        #expect(request.headers.fields.count == 8)
        #expect(request.body.count == 362)
        #expect(request.headers["Content-Length"] == "362")
        #expect(String(decoding: request.body.prefix(12), as: UTF8.self) == "token=xyzz0W")
    }

    @Test func theBodyIsTakenAsBytesWhateverItsEncoding() throws {
        let result = Requests.parse(try Requests.fixture("teams-outgoing-webhook.http"))
        guard case .request(let request) = result else {
            Issue.record("not a request: \(result)")
            return
        }
        #expect(request.path == "/teams/ledergruppe")
        #expect(request.headers["Authorization"] == "HMAC OFa3vvsVQ14jDiLH5oJy3BrLEhZblsHqmKeeytMMik8=")
        #expect(String(decoding: request.body, as: UTF8.self).contains("Hvordan går det?"))
    }

    @Test func aRequestIsItsMethodPathQueryHeadersAndBody() {
        #expect(Requests.parse(Requests.zulip) == .request(Requests.zulipRequest))
    }

    @Test func aHeaderSentTwiceIsLookedUpAsItsValuesJoined() {
        let result = Requests.parse(
            Requests.raw("GET / HTTP/1.1", "Host: a", "Authorization: HMAC one", "authorization:\tHMAC two  "))
        guard case .request(let request) = result else {
            Issue.record("not a request: \(result)")
            return
        }
        #expect(request.headers["AUTHORIZATION"] == "HMAC one, HMAC two")
        #expect(request.headers.values(named: "authorization") == ["HMAC one", "HMAC two"])
        #expect(request.headers["X-Missing"] == nil)
    }

    @Test func getAndHeadHaveNoBodyWithoutALengthAndAnEmptyQueryIsKept() {
        #expect(
            Requests.parse(Requests.raw("GET /health? HTTP/1.1", "Host: a"))
                == .request(
                    HTTPRequest(
                        method: .get, path: "/health", query: "",
                        headers: HTTPHeaders([HTTPField(name: "Host", value: "a")]), body: [])))
        #expect(
            Requests.parse(Requests.raw("HEAD /%C3%B8?a=%20&b=/:@ HTTP/1.1", "Host: a"))
                == .request(
                    HTTPRequest(
                        method: .head, path: "/%C3%B8", query: "a=%20&b=/:@",
                        headers: HTTPHeaders([HTTPField(name: "Host", value: "a")]), body: [])))
    }

    @Test func http10IsTakenWithoutHost() {
        #expect(
            Requests.parse(Requests.raw("POST /zulip HTTP/1.0", "Content-Length: 2", body: "{}"))
                == .request(
                    HTTPRequest(
                        method: .post, path: "/zulip", query: nil,
                        headers: HTTPHeaders([HTTPField(name: "Content-Length", value: "2")]),
                        body: Array("{}".utf8))))
    }

    @Test func bytesAfterTheBodyAreNeverReadAsAnotherRequest() {
        let smuggled = Requests.zulip + Array("GET /admin HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        #expect(Requests.parse(smuggled) == .request(Requests.zulipRequest))
        var parser = HTTPRequestParser()
        #expect(parser.feed(smuggled[...]) == .request(Requests.zulipRequest))
        #expect(parser.feed(Array("more".utf8)[...]) == .request(Requests.zulipRequest))
        #expect(parser.phase == .finished)
    }

    @Test(arguments: refusals)
    func eachRuleRefusesWithItsStatus(_ refusal: Refusal) {
        #expect(Requests.parse(refusal.bytes) == .refused(refusal.status))
    }

    @Test func aRefusalComesWithTheByteThatDecidesIt() {
        var parser = HTTPRequestParser()
        #expect(parser.feed(Array("GET /a".utf8)[...]) == .needMore)
        #expect(parser.feed([0, 32][...]) == .refused(.badRequest))
        #expect(parser.phase == .finished)
        #expect(parser.feed(Array(" HTTP/1.1\r\n\r\n".utf8)[...]) == .refused(.badRequest))
        var tooLong = HTTPRequestParser()
        #expect(
            tooLong.feed(Requests.raw("POST / HTTP/1.1", "Host: a", "Content-Length: 70000")[...])
                == .refused(.contentTooLarge))
    }

    @Test func theRequestLineMayBeAsLongAsTheLimitAndNoLonger() {
        let filler = String(repeating: "a", count: HTTPLimits.requestLineBytes - "GET / HTTP/1.1".count)
        #expect(
            Requests.parse(Requests.raw("GET /\(filler) HTTP/1.1", "Host: a"))
                == .request(
                    HTTPRequest(
                        method: .get, path: "/\(filler)", query: nil,
                        headers: HTTPHeaders([HTTPField(name: "Host", value: "a")]), body: [])))
        #expect(Requests.parse(Requests.raw("GET /\(filler)a HTTP/1.1", "Host: a")) == .refused(.uriTooLong))
        var parser = HTTPRequestParser()
        #expect(parser.feed(Array("GET /\(filler)a HTTP/1.1".utf8)[...]) == .refused(.uriTooLong))
    }

    @Test func theHeadMayBeAsLongAsTheLimitAndNoLonger() {
        let fixed = "GET / HTTP/1.1\r\nHost: a\r\nX-Filler: \r\n\r\n".utf8.count
        let filler = String(repeating: "f", count: HTTPLimits.headBytes - fixed)
        let longest = Requests.raw("GET / HTTP/1.1", "Host: a", "X-Filler: \(filler)")
        #expect(longest.count == HTTPLimits.headBytes)
        guard case .request(let request) = Requests.parse(longest) else {
            Issue.record("the longest head is refused")
            return
        }
        #expect(request.headers["x-filler"] == filler)
        #expect(
            Requests.parse(Requests.raw("GET / HTTP/1.1", "Host: a", "X-Filler: \(filler)f"))
                == .refused(.requestHeaderFieldsTooLarge))
        let manyLines = (0..<2000).map { "X-\($0): 1" }
        var parser = HTTPRequestParser()
        let head = Array((["GET / HTTP/1.1", "Host: a"] + manyLines).joined(separator: "\r\n").utf8)
        #expect(parser.feed(head[...]) == .refused(.requestHeaderFieldsTooLarge))
    }

    @Test func theBodyMayBeAsLongAsTheLimitAndNoLonger() {
        let body = String(repeating: "b", count: HTTPLimits.bodyBytes)
        let result = Requests.parse(
            Requests.raw("POST / HTTP/1.1", "Host: a", "Content-Length: \(body.utf8.count)", body: body))
        guard case .request(let request) = result else {
            Issue.record("the longest body is refused")
            return
        }
        #expect(request.body.count == HTTPLimits.bodyBytes)
        #expect(
            Requests.parse(Requests.raw("POST / HTTP/1.1", "Host: a", "Content-Length: 65537", body: body + "b"))
                == .refused(.contentTooLarge))
    }

    @Test func thePhaseTellsTheFrontDoorWhichTimeLimitRuns() {
        var parser = HTTPRequestParser()
        #expect(parser.phase == .waiting)
        #expect(parser.feed(Requests.zulip[..<10]) == .needMore)
        #expect(parser.phase == .head)
        let headEnd = Requests.zulip.count - Requests.zulipBody.utf8.count
        #expect(parser.feed(Requests.zulip[10..<headEnd]) == .needMore)
        #expect(parser.phase == .body)
        #expect(parser.feed(Requests.zulip[headEnd...]) == .request(Requests.zulipRequest))
        #expect(parser.phase == .finished)
    }

    @Test func aClientThatWaitsForContinueIsToldOnceWhenItsHeadIsAccepted() {
        let expecting = Requests.raw(
            "POST /zulip HTTP/1.1", "Host: a", "expect: 100-Continue", "Content-Length: 2", body: "{}")
        var parser = HTTPRequestParser()
        #expect(parser.feed(expecting.dropLast(3)) == .needMore)
        #expect(parser.interimResponse() == nil)
        #expect(parser.feed(expecting.dropLast(2).suffix(1)) == .needMore)
        #expect(parser.interimResponse() == Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        #expect(parser.interimResponse() == nil)
        guard case .request(let request) = parser.feed(expecting.suffix(2)) else {
            Issue.record("not a request")
            return
        }
        #expect(request.body == Array("{}".utf8))
        #expect(parser.interimResponse() == nil)

        var withoutBody = HTTPRequestParser()
        _ = withoutBody.feed(Requests.raw("GET / HTTP/1.1", "Host: a", "Expect: 100-continue")[...])
        #expect(withoutBody.interimResponse() == nil)
        var http10 = HTTPRequestParser()
        _ = http10.feed(Requests.raw("POST / HTTP/1.0", "Expect: 100-continue", "Content-Length: 2")[...])
        #expect(http10.interimResponse() == nil)
        var plain = HTTPRequestParser()
        _ = plain.feed(Requests.raw("POST / HTTP/1.1", "Host: a", "Content-Length: 2")[...])
        #expect(plain.interimResponse() == nil)
    }

    @Test func aClientThatClosesEarlyIsAnsweredOnlyIfItSentSomething() {
        var silent = HTTPRequestParser()
        #expect(silent.endOfInput() == nil)
        var inHead = HTTPRequestParser()
        _ = inHead.feed(Requests.zulip[..<20])
        #expect(inHead.endOfInput() == .badRequest)
        #expect(inHead.phase == .finished)
        var inBody = HTTPRequestParser()
        _ = inBody.feed(Requests.zulip.dropLast())
        #expect(inBody.endOfInput() == .badRequest)
        var done = HTTPRequestParser()
        _ = done.feed(Requests.zulip[...])
        #expect(done.endOfInput() == nil)
    }

    @Test func aRequestSplitAtAnyByteGivesTheSameResult() throws {
        let samples =
            [
                try Requests.fixture("slack-slash-command.http"), try Requests.fixture("teams-outgoing-webhook.http"),
                Requests.zulip, Requests.zulip + Array("GET / HTTP/1.1\r\n\r\n".utf8),
            ] + Self.refusals.map(\.bytes)
        for bytes in samples {
            let whole = Requests.parse(bytes)
            #expect(whole != .needMore)
            for cut in 0...bytes.count {
                #expect(Requests.parse(bytes, cuts: [cut]) == whole)
            }
            #expect(Requests.parse(bytes, cuts: Array(0..<bytes.count)) == whole)
        }
    }
}
