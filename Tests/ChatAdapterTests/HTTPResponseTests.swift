import ChatAdapter
import Testing

/// Responses: the status line, the headers every answer has, and nothing of the request in them.
@Suite struct HTTPResponseTests {
    @Test func aReplyIsItsStatusHeadersAndBody() {
        let reply = HTTPResponse(status: .ok, contentType: .json, body: Array(#"{"text":"Godt gået"}"#.utf8))
        #expect(
            String(decoding: reply.bytes(omittingBody: false), as: UTF8.self)
                == "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 21\r\n"
                + "Cache-Control: no-store\r\nConnection: close\r\n\r\n{\"text\":\"Godt gået\"}")
    }

    @Test func theAnswerToHeadHasTheHeadOfTheResponseAndNoBody() {
        let reply = HTTPResponse(status: .ok, contentType: .json, body: Array("{}".utf8))
        #expect(
            String(decoding: reply.bytes(omittingBody: true), as: UTF8.self)
                == "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 2\r\n"
                + "Cache-Control: no-store\r\nConnection: close\r\n\r\n")
    }

    @Test func aCGIResponseGivesItsStatusAsAHeaderAndLeavesTheConnectionToTheWebServer() {
        let reply = HTTPResponse(status: .ok, contentType: .json, body: Array("{}".utf8))
        #expect(
            String(decoding: reply.cgiBytes(omittingBody: false), as: UTF8.self)
                == "Status: 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 2\r\n"
                + "Cache-Control: no-store\r\n\r\n{}")
        #expect(
            String(decoding: HTTPResponse(status: .contentTooLarge).cgiBytes(omittingBody: true), as: UTF8.self)
                == "Status: 413 Content Too Large\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 22\r\n"
                + "Cache-Control: no-store\r\n\r\n")
    }

    static let statusLines: [(HTTPStatus, String)] = [
        (.ok, "200 OK"), (.badRequest, "400 Bad Request"), (.unauthorized, "401 Unauthorized"),
        (.notFound, "404 Not Found"), (.requestTimeout, "408 Request Timeout"),
        (.forbidden, "403 Forbidden"), (.contentTooLarge, "413 Content Too Large"), (.uriTooLong, "414 URI Too Long"),
        (.expectationFailed, "417 Expectation Failed"),
        (.requestHeaderFieldsTooLarge, "431 Request Header Fields Too Large"),
        (.internalServerError, "500 Internal Server Error"), (.notImplemented, "501 Not Implemented"),
        (.serviceUnavailable, "503 Service Unavailable"), (.httpVersionNotSupported, "505 HTTP Version Not Supported"),
    ]

    @Test(arguments: statusLines)
    func aRefusalSaysItsStatusAndNothingElse(_ status: HTTPStatus, _ line: String) {
        let bytes = String(decoding: HTTPResponse(status: status).bytes(omittingBody: false), as: UTF8.self)
        let length = line.utf8.count + 1
        // 503 alone says when to try again: whatever held the conversation lets go within milliseconds.
        let retry = status == .serviceUnavailable ? "Retry-After: 1\r\n" : ""
        #expect(
            bytes
                == "HTTP/1.1 \(line)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(length)\r\n"
                + "Cache-Control: no-store\r\n\(retry)Connection: close\r\n\r\n\(line)\n")
    }

    @Test func everyStatusIsInTheTableOfStatusLines() {
        #expect(Set(Self.statusLines.map(\.0)) == Set(HTTPStatus.allCases))
    }
}
