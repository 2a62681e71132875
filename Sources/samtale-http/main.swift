import Foundation
import WebhookAdapter

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

// samtale-http: the HTTP client of `samtale post`, kept out of `samtale` itself because loading FoundationNetworking
// would add milliseconds to the start of every command.
//
// One request per line on stdin, and one answer line on stdout as each request ends (`HelperRequest` and
// `HelperAnswer`, the one definition of both lines); requests run at once, side by side. No line names a URL's path.
// An answer's body is kept to `bodyLimit` bytes, the transfer cancelled beyond them, and `timeout` bounds each
// request in wall-clock time: what has come by then (a status, and the body so far) is the answer. Exits at the end
// of stdin, once every request has been answered. It is an internal program: `samtale post` is what people run.

/// Enough of an answer to judge it by (a platform's word, or its error message); a body beyond it is not kept.
let bodyLimit = 65_536

/// Every request in flight, keyed by its task. The session's delegate queue is serial and every change happens on
/// it (delegate calls, starts, deadlines), which is what makes the unchecked `Sendable` true.
final class Transfers: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private final class Transfer {
        let id: Int
        var body = Data()

        init(id: Int) {
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
    func start(_ request: HelperRequest, in session: URLSession) {
        // An address that Foundation cannot read is a `badURL` failure, not a broken line.
        guard let url = URL(string: request.url) else {
            write(HelperAnswer(id: request.id, result: .connectionFailed(.badURL)))
            return
        }
        var urlRequest = URLRequest(url: url, timeoutInterval: request.connectTimeout)
        urlRequest.httpMethod = "POST"
        urlRequest.httpBody = Data(request.body.utf8)
        for header in request.headers { urlRequest.setValue(header.value, forHTTPHeaderField: header.name) }
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
        answer(task, Self.response(task, transfer) ?? .timedOut)
    }

    /// Writes the one answer to a request and stops its transfer; later news of the same task is ignored.
    private func answer(_ task: URLSessionTask, _ result: AttemptResult) {
        guard let transfer = transfers.removeValue(forKey: task.taskIdentifier) else { return }
        // `cancel()` waits for the session's work queue, which a fast sender keeps busy for a second or more; here it
        // would also stop this queue from dropping what still arrives until then, and the backlog would grow.
        DispatchQueue.global().async { task.cancel() }
        write(HelperAnswer(id: transfer.id, result: result))
    }

    /// One answer line; on `queue`, so that lines never mix.
    private func write(_ answer: HelperAnswer) {
        // A closed stdout means samtale has gone: there is no one left to tell.
        try? FileHandle.standardOutput.write(contentsOf: Data(answer.line))
        unanswered.leave()
    }

    /// The answer as far as it has come: its status, `Retry-After` and body; nil before the status has come.
    private static func response(_ task: URLSessionTask, _ transfer: Transfer) -> AttemptResult? {
        guard let response = task.response as? HTTPURLResponse else { return nil }
        return .response(
            status: response.statusCode, retryAfter: response.value(forHTTPHeaderField: "Retry-After"),
            body: String(decoding: transfer.body, as: UTF8.self))
    }

    // MARK: URLSessionDataDelegate

    /// A webhook is never redirected: the message would go where the URL's owner did not send it, or be lost as a GET
    /// without a body. The redirect is the answer, naming only the host it points to.
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
        answer(task, .redirected(status: response.statusCode, host: request.url?.host ?? ""))
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard let transfer = transfers[dataTask.taskIdentifier] else { return }
        let room = bodyLimit - transfer.body.count
        transfer.body.append(data.prefix(room))
        if data.count > room, let result = Self.response(dataTask, transfer) { answer(dataTask, result) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let transfer = transfers[task.taskIdentifier] else { return }
        switch error {
        case nil:
            answer(task, Self.response(task, transfer) ?? .connectionFailed(.brokenAnswer))
        case let error as URLError where error.code == .timedOut:
            answer(task, .timedOut)
        case let error as URLError:
            answer(task, .connectionFailed(ConnectionFailure(error)))
        default:
            answer(task, .connectionFailed(.other(code: URLError.Code.unknown.rawValue)))
        }
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
    guard let request = HelperRequest(line: Array(line.utf8)) else {
        FileHandle.standardError.write(Data("samtale-http: not a request line\n".utf8))
        exit(70)
    }
    transfers.unanswered.enter()
    transfers.queue.addOperation { transfers.start(request, in: session) }
}
transfers.unanswered.wait()
