// MARK: - SessionDamage

/// What makes a session file (or a state token) unusable, found when it is read, so that a damaged or altered file
/// is reported by name and never reaches the state machine, whose `preconditionFailure`s are for programmer error only.
public enum SessionDamage: Error, Equatable, Sendable {
    /// Not JSON: the parser's reason, with line and column.
    case syntax(JSONSyntaxError.Reason, line: Int, column: Int)
    /// JSON, but not a session: a member missing, of the wrong type, or out of range, at `path`.
    case field(path: String, problem: FieldProblem)
    /// A place in the conversation that its script does not have: a step past the end, a question out of range.
    case positionOutsideScript(path: String)
    /// A step of the script that the state machine cannot walk: no areas to chart, an empty choice, a points total or
    /// scale out of range, or a question id used twice.
    case invalidStep(index: Int)
    /// An answer to a question the script does not ask, or one that the question would not have accepted.
    case invalidAnswer(id: String)
    /// The file's name and the id inside it differ: a session file renamed or copied by hand.
    case idMismatch(file: String, inside: String)

    /// The names of the places a conversation keeps, in the session record or in the shape releases before it
    /// saved (`SessionRecord+Migration.swift`), for a message that points into the file as it is.
    enum Paths: Sendable {
        case record
        case beforeRecord
    }

    /// The kinds of trouble with one member.
    public enum FieldProblem: Equatable, Sendable {
        case missing(String)
        case wrongType
        case outOfRange
        case unreadable
    }
}

extension SessionDamage: ExplainedError {
    /// What is wrong, for the message that names the damaged file or token.
    public var message: Localized {
        let text = Strings.text
        switch self {
        case .syntax(.invalidUTF8, let line, let column):
            // Not the deck files' advice to save the file as UTF-8: nobody writes a session file by hand.
            return text(
                "ugyldig UTF-8 i linje \(line), kolonne \(column)", "invalid UTF-8 at line \(line), column \(column)")
        case .syntax(let reason, let line, let column):
            let syntax = reason.message
            return text(
                "\(syntax.da) i linje \(line), kolonne \(column)", "\(syntax.en) at line \(line), column \(column)")
        case .field(let path, .missing(let key)):
            return path.isEmpty
                ? text("feltet »\(key)« mangler", "the field \"\(key)\" is missing")
                : text("feltet »\(key)« mangler i »\(path)«", "the field \"\(key)\" is missing in \"\(path)\"")
        case .field(let path, .wrongType):
            return path.isEmpty
                ? text("indholdet er ikke et JSON-objekt", "the content is not a JSON object")
                : text("feltet »\(path)« har forkert type", "the field \"\(path)\" has the wrong type")
        case .field(let path, .outOfRange):
            return text(
                "feltet »\(path)« har et tal, der er for stort eller for lille",
                "the field \"\(path)\" holds a number that is too large or too small")
        case .field(let path, .unreadable):
            return text("feltet »\(path)« har en ugyldig værdi", "the field \"\(path)\" has an invalid value")
        case .positionOutsideScript(let path):
            return text(
                "feltet »\(path)« peger på et sted, der ikke findes i samtalen",
                "the field \"\(path)\" points to a place that does not exist in the conversation")
        case .invalidStep(let index):
            return text(
                "trin \(index) i samtalens forløb kan ikke gennemføres",
                "step \(index) of the conversation cannot be taken")
        case .invalidAnswer(let id):
            return text(
                "svaret på »\(id)« passer ikke til spørgsmålet", "the answer to \"\(id)\" does not fit its question")
        case .idMismatch(let file, let inside):
            return text(
                "filen er navngivet efter samtalen \(file), men indeholder samtalen \(inside); giv den navnet "
                    + "\(inside).json igen, eller slet den, hvis den er en kopi",
                "the file is named for session \(file) but holds session \(inside); give it back the name "
                    + "\(inside).json, or delete it if it is a copy"
            )
        }
    }
}
