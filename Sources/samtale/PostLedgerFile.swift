#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
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
            throw .cannotCreate(Strings.storeError(error))
        }
        path = state + "/posted.jsonl"
        lockPath = state + "/post.lock"
    }

    /// Takes the lock for the rest of the process: the kernel lets it go when the process ends, however it ends.
    func lock() throws(CommandError) {
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotCreate(Strings.cannotWrite(lockPath, reason: String(cString: strerror(errno)))) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw .cannotCreate(Strings.cannotWrite(lockPath, reason: String(cString: strerror(errno))))
            }
        }
    }

    func entries() throws(CommandError) -> [LedgerEntry] {
        guard access(path, F_OK) == 0 else { return [] }
        do {
            return LedgerEntry.entries(in: try System.readFile(path))
        } catch {
            throw .missingInput(Strings.cannotRead(error.path, reason: error.reason))
        }
    }

    /// Appends an entry and waits until it is on disk, so that a crash right after cannot lose it.
    func record(_ entry: LedgerEntry, at time: String) throws(CommandError) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotCreate(Strings.cannotWrite(path, reason: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        let line = entry.line(at: time)
        let written = line.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(descriptor) == 0 else {
            throw .cannotCreate(Strings.cannotWrite(path, reason: String(cString: strerror(errno))))
        }
    }
}
