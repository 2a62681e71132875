import ChatAdapter
import SamtaleCore

/// `samtale chat serve --listen`: many connections at once, one request on each, in one thread around one `poll`.
/// The handler is synchronous and quick (a session read and saved with fsync: milliseconds, far within every
/// platform's deadline), so one thread serves all; what matters is that a slow client never holds up another, which
/// non-blocking sockets and a deadline per connection give.
struct ChatListener {
    private let socket: ListeningSocket
    private let handler: ChatHandler
    private let configuration: ChatConfiguration
    private let language: Language
    private let maxConnections: Int
    private var connections: [ChatConnection] = []
    /// After SIGINT or SIGTERM: nothing more is accepted, and the server ends once the connections it has are done.
    private var stopping = false
    /// Until when accepting waits, after the process ran out of descriptors or memory.
    private var acceptPausedUntil = 0.0
    /// Deletes what chat keeps longer than `inactiveDays` allows, as `chat prune` does: at start, then hourly.
    private let prune: () -> Void
    private var nextPrune = 0.0

    /// A client that sends its request at once is read within milliseconds; one still without its request after
    /// this long is slow or idle, and may make room for a newcomer at the cap.
    private static let displaceableAfterSeconds = 1.0
    /// An hour: `inactiveDays` counts whole days, so nothing is kept noticeably longer than it allows.
    private static let pruneIntervalSeconds = 3600.0

    /// Seconds to accept nothing after the process ran out of descriptors: enough for some connections to end.
    private static let exhaustedPauseSeconds = 0.1

    init(
        socket: ListeningSocket, handler: ChatHandler, configuration: ChatConfiguration, language: Language,
        maxConnections: Int, prune: @escaping () -> Void
    ) {
        self.prune = prune
        self.socket = socket
        self.handler = handler
        self.configuration = configuration
        self.language = language
        self.maxConnections = maxConnections
    }

    /// Serves until SIGINT or SIGTERM, then finishes the exchanges in progress (each bounded by its deadline).
    mutating func run() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !stopping || !connections.isEmpty {
            if !stopping && Clock.monotonic() >= nextPrune {
                prune()
                nextPrune = Clock.monotonic() + Self.pruneIntervalSeconds
            }
            let now = Clock.monotonic()
            // At the cap a newcomer is taken only in place of a connection that has been slow to send its request
            // (or has its response): slow clients must not lock others out. Otherwise it waits in the kernel's queue.
            let atCap = connections.count >= maxConnections
            let accepting = !stopping && now >= acceptPausedUntil && (!atCap || displaceable(at: now) != nil)
            let descriptors =
                [(System.interruptDescriptor, false), (accepting ? socket.descriptor : -1, false)]
                + connections.map { ($0.socket.descriptor, $0.stage == .writing) }
            var wakeUp = connections.map(\.deadline).min() ?? .infinity
            if !stopping && now < acceptPausedUntil { wakeUp = min(wakeUp, acceptPausedUntil) }
            if !stopping { wakeUp = min(wakeUp, nextPrune) }
            // At the cap, the moment the oldest reader becomes displaceable is when a waiting newcomer can come in.
            if !stopping && atCap, let oldest = connections.filter({ $0.stage == .reading }).map(\.accepted).min(),
                oldest + Self.displaceableAfterSeconds > now
            {
                wakeUp = min(wakeUp, oldest + Self.displaceableAfterSeconds)
            }
            let milliseconds = wakeUp.isFinite ? Int32(min(max(0, (wakeUp - now) * 1000).rounded(.up), 60_000)) : -1
            let ready = ConnectionSocket.wait(for: descriptors, milliseconds: milliseconds)
            if ready[0] { stop() }
            for index in connections.indices where ready[index + 2] {
                var connection = connections[index]
                progress(&connection, buffer: &buffer)
                connections[index] = connection
            }
            let afterwards = Clock.monotonic()
            for index in connections.indices where connections[index].deadline <= afterwards {
                var connection = connections[index]
                expire(&connection)
                connections[index] = connection
            }
            connections.removeAll { $0.stage == .closed }
            if ready[1] { acceptWaiting() }
        }
    }

    private mutating func stop() {
        System.takeInterrupt()
        guard !stopping else { return }
        stopping = true
        socket.close()
    }

    private mutating func acceptWaiting() {
        while !stopping && (connections.count < maxConnections || displaceable(at: Clock.monotonic()) != nil) {
            switch socket.accept() {
            case .connection(let descriptor):
                if connections.count >= maxConnections, let index = displaceable(at: Clock.monotonic()) {
                    displace(index)
                }
                connections.append(
                    ChatConnection(socket: ConnectionSocket(descriptor: descriptor), accepted: Clock.monotonic()))
            case .none:
                return
            case .exhausted:
                acceptPausedUntil = Clock.monotonic() + Self.exhaustedPauseSeconds
                return
            }
        }
    }

    /// The connection a newcomer at the cap may take the place of: one that has its response, else the one that
    /// has waited longest, at least `displaceableAfterSeconds`, without sending its whole request; nil when there
    /// is none (every connection writing, or only fresh ones reading, which a flood of new connections must not
    /// push out).
    private func displaceable(at now: Double) -> Int? {
        if let lingering = connections.indices.first(where: { connections[$0].stage == .lingering }) {
            return lingering
        }
        return connections.indices.filter {
            connections[$0].stage == .reading && now - connections[$0].accepted >= Self.displaceableAfterSeconds
        }.min { connections[$0].accepted < connections[$1].accepted }
    }

    /// Closes a connection to make room: a slow client gets 503, as it is to try again.
    private mutating func displace(_ index: Int) {
        var connection = connections.remove(at: index)
        if connection.stage == .reading {
            let line = CommandLineStrings.chatDisplaced(milliseconds: connection.elapsedMilliseconds)
            System.printError("samtale: \(line[language])")
            connection.refuse(HTTPResponse(status: .serviceUnavailable).bytes(omittingBody: false))
        }
        connection.close()
    }

    /// Takes what the connection is ready for: bytes of its request, its response's next bytes, or the end.
    private func progress(_ connection: inout ChatConnection, buffer: inout [UInt8]) {
        switch connection.stage {
        case .reading:
            switch connection.receive(into: &buffer) {
            case .request(let request):
                let response = handler.respond(to: request, now: System.instant)
                log(configuration.endpoints.first { $0.path == request.path }, response.status, connection)
                connection.send(response.bytes(omittingBody: request.method == .head))
            case .refused(let status):
                log(nil, status, connection)
                connection.send(HTTPResponse(status: status).bytes(omittingBody: false))
            case .needMore:
                break
            }
        case .writing: connection.flush()
        case .lingering: connection.discardInput(into: &buffer)
        case .closed: break
        }
    }

    /// A connection whose deadline has passed: 408 for a request that did not come whole in time, as `--stdio`
    /// answers; a client that does not take its response, or does not close after it, is dropped.
    private func expire(_ connection: inout ChatConnection) {
        guard connection.stage == .reading else { return connection.close() }
        log(nil, .requestTimeout, connection)
        connection.send(HTTPResponse(status: .requestTimeout).bytes(omittingBody: false))
    }

    /// One line per exchange on standard error: the endpoint, its platform, the status and the time since the
    /// connection was accepted. Nothing of the request, the reply or the client.
    private func log(_ endpoint: ChatEndpoint?, _ status: HTTPStatus, _ connection: ChatConnection) {
        let line = CommandLineStrings.chatExchange(
            endpoint, status: status.rawValue, milliseconds: connection.elapsedMilliseconds)
        System.printError("samtale: \(line[language])")
    }
}

// MARK: - ChatConnection

/// One client's connection, from accept to close: its request read, its response written, then a short wait for
/// the client to close, so that bytes it sent after its request do not make the kernel reset the connection before
/// the response has arrived.
private struct ChatConnection {
    enum Stage {
        case reading, writing, lingering, closed
    }

    let socket: ConnectionSocket
    /// When it was accepted (`Clock.monotonic`): the head's deadline and the time the log gives count from it.
    let accepted: Double
    /// The time since it was accepted, as the log gives it.
    var elapsedMilliseconds: Int {
        Int(((Clock.monotonic() - accepted) * 1000).rounded())
    }
    private(set) var stage = Stage.reading
    /// When the present stage must be over.
    private(set) var deadline: Double
    private var parser = HTTPRequestParser()
    private var output: [UInt8] = []
    private var written = 0

    /// Seconds a connection waits for the client to close after its response.
    private static let lingerSeconds = 2.0

    init(socket: ConnectionSocket, accepted: Double) {
        self.socket = socket
        self.accepted = accepted
        deadline = accepted + HTTPLimits.headSeconds
    }

    /// Reads what came and gives the request, or the refusal, once it is decided.
    mutating func receive(into buffer: inout [UInt8]) -> HTTPRequestParser.Result {
        let count: Int
        switch socket.receive(into: &buffer) {
        case .bytes(let received): count = received
        case .nothingYet: return .needMore
        case .failed:
            close()
            return .needMore
        case .ended:
            // A connection closed before it sent anything is answered with nothing.
            guard let status = parser.endOfInput() else {
                close()
                return .needMore
            }
            return .refused(status)
        }
        let phase = parser.phase
        let result = parser.feed(buffer[0..<count])
        // The body must come within `bodySeconds` of the head's end, however the bytes trickle in.
        if phase != .body, parser.phase == .body { deadline = Clock.monotonic() + HTTPLimits.bodySeconds }
        if let interim = parser.interimResponse() {
            // Written at once: a connection's send buffer is empty before its first response.
            _ = socket.send(interim[...])
        }
        return result
    }

    /// Writes a refusal as far as the client takes it at once, before the connection is closed.
    func refuse(_ response: [UInt8]) {
        _ = socket.send(response[...])
    }

    /// Starts writing the response, within `HTTPLimits.writeSeconds`.
    mutating func send(_ response: [UInt8]) {
        output = response
        written = 0
        stage = .writing
        deadline = Clock.monotonic() + HTTPLimits.writeSeconds
        flush()
    }

    /// Writes what the client takes now; once all is written, says it is the end and waits for the client to close.
    mutating func flush() {
        while written < output.count {
            switch socket.send(output[written...]) {
            case .bytes(let count): written += count
            // The client's window is full: poll says when it takes more.
            case .nothingYet: return
            case .ended, .failed: return close()
            }
        }
        socket.finishWriting()
        stage = .lingering
        deadline = Clock.monotonic() + Self.lingerSeconds
    }

    /// Reads and drops what the client still sends after its request; its end closes the connection.
    mutating func discardInput(into buffer: inout [UInt8]) {
        switch socket.receive(into: &buffer) {
        case .bytes, .nothingYet: break
        case .ended, .failed: close()
        }
    }

    mutating func close() {
        guard stage != .closed else { return }
        socket.close()
        stage = .closed
    }
}
