import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Temporary folders for tests. All of them live in one root folder per test process, removed when the process
/// exits, so that no run leaves anything in `$TMPDIR`. The root holds a lock for as long as its process lives: a run
/// also removes the roots of test processes that died before they could clean up (their lock is free), and never
/// one that is still in use.
public enum TemporaryFolders {
    static let prefix = "samtale-tests-"

    /// A new empty folder; it goes when the test process ends, or sooner through `remove`.
    public static func make() throws -> URL {
        let folder = try root.get().appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        return folder
    }

    /// Runs `body` with a new empty folder that is removed afterwards.
    public static func with<Value>(_ body: (URL) throws -> Value) throws -> Value {
        let folder = try make()
        defer { remove(folder) }
        return try body(folder)
    }

    /// Removes a folder and everything in it, also what a test made read-only.
    public static func remove(_ folder: URL) {
        if (try? FileManager.default.removeItem(at: folder)) != nil { return }
        // A folder without write or search permission cannot be emptied: open every folder up (never through a
        // symbolic link, which may point anywhere), then try once more.
        var pending = [folder.path]
        while let path = pending.popLast() {
            guard
                (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType)
                    == .typeDirectory
            else { continue }
            _ = chmod(path, 0o700)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            pending += names.map { path + "/" + $0 }
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// This process's root. It is made under a hidden name and renamed once its lock is held, so that no other
    /// run can find it unlocked and take it for abandoned.
    private static let root = Result { () throws -> URL in
        let base = FileManager.default.temporaryDirectory
        removeAbandonedRoots(in: base)
        let name = prefix + UUID().uuidString
        let staging = base.appendingPathComponent("." + name)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        // Never closed: the lock lasts as long as the process, and the kernel frees it however the process ends.
        let lock = open(staging.appendingPathComponent(".lock").path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard lock >= 0, flock(lock, LOCK_EX | LOCK_NB) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: staging.path])
        }
        let root = base.appendingPathComponent(name)
        try FileManager.default.moveItem(at: staging, to: root)
        atexit { TemporaryFolders.removeRoot() }
        return root
    }

    private static func removeRoot() {
        if case .success(let root) = root { remove(root) }
    }

    /// Removes the roots in `base` whose lock nobody holds: their process is gone.
    static func removeAbandonedRoots(in base: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let folder = base.appendingPathComponent(name)
            let lock = open(folder.appendingPathComponent(".lock").path, O_RDONLY | O_CLOEXEC)
            guard lock >= 0 else { continue }
            if flock(lock, LOCK_EX | LOCK_NB) == 0 { remove(folder) }
            close(lock)
        }
    }
}
