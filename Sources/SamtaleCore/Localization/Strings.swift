// MARK: - Strings

/// The interface texts of the core and its adapters in Danish and English, so adapters hold no literals; the
/// command line's own usage, help and argument messages are the executable's (`CommandLineStrings`).
public enum Strings {
    static func text(_ da: String, _ en: String) -> Localized {
        Localized(da: da, en: en)
    }

    // MARK: Prompts and cards

    /// The heading of the day's question wherever it is shown: `prompt --format markdown` and `post` alike.
    public static let promptHeading = text("Dagens refleksion", "Today's reflection")

    /// Before a question that cannot stand alone: the question on its card that it follows.
    public static func follows(_ question: String) -> Localized {
        text("I forlængelse af spørgsmålet »\(question)«", "Following on from the question \"\(question)\"")
    }

    /// What a text cut to a platform's limit ends with.
    public static let truncationMark = text("… (afkortet)", "… (truncated)")

    public static let pitfallsHeading = text("Typiske faldgruber", "Typical pitfalls")
    public static let templatesHeading = text(
        "Skabeloner til kort uden egne spørgsmål", "Templates for cards without questions of their own")
    public static let templatesNote = text(
        "Til kort uden egne spørgsmål bruger samtale skabelonerne nedenfor. De stammer ikke fra kilden. {statement} "
            + "står for et udsagn fra kortet, {pitfall} for en faldgrube, {theme} for temaet og {role} for rollen.",
        "For cards without questions of their own, samtale asks from the templates below. They are not taken from "
            + "the source; {statement} is a statement of the card, {pitfall} a pitfall, {theme} the theme and {role} "
            + "the role."
    )

    /// After a corrected typo in `show`: the source's own words ("tryg [kilden: tryk]").
    public static func sourceReading(_ original: String) -> Localized {
        text("[kilden: \(original)]", "[source: \(original)]")
    }

    /// What `validate` tells of a deck's correction: the reading and the source's words.
    public static func correctionNote(_ correction: Correction) -> Localized {
        text(
            "kilden har »\(correction.original)«, her rettet til »\(correction.reading)«",
            "the source has \"\(correction.original)\", corrected here to \"\(correction.reading)\"")
    }

    /// After a heading in `show` that the source does not have.
    public static let samtaleHeading = text("(overskrift tilføjet af samtale)", "(heading added by samtale)")

    /// A count from two to twelve as Danish writes it in running text (to, tre, …), a larger one in digits.
    static func danishNumber(_ count: Int) -> String {
        let words = ["to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv"]
        return (2...12).contains(count) ? words[count - 2] : String(count)
    }

    public static func audienceLabel(_ audience: Audience) -> Localized {
        switch audience {
        case .individual: text("til den enkelte", "for the individual")
        case .group: text("til gruppen", "for the group")
        }
    }

    /// Heads the questions written for samtale on a card, so a reader never takes them for the source's.
    public static func writtenHeading(_ audience: Audience) -> Localized {
        switch audience {
        case .individual:
            text(
                "Spørgsmål til den enkelte (tilføjet af samtale, ikke fra kilden)",
                "Questions for the individual (added by samtale, not from the source)")
        case .group:
            text(
                "Spørgsmål til gruppen (tilføjet af samtale, ikke fra kilden)",
                "Questions for the group (added by samtale, not from the source)")
        }
    }

    /// Heads the energizer questions of the themes shown, which samtale wrote, so a reader never takes them for
    /// the source's.
    public static let energizersHeading = text(
        "Energizer-spørgsmål (tilføjet af samtale, ikke fra kilden)",
        "Energizer questions (added by samtale, not from the source)")

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
        level == Role.sharedLevel
            ? text("fælles for alle niveauer", "shared by all levels") : text("niveau \(level)", "level \(level)")
    }

    public static func dayOff(_ date: CivilDate, _ exclusion: DayExclusion) -> Localized {
        switch exclusion {
        case .weekend(let weekday):
            text(
                "\(date) er en \(weekdayName(weekday).da), og weekenddage tæller ikke med; intet spørgsmål den dag.",
                "\(date) is a \(weekdayName(weekday).en), and weekend days do not count; no question that day.")
        case .holiday(let holiday):
            text(
                "\(date) er \(holiday.name), og helligdage og faste fridage tæller ikke med; intet spørgsmål den dag.",
                "\(date) is \(holiday.name), "
                    + (holiday.isCustomaryDayOff ? "customarily a day off in Denmark" : "a Danish public holiday")
                    + ", so it is skipped: no question that day.")
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

    // MARK: Names

    public static func kindName(_ kind: NameKind) -> Localized {
        switch kind {
        case .deck: text("kortsæt", "deck")
        case .role: text("rolle", "role")
        case .theme: text("tema", "theme")
        case .flow: text("samtaleform", "flow")
        }
    }

    // MARK: Deck files

    public static func deckProblem(_ problem: DataIssue.Problem) -> Localized {
        switch problem {
        case .syntax(let error): error.reason.message
        case .unknownKey(let key): text("ukendt nøgle \"\(key)\"", "unknown key \"\(key)\"")
        case .missingKey(let key): text("mangler nøglen \"\(key)\"", "missing key \"\(key)\"")
        case .duplicateKey(let key): text("nøglen \"\(key)\" står to gange", "duplicate key \"\(key)\"")
        case .wrongType(let expected, let found):
            text(
                "skal være \(kindName(expected).da), er \(kindName(found).da)",
                "expected \(kindName(expected).en), found \(kindName(found).en)")
        case .emptyText: text("tom tekst", "empty text")
        case .emptyList: text("tom liste", "empty list")
        case .invalidID(let id):
            text(
                "ugyldigt id \"\(id)\"; brug små bogstaver a-z, cifre og bindestreger (æ→ae, ø→oe, å→aa)",
                "invalid id \"\(id)\"; use lower-case a-z, digits and hyphens (æ→ae, ø→oe, å→aa)")
        case .unsupportedFormat(let format):
            text(
                "format \(format) kendes ikke; denne version læser format \(DeckDecoder.format)",
                "format \(format) is not supported; this version reads format \(DeckDecoder.format)")
        case .exactlyOneOf(let keys):
            text(
                "angiv præcis én af nøglerne \(alternatives(keys.map { "»\($0)«" }).da)",
                "give exactly one of the keys \(alternatives(keys.map { "\"\($0)\"" }).en)")
        case .invalidWebhook(let reason): text("webhook: \(reason.da)", "webhook: \(reason.en)")
        case .invalidValue(let reason): reason
        case .notOneOf(let value, let allowed):
            text(
                "\"\(value)\" er ikke en af: \(allowed.joined(separator: ", "))",
                "\"\(value)\" is not one of: \(allowed.joined(separator: ", "))")
        case .outOfRange(let value, let lowest, let highest): outOfRange(value, from: lowest, to: highest)
        case .negativeLevel(let level):
            text(
                "niveau \(level) er negativt; 0 er fælles, 1 er medarbejder",
                "level \(level) is negative; 0 is shared, 1 is the employee")
        case .duplicateID(let id): text("id \"\(id)\" findes allerede", "duplicate id \"\(id)\"")
        case .reservedID(let id):
            text(
                "id \"\(id)\" er forbeholdt de spørgsmål, samtale selv nummererer (q1, q2, …) eller stiller i en "
                    + "opfølgning (check-in, follow-up-1, status-1, …); vælg et andet id",
                "id \"\(id)\" is reserved for the questions samtale numbers itself (q1, q2, …) or asks in a follow-up "
                    + "(check-in, follow-up-1, status-1, …); choose another id")
        case .duplicateCard(let role, let theme):
            text(
                "der er allerede et kort for rollen \"\(role)\" og temaet \"\(theme)\"",
                "duplicate card for role \"\(role)\" and theme \"\(theme)\"")
        case .unknownRole(let role): text("ukendt rolle \"\(role)\"", "unknown role \"\(role)\"")
        case .unknownTheme(let theme): text("ukendt tema \"\(theme)\"", "unknown theme \"\(theme)\"")
        case .unknownParent(let theme): text("ukendt overtema \"\(theme)\"", "unknown parent theme \"\(theme)\"")
        case .nestedSubTheme(let theme):
            text(
                "\"\(theme)\" er selv et undertema; kun ét niveau er tilladt",
                "\"\(theme)\" is itself a sub-theme; only one level is allowed")
        case .sectionWithoutText: text("mangler \"paragraphs\" eller \"items\"", "missing \"paragraphs\" or \"items\"")
        case .listOutOfPlace(let after, let paragraphs):
            text(
                "\"after\" er \(after), men en liste skal stå mellem to af de \(danishNumber(paragraphs)) afsnit i "
                    + "\"paragraphs\"; en liste efter det sidste afsnit hører til i \"items\"",
                "\"after\" is \(after), but a list must stand between two of the \(paragraphs) \"paragraphs\"; a list "
                    + "after the last one goes in \"items\"")
        case .correctionNotFound(let original):
            text(
                "»\(original)« står ikke i kortsættets tekster; en rettelse skal gengive kildens ord præcist",
                "\"\(original)\" is not in the deck's texts; a correction must give the source's words exactly")
        case .duplicateCorrection(let original):
            text(
                "»\(original)« rettes allerede ovenfor; fjern gentagelsen",
                "\"\(original)\" is already corrected above; remove the repeat")
        case .duplicateQuestion(let question):
            text(
                "»\(question)« står allerede ovenfor i samme liste; fjern gentagelsen",
                "\"\(question)\" is already in this list above; remove the repeat")
        case .deckIDInUse(let id, let file):
            text(
                "kortsættet »\(id)« findes allerede i \(file); giv det ene kortsæt et andet id",
                "deck \"\(id)\" is already defined in \(file); give one of the decks another id")
        case .readingInSource(let reading):
            text(
                "»\(reading)« står allerede i kortsættets tekster; tag et ord mere med, så rettelsen kun rammer "
                    + "stedet med fejlen",
                "\"\(reading)\" is already in the deck's texts; include one more word, so that the correction fits "
                    + "only where the source has the typo")
        case .unknownPlaceholder(let name, let allowed):
            text(
                "ukendt pladsholder \(name); her kan bruges: \(allowed.joined(separator: ", "))",
                "unknown placeholder \(name); usable here: \(allowed.joined(separator: ", "))")
        case .noQuestions(let audience):
            text(
                "kortet giver ingen spørgsmål \(audienceLabel(audience).da); tilføj \"questions\", \"written\" "
                    + "eller skabeloner under \"templates\"",
                "the card yields no question \(audienceLabel(audience).en); add \"questions\", \"written\" or "
                    + "templates under \"templates\""
            )
        case .writtenBesideSource(let audience):
            text(
                "kortet har allerede kildens spørgsmål \(audienceLabel(audience).da) under \"questions\"; "
                    + "\"written\" er kun til kort, hvor kilden ikke selv stiller spørgsmål – fjern spørgsmålene under "
                    + "\"written\" her",
                "the card already has the source's questions \(audienceLabel(audience).en) under \"questions\"; "
                    + "\"written\" is only for cards where the source asks nothing – remove the questions under "
                    + "\"written\" here"
            )
        case .notAQuestionOfTheCard(let question, let audience):
            text(
                "»\(question)« er ikke et af kortets egne spørgsmål \(audienceLabel(audience).da); skriv det ord for "
                    + "ord, som det står under \"questions\"",
                "\"\(question)\" is not one of the card's own questions \(audienceLabel(audience).en); write it word "
                    + "for word as it stands under \"questions\""
            )
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
        let what =
            replacement.replacedBuiltin
            ? ("det indbyggede", "the built-in one") : (replacement.replacedFile, replacement.replacedFile)
        return text(
            "bemærk: kortsættet »\(replacement.deckID)« fra \(replacement.byFile) erstatter \(what.0)",
            "note: deck \"\(replacement.deckID)\" from \(replacement.byFile) replaces \(what.1)")
    }

    public static let fixDecksHint = text(
        "ret fejlene ovenfor; `samtale validate` tjekker filerne igen",
        "fix the problems above; `samtale validate` checks the files again"
    )

    /// The last line of `validate`; the paths that could not be read are named only when there are some.
    public static func validationSummary(files: Int, issues: Int, unreadable: Int) -> Localized {
        let checked = text(
            "\(files) \(files == 1 ? "fil" : "filer") tjekket, \(issues) fejl",
            "\(files) \(files == 1 ? "file" : "files") checked, \(issues) \(issues == 1 ? "problem" : "problems")")
        guard unreadable > 0 else { return checked }
        return text(
            "\(checked.da); \(unreadable) \(unreadable == 1 ? "sti" : "stier") kunne ikke tjekkes",
            "\(checked.en); \(unreadable) \(unreadable == 1 ? "path" : "paths") could not be checked")
    }

    // MARK: Files and option values

    public static func cannotRead(_ path: String, reason: Localized) -> Localized {
        text("kan ikke læse \(path): \(reason.da)", "cannot read \(path): \(reason.en)")
    }

    public static func cannotCreate(_ path: String, reason: Localized) -> Localized {
        text("kan ikke oprette \(path): \(reason.da)", "cannot create \(path): \(reason.en)")
    }

    public static func noDeckFiles(_ path: String) -> Localized {
        text("\(path) indeholder ingen kortsæt (*.json)", "\(path) holds no deck files (*.json)")
    }

    public static func invalidChoice(_ option: String, _ value: String, allowed: [String]) -> Localized {
        text(
            "\(option): »\(value)« er ikke en af: \(allowed.joined(separator: ", "))",
            "\(option): \"\(value)\" is not one of: \(allowed.joined(separator: ", "))")
    }

    public static func invalidDate(_ option: String, _ value: String) -> Localized {
        text(
            "\(option): »\(value)« er ikke en dato som 2026-11-26 (ÅÅÅÅ-MM-DD, år 1583–9999)",
            "\(option): \"\(value)\" is not a date like 2026-11-26 (YYYY-MM-DD, years 1583–9999)")
    }
}

extension TargetGroupError: ExplainedError {
    /// The source's own example of a target group, in its four forms.
    private static let phraseExample =
        "ansat i forvaltningen,den ansatte i forvaltningen,ansatte i forvaltningen,de ansatte i forvaltningen"

    /// A target group that cannot be used, whether from `--target-group`, `SAMTALE_TARGET_GROUP`, a targets file or
    /// the protocol's `targetGroup`: named as the word it is.
    public var message: Localized {
        let forms = "bruger,brugeren,brugere,brugerne"
        return switch self {
        case .empty:
            Strings.text(
                "ordet for målgruppen mangler; skriv det i ental (fx bruger) eller i fire former: \(forms)",
                "the word for the target group is missing; give it in the singular (e.g. bruger) or in four "
                    + "forms: \(forms)"
            )
        case .wrongNumberOfForms(let count):
            Strings.text(
                "ordet for målgruppen har \(count) former; skriv ét ord i ental eller præcis fire former: \(forms)",
                "the word for the target group has \(count) forms; give one word in the singular or exactly "
                    + "four forms: \(forms)"
            )
        case .emptyForm(let position):
            Strings.text(
                "form nummer \(position) af ordet for målgruppen er tom",
                "form number \(position) of the word for the target group is empty")
        case .irregular(let word):
            Strings.text(
                "ordet »\(word)« kan ikke bøjes automatisk med sikkerhed; skriv de fire former, der skal stå i "
                    + "stedet for borger, borgeren, borgere og borgerne, adskilt med komma, fx barn,barnet,børn,børnene",
                "the word \"\(word)\" cannot be inflected automatically with certainty; give the four forms that "
                    + "should stand in for borger, borgeren, borgere and borgerne, separated by commas, e.g. "
                    + "barn,barnet,børn,børnene"
            )
        case .phraseNeedsForms(let phrase):
            Strings.text(
                "»\(phrase)« består af flere ord og kan ikke bøjes automatisk; skriv alle fire former – også ental – "
                    + "adskilt med komma og i anførselstegn, fx \"\(Self.phraseExample)\"",
                "\"\(phrase)\" consists of several words and cannot be inflected automatically; give all four forms "
                    + "– the singular too – separated by commas and in quotes, e.g. \"\(Self.phraseExample)\""
            )
        case .definiteSingular(let singular):
            Strings.text(
                "»\(singular)« står i bestemt form; den første form skal være ubestemt ental, evt. med \"en\" eller "
                    + "\"et\" foran, fx \"et barn,barnet,børn,børnene\"",
                "\"\(singular)\" is a definite form; the first form must be the indefinite singular, with \"en\" or "
                    + "\"et\" before it if you like, e.g. \"et barn,barnet,børn,børnene\""
            )
        case .genderDisagrees(let article, let definite):
            Strings.text(
                "artiklen »\(article)« passer ikke til »\(definite)«: en-ord ender på -en i bestemt form, et-ord på "
                    + "-et; ret artiklen eller den bestemte form, fx \"et barn,barnet,børn,børnene\"",
                "the article \"\(article)\" does not fit \"\(definite)\": an en-word ends in -en in the definite form, "
                    + "an et-word in -et; correct the article or the definite form, e.g. \"et barn,barnet,børn,børnene\""
            )
        }
    }
}

/// What is wrong with a JSON text, without where: the caller says the line and column.
extension JSONSyntaxError.Reason {
    public var message: Localized {
        switch self {
        case .unexpectedEnd: Strings.text("JSON-teksten slutter for tidligt", "the JSON text ends too early")
        case .unexpectedCharacter(let character):
            Strings.text("uventet tegn »\(character)«", "unexpected character '\(character)'")
        case .invalidUTF8: Strings.text("ugyldig UTF-8; gem filen som UTF-8", "invalid UTF-8; save the file as UTF-8")
        case .invalidEscape: Strings.text("ugyldig escape-sekvens i en streng", "invalid escape sequence in a string")
        case .invalidNumber: Strings.text("ugyldigt tal", "invalid number")
        case .controlCharacterInString:
            Strings.text(
                "kontroltegn (fx linjeskift) i en streng; skriv \\n",
                "control character (such as a line break) in a string; write \\n")
        case .trailingContent: Strings.text("mere tekst efter JSON-værdien", "more text after the JSON value")
        case .tooDeep: Strings.text("for dybt indlejret", "nested too deeply")
        }
    }
}
