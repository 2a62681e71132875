import Foundation
import Testing

@testable import TestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The tests' own machinery: a run leaves nothing in `$TMPDIR`, and nothing of the user's set-up reaches the
/// processes tests start.
@Suite struct TestSupportTests {
    /// Whether some other open file could take the lock of a root now (so: its process is gone).
    static func lockIsFree(_ root: URL) -> Bool {
        let lock = open(root.appendingPathComponent(".lock").path, O_RDONLY | O_CLOEXEC)
        defer { close(lock) }
        return lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) == 0
    }

    @Test func aTemporaryFolderLivesInThisRunsLockedRoot() throws {
        let folder = try TemporaryFolders.make()
        let root = folder.deletingLastPathComponent()
        #expect(root.lastPathComponent.hasPrefix(TemporaryFolders.prefix))
        #expect(
            root.deletingLastPathComponent().standardizedFileURL
                == FileManager.default.temporaryDirectory.standardizedFileURL)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".lock").path))
        #expect(!Self.lockIsFree(root), "the root of a running test process is not locked")
        TemporaryFolders.remove(folder)
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test func rootsOfEndedRunsAreRemovedAndRootsInUseKept() throws {
        try TemporaryFolders.with { base in
            let ended = base.appendingPathComponent(TemporaryFolders.prefix + "ended")
            let running = base.appendingPathComponent(TemporaryFolders.prefix + "running")
            let other = base.appendingPathComponent("samtale-something-else")
            for folder in [ended, running, other] {
                try FileManager.default.createDirectory(
                    at: folder.appendingPathComponent("sessions"),
                    withIntermediateDirectories: true)
                _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(".lock").path, contents: nil)
            }
            let held = open(running.appendingPathComponent(".lock").path, O_RDWR | O_CLOEXEC)
            defer { close(held) }
            try #require(flock(held, LOCK_EX | LOCK_NB) == 0)
            TemporaryFolders.removeAbandonedRoots(in: base)
            #expect(!FileManager.default.fileExists(atPath: ended.path))
            #expect(FileManager.default.fileExists(atPath: running.appendingPathComponent("sessions").path))
            #expect(FileManager.default.fileExists(atPath: other.path))
        }
    }

    @Test func aFolderATestMadeReadOnlyIsRemovedButNotWhatALinkInItPointsTo() throws {
        try TemporaryFolders.with { base in
            let outside = base.appendingPathComponent("outside")
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: outside.path)
            let folder = base.appendingPathComponent("folder")
            let locked = folder.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: locked.appendingPathComponent("file"))
            try FileManager.default.createSymbolicLink(
                at: folder.appendingPathComponent("link"),
                withDestinationURL: outside)
            try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: locked.path)
            try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: folder.path)
            TemporaryFolders.remove(folder)
            #expect(!FileManager.default.fileExists(atPath: folder.path))
            let permissions = try FileManager.default.attributesOfItem(atPath: outside.path)[.posixPermissions] as? Int
            #expect(permissions == 0o500)
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: outside.path)
        }
    }

    /// Someone's own set-up: a HOME with a targets file and sessions, XDG folders, English, deck folders, a state
    /// folder, colours off, a narrow and dumb terminal, another time zone.
    static let userEnvironment = [
        "HOME": "/home/ann", "XDG_CONFIG_HOME": "/home/ann/.config", "XDG_STATE_HOME": "/home/ann/.local/state",
        "XDG_DATA_HOME": "/home/ann/.local/share", "XDG_CACHE_HOME": "/home/ann/.cache",
        "XDG_RUNTIME_DIR": "/run/user/1000",
        "LANG": "en_GB.UTF-8", "LANGUAGE": "en_GB:en", "LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "en_GB.UTF-8",
        "SAMTALE_DIALOGUES": "/home/ann/decks", "SAMTALE_STATE_DIR": "/home/ann/state", "SAMTALE_NOW": "2030-01-01",
        "SAMTALE_TARGET_GROUP": "medarbejder", "SAMTALE_TOKEN_KEY": "ann", "SAMTALE_WEBHOOK_URL": "https://x.invalid/y",
        "NO_COLOR": "1", "COLUMNS": "33", "TERM": "dumb", "TZ": "America/New_York",
        "PATH": "/opt/swift/usr/bin:/usr/bin", "PYENV_ROOT": "/home/ann/.pyenv",
    ]

    @Test func aProcessGetsNoneOfTheUsersSetUpButTheirPrograms() throws {
        let home = URL(fileURLWithPath: "/tmp/run/home")
        let environment = TestProcess.environment(home: home, inherited: Self.userEnvironment)
        #expect(
            environment == [
                "HOME": "/tmp/run/home", "XDG_CONFIG_HOME": "/tmp/run/home/.config",
                "XDG_STATE_HOME": "/tmp/run/home/.local/state", "XDG_DATA_HOME": "/tmp/run/home/.local/share",
                "XDG_CACHE_HOME": "/tmp/run/home/.cache", "LANG": "C.UTF-8", "TERM": "xterm-256color",
                "TZ": "Europe/Copenhagen", "PATH": "/opt/swift/usr/bin:/usr/bin", "PYENV_ROOT": "/home/ann/.pyenv",
                "PYTHONUSERBASE": "/home/ann/.local",
            ])
        let given = TestProcess.environment(
            home: home, ["HOME": "/elsewhere", "LANG": "en_US.UTF-8"],
            inherited: Self.userEnvironment)
        #expect(given["HOME"] == "/elsewhere" && given["XDG_CONFIG_HOME"] == "/elsewhere/.config")
        #expect(given["LANG"] == "en_US.UTF-8")
    }
}
