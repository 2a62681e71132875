import ChatAdapter
import Foundation

/// Requests for the HTTP tests: raw bytes as a client sends them, and the parser run over them.
enum HTTPTestRequests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    /// `lines` joined by CR LF, the blank line that ends the head, and `body`.
    static func raw(_ lines: String..., body: String = "") -> [UInt8] {
        raw(lines: lines, body: body)
    }

    static func raw(lines: [String], body: String) -> [UInt8] {
        Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8)
    }

    /// A POST as Zulip's outgoing webhook sends it, and the request the parser makes of it.
    static let zulipBody = #"{"data":"Hej","token":"abc","message":{"id":7}}"#
    static let zulip = raw(
        "POST /zulip?endpoint=1 HTTP/1.1", "Host: samtale.example.dk", "User-Agent: ZulipOutgoingWebhook/9.0",
        "Content-Type: application/json", "Content-Length: \(zulipBody.utf8.count)", body: zulipBody)
    static let zulipRequest = HTTPRequest(
        method: .post, path: "/zulip", query: "endpoint=1",
        headers: HTTPHeaders([
            HTTPField(name: "Host", value: "samtale.example.dk"),
            HTTPField(name: "User-Agent", value: "ZulipOutgoingWebhook/9.0"),
            HTTPField(name: "Content-Type", value: "application/json"),
            HTTPField(name: "Content-Length", value: "\(zulipBody.utf8.count)"),
        ]),
        body: Array(zulipBody.utf8))

    /// `bytes` fed in the pieces that end at `cuts`, then the end of input if the request is still unfinished.
    static func parse(_ bytes: [UInt8], cuts: [Int] = []) -> HTTPRequestParser.Result {
        var parser = HTTPRequestParser()
        var start = 0
        var result = HTTPRequestParser.Result.needMore
        for end in cuts + [bytes.count] {
            result = parser.feed(bytes[start..<end])
            start = end
        }
        if result == .needMore, let status = parser.endOfInput() { return .refused(status) }
        return result
    }
}
