import Foundation
import JSONLinesAdapter
import SamtaleCore
import SamtaleDecks
import TestSupport
import Testing

// MARK: - Server in memory

/// The JSON-lines server held in this process: request lines go in as bytes, its answer lines are read back with
/// the core's own parser. Time, randomness and ids are fixed, so every answer is the same on every run.
struct ServerInMemory {
    static let sessionID = "0000000000000000000000000j"
    private var server: JSONLinesServer

    init(store: SessionStore? = nil, language: Language = .da) throws {
        let environment = JSONLinesServer.Environment(
            catalog: try Catalog.load(builtin: BuiltinDecks.all, files: []),
            flows: try BuiltinFlows.files.map { try FlowDecoder.decode($0.bytes) }, store: store,
            tokenKey: Array("key".utf8), language: language, version: "test",
            clock: { "2026-11-26T09:00:00+01:00" }, instant: { Timestamp(secondsSinceEpoch: 1_795_680_000) },
            today: { CivilDate(year: 2026, month: 11, day: 26)! }, randomSeed: { 1 },
            newSessionID: { SessionID(validating: Self.sessionID)! }
        )
        server = JSONLinesServer(environment: environment)
    }

    /// The answer lines to one request line, each parsed; a line that is not a JSON object fails the test.
    mutating func send(_ request: String) throws -> [JSONValue] {
        try send(bytes: Array(request.utf8))
    }

    mutating func send(bytes: [UInt8]) throws -> [JSONValue] {
        var output: [UInt8] = []
        server.respond(to: bytes, into: &output)
        return try Self.lines(output)
    }

    func lineTooLong(limit: Int) throws -> [JSONValue] {
        var output: [UInt8] = []
        server.lineTooLong(limit: limit, into: &output)
        return try Self.lines(output)
    }

    private static func lines(_ output: [UInt8]) throws -> [JSONValue] {
        #expect(output.last == 0x0A, "every answer line ends in a newline")
        return try output.split(separator: 0x0A).map { line in
            let value = try JSONParser.parse(Array(line))
            guard case .object = value else { throw NotAnObject(line: String(decoding: line, as: UTF8.self)) }
            return value
        }
    }

    struct NotAnObject: Error {
        let line: String
    }
}

extension JSONValue {
    func text(_ key: String) -> String? {
        if case .string(let text)? = member(key) { text } else { nil }
    }

    func number(_ key: String) -> Int? {
        if case .number(let literal)? = member(key) { Int(literal) } else { nil }
    }

    var type: String? {
        text("type")
    }

    /// The question a conversation line asks, by its number.
    var currentQuestion: Int? {
        member("progress")?.number("current")
    }

    /// The texts of an array member.
    func texts(_ key: String) -> [String] {
        guard case .array(let values)? = member(key) else { return [] }
        return values.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }
}

// MARK: - Requests

@Suite struct JSONLinesServerRequestTests {
    static let start = #"{"type":"start","flow":"one-to-one","role":"medarbejder","theme":"sammen sikrer","id":"s"}"#

    @Test func helloNamesTheProtocolTheDecksAndTheFlows() throws {
        var server = try ServerInMemory()
        let lines = try server.send(#"{"type":"hello","id":1}"#)
        let hello = try #require(lines.first)
        #expect(lines.count == 1)
        #expect(hello.type == "hello" && hello.number("protocol") == 1 && hello.text("samtale") == "test")
        #expect(hello.number("id") == 1)
        #expect(hello.texts("decks").contains("hjoerring-dialogkort"))
        #expect(hello.texts("flows") == ["across-levels", "energizer", "one-to-one", "seesaw", "self", "team"])
    }

    @Test func listGivesADecksRoles() throws {
        var server = try ServerInMemory()
        let list = try #require(try server.send(#"{"type":"list","what":"roles","deck":"kolding","id":3}"#).first)
        #expect(list.type == "list" && list.number("id") == 3)
        guard case .array(let items)? = list.member("items") else {
            Issue.record("no items in \(list)")
            return
        }
        #expect(items.compactMap { $0.text("id") } == ["leder"])
        #expect(items.first?.text("deck") == "kolding-sammen-om-ledelse")
    }

    @Test func promptGivesTheDaysQuestionOrTheDayOff() throws {
        var server = try ServerInMemory()
        let prompt = try #require(try server.send(#"{"type":"prompt","date":"2026-11-26","id":1}"#).first)
        #expect(prompt.type == "prompt")
        #expect(prompt.member("prompt")?.text("date") == "2026-11-26")
        #expect(prompt.member("prompt")?.text("text")?.isEmpty == false)

        let dayOff = #"{"type":"prompt","date":"2026-12-25","holidays":"dk","id":4}"#
        let christmas = try #require(try server.send(dayOff).first)
        #expect(christmas.type == "dayOff" && christmas.text("date") == "2026-12-25")
        #expect(christmas.text("reason")?.contains("juledag") == true)
    }

    @Test func anEphemeralConversationStartsIsAnsweredAndExported() throws {
        var server = try ServerInMemory()
        let started = try server.send(Self.start)
        #expect(started.first?.type == "started")
        #expect(started.first?.text("session") == ServerInMemory.sessionID)
        #expect(started.allSatisfy { $0.text("id") == "s" })
        #expect(started.last?.type == "ask" && started.last?.currentQuestion == 1)

        let id = ServerInMemory.sessionID
        let answered = try server.send(#"{"type":"input","session":"\#(id)","text":"Jeg deler viden","id":2}"#)
        #expect(answered.last?.type == "ask" && answered.last?.currentQuestion == 2)

        let state = try server.send(#"{"type":"state","session":"\#(id)","id":3}"#)
        #expect(state.last?.currentQuestion == 2, "state asks the question the conversation waits at")

        let exported = try server.send(#"{"type":"export","session":"\#(id)","format":"markdown","id":4}"#)
        let export = try #require(exported.first)
        #expect(export.type == "export")
        #expect(export.text("content")?.contains("Jeg deler viden") == true)
        let title = try #require(
            try BuiltinFlows.files.map { try FlowDecoder.decode($0.bytes) }.first { $0.id == "one-to-one" }?.title)
        #expect(export.text("content")?.hasPrefix("# \(title.da)\n\n- Dato: ") == true)

        // With `lang`, the record's title and labels are all in that language.
        let english = try server.send(#"{"type":"export","session":"\#(id)","lang":"en","id":5}"#)
        let content = try #require(english.first?.text("content"))
        #expect(content.hasPrefix("# \(title.en)\n\n- Date: "), "\(content)")
        #expect(!content.contains(title.da) && content.contains("## Questions and answers"))
    }

    /// A durable session is on disk after each answer: a second server, as another process would, takes it up there.
    @Test func aDurableConversationIsTakenUpByAnotherServer() throws {
        try TemporaryFolders.with { state in
            let store = SessionStore(directory: state.appendingPathComponent("sessions").path)
            var first = try ServerInMemory(store: store)
            _ = try first.send(Self.start)
            let id = ServerInMemory.sessionID
            _ = try first.send(#"{"type":"input","session":"\#(id)","text":"Et gemt svar"}"#)
            #expect(FileManager.default.fileExists(atPath: store.path(of: SessionID(validating: id)!)))

            var second = try ServerInMemory(store: store)
            #expect(try second.send(#"{"type":"state","session":"\#(id)"}"#).last?.currentQuestion == 2)
            let exported = try second.send(#"{"type":"export","session":"\#(id)","format":"markdown"}"#)
            let record = try #require(exported.first)
            #expect(record.text("content")?.contains("Et gemt svar") == true)
            let again = Self.start.replacingOccurrences(of: #""id":"s""#, with: #""session":"\#(id)""#)
            #expect(try second.send(again).first?.text("code") == "session-exists")
        }
    }
}

// MARK: - Errors

@Suite struct JSONLinesServerErrorTests {
    /// The error line's code and whether its message is there, for one request line.
    func error(_ request: String) throws -> (code: String?, id: JSONValue?, message: String?) {
        var server = try ServerInMemory()
        let lines = try server.send(request)
        #expect(lines.count == 1 && lines.first?.type == "error")
        return (lines.first?.text("code"), lines.first?.member("id"), lines.first?.text("message"))
    }

    @Test(arguments: [
        ("not json", "invalid-json"), ("[1,2]", "not-an-object"), (#"{"type":"dance","id":3}"#, "unknown-type"),
        (#"{"type":"list","id":{"a":1}}"#, "invalid-field"), (#"{"type":"input","text":"x","id":5}"#, "missing-field"),
        (#"{"type":"state","session":"0000000000000000000000000a","id":6}"#, "unknown-session"),
        (#"{"type":"start","flow":"dans","role":"chef","id":7}"#, "unknown-name"),
        (
            #"{"type":"start","flow":"team","deck":"skanderborg","role":"leder af medarbejder","theme":"tværgående","#
                + #""participants":[""," "],"id":8}"#, "invalid-setup"
        ),
        (
            #"{"type":"start","flow":"team","deck":"skanderborg","role":"leder af medarbejder","theme":"tværgående","#
                + #""participants":["Ann","Bo","ann"],"id":9}"#, "invalid-setup"
        ),
    ])
    func aBadRequestIsOneErrorLineWithItsCode(request: String, code: String) throws {
        let answer = try error(request)
        #expect(answer.code == code)
        #expect(answer.message?.isEmpty == false)
    }

    @Test func theRequestsIdComesBackWhenItCanBeRead() throws {
        #expect(try error(#"{"type":"dance","id":3}"#).id == .number("3"))
        #expect(try error(#"{"type":"dance","id":"tre"}"#).id == .string("tre"))
        #expect(try error("not json").id == nil)
    }

    @Test func aLineThatIsNotUTF8IsSaidToBeSo() throws {
        var server = try ServerInMemory()
        let lines = try server.send(bytes: [0x22, 0xFF, 0x22])
        #expect(lines.first?.text("code") == "invalid-utf8")
        #expect(lines.first?.text("message") == "linjen er ikke gyldig UTF-8")
    }

    @Test func aLineTooLongIsAnsweredInTheServersLanguage() throws {
        let danish = try ServerInMemory().lineTooLong(limit: 200)
        #expect(danish.first?.text("code") == "line-too-long")
        #expect(danish.first?.text("message") == "linjen er længere end 200 byte og blev sprunget over")
        let english = try ServerInMemory(language: .en).lineTooLong(limit: 200)
        #expect(english.first?.text("code") == "line-too-long")
        #expect(english.first?.text("message")?.contains("200 bytes") == true)
    }
}

// MARK: - Sessions

@Suite struct JSONLinesServerSessionTests {
    /// An answer that cannot be saved is not kept: the session goes on from its file, as it was before.
    @Test func anAnswerThatCannotBeSavedLeavesTheSessionAsItWas() throws {
        try TemporaryFolders.with { state in
            let folder = state.appendingPathComponent("sessions")
            var server = try ServerInMemory(store: SessionStore(directory: folder.path))
            let started = try server.send(
                #"{"type":"start","flow":"one-to-one","role":"medarbejder","theme":"sammen sikrer"}"#)
            #expect(started.last?.currentQuestion == 1)
            let id = try #require(started.first?.text("session"))

            let moved = state.appendingPathComponent("moved")
            try FileManager.default.moveItem(at: folder, to: moved)
            try Data().write(to: folder)  // a file where the folder was: no save can succeed, even as root
            let failed = try server.send(#"{"type":"input","session":"\#(id)","text":"Svar der ikke gemmes"}"#)
            #expect(failed.count == 1 && failed.first?.text("code") == "cannot-save")

            try FileManager.default.removeItem(at: folder)
            try FileManager.default.moveItem(at: moved, to: folder)
            #expect(try server.send(#"{"type":"state","session":"\#(id)"}"#).last?.currentQuestion == 1)
            let answered = try server.send(#"{"type":"input","session":"\#(id)","text":"Svar der gemmes"}"#)
            #expect(answered.last?.currentQuestion == 2)
            let record = try server.send(#"{"type":"export","session":"\#(id)","format":"markdown"}"#)
            let content = try #require(record.first?.text("content"))
            #expect(content.contains("Svar der gemmes") && !content.contains("Svar der ikke gemmes"))
        }
    }

    /// A self-reflection on a profile of more than 20 ratings needs its areas, as a flow needs any other choice: the
    /// missing theme with the role's areas. Named, each area is a heading before its ratings.
    @Test func aSelfReflectionOnALargeProfileNeedsItsAreas() throws {
        var server = try ServerInMemory()
        let missing = try server.send(#"{"type":"start","flow":"self","deck":"skanderborg","role":"leder af leder"}"#)
        #expect(missing.count == 1 && missing.first?.text("code") == "missing-field")
        let message = try #require(missing.first?.text("message"))
        #expect(message.contains("»theme«") && message.contains("det-fundamentale-ansvar-i-rollen"), "\(message)")
        let started = try server.send(
            #"{"type":"start","flow":"self","deck":"skanderborg","role":"leder af leder","theme":"strategisk"}"#)
        #expect(started.first?.texts("themes") == ["strategisk-ledelse"])
        #expect(started.filter { $0.type == "heading" }.map { $0.text("text") } == ["Strategisk ledelse"])
    }

    /// The seesaw shows the four areas' texts as cards before the points, and asks how to give more attention to
    /// the area the task needs more of.
    @Test func theSeesawShowsTheAreasAndAsksByTheGapsDirection() throws {
        var server = try ServerInMemory()
        let started = try server.send(
            #"{"type":"start","flow":"seesaw","deck":"hjoerring-ledelse-af-kerneopgaven","role":"leder"}"#)
        let cards = started.filter { $0.type == "card" }
        #expect(cards.count == 4 && cards.allSatisfy { !$0.texts("statements").isEmpty })
        #expect(cards.first?.text("heading") == "OPTIMER MED BLIK FOR HELHEDEN")
        #expect(started.last?.type == "ask" && started.last?.text("kind") == "points")
        let id = ServerInMemory.sessionID
        _ = try server.send(#"{"type":"input","session":"\#(id)","text":"40 40 10 10"}"#)
        let gap = try server.send(#"{"type":"input","session":"\#(id)","text":"30 20 30 20"}"#)
        #expect(gap.first { $0.type == "chart" }?.number("largestGap") == 2)
        #expect(
            gap.last?.text("prompt")
                == "Hvad skal der til, for at du giver »Vær i samspil med omgivelserne« mere opmærksomhed?")
    }

    /// An energizer is not recorded unless asked, however many answers it gets; one started with `record` is.
    @Test(arguments: [false, true])
    func anEnergizerIsSavedOnlyWhenAskedTo(record: Bool) throws {
        try TemporaryFolders.with { state in
            let folder = state.appendingPathComponent("sessions")
            var server = try ServerInMemory(store: SessionStore(directory: folder.path))
            let started = try server.send(
                #"{"type":"start","flow":"energizer","role":"medarbejder","#
                    + #""theme":"sammen sikrer","seed":3,"record":\#(record)}"#)
            let id = try #require(started.first?.text("session"))
            let answered = try server.send(#"{"type":"input","session":"\#(id)","text":"Et svar"}"#)
            #expect(answered.allSatisfy { $0.type != "error" })
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            #expect(files.filter { !$0.hasPrefix(".") } == (record ? ["\(id).json"] : []))
        }
    }

    /// A token signed with the server's key whose session points outside its script: made by a worker, so damaged
    /// like a file can be (damaged-session), not a forgery (invalid-token); never a crash.
    @Test func aSignedTokenHoldingAnImpossiblePositionIsADamagedSession() throws {
        try TemporaryFolders.with { folder in
            var server = try ServerInMemory(store: SessionStore(directory: folder.path))
            let started = try server.send(
                #"{"type":"start","flow":"energizer","role":"chef","#
                    + #""theme":"sammen styrker","seed":2,"state":"inline"}"#)
            let token = try #require(started.last?.text("state"))
            let id = try #require(started.first?.text("session"))
            let parts = token.split(separator: ".").map(String.init)
            let padded = parts[2] + String(repeating: "=", count: (4 - parts[2].count % 4) % 4)
            let base64 = padded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            var payload = String(decoding: try #require(Data(base64Encoded: base64)), as: UTF8.self)
            payload = payload.replacingOccurrences(
                of: #""at":{"type":"question","step":1}"#,
                with: #""at":{"type":"question","step":9999}"#)
            #expect(payload.contains("9999"))
            let signed = "v2." + parts[1] + "." + Base64URL.encode(Array(payload.utf8))
            let code = HMACSHA256.authenticationCode(for: Array(signed.utf8), key: Array("key".utf8))
            let forged = signed + "." + Base64URL.encode(code)
            let lines = try server.send(#"{"type":"state","session":"\#(id)","state":"\#(forged)"}"#)
            #expect(lines.first?.text("code") == "damaged-session", "\(lines)")
            #expect(lines.first?.text("message")?.contains("state.at") == true)
        }
    }

    /// An answer longer than the conversation keeps is asked again, over the protocol as in the terminal.
    @Test func anOverLongAnswerIsAskedAgain() throws {
        try TemporaryFolders.with { folder in
            let store = SessionStore(directory: folder.path)
            var server = try ServerInMemory(store: store)
            let started = try server.send(
                #"{"type":"start","flow":"one-to-one","role":"medarbejder","theme":"sammen sikrer"}"#)
            let id = try #require(started.first?.text("session"))
            let saved = try store.load(try #require(SessionID(validating: id)))
            let long = String(repeating: "ord ", count: 20_000)
            for _ in 0..<3 {
                let lines = try server.send(#"{"type":"input","session":"\#(id)","text":"\#(long)"}"#)
                #expect(
                    lines.first?.type == "reask" && lines.first?.text("reason") == "too-long",
                    "\(String(describing: lines.first))")
                #expect(lines.last?.currentQuestion == 1)
            }
            // Not kept, not even in the log: a record that kept each try would grow by 80 KB a time until unreadable.
            #expect(try store.load(try #require(SessionID(validating: id))).log == saved.log)
        }
    }
}
