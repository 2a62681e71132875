// MARK: - ReflectionStore

/// The answers to the day's question kept in chat, one file per place and day (`HASH.DAY.json`, HASH from the place:
/// an endpoint and the team and channel it was written in), so that two channels sharing an endpoint never see each
/// other's answers, and a day past keeping is deleted whole by its name alone.
///
/// Files are written as sessions are: 0600 in a 0700 folder, through a temporary file renamed over the old one and
/// the folder synced. Every change reads and writes the file under the folder's lock (`.lock`, `flock`), so two
/// processes answering at once both keep their answers: no answer a person was told is kept is lost.
public struct ReflectionStore: Sendable {
    public let directory: String
    /// How long a change waits for another process's (which takes milliseconds) before it reports `busy`.
    public let lockPatienceMilliseconds: Int

    /// Far above the answers a team writes in a day.
    static let largestFile = 16 << 20

    public init(directory: String, lockPatienceMilliseconds: Int = 10_000) {
        self.directory = directory
        self.lockPatienceMilliseconds = lockPatienceMilliseconds
    }

    /// The answers given in `place` to the question of `date`; none when no one has answered.
    public func answers(in place: String, on date: CivilDate) throws(ReflectionStoreError) -> ReflectionAnswers {
        try read(path(of: place, on: date), date: date)
    }

    /// Adds what a person wrote to their answer in `place` to the question of `date`, and gives the day's answers
    /// as saved, and whether it was the person's first answer of the day.
    public func add(
        _ text: String, by authorID: String, named name: String?, at moment: String, in place: String,
        on date: CivilDate
    ) throws(ReflectionStoreError) -> (answers: ReflectionAnswers, isFirst: Bool) {
        do {
            try SessionStore.createDirectory(directory)
        } catch {
            throw .folder(error)
        }
        let lock = try self.lock()
        defer { lock.release() }
        let path = path(of: place, on: date)
        var answers = try read(path, date: date)
        let isFirst = answers.add(text, by: authorID, named: name, at: moment)
        let bytes = JSONWriter.bytes(answers.jsonValue)
        // A file no one could read again would lose every answer of the day.
        guard bytes.count <= Self.largestFile else { throw .full(path: path) }
        do {
            try FileSystem.replace(path, with: bytes, through: path + ".tmp")
        } catch {
            throw .cannotWrite(path: path, code: error.code)
        }
        do {
            try FileSystem.synchronizeDirectory(directory)
        } catch {
            throw .cannotWrite(path: directory, code: error.code)
        }
        return (answers, isFirst)
    }

    /// Deletes the answers to every day before `date` (data minimisation: a chat's `inactiveDays` before today), and
    /// says how many files (one per place and day) it deleted; with `dryRun`, how many it would delete.
    @discardableResult
    public func prune(before date: CivilDate, dryRun: Bool = false) throws(ReflectionStoreError) -> Int {
        let names: [String]
        do {
            names = try FileSystem.directoryEntries(directory)
        } catch  where error.isMissing {
            return 0
        } catch {
            throw .cannotRead(path: directory, code: error.code)
        }
        let lock = try self.lock()
        defer { lock.release() }
        var deleted = 0
        for name in names {
            guard let day = Self.day(ofFileNamed: name), day < date else { continue }
            guard !dryRun else {
                deleted += 1
                continue
            }
            do {
                if try FileSystem.removeIfPresent(Self.join(directory, name)) { deleted += 1 }
            } catch {
                throw .cannotWrite(path: Self.join(directory, name), code: error.code)
            }
        }
        return deleted
    }

    // MARK: Files

    /// `HASH.YYYY-MM-DD.json`: the first 80 bits of the SHA-256 of the place in hex, so the name says nothing of it.
    func path(of place: String, on date: CivilDate) -> String {
        let hash = SHA256.hash(Array(place.utf8)).prefix(10)
        let hex = hash.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
        return Self.join(directory, hex.joined() + ".\(date).json")
    }

    /// The day of a file this store wrote, from its name (a temporary file that a killed process left too); nil for
    /// any other name.
    static func day(ofFileNamed name: String) -> CivilDate? {
        let file = name.hasSuffix(".tmp") ? name.dropLast(4) : Substring(name)
        let parts = file.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 20, parts[2] == "json",
            parts[0].utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        return CivilDate(iso: String(parts[1]))
    }

    private func read(_ path: String, date: CivilDate) throws(ReflectionStoreError) -> ReflectionAnswers {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readRegularFile(path, followingLinks: false, limit: Self.largestFile)
        } catch  where error.isMissing {
            return ReflectionAnswers(date: date)
        } catch {
            throw .unreadable(path: path, error)
        }
        guard let json = try? JSONParser.parse(bytes), let answers = ReflectionAnswers(json: json),
            answers.date == date
        else { throw .damaged(path: path) }
        return answers
    }

    private func lock() throws(ReflectionStoreError) -> FileSystem.Lock {
        let path = Self.join(directory, ".lock")
        let lock: FileSystem.Lock?
        do {
            lock = try FileSystem.Lock.acquire(path, waitingUpTo: lockPatienceMilliseconds)
        } catch {
            throw .cannotWrite(path: path, code: error.code)
        }
        guard let lock else { throw .busy(path: directory) }
        return lock
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

// MARK: - ReflectionStoreError

/// Why the day's answers could not be read or kept; told to the person running the server, never to the chat.
public enum ReflectionStoreError: ExplainedError, Equatable, Sendable {
    /// The folder could not be made (as a sessions folder is made).
    case folder(SessionStoreError)
    case unreadable(path: String, FileSystem.Failure)
    case cannotRead(path: String, code: Int32)
    /// The file is there but is not what this store writes; it is left as it is.
    case damaged(path: String)
    case cannotWrite(path: String, code: Int32)
    /// The day's answers in the place have grown past what the store reads; the answer was not kept.
    case full(path: String)
    /// Another process has held the folder's lock for longer than a change takes; nothing was kept.
    case busy(path: String)

    public var message: Localized {
        switch self {
        case .folder(let error):
            error.message
        case .unreadable(let path, let failure):
            Strings.cannotRead(path, reason: failure.message)
        case .cannotRead(let path, let code):
            Strings.cannotRead(path, reason: Strings.systemError(code))
        case .damaged(let path):
            Strings.cannotRead(
                path,
                reason: Strings.text(
                    "filen er ikke i det format, som dagens svar gemmes i; den er ikke ændret",
                    "the file is not in the format the day's answers are saved in; it has not been changed"))
        case .cannotWrite(let path, let code):
            SessionStoreError.cannotWrite(path: path, code: code).message
        case .full(let path):
            Strings.text(
                "\(path) kan ikke rumme flere svar i dag (højst \(Strings.byteSize(ReflectionStore.largestFile).da)); "
                    + "svaret er ikke gemt",
                "\(path) cannot hold more answers today (at most \(Strings.byteSize(ReflectionStore.largestFile).en)); "
                    + "the answer has not been saved")
        case .busy(let path):
            Strings.text(
                "svarene i \(path) kan ikke gemmes lige nu, fordi et andet program er i gang med at gemme i samme "
                    + "mappe; prøv igen om lidt",
                "the answers in \(path) cannot be saved right now, because another program is writing to the same "
                    + "folder; try again shortly")
        }
    }
}
