// MARK: - Strings

/// Every interface text of samtale in Danish and English: the one table, so adapters hold no literals.
public enum Strings {
    private static func text(_ da: String, _ en: String) -> Localized {
        Localized(da: da, en: en)
    }

    // MARK: Prompts and cards

    public static let promptHeading = text("Dagens spørgsmål", "Question of the day")
    public static let sourceLabel = text("kilde", "source")
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
            text("\(date) er en \(weekdayName(weekday).da) og tæller ikke med (--skip-weekends); intet spørgsmål i dag.",
                 "\(date) is a \(weekdayName(weekday).en) and does not count (--skip-weekends); no question today.")
        case .holiday(let holiday):
            text("\(date) er \(holiday.name) og tæller ikke med (--holidays dk); intet spørgsmål i dag.",
                 "\(date) is \(holiday.name), a Danish public holiday, and does not count (--holidays dk); no question today.")
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
        }
    }

    public static func unknownName(_ kind: NameKind, _ name: String, candidates: [String]) -> Localized {
        let list = candidates.joined(separator: ", ")
        return text("ukendt \(kindName(kind).da) »\(name)«; vælg et af: \(list)",
                    "unknown \(kindName(kind).en) \"\(name)\"; choose one of: \(list)")
    }

    public static func ambiguousName(_ kind: NameKind, _ name: String, candidates: [String]) -> Localized {
        let list = candidates.joined(separator: ", ")
        return text("»\(name)« kan være flere \(kind == .deck ? "kortsæt" : kind == .role ? "roller" : "temaer"): \(list); skriv mere af navnet",
                    "\"\(name)\" matches more than one \(kindName(kind).en): \(list); type more of the name")
    }

    public static func noQuestions(deck: String, role: String?, theme: String?, audience: Audience?) -> Localized {
        let filters = [role.map { "--role \($0)" }, theme.map { "--theme \($0)" }, audience.map { "--for \($0.rawValue)" }]
            .compactMap { $0 }.joined(separator: " ")
        return text("ingen spørgsmål i kortsættet \(deck) med \(filters); fjern eller ændr et af filtrene",
                    "no questions in deck \(deck) with \(filters); remove or change one of the filters")
    }

    public static func targetGroupError(_ error: TargetGroupError) -> Localized {
        switch error {
        case .empty:
            text("--target-group er tom; skriv ental (bruger) eller fire former (bruger,brugeren,brugere,brugerne)",
                 "--target-group is empty; give the singular (bruger) or four forms (bruger,brugeren,brugere,brugerne)")
        case .wrongNumberOfForms(let count):
            text("--target-group har \(count) former; skriv ét ord i ental eller præcis fire: bruger,brugeren,brugere,brugerne",
                 "--target-group has \(count) forms; give one word in the singular or exactly four: bruger,brugeren,brugere,brugerne")
        case .emptyForm(let position):
            text("--target-group: form nummer \(position) er tom", "--target-group: form number \(position) is empty")
        }
    }

    // MARK: Deck files

    public static func syntaxError(_ reason: JSONSyntaxError.Reason) -> Localized {
        switch reason {
        case .unexpectedEnd: text("filen slutter midt i JSON-teksten", "unexpected end of file")
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

    public static func deckProblem(_ problem: DeckIssue.Problem) -> Localized {
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
        case .notOneOf(let value, let allowed):
            text("\"\(value)\" er ikke en af: \(allowed.joined(separator: ", "))",
                 "\"\(value)\" is not one of: \(allowed.joined(separator: ", "))")
        case .negativeLevel(let level):
            text("niveau \(level) er negativt; 0 er fælles, 1 er medarbejder", "level \(level) is negative; 0 is shared, 1 is the employee")
        case .duplicateID(let id): text("id \"\(id)\" findes allerede", "duplicate id \"\(id)\"")
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

    public static func cannotRead(_ path: String, reason: String) -> Localized {
        text("kan ikke læse \(path): \(reason)", "cannot read \(path): \(reason)")
    }

    public static func noDeckFiles(_ path: String) -> Localized {
        text("\(path) indeholder ingen kortsæt (*.json)", "\(path) holds no deck files (*.json)")
    }

    public static func unknownCommand(_ command: String) -> Localized {
        text("ukendt kommando »\(command)«", "unknown command \"\(command)\"")
    }

    public static func unknownOption(_ option: String) -> Localized {
        text("ukendt tilvalg \(option)", "unknown option \(option)")
    }

    public static func missingValue(_ option: String) -> Localized {
        text("\(option) mangler en værdi", "\(option) needs a value")
    }

    public static func flagTakesNoValue(_ option: String) -> Localized {
        text("\(option) tager ingen værdi", "\(option) takes no value")
    }

    public static func repeatedOption(_ option: String) -> Localized {
        text("\(option) er givet mere end én gang", "\(option) is given more than once")
    }

    public static func invalidChoice(_ option: String, _ value: String, allowed: [String]) -> Localized {
        text("\(option): »\(value)« er ikke en af: \(allowed.joined(separator: ", "))",
             "\(option): \"\(value)\" is not one of: \(allowed.joined(separator: ", "))")
    }

    public static func invalidDate(_ value: String) -> Localized {
        text("--date: »\(value)« er ikke en dato som 2026-11-26 (ÅÅÅÅ-MM-DD, år 1583–9999)",
             "--date: \"\(value)\" is not a date like 2026-11-26 (YYYY-MM-DD, years 1583–9999)")
    }

    public static func invalidSeed(_ value: String) -> Localized {
        text("--seed: »\(value)« er ikke et helt tal fra 0 til 18446744073709551615",
             "--seed: \"\(value)\" is not a whole number from 0 to 18446744073709551615")
    }

    public static func unexpectedArgument(_ argument: String) -> Localized {
        text("uventet argument »\(argument)«", "unexpected argument \"\(argument)\"")
    }

    public static func missingArgument(_ name: String) -> Localized {
        text("mangler \(name)", "missing \(name)")
    }

    public static let noCommand = text("giv en kommando", "give a command")
    public static let seeHelp = text("se `samtale help`", "see `samtale help`")
    public static let usageLabel = text("brug", "usage")

    // MARK: Help

    public static let overview = text(
        """
        samtale – samtaler om ledelses- og medarbejdergrundlag

        Brug: samtale <kommando> [tilvalg]

        Kommandoer:
          prompt     ét refleksionsspørgsmål til i dag, til en pipe eller et chatindlæg
          list       vis kortsæt, roller eller temaer
          show       vis et kortsæts kort
          validate   tjek kortsætfiler
          help       hjælp til en kommando

        Fælles tilvalg:
          --dialogues MAPPE   flere kortsæt fra MAPPE (kan gentages; også SAMTALE_DIALOGUES, kolon-adskilt)
          --lang da|en        sproget rundt om indholdet (standard: dansk; LANG=en_* giver engelsk)
          --help, -h          hjælp   --version   versionen

        Se `samtale help <kommando>`.
        """,
        """
        samtale – conversations about leadership and staff frameworks

        Usage: samtale <command> [options]

        Commands:
          prompt     one reflection question for today, for a pipe or a chat post
          list       list decks, roles or themes
          show       show the cards of a deck
          validate   check deck files
          help       help on a command

        Common options:
          --dialogues DIR     more decks from DIR (repeatable; also SAMTALE_DIALOGUES, colon-separated)
          --lang da|en        interface language (default Danish; LANG=en_* gives English)
          --help, -h          help   --version   the version

        See `samtale help <command>`.
        """
    )

    public static func usage(_ command: String) -> Localized {
        switch command {
        case "prompt":
            text(
                "samtale prompt [--deck K] [--role R] [--theme T] [--for individual|group] [--date ÅÅÅÅ-MM-DD] [--random [--seed N]] [--skip-weekends] [--holidays dk] [--target-group ORD] [--format text|json|markdown]",
                "samtale prompt [--deck D] [--role R] [--theme T] [--for individual|group] [--date YYYY-MM-DD] [--random [--seed N]] [--skip-weekends] [--holidays dk] [--target-group WORD] [--format text|json|markdown]"
            )
        case "list":
            text("samtale list decks|roles|themes [--deck K] [--format text|json]",
                 "samtale list decks|roles|themes [--deck D] [--format text|json]")
        case "show":
            text("samtale show KORTSÆT [--role R] [--theme T] [--format text|markdown|json]",
                 "samtale show DECK [--role R] [--theme T] [--format text|markdown|json]")
        case "validate":
            text("samtale validate [STI…]", "samtale validate [PATH…]")
        default:
            text("samtale help [KOMMANDO]", "samtale help [COMMAND]")
        }
    }

    public static func help(_ command: String) -> Localized {
        let details: Localized
        switch command {
        case "prompt":
            details = text(
                """
                Skriver ét spørgsmål. Samme filtre og dato giver samme spørgsmål på enhver maskine; dag for dag går
                rækkefølgen gennem alle spørgsmål uden gentagelser, før en ny rækkefølge begynder.

                  --deck K             kortsæt (standard: hjoerring-dialogkort); id, navn eller entydigt begyndelse
                  --role R, --theme T  kun denne rolle / dette tema
                  --for individual|group  kun spørgsmål til den enkelte / til gruppen
                  --date ÅÅÅÅ-MM-DD    dagen (standard: i dag, lokal tid)
                  --random             vælg frit i stedet for dagens; --seed N gør valget gentageligt
                  --skip-weekends      lørdag og søndag tæller ikke; intet spørgsmål de dage
                  --holidays dk        danske helligdage tæller ikke; intet spørgsmål de dage
                  --target-group ORD   erstat »borger« med ORD (ental, fx bruger) eller fire former:
                                       bruger,brugeren,brugere,brugerne (også SAMTALE_TARGET_GROUP)
                  --format text|json|markdown  linje, JSON-objekt eller klar til chat

                Eksempel: samtale prompt --role medarbejder --for group --skip-weekends --holidays dk
                """,
                """
                Prints one question. The same filters and date give the same question on any machine; day by day the
                order walks through every question without repeats before a new order begins.

                  --deck D             deck (default: hjoerring-dialogkort); id, name or unambiguous prefix
                  --role R, --theme T  only this role / theme
                  --for individual|group  only questions for the individual / the group
                  --date YYYY-MM-DD    the day (default: today, local time)
                  --random             pick freshly instead of the day's; --seed N makes it reproducible
                  --skip-weekends      Saturday and Sunday do not count; no question on those days
                  --holidays dk        Danish public holidays do not count; no question on those days
                  --target-group WORD  replace "borger" with WORD (singular, e.g. bruger) or four forms:
                                       bruger,brugeren,brugere,brugerne (also SAMTALE_TARGET_GROUP)
                  --format text|json|markdown  one line, a JSON object, or ready for chat

                Example: samtale prompt --role medarbejder --for group --skip-weekends --holidays dk
                """
            )
        case "list":
            details = text(
                """
                Viser kortsæt, roller (med niveau) eller temaer, for alle kortsæt eller kun --deck K.

                Eksempel: samtale list roles --deck skanderborg
                """,
                """
                Lists decks, roles (with their level) or themes, of every deck or of --deck D only.

                Example: samtale list roles --deck skanderborg
                """
            )
        case "show":
            details = text(
                """
                Viser et kortsæts tekster og kort, evt. kun én rolle og/eller ét tema; ombrudt til terminalens bredde.

                Eksempel: samtale show hjoerring-dialogkort --role leder-af-leder --format markdown
                """,
                """
                Shows a deck's texts and cards, optionally one role and/or theme only; wrapped to the terminal width.

                Example: samtale show hjoerring-dialogkort --role leder-af-leder --format markdown
                """
            )
        case "validate":
            details = text(
                """
                Tjekker kortsætfiler (filer eller mapper) og skriver én linje pr. fejl: fil: sti: besked.
                Uden STI tjekkes de indbyggede og de konfigurerede kortsæt. Afslutter med 65 ved fejl.

                Eksempel: samtale validate mine-kort/
                """,
                """
                Checks deck files (files or folders) and prints one line per problem: file: path: message.
                Without PATH it checks the built-in and configured decks. Exits 65 if anything is wrong.

                Example: samtale validate my-decks/
                """
            )
        default:
            return overview
        }
        return text("\(usageLabel.da): \(usage(command).da)\n\n\(details.da)", "\(usageLabel.en): \(usage(command).en)\n\n\(details.en)")
    }
}
