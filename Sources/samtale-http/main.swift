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
// ends: `{"id":1,"status":202,"retryAfter":"5","body":"…"}`, `{"id":1,"status":302,"redirect":"other.example"}` (a
// redirect, never followed: only the host it names), `{"id":1,"error":"timeout"}`, or
// `{"id":1,"error":"connection","reason":"refused"}` (a `ConnectionFailure` word). No line names a URL's path.
// An answer's body is kept to `bodyLimit` bytes, the transfer cancelled beyond them, and `timeout` bounds each
// request in wall-clock time: what has come by then (a status, and the body so far) is the answer. Exits at the end
// of stdin, once every request has been answered. It is an internal program: `samtale post` is what people run.

/// Enough of an answer to judge it by (a platform's word, or its error message); a body beyond it is not kept.
let bodyLimit = 65_536

/// The longest timeout a request line may ask for; `samtale post` allows far less.
let longestTimeout = 86_400.0

/// One request line, read strictly: `samtale post` writes them, so anything else is a bug worth reporting.
struct Request: Sendable {
    let id: JSONValue
    /// nil for an address that Foundation cannot read: answered as a `badURL` failure, not a broken line.
    let url: URL?
    let body: Data
    let headers: [(String, String)]
    let connectTimeout: Double
    let timeout: Double

    init?(_ line: String) {
        guard let request = try? JSONParser.parse(line) else { return nil }
        let member = request.member
        guard let id = member("id"), case .string(let address)? = member("url"),
            case .string(let body)? = member("body"), let connectTimeout = Self.seconds(member("connectTimeout")),
            let timeout = Self.seconds(member("timeout"))
        else { return nil }
        var headers: [(String, String)] = []
        if case .object(let fields)? = member("headers") {
            for field in fields {
                guard case .string(let value) = field.value else { return nil }
                headers.append((field.key, value))
            }
        }
        self.id = id
        url = URL(string: address)
        self.body = Data(body.utf8)
        self.headers = headers
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }

    /// A timeout as a number of seconds that the clocks can hold: above zero, at most `longestTimeout`.
    private static func seconds(_ value: JSONValue?) -> Double? {
        guard case .number(let literal)? = value, let seconds = Double(literal), seconds > 0, seconds <= longestTimeout
        else { return nil }
        return seconds
    }
}

/// Every request in flight, keyed by its task. The session's delegate queue is serial and every change happens on
/// it (delegate calls, starts, deadlines), which is what makes the unchecked `Sendable` true.
final class Transfers: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private final class Transfer {
        let id: JSONValue
        var body = Data()

        init(id: JSONValue) {
            self.id = id
        }
    }

    let queue: OperationQueue
    /// Entered for each request read, left when it is answered: the end of stdin waits for it.
    let unanswered = DispatchGroup()
    private var transfers: [Int: Transfer] = [:]

    override init() {
        queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
    }

    /// Starts a request; on `queue`.
    func start(_ request: Request, in session: URLSession) {
        guard let url = request.url else {
            write([JSONMember("id", request.id)] + Self.failed(.badURL))
            return
        }
        var urlRequest = URLRequest(url: url, timeoutInterval: request.connectTimeout)
        urlRequest.httpMethod = "POST"
        urlRequest.httpBody = request.body
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        let task = session.dataTask(with: urlRequest)
        transfers[task.taskIdentifier] = Transfer(id: request.id)
        DispatchQueue.global().asyncAfter(deadline: .now() + request.timeout) { [queue] in
            queue.addOperation { self.deadlinePassed(task) }
        }
        task.resume()
    }

    /// Out of time: what has come is the answer (a status and the body so far), or, with no status yet, a timeout.
    private func deadlinePassed(_ task: URLSessionTask) {
        guard let transfer = transfers[task.taskIdentifier] else { return }
        answer(task, Self.response(task, transfer) ?? [JSONMember("error", .string("timeout"))])
    }

    /// Writes the one answer to a request and stops its transfer; later news of the same task is ignored.
    private func answer(_ task: URLSessionTask, _ members: [JSONMember]) {
        guard let transfer = transfers.removeValue(forKey: task.taskIdentifier) else { return }
        // `cancel()` waits for the session's work queue, which a fast sender keeps busy for a second or more; here it
        // would also stop this queue from dropping what still arrives until then, and the backlog would grow.
        DispatchQueue.global().async { task.cancel() }
        write([JSONMember("id", transfer.id)] + members)
    }

    /// One answer line; on `queue`, so that lines never mix.
    private func write(_ members: [JSONMember]) {
        var line = JSONWriter.bytes(.object(members))
        line.append(0x0A)
        // A closed stdout means samtale has gone: there is no one left to tell.
        try? FileHandle.standardOutput.write(contentsOf: Data(line))
        unanswered.leave()
    }

    /// The answer as far as it has come: its status, `Retry-After` and body; nil before the status has come.
    private static func response(_ task: URLSessionTask, _ transfer: Transfer) -> [JSONMember]? {
        guard let response = task.response as? HTTPURLResponse else { return nil }
        var members = [JSONMember("status", .integer(response.statusCode))]
        if let retryAfter = response.value(forHTTPHeaderField: "Retry-After") {
            members.append(JSONMember("retryAfter", .string(retryAfter)))
        }
        members.append(JSONMember("body", .string(String(decoding: transfer.body, as: UTF8.self))))
        return members
    }

    // MARK: URLSessionDataDelegate

    /// A webhook is never redirected: the message would go where the URL's owner did not send it, or be lost as a GET
    /// without a body. The redirect is the answer, naming only the host it points to.
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
        answer(task, [JSONMember("status", .integer(response.statusCode)),
                      JSONMember("redirect", .string(request.url?.host ?? ""))])
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard let transfer = transfers[dataTask.taskIdentifier] else { return }
        let room = bodyLimit - transfer.body.count
        transfer.body.append(data.prefix(room))
        if data.count > room, let members = Self.response(dataTask, transfer) { answer(dataTask, members) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let transfer = transfers[task.taskIdentifier] else { return }
        switch error {
        case nil:
            answer(task, Self.response(task, transfer) ?? Self.failed(.brokenAnswer))
        case let error as URLError where error.code == .timedOut:
            answer(task, [JSONMember("error", .string("timeout"))])
        case let error as URLError:
            answer(task, Self.failed(ConnectionFailure(error)))
        default:
            answer(task, Self.failed(.other(code: URLError.Code.unknown.rawValue)))
        }
    }

    private static func failed(_ failure: ConnectionFailure) -> [JSONMember] {
        [JSONMember("error", .string("connection")), JSONMember("reason", .string(failure.word))]
    }
}

extension ConnectionFailure {
    init(_ error: URLError) {
        // A TLS handshake that libcurl gives up on reaches FoundationNetworking as "unknown": only the message of the
        // error underneath (OpenSSL's) tells.
        let underlying = error.userInfo[NSUnderlyingErrorKey].map { "\($0)" } ?? ""
        if error.code == .unknown && (underlying.contains("SSL") || underlying.contains("TLS")) {
            self = .tls
            return
        }
        switch error.code {
        case .cannotConnectToHost: self = .refused
        case .cannotFindHost, .dnsLookupFailed: self = .unknownHost
        case .networkConnectionLost: self = .lost
        case .notConnectedToInternet, .dataNotAllowed, .internationalRoamingOff, .callIsActive: self = .offline
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
             .clientCertificateRequired, .appTransportSecurityRequiresSecureConnection:
            self = .tls
        case .badServerResponse, .cannotParseResponse, .cannotDecodeRawData, .cannotDecodeContentData,
             .zeroByteResource:
            self = .brokenAnswer
        case .httpTooManyRedirects, .redirectToNonExistentLocation: self = .redirected
        case .userAuthenticationRequired, .userCancelledAuthentication: self = .authentication
        case .badURL, .unsupportedURL: self = .badURL
        default: self = .other(code: error.code.rawValue)
        }
    }
}

let transfers = Transfers()
let configuration = URLSessionConfiguration.ephemeral
configuration.httpMaximumConnectionsPerHost = 16
configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
let session = URLSession(configuration: configuration, delegate: transfers, delegateQueue: transfers.queue)

while let line = readLine(strippingNewline: true) {
    guard let request = Request(line) else {
        FileHandle.standardError.write(Data("samtale-http: not a request line\n".utf8))
        exit(70)
    }
    transfers.unanswered.enter()
    transfers.queue.addOperation { transfers.start(request, in: session) }
}
transfers.unanswered.wait()
