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
    /// `"inline"` only starts a stateless session; later requests carry the token.
    case tokenNotInline
}

extension Strings {
    public static func invalidJSON(_ reason: JSONSyntaxError.Reason, column: Int) -> Localized {
        let syntax = syntaxError(reason)
        return text("ugyldig JSON: \(syntax.da) (kolonne \(column))", "invalid JSON: \(syntax.en) (column \(column))")
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
        return text("feltet »\(key)« mangler; vælg mellem: \(list)", "the field \"\(key)\" is missing; choose one of: \(list)")
    }

    /// Two fields given where only one of them may be.
    public static func fieldsExclusive(_ first: String, _ second: String) -> Localized {
        text("felterne »\(first)« og »\(second)« kan ikke bruges sammen; brug kun ét af dem",
             "the fields \"\(first)\" and \"\(second)\" cannot be used together; use only one of them")
    }

    public static func invalidField(_ key: String, _ expected: FieldExpectation) -> Localized {
        let wanted: Localized = switch expected {
        case .string: text("en tekst", "a string")
        case .stringOrNumber: text("en tekst eller et tal", "a string or a number")
        case .trueOrFalse: text("true eller false", "true or false")
        case .wholeNumber(let range):
            text("et helt tal fra \(range.lowerBound) til \(range.upperBound)",
                 "a whole number from \(range.lowerBound) to \(range.upperBound)")
        case .naturalNumber: text("et helt tal fra 0 til \(UInt64.max)", "a whole number from 0 to \(UInt64.max)")
        case .strings: text("en liste med tekster", "a list of strings")
        case .stringOrStrings: text("en tekst eller en liste med tekster", "a string or a list of strings")
        case .oneOf(let values): text("en af: \(values.joined(separator: ", "))", "one of: \(values.joined(separator: ", "))")
        case .sessionID:
            text("et samtale-id (26 tegn: 0-9 og a-z uden i, l, o og u)",
                 "a session id (26 characters: 0-9 and a-z without i, l, o and u)")
        case .date: text("en dato som ÅÅÅÅ-MM-DD", "a date as YYYY-MM-DD")
        case .tokenNotInline:
            text("tilstanden fra den seneste »state«-linje; »inline« bruges kun, når en samtale startes",
                 "the token of the latest \"state\" line; \"inline\" is only for starting a session")
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
            text("tilstanden (state) er afkortet eller kommer fra en anden version af samtale; send hele teksten fra den seneste »state«-linje",
                 "the state token is truncated or comes from another version of samtale; send the whole text of the latest \"state\" line")
        case .badSignature:
            text("tilstanden (state) er blevet ændret eller er signeret med en anden nøgle (SAMTALE_TOKEN_KEY); brug den samme nøgle overalt, eller start samtalen forfra",
                 "the state token was altered or signed with another key (SAMTALE_TOKEN_KEY); use the same key everywhere, or start the session again")
        case .expired:
            text("tilstanden (state) er udløbet; start samtalen forfra", "the state token has expired; start the session again")
        case .damaged(let error):
            tokenDamaged(error)
        }
    }

    private static func tokenDamaged(_ error: SessionFileError) -> Localized {
        let reason: Localized
        switch error {
        case .damaged(let damage): reason = damage.message
        case .unsupportedFormat:
            return text("tilstanden (state) er lavet af en anden version af samtale og kan ikke læses af denne; start samtalen forfra",
                        "the state token was made by another version of samtale and cannot be read by this one; start the session again")
        }
        return text("tilstanden (state) er beskadiget (\(reason.da))", "the state token is damaged (\(reason.en))")
    }

    public static let tokenForAnotherSession = text(
        "tilstanden (state) hører til en anden samtale", "the state token belongs to another session"
    )

    /// Said once, when a server without `SAMTALE_TOKEN_KEY` makes its first token.
    public static let tokenKeyNote = text(
        "SAMTALE_TOKEN_KEY er ikke sat: tilstande (state) gælder kun, så længe denne proces kører; sæt den samme nøgle i alle processer, der deler samtaler",
        "SAMTALE_TOKEN_KEY is not set: state tokens are valid only while this process runs; set the same key in every process that shares conversations"
    )
}
