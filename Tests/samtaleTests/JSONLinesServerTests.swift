import Foundation
import JSONLinesAdapter
import SamtaleCore
import SamtaleDecks
import Testing

/// The server held in this process, where a store can be broken between two requests.
@Suite struct JSONLinesServerTests {
    func server(store: SessionStore) throws -> JSONLinesServer {
        let flows = try BuiltinFlows.files.map { try FlowDecoder.decode($0.bytes) }
        let environment = JSONLinesServer.Environment(
            catalog: try Catalog.load(builtin: BuiltinDecks.all, files: []), flows: flows, store: store,
            tokenKey: Array("key".utf8), language: .da, version: "test",
            clock: { "2026-11-26T08:30:00Z" }, instant: { Timestamp(iso: "2026-11-26T08:30:00Z")! }, today: { CivilDate(year: 2026, month: 11, day: 26)! }, randomSeed: { 1 },
            newSessionID: { SessionID(validating: "0000000000000000000000000s")! }
        )
        return JSONLinesServer(environment: environment)
    }

    func respond(_ server: inout JSONLinesServer, _ request: String) throws -> [[String: Any]] {
        var output: [UInt8] = []
        server.respond(to: Array(request.utf8), into: &output)
        return try String(decoding: output, as: UTF8.self).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    func question(_ lines: [[String: Any]]) -> Int? {
        lines.last.flatMap { ($0["progress"] as? [String: Any])?["current"] as? Int }
    }

    /// An answer that cannot be saved is not kept: the session goes on from its file, as it was before.
    @Test func anAnswerThatCannotBeSavedLeavesTheSessionAsItWas() throws {
        let state = try Samtale.temporaryFolder()
        let folder = state.appendingPathComponent("sessions")
        var server = try server(store: SessionStore(directory: folder.path))
        let started = try respond(&server, #"{"type":"start","flow":"one-to-one","role":"medarbejder","theme":"sammen sikrer"}"#)
        #expect(question(started) == 1)
        let id = try #require(started.first?["session"] as? String)

        let moved = state.appendingPathComponent("moved")
        try FileManager.default.moveItem(at: folder, to: moved)
        try Data().write(to: folder)  // a file where the folder was: no save can succeed, even as root
        let failed = try respond(&server, #"{"type":"input","session":"\#(id)","text":"Svar der ikke gemmes"}"#)
        #expect(failed.count == 1 && failed.first?["code"] as? String == "cannot-save")

        try FileManager.default.removeItem(at: folder)
        try FileManager.default.moveItem(at: moved, to: folder)
        #expect(question(try respond(&server, #"{"type":"state","session":"\#(id)"}"#)) == 1)
        let answered = try respond(&server, #"{"type":"input","session":"\#(id)","text":"Svar der gemmes"}"#)
        #expect(question(answered) == 2)
        let record = try respond(&server, #"{"type":"export","session":"\#(id)","format":"markdown"}"#)
        let content = try #require(record.first?["content"] as? String)
        #expect(content.contains("Svar der gemmes") && !content.contains("Svar der ikke gemmes"))
    }
}

extension JSONLinesServerTests {
    /// An energizer is not recorded unless asked, however many answers it gets; one started with `record` is.
    @Test(arguments: [false, true])
    func anEnergizerIsSavedOnlyWhenAskedTo(record: Bool) throws {
        let folder = try Samtale.temporaryFolder().appendingPathComponent("sessions")
        var server = try server(store: SessionStore(directory: folder.path))
        let started = try respond(&server, #"{"type":"start","flow":"energizer","role":"medarbejder","theme":"sammen sikrer","seed":3,"record":\#(record)}"#)
        let id = try #require(started.first?["session"] as? String)
        let answered = try respond(&server, #"{"type":"input","session":"\#(id)","text":"Et svar"}"#)
        #expect(answered.allSatisfy { $0["type"] as? String != "error" })
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        #expect(files.filter { !$0.hasPrefix(".") } == (record ? ["\(id).json"] : []))
    }

    /// A token signed with the server's key whose session points outside its script: made by a worker, so damaged
    /// like a file can be (damaged-session), not a forgery (invalid-token); never a crash.
    @Test func aSignedTokenHoldingAnImpossiblePositionIsADamagedSession() throws {
        var server = try server(store: SessionStore(directory: try Samtale.temporaryFolder().path))
        let started = try respond(&server, #"{"type":"start","flow":"energizer","role":"chef","theme":"sammen styrker","seed":2,"state":"inline"}"#)
        let token = try #require(started.last?["state"] as? String)
        let id = try #require(started.first?["session"] as? String)
        let parts = token.split(separator: ".").map(String.init)
        let padded = parts[2] + String(repeating: "=", count: (4 - parts[2].count % 4) % 4)
        let base64 = padded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        var payload = String(decoding: try #require(Data(base64Encoded: base64)), as: UTF8.self)
        payload = payload.replacingOccurrences(of: #""at":{"type":"question","step":1}"#,
                                               with: #""at":{"type":"question","step":9999}"#)
        #expect(payload.contains("9999"))
        let signed = "v2." + parts[1] + "." + Base64URL.encode(Array(payload.utf8))
        let forged = signed + "." + Base64URL.encode(HMACSHA256.authenticationCode(for: Array(signed.utf8), key: Array("key".utf8)))
        let lines = try respond(&server, #"{"type":"state","session":"\#(id)","state":"\#(forged)"}"#)
        #expect(lines.first?["code"] as? String == "damaged-session", "\(lines)")
        #expect((lines.first?["message"] as? String)?.contains("state.at") == true)
    }

    /// An answer longer than the conversation keeps is asked again, over the protocol as in the terminal.
    @Test func anOverLongAnswerIsAskedAgain() throws {
        let store = SessionStore(directory: try Samtale.temporaryFolder().path)
        var server = try server(store: store)
        let started = try respond(&server, #"{"type":"start","flow":"one-to-one","role":"medarbejder","theme":"sammen sikrer"}"#)
        let id = try #require(started.first?["session"] as? String)
        let saved = try store.load(try #require(SessionID(validating: id)))
        let long = String(repeating: "ord ", count: 20_000)
        for _ in 0..<3 {
            let lines = try respond(&server, #"{"type":"input","session":"\#(id)","text":"\#(long)"}"#)
            #expect(lines.first?["type"] as? String == "reask" && lines.first?["reason"] as? String == "too-long",
                    "\(lines.first ?? [:])")
            #expect(question(lines) == 1)
        }
        // Not kept, not even in the log: a record that kept each try would grow by 80 KB a time until unreadable.
        #expect(try store.load(try #require(SessionID(validating: id))).log == saved.log)
    }
}
