// MARK: - DataIssue

/// One thing wrong with a deck or flow file, at a JSON path, worded so that the author knows what to fix.
public struct DataIssue: Equatable, Sendable {
    public enum Problem: Equatable, Sendable {
        case syntax(JSONSyntaxError)
        case unknownKey(String)
        case missingKey(String)
        case duplicateKey(String)
        case wrongType(expected: JSONKind, found: JSONKind)
        case emptyText
        case emptyList
        case invalidID(String)
        case unsupportedFormat(String)
        case notOneOf(String, allowed: [String])
        /// A number that is not a whole number from `lowest` to `highest` (at least `lowest` when nil), as written.
        case outOfRange(String, lowest: Int, highest: Int?)
        case negativeLevel(Int)
        case duplicateID(String)
        /// A flow's own id of the form samtale gives the questions it numbers itself (`q1`).
        case reservedID(String)
        case duplicateCard(role: String, theme: String)
        case unknownRole(String)
        case unknownTheme(String)
        case unknownParent(String)
        case nestedSubTheme(String)
        case sectionWithoutText
        /// A list of a section that does not stand between two of its paragraphs.
        case listOutOfPlace(after: Int, paragraphs: Int)
        /// A correction whose original the deck's texts do not hold.
        case correctionNotFound(String)
        /// A correction of an original that a correction before it already reads otherwise.
        case duplicateCorrection(String)
        /// A question given twice in one list of a card (its `questions`, `written` or `needsContext` of an audience)
        /// or of a theme (its `energizers`).
        case duplicateQuestion(String)
        /// A deck id that an earlier file of the same `validate` run defines too (at run time one would replace the
        /// other).
        case deckIDInUse(String, file: String)
        /// A correction whose reading the deck's texts already hold, so that its places could not be told apart.
        case readingInSource(String)
        case unknownPlaceholder(String, allowed: [String])
        case noQuestions(Audience)
        /// Questions written for samtale on an audience that already has the source's own.
        case writtenBesideSource(Audience)
        /// A question named under `needsContext` that the card does not ask that audience word for word.
        case notAQuestionOfTheCard(String, Audience)
        /// Exactly one of these keys must be given, and neither or both were.
        case exactlyOneOf([String])
        /// A webhook URL that cannot be used; the reason names the host at most, never the secret part.
        case invalidWebhook(Localized)
        /// A value its option refuses (a prompt option of a targets file), in the words of the option's checker.
        case invalidValue(Localized)
    }

    public let path: JSONPath
    public let problem: Problem

    public init(_ problem: Problem, at path: JSONPath) {
        self.problem = problem
        self.path = path
    }

    /// The line `validate` prints: `cards[12].questions.group[2]: empty text`, or `3:14: …` for a syntax error.
    public func line(in language: Language) -> String {
        if case .syntax(let error) = problem {
            return "\(error.line):\(error.column): " + error.reason.message[language]
        }
        return "\(path): " + Strings.deckProblem(problem)[language]
    }
}

// MARK: - DataIssues

/// Everything wrong with one data file; thrown by `DeckDecoder.decode` and `FlowDecoder.decode`.
public struct DataIssues: Error, Equatable, Sendable {
    public let issues: [DataIssue]

    public init(issues: [DataIssue]) {
        self.issues = issues
    }
}

// MARK: - DataFileError

/// A data file that could not be loaded, with every issue found in it.
public struct DataFileError: Error, Equatable, Sendable {
    public let file: String
    public let issues: [DataIssue]

    public init(file: String, issues: [DataIssue]) {
        self.file = file
        self.issues = issues
    }

    /// One `file: path: message` line per issue.
    public func lines(in language: Language) -> [String] {
        issues.map { "\(file):" + ($0.problem.isSyntax ? "" : " ") + $0.line(in: language) }
    }
}

extension DataIssue.Problem {
    var isSyntax: Bool {
        if case .syntax = self { return true }
        return false
    }
}
