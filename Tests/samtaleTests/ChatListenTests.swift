import ChatAdapter
import Foundation
import SamtaleCore
import TestSupport
import Testing

@testable import samtale

/// `samtale chat serve --listen` through the built binary: a server on a loopback port or a Unix socket, driven by
/// clients on sockets of their own, with the requests, folder and `chat.json` of `ChatServeTests`.
@Suite struct ChatListenTests {
    /// A running `chat serve --listen`, stopped with SIGTERM when the test is done with it (at the latest when it is
    /// released).
    final class Listening: @unchecked Sendable {
        let setup: ChatServeTests.Server
        let process: Process
        /// Where it listens, from its first line on stderr: `127.0.0.1:41234` or `unix:PATH`.
        let address: String
        private let lock = NSLock()
        private var laterErrors = Data()
        private let errorsRead = DispatchSemaphore(value: 0)

        /// `descriptorLimit`: the most files the process may have open, set with the shell's `ulimit -n` (its hard
        /// limit too, so samtale cannot raise it). `now`: the server's clock, where it is not the setup's.
        convenience init(
            _ address: String = "127.0.0.1:0", arguments: [String] = [], setup: ChatServeTests.Server? = nil,
            descriptorLimit: Int? = nil, now: String? = nil
        ) throws {
            let setup = try setup ?? ChatServeTests.Server()
            try self.init(
                address, arguments: arguments, setup: setup,
                configuration: setup.folder.appendingPathComponent("chat.json"),
                environment: setup.environment.merging(now.map { ["SAMTALE_NOW": $0] } ?? [:]) { $1 },
                descriptorLimit: descriptorLimit)
        }

        /// A server of the configuration and environment given, in the setup's folder.
        init(
            _ address: String, arguments: [String], setup: ChatServeTests.Server, configuration: URL,
            environment: [String: String], descriptorLimit: Int?
        ) throws {
            self.setup = setup
            let command = ["chat", "serve", "--listen", address, "--config", configuration.path] + arguments
            let process = TestProcess.make(
                descriptorLimit == nil ? Samtale.binary : URL(fileURLWithPath: "/bin/sh"),
                descriptorLimit.map { ["-c", "ulimit -n \($0) && exec \"$0\" \"$@\"", Samtale.binary.path] + command }
                    ?? command,
                home: setup.folder, in: setup.folder, environment: environment)
            self.process = process
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let reader = errors.fileHandleForReading
            var line = Data()
            while let byte = try reader.read(upToCount: 1), let first = byte.first, first != 10 { line.append(first) }
            let text = String(decoding: line, as: UTF8.self)
            guard text.hasPrefix("samtale: lytter på ") else {
                process.terminate()
                throw Failure(description: "the server did not say where it listens: \(text)")
            }
            self.address = String(text.dropFirst("samtale: lytter på ".count))
            // The log lines that follow are read as they come, so that the server never waits on a full pipe.
            Thread { [self] in
                while let chunk = try? reader.read(upToCount: 4096), !chunk.isEmpty {
                    lock.withLock { laterErrors.append(chunk) }
                }
                errorsRead.signal()
            }.start()
        }

        deinit {
            if process.isRunning { process.terminate() }
        }

        /// SIGTERM, then the exit status and everything it wrote to stderr after its first line.
        @discardableResult
        func stop() -> (status: Int32, log: String) {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            errorsRead.wait()
            errorsRead.signal()
            return (process.terminationStatus, lock.withLock { String(decoding: laterErrors, as: UTF8.self) })
        }

        /// One request on a connection of its own; the status line and body of the response.
        func exchange(_ request: [UInt8]) throws -> (status: String, body: String) {
            let client = try Client(address)
            defer { client.close() }
            client.send(request)
            return Self.parts(client.response())
        }

        static func parts(_ response: String) -> (status: String, body: String) {
            let parts = response.components(separatedBy: "\r\n\r\n")
            return (parts[0].components(separatedBy: "\r\n")[0], parts.dropFirst().joined(separator: "\r\n\r\n"))
        }

        func zulip(_ text: String, id: Int) throws -> String {
            try setup.text(exchange(ChatServeTests.Server.zulip(text, id: id)), "content")
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A client connection, blocking, each read waiting at most a few seconds.
    struct Client {
        let descriptor: Int32

        init(_ address: String, readTimeout: Double = 15) throws {
            if address.hasPrefix("unix:") {
                descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
                var socketAddress = sockaddr_un()
                socketAddress.sun_family = sa_family_t(AF_UNIX)
                let path = address.utf8.dropFirst(5)
                try #require(path.count < MemoryLayout.size(ofValue: socketAddress.sun_path))
                withUnsafeMutableBytes(of: &socketAddress.sun_path) { bytes in
                    for (index, byte) in path.enumerated() { bytes[index] = byte }
                }
                try Self.connect(descriptor, &socketAddress)
            } else {
                let colon = try #require(address.lastIndex(of: ":"))
                descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                var socketAddress = sockaddr_in()
                socketAddress.sin_family = sa_family_t(AF_INET)
                socketAddress.sin_port = try #require(UInt16(address[address.index(after: colon)...])).bigEndian
                inet_pton(AF_INET, String(address[..<colon]), &socketAddress.sin_addr)
                try Self.connect(descriptor, &socketAddress)
            }
            var timeout = timeval(
                tv_sec: Int(readTimeout), tv_usec: Int(readTimeout.truncatingRemainder(dividingBy: 1) * 1e6))
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        private static func connect<Address>(_ descriptor: Int32, _ address: inout Address) throws {
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<Address>.size)) == 0
                }
            }
            if !connected {
                let code = errno
                Glibc.close(descriptor)
                throw Failure(description: "cannot connect: errno \(code)")
            }
        }

        /// Sends all of the bytes, or as many as the server still takes (never SIGPIPE: the server may have closed).
        @discardableResult
        func send(_ bytes: [UInt8]) -> Bool {
            var sent = 0
            while sent < bytes.count {
                let count = bytes.withUnsafeBytes {
                    Glibc.send(descriptor, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL))
                }
                guard count > 0 else { return false }
                sent += count
            }
            return true
        }

        /// Everything the server sends until it closes, or until a read waits longer than the timeout ("" if
        /// nothing came).
        func response() -> String {
            var received: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = recv(descriptor, &chunk, chunk.count, 0)
                guard count > 0 else { break }
                received += chunk[0..<count]
            }
            return String(decoding: received, as: UTF8.self)
        }

        /// Tells the server nothing more comes, as a client does that has sent its request.
        func finishSending() {
            shutdown(descriptor, Int32(SHUT_WR))
        }

        func close() {
            Glibc.close(descriptor)
        }
    }

    /// Seconds since `start`.
    /// A socket file's path in a new folder of its own under /tmp: a socket's path holds at most 107 bytes, which a
    /// test folder under a longer `$TMPDIR` (CI's) exceeds. The folder is the caller's to remove.
    static func socketFile() throws -> (folder: URL, path: String) {
        var template = Array("/tmp/samtale-sock-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure(description: "mkdtemp: \(errno)") }
        let folder = URL(fileURLWithPath: String(cString: made))
        return (folder, folder.appendingPathComponent("chat.sock").path)
    }

    static func since(_ start: Date) -> Double {
        Date().timeIntervalSince(start)
    }

    @Test(arguments: ["127.0.0.1:0", "unix"])
    func aZulipConversationRunsFromTheFirstMessageToTheSummary(address: String) throws {
        let setup = try ChatServeTests.Server()
        let (socketFolder, socketFile) = try Self.socketFile()
        defer { TemporaryFolders.remove(socketFolder) }
        let server = try Listening(address == "unix" ? "unix:\(socketFile)" : address, setup: setup)
        defer { server.stop() }
        if address == "unix" {
            #expect(server.address == "unix:\(socketFile)")
            let mode = try FileManager.default.attributesOfItem(atPath: socketFile)[.posixPermissions] as? Int
            #expect(mode == 0o660)
        } else {
            #expect(server.address.hasPrefix("127.0.0.1:") && !server.address.hasSuffix(":0"))
        }
        #expect(try server.zulip("hej", id: 1).hasPrefix("Velkommen til jeres samtale"))
        #expect(
            try server.zulip("Jeg holder fast i borgerens behov", id: 2)
                == "Spørgsmål 2 af 4\nHvordan kan du inddrage andre for at sikre kvalitet i opgaveløsningen?")
        #expect(try server.zulip("Jeg holder fast i borgerens behov", id: 2).hasPrefix("Spørgsmål 2 af 4\n"))
        #expect(try server.zulip("spring", id: 3).hasPrefix("Spørgsmål 3 af 4\n"))
        #expect(try setup.sessions().contains("1:1-samtale"))
        #expect(try server.zulip("slut", id: 4).hasPrefix("Vil du afslutte samtalen nu?"))
        let summary = try server.zulip("ja", id: 5)
        #expect(summary.contains("Jeg holder fast i borgerens behov"))
        #expect(summary.hasSuffix("Samtalen er slut."))
        #expect(try setup.sessions().contains("afsluttet"))
        let (status, log) = server.stop()
        #expect(status == 0)
        // One line per exchange, naming the endpoint, its platform, the status and the time; nothing of the text.
        let lines = log.split(separator: "\n")
        #expect(lines.count == 6, "\(log)")
        #expect(lines.allSatisfy { $0.wholeMatch(of: #/samtale: /zulip \(Zulip\): 200 på \d+ ms/#) != nil }, "\(log)")
        if address == "unix" { #expect(!FileManager.default.fileExists(atPath: socketFile)) }
    }

    /// A client that stops halfway through its head, and one that sends a byte a second, are answered 408 when the
    /// head's five seconds are up; others are answered at once all the while.
    /// A server that runs for months deletes what `inactiveDays` no longer allows, as `chat prune` does: at start,
    /// then every hour.
    @Test func aConversationInactiveLongerThanTheDaysIsDeletedWhenTheServerStarts() throws {
        let setup = try ChatServeTests.Server()
        _ = try setup.zulip("hej", id: 1)
        let folder = setup.folder.appendingPathComponent("state/sessions")
        func sessionFiles() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }
        }
        #expect(sessionFiles().count == 2)  // the session and its thread's replies
        let server = try Listening(setup: setup, now: "2026-12-31T10:00:01+00:00")
        let deadline = Date().addingTimeInterval(10)
        while !sessionFiles().isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let (status, log) = server.stop()
        #expect(status == 0)
        #expect(sessionFiles().isEmpty)
        #expect(log == "samtale: 1 chatsamtale er slettet (uden aktivitet i mere end 30 dage)\n")
    }

    @Test func slowClientsAreCutOffWithoutHoldingUpOthers() throws {
        let server = try Listening()
        defer { server.stop() }
        let started = Date()
        let stalled = try Client(server.address)
        defer { stalled.close() }
        stalled.send(Array("POST /zulip HTTP/1.1\r\nHost: x\r\n".utf8))
        let dripping = try Client(server.address)
        defer { dripping.close() }
        var slowest = 0.0
        for (index, byte) in "POST /zulip HTTP/1.1\r\n".utf8.prefix(7).enumerated() {
            let round = Date()
            dripping.send([byte])
            let exchange = Date()
            let reply = try server.exchange(ChatServeTests.Server.zulip(index == 0 ? "hej" : "gentag", id: index + 1))
            #expect(reply.status == "HTTP/1.1 200 OK")
            slowest = max(slowest, Self.since(exchange))
            Thread.sleep(forTimeInterval: max(0, 1 - Self.since(round)))
        }
        #expect(slowest < 2.5, "the others waited \(slowest) s")
        #expect(stalled.response().hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
        #expect(dripping.response().hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
        #expect(Self.since(started) < 10)
    }

    @Test func manyIdleConnectionsDoNotLockARequestOut() throws {
        let server = try Listening()
        defer { server.stop() }
        let idle = try (0..<50).map { _ in try Client(server.address) }
        defer { for client in idle { client.close() } }
        let started = Date()
        #expect(try server.zulip("hej", id: 1).hasPrefix("Velkommen til jeres samtale"))
        #expect(Self.since(started) < 1)
    }

    /// At the cap a newcomer takes the place of the connection that has waited longest without sending its request,
    /// so that slow clients at the cap lock no one out: the one displaced gets 503.
    @Test func atTheCapANewcomerTakesTheOldestIdleConnectionsPlace() throws {
        let server = try Listening(arguments: ["--max-connections", "3"])
        defer { server.stop() }
        let idle = try (0..<3).map { _ in try Client(server.address) }
        defer { for client in idle { client.close() } }
        // The server accepts the three before the newcomer connects.
        Thread.sleep(forTimeInterval: 0.3)
        let started = Date()
        let newcomer = try Client(server.address)
        defer { newcomer.close() }
        newcomer.send(ChatServeTests.Server.zulip("hej", id: 1))
        let response = Listening.parts(newcomer.response())
        #expect(response.status == "HTTP/1.1 200 OK")
        #expect(Self.since(started) < 2)
        // The oldest of the idle ones made room: it is told to try again, the others are still waiting.
        #expect(idle[0].response().hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"))
        let (_, log) = server.stop()
        #expect(log.hasPrefix("samtale: lukket ved forbindelsesgrænsen: 503 efter "), "\(log)")
    }

    /// A cap of one serves one request at a time: the lone connection is never displaced by no one.
    @Test func aCapOfOneServesARequest() throws {
        let server = try Listening(arguments: ["--max-connections", "1"])
        defer { server.stop() }
        #expect(try server.zulip("hej", id: 1).hasPrefix("Velkommen"))
        #expect(try server.zulip("Jeg holder fast i borgerens behov", id: 2).hasPrefix("Spørgsmål 2 af 4"))
    }

    /// A client that opens connections as fast as it can, sending nothing, cannot push out a request that came whole:
    /// only connections that have had a second to send their request are displaced.
    @Test func aFloodOfNewConnectionsDisplacesNoWholeRequest() throws {
        let server = try Listening(arguments: ["--max-connections", "3"])
        defer { server.stop() }
        let flooding = Flood(address: server.address)
        flooding.start()
        defer { flooding.stop() }
        for id in 1...5 {
            let started = Date()
            let response = try server.exchange(ChatServeTests.Server.zulip(id == 1 ? "hej" : "Et svar \(id)", id: id))
            #expect(response.status == "HTTP/1.1 200 OK", "request \(id)")
            #expect(Self.since(started) < 5)
        }
    }

    /// Opens idle connections one after another until stopped, keeping the last few open.
    final class Flood: @unchecked Sendable {
        let address: String
        private let lock = NSLock()
        private var running = true
        private let done = DispatchSemaphore(value: 0)

        init(address: String) {
            self.address = address
        }

        func start() {
            Thread { [self] in
                var open: [Client] = []
                while lock.withLock({ running }) {
                    if let client = try? Client(address, readTimeout: 1) { open.append(client) }
                    if open.count > 50 { open.removeFirst().close() }
                }
                for client in open { client.close() }
                done.signal()
            }.start()
        }

        func stop() {
            lock.withLock { running = false }
            done.wait()
        }
    }

    /// Another process holding the sessions folder (a stopped `--stdio` beside the server) holds up the one thread
    /// that answers everyone for half a second at most: the message gets 503, to be sent again.
    @Test func anotherProcessHoldingTheFolderHoldsUpTheServerBriefly() throws {
        let setup = try ChatServeTests.Server()
        let sessions = setup.folder.appendingPathComponent("state/sessions")
        try FileManager.default.createDirectory(
            at: sessions, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let held = open(sessions.appendingPathComponent(".chat.lock").path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        #expect(flock(held, LOCK_EX) == 0)
        let server = try Listening(setup: setup)
        defer { server.stop() }
        let started = Date()
        #expect(
            try server.exchange(ChatServeTests.Server.zulip("hej", id: 1)).status == "HTTP/1.1 503 Service Unavailable")
        #expect(Self.since(started) < 2)
        Glibc.close(held)
        #expect(try server.zulip("hej", id: 1).hasPrefix("Velkommen"))
    }

    /// Out of descriptors, the server stops accepting for a moment instead of failing or spinning, and goes on
    /// serving once connections close (here the idle ones, answered 408 after five seconds).
    @Test func outOfDescriptorsTheServerWaitsAndGoesOn() throws {
        let server = try Listening(descriptorLimit: 24)
        defer { server.stop() }
        let idle = try (0..<20).map { _ in try Client(server.address) }
        defer { for client in idle { client.close() } }
        let started = Date()
        let newcomer = try Client(server.address)
        defer { newcomer.close() }
        newcomer.send(ChatServeTests.Server.zulip("hej", id: 1))
        #expect(try server.setup.text(Listening.parts(newcomer.response()), "content").hasPrefix("Velkommen"))
        #expect(Self.since(started) < 12)
        #expect(try server.zulip("Jeg holder fast i borgerens behov", id: 2).hasPrefix("Spørgsmål 2 af 4"))
        #expect(server.stop().status == 0)
    }

    /// Two thousand mangled requests over the socket (bytes changed, put in, taken out, the end cut off), some sent
    /// in small pieces: each one is answered with a refusal or closed, the server lives on, and the conversation held
    /// between them moves just as it should.
    @Test func mangledRequestsAreRefusedAndAConversationBetweenThemIsUnaffected() throws {
        let server = try Listening()
        defer { server.stop() }
        var random = SplitMix64(seed: 14)
        func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        #expect(try server.zulip("hej", id: 1).hasPrefix("Velkommen"))
        // A wrong token, so that no change to it makes a message that moves a conversation.
        let original = ChatServeTests.Server.zulip("hej", id: 2, token: "forkert")
        for round in 0..<2_000 {
            var bytes = original
            for _ in 0...below(4) where !bytes.isEmpty {
                let at = below(bytes.count)
                switch below(4) {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes.insert([0, 10, 13, 32, 58][below(5)], at: at)
                case 2: bytes.remove(at: at)
                default: bytes.removeSubrange(at...)
                }
            }
            let client = try Client(server.address)
            var sent = 0
            while sent < bytes.count {
                let piece = min(bytes.count - sent, 1 + below(round % 4 == 0 ? 8 : bytes.count))
                client.send(Array(bytes[sent..<sent + piece]))
                sent += piece
            }
            // The end, so that a request cut off is answered at once rather than at its deadline.
            client.finishSending()
            let response = client.response()
            client.close()
            // A connection that sent nothing is closed without a word; every other one is refused with its status.
            if bytes.isEmpty {
                #expect(response.isEmpty)
            } else {
                #expect(
                    response.hasPrefix("HTTP/1.1 4") || response.hasPrefix("HTTP/1.1 5"),
                    "round \(round): \(response.prefix(40))")
            }
            if round % 100 == 99 {
                #expect(try server.zulip("gentag", id: 100 + round).hasPrefix("Spørgsmål 1 af 4\n"))
            }
        }
        #expect(server.process.isRunning)
        #expect(server.stop().status == 0)
    }

    @Test func bytesAfterTheRequestAreIgnoredAndTransferEncodingIsRefused() throws {
        let server = try Listening()
        defer { server.stop() }
        let client = try Client(server.address)
        defer { client.close() }
        client.send(ChatServeTests.Server.zulip("hej", id: 1) + Array("GET /zulip HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        let response = client.response()
        #expect(response.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(response.components(separatedBy: "HTTP/1.1").count == 2)
        let smuggled = "POST /zulip HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
        #expect(try server.exchange(Array(smuggled.utf8)).status == "HTTP/1.1 501 Not Implemented")
    }

    /// SIGTERM stops the accepting at once, finishes the request in progress, exits 0 and removes the socket file.
    @Test func sigtermFinishesTheExchangeInProgressAndRemovesTheSocketFile() throws {
        let setup = try ChatServeTests.Server()
        let (socketFolder, socketFile) = try Self.socketFile()
        defer { TemporaryFolders.remove(socketFolder) }
        let server = try Listening("unix:\(socketFile)", setup: setup)
        defer { server.stop() }
        let request = ChatServeTests.Server.zulip("hej", id: 1)
        let client = try Client(server.address)
        defer { client.close() }
        client.send(Array(request.prefix(40)))
        Thread.sleep(forTimeInterval: 0.3)
        server.process.terminate()
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!FileManager.default.fileExists(atPath: socketFile))
        #expect(throws: Failure.self) { try Client(server.address) }
        client.send(Array(request.dropFirst(40)))
        #expect(try setup.text(Listening.parts(client.response()), "content").hasPrefix("Velkommen"))
        #expect(server.stop().status == 0)
    }

    /// An old socket file nothing listens on is replaced; one a server listens on, or a file that is no socket,
    /// stays, and the second server stops with its reason.
    @Test func aSocketFileIsReplacedOnlyWhenNothingListensOnIt() throws {
        let setup = try ChatServeTests.Server()
        let (socketFolder, path) = try Self.socketFile()
        defer { TemporaryFolders.remove(socketFolder) }
        let config = setup.folder.appendingPathComponent("chat.json").path
        // A socket left behind by a server that was killed.
        let stale = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        try #require(path.utf8.count < MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { bytes in
            for (index, byte) in path.utf8.enumerated() { bytes[index] = byte }
        }
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(stale, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        Glibc.close(stale)
        #expect(FileManager.default.fileExists(atPath: path))
        let server = try Listening("unix:\(path)", setup: setup)
        defer { server.stop() }
        #expect(try server.zulip("hej", id: 1).hasPrefix("Velkommen"))
        let second = try Samtale.run(
            ["chat", "serve", "--listen", "unix:\(path)", "--config", config], environment: setup.environment)
        #expect(second.status == 69)
        #expect(second.stderr.hasPrefix("samtale: kan ikke lytte på unix:\(path): adressen er optaget"))
        #expect(try server.zulip("Jeg holder fast i borgerens behov", id: 2).hasPrefix("Spørgsmål 2 af 4"))
        let file = socketFolder.appendingPathComponent("chat.txt").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let onAFile = try Samtale.run(
            ["chat", "serve", "--listen", "unix:\(file)", "--config", config, "--lang", "en"],
            environment: setup.environment)
        #expect(onAFile.status == 73)
        #expect(
            onAFile.stderr
                == "samtale: cannot create \(file): it already exists and is not a socket; only an old socket file is "
                + "replaced\n")
    }

    /// An exchange that took longer than its platform waits is the one line of the log an operator must act on.
    @Test func theLogSaysWhenAReplyCameAfterThePlatformsDeadline() throws {
        let endpoint = try #require(
            try ChatConfiguration.decode(
                Array(#"{"endpoints": [{"path": "/slack", "platform": "slack", "secretEnv": "S"}]}"#.utf8)
            )
            .endpoints.first)
        #expect(
            CommandLineStrings.chatExchange(endpoint, status: 200, milliseconds: 3000).da
                == "/slack (Slack): 200 på 3000 ms")
        #expect(
            CommandLineStrings.chatExchange(endpoint, status: 200, milliseconds: 3001).da
                == "/slack (Slack): 200 på 3001 ms – Slack venter kun 3 s, så svaret nåede ikke frem")
        #expect(
            CommandLineStrings.chatExchange(endpoint, status: 200, milliseconds: 3001).en
                == "/slack (Slack): 200 in 3001 ms – Slack waits only 3 s, so the reply did not arrive")
    }

    @Test func aBadAddressSaysWhatIsWrong() throws {
        let setup = try ChatServeTests.Server()
        let config = setup.folder.appendingPathComponent("chat.json").path
        func run(_ arguments: [String]) throws -> Samtale.Result {
            try Samtale.run(["chat", "serve", "--config", config] + arguments, environment: setup.environment)
        }
        let forms =
            "skriv IPv4-adresse:port (fx 127.0.0.1:8080), [IPv6-adresse]:port (fx [::1]:8080) eller unix:STI (ikke et "
            + "værtsnavn som localhost)"
        for address in ["127.0.0.1", "localhost:8080", "::1:8080", "unix:", "127.0.0.1:8080x"] {
            let result = try run(["--listen", address])
            #expect(result.status == 64, "\(address)")
            #expect(
                result.stderr.hasPrefix(
                    address == "127.0.0.1:8080x"
                        ? "samtale: --listen: porten i »\(address)« skal være et helt tal fra 0 til 65535\n"
                        : "samtale: --listen: »\(address)« kan ikke bruges som adresse; \(forms)\n"),
                "\(result.stderr)")
            #expect(result.stderr.contains("Brug: samtale chat serve (--stdio | --listen ADRESSE"))
        }
        let english = try run(["--listen", "127.0.0.1:65536", "--lang", "en"])
        #expect(english.status == 64)
        #expect(
            english.stderr.hasPrefix(
                "samtale: --listen: the port in \"127.0.0.1:65536\" must be a whole number from 0 to 65535\n"))
        let both = try run(["--listen", "127.0.0.1:0", "--stdio"])
        #expect(both.status == 64 && both.stderr.hasPrefix("samtale: brug enten --stdio eller --listen\n"))
        let neither = try run(["--lang", "en"])
        #expect(neither.status == 64 && neither.stderr.hasPrefix("samtale: missing --stdio or --listen ADDRESS\n"))
        let capWithoutServer = try run(["--stdio", "--max-connections", "3"])
        #expect(capWithoutServer.status == 64)
        #expect(capWithoutServer.stderr.hasPrefix("samtale: --max-connections kan kun bruges med --listen\n"))
        let longPath = "unix:/" + String(repeating: "s", count: 120)
        #expect(
            try run(["--listen", longPath]).stderr.hasPrefix(
                "samtale: --listen: stien til socketfilen er for lang (højst 107 byte)"))

        // An address that is taken, or not this machine's, cannot be listened on: 69.
        let server = try Listening(setup: setup)
        defer { server.stop() }
        let taken = try run(["--listen", server.address])
        #expect(taken.status == 69)
        #expect(
            taken.stderr
                == "samtale: kan ikke lytte på \(server.address): adressen er optaget (er samtale chat serve allerede "
                + "startet på den?)\n")
        let elsewhere = try run(["--listen", "192.0.2.1:8080", "--lang", "en"])
        #expect(elsewhere.status == 69)
        #expect(
            elsewhere.stderr
                == "samtale: cannot listen on 192.0.2.1:8080: the address does not belong to this machine\n")
    }
}
