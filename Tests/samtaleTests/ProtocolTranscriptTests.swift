import Foundation
import TestSupport
import Testing

/// The conformance suite of the JSON-lines protocol: each file in `Transcripts/` holds requests (`> `, or `>x ` with
/// the line's bytes in hex) each followed by the exact response lines (`< `) it must cause, replayed against the built
/// binary. `# args:`, `# env:` and `# file: PATH = TEXT` (a file made in the state folder first) set the run up.
/// `{{state}}` in a request stands for the token of the last `state` line, `{{state:broken}}` for it altered.
/// SAMTALE_UPDATE_TRANSCRIPTS=1 writes the responses into the files, to read in the diff after an intended change.
@Suite struct ProtocolTranscriptTests {
    static let folder = Samtale.root.appendingPathComponent("Tests/samtaleTests/Transcripts")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") }
            .sorted()
    }

    struct Exchange {
        var request: String
        var expected: [String] = []
    }

    @Test(arguments: names)
    func transcriptReplaysExactly(name: String) throws {
        let file = Self.folder.appendingPathComponent(name)
        let text = try String(contentsOf: file, encoding: .utf8)
        var header: [String] = []
        var exchanges: [Exchange] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) where !line.isEmpty {
            if line.hasPrefix("> ") || line.hasPrefix(">x ") {
                exchanges.append(Exchange(request: line))
            } else if line.hasPrefix("< ") {
                exchanges[exchanges.count - 1].expected.append(String(line.dropFirst(2)))
            } else {
                header.append(line)
            }
        }
        let state = try Samtale.temporaryFolder()
        var arguments: [String] = []
        var environment = [
            "SAMTALE_NOW": "2026-11-26T09:00:00+01:00", "SAMTALE_TOKEN_KEY": "transcript-key",
            "SAMTALE_STATE_DIR": state.path,
        ]
        for line in header {
            if line.hasPrefix("# args: ") {
                arguments = line.dropFirst(8).split(separator: " ").map(String.init)
            } else if line.hasPrefix("# env: ") {
                let pair = line.dropFirst(7).split(separator: "=", maxSplits: 1).map(String.init)
                environment[pair[0]] = pair[1]
            } else if line.hasPrefix("# file: ") {
                let parts = line.dropFirst(8).components(separatedBy: " = ")
                let target = state.appendingPathComponent(parts[0])
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try parts[1].write(to: target, atomically: true, encoding: .utf8)
            }
        }
        defer { TemporaryFolders.remove(state) }
        let server = try Server(arguments: arguments, environment: environment, home: state)
        var token = ""
        for index in exchanges.indices {
            var request = exchanges[index].request
            var bytes: [UInt8]
            if request.hasPrefix(">x ") {
                let hex = Array(request.dropFirst(3))
                bytes = stride(from: 0, to: hex.count, by: 2).map { UInt8(String(hex[$0...$0 + 1]), radix: 16)! }
            } else {
                if request.contains("{{state:broken}}") {
                    request = request.replacingOccurrences(of: "{{state:broken}}", with: Self.altered(token))
                }
                request = request.replacingOccurrences(of: "{{state}}", with: token)
                bytes = Array(request.dropFirst(2).utf8)
            }
            // The state folder differs from run to run; responses name it as $STATE.
            let responses = try server.send(bytes).map { $0.replacingOccurrences(of: state.path, with: "$STATE") }
            for response in responses where response.contains("\"type\":\"state\"") {
                let object = try JSONSerialization.jsonObject(with: Data(response.utf8)) as? [String: Any]
                token = object?["state"] as? String ?? token
            }
            if ProcessInfo.processInfo.environment["SAMTALE_UPDATE_TRANSCRIPTS"] == "1" {
                exchanges[index].expected = responses
            }
            #expect(responses == exchanges[index].expected, "\(name): \(exchanges[index].request)")
        }
        #expect(try server.finish() == 0)
        if ProcessInfo.processInfo.environment["SAMTALE_UPDATE_TRANSCRIPTS"] == "1" {
            let lines = header + exchanges.flatMap { [$0.request] + $0.expected.map { "< " + $0 } }
            try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        }
    }

    /// The token with one letter of its signed part changed.
    static func altered(_ token: String) -> String {
        var characters = Array(token)
        guard !characters.isEmpty else { return "" }
        let index = characters.count / 2
        characters[index] = characters[index] == "A" ? "B" : "A"
        return String(characters)
    }

    /// PROTOCOL.md's examples are real lines: each one (its parts between `…`) is in a transcript, but for the errors
    /// only two programs at once can cause, which `SessionRaceTests` and `SessionStoreTests` show.
    @Test func theProtocolsExamplesAreLinesOfTheTranscripts() throws {
        let all = try Self.names.map { try String(contentsOf: Self.folder.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: "\n")
        let protocolText = try String(contentsOf: Samtale.root.appendingPathComponent("PROTOCOL.md"), encoding: .utf8)
        let lines = protocolText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .flatMap { line -> [String] in
                if line.hasPrefix("{\"type\"") { return [line] }
                return line.matches(of: #/`(\{"type":"error".*?\})`/#).map { String($0.output.1) }
            }
        #expect(lines.count > 40)
        for line in lines where !line.contains("\"session-changed\"") && !line.contains("\"session-busy\"") {
            // A token is shortened in PROTOCOL.md and sent as {{state}} by the transcripts: what is around it counts.
            let shown = line.replacing(#/"state":"v2\.[^"]*"/#, with: "…")
            let parts = shown.split(separator: "…").map { part in
                var part = Substring(part)
                while part.hasPrefix(",") || part.hasPrefix(" ") || part.hasPrefix("]") { part = part.dropFirst() }
                while part.hasSuffix(",") || part.hasSuffix(" ") || part.hasSuffix("[") { part = part.dropLast() }
                return String(part)
            }.filter { !$0.isEmpty && $0 != "\"" }
            #expect(parts.allSatisfy(all.contains), "PROTOCOL.md shows a line no transcript has: \(line)")
        }
    }

    @Test func everyRequestTypeAndErrorCodeIsCovered() throws {
        let all = try Self.names.map { try String(contentsOf: Self.folder.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: "\n")
        for type in ["hello", "list", "prompt", "start", "input", "state", "export", "sessions", "delete"] {
            #expect(all.contains("> {\"type\":\"\(type)\""), "no request of type \(type)")
        }
        for code in [
            "invalid-json", "invalid-utf8", "line-too-long", "not-an-object", "unknown-type", "missing-field",
            "invalid-field", "unknown-name", "invalid-setup", "unknown-session", "session-exists",
            "session-finished", "invalid-token", "damaged-session", "cannot-save",
        ] {
            #expect(all.contains("\"code\":\"\(code)\""), "no transcript shows the error \(code)")
        }
        for type in [
            "hello", "list", "prompt", "dayOff", "started", "say", "heading", "card", "ask", "reask", "chart",
            "help", "confirmEnd", "paused", "summary", "finished", "state", "export", "sessions", "ok", "error",
        ] {
            #expect(all.contains("< {\"type\":\"\(type)\""), "no transcript shows a \(type) line")
        }
    }
}

/// A running `samtale serve`, fed one request at a time: after each request the runner sends a `hello` with a
/// marker id and reads up to its answer, so it knows which lines the request caused. The markers are not compared.
final class Server {
    private let process: Process
    private let input = Pipe()
    private let output = Pipe()
    private var buffer = Data()
    private var count = 0

    init(arguments: [String], environment: [String: String], home: URL) throws {
        process = TestProcess.make(Samtale.binary, arguments, home: home, environment: environment)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func send(_ request: [UInt8]) throws -> [String] {
        count += 1
        let marker = "__transcript_\(count)__"
        input.fileHandleForWriting.write(Data(request + [0x0A]))
        input.fileHandleForWriting.write(Data("{\"type\":\"hello\",\"id\":\"\(marker)\"}\n".utf8))
        var lines: [String] = []
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            while let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                if line.contains("\"id\":\"\(marker)\"") { return lines }
                lines.append(line)
            }
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            buffer.append(data)
        }
        Issue.record("no answer to the marker after \(lines)")
        return lines
    }

    func finish() throws -> Int32 {
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
