import Foundation
import TestSupport
import Testing

@testable import SamtaleCore

// MARK: - SessionID

@Suite struct SessionIDTests {
    @Test func acceptsTwentySixCharactersOfTheAlphabet() throws {
        let id = try #require(SessionID(validating: "0123456789abcdefghjkmnpqrs"))
        #expect(id.description == "0123456789abcdefghjkmnpqrs")
        #expect(SessionID(validating: "tvwxyz0123456789abcdefghjk") != nil)
    }

    @Test(arguments: [
        "../x", "/etc/passwd", "", "0123456789ABCDEFGHJKMNPQRS", "0123456789abcdefghjkmnpqr",
        "0123456789abcdefghjkmnpqrst",
        "../aaaaaaaaaaaaaaaaaaaaaaa", "0123456789abcdefghjkmnpqr/", "0123456789abcdefghjkmnpqri",
        "0123456789abcdefghjkmnpqrl",
        "0123456789abcdefghjkmnpqro", "0123456789abcdefghjkmnpqru", "0123456789abcdefghjkmnpqræ",
        " 123456789abcdefghjkmnpqrs",
    ])
    func refusesAnythingElse(text: String) {
        #expect(SessionID(validating: text) == nil)
    }

    @Test func encodesAsAPlainStringAndChecksOnDecoding() throws {
        let id = try #require(SessionID(validating: "0123456789abcdefghjkmnpqrs"))
        let encoded = try JSONEncoder().encode([id])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["0123456789abcdefghjkmnpqrs"]"#)
        #expect(try JSONDecoder().decode([SessionID].self, from: encoded) == [id])
        #expect {
            try JSONDecoder().decode([SessionID].self, from: Data(#"["../../etc/passwd"]"#.utf8))
        } throws: { error in
            guard case DecodingError.dataCorrupted = error else { return false }
            return true
        }
    }

    @Test func generatedIDsAreValidAndDistinct() {
        var generator = SplitMix64(seed: 20_240_611)
        let ids = (0..<10_000).map { _ in SessionID.generate(using: &generator) }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(SessionID(validating: id.description) == id)
            #expect("01234567".contains(id.description.first!))
        }
    }

    @Test func generatedIDsSpellTheirBitsAndSortAsNumbers() {
        var zeros = Constant(value: 0)
        var ones = Constant(value: .max)
        var one = Replay(values: [0, 1])
        var top = Replay(values: [1 << 63, 0])
        #expect(SessionID.generate(using: &zeros).description == "00000000000000000000000000")
        #expect(SessionID.generate(using: &ones).description == "7zzzzzzzzzzzzzzzzzzzzzzzzz")
        #expect(SessionID.generate(using: &one).description == "00000000000000000000000001")
        #expect(SessionID.generate(using: &top).description == "40000000000000000000000000")
        var generator = SplitMix64(seed: 7)
        let ids = (0..<100).map { _ in SessionID.generate(using: &generator) }
        #expect(ids.sorted() == ids.sorted { $0.description < $1.description })
    }

    /// A generator that always gives the same value.
    private struct Constant: RandomNumberGenerator {
        let value: UInt64

        mutating func next() -> UInt64 {
            value
        }
    }

    /// A generator that gives the values in order.
    private struct Replay: RandomNumberGenerator {
        var values: [UInt64]

        mutating func next() -> UInt64 {
            values.removeFirst()
        }
    }
}

// MARK: - SessionStore

@Suite struct SessionStoreTests {
    let first = SessionID(validating: "0123456789abcdefghjkmnpqrs")!
    let second = SessionID(validating: "tvwxyz0123456789abcdefghjk")!

    @Test func loadsWhatWasSavedAndCountsRevisions() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder + "/sessions")
            var session = makeSession(first, answers: ["Vi taler om trivsel"])
            #expect(session.revision == 0)
            try store.save(&session)
            #expect(session.revision == 1)
            #expect(try store.load(first) == session)
            session.answer("Og om arbejdsglæde")
            try store.save(&session)
            #expect(session.revision == 2)
            #expect(try store.load(first) == session)
            #expect(store.path(of: first) == folder + "/sessions/0123456789abcdefghjkmnpqrs.json")
            #expect(try entries(of: store.directory) == [".lock", "0123456789abcdefghjkmnpqrs.json"])
        }
    }

    @Test func filesAre0600InAFolderOf0700() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder + "/state/samtale/sessions")
            var session = makeSession(first)
            try store.save(&session)
            #expect(try permissions(of: store.path(of: first)) == 0o600)
            #expect(try permissions(of: store.directory + "/.lock") == 0o600)
            #expect(try permissions(of: store.directory) == 0o700)
            #expect(try permissions(of: folder + "/state/samtale") == 0o700)
        }
    }

    @Test func anOpenFolderIsTightenedTo0700() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder + "/sessions")
            try FileManager.default.createDirectory(
                atPath: store.directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755]
            )
            var session = makeSession(first)
            try store.save(&session)
            #expect(try permissions(of: store.directory) == 0o700)
        }
    }

    /// A sessions folder that is a symbolic link is used, but the folder it points to is not samtale's to change:
    /// a private one works, an open one is refused and left as it was.
    @Test func aLinkedFolderIsUsedButNeverChanged() throws {
        try withTemporaryFolder { folder in
            try FileManager.default.createDirectory(
                atPath: folder + "/private", withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700]
            )
            try FileManager.default.createDirectory(
                atPath: folder + "/shared", withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755]
            )
            try FileManager.default.createSymbolicLink(
                atPath: folder + "/mine", withDestinationPath: folder + "/private")
            try FileManager.default.createSymbolicLink(
                atPath: folder + "/ours", withDestinationPath: folder + "/shared")
            var session = makeSession(first)
            try SessionStore(directory: folder + "/mine").save(&session)
            #expect(FileManager.default.fileExists(atPath: folder + "/private/\(first).json"))

            var other = makeSession(second)
            #expect(throws: SessionStoreError.openToOthers(path: folder + "/ours")) {
                try SessionStore(directory: folder + "/ours").save(&other)
            }
            #expect(try permissions(of: folder + "/shared") == 0o755)
            #expect(try entries(of: folder + "/shared").isEmpty)
        }
    }

    @Test func listsOnlySessionFilesSortedAndSweepsWhatKilledSavesLeft() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            var one = makeSession(first)
            var two = makeSession(second)
            try store.save(&two)
            try store.save(&one)
            let strays = [".0123456789abcdefghjkmnpqrs.tmp-123-0", ".tvwxyz0123456789abcdefghjk.tmp"]
            let others = [
                ".tvwxyz0123456789abcdefghjk.json", ".my.tmpl", ".tmp-notes", ".tvwxyz0123456789abcdefghjk.tmp.bak",
                ".0123456789abcdefghjkmnpqrs.tmp-1-x", "notes.txt", "x.json", "0123456789ABCDEFGHJKMNPQRS.json",
                "0123456789abcdefghjkmnpqrs.json.bak", "0123456789abcdefghjkmnpqri.json", "00000000000000000000000000",
            ]
            for name in strays + others { try write("stray", to: folder + "/" + name) }
            try FileManager.default.createDirectory(atPath: folder + "/subfolder", withIntermediateDirectories: false)
            #expect(try store.list() == [first, second])
            let left = try entries(of: folder)
            #expect(strays.allSatisfy { !left.contains($0) })
            #expect(others.allSatisfy { left.contains($0) })
        }
    }

    @Test func aMissingFolderHasNoSessions() throws {
        try withTemporaryFolder { folder throws in
            #expect(try SessionStore(directory: folder + "/never/made").list() == [])
            #expect(throws: SessionStoreError.notFound(first)) {
                try SessionStore(directory: folder + "/never/made").delete(first)
            }
        }
    }

    @Test func aMissingSessionIsNotFound() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            #expect(throws: SessionStoreError.notFound(first)) { try store.load(first) }
            #expect(throws: SessionStoreError.notFound(first)) { try store.delete(first) }
        }
    }

    @Test func deletingRemovesTheFileAndTheCopyAKilledSaveLeft() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            var one = makeSession(first)
            var two = makeSession(second)
            try store.save(&one)
            try store.save(&two)
            try write("{\"half a save", to: folder + "/.\(first).tmp")
            try store.delete(first)
            #expect(try store.list() == [second])
            #expect(throws: SessionStoreError.notFound(first)) { try store.load(first) }
            #expect(try entries(of: folder) == [".lock", "\(second).json"])
        }
    }

    @Test func aSymbolicLinkInPlaceOfASessionIsRefused() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder + "/sessions")
            var session = makeSession(second)
            try store.save(&session)
            try write("secret", to: folder + "/elsewhere.json")
            try FileManager.default.createSymbolicLink(
                atPath: store.path(of: first), withDestinationPath: folder + "/elsewhere.json"
            )
            #expect(throws: SessionStoreError.notAFile(path: store.path(of: first))) {
                try store.load(first)
            }
        }
    }

    /// A file too large to be a session is refused before it is read.
    @Test func aFileTooLargeToBeASessionIsRefusedUnread() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            #expect(FileManager.default.createFile(atPath: store.path(of: first), contents: nil))
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: store.path(of: first)))
            try handle.truncate(atOffset: UInt64(SessionStore.largestFile + 1))
            try handle.close()
            #expect(throws: SessionStoreError.tooLarge(path: store.path(of: first), size: SessionStore.largestFile + 1))
            {
                try store.load(first)
            }
        }
    }

    /// A save that would write more than reading takes is refused, and the file keeps the revision before: else the
    /// conversation would be lost for good. Control characters make an answer six times longer in JSON, so a
    /// person can reach the limit by answering one question again and again.
    @Test func aSessionTooLargeToReadAgainIsNeverWritten() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            var session = makeSession(first)
            try store.save(&session)
            let saved = session
            let answer = String(repeating: "\u{1}", count: 60_000)
            for _ in 0..<200 {
                _ = session.received(.answer(answer), at: "2026-11-30T09:01:00+01:00")
                _ = session.received(.command(.back), at: "2026-11-30T09:01:00+01:00")
            }
            #expect {
                try store.save(&session)
            } throws: { error in
                guard case SessionStoreError.tooLargeToSave(first, let size) = error else { return false }
                return size > SessionStore.largestFile
            }
            #expect(try store.load(first) == saved)
        }
    }

    /// An answer the conversation refuses is not taken, so the log does not keep it either: tried again and again,
    /// it would make the file grow without end.
    @Test func aRefusedAnswerIsNotLogged() {
        var session = makeSession(first)
        let log = session.log
        let actions = session.received(.answer("   "), at: "2026-11-30T09:01:00+01:00")
        #expect(actions.first == .reask(.emptyAnswer))
        #expect(session.log == log)
    }

    /// A FIFO would block a reader for ever, a device never end: only a regular file is read as a session.
    @Test func aFIFOInPlaceOfASessionIsRefusedAtOnce() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            #expect(mkfifo(store.path(of: first), 0o600) == 0)
            #expect(throws: SessionStoreError.notAFile(path: store.path(of: first))) {
                try store.load(first)
            }
        }
    }

    @Test func aFolderUnderARegularFileCannotBeCreated() throws {
        try withTemporaryFolder { folder in
            try write("not a folder", to: folder + "/state")
            let store = SessionStore(directory: folder + "/state/sessions")
            var session = makeSession(first)
            #expect(throws: SessionStoreError.cannotCreate(path: store.directory, code: ENOTDIR)) {
                try store.save(&session)
            }
        }
    }

    @Test func aSessionFolderThatIsAFileCannotBeCreated() throws {
        try withTemporaryFolder { folder in
            try write("not a folder", to: folder + "/sessions")
            let store = SessionStore(directory: folder + "/sessions")
            var session = makeSession(first)
            #expect(throws: SessionStoreError.cannotCreate(path: store.directory, code: ENOTDIR)) {
                try store.save(&session)
            }
        }
    }

    /// A process killed mid-save leaves a partial temporary file: the session still loads as last saved, the
    /// stray is not listed, and the next save works.
    @Test func aSaveCutShortLeavesTheLastCompleteSave() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            var session = makeSession(first, answers: ["en", "to"])
            try store.save(&session)
            try write(#"{"answers":["en","to","tr"#, to: folder + "/.\(first).tmp")
            try write(#"{"answers":["en","#, to: folder + "/.\(first).tmp-99999-0")
            #expect(try store.load(first) == session)
            #expect(try store.list() == [first])

            session.answer("tre")
            try store.save(&session)
            #expect(try store.load(first) == session)
            #expect(try entries(of: folder) == [".lock", "\(first).json"])
        }
    }

    // MARK: - Two holders of one session

    /// Two processes read the session; the one that saves second holds a stale copy and is refused: the first one's
    /// answer stays, and the refused copy is left as it was, so its holder can tell its user what happened.
    @Test func aStaleCopyIsRefusedAndOverwritesNothing() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            var original = makeSession(first, answers: ["fælles svar"])
            try store.save(&original)
            var terminal = try store.load(first)
            var server = try store.load(first)
            terminal.answer("fra terminalen")
            try store.save(&terminal)
            server.answer("fra serveren")
            let stale = server
            #expect(throws: SessionStoreError.changed(first)) { try store.save(&server) }
            #expect(server == stale)
            #expect(try store.load(first) == terminal)
        }
    }

    @Test func aDeletedSessionStaysDeleted() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            var session = makeSession(first, answers: ["et svar"])
            try store.save(&session)
            try store.delete(first)
            session.answer("et svar mere")
            #expect(throws: SessionStoreError.deleted(first)) { try store.save(&session) }
            #expect(try store.list() == [])
        }
    }

    /// A session deleted and started again under its id counts its revisions from 0 again; a program still holding
    /// the deleted one is refused all the same, and the new one's answers stay.
    @Test func aSessionStartedAgainAfterADeleteIsAnotherOne() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            var deleted = makeSession(first, answers: ["første gang"])
            try store.save(&deleted)
            deleted.answer("første gang, andet svar")
            try store.save(&deleted)
            var stale = try store.load(first)
            try store.delete(first)
            var again = makeSession(first, answers: ["anden gang"])
            try store.save(&again)
            again.answer("anden gang, andet svar")
            try store.save(&again)
            #expect(stale.revision == again.revision && stale.instance != again.instance)
            stale.answer("fra den slettede")
            #expect(throws: SessionStoreError.changed(first)) { try store.save(&stale) }
            #expect(try store.load(first) == again)
        }
    }

    /// A revision that the next save could not count up is no file samtale wrote: it is damaged, never a trap.
    @Test func aRevisionAtTheIntegerLimitIsDamage() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            try saveFirst(in: store, atRevision: Int.max)
            #expect(
                throws: SessionStoreError.damaged(
                    path: store.path(of: first),
                    .damaged(.field(path: "revision", problem: .outOfRange)))
            ) {
                try store.load(first)
            }
        }
    }

    /// The last revision a file may hold is read, and a save of it refused as damaged, never counted up into a trap.
    @Test func theLastRevisionIsNeverCountedUp() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            try saveFirst(in: store, atRevision: Int.max - 1)
            var loaded = try store.load(first)
            try store.save(&loaded)
            #expect(loaded.revision == Int.max)
            #expect(
                throws: SessionStoreError.damaged(
                    path: store.path(of: first),
                    .damaged(.field(path: "revision", problem: .outOfRange)))
            ) {
                try store.save(&loaded)
            }
        }
    }

    @Test func aNewSessionNeverReplacesOneWithItsID() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            var saved = makeSession(first, answers: ["gemt"])
            try store.save(&saved)
            var newcomer = makeSession(first)
            #expect(throws: SessionStoreError.changed(first)) { try store.save(&newcomer) }
            #expect(try store.load(first) == saved)
        }
    }

    /// Files written before revisions were counted read as revision 1 and save on from there.
    @Test func aFileFromAnEarlierReleaseSavesOn() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            let earlier = try SessionMigrationTests.fixture("paused-one-to-one-before-revisions")
            #expect(!earlier.contains("\"revision\"") && !earlier.contains("\"instance\""))
            let id = try SessionMigrationTests.migrated("paused-one-to-one-before-revisions").id
            try write(earlier, to: store.path(of: id))
            var loaded = try store.load(id)
            #expect(loaded.revision == 1 && loaded.instance == nil)
            loaded.answer("nyt svar")
            try store.save(&loaded)
            #expect(try store.load(id).revision == 2)
        }
    }

    @Test func aFileRenamedToAnotherIDIsDamaged() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            var session = makeSession(first)
            try store.save(&session)
            try FileManager.default.copyItem(atPath: store.path(of: first), toPath: store.path(of: second))
            let damage = SessionDamage.idMismatch(file: second.description, inside: first.description)
            #expect(throws: SessionStoreError.damaged(path: store.path(of: second), .damaged(damage))) {
                try store.load(second)
            }
        }
    }

    /// A save never waits for ever on a lock another process holds (a process stopped mid-save).
    @Test func aLockHeldElsewhereIsReportedAsBusy() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder, lockPatienceMilliseconds: 50)
            var session = makeSession(first)
            try store.save(&session)
            let holder = open(folder + "/.lock", O_RDWR)
            #expect(flock(holder, LOCK_EX) == 0)
            defer { close(holder) }
            session.answer("venter")
            #expect(throws: SessionStoreError.busy(first)) { try store.save(&session) }
            #expect(throws: SessionStoreError.busy(first)) { try store.delete(first) }
            #expect(try store.load(first).revision == 1)
        }
    }

    /// Many holders of one session saving at once: each save either lands whole on the revision it read, or is
    /// refused; none is lost silently, so the file's revision counts exactly the saves that were told they landed.
    @Test func savesFromManyTasksAtOnceLandWholeOrAreRefused() async throws {
        let folder = try TemporaryFolders.make()
        defer { TemporaryFolders.remove(folder) }
        let store = SessionStore(directory: folder.path + "/sessions")
        var session = makeSession(first)
        try store.save(&session)
        let id = first
        let landed = await withTaskGroup(of: Bool.self) { group in
            for number in 0..<32 {
                group.addTask {
                    guard var copy = try? store.load(id) else { return false }
                    copy.answer("svar \(number)")
                    return (try? store.save(&copy)) != nil
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(landed >= 1)
        #expect(try store.load(id).revision == 1 + landed)
        #expect(try entries(of: store.directory) == [".lock", "\(id).json"])
    }

    // MARK: - Default folder

    @Test(
        arguments: [
            (["SAMTALE_STATE_DIR": "/s", "XDG_STATE_HOME": "/x", "HOME": "/h"], "/s/sessions"),
            (["SAMTALE_STATE_DIR": "/s/", "HOME": "/h"], "/s/sessions"),
            (["SAMTALE_STATE_DIR": "", "XDG_STATE_HOME": "/x", "HOME": "/h"], "/x/samtale/sessions"),
            (["XDG_STATE_HOME": "/x", "HOME": "/h"], "/x/samtale/sessions"),
            (["SAMTALE_STATE_DIR": "", "XDG_STATE_HOME": "", "HOME": "/h"], "/h/.local/state/samtale/sessions"),
            (["XDG_STATE_HOME": "relative/state", "HOME": "/h"], "/h/.local/state/samtale/sessions"),
            (["HOME": "/h"], "/h/.local/state/samtale/sessions"),
            (["HOME": "/h/"], "/h/.local/state/samtale/sessions"),
            (["SAMTALE_STATE_DIR": "", "XDG_STATE_HOME": "", "HOME": ""], nil),
            ([:], nil),
        ] as [([String: String], String?)])
    func defaultDirectory(environment: [String: String], expected: String?) {
        #expect(SessionStore.defaultDirectory { environment[$0] } == expected)
    }

    // MARK: - Helpers

    /// Saves a session under `first`, then writes its file over with another revision, as a hand or a bug might.
    private func saveFirst(in store: SessionStore, atRevision revision: Int) throws {
        var session = makeSession(first)
        try store.save(&session)
        let text = try String(contentsOfFile: store.path(of: first), encoding: .utf8)
        try write(
            text.replacingOccurrences(of: "\"revision\": 1,", with: "\"revision\": \(revision),"),
            to: store.path(of: first))
    }

    /// A session of three open questions, with `answers` given to the first of them.
    private func makeSession(_ id: SessionID, answers: [String] = []) -> Session {
        let asks = (1...3).map { ScriptStep.ask(Ask(id: "q\($0)", text: "Spørgsmål \($0)?")) }
        let script = Script(
            flowID: "one-to-one", title: "Prøve", deckTitle: "Kort", organisation: "Kommunen",
            source: "kilde.txt", roleNames: ["Medarbejder"], themeNames: [], participants: [],
            records: true, steps: asks + [.summary])
        var session = Session(
            id: id, setup: ConversationSetup(flow: "one-to-one", deck: "kort", roles: ["medarbejder"]),
            script: script, at: "2026-11-30T09:00:00+01:00")
        _ = session.received(.start, at: "2026-11-30T09:00:00+01:00")
        for answer in answers { session.answer(answer) }
        return session
    }

    /// Runs `body` with a fresh, empty folder that is removed afterwards.
    private func withTemporaryFolder(_ body: (String) throws -> Void) throws {
        try TemporaryFolders.with { try body($0.path) }
    }

    private func permissions(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    private func entries(of folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}

extension Session {
    /// Answers the question asked now.
    fileprivate mutating func answer(_ text: String) {
        _ = received(.answer(text), at: "2026-11-30T09:05:00+01:00")
    }
}
