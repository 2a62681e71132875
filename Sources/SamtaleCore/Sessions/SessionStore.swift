// MARK: - SessionStore

/// Session files in one folder: each written atomically and durably, readable by id, and never overwritten with a
/// stale copy.
///
/// A session is saved after every answer, and a conversation killed with `kill -9` or cut by a power loss must
/// resume with every acknowledged answer: so a save writes a temporary file, syncs it, renames it over the session
/// file and syncs the folder. Readers see the old file or the new one, never half of one. The files hold personal
/// conversations, so they are 0600 in a 0700 folder.
///
/// Several processes may hold one session (a `serve` and a `talk --resume`, two terminals): each save is made under
/// a lock on the folder (`.lock`, `flock`) and only if the file still holds the revision the saver read, so a
/// process that holds an old copy is refused (`changed`) instead of overwriting answers another one saved, and a
/// session deleted meanwhile stays deleted (`deleted`). Because every save holds the lock, a temporary file found
/// while holding it was left by a killed process: `list` sweeps those, and `delete` takes the session's with it.
///
/// Plain libc rather than Foundation, so that the core keeps the command line's start-up fast. The store holds no
/// state but its folder, so one process may use it from many tasks.
public struct SessionStore: Sendable {
    public let directory: String
    /// How long a save waits for another process's save (which takes milliseconds) before it reports `busy`.
    public let lockPatienceMilliseconds: Int

    /// The largest session file read: answers are at most 64 KiB each, so a real conversation stays far below it,
    /// and a file that is not one is never read whole into memory.
    public static let largestFile = 64 << 20

    public init(directory: String, lockPatienceMilliseconds: Int = 10_000) {
        self.directory = directory
        self.lockPatienceMilliseconds = lockPatienceMilliseconds
    }

    /// The state folder: $SAMTALE_STATE_DIR, else $XDG_STATE_HOME/samtale, else
    /// $HOME/.local/state/samtale. `environment` looks up a variable (empty counts as unset). Returns nil if none of
    /// them gives a path. Sessions are in its `sessions` folder; `samtale post` keeps its ledger beside them.
    ///
    /// A relative `XDG_STATE_HOME` is ignored too, as the XDG base directory specification asks.
    public static func stateDirectory(environment: (String) -> String?) -> String? {
        func value(_ name: String) -> String? {
            environment(name).flatMap { $0.isEmpty ? nil : $0 }
        }
        if let directory = value("SAMTALE_STATE_DIR") { return directory }
        if let directory = value("XDG_STATE_HOME"), directory.hasPrefix("/") { return join(directory, "samtale") }
        return value("HOME").map { join($0, ".local/state/samtale") }
    }

    /// The sessions folder: `sessions` in the state folder.
    public static func defaultDirectory(environment: (String) -> String?) -> String? {
        stateDirectory(environment: environment).map { join($0, "sessions") }
    }

    /// The path of a session's file, for messages that name it.
    public func path(of id: SessionID) -> String {
        Self.join(directory, "\(id).json")
    }

    /// The temporary file a save of `id` writes before renaming it: one name per session, as the lock lets only
    /// one save happen at a time.
    private func temporaryPath(of id: SessionID) -> String {
        Self.join(directory, ".\(id).tmp")
    }

    // MARK: - Saving

    /// Saves the session as its next revision, if the file still holds the revision the session was read at (or
    /// there is no file yet for a session never saved). On success `session.revision` is the new one; on any
    /// failure the session and its file are unchanged.
    ///
    /// Creates the folder (and missing parents) with mode 0700 if needed, takes the folder's lock, checks the
    /// revision, writes a temporary file (0600), syncs it, renames it over `ID.json` and syncs the folder.
    public func save(_ session: inout Session) throws(SessionStoreError) {
        try makeDirectory()
        let lock = try Self.lock(directory, for: session.id, waitingUpTo: lockPatienceMilliseconds)
        defer { lock.release() }
        let target = path(of: session.id)
        switch try savedState(of: session.id) {
        case nil where session.revision > 0: throw .deleted(session.id)
        case let found? where found.revision != session.revision || found.instance != session.instance:
            throw .changed(session.id)
        default: break
        }
        // A revision that cannot be counted on is no file samtale wrote (reading refuses it too).
        guard session.revision < Int.max else {
            throw .damaged(path: target, .damaged(.field(path: "revision", problem: .outOfRange)))
        }
        var next = session
        next.revision += 1
        if next.instance == nil {
            var generator = SystemRandomNumberGenerator()
            next.instance = generator.next()
        }
        let bytes = next.encoded()
        // Never write what reading would refuse: the conversation would be lost for good.
        guard bytes.count <= Self.largestFile else { throw .tooLargeToSave(session.id, size: bytes.count) }
        do {
            try FileSystem.replace(target, with: bytes, through: temporaryPath(of: session.id))
        } catch {
            switch error.stage {
            case .creating: throw .cannotCreate(path: target, code: error.code)
            case .writing: throw .cannotWrite(path: target, code: error.code)
            }
        }
        try synchronizeDirectory()
        session = next
    }

    /// The revision and instance the session's file holds now, or nil when there is no file. Read under the lock,
    /// so no save can change them before the caller's own save; a file that cannot be read as a session counts as
    /// changed, since overwriting it would lose whatever it holds.
    private func savedState(of id: SessionID) throws(SessionStoreError) -> SavedState? {
        let bytes: [UInt8]
        do {
            bytes = try contents(of: id)
        } catch .notFound {
            return nil
        }
        guard let json = try? JSONParser.parse(bytes),
            let state = try? JSONValueCoder.decode(SavedState.self, from: json)
        else { throw .changed(id) }
        return state
    }

    /// The two members of a session file that tell which save of which session it holds, read by the same rules as
    /// the whole session. A file from before revisions were counted holds one save at least, and no instance.
    private struct SavedState: Decodable {
        let revision: Int
        let instance: UInt64?

        private enum CodingKeys: String, CodingKey {
            case revision, instance
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            revision = try container.decodeIfPresent(Int.self, forKey: .revision) ?? 1
            instance = try container.decodeIfPresent(UInt64.self, forKey: .instance)
        }
    }

    /// `mkdir -p` with mode 0700, then the folder itself tightened to 0700 if group or others may enter it.
    ///
    /// A sessions folder that is a symbolic link is used where it points, but its target is never changed: a folder
    /// there that others may enter is refused with what to do, since samtale did not make it and may not own it.
    private func makeDirectory() throws(SessionStoreError) {
        try Self.createDirectory(directory)
        let status: FileSystem.FolderStatus
        do {
            status = try FileSystem.folderStatus(directory)
        } catch {
            throw .cannotCreate(path: directory, code: error.code)
        }
        guard status.isDirectory else {
            throw .cannotCreate(path: directory, code: FileSystem.CallError.notAFolder.code)
        }
        guard status.isOpenToOthers else { return }
        if status.isSymbolicLink { throw .openToOthers(path: directory) }
        do {
            try FileSystem.restrictToOwner(directory)
        } catch {
            throw .cannotCreate(path: directory, code: error.code)
        }
    }

    /// Creates a folder and its missing parents, each 0700. A folder that already exists (or that another process
    /// creates meanwhile) is fine; whether it really is a folder is checked by the caller.
    public static func createDirectory(_ path: String) throws(SessionStoreError) {
        do {
            try FileSystem.makeDirectory(path)
        } catch  where error.isMissing {
            guard let parent = parent(of: path) else { throw .cannotCreate(path: path, code: error.code) }
            try createDirectory(parent)
            do {
                try FileSystem.makeDirectory(path)
            } catch {
                throw .cannotCreate(path: path, code: error.code)
            }
        } catch {
            throw .cannotCreate(path: path, code: error.code)
        }
    }

    /// Flushes the folder, so that a rename or an unlink survives a power loss.
    private func synchronizeDirectory() throws(SessionStoreError) {
        do {
            try FileSystem.synchronizeDirectory(directory)
        } catch {
            throw .cannotWrite(path: directory, code: error.code)
        }
    }

    // MARK: - Reading

    /// The session saved under `id`, checked whole: a file that is not a session, or holds another id, is `damaged`.
    public func load(_ id: SessionID) throws(SessionStoreError) -> Session {
        let bytes = try contents(of: id)
        do {
            return try Session.decode(bytes, as: id)
        } catch {
            throw .damaged(path: path(of: id), error)
        }
    }

    /// The bytes of a session's file. A symbolic link in its place is refused (O_NOFOLLOW), so that nobody can
    /// make a session read another file; so is anything but a regular file, which could block (a FIFO) or never end.
    private func contents(of id: SessionID) throws(SessionStoreError) -> [UInt8] {
        let target = path(of: id)
        do {
            return try FileSystem.readRegularFile(target, followingLinks: false, limit: Self.largestFile)
        } catch {
            switch error {
            case .system where error.isMissing: throw .notFound(id)
            case .system(let code): throw .cannotRead(path: target, code: code)
            case .notRegular: throw .notAFile(path: target)
            case .tooLarge(let size, _): throw .tooLarge(path: target, size: size)
            }
        }
    }

    /// Ids of every `*.json` file whose name is a valid SessionID, sorted; other files are ignored. A missing folder
    /// means no sessions (empty list), not an error. Temporary files that killed saves left are removed on the way,
    /// when the folder's lock can be had at once (a reader without write access simply leaves them).
    public func list() throws(SessionStoreError) -> [SessionID] {
        let names: [String]
        do {
            names = try FileSystem.directoryEntries(directory)
        } catch  where error.isMissing {
            return []
        } catch {
            throw .cannotRead(path: directory, code: error.code)
        }
        var ids: [SessionID] = []
        var strays: [String] = []
        for name in names {
            if name.hasSuffix(".json"), let id = SessionID(validating: String(name.dropLast(5))) {
                ids.append(id)
            } else if Self.isLeftByASave(name) {
                strays.append(name)
            }
        }
        if !strays.isEmpty, let lock = try? Self.lock(directory, waitingUpTo: 0) {
            for name in strays { try? FileSystem.remove(Self.join(directory, name)) }
            lock.release()
        }
        return ids.sorted()
    }

    /// Whether a name is a save's temporary file: `.ID.tmp`, or `.ID.tmp-PID-N` as releases before the lock named
    /// them. Nothing else in the folder is samtale's to remove, whatever it is called.
    static func isLeftByASave(_ name: String) -> Bool {
        guard name.hasPrefix("."), let dot = name.dropFirst().firstIndex(of: "."),
            SessionID(validating: String(name[name.index(after: name.startIndex)..<dot])) != nil
        else { return false }
        let rest = name[dot...]
        if rest == ".tmp" { return true }
        guard rest.hasPrefix(".tmp-") else { return false }
        let numbers = rest.dropFirst(5).split(separator: "-", omittingEmptySubsequences: false)
        return numbers.count == 2
            && numbers.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }
    }

    // MARK: - Deleting

    /// Removes a session's file for good, with any temporary copy a killed save left, and syncs the folder so that
    /// it stays removed after a power loss. Under the lock, so that no save in flight can bring it back.
    ///
    /// A conversation started in chat takes the replies its thread kept with it (they may hold its summary), even
    /// where the thread has later conversations: those lose only the ten minutes in which a platform's retry would
    /// have been answered from them. The replies named after the session's own id go too, even from a file that
    /// can no longer be read.
    public func delete(_ id: SessionID) throws(SessionStoreError) {
        _ = try delete(id) { _ in true }
    }

    /// `delete`, done only if `wanted` says so of the session as it is under the lock (nil: a file that cannot be
    /// read as one), so that no save can change it between the look and the removal. Whether it was deleted.
    func delete(_ id: SessionID, if wanted: (Session?) -> Bool) throws(SessionStoreError) -> Bool {
        let target = path(of: id)
        let folderExists: Bool
        do {
            folderExists = try FileSystem.existsItself(directory)
        } catch {
            throw .cannotWrite(path: target, code: error.code)
        }
        guard folderExists else { throw .notFound(id) }
        let lock = try Self.lock(directory, for: id, waitingUpTo: lockPatienceMilliseconds)
        defer { lock.release() }
        let session: Session?
        do {
            session = try load(id)
        } catch .notFound {
            throw .notFound(id)
        } catch {
            session = nil
        }
        guard wanted(session) else { return false }
        // The replies go first: should that fail, the conversation is still there to delete again. Those kept under
        // the session's own id go whatever it holds: a damaged first conversation of a thread no longer names them.
        let repliesFiles = [ChatOrigin.repliesFileName(of: id), session?.setup.chat?.repliesFileName].compactMap { $0 }
        for replies in repliesFiles {
            try? FileSystem.remove(Self.join(directory, replies + ".tmp"))
            let path = Self.join(directory, replies)
            do {
                try FileSystem.removeIfPresent(path)
            } catch {
                throw .cannotWrite(path: path, code: error.code)
            }
        }
        try? FileSystem.remove(temporaryPath(of: id))
        do {
            try FileSystem.remove(target)
        } catch  where error.isMissing {
            throw .notFound(id)
        } catch {
            throw .cannotWrite(path: target, code: error.code)
        }
        try synchronizeDirectory()
        return true
    }

    // MARK: - Lock

    /// The folder's lock, held while a save checks and replaces a file: an exclusive lock on `.lock`, which the
    /// system releases if the process dies, so a killed process never leaves the folder locked. Waited for up to
    /// `milliseconds`; nil when another process still holds it then (a process stopped mid-save), so that a save
    /// reports that rather than wait forever.
    private static func lock(
        _ folder: String, waitingUpTo milliseconds: Int
    ) throws(SessionStoreError) -> FileSystem.Lock? {
        let path = join(folder, ".lock")
        do {
            return try FileSystem.Lock.acquire(path, waitingUpTo: milliseconds)
        } catch {
            throw .cannotCreate(path: path, code: error.code)
        }
    }

    /// The folder's lock for changing session `id`, or `busy`.
    private static func lock(
        _ folder: String, for id: SessionID, waitingUpTo milliseconds: Int
    ) throws(SessionStoreError) -> FileSystem.Lock {
        guard let lock = try lock(folder, waitingUpTo: milliseconds) else { throw .busy(id) }
        return lock
    }

    // MARK: - Paths

    /// `folder/name`, without doubling a slash that the folder already ends with.
    private static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The folder that holds `path`, or nil when it is the current folder or the root, which always exist.
    private static func parent(of path: String) -> String? {
        var path = Substring(path)
        while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return nil }
        return String(path[..<slash])
    }
}

// MARK: - SessionStoreError

/// Why a session could not be saved, read or deleted: paths and the system's error number, so a user can act on it.
public enum SessionStoreError: Error, Equatable, Sendable {
    /// No session with that id has been saved (or it was deleted).
    case notFound(SessionID)
    /// The file is there but is not a whole session (or holds another id than its name).
    case damaged(path: String, SessionFileError)
    /// Another process saved the session after this one read it; this one's copy is stale and was not saved.
    case changed(SessionID)
    /// Another process deleted the session after this one read it; it stays deleted.
    case deleted(SessionID)
    /// Another process has held the folder's lock for longer than a save takes; nothing was saved.
    case busy(SessionID)
    /// The sessions folder is a symbolic link to a folder that others may enter, which samtale will not change.
    case openToOthers(path: String)
    /// Something other than a regular file where a session's file should be: a symbolic link, a FIFO, a device.
    case notAFile(path: String)
    /// A session file larger than `SessionStore.largestFile`; its size, nil when it grew past that while read.
    case tooLarge(path: String, size: Int?)
    /// Saved, the session would be larger than `SessionStore.largestFile`, which no one could read again; the file
    /// keeps the previous revision.
    case tooLargeToSave(SessionID, size: Int)
    /// The session folder or a session's file could not be created (a parent is a file, no permission).
    case cannotCreate(path: String, code: Int32)
    /// A session's file or the folder could not be read.
    case cannotRead(path: String, code: Int32)
    /// Writing, syncing, renaming or removing failed (a full disk, an I/O error); the previous file is intact.
    case cannotWrite(path: String, code: Int32)
}

// MARK: - Series

extension SessionStore {
    /// The 1:1 conversations with `name` among the saved sessions: what `talk --with`, `sessions series` and the
    /// protocol's `start` follow up alike. A damaged file stops it: it may hold a conversation of the series, and
    /// without it an agreement that conversation closed would be followed up again as open.
    public func series(with name: String) throws(SessionStoreError) -> Series {
        var sessions: [Session] = []
        for id in try list() {
            do {
                sessions.append(try load(id))
            } catch .notFound {
                // Deleted since it was listed: no longer part of anything.
            }
        }
        return Series(name: name, sessions: sessions)
    }
}
