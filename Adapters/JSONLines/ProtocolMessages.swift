import SamtaleCore

// MARK: - ProtocolError

/// One `error` line: a stable code for programs, a message for people in the interface language. Each error names
/// its code and says its message in one exhaustive switch apiece, so no error can fall through to another's text.
enum ProtocolError: ExplainedError {
    /// The codes of protocol version 1, as documented in PROTOCOL.md.
    enum Code: String, CaseIterable {
        case invalidJSON = "invalid-json"
        case invalidUTF8 = "invalid-utf8"
        case lineTooLong = "line-too-long"
        case notAnObject = "not-an-object"
        case unknownType = "unknown-type"
        case missingField = "missing-field"
        case invalidField = "invalid-field"
        case unknownName = "unknown-name"
        case invalidSetup = "invalid-setup"
        case unknownSession = "unknown-session"
        case sessionExists = "session-exists"
        case sessionFinished = "session-finished"
        case sessionChanged = "session-changed"
        case sessionBusy = "session-busy"
        case invalidToken = "invalid-token"
        case damagedSession = "damaged-session"
        case cannotSave = "cannot-save"
    }

    case invalidJSON(JSONSyntaxError.Reason, column: Int)
    case invalidUTF8
    case lineTooLong(limit: Int)
    case notAnObject
    case unknownType(String)
    /// A missing field, with the values it may take when there are few enough to list.
    case missingField(String, options: [String] = [])
    case invalidField(String, FieldExpectation)
    /// Two fields given where only one of them may be.
    case fieldsExclusive(String, String)
    /// A target group that cannot be used, in the words of the one parser of prompt options.
    case targetGroup(PromptOptionError)
    /// A deck named where no conversation starts (`list`).
    case name(NameError)
    case start(StartError)
    case prompt(PromptError)
    case unknownSession(SessionID)
    case sessionExists(SessionID)
    case sessionFinished(SessionID)
    /// A session store's failure: each has its own code.
    case store(SessionStoreError)
    case token(SessionToken.Failure)
    case tokenForAnotherSession

    var code: Code {
        switch self {
        case .invalidJSON: .invalidJSON
        case .invalidUTF8: .invalidUTF8
        case .lineTooLong: .lineTooLong
        case .notAnObject: .notAnObject
        case .unknownType: .unknownType
        case .missingField: .missingField
        case .invalidField, .fieldsExclusive, .targetGroup: .invalidField
        case .name, .start(.name), .prompt(.name): .unknownName
        case .start(.noDeck), .start(.setup), .start(.noSeries), .start(.seriesUnfinished), .start(.participants),
            .prompt(.noQuestions):
            .invalidSetup
        case .start(.blankName): .invalidField
        case .unknownSession, .store(.notFound): .unknownSession
        case .sessionExists: .sessionExists
        case .sessionFinished: .sessionFinished
        case .store(.changed), .store(.deleted): .sessionChanged
        case .store(.busy): .sessionBusy
        case .store(.damaged), .store(.cannotRead), .store(.notAFile), .store(.tooLarge): .damagedSession
        case .store(.openToOthers), .store(.cannotCreate), .store(.cannotWrite),
            .store(.tooLargeToSave):
            .cannotSave
        case .token(.damaged): .damagedSession
        case .token(.malformed), .token(.badSignature), .token(.expired), .tokenForAnotherSession: .invalidToken
        }
    }

    var message: Localized {
        switch self {
        case .invalidJSON(let reason, let column):
            let syntax = reason.message
            return Localized(
                da: "ugyldig JSON: \(syntax.da) (kolonne \(column))",
                en: "invalid JSON: \(syntax.en) (column \(column))")
        case .invalidUTF8:
            return Localized(da: "linjen er ikke gyldig UTF-8", en: "the line is not valid UTF-8")
        case .lineTooLong(let limit):
            return Localized(
                da: "linjen er længere end \(limit) byte og blev sprunget over",
                en: "the line is longer than \(limit) bytes and was skipped")
        case .notAnObject:
            return Localized(da: "en forespørgsel skal være et JSON-objekt", en: "a request must be a JSON object")
        case .unknownType(let type):
            return Localized(
                da: "ukendt type »\(type)«; se PROTOCOL.md",
                en: "unknown type \"\(type)\"; see PROTOCOL.md")
        case .missingField(let key, let options) where options.isEmpty:
            return Localized(da: "feltet »\(key)« mangler", en: "the field \"\(key)\" is missing")
        case .missingField(let key, let options):
            let list = options.joined(separator: ", ")
            return Localized(
                da: "feltet »\(key)« mangler; vælg mellem: \(list)",
                en: "the field \"\(key)\" is missing; choose one of: \(list)")
        case .invalidField(let key, let expected):
            return Localized(
                da: "feltet »\(key)« skal være \(expected.wanted.da)",
                en: "the field \"\(key)\" must be \(expected.wanted.en)")
        case .fieldsExclusive(let first, let second):
            return Localized(
                da: "felterne »\(first)« og »\(second)« kan ikke bruges sammen; brug kun ét af dem",
                en: "the fields \"\(first)\" and \"\(second)\" cannot be used together; "
                    + "use only one of them")
        case .targetGroup(let error):
            return error.message
        case .name(let error):
            return error.message
        case .start(let error):
            return error.message
        case .prompt(let error):
            return error.message
        case .unknownSession(let id), .store(.notFound(let id)):
            return Localized(da: "der er ingen samtale \(id)", en: "there is no session \(id)")
        case .sessionExists(let id):
            return Localized(da: "samtalen \(id) findes allerede", en: "session \(id) exists already")
        case .sessionFinished(let id):
            return Localized(da: "samtalen \(id) er slut", en: "session \(id) has ended")
        case .store(let error):
            return error.message
        case .token(let failure):
            return Self.tokenRefused(failure)
        case .tokenForAnotherSession:
            return Localized(
                da: "tilstanden (state) hører til en anden samtale",
                en: "the state token belongs to another session")
        }
    }

    private static func tokenRefused(_ failure: SessionToken.Failure) -> Localized {
        switch failure {
        case .malformed:
            Localized(
                da: "tilstanden (state) er afkortet eller kommer fra en anden version af samtale; send hele teksten "
                    + "fra den seneste »state«-linje",
                en: "the state token is truncated or comes from another version of samtale; send the whole text of "
                    + "the latest \"state\" line"
            )
        case .badSignature:
            Localized(
                da: "tilstanden (state) er blevet ændret eller er signeret med en anden nøgle (SAMTALE_TOKEN_KEY); "
                    + "brug den samme nøgle overalt, eller start samtalen forfra",
                en: "the state token was altered or signed with another key (SAMTALE_TOKEN_KEY); use the same key "
                    + "everywhere, or start the session again"
            )
        case .expired:
            Localized(
                da: "tilstanden (state) er udløbet; start samtalen forfra",
                en: "the state token has expired; start the session again")
        case .damaged(let error):
            tokenDamaged(error)
        }
    }

    private static func tokenDamaged(_ error: SessionFileError) -> Localized {
        let reason: Localized
        switch error {
        case .damaged(let damage): reason = damage.message
        case .unsupportedFormat:
            return Localized(
                da: "tilstanden (state) er lavet af en anden version af samtale og kan ikke læses af denne; "
                    + "start samtalen forfra",
                en: "the state token was made by another version of samtale and cannot be read by this one; "
                    + "start the session again"
            )
        }
        return Localized(
            da: "tilstanden (state) er beskadiget (\(reason.da))",
            en: "the state token is damaged (\(reason.en))")
    }
}

// MARK: - FieldExpectation

/// What a field of a request must hold, for the message of an `invalid-field` error.
enum FieldExpectation: Equatable {
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

    fileprivate var wanted: Localized {
        switch self {
        case .string: Localized(da: "en tekst", en: "a string")
        case .stringOrNumber: Localized(da: "en tekst eller et tal", en: "a string or a number")
        case .trueOrFalse: Localized(da: "true eller false", en: "true or false")
        case .wholeNumber(let range):
            Localized(
                da: "et helt tal fra \(range.lowerBound) til \(range.upperBound)",
                en: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        case .naturalNumber:
            Localized(da: "et helt tal fra 0 til \(UInt64.max)", en: "a whole number from 0 to \(UInt64.max)")
        case .strings: Localized(da: "en liste med tekster", en: "a list of strings")
        case .stringOrStrings: Localized(da: "en tekst eller en liste med tekster", en: "a string or a list of strings")
        case .oneOf(let values):
            Localized(da: "en af: \(values.joined(separator: ", "))", en: "one of: \(values.joined(separator: ", "))")
        case .sessionID:
            Localized(
                da: "et samtale-id (26 tegn: 0-9 og a-z uden i, l, o og u)",
                en: "a session id (26 characters: 0-9 and a-z without i, l, o and u)")
        case .date: Localized(da: "en dato som ÅÅÅÅ-MM-DD", en: "a date as YYYY-MM-DD")
        case .tokenNotInline:
            Localized(
                da: "tilstanden fra den seneste »state«-linje; »inline« bruges kun, når en samtale startes",
                en: "the token of the latest \"state\" line; \"inline\" is only for starting a session")
        }
    }
}

// MARK: - Notices

extension JSONLinesServer {
    /// Said once, when a server without `SAMTALE_TOKEN_KEY` makes its first token.
    static let tokenKeyNote = Localized(
        da: "SAMTALE_TOKEN_KEY er ikke sat: tilstande (state) gælder kun, så længe denne proces kører; sæt den "
            + "samme nøgle i alle processer, der deler samtaler",
        en: "SAMTALE_TOKEN_KEY is not set: state tokens are valid only while this process runs; set the same key in "
            + "every process that shares conversations"
    )
}
