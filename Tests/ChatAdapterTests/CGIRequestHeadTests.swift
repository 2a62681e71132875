import ChatAdapter
import Testing

/// The request a web server hands a CGI program, read into the parts the HTTP parser gives.
@Suite struct CGIRequestHeadTests {
    /// What Apache sets for a Slack slash command posted to `https://chat.example/samtale/slack`, with
    /// `ScriptAlias /samtale /usr/local/bin/samtale-chat.cgi` and `CGIPassAuth On`.
    static let slack: [String: String] = [
        "GATEWAY_INTERFACE": "CGI/1.1", "SERVER_PROTOCOL": "HTTP/1.1", "REQUEST_METHOD": "POST",
        "SCRIPT_NAME": "/samtale", "PATH_INFO": "/slack", "QUERY_STRING": "",
        "CONTENT_TYPE": "application/x-www-form-urlencoded", "CONTENT_LENGTH": "12",
        "HTTP_HOST": "chat.example", "HTTP_X_SLACK_SIGNATURE": "v0=a2114d57",
        "HTTP_X_SLACK_REQUEST_TIMESTAMP": "1531420618", "HTTP_AUTHORIZATION": "Token abc",
        "PATH": "/usr/bin", "HOME": "/var/www",
    ]

    @Test func theHeadersComeFromTheHTTPVariablesAndTheBodysTypeAndLength() throws {
        guard case .head(let head) = CGIRequestHead.read(Self.slack) else {
            Issue.record("not read")
            return
        }
        #expect(head.method == .post)
        #expect(head.path == "/slack")
        #expect(head.query == nil)
        #expect(head.contentLength == 12)
        #expect(
            head.headers.fields.map(\.name) == [
                "Authorization", "Content-Length", "Content-Type", "Host", "X-Slack-Request-Timestamp",
                "X-Slack-Signature",
            ])
        #expect(head.headers["x-slack-signature"] == "v0=a2114d57")
        #expect(head.headers["Content-Type"] == "application/x-www-form-urlencoded")
        let body = Array("command=%2Fx".utf8)
        #expect(
            head.request(body: body)
                == HTTPRequest(method: .post, path: "/slack", query: nil, headers: head.headers, body: body))
    }

    @Test func aGetWithoutBodyOrPathIsTheRootWithNoLength() {
        let reading = CGIRequestHead.read(["REQUEST_METHOD": "GET", "QUERY_STRING": "a=1"])
        guard case .head(let head) = reading else {
            Issue.record("not read")
            return
        }
        #expect(head.path == "/")
        #expect(head.query == "a=1")
        #expect(head.contentLength == 0)
        #expect(head.headers.fields.isEmpty)
    }

    @Test func withoutARequestMethodItWasNotStartedByAWebServer() {
        #expect(CGIRequestHead.read(["PATH": "/usr/bin", "CONTENT_LENGTH": "5"]) == .notCGI)
    }

    @Test(arguments: [
        ("12a", HTTPStatus.badRequest), ("-1", .badRequest), (" 12", .badRequest), ("1e3", .badRequest),
        ("65537", .contentTooLarge), ("99999999999999999999999", .contentTooLarge),
    ])
    func aBodyLengthThatIsNotPlainDigitsWithinTheLimitIsRefused(_ length: String, _ status: HTTPStatus) {
        var environment = Self.slack
        environment["CONTENT_LENGTH"] = length
        #expect(CGIRequestHead.read(environment) == .refused(status))
    }

    @Test func theLargestBodyIsTakenAndATransferCodingOrAnotherMethodIsNot() {
        var environment = Self.slack
        environment["CONTENT_LENGTH"] = String(HTTPLimits.bodyBytes)
        guard case .head(let head) = CGIRequestHead.read(environment) else {
            Issue.record("not read")
            return
        }
        #expect(head.contentLength == HTTPLimits.bodyBytes)
        environment["HTTP_TRANSFER_ENCODING"] = "chunked"
        #expect(CGIRequestHead.read(environment) == .refused(.notImplemented))
        #expect(CGIRequestHead.read(["REQUEST_METHOD": "DELETE"]) == .refused(.notImplemented))
    }
}
