// MARK: - ReflectionAnswers

/// The answers a team gave in chat to one day's question, in the order people first answered: one entry per person,
/// holding every message they wrote to it, since people answer in several messages (and answer the follow-up
/// question in the same thread) and each was acknowledged as kept.
public struct ReflectionAnswers: Equatable, Sendable {
    public struct Answer: Equatable, Sendable {
        /// The platform's id for the person; the name is the one it showed last.
        public let authorID: String
        public var authorName: String?
        /// What the person wrote, message by message.
        public var texts: [String]
        /// When the person last wrote, as a session's record writes a moment.
        public var at: String
    }

    public static let format = 1

    /// The day of the question answered.
    public let date: CivilDate
    public private(set) var answers: [Answer]

    public init(date: CivilDate, answers: [Answer] = []) {
        self.date = date
        self.answers = answers
    }

    /// Adds what a person wrote to their answer; true when it is their first of the day.
    @discardableResult
    public mutating func add(_ text: String, by authorID: String, named name: String?, at moment: String) -> Bool {
        guard let index = answers.firstIndex(where: { $0.authorID == authorID }) else {
            answers.append(Answer(authorID: authorID, authorName: name, texts: [text], at: moment))
            return true
        }
        answers[index].texts.append(text)
        answers[index].authorName = name ?? answers[index].authorName
        answers[index].at = moment
        return false
    }

    /// Whether the person has answered this day.
    public func hasAnswer(by authorID: String) -> Bool {
        answers.contains { $0.authorID == authorID }
    }

    // MARK: JSON

    /// `{"format": 1, "date": "2026-11-27", "answers": [{"author": …, "name": …, "at": …, "texts": […]}]}`
    public var jsonValue: JSONValue {
        .object([
            JSONMember("format", .integer(Self.format)), JSONMember("date", .string(date.description)),
            JSONMember(
                "answers",
                .array(
                    answers.map { answer in
                        .object([
                            JSONMember("author", .string(answer.authorID)),
                            JSONMember("name", .optional(answer.authorName)), JSONMember("at", .string(answer.at)),
                            JSONMember("texts", .strings(answer.texts)),
                        ])
                    })),
        ])
    }

    /// The answers a file holds; nil for anything but what `jsonValue` writes, so a damaged file is never taken for
    /// an empty day and overwritten.
    public init?(json: JSONValue) {
        guard case .number(let format)? = json.member("format"), format == String(Self.format),
            case .string(let day)? = json.member("date"), let date = CivilDate(iso: day),
            case .array(let items)? = json.member("answers")
        else { return nil }
        var answers: [Answer] = []
        for item in items {
            guard case .string(let author)? = item.member("author"), case .string(let at)? = item.member("at"),
                case .array(let values)? = item.member("texts")
            else { return nil }
            var name: String?
            switch item.member("name") {
            case .string(let text)?: name = text
            case .null?, nil: name = nil
            default: return nil
            }
            var texts: [String] = []
            for value in values {
                guard case .string(let text) = value else { return nil }
                texts.append(text)
            }
            answers.append(Answer(authorID: author, authorName: name, texts: texts, at: at))
        }
        self.init(date: date, answers: answers)
    }
}
