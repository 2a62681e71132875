// MARK: - DeckIssue

/// One thing wrong with a deck file, at a JSON path, worded so that the author knows what to fix.
public struct DeckIssue: Equatable, Sendable {
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
        case negativeLevel(Int)
        case duplicateID(String)
        case duplicateCard(role: String, theme: String)
        case unknownRole(String)
        case unknownTheme(String)
        case unknownParent(String)
        case nestedSubTheme(String)
        case sectionWithoutText
        case unknownPlaceholder(String, allowed: [String])
        case noQuestions(Audience)
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
            return "\(error.line):\(error.column): " + Strings.syntaxError(error.reason)[language]
        }
        return "\(path): " + Strings.deckProblem(problem)[language]
    }
}

// MARK: - DeckIssues

/// Everything wrong with one deck file; thrown by `DeckDecoder.decode`.
public struct DeckIssues: Error, Equatable, Sendable {
    public let issues: [DeckIssue]

    public init(issues: [DeckIssue]) {
        self.issues = issues
    }
}

// MARK: - DeckFileError

/// A deck file that could not be loaded, with every issue found in it.
public struct DeckFileError: Error, Equatable, Sendable {
    public let file: String
    public let issues: [DeckIssue]

    public init(file: String, issues: [DeckIssue]) {
        self.file = file
        self.issues = issues
    }

    /// One `file: path: message` line per issue.
    public func lines(in language: Language) -> [String] {
        issues.map { "\(file):" + ($0.problem.isSyntax ? "" : " ") + $0.line(in: language) }
    }
}

extension DeckIssue.Problem {
    var isSyntax: Bool {
        if case .syntax = self { return true }
        return false
    }
}
