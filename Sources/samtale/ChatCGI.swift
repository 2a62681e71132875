import ChatAdapter
import SamtaleCore

/// `samtale chat cgi`: one request as a web server hands it to a CGI program (RFC 3875), its head in the
/// environment and its body on standard input, answered by the same handler as `chat serve`; the response goes to
/// standard output with its status in a `Status` header, for the web server to send on.
extension Commands {
    static func chatCGI(_ parsed: Arguments, language: Language) throws(CommandError) -> Int32 {
        let head: CGIRequestHead
        switch CGIRequestHead.read(System.environmentVariables) {
        case .notCGI:
            throw .usage(CommandLineStrings.chatCGIByHand, command: .chat)
        case .refused(let status):
            System.write(HTTPResponse(status: status).cgiBytes(omittingBody: false))
            return 0
        case .head(let found):
            head = found
        }
        let handler: ChatHandler
        do {
            handler = try chatHandler(parsed, language: language).handler
        } catch {
            // Answered all the same, so that the web server logs a status; the reason goes to stderr.
            System.write(HTTPResponse(status: .internalServerError).cgiBytes(omittingBody: false))
            throw error
        }
        let response: HTTPResponse
        switch readCGIBody(length: head.contentLength) {
        case .read(let body): response = handler.respond(to: head.request(body: body), now: System.instant)
        case .refused(let status): response = HTTPResponse(status: status)
        case .interrupted: return 0
        }
        System.write(response.cgiBytes(omittingBody: head.method == .head))
        return 0
    }

    private enum CGIBody {
        case read([UInt8])
        case refused(HTTPStatus)
        case interrupted
    }

    /// Exactly `length` bytes of standard input, within `HTTPLimits.bodySeconds` however they trickle in: a web
    /// server that sends fewer before the input ends is answered 400, one that takes longer 408.
    private static func readCGIBody(length: Int) -> CGIBody {
        var body: [UInt8] = []
        let deadline = Clock.monotonic() + HTTPLimits.bodySeconds
        while body.count < length {
            switch System.waitForInput(until: deadline) {
            case .again: continue
            case .timedOut: return .refused(.requestTimeout)
            case .interrupted: return .interrupted
            case .ready, .failed: break
            }
            guard System.readInput(onto: &body) > 0 else { return .refused(.badRequest) }
        }
        return .read(Array(body.prefix(length)))
    }
}
