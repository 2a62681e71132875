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
        "../x", "/etc/passwd", "", "0123456789ABCDEFGHJKMNPQRS", "0123456789abcdefghjkmnpqr", "0123456789abcdefghjkmnpqrst",
        "../aaaaaaaaaaaaaaaaaaaaaaa", "0123456789abcdefghjkmnpqr/", "0123456789abcdefghjkmnpqri", "0123456789abcdefghjkmnpqrl",
        "0123456789abcdefghjkmnpqro", "0123456789abcdefghjkmnpqru", "0123456789abcdefghjkmnpqræ", " 123456789abcdefghjkmnpqrs",
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

    @Test func loadsWhatWasSaved() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder + "/sessions")
            let bytes = Array(#"{"step":3,"answers":["Vi taler om trivsel"]}"#.utf8)
            try store.save(bytes, for: first)
            try store.save([], for: second)
            #expect(try store.load(first) == bytes)
            #expect(try store.load(second) == [])
            #expect(store.path(of: first) == folder + "/sessions/0123456789abcdefghjkmnpqrs.json")
        }
    }

    @Test func loadsAFileLargerThanOneRead() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            try store.save(bytes, for: first)
            #expect(try store.load(first) == bytes)
        }
    }

    @Test func overwritingKeepsOnlyTheLatest() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder + "/sessions")
            try store.save(Array("first, and longer than the second".utf8), for: first)
            try store.save(Array("second".utf8), for: first)
            #expect(try store.load(first) == Array("second".utf8))
            #expect(try entries(of: store.directory) == ["0123456789abcdefghjkmnpqrs.json"])
        }
    }

    @Test func filesAre0600InAFolderOf0700() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder + "/state/samtale/sessions")
            try store.save(Array("{}".utf8), for: first)
            #expect(try permissions(of: store.path(of: first)) == 0o600)
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
            #expect(try permissions(of: store.directory) == 0o755)
            try store.save(Array("{}".utf8), for: first)
            #expect(try permissions(of: store.directory) == 0o700)
        }
    }

    @Test func listsOnlySessionFilesSorted() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            try store.save(Array("{}".utf8), for: second)
            try store.save(Array("{}".utf8), for: first)
            for stray in [
                ".0123456789abcdefghjkmnpqrs.tmp-123-0", ".tvwxyz0123456789abcdefghjk.json", "notes.txt", "x.json",
                "0123456789ABCDEFGHJKMNPQRS.json", "0123456789abcdefghjkmnpqrs.json.bak", "0123456789abcdefghjkmnpqri.json",
                "00000000000000000000000000",
            ] {
                try write("stray", to: folder + "/" + stray)
            }
            try FileManager.default.createDirectory(atPath: folder + "/subfolder", withIntermediateDirectories: false)
            #expect(try store.list() == [first, second])
        }
    }

    @Test func aMissingFolderHasNoSessions() throws {
        try withTemporaryFolder { folder throws in
            #expect(try SessionStore(directory: folder + "/never/made").list() == [])
        }
    }

    @Test func aMissingSessionIsNotFound() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            #expect(throws: SessionStoreError.notFound(first)) { try store.load(first) }
            #expect(throws: SessionStoreError.notFound(first)) { try store.delete(first) }
        }
    }

    @Test func deletingRemovesTheFile() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            try store.save(Array("{}".utf8), for: first)
            try store.save(Array("{}".utf8), for: second)
            try store.delete(first)
            #expect(try store.list() == [second])
            #expect(throws: SessionStoreError.notFound(first)) { try store.load(first) }
        }
    }

    @Test func aSymbolicLinkInPlaceOfASessionIsRefused() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder + "/sessions")
            try store.save(Array("{}".utf8), for: second)
            try write("secret", to: folder + "/elsewhere.json")
            try FileManager.default.createSymbolicLink(
                atPath: store.path(of: first), withDestinationPath: folder + "/elsewhere.json"
            )
            #expect {
                try store.load(first)
            } throws: { error in
                guard case SessionStoreError.cannotRead(let path, let reason) = error else { return false }
                return path == store.path(of: first) && !reason.isEmpty
            }
        }
    }

    @Test func aFolderUnderARegularFileCannotBeCreated() throws {
        try withTemporaryFolder { folder in
            try write("not a folder", to: folder + "/state")
            let store = SessionStore(directory: folder + "/state/sessions")
            #expect {
                try store.save(Array("{}".utf8), for: first)
            } throws: { error in
                guard case SessionStoreError.cannotCreate(let path, let reason) = error else { return false }
                return path == store.directory && !reason.isEmpty
            }
        }
    }

    @Test func aSessionFolderThatIsAFileCannotBeCreated() throws {
        try withTemporaryFolder { folder in
            try write("not a folder", to: folder + "/sessions")
            let store = SessionStore(directory: folder + "/sessions")
            #expect {
                try store.save(Array("{}".utf8), for: first)
            } throws: { error in
                guard case SessionStoreError.cannotCreate(let path, _) = error else { return false }
                return path == store.directory
            }
        }
    }

    /// A process killed mid-save leaves a partial temporary file: the session still loads as last saved, the
    /// stray is not listed, and later saves work even if the dead process had our pid.
    @Test func aSaveCutShortLeavesTheLastCompleteSave() throws {
        try withTemporaryFolder { folder in
            let store = SessionStore(directory: folder)
            let complete = Array(#"{"answers":["en","to"]}"#.utf8)
            try store.save(complete, for: first)
            let ours = folder + "/.\(first).tmp-\(getpid())-0"
            try write(#"{"answers":["en","to","tr"#, to: folder + "/.\(first).tmp-99999-0")
            try write(#"{"answers":["en","#, to: ours)
            #expect(try store.load(first) == complete)
            #expect(try store.list() == [first])

            let next = Array(#"{"answers":["en","to","tre"]}"#.utf8)
            try store.save(next, for: first)
            #expect(try store.load(first) == next)
            #expect(try String(contentsOfFile: ours, encoding: .utf8) == #"{"answers":["en","#)
        }
    }

    @Test func savesFromManyTasksAtOnceEachLandWhole() async throws {
        let folder = try TemporaryFolders.make()
        defer { TemporaryFolders.remove(folder) }
        let store = SessionStore(directory: folder.path + "/sessions")
        let versions = (0..<32).map { Array(String(repeating: "\($0),", count: 1_000 + $0).utf8) }
        let id = first
        await withTaskGroup(of: Void.self) { group in
            for version in versions {
                group.addTask { try? store.save(version, for: id) }
            }
        }
        #expect(versions.contains(try store.load(id)))
        #expect(try entries(of: store.directory) == ["\(id).json"])
    }

    // MARK: - Default folder

    @Test(arguments: [
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
