#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SamtaleCore
import WebhookAdapter

/// The ledger of `samtale post` in the state folder (`posted.jsonl`), and the lock (`post.lock`) that lets one run
/// at a time check it, post, and record: overlapping cron jobs wait for each other, so nothing is posted twice.
struct PostLedgerFile {
    let path: String
    let lockPath: String

    init() throws(CommandError) {
        guard let state = SessionStore.stateDirectory(environment: System.environment) else {
            throw .cannotCreate(Strings.noStateDirectory)
        }
        do {
            try SessionStore.createDirectory(state)
        } catch {
            throw .cannotCreate(error.message)
        }
        path = state + "/posted.jsonl"
        lockPath = state + "/post.lock"
    }

    /// Takes the lock for the rest of the process: the kernel lets it go when the process ends, however it ends.
    func lock() throws(CommandError) {
        do {
            _ = try FileSystem.Lock.acquire(lockPath, waitingUpTo: nil)
        } catch {
            throw .cannotCreate(Strings.cannotWrite(lockPath, reason: error.message))
        }
    }

    /// The deliveries on record. Lines a crash cut short are skipped and told once, on stderr.
    func entries(language: Language) throws(CommandError) -> [LedgerEntry] {
        guard FileSystem.exists(path) else { return [] }
        let bytes: [UInt8]
        do {
            bytes = try System.readFile(path)
        } catch {
            throw .missingInput(Strings.cannotRead(error.path, reason: error.reason))
        }
        let (entries, unreadable) = LedgerEntry.entries(in: bytes)
        if !unreadable.isEmpty {
            System.printError("samtale: \(Strings.postLedgerTorn(path, lines: unreadable)[language])")
        }
        return entries
    }

    /// Appends an entry on a line of its own and waits until it is on disk, so that a crash right after cannot lose
    /// it. A record a crash cut short has no line end: without one written first, the new record would be glued to
    /// it and unreadable, and its target posted again.
    func record(_ entry: LedgerEntry, at time: String) throws(CommandError) {
        let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.cannotWrite(path) }
        defer { close(descriptor) }
        var line = entry.line(at: time)
        let size = lseek(descriptor, 0, SEEK_END)
        var last: UInt8 = 0
        // Where the last byte cannot be read, an empty line costs nothing.
        if size > 0 && (pread(descriptor, &last, 1, size - 1) != 1 || last != 0x0A) { line.insert(0x0A, at: 0) }
        if let code = FileSystem.writeAll(line, to: descriptor) ?? FileSystem.synchronize(descriptor) {
            throw .cannotCreate(Strings.cannotWrite(path, reason: Strings.systemError(code)))
        }
    }

    /// The last system call's failure on `path`, in the interface language.
    private static func cannotWrite(_ path: String) -> CommandError {
        .cannotCreate(Strings.cannotWrite(path, reason: Strings.systemError(errno)))
    }
}
