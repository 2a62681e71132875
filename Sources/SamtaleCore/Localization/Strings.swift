// MARK: - Strings

/// The interface texts of the core and its adapters in Danish and English, so adapters hold no literals; the
/// command line's own usage, help and argument messages are the executable's (`CommandLineStrings`).
public enum Strings {
    static func text(_ da: String, _ en: String) -> Localized {
        Localized(da: da, en: en)
    }

    // MARK: Prompts and cards

    public static let promptHeading = text("Dagens spørgsmål", "Question of the day")
    public static let pitfallsHeading = text("Typiske faldgruber", "Typical pitfalls")
    public static let templatesHeading = text("Refleksionsspørgsmål skrevet til samtale", "Reflection questions written for samtale")
    public static let templatesNote = text(
        "Kilden har ikke selv spørgsmål til alle kort. Der spørger samtale ud fra disse skabeloner, skrevet til samtale og ikke hentet fra kilden; {statement} er et udsagn fra kortet, {pitfall} en faldgrube, {theme} temaet og {role} rollen.",
        "The source does not have questions for every card. There samtale asks from these templates, written for samtale and not taken from the source; {statement} is a statement of the card, {pitfall} a pitfall, {theme} the theme and {role} the role."
    )

    public static func audienceLabel(_ audience: Audience) -> Localized {
        switch audience {
        case .individual: text("til den enkelte", "for the individual")
        case .group: text("til gruppen", "for the group")
        }
    }

    public static func audienceHeading(_ audience: Audience) -> Localized {
        switch audience {
        case .individual: text("Spørgsmål til den enkelte", "Questions for the individual")
        case .group: text("Spørgsmål til gruppen", "Questions for the group")
        }
    }

    public static func cardCount(_ count: Int) -> Localized {
        text("\(count) kort", count == 1 ? "1 card" : "\(count) cards")
    }

    public static func level(_ level: Int) -> Localized {
        level == Role.sharedLevel ? text("fælles for alle niveauer", "shared by all levels") : text("niveau \(level)", "level \(level)")
    }

    public static func dayOff(_ date: CivilDate, _ exclusion: DayExclusion) -> Localized {
        switch exclusion {
        case .weekend(let weekday):
            text("\(date) er en \(weekdayName(weekday).da), og weekenddage tæller ikke med; intet spørgsmål den dag.",
                 "\(date) is a \(weekdayName(weekday).en), and weekend days do not count; no question that day.")
        case .holiday(let holiday):
            // Juleaftensdag, nytårsaftensdag and grundlovsdag are customary days off, not public holidays.
            text("\(date) er \(holiday.name), og helligdage og faste fridage tæller ikke med; intet spørgsmål den dag.",
                 "\(date) is \(holiday.name), and Danish public holidays and customary days off do not count; "
                    + "no question that day.")
        }
    }

    public static func weekdayName(_ weekday: Weekday) -> Localized {
        switch weekday {
        case .monday: text("mandag", "Monday")
        case .tuesday: text("tirsdag", "Tuesday")
        case .wednesday: text("onsdag", "Wednesday")
        case .thursday: text("torsdag", "Thursday")
        case .friday: text("fredag", "Friday")
        case .saturday: text("lørdag", "Saturday")
        case .sunday: text("søndag", "Sunday")
        }
    }

    // MARK: Conversations

    /// Joins two names: "Medarbejder og Leder af medarbejder".
    public static let and = text(" og ", " and ")

    /// The words that confirm ending a conversation early, in either language.
    public static func isYes(_ answer: String) -> Bool {
        ["j", "ja", "y", "yes"].contains(answer.lowercased())
    }

    public static func agreementField(_ field: AgreementField, number: Int) -> Localized {
        switch field {
        case .what: text("Aftale \(number): hvad? (tomt svar: ikke flere aftaler)", "Agreement \(number): what? (empty answer: no more agreements)")
        case .who: text("Hvem?", "Who?")
        case .when: text("Hvornår?", "By when?")
        }
    }

    public static func progress(_ progress: Progress) -> Localized {
        text("Spørgsmål \(progress.current) af \(progress.total)", "Question \(progress.current) of \(progress.total)")
    }

    public static func askedBy(_ name: String) -> Localized {
        text("\(name) spørger:", "\(name) asks:")
    }

    public static func previousAnswer(_ answer: String) -> Localized {
        text("Tidligere svar: \(answer)", "Earlier answer: \(answer)")
    }

    public static let optionalHint = text("(frivilligt: tomt svar springer over)", "(optional: an empty answer skips it)")

    public static func answerHint(_ kind: Ask.Kind) -> Localized? {
        switch kind {
        case .text: nil
        case .scale(let minimum, let maximum): text("(\(minimum)–\(maximum))", "(\(minimum)–\(maximum))")
        case .choice(let options):
            text("(vælg med nummer eller navn: \(numbered(options)))", "(choose by number or name: \(numbered(options)))")
        case .points(let labels, let total):
            text("(fordel \(total) point som \(labels.count) tal i rækkefølgen: \(labels.joined(separator: ", ")))",
                 "(spread \(total) points as \(labels.count) numbers in this order: \(labels.joined(separator: ", ")))")
        }
    }

    private static func numbered(_ options: [String]) -> String {
        options.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", ")
    }

    public static func reask(_ reason: ReaskReason) -> Localized {
        switch reason {
        case .emptyAnswer:
            text("Skriv et svar, eller /spring for at springe over.", "Type an answer, or /skip to skip it.")
        case .notANumber(let given):
            text("»\(given)« er ikke et tal.", "\"\(given)\" is not a number.")
        case .outOfRange(let value, let minimum, let maximum):
            text("\(value) er uden for skalaen; svar med et tal fra \(minimum) til \(maximum).",
                 "\(value) is outside the scale; answer with a number from \(minimum) to \(maximum).")
        case .notAChoice(let given, let count):
            text("»\(given)« er ikke et af valgene; svar med et nummer fra 1 til \(count) eller et navn.",
                 "\"\(given)\" is not one of the choices; answer with a number from 1 to \(count) or a name.")
        case .wrongNumberOfPoints(let expected, let given):
            text("Skriv \(expected) tal, ét for hvert område; du skrev \(given).",
                 "Type \(expected) numbers, one for each area; you typed \(given).")
        case .pointsDoNotAddUp(let expected, let given):
            text("Pointene giver \(given), ikke \(expected); ret dem, så de giver \(expected).",
                 "The points add up to \(given), not \(expected); change them so that they add up to \(expected).")
        case .tooLong(let limit):
            answerTooLong(limit: limit)
        case .pointsAboveTotal(let value, let total):
            text("\(value) er mere end de \(total) point, der er i alt; fordel \(total) point på områderne.",
                 "\(value) is more than the \(total) points there are in all; spread \(total) points over the areas.")
        case .negativePoints:
            text("Point kan ikke være negative.", "Points cannot be negative.")
        case .atFirstQuestion:
            text("Der er ikke noget spørgsmål før dette.", "There is no question before this one.")
        case .unknownCommand(let word):
            text("Ukendt kommando »\(word)«; /hjælp viser kommandoerne.", "Unknown command \"\(word)\"; /help lists the commands.")
        case .finished:
            text("Samtalen er slut.", "The conversation has ended.")
        }
    }

    /// The words a user types for each command, Danish first; both languages work whatever the interface language.
    public static func commandWords(_ command: Command) -> [String] {
        switch command {
        case .back: ["/tilbage", "/back"]
        case .skip: ["/spring", "/skip"]
        case .repeat: ["/gentag", "/repeat"]
        case .pause: ["/pause"]
        case .help: ["/hjælp", "/help"]
        case .end: ["/slut", "/end"]
        }
    }

    public static func commandHelp(_ command: Command) -> Localized {
        switch command {
        case .back: text("forrige spørgsmål; dit svar kan rettes", "previous question; your answer can be revised")
        case .skip: text("spring dette spørgsmål over", "skip this question")
        case .repeat: text("stil spørgsmålet igen", "ask the question again")
        case .pause: text("gem og stop; fortsæt senere", "save and stop; continue later")
        case .help: text("denne hjælp", "this help")
        case .end: text("afslut nu (med bekræftelse) og få opsummeringen", "end now (after confirming) with the summary")
        }
    }

    public static let helpHeading = text("Kommandoer:", "Commands:")
    public static let confirmEnd = text("Vil du afslutte samtalen nu? Skriv ja for at afslutte, eller tryk Enter for at fortsætte.",
                                        "End the conversation now? Type yes to end, or press Enter to go on.")

    public static func paused(resume command: String) -> Localized {
        text("Samtalen er gemt. Fortsæt med: \(command)", "The conversation is saved. Continue with: \(command)")
    }

    public static let notSaved = text("Samtalen er stoppet; intet blev gemt.", "The conversation has stopped; nothing was saved.")

    public static func exportHint(_ id: String) -> Localized {
        text("Eksportér med: samtale sessions export \(id) --format markdown", "Export with: samtale sessions export \(id) --format markdown")
    }

    public static let alreadyFinished = text("samtalen er allerede afsluttet; opsummeringen står ovenfor", "the conversation has already ended; the summary is above")
    public static let nothingStarted = text("ingen samtale startet", "no conversation started")
    public static let damaged = text("beskadiget", "damaged")
    public static let noStateDirectory = text("ved ikke, hvor samtaler skal gemmes: sæt SAMTALE_STATE_DIR eller HOME",
                                              "do not know where to keep sessions: set SAMTALE_STATE_DIR or HOME")

    public static func invalidSessionID(_ text: String) -> Localized {
        Localized(da: "»\(text)« er ikke et samtale-id (26 tegn, som `samtale sessions list` viser)",
                  en: "\"\(text)\" is not a session id (26 characters, as `samtale sessions list` shows)")
    }

    public static func sessionDamaged(_ path: String, _ reason: Localized) -> Localized {
        Localized(da: "samtalefilen \(path) er beskadiget (\(reason.da)); de andre samtaler er ikke berørt",
                  en: "the session file \(path) is damaged (\(reason.en)); other sessions are not affected")
    }

    public static func sessionUnsupported(_ path: String) -> Localized {
        Localized(da: "samtalefilen \(path) er skrevet af en anden version af samtale og kan ikke læses af denne",
                  en: "the session file \(path) was written by another version of samtale and cannot be read by this one")
    }

    public static func sessionDeleted(_ id: String) -> Localized {
        Localized(da: "samtalen \(id) er slettet", en: "session \(id) deleted")
    }

    public static let finished = text("Samtalen er slut.", "The conversation has ended.")
    public static let summaryHeading = text("Opsummering", "Summary")
    public static let agreementsHeading = text("Aftaler", "Agreements")
    public static let noAgreements = text("Ingen aftaler.", "No agreements.")
    public static let ratingsHeading = text("Vurderinger", "Ratings")
    public static let strongestHeading = text("Stærkest", "Strongest")
    public static let weakestHeading = text("Svagest", "Weakest")
    public static let skippedAnswer = text("(sprunget over)", "(skipped)")
    public static let endedEarly = text("Samtalen blev afsluttet før sidste spørgsmål.", "The conversation was ended before its last question.")
    public static let chartHeading = text("Vippen: nu og behov", "The tilt: now and needed")
    public static let chartNow = text("nu", "now")
    public static let chartNeeded = text("behov", "needed")

    public static func largestGap(_ area: String, _ gap: Int) -> Localized {
        gap >= 0
            ? text("Største forskel: \(area) (opgaven har brug for \(gap) point mere).", "Largest gap: \(area) (the task needs \(gap) points more).")
            : text("Største forskel: \(area) (\(-gap) point mere, end opgaven har brug for).", "Largest gap: \(area) (\(-gap) points more than the task needs).")
    }

    public static func ratingKind(_ kind: Summary.Rating.Kind) -> Localized {
        switch kind {
        case .statement: text("udsagn", "statement")
        case .pitfall: text("faldgrube", "pitfall")
        }
    }

    public static let whoLabel = text("hvem", "who")
    public static let whenLabel = text("hvornår", "by when")
    /// The heads of the ratings table in an export: the score, what was rated (with its kind), its theme, the example.
    public static let ratingColumns = [text("Vurdering", "Score"), text("Udsagn eller faldgrube", "Statement or pitfall"),
                                       text("Tema", "Theme"), text("Eksempel", "Example")]
    public static let exampleLabel = text("eksempel", "example")

    public static let exportDate = text("Dato", "Date")
    public static let exportUpdated = text("senest ændret", "last changed")
    public static let exportDeck = text("Kortsæt", "Deck")
    public static let exportRoles = text("Roller", "Roles")
    public static let exportThemes = text("Temaer", "Themes")
    public static let exportParticipants = text("Deltagere", "Participants")
    public static let exportStatus = text("Status", "Status")
    public static let exportSession = text("Samtale-id", "Session id")
    public static let exportQuestions = text("Spørgsmål og svar", "Questions and answers")

    public static func status(_ status: Session.Status) -> Localized {
        switch status {
        case .active: text("i gang", "in progress")
        case .paused: text("sat på pause", "paused")
        case .finished: text("afsluttet", "finished")
        }
    }

    public static func setupQuestion(_ subject: SetupChoice.Subject) -> Localized {
        switch subject {
        case .flow: text("Hvilken slags samtale?", "Which kind of conversation?")
        case .deck: text("Hvilket kortsæt?", "Which deck?")
        case .role: text("Hvilken rolle?", "Which role?")
        case .themes: text("Hvilket tema? (flere med komma, fx 1,3)", "Which theme? (several with commas, e.g. 1,3)")
        case .participants: text("Hvem deltager? Skriv navnene adskilt af komma.", "Who takes part? Type the names separated by commas.")
        }
    }

    public static func setupDefault(_ name: String) -> Localized {
        text("Enter vælger: \(name)", "Enter chooses: \(name)")
    }

    // MARK: Names

    public static func kindName(_ kind: NameKind) -> Localized {
        switch kind {
        case .deck: text("kortsæt", "deck")
        case .role: text("rolle", "role")
        case .theme: text("tema", "theme")
        case .flow: text("samtaleform", "flow")
        }
    }

    /// A target group that cannot be used, whether from `--target-group`, `SAMTALE_TARGET_GROUP`, a targets file or
    /// the protocol's `targetGroup`: named as the word it is.
    public static func targetGroupError(_ error: TargetGroupError) -> Localized {
        let forms = "bruger,brugeren,brugere,brugerne"
        return switch error {
        case .empty:
            text("ordet for målgruppen er tomt; skriv det i ental (fx bruger) eller i fire former: \(forms)",
                 "the word for the target group is empty; give it in the singular (e.g. bruger) or in four forms: \(forms)")
        case .wrongNumberOfForms(let count):
            text("ordet for målgruppen har \(count) former; skriv ét ord i ental eller præcis fire former: \(forms)",
                 "the word for the target group has \(count) forms; give one word in the singular or exactly four forms: \(forms)")
        case .emptyForm(let position):
            text("form nummer \(position) af ordet for målgruppen er tom",
                 "form number \(position) of the word for the target group is empty")
        }
    }

    // MARK: Deck files

    public static func syntaxError(_ reason: JSONSyntaxError.Reason) -> Localized {
        switch reason {
        case .unexpectedEnd: text("JSON-teksten slutter for tidligt", "the JSON text ends too early")
        case .unexpectedCharacter(let character):
            text("uventet tegn »\(character)«", "unexpected character '\(character)'")
        case .invalidUTF8: text("ugyldig UTF-8; gem filen som UTF-8", "invalid UTF-8; save the file as UTF-8")
        case .invalidEscape: text("ugyldig escape-sekvens i en streng", "invalid escape sequence in a string")
        case .invalidNumber: text("ugyldigt tal", "invalid number")
        case .controlCharacterInString:
            text("kontroltegn (fx linjeskift) i en streng; skriv \\n", "control character (such as a line break) in a string; write \\n")
        case .trailingContent: text("mere tekst efter JSON-værdien", "more text after the JSON value")
        case .tooDeep: text("for dybt indlejret", "nested too deeply")
        }
    }

    public static func deckProblem(_ problem: DataIssue.Problem) -> Localized {
        switch problem {
        case .syntax(let error): syntaxError(error.reason)
        case .unknownKey(let key): text("ukendt nøgle \"\(key)\"", "unknown key \"\(key)\"")
        case .missingKey(let key): text("mangler nøglen \"\(key)\"", "missing key \"\(key)\"")
        case .duplicateKey(let key): text("nøglen \"\(key)\" står to gange", "duplicate key \"\(key)\"")
        case .wrongType(let expected, let found):
            text("skal være \(kindName(expected).da), er \(kindName(found).da)",
                 "expected \(kindName(expected).en), found \(kindName(found).en)")
        case .emptyText: text("tom tekst", "empty text")
        case .emptyList: text("tom liste", "empty list")
        case .invalidID(let id):
            text("ugyldigt id \"\(id)\"; brug små bogstaver a-z, cifre og bindestreger (æ→ae, ø→oe, å→aa)",
                 "invalid id \"\(id)\"; use lower-case a-z, digits and hyphens (æ→ae, ø→oe, å→aa)")
        case .unsupportedFormat(let format):
            text("format \(format) kendes ikke; denne version læser format \(DeckDecoder.format)",
                 "format \(format) is not supported; this version reads format \(DeckDecoder.format)")
        case .exactlyOneOf(let keys):
            text("angiv netop én af nøglerne \(keys.map { "\"\($0)\"" }.joined(separator: ", "))",
                 "give exactly one of the keys \(keys.map { "\"\($0)\"" }.joined(separator: ", "))")
        case .invalidWebhook(let reason): text("webhook: \(reason.da)", "webhook: \(reason.en)")
        case .invalidValue(let reason): reason
        case .notOneOf(let value, let allowed):
            text("\"\(value)\" er ikke en af: \(allowed.joined(separator: ", "))",
                 "\"\(value)\" is not one of: \(allowed.joined(separator: ", "))")
        case .outOfRange(let value, let lowest, let highest): outOfRange(value, from: lowest, to: highest)
        case .negativeLevel(let level):
            text("niveau \(level) er negativt; 0 er fælles, 1 er medarbejder", "level \(level) is negative; 0 is shared, 1 is the employee")
        case .duplicateID(let id): text("id \"\(id)\" findes allerede", "duplicate id \"\(id)\"")
        case .reservedID(let id):
            text("id \"\(id)\" er forbeholdt de spørgsmål, samtale selv nummererer (q1, q2, …); vælg et andet id",
                 "id \"\(id)\" is reserved for the questions samtale numbers itself (q1, q2, …); choose another id")
        case .duplicateCard(let role, let theme):
            text("der er allerede et kort for rollen \"\(role)\" og temaet \"\(theme)\"",
                 "duplicate card for role \"\(role)\" and theme \"\(theme)\"")
        case .unknownRole(let role): text("ukendt rolle \"\(role)\"", "unknown role \"\(role)\"")
        case .unknownTheme(let theme): text("ukendt tema \"\(theme)\"", "unknown theme \"\(theme)\"")
        case .unknownParent(let theme): text("ukendt overtema \"\(theme)\"", "unknown parent theme \"\(theme)\"")
        case .nestedSubTheme(let theme):
            text("\"\(theme)\" er selv et undertema; kun ét niveau er tilladt", "\"\(theme)\" is itself a sub-theme; only one level is allowed")
        case .sectionWithoutText: text("mangler \"paragraphs\" eller \"items\"", "missing \"paragraphs\" or \"items\"")
        case .unknownPlaceholder(let name, let allowed):
            text("ukendt pladsholder \(name); her kan bruges: \(allowed.joined(separator: ", "))",
                 "unknown placeholder \(name); usable here: \(allowed.joined(separator: ", "))")
        case .noQuestions(let audience):
            text("kortet giver ingen spørgsmål \(audienceLabel(audience).da); tilføj \"questions\" eller skabeloner under \"templates\"",
                 "the card yields no question \(audienceLabel(audience).en); add \"questions\" or templates under \"templates\"")
        }
    }

    public static func kindName(_ kind: JSONKind) -> Localized {
        switch kind {
        case .null: text("null", "null")
        case .bool: text("sand/falsk", "a boolean")
        case .number: text("et tal", "a number")
        case .integer: text("et heltal", "an integer")
        case .string: text("en tekst", "a string")
        case .array: text("en liste", "an array")
        case .object: text("et objekt", "an object")
        }
    }

    public static func replacedDeck(_ replacement: Catalog.Replacement) -> Localized {
        let what = replacement.replacedBuiltin ? ("det indbyggede", "the built-in one") : (replacement.replacedFile, replacement.replacedFile)
        return text("bemærk: kortsættet »\(replacement.deckID)« fra \(replacement.byFile) erstatter \(what.0)",
                    "note: deck \"\(replacement.deckID)\" from \(replacement.byFile) replaces \(what.1)")
    }

    public static let fixDecksHint = text(
        "ret fejlene ovenfor; `samtale validate` tjekker filerne igen",
        "fix the problems above; `samtale validate` checks the files again"
    )

    public static func validationSummary(files: Int, issues: Int) -> Localized {
        text("\(files) \(files == 1 ? "fil" : "filer") tjekket, \(issues) fejl",
             "\(files) \(files == 1 ? "file" : "files") checked, \(issues) \(issues == 1 ? "problem" : "problems")")
    }

    // MARK: Command line

    public static func cannotRead(_ path: String, reason: Localized) -> Localized {
        text("kan ikke læse \(path): \(reason.da)", "cannot read \(path): \(reason.en)")
    }

    public static func noDeckFiles(_ path: String) -> Localized {
        text("\(path) indeholder ingen kortsæt (*.json)", "\(path) holds no deck files (*.json)")
    }

    public static func invalidChoice(_ option: String, _ value: String, allowed: [String]) -> Localized {
        text("\(option): »\(value)« er ikke en af: \(allowed.joined(separator: ", "))",
             "\(option): \"\(value)\" is not one of: \(allowed.joined(separator: ", "))")
    }

    public static func invalidDate(_ option: String, _ value: String) -> Localized {
        text("\(option): »\(value)« er ikke en dato som 2026-11-26 (ÅÅÅÅ-MM-DD, år 1583–9999)",
             "\(option): \"\(value)\" is not a date like 2026-11-26 (YYYY-MM-DD, years 1583–9999)")
    }
}
