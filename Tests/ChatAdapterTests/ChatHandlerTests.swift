import Foundation
import SamtaleCore
import SamtaleDecks
import TestSupport
import Testing

@testable import ChatAdapter

/// The handler in this process, with Zulip's requests (the token in the body) and a session folder of its own.
@Suite struct ChatHandlerTests {
    static let token = "xvOzfurIutdRRVLzpXrIIHXJvNfaJLJ0"

    /// A handler whose endpoints are `/zulip` (no flow) and `/ohne` (no secret), and what it said on stderr.
    final class Handler {
        let folder: URL
        var notices: [Localized] = []
        private(set) var handler: ChatHandler!

        /// `clock` gives the time each event is logged at.
        init(clock: @escaping @Sendable () -> String = { "2026-11-26T09:00:00+01:00" }) throws {
            folder = try TemporaryFolders.make()
            let configuration = try ChatConfiguration.decode(
                Array(
                    """
                    {"endpoints": [{"path": "/zulip", "platform": "zulip", "secretEnv": "TOKEN"},
                                   {"path": "/ohne", "platform": "zulip", "secretEnv": "UNSET"}]}
                    """.utf8))
            let catalog = try Catalog.load(builtin: BuiltinDecks.all, files: [])
            handler = ChatHandler(
                configuration: configuration,
                environment: ChatHandler.Environment(
                    catalog: catalog, flows: try BuiltinFlows.files.map { try FlowDecoder.decode($0.bytes) },
                    store: SessionStore(directory: folder.path), language: .da,
                    clock: clock, randomSeed: { 1 },
                    verifier: { endpoint throws(ChatSecretError) in
                        try ChatVerifier(
                            platform: endpoint.platform,
                            secrets: endpoint.secretValues(
                                environment: { $0 == "TOKEN" ? ChatHandlerTests.token : nil },
                                readFile: { _ in .unreadable(reason: Localized(da: "", en: "")) }))
                    },
                    notice: { [unowned self] in notices.append($0) }))
        }

        func respond(
            _ method: HTTPMethod, _ path: String, _ text: String, token: String = ChatHandlerTests.token, id: Int = 1
        ) -> HTTPResponse {
            let body = JSONWriter.bytes(
                .object([
                    JSONMember("data", .string(text)), JSONMember("token", .string(token)),
                    JSONMember(
                        "message",
                        .object([
                            JSONMember("id", .integer(id)), JSONMember("sender_id", .integer(5)),
                            JSONMember("type", .string("private")),
                            JSONMember("display_recipient", .array([.object([JSONMember("id", .integer(5))])])),
                        ])),
                ]))
            let request = HTTPRequest(
                method: method, path: path, query: nil,
                headers: HTTPHeaders([HTTPField(name: "Content-Type", value: "application/json")]), body: body)
            return handler.respond(to: request, now: Timestamp(secondsSinceEpoch: 1_795_680_000))
        }

        /// The files kept, without the lock files, which hold nothing.
        var files: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
        }
    }

    @Test func anEndpointWithoutAFlowListsTheFlowsAndKeepsNothing() throws {
        let handler = try Handler()
        let response = handler.respond(.post, "/zulip", "hej")
        #expect(response.status == .ok)
        let content = try #require(try JSONParser.parse(response.body).member("content"))
        guard case .string(let text) = content else { throw CocoaError(.coderInvalidValue) }
        #expect(text.hasPrefix("Hvilken slags samtale?\n- one-to-one: 1:1-samtale – "))
        #expect(text.hasSuffix("\nSkriv »start« og navnet på den samtaleform, du vil bruge, fx »start one-to-one«."))
        // The team dialogue needs its participants in chat.json, which this endpoint does not name.
        #expect(!text.contains("- team:"))
        #expect(text.contains("- self:"))
        #expect(handler.files.isEmpty)
        #expect(handler.notices.isEmpty)
    }

    @Test func startNamesTheFlowAndTheDeck() throws {
        let handler = try Handler()
        let response = handler.respond(.post, "/zulip", "start self skanderborg")
        #expect(String(decoding: response.body, as: UTF8.self).contains("Skanderborg Kommune"))
        #expect(handler.files.filter { $0.hasSuffix(".json") }.sorted().count == 2)
        #expect(handler.notices.isEmpty)
    }

    /// `fortsæt` sent again where nothing is paused asks the question again; it is no answer.
    @Test func aResumeWordWhereNothingIsPausedIsNoAnswer() {
        #expect(ChatHandler.event("fortsæt") == .command(.repeat))
        #expect(ChatHandler.event(" Continue ") == .command(.repeat))
        #expect(ChatHandler.event("fortsæt med det") == Event(input: "fortsæt med det"))
        // Some clients put a byte order mark or a zero-width space around a word.
        #expect(ChatHandler.event("\u{FEFF}spring") == .command(.skip))
        #expect(ChatHandler.event("spring\u{200B}") == .command(.skip))
    }

    /// A refusal written for the command line reads as a sentence in chat: a capital letter and a full stop.
    @Test func anUnknownFlowIsSaidAsASentence() throws {
        let handler = try Handler()
        let response = handler.respond(.post, "/zulip", "start nonsens")
        let content = try #require(try JSONParser.parse(response.body).member("content"))
        guard case .string(let text) = content else { throw CocoaError(.coderInvalidValue) }
        #expect(text.hasPrefix("Ukendt samtaleform »nonsens«"), "\(text)")
        #expect(text.hasSuffix("."))
        #expect(handler.files.isEmpty)
    }

    /// A command word where no conversation is open (a second `slut`, a `spring` sent twice) starts none.
    @Test func aCommandWordWithoutAConversationStartsNone() throws {
        let handler = try Handler()
        for word in ["spring", "slut", "hjælp", "fortsæt"] {
            let response = handler.respond(.post, "/zulip", word)
            let content = try #require(try JSONParser.parse(response.body).member("content"))
            #expect(content == .string("Der er ingen samtale i gang her. Skriv »start« for at begynde en ny."))
        }
        #expect(handler.files.isEmpty)
    }

    /// Another program (a `talk --resume`) saves the session between the handler's reading and saving it: the
    /// refused save wrote nothing, so the message is applied to the session as that program left it.
    @Test func aSessionSavedMeanwhileElsewhereStillTakesTheMessageOnce() throws {
        let interloper = Interloper()
        let handler = try Handler(clock: { interloper.saveOnce() })
        interloper.store = SessionStore(directory: handler.folder.path)
        #expect(handler.respond(.post, "/zulip", "start self skanderborg").status == .ok)
        interloper.armed = true
        let response = handler.respond(.post, "/zulip", "3", id: 2)
        #expect(response.status == .ok)
        #expect(String(decoding: response.body, as: UTF8.self).contains("Spørgsmål 2 af "))
        let session = try interloper.store.load(try #require(try interloper.store.list().first))
        #expect(session.log.map(\.event).suffix(2) == [.command(.repeat), .answer("3")])
    }

    /// Saves the one session in its store once, when armed, as a program beside the handler would.
    final class Interloper: @unchecked Sendable {
        var store = SessionStore(directory: "/nonexistent")
        var armed = false

        func saveOnce() -> String {
            let time = "2026-11-26T09:00:00+01:00"
            guard armed, let id = try? store.list().first, var session = try? store.load(id) else { return time }
            armed = false
            _ = session.received(.command(.repeat), at: time)
            try? store.save(&session)
            return time
        }
    }

    @Test func refusalsTouchNoFile() throws {
        let handler = try Handler()
        #expect(handler.respond(.post, "/andet", "hej").status == .notFound)
        #expect(handler.respond(.post, "/zulip", "hej", token: "forkert").status == .unauthorized)
        #expect(handler.respond(.get, "/zulip", "") == HTTPResponse(status: .ok))
        #expect(handler.files.isEmpty)
    }

    @Test func anEndpointWithoutItsSecretAnswers500AndSaysWhyOnlyToTheOperator() throws {
        let handler = try Handler()
        #expect(handler.respond(.post, "/ohne", "hej") == HTTPResponse(status: .internalServerError))
        #expect(
            handler.notices.map(\.en) == [ChatSecretError.unsetVariable(endpoint: "/ohne", name: "UNSET").message.en])
    }

    @Test(arguments: [
        ("spring", Event.command(.skip)), ("  Spring ", .command(.skip)), ("/skip", .command(.skip)),
        ("slut", .command(.end)), ("hjælp", .command(.help)), ("spring over", .answer("spring over")),
        ("/ukendt", .unknownCommand("/ukendt")),
    ])
    func commandWordsNeedNoSlash(_ text: String, _ event: Event) {
        #expect(ChatHandler.event(text) == event)
    }

    @Test func eachThreadAndEachConversationInItHasAnIdOfItsOwn() {
        let first = ChatHandler.sessionID(path: "/zulip", conversation: "direct/5", number: 0)
        #expect(first == ChatHandler.sessionID(path: "/zulip", conversation: "direct/5", number: 0))
        let others = [
            ChatHandler.sessionID(path: "/zulip", conversation: "direct/5", number: 1),
            ChatHandler.sessionID(path: "/zulip", conversation: "direct/6", number: 0),
            ChatHandler.sessionID(path: "/zulip2", conversation: "direct/5", number: 0),
        ]
        #expect(Set(others + [first]).count == 4)
        #expect(SessionID(validating: first.description) == first)
    }
}
