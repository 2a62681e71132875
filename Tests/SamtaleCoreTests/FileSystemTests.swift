import Foundation
import SamtaleCore
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The core's system calls, against real files, folders, FIFOs and pipes in a temporary folder.
@Suite struct FileSystemTests {
    func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    @Test func aRegularFileIsReadWholeAndEverythingElseIsRefusedAtOnce() throws {
        try TemporaryFolders.with { folder in
            let file = folder.appendingPathComponent("deck.json")
            try write("{}\n", to: file)
            #expect(try FileSystem.readRegularFile(file.path, limit: 3) == Array("{}\n".utf8))
            #expect(throws: FileSystem.Failure.tooLarge(size: 3, limit: 2)) {
                try FileSystem.readRegularFile(file.path, limit: 2)
            }
            #expect(throws: FileSystem.Failure.notRegular(.folder)) {
                try FileSystem.readRegularFile(folder.path, limit: 10)
            }
            let fifo = folder.appendingPathComponent("fifo")
            #expect(mkfifo(fifo.path, 0o600) == 0)
            #expect(throws: FileSystem.Failure.notRegular(.fifo)) {
                try FileSystem.readRegularFile(fifo.path, limit: 10)
            }
            do throws(FileSystem.Failure) {
                _ = try FileSystem.readRegularFile(folder.appendingPathComponent("missing").path, limit: 10)
                Issue.record("a missing file was read")
            } catch {
                #expect(error.isMissing)
                #expect(error.message.en == "no such file or folder")
            }
        }
    }

    @Test func aSymbolicLinkIsFollowedOnlyWhenAsked() throws {
        try TemporaryFolders.with { folder in
            let file = folder.appendingPathComponent("file")
            let link = folder.appendingPathComponent("link")
            try write("x", to: file)
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
            #expect(try FileSystem.readRegularFile(link.path, limit: 10) == [0x78])
            #expect(throws: FileSystem.Failure.notRegular(.other)) {
                try FileSystem.readRegularFile(link.path, followingLinks: false, limit: 10)
            }
        }
    }

    @Test func aPipeIsReadToItsEndOrToTheLimit() throws {
        var descriptors: [Int32] = [-1, -1]
        #expect(pipe(&descriptors) == 0)
        defer { close(descriptors[0]) }
        #expect(FileSystem.writeAll(Array(repeating: 0x61, count: 5), to: descriptors[1]) == nil)
        close(descriptors[1])
        #expect(throws: FileSystem.Failure.tooLarge(size: nil, limit: 4)) {
            try FileSystem.readToEnd(descriptors[0], limit: 4)
        }
    }

    @Test func writingSaysWhyItFailed() throws {
        #expect(FileSystem.writeAll([1, 2, 3], to: -1) == EBADF)
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0, "/dev/full is Linux's")
        defer { close(full) }
        #expect(FileSystem.writeAll([1, 2, 3], to: full) == ENOSPC)
    }

    @Test func aReplacedFileIsWholeOwnedAndLeavesNoTemporaryFile() throws {
        try TemporaryFolders.with { folder in
            let target = folder.appendingPathComponent("session.json").path
            let temporary = folder.appendingPathComponent(".session.tmp").path
            try FileSystem.replace(target, with: Array("first".utf8), through: temporary)
            try FileSystem.replace(target, with: Array("second".utf8), through: temporary)
            try FileSystem.synchronizeDirectory(folder.path)
            #expect(try FileSystem.readRegularFile(target, limit: 100) == Array("second".utf8))
            #expect(try FileSystem.directoryEntries(folder.path) == ["session.json"])
            let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
            #expect(mode == 0o600)

            let nowhere = folder.appendingPathComponent("missing/session.json").path
            do throws(FileSystem.WriteError) {
                try FileSystem.replace(nowhere, with: [1], through: nowhere + ".tmp")
                Issue.record("a file was written in a folder that is not there")
            } catch {
                #expect(error.stage == .creating && error.code == ENOENT)
            }
        }
    }

    /// A created file is new, whole and its owner's alone: nothing already at its path (a file, a symbolic link, a
    /// folder) is written over or through.
    @Test func aCreatedFileNeverTakesThePlaceOfAnother() throws {
        try TemporaryFolders.with { folder in
            let file = folder.appendingPathComponent("record.md").path
            try FileSystem.create(file, with: Array("first".utf8))
            #expect(try FileSystem.readRegularFile(file, limit: 100) == Array("first".utf8))
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let link = folder.appendingPathComponent("link.md")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: URL(fileURLWithPath: file))
            for (path, code) in [
                (file, EEXIST), (link.path, EEXIST), (folder.path, EISDIR),
                (folder.appendingPathComponent("missing/record.md").path, ENOENT),
            ] {
                do throws(FileSystem.WriteError) {
                    try FileSystem.create(path, with: Array("second".utf8))
                    Issue.record("\(path) was written")
                } catch {
                    #expect(error.stage == .creating && error.code == code, "\(path)")
                }
            }
            #expect(try FileSystem.readRegularFile(file, limit: 100) == Array("first".utf8))
            #expect(try FileSystem.directoryEntries(folder.path) == ["link.md", "record.md"])
        }
    }

    /// A line appended is a line of its own, after a last line a crash cut short too, in a file only its owner reads.
    @Test func anAppendedLineStartsOnALineOfItsOwn() throws {
        try TemporaryFolders.with { folder in
            let ledger = folder.appendingPathComponent("posted.jsonl").path
            try FileSystem.appendLine(Array("one\n".utf8), to: ledger)
            try FileSystem.appendLine(Array("two\n".utf8), to: ledger)
            #expect(try FileSystem.readRegularFile(ledger, limit: 100) == Array("one\ntwo\n".utf8))
            let mode = try FileManager.default.attributesOfItem(atPath: ledger)[.posixPermissions] as? Int
            #expect(mode == 0o600)

            let torn = folder.appendingPathComponent("torn.jsonl")
            try write("cut sh", to: torn)
            try FileSystem.appendLine(Array("three\n".utf8), to: torn.path)
            #expect(try FileSystem.readRegularFile(torn.path, limit: 100) == Array("cut sh\nthree\n".utf8))

            #expect(throws: FileSystem.CallError(code: ENOENT)) {
                try FileSystem.appendLine([0x0A], to: folder.appendingPathComponent("missing/posted.jsonl").path)
            }
        }
    }

    @Test func aFolderListsItsNamesSorted() throws {
        try TemporaryFolders.with { folder in
            for name in ["b.json", "a.json", ".hidden"] { try write("", to: folder.appendingPathComponent(name)) }
            #expect(try FileSystem.directoryEntries(folder.path) == [".hidden", "a.json", "b.json"])
            #expect(throws: FileSystem.CallError(code: ENOENT)) {
                try FileSystem.directoryEntries(folder.appendingPathComponent("missing").path)
            }
        }
    }

    @Test func aFolderIsMadeForItsOwnerOnlyAndTightened() throws {
        try TemporaryFolders.with { folder in
            let made = folder.appendingPathComponent("state").path
            try FileSystem.makeDirectory(made)
            try FileSystem.makeDirectory(made)
            #expect(try FileSystem.folderStatus(made).isOpenToOthers == false)
            #expect(chmod(made, 0o755) == 0)
            #expect(try FileSystem.folderStatus(made).isOpenToOthers)
            try FileSystem.restrictToOwner(made)
            let status = try FileSystem.folderStatus(made)
            #expect(status.isDirectory && !status.isSymbolicLink && !status.isOpenToOthers)
            #expect(try FileSystem.existsItself(made) && !(try FileSystem.existsItself(made + "/nothing")))
        }
    }

    @Test func aLockHeldIsNotTakenTwiceAndIsFreeOnceReleased() throws {
        try TemporaryFolders.with { folder in
            let path = folder.appendingPathComponent(".lock").path
            let held = try #require(try FileSystem.Lock.acquire(path, waitingUpTo: 0))
            #expect(try FileSystem.Lock.acquire(path, waitingUpTo: 10) == nil, "another holder waits, then gives up")
            held.release()
            let again = try #require(try FileSystem.Lock.acquire(path, waitingUpTo: 0))
            again.release()
        }
    }
}
