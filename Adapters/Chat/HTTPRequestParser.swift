/// Reads one HTTP/1.1 request from bytes as they arrive, strictly: what a chat platform sends is taken, and anything
/// a smuggling or a slow attack could hide in is refused with the status to answer before the connection closes.
///
/// The subset: a request line `METHOD SP /target SP HTTP/1.1` (or `HTTP/1.0`, which proxies such as nginx speak to
/// the servers behind them), header lines ending in CR LF, and a body whose length only `Content-Length` gives.
/// Refused: any `Transfer-Encoding` (501), a `Content-Length` sent twice, or not plain digits (400), one over
/// `HTTPLimits.bodyBytes` (413); a line folded onto the one before, a CR or LF alone, a control or non-ASCII byte
/// in the head (400); a request line over `HTTPLimits.requestLineBytes` (414), a head over `HTTPLimits.headBytes`
/// (431); a version other than 1.0 and 1.1 (505), a method other than GET, HEAD and POST (501); an HTTP/1.1
/// request without exactly one `Host` (400); an `Expect` other than `100-continue` (417). Each byte is judged as it arrives, so a request split anywhere gives
/// the same result as the whole, and a refusal comes as soon as the byte that decides it.
///
/// One request per connection: bytes after the body are never read as another request.
public struct HTTPRequestParser: Sendable {
    /// Where the request stands, for the front door's time limits (`HTTPLimits.headSeconds`, `bodySeconds`).
    public enum Phase: Equatable, Sendable {
        /// No byte yet.
        case waiting
        /// Some of the head has come, not all.
        case head
        /// The head is complete and accepted; the body is still coming.
        case body
        /// A request or a refusal has been given; nothing more is read.
        case finished
    }

    public enum Result: Equatable, Sendable {
        /// Feed more bytes.
        case needMore
        case request(HTTPRequest)
        /// Answer this status and close the connection.
        case refused(HTTPStatus)
    }

    private var head: [UInt8] = []
    /// Whether the last byte of the head was a CR, which only an LF may follow.
    private var afterCarriageReturn = false
    private var onRequestLine = true
    private var lineLength = 0
    /// Where each line of the head lies, without its CR LF, kept as they end so the head is not split again.
    private var lines: [Range<Int>] = []
    private var accepted: AcceptedHead?
    private var body: [UInt8] = []
    private var result = Result.needMore
    /// Whether the client asked to be told to go on before it sends the body, and has not been told yet.
    private var continueDue = false

    public init() {}

    public var phase: Phase {
        if case .needMore = result {
            if accepted != nil { return .body }
            return head.isEmpty ? .waiting : .head
        }
        return .finished
    }

    /// Takes the next bytes that came in; once the result is a request or a refusal, it stays that, and further
    /// bytes are ignored.
    public mutating func feed(_ bytes: ArraySlice<UInt8>) -> Result {
        guard case .needMore = result else { return result }
        var index = bytes.startIndex
        while accepted == nil, index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            if let status = take(byte) {
                result = .refused(status)
                return result
            }
        }
        if let accepted {
            let count = min(accepted.bodyLength - body.count, bytes.endIndex - index)
            body.append(contentsOf: bytes[index..<index + count])
            if body.count == accepted.bodyLength {
                result = .request(
                    HTTPRequest(
                        method: accepted.method, path: accepted.path, query: accepted.query,
                        headers: accepted.headers, body: body))
            }
        }
        return result
    }

    /// `100 Continue`, once, for a client that sent `Expect: 100-continue` and waits for it before it sends the body
    /// (as curl does with a larger body); nil otherwise. The front door writes it after a feed that needs more.
    public mutating func interimResponse() -> [UInt8]? {
        guard continueDue, phase == .body else { return nil }
        continueDue = false
        return Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
    }

    /// The client closed its side: nothing to answer if it sent nothing, 400 for a request cut off.
    public mutating func endOfInput() -> HTTPStatus? {
        guard phase == .head || phase == .body else { return nil }
        result = .refused(.badRequest)
        return .badRequest
    }

    /// Judges one byte of the head; at its end, the head as a whole.
    private mutating func take(_ byte: UInt8) -> HTTPStatus? {
        head.append(byte)
        if afterCarriageReturn {
            // Only LF may follow a CR.
            guard byte == 10 else { return .badRequest }
            afterCarriageReturn = false
            return endOfLine()
        }
        if byte == 13 {
            afterCarriageReturn = true
        } else if byte == 9 || (byte >= 32 && byte <= 126) {
            lineLength += 1
        } else {
            // A control byte, an LF without its CR, DEL or a byte beyond ASCII.
            return .badRequest
        }
        if onRequestLine && lineLength > HTTPLimits.requestLineBytes { return .uriTooLong }
        if head.count > HTTPLimits.headBytes { return .requestHeaderFieldsTooLarge }
        return nil
    }

    private mutating func endOfLine() -> HTTPStatus? {
        defer {
            onRequestLine = false
            lineLength = 0
        }
        if head.count > HTTPLimits.headBytes { return .requestHeaderFieldsTooLarge }
        guard lineLength == 0 else {
            lines.append((head.count - 2 - lineLength)..<(head.count - 2))
            return nil
        }
        if onRequestLine { return .badRequest }
        do {
            let head = try AcceptedHead(head, lines: lines)
            accepted = head
            continueDue = head.expectsContinue
            return nil
        } catch {
            return error.status
        }
    }
}

/// Why a complete head is refused.
private struct Refusal: Error {
    let status: HTTPStatus
}

/// A complete head whose every line has been checked: what the request is, and how long its body.
private struct AcceptedHead {
    let method: HTTPMethod
    let path: String
    let query: String?
    let headers: HTTPHeaders
    let bodyLength: Int
    /// `Expect: 100-continue` in an HTTP/1.1 request (HTTP/1.0 has no such expectation).
    let expectsContinue: Bool

    /// `lines` are where the request line and header lines lie in `head`, whose bytes are already known to be
    /// visible ASCII, space or tab.
    init(_ head: [UInt8], lines: [Range<Int>]) throws(Refusal) {
        let requestLine = head[lines[0]]
        let parts = requestLine.split(separator: 32, maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else { throw Refusal(status: .badRequest) }
        let minorVersion = try Self.minorVersion(parts[2])
        guard parts[0].allSatisfy(Self.isTokenByte) else { throw Refusal(status: .badRequest) }
        guard let method = HTTPMethod(rawValue: String(decoding: parts[0], as: UTF8.self)) else {
            throw Refusal(status: .notImplemented)
        }
        let target = parts[1]
        guard target.first == UInt8(ascii: "/"), Self.isOriginFormTarget(target) else {
            throw Refusal(status: .badRequest)
        }
        let questionMark = target.firstIndex(of: UInt8(ascii: "?"))
        self.method = method
        path = String(decoding: target[..<(questionMark ?? target.endIndex)], as: UTF8.self)
        query = questionMark.map { String(decoding: target[($0 + 1)...], as: UTF8.self) }
        headers = HTTPHeaders(try lines.dropFirst().map { (line) throws(Refusal) in try Self.field(head[line]) })
        if !headers.values(named: "Transfer-Encoding").isEmpty { throw Refusal(status: .notImplemented) }
        let hosts = headers.values(named: "Host").count
        if hosts > 1 || (hosts == 0 && minorVersion == 1) { throw Refusal(status: .badRequest) }
        bodyLength = try Self.bodyLength(headers.values(named: "Content-Length"))
        switch headers["Expect"]?.lowercased() {
        case nil: expectsContinue = false
        case "100-continue": expectsContinue = minorVersion == 1
        default: throw Refusal(status: .expectationFailed)
        }
    }

    /// 1 for `HTTP/1.1`, 0 for `HTTP/1.0`; 505 for another well-formed version, 400 for anything else.
    private static func minorVersion(_ version: ArraySlice<UInt8>) throws(Refusal) -> UInt8 {
        let bytes = Array(version)
        guard bytes.count == 8, bytes[..<5].elementsEqual("HTTP/".utf8), bytes[6] == UInt8(ascii: "."),
            isDigit(bytes[5]), isDigit(bytes[7])
        else { throw Refusal(status: .badRequest) }
        guard bytes[5] == UInt8(ascii: "1"), bytes[7] <= UInt8(ascii: "1") else {
            throw Refusal(status: .httpVersionNotSupported)
        }
        return bytes[7] - UInt8(ascii: "0")
    }

    /// A header line `name: value`: the name a token right up to the colon, no line folded onto the one before.
    private static func field(_ line: ArraySlice<UInt8>) throws(Refusal) -> HTTPField {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
            line[..<colon].allSatisfy(isTokenByte)
        else { throw Refusal(status: .badRequest) }
        let isWhitespace = { (byte: UInt8) in byte == 32 || byte == 9 }
        var value = line[(colon + 1)...]
        while let first = value.first, isWhitespace(first) { value = value.dropFirst() }
        while let last = value.last, isWhitespace(last) { value = value.dropLast() }
        return HTTPField(
            name: String(decoding: line[..<colon], as: UTF8.self), value: String(decoding: value, as: UTF8.self))
    }

    /// The body's length: 0 without `Content-Length`; one value of plain digits, or 400; within the limit, or 413.
    private static func bodyLength(_ values: [String]) throws(Refusal) -> Int {
        guard let value = values.first else { return 0 }
        guard values.count == 1, !value.isEmpty, value.utf8.allSatisfy(isDigit) else {
            throw Refusal(status: .badRequest)
        }
        // Digits past what an Int holds are no length at all, rather than one too large.
        guard let length = Int(value) else { throw Refusal(status: .badRequest) }
        guard length <= HTTPLimits.bodyBytes else { throw Refusal(status: .contentTooLarge) }
        return length
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// `tchar` of RFC 9110: what method and header names are made of.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        // ! # $ % & ' * + - . ^ _ ` | ~
        case 0x21, 0x23...0x27, 0x2A, 0x2B, 0x2D, 0x2E, 0x5E...0x60, 0x7C, 0x7E: true
        default: isDigit(byte) || isLetter(byte)
        }
    }

    /// The origin form of RFC 9112 (`/path?query`): the characters RFC 3986 allows in a path and query, and "%"
    /// only before two hexadecimal digits.
    private static func isOriginFormTarget(_ target: ArraySlice<UInt8>) -> Bool {
        var index = target.startIndex
        while index < target.endIndex {
            let byte = target[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < target.endIndex, isHexDigit(target[index + 1]), isHexDigit(target[index + 2])
                else { return false }
                index += 3
                continue
            }
            guard isDigit(byte) || isLetter(byte) || isPathOrQueryMark(byte) else { return false }
            index += 1
        }
        return true
    }

    /// What RFC 3986 allows in a path and query besides letters, digits and escapes: `-._~!$&'()*+,;=:@/?`.
    private static func isPathOrQueryMark(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21, 0x24, 0x26...0x2F, 0x3A, 0x3B, 0x3D, 0x3F, 0x40, 0x5F, 0x7E: true
        default: false
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }
}
