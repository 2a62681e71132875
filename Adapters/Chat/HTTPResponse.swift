/// The statuses the chat server answers with, each with its reason phrase from RFC 9110.
public enum HTTPStatus: Int, Equatable, Sendable, CaseIterable {
    case ok = 200
    case badRequest = 400
    /// A request that fails the platform's verification: no detail is given.
    case unauthorized = 401
    /// A verified message from a team, channel or person that the endpoint's allow-list does not name.
    case forbidden = 403
    case notFound = 404
    /// The head or the body took longer than `HTTPLimits` allows.
    case requestTimeout = 408
    case contentTooLarge = 413
    case uriTooLong = 414
    /// An `Expect` other than `100-continue`.
    case expectationFailed = 417
    case requestHeaderFieldsTooLarge = 431
    case internalServerError = 500
    /// A method or a transfer coding the server does not implement.
    case notImplemented = 501
    /// The request could not be carried out now (another process held the conversation too long): try again, as
    /// its `Retry-After` says.
    case serviceUnavailable = 503
    case httpVersionNotSupported = 505

    public var reason: String {
        switch self {
        case .ok: "OK"
        case .badRequest: "Bad Request"
        case .unauthorized: "Unauthorized"
        case .forbidden: "Forbidden"
        case .notFound: "Not Found"
        case .requestTimeout: "Request Timeout"
        case .contentTooLarge: "Content Too Large"
        case .uriTooLong: "URI Too Long"
        case .expectationFailed: "Expectation Failed"
        case .requestHeaderFieldsTooLarge: "Request Header Fields Too Large"
        case .internalServerError: "Internal Server Error"
        case .notImplemented: "Not Implemented"
        case .serviceUnavailable: "Service Unavailable"
        case .httpVersionNotSupported: "HTTP Version Not Supported"
        }
    }
}

/// What a response's body is. A closed set, so that no header line is ever written from a string of the request.
public enum HTTPContentType: Equatable, Sendable {
    /// The replies the platforms take.
    case json
    /// The body of a refusal: its status and reason.
    case plainText

    var headerValue: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .plainText: "text/plain; charset=utf-8"
        }
    }
}

/// One response, and the connection closes after it: one request per connection, so no request can be smuggled
/// in behind another.
public struct HTTPResponse: Equatable, Sendable {
    public let status: HTTPStatus
    public let contentType: HTTPContentType
    public let body: [UInt8]

    public init(status: HTTPStatus, contentType: HTTPContentType, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    /// A response that says its status and nothing else, as refusals are: nothing of the request is echoed, and no
    /// detail tells a client which check it failed.
    public init(status: HTTPStatus) {
        self.init(status: status, contentType: .plainText, body: Array("\(status.rawValue) \(status.reason)\n".utf8))
    }

    /// The bytes to write. The answer to a HEAD request has the head of the same response, without its body.
    public func bytes(omittingBody: Bool) -> [UInt8] {
        message(firstLine: "HTTP/1.1 \(status.rawValue) \(status.reason)", closing: true, omittingBody: omittingBody)
    }

    /// The bytes a CGI program writes (RFC 3875 6.2): the status in a `Status` header, for the web server to put in
    /// its own status line; the connection is the web server's.
    public func cgiBytes(omittingBody: Bool) -> [UInt8] {
        message(firstLine: "Status: \(status.rawValue) \(status.reason)", closing: false, omittingBody: omittingBody)
    }

    private func message(firstLine: String, closing: Bool, omittingBody: Bool) -> [UInt8] {
        let head =
            "\(firstLine)\r\n"
            + "Content-Type: \(contentType.headerValue)\r\n"
            + "Content-Length: \(body.count)\r\n"
            // Replies carry what a person wrote in a conversation: no cache along the way may keep them.
            + "Cache-Control: no-store\r\n"
            // Another process held the conversation for seconds: a second later it has long let go.
            + (status == .serviceUnavailable ? "Retry-After: 1\r\n" : "")
            + (closing ? "Connection: close\r\n" : "") + "\r\n"
        return Array(head.utf8) + (omittingBody ? [] : body)
    }
}
