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
            throw .cannotCreate(CommandLineStrings.cannotWrite(lockPath, reason: error.message))
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
            System.printError("samtale: \(CommandLineStrings.postLedgerTorn(path, lines: unreadable)[language])")
        }
        return entries
    }

    /// Appends an entry on a line of its own and waits until it is on disk, so that a crash right after cannot lose
    /// it, nor glue it to a record a crash cut short (and so post its target again).
    func record(_ entry: LedgerEntry, at time: String) throws(CommandError) {
        do {
            try FileSystem.appendLine(entry.line(at: time), to: path)
        } catch {
            throw .cannotCreate(CommandLineStrings.cannotWrite(path, reason: error.message))
        }
    }
}
