import SamtaleCore

/// The replies a thread was given lately, by the platform's message id, so that a message the platform sends again
/// (Teams retries after 5 s; a replayed request) gets the same reply and never moves the conversation twice.
///
/// Kept in a file of the thread's own beside the sessions (`ID.replies.json`, ID the id of the thread's first
/// conversation), not in a session: a retry may come after the conversation it answered has finished and the next
/// has started, and a session's record stays what `export` gives. The file holds what the replies said, so it is
/// written as sessions are (0600, whole or not at all) and holds nothing older than `lifetimeSeconds`.
public struct ChatReplies {
    /// Ten minutes: far longer than any platform retries.
    static let lifetimeSeconds: Int64 = 10 * 60
    /// More messages than a person writes in ten minutes; past it the oldest go.
    static let kept = 32
    /// Far above `kept` replies at the platforms' largest.
    private static let largestFile = 4 << 20

    private struct Entry {
        let messageID: String
        let at: Int64
        let text: String
    }

    let path: String
    private var entries: [Entry]

    /// The replies of the thread whose replies are kept at `path` still within their lifetime at `now`; none when
    /// there is no file, or one that cannot be read (it only ever holds what can be lost).
    init(path: String, now: Timestamp) {
        self.path = path
        guard let bytes = try? FileSystem.readRegularFile(path, followingLinks: false, limit: Self.largestFile),
            case .array(let items)? = try? JSONParser.parse(bytes)
        else {
            entries = []
            return
        }
        entries = items.compactMap { item in
            guard case .string(let id)? = item.member("id"), case .number(let at)? = item.member("at"),
                let seconds = Int64(at), case .string(let text)? = item.member("text")
            else { return nil }
            return Entry(messageID: id, at: seconds, text: text)
        }
        entries.removeAll { now.secondsSinceEpoch - $0.at > Self.lifetimeSeconds }
    }

    /// Deletes every thread's replies file beside the sessions that holds nothing younger than `lifetimeSeconds` at
    /// `now` (or cannot be read), with its temporary copy. A thread whose conversation goes on writes its file
    /// again with the next reply; one that only answered the day's question has no conversation to take the file
    /// with it, so without this it would stay for good. Under the lock each message is answered under, so that no
    /// reply is written while its file is judged; when a message holds it too long, the next prune does it.
    public static func prune(in store: SessionStore, now: Timestamp) throws(SessionStoreError) {
        let folder = store.directory
        let names: [String]
        do {
            names = try FileSystem.directoryEntries(folder)
        } catch  where error.isMissing {
            return
        } catch {
            throw .cannotRead(path: folder, code: error.code)
        }
        let files = Set(
            names.compactMap { name -> String? in
                let file = name.hasSuffix(".tmp") ? name.dropLast(4) : Substring(name)
                guard let dot = file.firstIndex(of: "."), let thread = SessionID(validating: String(file[..<dot])),
                    file == ChatOrigin.repliesFileName(of: thread)
                else { return nil }
                return folder + "/" + file
            })
        guard let lock = try ChatHandler.messageLock(in: store) else { return }
        defer { lock.release() }
        for path in files.sorted() where ChatReplies(path: path, now: now).entries.isEmpty {
            for file in [path + ".tmp", path] {
                // A file without its temporary copy, or a copy without its file: gone either way.
                do {
                    try FileSystem.removeIfPresent(file)
                } catch {
                    throw .cannotWrite(path: file, code: error.code)
                }
            }
        }
    }

    /// The reply given to the message with this id.
    func reply(to messageID: String) -> String? {
        entries.last { $0.messageID == messageID }?.text
    }

    /// Keeps the reply to a message and writes the file.
    mutating func keep(_ text: String, for messageID: String, at now: Timestamp) throws(FileSystem.WriteError) {
        entries.append(Entry(messageID: messageID, at: now.secondsSinceEpoch, text: text))
        entries = Array(entries.suffix(Self.kept))
        let json = JSONValue.array(
            entries.map { entry in
                .object([
                    JSONMember("id", .string(entry.messageID)), JSONMember("at", .number(String(entry.at))),
                    JSONMember("text", .string(entry.text)),
                ])
            })
        try FileSystem.replace(path, with: JSONWriter.bytes(json), through: path + ".tmp")
    }
}
