import Foundation
import Testing

/// Sessions are shared between the adapters: the same store and files, whichever started the conversation.
@Suite struct ProtocolInteropTests {
    func run(_ arguments: [String], state: URL, input: String) throws -> Samtale.Result {
        let file = try Samtale.temporaryFolder().appendingPathComponent("input.txt")
        try input.write(to: file, atomically: true, encoding: .utf8)
        return try Samtale.run(arguments, environment: ["SAMTALE_STATE_DIR": state.path], standardInput: file)
    }

    func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func aConversationStartedOverTheProtocolGoesOnInTheTerminal() throws {
        let state = try Samtale.temporaryFolder()
        let id = "000000000000000000000000pr"
        let served = try run(
            ["serve", "--stdio"], state: state,
            input: """
                {"type":"start","flow":"one-to-one","role":"medarbejder","theme":"sammen sikrer","session":"\(id)"}
                {"type":"input","session":"\(id)","text":"Svar over protokollen"}

                """)
        #expect(served.status == 0)
        #expect(try objects(served.stdout).allSatisfy { $0["type"] as? String != "error" })
        let talked = try run(["talk", "--resume", id], state: state, input: "Svar i terminalen\n/spring\n\n")
        #expect(talked.status == 0)
        #expect(talked.stdout.hasPrefix("Spørgsmål 2 af 4"))
        #expect(talked.stdout.contains("Svar over protokollen") && talked.stdout.contains("Svar i terminalen"))
        #expect(talked.stdout.contains("OPSUMMERING"))
    }

    @Test func aConversationPausedInTheTerminalGoesOnOverTheProtocol() throws {
        let state = try Samtale.temporaryFolder()
        _ = try run(
            ["talk", "--flow", "one-to-one", "--role", "medarbejder", "--theme", "sammen sikrer"], state: state,
            input: "Svar i terminalen\n/pause\n")
        let sessions = try FileManager.default.contentsOfDirectory(
            atPath: state.appendingPathComponent("sessions").path)
        let id = String(try #require(sessions.first { $0.hasSuffix(".json") }).dropLast(5))
        let served = try run(
            ["serve", "--stdio"], state: state,
            input: """
                {"type":"state","session":"\(id)","id":1}
                {"type":"input","session":"\(id)","command":"repeat","id":2}
                {"type":"input","session":"\(id)","text":"Svar over protokollen","id":3}
                {"type":"export","session":"\(id)","format":"json","id":4}

                """)
        let lines = try objects(served.stdout)
        #expect(lines.first?["type"] as? String == "paused")
        let resumed = try #require(lines.first { ($0["id"] as? Int) == 2 })
        #expect(resumed["type"] as? String == "ask")
        #expect((resumed["progress"] as? [String: Int])?["current"] == 2)
        let export = try #require(lines.last)
        let record = try #require(export["record"] as? [String: Any])
        let text = String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
        #expect(text.contains("Svar i terminalen") && text.contains("Svar over protokollen"))
    }

    /// A server without SAMTALE_TOKEN_KEY makes up a key: that matters only once it makes a token, and then it is
    /// said once.
    @Test func aMadeUpTokenKeyIsMentionedOnceWhenTheFirstTokenIsMade() throws {
        let state = try Samtale.temporaryFolder()
        let start = #"{"type":"start","flow":"energizer","role":"chef","theme":"sammen styrker","seed":2"#
        let durable = try run(["serve", "--stdio"], state: state, input: start + "}\n")
        #expect(durable.status == 0 && durable.stderr.isEmpty)
        let stateless = try run(
            ["serve", "--stdio"], state: state,
            input: start + #","state":"inline"}"# + "\n" + start + #","state":"inline"}"# + "\n")
        #expect(stateless.status == 0)
        #expect(stateless.stderr.components(separatedBy: "SAMTALE_TOKEN_KEY").count == 2, "\(stateless.stderr)")
    }

    @Test func manySessionsInterleaveWithoutTouchingEachOther() throws {
        let ids = (0..<20).map { String(format: "%026d", $0 + 100) }
        var lines: [String] = []
        for id in ids {
            lines.append(
                #"{"type":"start","flow":"one-to-one","role":"medarbejder","theme":"sammen sikrer","session":"\#(id)","id":"\#(id)"}"#
            )
        }
        for round in 1...3 {
            for id in ids.reversed() {
                lines.append(#"{"type":"input","session":"\#(id)","text":"\#(id) svar \#(round)","id":"\#(id)"}"#)
            }
        }
        let served = try run(
            ["serve", "--stdio", "--ephemeral"], state: try Samtale.temporaryFolder(),
            input: lines.joined(separator: "\n") + "\n")
        let objects = try objects(served.stdout)
        #expect(!objects.contains { $0["type"] as? String == "error" })
        for id in ids {
            let mine = objects.filter { $0["id"] as? String == id }
            #expect(mine.allSatisfy { $0["session"] as? String == id })
            let asks = mine.filter { $0["type"] as? String == "ask" }
            #expect(asks.compactMap { ($0["progress"] as? [String: Int])?["current"] } == [1, 2, 3, 4])
        }
    }
}
