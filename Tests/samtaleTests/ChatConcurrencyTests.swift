import Foundation
import SamtaleCore
import Testing

/// Messages of one thread through many `chat serve --stdio` processes at once, as inetd and systemd's `Accept=yes`
/// start them: each message moves the conversation exactly once, and none is refused for another's save.
@Suite struct ChatConcurrencyTests {
    /// Eight answers at once, each sent twice (a platform's retry while the first is still answered): every
    /// process answers 200, and the session holds each answer once.
    @Test func answersAtOnceInOneThreadAreEachSavedOnce() throws {
        let server = try ChatServeTests.Server()
        _ = try server.text(try server.zulip("hej", id: 1), "content")
        let answers = (0..<8).map { "Svar nummer \($0)" }
        let running = try answers.enumerated().flatMap { number, answer in
            try (0..<2).map { copy in
                let input = server.folder.appendingPathComponent("request-\(number)-\(copy).http")
                try Data(ChatServeTests.Server.zulip(answer, id: 100 + number)).write(to: input)
                return try Samtale.start(
                    ["chat", "serve", "--stdio", "--config", server.folder.appendingPathComponent("chat.json").path],
                    in: server.folder, environment: server.environment, standardInput: input)
            }
        }
        var replies: [String: Set<String>] = [:]
        for (index, process) in running.enumerated() {
            let result = try process.wait()
            #expect(result.stdout.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(result.stdout)\(result.stderr)")
            replies[answers[index / 2], default: []].insert(result.stdout)
        }
        // A retry gets the very reply its message got.
        #expect(replies.values.allSatisfy { $0.count == 1 })
        let store = SessionStore(directory: server.folder.appendingPathComponent("state/sessions").path)
        #expect(try store.list().count == 1)
        let session = try store.load(try #require(try store.list().first))
        let saved = session.log.compactMap { entry -> String? in
            guard case .answer(let text) = entry.event else { return nil }
            return text
        }
        #expect(saved.sorted() == answers)
    }

    /// A conversation paused in chat and taken up by an answer: the answer is saved and the next question follows;
    /// `fortsæt` only takes it up.
    @Test func anAnswerAfterAPauseIsSavedAndTheNextQuestionFollows() throws {
        let server = try ChatServeTests.Server()
        _ = try server.text(try server.zulip("hej", id: 1), "content")
        #expect(try server.text(try server.zulip("pause", id: 2), "content").hasPrefix("Samtalen er sat på pause"))
        #expect(try server.text(try server.zulip("Mit første svar", id: 3), "content").hasPrefix("Spørgsmål 2 af 4\n"))
        #expect(try server.text(try server.zulip("pause", id: 4), "content").hasPrefix("Samtalen er sat på pause"))
        #expect(try server.text(try server.zulip("fortsæt", id: 5), "content").hasPrefix("Spørgsmål 2 af 4\n"))
        #expect(try server.text(try server.zulip("Mit andet svar", id: 6), "content").hasPrefix("Spørgsmål 3 af 4\n"))
        let store = SessionStore(directory: server.folder.appendingPathComponent("state/sessions").path)
        #expect(try store.list().count == 1)
        let session = try store.load(try #require(try store.list().first))
        #expect(
            session.log.map(\.event) == [
                .start, .command(.pause), .resume, .answer("Mit første svar"), .command(.pause), .resume,
                .answer("Mit andet svar"),
            ])
    }
}
