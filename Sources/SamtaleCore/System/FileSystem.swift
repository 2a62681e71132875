#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#else
    #error("samtale calls libc itself: it builds on Linux (Glibc, Musl) and macOS (Darwin) only")
#endif

// MARK: - FileSystem

/// The system calls on files and folders, for the session store, the post ledger and the decks the command line
/// reads: each loop that resumes after a signal (EINTR) or a partial write is written here once. Plain libc rather
/// than Foundation, so that the command line starts fast. Every call exists under the same name on Linux and macOS;
/// where the two differ (`F_FULLFSYNC`), each has its branch. Terminals and signals are not the core's: they are in
/// the terminal adapter and the executable.
public enum FileSystem {
    /// Writes every byte, resuming after a signal or a partial write. Returns the error number of the failure, or
    /// nil when all of it was written; a write that takes nothing counts as a full disk.
    public static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written > 0 {
                offset += written
            } else if written == 0 {
                return ENOSPC
            } else if errno != EINTR {
                return errno
            }
        }
        return nil
    }

    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
    }

    /// Flushes a file (or a folder) to the disk itself, so that a power loss cannot take back what was written. On
    /// macOS `fsync` stops at the drive's cache and `F_FULLFSYNC` does not, where the file system has it. Returns
    /// the error number of the failure, or nil.
    public static func synchronize(_ descriptor: Int32) -> Int32? {
        #if canImport(Darwin)
            if fcntl(descriptor, F_FULLFSYNC) == 0 { return nil }
        #endif
        while fsync(descriptor) != 0 {
            guard errno == EINTR else { return errno }
        }
        return nil
    }

    /// A system call that failed with an error number, for the calls that fail in no other way.
    public struct CallError: ExplainedError, Equatable, Sendable {
        public let code: Int32

        public init(code: Int32) {
            self.code = code
        }

        /// Something on the way is not a folder: what a path that should be a folder but is a file gets.
        public static let notAFolder = CallError(code: ENOTDIR)

        /// Whether nothing is at the path (or a folder on the way is missing).
        public var isMissing: Bool {
            code == ENOENT
        }

        public var message: Localized {
            Strings.systemError(code)
        }
    }

    /// Writes `bytes` to `path` as a whole or not at all, through `temporary` (0600, in the same folder): written,
    /// flushed to the disk, then renamed over `path`, so that readers see the old file or the new one, never half of
    /// one. On failure the temporary file is removed and `path` is as it was. The folder is not flushed: a caller
    /// that needs the rename to survive a power loss calls `synchronizeDirectory`.
    public static func replace(_ path: String, with bytes: [UInt8], through temporary: String) throws(WriteError) {
        try writeNew(bytes, to: temporary, opening: O_TRUNC)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw WriteError(stage: .writing, code: code)
        }
    }

    /// Writes `bytes` to a new file at `path` (0600), flushed to the disk: a copy of personal data that must never
    /// take the place of another file, so anything at `path` (a symbolic link too) is refused; a folder there says it
    /// is one. On failure nothing is left at `path`.
    public static func create(_ path: String, with bytes: [UInt8]) throws(WriteError) {
        do {
            try writeNew(bytes, to: path, opening: O_EXCL)
        } catch {
            throw error.code == EEXIST && isDirectory(path) ? WriteError(stage: .creating, code: EISDIR) : error
        }
    }

    /// Creates the file at `path` (0600) with `flags` besides, writes every byte and flushes it; on failure the file
    /// is removed. A symbolic link in its place is never followed.
    private static func writeNew(_ bytes: [UInt8], to path: String, opening flags: Int32) throws(WriteError) {
        let descriptor = open(path, O_CREAT | O_WRONLY | O_NOFOLLOW | O_CLOEXEC | flags, 0o600)
        guard descriptor >= 0 else { throw WriteError(stage: .creating, code: errno) }
        if let code = writeAll(bytes, to: descriptor) ?? synchronize(descriptor) {
            close(descriptor)
            unlink(path)
            throw WriteError(stage: .writing, code: code)
        }
        if close(descriptor) != 0 && errno != EINTR {
            let code = errno
            unlink(path)
            throw WriteError(stage: .writing, code: code)
        }
    }

    /// Why `replace` or `create` failed: creating the file, or writing, flushing and (`replace`) renaming it.
    public struct WriteError: Error, Equatable, Sendable {
        public enum Stage: Sendable {
            case creating
            case writing
        }

        public let stage: Stage
        public let code: Int32
    }

    /// Flushes a folder, so that a rename or a removal in it survives a power loss. File systems that cannot sync a
    /// folder say EINVAL; there, what the file system keeps is all there is.
    public static func synchronizeDirectory(_ path: String) throws(CallError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CallError(code: errno) }
        defer { close(descriptor) }
        if let code = synchronize(descriptor), code != EINVAL { throw CallError(code: code) }
    }

    /// Appends `line` to the file at `path` (created 0600) on a line of its own, and waits until it is on the disk.
    /// A last line a crash cut short has no line end: one is written first, or `line` would be glued to it. Where
    /// the last byte cannot be read, an empty line costs nothing.
    public static func appendLine(_ line: [UInt8], to path: String) throws(CallError) {
        let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CallError(code: errno) }
        defer { close(descriptor) }
        var line = line
        let size = lseek(descriptor, 0, SEEK_END)
        var last: UInt8 = 0
        if size > 0 && (pread(descriptor, &last, 1, size - 1) != 1 || last != 0x0A) { line.insert(0x0A, at: 0) }
        if let code = writeAll(line, to: descriptor) ?? synchronize(descriptor) { throw CallError(code: code) }
    }

    public static func remove(_ path: String) throws(CallError) {
        guard unlink(path) == 0 else { throw CallError(code: errno) }
    }

    /// Removes a file that may be gone already (another process's delete, a temporary copy never made), and says
    /// whether it was there.
    @discardableResult
    public static func removeIfPresent(_ path: String) throws(CallError) -> Bool {
        do {
            try remove(path)
            return true
        } catch  where error.isMissing {
            return false
        }
    }

    // MARK: Reading

    /// Why a file or folder could not be read, or a lock taken.
    public enum Failure: ExplainedError, Equatable, Sendable {
        /// A system call failed with this error number.
        case system(Int32)
        /// Not a regular file: a FIFO or a device would block or never end.
        case notRegular(FileKind)
        /// Larger than `limit` bytes; the size when the file said it, nil when it grew past the limit while read.
        case tooLarge(size: Int?, limit: Int)

        /// Whether nothing is at the path (or a folder on the way is missing).
        public var isMissing: Bool {
            self == .system(ENOENT)
        }

        public var message: Localized {
            switch self {
            case .system(let code): Strings.systemError(code)
            case .notRegular(let kind): Strings.notARegularFile(kind)
            case .tooLarge(let size, let limit): Strings.fileTooLarge(size, limit: limit)
            }
        }
    }

    /// The bytes of a regular file of at most `limit` bytes. A FIFO, device or socket is refused rather than waited
    /// on or read forever, whatever its name (`/dev/stdin` too); so is a larger file. With `followingLinks` false, a
    /// symbolic link in the file's place is refused too.
    public static func readRegularFile(
        _ path: String, followingLinks: Bool = true, limit: Int
    ) throws(Failure) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO must not wait for a writer before it can be refused.
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW)
        var descriptor: Int32
        repeat {
            descriptor = open(path, flags)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else {
            let code = errno
            // A socket cannot be opened at all (ENXIO); say what it is rather than what open said.
            var status = stat()
            if code == ENXIO, stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFSOCK {
                throw .notRegular(.socket)
            }
            // O_NOFOLLOW refuses a symbolic link in place of the file with ELOOP.
            if code == ELOOP && !followingLinks { throw .notRegular(.other) }
            throw .system(code)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .system(errno) }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG else { throw .notRegular(fileKind(type)) }
        guard status.st_size <= limit else { throw .tooLarge(size: Int(status.st_size), limit: limit) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return try readToEnd(descriptor, limit: limit, expecting: Int(status.st_size))
    }

    /// The bytes up to the end, bounded: a file that grows while it is read, or a pipe, stops at the limit.
    /// `expecting` is the size the file says it has, so that its bytes are held without copying them on the way.
    public static func readToEnd(_ descriptor: Int32, limit: Int, expecting: Int = 0) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(expecting, limit))
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(errno)
            }
            bytes += chunk[0..<count]
            if bytes.count > limit { throw .tooLarge(size: nil, limit: limit) }
        }
    }

    private static func fileKind(_ type: mode_t) -> FileKind {
        switch type {
        case S_IFDIR: .folder
        case S_IFIFO: .fifo
        case S_IFSOCK: .socket
        case S_IFCHR, S_IFBLK: .device
        default: .other
        }
    }

    // MARK: Paths

    /// Whether anything is at `path` (a dangling symbolic link is not).
    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// The same file however it is named: the absolute path with links, "." and ".." resolved; nil if it is not there.
    public static func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether the group or others may read the file at `path`.
    public static func isReadableByOthers(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & 0o044 != 0
    }

    public static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// What a folder is, as far as who may use it goes.
    public struct FolderStatus: Sendable {
        /// Whether the path itself is a symbolic link (to the folder it names).
        public let isSymbolicLink: Bool
        /// Whether it (or where it points) is a folder at all.
        public let isDirectory: Bool
        /// Whether the group or others may do anything with it.
        public let isOpenToOthers: Bool
    }

    public static func folderStatus(_ path: String) throws(CallError) -> FolderStatus {
        var link = stat()
        guard lstat(path, &link) == 0 else { throw CallError(code: errno) }
        var status = stat()
        guard stat(path, &status) == 0 else { throw CallError(code: errno) }
        return FolderStatus(
            isSymbolicLink: link.st_mode & S_IFMT == S_IFLNK,
            isDirectory: status.st_mode & S_IFMT == S_IFDIR,
            isOpenToOthers: status.st_mode & 0o077 != 0)
    }

    /// Whether anything is at `path` itself, a symbolic link too (whatever it points to); throws when the system
    /// cannot tell.
    public static func existsItself(_ path: String) throws(CallError) -> Bool {
        var status = stat()
        if lstat(path, &status) == 0 { return true }
        if errno == ENOENT { return false }
        throw CallError(code: errno)
    }

    /// Creates a folder that only its owner may use (0700). One that is already there is fine.
    public static func makeDirectory(_ path: String) throws(CallError) {
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else { throw CallError(code: errno) }
    }

    /// Lets only the owner use a folder (0700).
    public static func restrictToOwner(_ path: String) throws(CallError) {
        guard chmod(path, 0o700) == 0 else { throw CallError(code: errno) }
    }

    /// The names in a folder but `.` and `..`, sorted, so that what is read from it (which deck wins, the order of
    /// sessions) never depends on the file system.
    public static func directoryEntries(_ path: String) throws(CallError) -> [String] {
        guard let folder = opendir(path) else { throw CallError(code: errno) }
        defer { closedir(folder) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(folder) else {
                if errno != 0 { throw CallError(code: errno) }
                return names.sorted()
            }
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    // MARK: Locks

    /// An exclusive `flock` on a file, which the system releases when the process ends, however it ends: a killed
    /// process never leaves it held.
    public struct Lock: Sendable {
        private let descriptor: Int32

        /// Takes the lock on `path` (created 0600 if missing; a symbolic link there is refused), waiting up to
        /// `milliseconds`, or for as long as it takes when nil. Nil when another process still holds it then;
        /// throws the error number when the file cannot be opened or locked.
        public static func acquire(_ path: String, waitingUpTo milliseconds: Int?) throws(CallError) -> Lock? {
            let descriptor = open(path, O_CREAT | O_RDWR | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw CallError(code: errno) }
            var waited = 0
            while flock(descriptor, milliseconds == nil ? LOCK_EX : LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                guard code == EWOULDBLOCK || code == EINTR else {
                    close(descriptor)
                    throw CallError(code: code)
                }
                guard let milliseconds, code == EWOULDBLOCK else { continue }
                guard waited < milliseconds else {
                    close(descriptor)
                    return nil
                }
                usleep(2_000)
                waited += 2
            }
            return Lock(descriptor: descriptor)
        }

        /// Closing the descriptor releases the lock.
        public func release() {
            close(descriptor)
        }
    }
}

// MARK: - System errors

extension Strings {
    /// What a system call's error number means, in words a user can act on. The system's own `strerror` text is
    /// English whatever the interface language, so every message that names a system error goes through here.
    /// Here beside the calls, as the numbers come from libc and differ between Linux and macOS.
    public static func systemError(_ code: Int32) -> Localized {
        switch code {
        case ENOENT: text("filen eller mappen findes ikke", "no such file or folder")
        case EACCES, EPERM: text("ingen adgang", "permission denied")
        case EEXIST: text("findes allerede", "already exists")
        case ENOTDIR: text("stien, eller en del af den, er ikke en mappe", "the path, or a part of it, is not a folder")
        case EISDIR: text("er en mappe", "is a folder")
        case ENOSPC: text("disken er fuld", "the disk is full")
        case EDQUOT: text("din diskkvote er brugt op", "your disk quota is used up")
        case EROFS: text("filsystemet er skrivebeskyttet", "the file system is read-only")
        case EIO: text("læse- eller skrivefejl på disken", "a read or write error on the disk")
        case ENAMETOOLONG: text("stien er for lang", "the path is too long")
        case ELOOP: text("for mange symbolske links i stien", "too many symbolic links in the path")
        case EMFILE, ENFILE: text("for mange åbne filer", "too many open files")
        case ENOMEM: text("ikke nok hukommelse", "not enough memory")
        case EBUSY, ETXTBSY: text("er i brug", "is in use")
        case EAGAIN: text("midlertidigt utilgængelig; prøv igen om lidt", "temporarily unavailable; try again shortly")
        case EFBIG: text("filen er for stor", "the file is too large")
        case ENXIO, ENODEV: text("enheden findes ikke", "no such device")
        case EPIPE:
            text(
                "det program, der tog imod udskriften, blev lukket undervejs",
                "the program reading the output has closed")
        case ENOTEMPTY: text("mappen er ikke tom", "the folder is not empty")
        case EXDEV: text("kan ikke flyttes til et andet filsystem", "cannot be moved to another file system")
        case EINVAL: text("handlingen er ikke mulig på denne fil", "the operation is not possible on this file")
        default: text("systemfejl nr. \(code)", "system error number \(code)")
        }
    }

    /// Why a new file could not be made at `path` (`FileSystem.create`), with what to do where the cause is a
    /// common one.
    public static func cannotCreateFile(_ path: String, code: Int32) -> Localized {
        let reason: Localized =
            switch code {
            case EEXIST:
                text(
                    "der findes allerede en fil med det navn; vælg et andet navn, eller flyt den eksisterende fil først",
                    "a file of that name already exists; choose another name or move the existing file first")
            case EISDIR:
                text(
                    "det er en mappe; angiv en fil i den, fx \(inFolder(path, "samtale.md"))",
                    "it is a folder; name a file in it, e.g. \(inFolder(path, "conversation.md"))")
            case ENOENT:
                text(
                    "mappen findes ikke; opret den først, eller angiv en fil i en mappe, der findes",
                    "the folder does not exist; create it first or name a file in a folder that exists")
            default: systemError(code)
            }
        return cannotCreate(path, reason: reason)
    }

    /// A new file that could not be written whole: `FileSystem.create` has removed it, so no half copy is left.
    public static func cannotWriteFile(_ path: String, code: Int32) -> Localized {
        text(
            "kan ikke skrive til \(path): \(systemError(code).da); den halvt skrevne fil er slettet igen",
            "cannot write to \(path): \(systemError(code).en); the partly written file has been removed")
    }

    private static func inFolder(_ folder: String, _ name: String) -> String {
        (folder.hasSuffix("/") ? folder : folder + "/") + name
    }
}
