// MARK: - Protocol

/// What a field of a JSON-lines request must hold, for the message of an `invalid-field` error.
public enum FieldExpectation: Equatable, Sendable {
    case string
    case stringOrNumber
    case trueOrFalse
    case wholeNumber(ClosedRange<Int>)
    /// A whole number from 0 up, as large as 64 bits hold: a seed.
    case naturalNumber
    case strings
    case stringOrStrings
    case oneOf([String])
    case sessionID
    case date
    /// Exactly one of the two fields, not both.
    case onlyOneOf(String, String)
    /// `"inline"` only starts a stateless session; later requests carry the token.
    case tokenNotInline
}

extension Strings {
    public static func invalidJSON(_ reason: JSONSyntaxError.Reason, column: Int) -> Localized {
        let syntax = syntaxError(reason)
        return text("ugyldig JSON: \(syntax.da) (tegn \(column))", "invalid JSON: \(syntax.en) (character \(column))")
    }

    public static let invalidUTF8Line = text("linjen er ikke gyldig UTF-8", "the line is not valid UTF-8")

    public static func lineTooLong(limit: Int) -> Localized {
        text("linjen er længere end \(limit) byte og blev sprunget over", "the line is longer than \(limit) bytes and was skipped")
    }

    public static let notAnObject = text("en forespørgsel skal være et JSON-objekt", "a request must be a JSON object")

    public static func unknownRequestType(_ type: String) -> Localized {
        text("ukendt type »\(type)«; se PROTOCOL.md", "unknown type \"\(type)\"; see PROTOCOL.md")
    }

    /// A missing field, with the values it may take when there are few enough to list.
    public static func missingField(_ key: String, options: [String] = []) -> Localized {
        guard !options.isEmpty else { return text("feltet »\(key)« mangler", "the field \"\(key)\" is missing") }
        let list = options.joined(separator: ", ")
        return text("feltet »\(key)« mangler; vælg et af: \(list)", "the field \"\(key)\" is missing; choose one of: \(list)")
    }

    public static func invalidField(_ key: String, _ expected: FieldExpectation) -> Localized {
        let wanted: Localized = switch expected {
        case .string: text("en tekst", "a string")
        case .stringOrNumber: text("en tekst eller et tal", "a string or a number")
        case .trueOrFalse: text("true eller false", "true or false")
        case .wholeNumber(let range):
            text("et helt tal fra \(range.lowerBound) til \(range.upperBound)",
                 "a whole number from \(range.lowerBound) to \(range.upperBound)")
        case .naturalNumber: text("et helt tal fra 0", "a whole number from 0")
        case .strings: text("en liste af tekster", "a list of strings")
        case .stringOrStrings: text("en tekst eller en liste af tekster", "a string or a list of strings")
        case .oneOf(let values): text("et af: \(values.joined(separator: ", "))", "one of: \(values.joined(separator: ", "))")
        case .sessionID:
            text("et samtale-id (26 tegn: 0-9 og a-z uden i, l, o og u)",
                 "a session id (26 characters: 0-9 and a-z without i, l, o and u)")
        case .date: text("en dato som ÅÅÅÅ-MM-DD", "a date as YYYY-MM-DD")
        case .onlyOneOf(let first, let second):
            text("kun ét af felterne »\(first)« og »\(second)«", "only one of the fields \"\(first)\" and \"\(second)\"")
        case .tokenNotInline:
            text("tilstanden (token) fra den seneste »state«-linje; »inline« bruges kun til at starte en samtale",
                 "the token of the latest \"state\" line; \"inline\" only starts a session")
        }
        return text("feltet »\(key)« skal være \(wanted.da)", "the field \"\(key)\" must be \(wanted.en)")
    }

    public static func noDeckForFlow(_ flow: String) -> Localized {
        text("intet kortsæt passer til samtaleformen \(flow)", "no deck fits the flow \(flow)")
    }

    public static func unknownSession(_ id: SessionID) -> Localized {
        text("der er ingen samtale \(id)", "there is no session \(id)")
    }

    public static func sessionExists(_ id: SessionID) -> Localized {
        text("samtalen \(id) findes allerede", "session \(id) exists already")
    }

    public static func sessionFinished(_ id: SessionID) -> Localized {
        text("samtalen \(id) er slut", "session \(id) has ended")
    }

    public static func tokenRefused(_ failure: SessionToken.Failure) -> Localized {
        switch failure {
        case .malformed:
            text("tilstanden (state) er ikke et helt token fra denne version af samtale",
                 "the state is not a whole token of this version of samtale")
        case .badSignature:
            text("tilstanden (state) er ændret eller lavet med en anden nøgle (SAMTALE_TOKEN_KEY)",
                 "the state token was altered or made with another key (SAMTALE_TOKEN_KEY)")
        case .expired:
            text("tilstanden (state) er udløbet; start samtalen forfra", "the state token has expired; start the session again")
        case .damaged(let error):
            tokenDamaged(error)
        }
    }

    private static func tokenDamaged(_ error: SessionFileError) -> Localized {
        let reason = switch error {
        case .damaged(let damage): sessionDamage(damage)
        case .unsupportedFormat: text("skrevet af en anden version af samtale", "written by another version of samtale")
        case .unencodable: sessionUnencodable
        }
        return text("tilstanden (state) er beskadiget (\(reason.da))", "the state token is damaged (\(reason.en))")
    }

    public static let tokenForAnotherSession = text(
        "tilstanden (state) hører til en anden samtale", "the state token belongs to another session"
    )

    /// Said once, when a server without `SAMTALE_TOKEN_KEY` makes its first token.
    public static let tokenKeyNote = text(
        "SAMTALE_TOKEN_KEY er ikke sat: tilstande (state) gælder kun i denne proces; sæt den samme nøgle i alle processer, der deler samtaler",
        "SAMTALE_TOKEN_KEY is not set: state tokens hold only in this process; set the same key in every process that shares conversations"
    )
}
