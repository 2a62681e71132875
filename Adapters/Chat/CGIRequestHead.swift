// MARK: - CGIRequestHead

/// The head of a request as a web server hands it to a CGI program (RFC 3875): in environment variables, with the
/// body on standard input. Read into the same parts `HTTPRequestParser` takes from the wire, so that `ChatHandler`
/// answers a request the same whichever front door it came through.
///
/// The web server has parsed the request already; what is checked again here is what the parser refuses in the
/// body's framing, as the body is read by this program: a `CONTENT_LENGTH` that is not plain digits (400), one over
/// `HTTPLimits.bodyBytes` (413), any `Transfer-Encoding` (501); and a method other than GET, HEAD and POST (501).
public struct CGIRequestHead: Equatable, Sendable {
    public enum Reading: Equatable, Sendable {
        /// No `REQUEST_METHOD`: the program was not started by a web server.
        case notCGI
        /// Answer this status without reading the body.
        case refused(HTTPStatus)
        case head(CGIRequestHead)
    }

    public let method: HTTPMethod
    /// `PATH_INFO`, the part of the address after the program's own (`SCRIPT_NAME`): the endpoint's path.
    public let path: String
    public let query: String?
    public let headers: HTTPHeaders
    /// How many bytes of body standard input holds.
    public let contentLength: Int

    /// The head the environment gives.
    public static func read(_ environment: [String: String]) -> Reading {
        guard let methodName = environment["REQUEST_METHOD"] else { return .notCGI }
        guard let method = HTTPMethod(rawValue: methodName) else { return .refused(.notImplemented) }
        if environment["HTTP_TRANSFER_ENCODING"] != nil { return .refused(.notImplemented) }
        // RFC 3875 4.1.2: no body is an empty or missing CONTENT_LENGTH.
        let lengthText = environment["CONTENT_LENGTH"] ?? ""
        guard lengthText.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return .refused(.badRequest)
        }
        // Digits past the limit's own count are too large however they read, and never overflow an Int.
        guard lengthText.utf8.count <= 9, let length = Int(lengthText.isEmpty ? "0" : lengthText) else {
            return .refused(.contentTooLarge)
        }
        guard length <= HTTPLimits.bodyBytes else { return .refused(.contentTooLarge) }
        var fields = environment.compactMap { name, value -> HTTPField? in
            // The body's type and length come as CONTENT_TYPE and CONTENT_LENGTH, never twice.
            guard name.hasPrefix("HTTP_"), name != "HTTP_CONTENT_TYPE", name != "HTTP_CONTENT_LENGTH" else {
                return nil
            }
            return HTTPField(name: headerName(String(name.dropFirst(5))), value: value)
        }
        if let type = environment["CONTENT_TYPE"], !type.isEmpty {
            fields.append(HTTPField(name: "Content-Type", value: type))
        }
        if length > 0 { fields.append(HTTPField(name: "Content-Length", value: String(length))) }
        let path = environment["PATH_INFO"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/"
        let query = environment["QUERY_STRING"].flatMap { $0.isEmpty ? nil : $0 }
        return .head(
            CGIRequestHead(
                method: method, path: path, query: query,
                headers: HTTPHeaders(fields.sorted { $0.key < $1.key }), contentLength: length))
    }

    /// The request, with the body read from standard input.
    public func request(body: [UInt8]) -> HTTPRequest {
        HTTPRequest(method: method, path: path, query: query, headers: headers, body: body)
    }

    /// `X_SLACK_SIGNATURE` as the header was written, `X-Slack-Signature`; headers are looked up in any case, so
    /// this is for whoever reads them.
    private static func headerName(_ variable: String) -> String {
        variable.split(separator: "_", omittingEmptySubsequences: false)
            .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }
            .joined(separator: "-")
    }
}
