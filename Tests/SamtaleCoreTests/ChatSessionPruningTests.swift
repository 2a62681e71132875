import Foundation
import TestSupport
import Testing

@testable import SamtaleCore

/// Conversations started in chat: their record says where they came from, deleting one takes its thread's replies
/// with it, and pruning deletes only them, once they have been inactive for longer than the configured days.
@Suite struct ChatSessionPruningTests {
    let thread = SessionID(validating: "0123456789abcdefghjkmnpqrs")!
    let later = SessionID(validating: "1123456789abcdefghjkmnpqrs")!
    let terminal = SessionID(validating: "tvwxyz0123456789abcdefghjk")!
    let now = Timestamp(iso: "2026-11-30T12:00:00+01:00")!

    /// A conversation of one question, last changed at `time`, from chat when `chat` is true.
    func session(_ id: SessionID, at time: String, chat: Bool) -> Session {
        let script = Script(
            flowID: "one-to-one", title: "Prøve", deckTitle: "Kort", organisation: "Kommunen", source: "kilde.txt",
            roleNames: ["Medarbejder"], themeNames: [], participants: [], records: true,
            steps: [.ask(Ask(id: "q1", text: "Spørgsmål?")), .summary])
        let origin = chat ? ChatOrigin(platform: "zulip", endpoint: "/zulip", thread: thread) : nil
        var session = Session(
            id: id, setup: ConversationSetup(flow: "one-to-one", deck: "kort", roles: ["medarbejder"], chat: origin),
            script: script, at: time)
        _ = session.received(.start, at: time)
        return session
    }

    func saved(_ sessions: [Session], in folder: URL) throws -> SessionStore {
        let store = SessionStore(directory: folder.appendingPathComponent("sessions").path)
        for var session in sessions { try store.save(&session) }
        return store
    }

    func names(in store: SessionStore) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: store.directory).filter { $0 != ".lock" }.sorted()
    }

    @Test func theRecordSaysWhereAConversationInChatCameFromAndOnlyThere() throws {
        try TemporaryFolders.with { folder in
            let store = try saved(
                [
                    session(later, at: "2026-11-30T09:00:00+01:00", chat: true),
                    session(terminal, at: "2026-11-30T09:00:00+01:00", chat: false),
                ], in: folder)
            let loaded = try store.load(later)
            #expect(loaded.setup.chat == ChatOrigin(platform: "zulip", endpoint: "/zulip", thread: thread))
            #expect(
                loaded.record.member("setup")?.member("chat")
                    == .object([
                        JSONMember("platform", .string("zulip")), JSONMember("endpoint", .string("/zulip")),
                        JSONMember("thread", .string(thread.description)),
                    ]))
            #expect(try store.load(terminal).record.member("setup")?.member("chat") == nil)
            #expect(try store.load(terminal).setup.chat == nil)
        }
    }

    /// The thread names a file beside the sessions, so it is read as strictly as a session's own id.
    @Test func aRecordWhoseThreadIsNoSessionIDIsDamaged() throws {
        try TemporaryFolders.with { folder in
            let store = try saved([session(later, at: "2026-11-30T09:00:00+01:00", chat: true)], in: folder)
            let text = try String(contentsOfFile: store.path(of: later), encoding: .utf8)
            try Data(text.replacingOccurrences(of: "\"\(thread)\"", with: "\"../../x\"").utf8).write(
                to: URL(fileURLWithPath: store.path(of: later)))
            #expect(throws: SessionStoreError.self) { try store.load(later) }
            #expect(
                try store.pruneChatSessions(inactiveDays: 1, now: Timestamp(iso: "2027-06-01T00:00:00+00:00")!)
                    == ChatSessionsPruned(deleted: [], unreadable: [later]))
        }
    }

    @Test func deletingAnyConversationOfAThreadTakesTheThreadsRepliesWithIt() throws {
        try TemporaryFolders.with { folder in
            let store = try saved(
                [
                    session(thread, at: "2026-11-30T09:00:00+01:00", chat: true),
                    session(later, at: "2026-11-30T10:00:00+01:00", chat: true),
                    session(terminal, at: "2026-11-30T09:00:00+01:00", chat: false),
                ], in: folder)
            let replies = store.directory + "/\(thread).replies.json"
            try Data("[]".utf8).write(to: URL(fileURLWithPath: replies))
            try Data("[".utf8).write(to: URL(fileURLWithPath: replies + ".tmp"))
            try store.delete(terminal)
            #expect(FileManager.default.fileExists(atPath: replies))
            try store.delete(later)
            #expect(try names(in: store) == ["\(thread).json"])
        }
    }

    /// A thread's first conversation whose file is damaged no longer names its replies: deleting it takes them all
    /// the same, and pruning names it rather than pass it over for good.
    @Test func aDamagedFirstConversationIsNamedByPruningAndDeletedWithItsReplies() throws {
        try TemporaryFolders.with { folder in
            let store = try saved([session(thread, at: "2026-10-01T09:00:00+01:00", chat: true)], in: folder)
            try Data("{\"id\":".utf8).write(to: URL(fileURLWithPath: store.path(of: thread)))
            let replies = store.directory + "/\(thread).replies.json"
            try Data("[]".utf8).write(to: URL(fileURLWithPath: replies))
            try Data("[".utf8).write(to: URL(fileURLWithPath: replies + ".tmp"))
            #expect(try store.pruneChatSessions(inactiveDays: 30, now: now) == ChatSessionsPruned(unreadable: [thread]))
            #expect(try names(in: store).count == 3)
            try store.delete(thread)
            #expect(try names(in: store).isEmpty)
        }
    }

    @Test func pruningDeletesOnlyConversationsFromChatInactiveForLongerThanTheDays() throws {
        try TemporaryFolders.with { folder in
            let store = try saved(
                [
                    session(thread, at: "2026-10-31T11:59:00+01:00", chat: true),
                    session(later, at: "2026-10-31T12:01:00+01:00", chat: true),
                    session(terminal, at: "2026-01-01T09:00:00+01:00", chat: false),
                ], in: folder)
            try Data("[]".utf8).write(to: URL(fileURLWithPath: store.directory + "/\(thread).replies.json"))
            let everything = try names(in: store)
            #expect(try store.pruneChatSessions(inactiveDays: 30, now: now, dryRun: true).deleted == [thread])
            #expect(try names(in: store) == everything)
            #expect(try store.pruneChatSessions(inactiveDays: 30, now: now).deleted == [thread])
            #expect(try names(in: store) == ["\(later).json", "\(terminal).json"])
            #expect(try store.pruneChatSessions(inactiveDays: 1, now: now).deleted == [later])
            #expect(try names(in: store) == ["\(terminal).json"])
        }
    }

    @Test func aConversationMovedSinceItWasListedIsNotPruned() throws {
        try TemporaryFolders.with { folder in
            let store = try saved([session(thread, at: "2026-10-01T09:00:00+01:00", chat: true)], in: folder)
            var moved = try store.load(thread)
            _ = moved.received(.answer("Et svar"), at: "2026-11-30T11:00:00+01:00")
            try store.save(&moved)
            #expect(try store.delete(thread) { _ in false } == false)
            #expect(try store.pruneChatSessions(inactiveDays: 30, now: now) == ChatSessionsPruned())
            #expect(try names(in: store) == ["\(thread).json"])
        }
    }
}
