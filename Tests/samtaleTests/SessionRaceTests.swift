import Foundation
import Testing

/// Two programs holding one session: `serve` and `talk --resume`, two terminals, a `sessions delete` while a server
/// holds it. Whichever saves second holds a stale copy and is refused; no answer a user was told is saved is lost, and
/// a deleted session stays deleted.
@Suite struct SessionRaceTests {
    let state: URL
    let environment: [String: String]

    init() throws {
        state = try Samtale.temporaryFolder()
        environment = ["SAMTALE_STATE_DIR": state.path]
    }

    func objects(_ lines: [String]) throws -> [[String: Any]] {
        try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    func send(_ server: Server, _ request: String) throws -> [[String: Any]] {
        try objects(try server.send(Array(request.utf8)))
    }

    func run(_ arguments: [String], input: String = "") throws -> Samtale.Result {
        let file = try Samtale.temporaryFolder().appendingPathComponent("input.txt")
        try input.write(to: file, atomically: true, encoding: .utf8)
        return try Samtale.run(arguments, environment: environment, standardInput: file)
    }

    /// The session's answers as `sessions export --format json` gives them.
    func answers(_ id: String) throws -> (status: String?, text: String) {
        let exported = try run(["sessions", "export", id, "--format", "json"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any])
        let answers = try JSONSerialization.data(withJSONObject: record["answers"] ?? [:])
        return (record["status"] as? String, String(decoding: answers, as: UTF8.self))
    }

    static let start =
        #"{"type":"start","flow":"one-to-one","role":"medarbejder","theme":"sammen sikrer","session":"ID"}"#

    static func input(_ id: String, _ text: String) -> String {
        #"{"type":"input","session":"\#(id)","text":"\#(text)"}"#
    }

    @Test func anAnswerInTheTerminalSurvivesAServerThatHeldTheSession() throws {
        let id = "000000000000000000000race1"
        let server = try Server(arguments: ["serve", "--stdio"], environment: environment, home: state)
        #expect(try send(server, Self.start.replacingOccurrences(of: "ID", with: id)).last?["type"] as? String == "ask")
        #expect(try send(server, Self.input(id, "Fra serveren, første")).last?["type"] as? String == "ask")

        let talked = try run(["talk", "--resume", id], input: "Fra terminalen\n")
        #expect(talked.status == 0, "\(talked.stderr)")

        let refused = try send(server, Self.input(id, "Fra serveren, anden"))
        #expect(refused.count == 1)
        #expect(refused.first?["code"] as? String == "session-changed")
        #expect((refused.first?["message"] as? String)?.contains("ændret af et andet program") == true)
        // The server reads the session again: it is where the terminal left it.
        #expect(try send(server, #"{"type":"state","session":"\#(id)"}"#).first?["type"] as? String == "paused")
        #expect(try server.finish() == 0)

        let saved = try answers(id)
        #expect(saved.status == "paused")
        #expect(saved.text.contains("Fra serveren, første") && saved.text.contains("Fra terminalen"))
        #expect(!saved.text.contains("Fra serveren, anden"))
    }

    @Test func theSecondOfTwoTerminalsIsRefusedAndLosesNothing() throws {
        let paused = try run(
            ["talk", "--flow", "one-to-one", "--role", "medarbejder", "--theme", "sammen sikrer"],
            input: "Første svar\n")
        #expect(paused.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: state.appendingPathComponent("sessions").path)
        let id = String(try #require(files.first { $0.hasSuffix(".json") }).dropLast(5))

        // The first terminal resumes and waits for its user at question 2.
        let fifo = try Samtale.temporaryFolder().appendingPathComponent("keyboard")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let keyboard = open(fifo.path, O_RDWR)
        #expect(keyboard >= 0)
        let first = try Samtale.start(["talk", "--resume", id], environment: environment, standardInput: fifo)
        var shown = Data()
        while !String(decoding: shown, as: UTF8.self).contains("Spørgsmål 2 af 4") {
            let data = first.out.fileHandleForReading.availableData
            if data.isEmpty { break }
            shown.append(data)
        }
        #expect(String(decoding: shown, as: UTF8.self).contains("Spørgsmål 2 af 4"))

        // Meanwhile the second answers question 2 and pauses.
        let second = try run(["talk", "--resume", id], input: "Svar fra den anden terminal\n")
        #expect(second.status == 0, "\(second.stderr)")

        // Now the first user answers: that save would overwrite the second's answer, so it is refused.
        _ = "Svar fra den første terminal\n".withCString { write(keyboard, $0, strlen($0)) }
        close(keyboard)
        let refused = try first.wait()
        #expect(refused.status == 75)
        #expect(refused.stderr.contains("ændret af et andet program"))
        #expect(refused.stderr.contains("samtale talk --resume \(id)"))

        let saved = try answers(id)
        #expect(saved.status == "paused")
        #expect(saved.text.contains("Første svar") && saved.text.contains("Svar fra den anden terminal"))
        #expect(!saved.text.contains("Svar fra den første terminal"))
    }

    @Test func aSessionDeletedWhileAServerHoldsItStaysDeleted() throws {
        let id = "000000000000000000000race3"
        let server = try Server(arguments: ["serve", "--stdio"], environment: environment, home: state)
        #expect(try send(server, Self.start.replacingOccurrences(of: "ID", with: id)).last?["type"] as? String == "ask")
        #expect(try send(server, Self.input(id, "Et svar")).last?["type"] as? String == "ask")

        let deleted = try run(["sessions", "delete", id])
        #expect(deleted.status == 0)

        let refused = try send(server, Self.input(id, "Et svar mere"))
        #expect(refused.first?["code"] as? String == "session-changed")
        #expect((refused.first?["message"] as? String)?.contains("slettet") == true)
        #expect(
            try send(server, #"{"type":"state","session":"\#(id)"}"#).first?["code"] as? String == "unknown-session")
        #expect(try send(server, Self.input(id, "Og igen")).first?["code"] as? String == "unknown-session")
        #expect(try server.finish() == 0)

        let path = state.appendingPathComponent("sessions/\(id).json").path
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(
            try run(["sessions", "list", "--format", "json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                == "[]")
    }

    // MARK: - Damaged files

    /// A session file whose position points outside its script is reported by name as damaged, by every command and
    /// request that reads it, and every other session still works.
    @Test func aSessionPointingOutsideItsScriptIsDamagedAndTheOthersWork() throws {
        let good = "0000000000000000000000g00d"
        let bad = "00000000000000000000000bad"
        let server = try Server(arguments: ["serve", "--stdio"], environment: environment, home: state)
        _ = try send(server, Self.start.replacingOccurrences(of: "ID", with: good))
        _ = try send(server, Self.start.replacingOccurrences(of: "ID", with: bad))
        #expect(try server.finish() == 0)
        let folder = state.appendingPathComponent("sessions")
        let file = folder.appendingPathComponent("\(bad).json")
        let text = try String(contentsOf: file, encoding: .utf8)
        let broken = text.replacingOccurrences(
            of: "\"at\": {\n      \"type\": \"question\",\n      \"step\": 4",
            with: "\"at\": {\n      \"type\": \"question\",\n      \"step\": 9999")
        #expect(broken != text)
        try broken.write(to: file, atomically: true, encoding: .utf8)

        let listed = try run(["sessions", "list", "--format", "json"])
        #expect(listed.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["id"] as? String }) == [good, bad])
        #expect(rows.first { $0["id"] as? String == bad }?["status"] as? String == "damaged")

        let resumed = try run(["talk", "--resume", bad])
        #expect(resumed.status == 65)
        #expect(resumed.stderr.contains(file.path) && resumed.stderr.contains("state.at"))
        #expect(try run(["talk", "--resume", good], input: "Et svar\n").status == 0)

        let again = try Server(arguments: ["serve", "--stdio"], environment: environment, home: state)
        for request in [#"{"type":"state","session":"\#(bad)"}"#, Self.input(bad, "Svar")] {
            let lines = try send(again, request)
            #expect(lines.first?["code"] as? String == "damaged-session")
            #expect((lines.first?["message"] as? String)?.contains("\(bad).json") == true)
        }
        let sessions = try #require(try send(again, #"{"type":"sessions"}"#).first?["sessions"] as? [[String: Any]])
        #expect(sessions.count == 2)
        let repeated = #"{"type":"input","session":"\#(good)","command":"repeat"}"#
        #expect(try send(again, repeated).last?["type"] as? String == "ask")
        #expect(try again.finish() == 0)
    }

    /// A server whose answers cannot be written (a full disk) stops reading: no further answer is saved for a client
    /// that was never told of the last one.
    @Test func aServerThatCannotAnswerStopsTakingRequests() throws {
        let fifo = try Samtale.temporaryFolder().appendingPathComponent("requests")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let requests = open(fifo.path, O_RDWR)
        #expect(requests >= 0)
        let server = try Samtale.start(
            ["-c", "exec \"$0\" serve --stdio > /dev/full", Samtale.binary.path],
            environment: environment, executable: URL(fileURLWithPath: "/bin/sh"),
            standardInput: fifo)
        func send(_ line: String) {
            _ = (line + "\n").withCString { write(requests, $0, strlen($0)) }
        }
        send(Self.start.replacingOccurrences(of: "ID", with: "000000000000000000000000f1"))
        // The first answer fails to reach /dev/full; a server that went on would start this one too.
        usleep(500_000)
        send(Self.start.replacingOccurrences(of: "ID", with: "000000000000000000000000f2"))
        close(requests)
        let result = try server.wait()
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("kan ikke skrive til standard output"))
        let saved = try FileManager.default.contentsOfDirectory(atPath: state.appendingPathComponent("sessions").path)
        #expect(saved.filter { $0.hasSuffix(".json") } == ["000000000000000000000000f1.json"])
    }

    /// SIGTERM: the server finishes the request it is working on and stops, rather than working through the many
    /// it has already read (a 64 KiB read holds hundreds); every answer it acknowledged is saved.
    @Test func aServerStopsSoonAfterSIGTERM() throws {
        let ids = (0..<20).map { String(format: "%026d", $0 + 500) }
        var lines = ids.map { Self.start.replacingOccurrences(of: "ID", with: $0) }
        for round in 0..<300 { lines += ids.map { Self.input($0, "svar \(round)") } }
        let file = try Samtale.temporaryFolder().appendingPathComponent("requests.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let server = try Samtale.start(["serve", "--stdio"], environment: environment, standardInput: file)
        usleep(700_000)
        let signalled = Date()
        server.process.terminate()
        let result = try server.wait()
        let after = Date().timeIntervalSince(signalled)
        #expect(result.status == 0)
        let answered = result.stdout.split(separator: "\n").count
        #expect(answered > 0 && answered < lines.count, "\(answered) of \(lines.count)")
        #expect(after < 0.5, "the server took \(after) s after SIGTERM")
    }
}
