import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SamtaleCore
import WebhookAdapter

// samtale-http: the HTTP client of `samtale post`, kept out of `samtale` itself because loading FoundationNetworking
// would add milliseconds to the start of every command.
//
// One request per line on stdin, `{"id":1,"url":"https://…","body":"…","headers":{"Content-Type":"application/json"},
// "connectTimeout":10,"timeout":30}`; requests run at once, side by side, and each gets one line on stdout when it
// ends: `{"id":1,"status":202,"retryAfter":"5","body":"…"}`, or `{"id":1,"error":"timeout"}`, or
// `{"id":1,"error":"connection","reason":"refused"}` (a `ConnectionFailure` word). No line names a URL. Exits at the
// end of stdin, once every request has been answered. It is an internal program: `samtale post` is what people run.

/// Writes one response line at a time, however many requests end together.
actor Responses {
    func write(_ members: [JSONMember]) {
        var line = JSONWriter.bytes(.object(members))
        line.append(0x0A)
        line.withUnsafeBytes { buffer in
            FileHandle.standardOutput.write(Data(buffer))
        }
    }
}

/// One request line, read strictly: `samtale post` writes them, so anything else is a bug worth reporting.
struct Request: Sendable {
    let id: JSONValue
    let url: URL
    let body: Data
    let headers: [(String, String)]
    let connectTimeout: Double
    let timeout: Double

    init?(_ line: String) {
        guard let request = try? JSONParser.parse(line) else { return nil }
        let member = request.member
        guard let id = member("id"), case .string(let address)? = member("url"), let url = URL(string: address),
            case .string(let body)? = member("body"), case .number(let connect)? = member("connectTimeout"),
            case .number(let total)? = member("timeout"), let connectTimeout = Double(connect), let timeout = Double(total)
        else { return nil }
        var headers: [(String, String)] = []
        if case .object(let fields)? = member("headers") {
            for field in fields {
                guard case .string(let value) = field.value else { return nil }
                headers.append((field.key, value))
            }
        }
        self.id = id
        self.url = url
        self.body = Data(body.utf8)
        self.headers = headers
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }
}

/// Posts one request; the total timeout is enforced here, the connect timeout is URLSession's idle timeout (no
/// byte from the server for that long, the connection included).
func post(_ request: Request, with session: URLSession) async -> [JSONMember] {
    var urlRequest = URLRequest(url: request.url, timeoutInterval: request.connectTimeout)
    urlRequest.httpMethod = "POST"
    urlRequest.httpBody = request.body
    for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
    let prepared = urlRequest
    let id = JSONMember("id", request.id)
    do {
        let (data, response) = try await withThrowingTaskGroup(of: (Data, URLResponse).self) { group in
            group.addTask { try await session.data(for: prepared) }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(request.timeout * 1_000_000_000))
                throw URLError(.timedOut)
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
        guard let http = response as? HTTPURLResponse else { return failed(id, .brokenAnswer) }
        var members = [id, JSONMember("status", .integer(http.statusCode))]
        if let retryAfter = http.value(forHTTPHeaderField: "Retry-After") {
            members.append(JSONMember("retryAfter", .string(retryAfter)))
        }
        members.append(JSONMember("body", .string(String(decoding: data.prefix(65_536), as: UTF8.self))))
        return members
    } catch let error as URLError where error.code == .timedOut {
        return [id, JSONMember("error", .string("timeout"))]
    } catch let error as URLError {
        return failed(id, ConnectionFailure(error.code))
    } catch {
        return failed(id, .other(code: URLError.Code.unknown.rawValue))
    }
}

func failed(_ id: JSONMember, _ failure: ConnectionFailure) -> [JSONMember] {
    [id, JSONMember("error", .string("connection")), JSONMember("reason", .string(failure.word))]
}

extension ConnectionFailure {
    init(_ code: URLError.Code) {
        switch code {
        case .cannotConnectToHost: self = .refused
        case .cannotFindHost, .dnsLookupFailed: self = .unknownHost
        case .networkConnectionLost: self = .lost
        case .notConnectedToInternet: self = .offline
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            self = .tls
        case .badServerResponse, .cannotParseResponse: self = .brokenAnswer
        default: self = .other(code: code.rawValue)
        }
    }
}

let configuration = URLSessionConfiguration.ephemeral
configuration.httpMaximumConnectionsPerHost = 16
configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
let session = URLSession(configuration: configuration)
let responses = Responses()

await withTaskGroup(of: Void.self) { group in
    while let line = readLine(strippingNewline: true) {
        guard let request = Request(line) else {
            FileHandle.standardError.write(Data("samtale-http: not a request line\n".utf8))
            exit(70)
        }
        group.addTask { await responses.write(await post(request, with: session)) }
    }
}
