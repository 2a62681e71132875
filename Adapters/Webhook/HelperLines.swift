import SamtaleCore

// MARK: - The lines between `samtale` and `samtale-http`

/// One request line from `samtale post` to `samtale-http`, one JSON object on a line:
/// `{"id":1,"url":"https://…","body":"…","headers":{"Content-Type":"application/json"},"connectTimeout":10.0,
/// "timeout":30.0}`. Both programs write and read it through this type, so the two ends cannot drift apart.
public struct HelperRequest: Equatable, Sendable {
    public struct Header: Equatable, Sendable {
        public let name: String
        public let value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Pairs the answer with its request: answers come in the order requests end, not the order they were sent.
    public let id: Int
    public let url: String
    public let body: String
    public let headers: [Header]
    /// Seconds to wait for the connection, then for the whole answer.
    public let connectTimeout: Double
    public let timeout: Double

    /// The longest timeout a request line may ask for: `samtale-http` turns seconds into nanoseconds, and
    /// `samtale post` allows far less.
    public static let longestTimeout = 86_400.0

    public init(id: Int, url: String, body: String, headers: [Header], connectTimeout: Double, timeout: Double) {
        self.id = id
        self.url = url
        self.body = body
        self.headers = headers
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }

    /// The line as written, with its line end.
    public var line: [UInt8] {
        HelperLines.line([
            JSONMember("id", .integer(id)), JSONMember("url", .string(url)), JSONMember("body", .string(body)),
            JSONMember("headers", .object(headers.map { JSONMember($0.name, .string($0.value)) })),
            JSONMember("connectTimeout", .number(String(connectTimeout))),
            JSONMember("timeout", .number(String(timeout))),
        ])
    }

    /// Reads a line strictly (without its line end): `samtale post` writes them, so anything else is a bug worth
    /// reporting, and a timeout the clocks cannot hold (not above zero, or past `longestTimeout`) is refused.
    public init?(line: [UInt8]) {
        guard let request = try? JSONParser.parse(line) else { return nil }
        let member = request.member
        guard let id = HelperLines.integer(member("id")), case .string(let url)? = member("url"),
            case .string(let body)? = member("body"), let connectTimeout = Self.seconds(member("connectTimeout")),
            let timeout = Self.seconds(member("timeout"))
        else { return nil }
        var headers: [Header] = []
        if case .object(let fields)? = member("headers") {
            for field in fields {
                guard case .string(let value) = field.value else { return nil }
                headers.append(Header(field.key, value))
            }
        }
        self.init(id: id, url: url, body: body, headers: headers, connectTimeout: connectTimeout, timeout: timeout)
    }

    private static func seconds(_ value: JSONValue?) -> Double? {
        guard case .number(let literal)? = value, let seconds = Double(literal), seconds > 0, seconds <= longestTimeout
        else { return nil }
        return seconds
    }
}

/// One answer line from `samtale-http`, written when its request ends: `{"id":1,"status":202,"retryAfter":"5",
/// "body":"…"}`, `{"id":1,"status":302,"redirect":"other.example"}` (a redirect, never followed: only the host it
/// names), `{"id":1,"error":"timeout"}`, or `{"id":1,"error":"connection","reason":"refused"}` (a
/// `ConnectionFailure` word). No line names a URL's path.
public struct HelperAnswer: Equatable, Sendable {
    public let id: Int
    public let result: AttemptResult

    public init(id: Int, result: AttemptResult) {
        self.id = id
        self.result = result
    }

    /// The line as written, with its line end.
    public var line: [UInt8] {
        var members = [JSONMember("id", .integer(id))]
        switch result {
        case .response(let status, let retryAfter, let body):
            members.append(JSONMember("status", .integer(status)))
            if let retryAfter { members.append(JSONMember("retryAfter", .string(retryAfter))) }
            members.append(JSONMember("body", .string(body)))
        case .redirected(let status, let host):
            members += [JSONMember("status", .integer(status)), JSONMember("redirect", .string(host))]
        case .timedOut:
            members.append(JSONMember("error", .string("timeout")))
        case .connectionFailed(let failure):
            members += [JSONMember("error", .string("connection")), JSONMember("reason", .string(failure.word))]
        }
        return HelperLines.line(members)
    }

    /// Reads a line (without its line end); nil for anything `samtale-http` does not write.
    public init?(line: [UInt8]) {
        guard let answer = try? JSONParser.parse(line) else { return nil }
        let member = answer.member
        guard let id = HelperLines.integer(member("id")) else { return nil }
        if let status = HelperLines.integer(member("status")) {
            if case .string(let host)? = member("redirect") {
                self.init(id: id, result: .redirected(status: status, host: host))
                return
            }
            var retryAfter: String?
            if case .string(let header)? = member("retryAfter") { retryAfter = header }
            guard case .string(let body)? = member("body") else { return nil }
            self.init(id: id, result: .response(status: status, retryAfter: retryAfter, body: body))
            return
        }
        switch member("error") {
        case .string("timeout")?:
            self.init(id: id, result: .timedOut)
        case .string("connection")?:
            guard case .string(let word)? = member("reason"), let failure = ConnectionFailure(word: word) else {
                return nil
            }
            self.init(id: id, result: .connectionFailed(failure))
        default:
            return nil
        }
    }
}

/// What both kinds of line share.
private enum HelperLines {
    static func line(_ members: [JSONMember]) -> [UInt8] {
        var line = JSONWriter.bytes(.object(members))
        line.append(0x0A)
        return line
    }

    static func integer(_ value: JSONValue?) -> Int? {
        guard case .number(let literal)? = value else { return nil }
        return Int(literal)
    }
}
