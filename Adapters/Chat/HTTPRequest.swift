/// The methods the chat server answers: platforms POST, and GET and HEAD let a person or a health check see that
/// the server is up. Any other method is answered 501.
public enum HTTPMethod: String, Equatable, Sendable {
    case get = "GET"
    case head = "HEAD"
    case post = "POST"
}

/// One header line as received: its name in the client's own case, its value without the whitespace around it.
public struct HTTPField: Equatable, Sendable {
    public let name: String
    public let value: String
    /// The name in lower case, made once: every lookup compares with it.
    let key: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
        key = name.lowercased()
    }
}

/// A request's header lines in the order received, looked up by name in any case.
public struct HTTPHeaders: Equatable, Sendable {
    public let fields: [HTTPField]

    public init(_ fields: [HTTPField]) {
        self.fields = fields
    }

    /// Every value of the header `name`, in the order received.
    public func values(named name: String) -> [String] {
        let key = name.lowercased()
        return fields.filter { $0.key == key }.map(\.value)
    }

    /// The value of the header `name`; a header sent more than once gives its values joined by ", " as HTTP
    /// combines them, so that a second `Authorization` or signature can never pass for the first.
    public subscript(name: String) -> String? {
        let values = values(named: name)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }
}

/// A complete request, as the parser took it: the target's path and query exactly as sent (not percent-decoded, so
/// that a path matches an endpoint only as written), and the body's raw bytes, which platforms sign.
public struct HTTPRequest: Equatable, Sendable {
    public let method: HTTPMethod
    /// The path of the target, starting with "/".
    public let path: String
    /// What follows the first "?" of the target, or nil without one.
    public let query: String?
    public let headers: HTTPHeaders
    public let body: [UInt8]

    public init(method: HTTPMethod, path: String, query: String?, headers: HTTPHeaders, body: [UInt8]) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }
}
