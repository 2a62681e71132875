#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - SessionStore

/// Session files in one folder: each written atomically and durably, readable by id.
///
/// A session is saved after every answer, and a conversation killed with `kill -9` or cut by a power loss must
/// resume with every acknowledged answer: so a save writes a temporary file, syncs it, renames it over the session
/// file and syncs the folder. Readers see the old file or the new one, never half of one. The files hold personal
/// conversations, so they are 0600 in a 0700 folder.
///
/// Plain libc rather than Foundation, so that the core keeps the command line's start-up fast. The store holds no
/// state but its folder, so one process (the JSON-lines server) may use it from many tasks, and several processes
/// may share a folder: the last rename wins, whole.
///
/// A process killed mid-save leaves a temporary file (`.ID.tmp-<pid>-<counter>`). Nothing cleans those up, because
/// a stale one cannot be told from another process's save in flight without locking; they are never read, never
/// listed, and the next save of that id simply writes beside them.
public struct SessionStore: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The state folder DESIGN.md names: $SAMTALE_STATE_DIR, else $XDG_STATE_HOME/samtale, else
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

    // MARK: - Saving

    /// Writes the bytes as the session's file: create the folder (and missing parents) with mode 0700 if needed
    /// (and chmod an existing folder that is more open to 0700), write to a temporary file in the same folder
    /// (mode 0600, O_CREAT|O_EXCL|O_WRONLY|O_CLOEXEC, name `.ID.tmp-<pid>-<counter>` ), write all bytes (handle
    /// short writes and EINTR), fsync it, rename over `ID.json`, then fsync the folder. On any failure remove the
    /// temporary file and throw; the previous file stays intact.
    ///
    /// The counter counts attempts within this call: O_EXCL makes a name taken by another task, or left behind by
    /// a killed process that had the same pid, fail to open, and the next number is tried. That needs no shared
    /// state, so saves from many tasks never race on a counter.
    public func save(_ bytes: [UInt8], for id: SessionID) throws(SessionStoreError) {
        try makeDirectory()
        let target = path(of: id)
        let (temporary, descriptor) = try createTemporaryFile(for: id)
        do {
            try writeAll(bytes, to: descriptor, path: target)
            try synchronize(descriptor, path: target)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        if close(descriptor) != 0 && errno != EINTR {
            let reason = Self.lastErrorText()
            unlink(temporary)
            throw .cannotWrite(path: target, reason: reason)
        }
        guard rename(temporary, target) == 0 else {
            let reason = Self.lastErrorText()
            unlink(temporary)
            throw .cannotWrite(path: target, reason: reason)
        }
        try synchronizeDirectory()
    }

    /// `mkdir -p` with mode 0700, then the folder itself tightened to 0700 if group or others may enter it.
    private func makeDirectory() throws(SessionStoreError) {
        try Self.createDirectory(directory)
        var status = stat()
        guard stat(directory, &status) == 0 else {
            throw .cannotCreate(path: directory, reason: Self.lastErrorText())
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw .cannotCreate(path: directory, reason: String(cString: strerror(ENOTDIR)))
        }
        if status.st_mode & 0o077 != 0 && chmod(directory, 0o700) != 0 {
            throw .cannotCreate(path: directory, reason: Self.lastErrorText())
        }
    }

    /// Creates a folder and its missing parents, each 0700. A folder that already exists (or that another process
    /// creates meanwhile) is fine; whether it really is a folder is checked by the caller.
    public static func createDirectory(_ path: String) throws(SessionStoreError) {
        if mkdir(path, 0o700) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let parent = parent(of: path) else {
            throw .cannotCreate(path: path, reason: lastErrorText())
        }
        try createDirectory(parent)
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else {
            throw .cannotCreate(path: path, reason: lastErrorText())
        }
    }

    /// A new, empty temporary file beside the session's file, open for writing, and its path.
    private func createTemporaryFile(for id: SessionID) throws(SessionStoreError) -> (path: String, descriptor: Int32) {
        let process = getpid()
        var counter = 0
        while true {
            let temporary = Self.join(directory, ".\(id).tmp-\(process)-\(counter)")
            let descriptor = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            if descriptor >= 0 { return (temporary, descriptor) }
            guard errno == EEXIST || errno == EINTR else {
                throw .cannotCreate(path: path(of: id), reason: Self.lastErrorText())
            }
            if errno == EEXIST { counter += 1 }
        }
    }

    private func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(SessionStoreError) {
        let failure = bytes.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written >= 0 {
                    offset += written
                } else if errno != EINTR {
                    return Self.lastErrorText()
                }
            }
            return nil
        }
        if let reason = failure { throw .cannotWrite(path: path, reason: reason) }
    }

    /// Flushes a file to the disk, so that a power loss after the rename cannot leave an empty session file.
    private func synchronize(_ descriptor: Int32, path: String) throws(SessionStoreError) {
        while fsync(descriptor) != 0 {
            guard errno == EINTR else { throw .cannotWrite(path: path, reason: Self.lastErrorText()) }
        }
    }

    /// Flushes the folder, so that a rename or an unlink survives a power loss. File systems that cannot sync
    /// a folder say EINVAL; there, what the file system keeps is all there is.
    private func synchronizeDirectory() throws(SessionStoreError) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotWrite(path: directory, reason: Self.lastErrorText()) }
        defer { close(descriptor) }
        while fsync(descriptor) != 0 {
            if errno == EINVAL { return }
            guard errno == EINTR else { throw .cannotWrite(path: directory, reason: Self.lastErrorText()) }
        }
    }

    // MARK: - Reading

    /// The bytes of a session's file. A symbolic link in its place is refused (O_NOFOLLOW), so that nobody can
    /// make a session read another file.
    public func load(_ id: SessionID) throws(SessionStoreError) -> [UInt8] {
        let target = path(of: id)
        var descriptor: Int32
        repeat {
            descriptor = open(target, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else {
            if errno == ENOENT { throw .notFound(id) }
            throw .cannotRead(path: target, reason: Self.lastErrorText())
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes += chunk[0..<count]
            } else if count == 0 {
                return bytes
            } else if errno != EINTR {
                throw .cannotRead(path: target, reason: Self.lastErrorText())
            }
        }
    }

    /// Ids of every `*.json` file whose name is a valid SessionID, sorted; other files (temporary ones, strays) are ignored.
    /// A missing folder means no sessions (empty list), not an error.
    public func list() throws(SessionStoreError) -> [SessionID] {
        guard let folder = opendir(directory) else {
            if errno == ENOENT { return [] }
            throw .cannotRead(path: directory, reason: Self.lastErrorText())
        }
        defer { closedir(folder) }
        var ids: [SessionID] = []
        while true {
            errno = 0
            guard let entry = readdir(folder) else {
                if errno != 0 { throw .cannotRead(path: directory, reason: Self.lastErrorText()) }
                return ids.sorted()
            }
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name.hasSuffix(".json"), let id = SessionID(validating: String(name.dropLast(5))) {
                ids.append(id)
            }
        }
    }

    // MARK: - Deleting

    /// Removes a session's file for good, and syncs the folder so that it stays removed after a power loss.
    public func delete(_ id: SessionID) throws(SessionStoreError) {
        let target = path(of: id)
        guard unlink(target) == 0 else {
            if errno == ENOENT { throw .notFound(id) }
            throw .cannotWrite(path: target, reason: Self.lastErrorText())
        }
        try synchronizeDirectory()
    }

    // MARK: - Paths and errors

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

    /// The text of the last system error, such as "Permission denied": the `reason` of every error here.
    private static func lastErrorText() -> String {
        String(cString: strerror(errno))
    }
}

// MARK: - SessionStoreError

/// Why a session could not be saved, read or deleted; paths and the system's reason, so a user can act on it.
public enum SessionStoreError: Error, Equatable, Sendable {
    /// No session with that id has been saved (or it was deleted).
    case notFound(SessionID)
    /// The session folder or a session's file could not be created (a parent is a file, no permission).
    case cannotCreate(path: String, reason: String)
    /// A session's file or the folder could not be read; also a symbolic link planted in place of a session file.
    case cannotRead(path: String, reason: String)
    /// Writing, syncing, renaming or removing failed (a full disk, an I/O error); the previous file is intact.
    case cannotWrite(path: String, reason: String)
}
