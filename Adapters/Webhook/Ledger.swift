import SamtaleCore

/// One confirmed delivery of a day's question: what makes `samtale post` post each target once a day.
public struct LedgerEntry: Equatable, Sendable {
    public let target: String
    public let date: CivilDate
    /// The question as posted.
    public let question: String

    public init(target: String, date: CivilDate, question: String) {
        self.target = target
        self.date = date
        self.question = question
    }

    /// The entry as one line of the ledger (JSON lines, appended), with the time it was delivered.
    public func line(at time: String) -> [UInt8] {
        var bytes = JSONWriter.bytes(
            .object([
                JSONMember("target", .string(target)), JSONMember("date", .string(date.description)),
                JSONMember("question", .string(question)), JSONMember("at", .string(time)),
            ]))
        bytes.append(0x0A)
        return bytes
    }

    /// The entries of a ledger file, and the numbers (from 1) of the lines that cannot be read: the end of a write
    /// cut short, never confirmed as written, so nothing was recorded by it. Empty lines are no entries.
    public static func entries(in bytes: [UInt8]) -> (entries: [LedgerEntry], unreadable: [Int]) {
        var entries: [LedgerEntry] = []
        var unreadable: [Int] = []
        for (index, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty {
            if let entry = entry(Array(line)) { entries.append(entry) } else { unreadable.append(index + 1) }
        }
        return (entries, unreadable)
    }

    private static func entry(_ line: [UInt8]) -> LedgerEntry? {
        guard let entry = try? JSONParser.parse(line) else { return nil }
        func text(_ key: String) -> String? {
            guard case .string(let text)? = entry.member(key) else { return nil }
            return text
        }
        guard let target = text("target"), let date = text("date").flatMap(CivilDate.init(iso:)),
            let question = text("question")
        else { return nil }
        return LedgerEntry(target: target, date: date, question: question)
    }
}
