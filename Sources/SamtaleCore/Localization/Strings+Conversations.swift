// MARK: - Conversations

/// The words around a conversation: its commands, answers, agreements, summaries and records.
extension Strings {
    /// Joins two names: "Medarbejder og Leder af medarbejder".
    public static let and = text(" og ", " and ")

    /// "Ann, Bo og Cai": items in running text, the last two joined by `and`, the others by commas.
    public static func listing(_ items: [String]) -> Localized {
        listing(items, joinedBy: and)
    }

    /// Alternatives in running text, the last two joined with "eller": "»urlVariable« eller »url«".
    public static func alternatives(_ items: [String]) -> Localized {
        listing(items, joinedBy: text(" eller ", " or "))
    }

    /// Titles in running text, each in quotes: "»Træning« og »Fællesskab«".
    public static func titles(_ names: [String]) -> Localized {
        text(listing(names.map { "»\($0)«" }).da, listing(names.map { "\"\($0)\"" }).en)
    }

    /// A flow as messages name it: by its title in quotes, as the reader met it in menus and help.
    static func flowName(_ title: Localized) -> Localized {
        text("samtaleformen »\(title.da)«", "the flow \"\(title.en)\"")
    }

    private static func listing(_ items: [String], joinedBy conjunction: Localized) -> Localized {
        guard let last = items.last, items.count > 1 else { return text(items.joined(), items.joined()) }
        let head = items.dropLast().joined(separator: ", ")
        return text(head + conjunction.da + last, head + conjunction.en + last)
    }

    /// The words that confirm ending a conversation early, or take an offer of more questions, in either language.
    public static func isYes(_ answer: String) -> Bool {
        ["j", "ja", "y", "yes"].contains(answer.lowercased())
    }

    /// The words that decline an offer of more questions, in either language.
    static func isNo(_ answer: String) -> Bool {
        ["n", "nej", "no"].contains(answer.lowercased())
    }

    /// The offer of a theme's questions beyond those a flow asks at first, answered with `yesOrNo`.
    static func moreQuestions(_ count: Int, on themes: [String]) -> Localized {
        count == 1
            ? text(
                "Der er ét spørgsmål mere om \(titles(themes).da). Vil I tage det med?",
                "There is one more question on \(titles(themes).en). Would you like to include it?")
            : text(
                "Der er \(danishNumber(count)) spørgsmål mere om \(titles(themes).da). Vil I tage dem med?",
                "There are \(count) more questions on \(titles(themes).en). Would you like to include them?")
    }

    /// The options of a yes-or-no question, yes first.
    static let yesOrNo = [text("ja", "yes"), text("nej", "no")]

    public static func agreementField(_ field: AgreementField, number: Int) -> Localized {
        let hint = agreementsEndHint(.terminal)
        return switch field {
        case .what: text("Aftale \(number): hvad? \(hint.da)", "Agreement \(number): what? \(hint.en)")
        case .who: text("Hvem?", "Who?")
        case .when: text("Hvornår?", "By when?")
        }
    }

    /// How the list of agreements is ended: with an empty answer where one can be given, with `spring` in chat.
    public static func agreementsEndHint(_ venue: Venue) -> Localized {
        switch venue {
        case .terminal: text("(tomt svar: ikke flere aftaler)", "(empty answer: no more agreements)")
        case .chat:
            text(
                "(skriv »spring«, når der ikke er flere aftaler)", "(write \"skip\" when there are no more agreements)")
        }
    }

    /// Where a conversation's record is kept and who can open it (a flow's `{record}`): the terminal keeps it on
    /// this computer for the one who runs it; chat keeps it on the server, where those who run samtale can export it.
    public static func recordKept(_ venue: Venue) -> Localized {
        switch venue {
        case .terminal:
            text(
                "Svarene og jeres aftaler skrives ned i en samtalefil, der kun ligger på denne computer, og som kun "
                    + "du kan åbne. Bagefter kan I eksportere den og sende den på e-mail eller lægge den i "
                    + "personalesagen.",
                "Your answers and agreements are written to a session file that stays on this machine (readable "
                    + "only by you), which you can export for an e-mail or a personnel file afterwards.")
        case .chat:
            text(
                "Svarene og jeres aftaler gemmes i en samtalefil på den server, som chatbotten kører på. Kun de, "
                    + "der driver serveren, kan åbne filen. Bed dem om en kopi, hvis I vil sende den på e-mail "
                    + "eller lægge den i personalesagen.",
                "Your answers and agreements are saved in a session file on the server the chatbot runs on. Only "
                    + "the people who run that server can open the file. Ask them for a copy if you want to send it "
                    + "by e-mail or put it in the personnel file.")
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

    /// The lines under a question that say how to answer it: an offer of more questions says that Enter declines
    /// it, where any other optional question says Enter skips it.
    /// In chat, which has no Enter to press, the word `spring` skips.
    public static func answerHints(for ask: Ask, in venue: Venue = .terminal) -> [Localized] {
        if ask.purpose == .moreQuestions {
            return [
                venue == .chat
                    ? text("(ja eller nej)", "(yes or no)")
                    : text("(ja eller nej – tryk Enter for nej)", "(yes or no – press Enter for no)")
            ]
        }
        return [answerHint(ask.kind), ask.optional ? optionalHint(venue) : nil].compactMap { $0 }
    }

    private static func optionalHint(_ venue: Venue) -> Localized {
        switch venue {
        case .terminal: text("(frivilligt – tryk Enter for at springe over)", "(optional – press Enter to skip)")
        case .chat: text("(frivilligt – skriv »spring« for at springe over)", "(optional – write \"skip\" to skip it)")
        }
    }

    private static func answerHint(_ kind: Ask.Kind) -> Localized? {
        switch kind {
        case .text: nil
        case .scale(let minimum, let maximum): text("(\(minimum)–\(maximum))", "(\(minimum)–\(maximum))")
        case .choice(let options):
            text(
                "(vælg med nummer eller navn: \(numbered(options)))", "(choose by number or name: \(numbered(options)))"
            )
        case .points(let labels, let total):
            text(
                "(fordel \(total) point som \(labels.count) tal i rækkefølgen: \(labels.joined(separator: ", ")))",
                "(spread \(total) points as \(labels.count) numbers in this order: \(labels.joined(separator: ", ")))")
        }
    }

    private static func numbered(_ options: [String]) -> String {
        options.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", ")
    }

    /// Why an answer is asked again; in chat the commands are written as words, without the slash.
    public static func reask(_ reason: ReaskReason, in venue: Venue = .terminal) -> Localized {
        switch reason {
        case .emptyAnswer where venue == .chat:
            text(
                "Skriv et svar, eller skriv »spring« for at springe over.",
                "Write an answer, or write \"skip\" to skip it.")
        case .emptyAnswer:
            text("Skriv et svar, eller /spring for at springe over.", "Type an answer, or /skip to skip it.")
        case .emptyAgreement:
            text(
                "Skriv, hvad aftalen går ud på; en aftale kan ikke stå tom.",
                "Write what the agreement is about; an agreement cannot be empty.")
        case .notANumber(let given):
            text("»\(given)« er ikke et tal.", "\"\(given)\" is not a number.")
        case .outOfRange(let value, let minimum, let maximum):
            text(
                "\(value) er uden for skalaen; svar med et tal fra \(minimum) til \(maximum).",
                "\(value) is outside the scale; answer with a number from \(minimum) to \(maximum).")
        case .notAChoice(let given, let count):
            text(
                "»\(given)« er ikke et af valgene; svar med et nummer fra 1 til \(count) eller et navn.",
                "\"\(given)\" is not one of the choices; answer with a number from 1 to \(count) or a name.")
        case .notYesOrNo(let given) where venue == .chat:
            text(
                "»\(given)« er hverken ja eller nej; svar ja eller nej.",
                "\"\(given)\" is neither yes nor no; answer yes or no.")
        case .notYesOrNo(let given):
            text(
                "»\(given)« er hverken ja eller nej; svar ja eller nej (tryk Enter for nej).",
                "\"\(given)\" is neither yes nor no; answer yes or no (press Enter for no).")
        case .wrongNumberOfPoints(let expected, let given):
            text(
                "Skriv \(expected) tal, ét for hvert område; du skrev \(given).",
                "Type \(expected) numbers, one for each area; you typed \(given).")
        case .pointsDoNotAddUp(let expected, let given):
            text(
                "Pointene giver \(given), ikke \(expected); ret dem, så de giver \(expected).",
                "The points add up to \(given), not \(expected); change them so that they add up to \(expected).")
        case .tooLong(let limit):
            answerTooLong(limit: limit)
        case .pointsAboveTotal(let value, let total):
            text(
                "\(value) er mere end de \(total) point, der er i alt; fordel \(total) point på områderne.",
                "\(value) is more than the \(total) points there are in all; spread \(total) points over the areas.")
        case .negativePoints:
            text("Point kan ikke være negative.", "Points cannot be negative.")
        case .atFirstQuestion:
            text("Der er ikke noget spørgsmål før dette.", "There is no question before this one.")
        case .unknownCommand(let word) where venue == .chat:
            text(
                "Ukendt kommando »\(word)«; skriv »hjælp« for at se kommandoerne.",
                "Unknown command \"\(word)\"; write \"help\" to see the commands.")
        case .unknownCommand(let word):
            text(
                "Ukendt kommando »\(word)«; /hjælp viser kommandoerne.",
                "Unknown command \"\(word)\"; /help lists the commands.")
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
        case .end:
            text("afslut nu (med bekræftelse) og få opsummeringen", "end now (after confirming) with the summary")
        }
    }

    public static let helpHeading = text("Kommandoer:", "Commands:")
    public static let confirmEnd = text(
        "Vil du afslutte samtalen nu? Skriv ja for at afslutte, eller tryk Enter for at fortsætte.",
        "End the conversation now? Type yes to end, or press Enter to go on.")

    public static func paused(resume command: String) -> Localized {
        text("Samtalen er gemt. Fortsæt med: \(command)", "The conversation is saved. Continue with: \(command)")
    }

    public static let notSaved = text(
        "Samtalen er stoppet; intet blev gemt.", "The conversation has stopped; nothing was saved.")

    public static func exportHint(_ id: String) -> Localized {
        text(
            "Eksportér med: samtale sessions export \(id) --format markdown",
            "Export with: samtale sessions export \(id) --format markdown")
    }

    public static let alreadyFinished = text(
        "samtalen er allerede afsluttet; opsummeringen står ovenfor",
        "the conversation has already ended; the summary is above")
    public static let nothingStarted = text("ingen samtale er startet", "no conversation has been started")
    public static let damaged = text("beskadiget", "damaged")
    public static let noStateDirectory = text(
        "ved ikke, hvor samtaler skal gemmes: sæt SAMTALE_STATE_DIR eller HOME",
        "do not know where to keep sessions: set SAMTALE_STATE_DIR or HOME")

    public static func invalidSessionID(_ text: String) -> Localized {
        Localized(
            da: "»\(text)« er ikke et samtale-id (26 tegn, som `samtale sessions list` viser)",
            en: "\"\(text)\" is not a session id (26 characters, as `samtale sessions list` shows)")
    }

    public static func sessionDamaged(_ path: String, _ reason: Localized) -> Localized {
        Localized(
            da: "samtalefilen \(path) er beskadiget (\(reason.da)); de andre samtaler er ikke berørt",
            en: "the session file \(path) is damaged (\(reason.en)); other sessions are not affected")
    }

    public static func sessionUnsupported(_ path: String) -> Localized {
        Localized(
            da: "samtalefilen \(path) er skrevet af en anden version af samtale og kan ikke læses af denne",
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
    public static let endedEarly = text(
        "Samtalen blev afsluttet før sidste spørgsmål.", "The conversation was ended before its last question.")
    public static let chartHeading = text("Vippen: nu og behov", "The tilt: now and needed")
    public static let chartNow = text("nu", "now")
    public static let chartNeeded = text("behov", "needed")

    public static func largestGap(_ area: String, _ gap: Int) -> Localized {
        gap >= 0
            ? text(
                "Største forskel: \(area) (opgaven har brug for \(gap) point mere).",
                "Largest gap: \(area) (the task needs \(gap) points more).")
            : text(
                "Største forskel: \(area) (\(-gap) point mere, end opgaven har brug for).",
                "Largest gap: \(area) (\(-gap) points more than the task needs).")
    }

    /// Asked on the area with the largest gap when it gets less attention than the task needs.
    static func moreAttention(_ area: String) -> Localized {
        text(
            "Hvad skal der til, for at du giver »\(area)« mere opmærksomhed?",
            "What would it take for you to give \"\(area)\" more attention?")
    }

    /// Asked on the area with the largest gap when it gets more attention than the task needs.
    static func lessAttention(_ area: String) -> Localized {
        text(
            "Hvad kan du give slip på, uddelegere eller gøre enklere inden for »\(area)«?",
            "What can you let go of, delegate or make simpler within \"\(area)\"?")
    }

    /// " – hvem: Ann, hvornår: 1. december" after an agreement, or nothing when neither is given: a dash and commas,
    /// as Danish sets such details apart, never semicolons.
    static func agreementParticulars(who: String, when: String, theme: String? = nil) -> Localized {
        var parts = [
            (label: text("hvem", "who"), value: text(who, who)),
            (label: text("hvornår", "by when"), value: text(when, when)),
        ]
        .filter { !$0.value.da.isEmpty }
        if let theme { parts.append((label: text("tema", "theme"), value: text("»\(theme)«", "\"\(theme)\""))) }
        guard !parts.isEmpty else { return text("", "") }
        func joined(_ language: Language) -> String {
            " – " + parts.map { "\($0.label[language]): \($0.value[language])" }.joined(separator: ", ")
        }
        return text(joined(.da), joined(.en))
    }

    /// What 1 and 5 mean on each scale of a self-reflection, for a reader of its record who did not rate: a
    /// statement's 5 is good, a pitfall's 5 is bad.
    static func ratingScales(statements: Bool, pitfalls: Bool) -> Localized {
        let scales = [
            statements
                ? text("Udsagn: 1 = slet ikke, 5 = i høj grad.", "Statements: 1 = not at all, 5 = very much.") : nil,
            pitfalls
                ? text("Faldgruber: 1 = langt fra, 5 = meget tæt på.", "Pitfalls: 1 = far from it, 5 = very close.")
                : nil,
        ]
        .compactMap { $0 }
        return text(scales.map(\.da).joined(separator: " "), scales.map(\.en).joined(separator: " "))
    }

    /// The head of the pitfalls' scores, kept apart from the statements' (there 5 is good, here 5 is bad).
    public static let pitfallCloseness = text("Hvor tæt er jeg på?", "How close am I?")
    /// A pitfall among the strongest or weakest items: the one the person is furthest from, or closest to.
    static func pitfallAtTheEnd(_ pitfall: String, furthest: Bool) -> Localized {
        furthest
            ? text("længst fra faldgruben »\(pitfall)«", "furthest from the pitfall \"\(pitfall)\"")
            : text("tættest på faldgruben »\(pitfall)«", "closest to the pitfall \"\(pitfall)\"")
    }

    /// The heads of an area's tables in an export: statements with score and example, pitfalls with closeness.
    public static let statementColumns = [
        text("Vurdering", "Score"), text("Udsagn", "Statement"), text("Eksempel", "Example"),
    ]
    public static let pitfallColumns = [pitfallCloseness, text("Faldgrube", "Pitfall")]
    /// The heads of the table of averages per area in an export.
    public static let averageColumns = [
        text("Område", "Area"), text("Gennemsnit", "Average"), text("Vurderede udsagn", "Statements rated"),
    ]

    /// An average to one decimal, "3,7" in Danish and "3.7" in English; "–" where nothing was rated.
    static func average(tenths: Int?) -> Localized {
        tenths.map { decimal(tenths: $0) } ?? text("–", "–")
    }

    /// "3 af 4": how many of an area's statements were rated.
    static func rated(_ rated: Int, of total: Int) -> Localized {
        text("\(rated) af \(total)", "\(rated) of \(total)")
    }

    /// An area's average in a summary: "Gennemsnit 3,7 (3 af 4 udsagn vurderet)".
    static func areaAverage(_ average: Summary.AreaAverage) -> Localized {
        let value = Self.average(tenths: average.tenths)
        let rated = Self.rated(average.rated, of: average.statements)
        return text(
            "Gennemsnit \(value.da) (\(rated.da) udsagn vurderet)",
            "Average \(value.en) (\(rated.en) statements rated)")
    }

    /// "28 udsagn og 3 faldgruber": what a self-reflection rates, each part only where there is some.
    static func ratingCount(statements: Int, pitfalls: Int) -> Localized {
        let parts = [
            statements > 0 || pitfalls == 0
                ? text("\(statements) udsagn", statements == 1 ? "1 statement" : "\(statements) statements") : nil,
            pitfalls > 0
                ? text(
                    pitfalls == 1 ? "1 faldgrube" : "\(pitfalls) faldgruber",
                    pitfalls == 1 ? "1 pitfall" : "\(pitfalls) pitfalls")
                : nil,
        ]
        .compactMap { $0 }
        return text(listing(parts.map(\.da)).da, listing(parts.map(\.en)).en)
    }

    /// Asked before a self-reflection whose role would have more to rate than one sitting holds.
    static func chooseAreas(role: String, count: Localized) -> Localized {
        text(
            "For rollen »\(role)« er der \(count.da) at vurdere – det er mange på én gang. "
                + "Hvilke områder vil du reflektere over nu? (flere med komma, fx 1,3)",
            "The role \"\(role)\" has \(count.en) to rate – a lot at once. Which areas will you reflect on now? "
                + "(several with commas, e.g. 1,3)")
    }

    public static let exampleLabel = text("eksempel", "example")

    public static let exportDate = text("Dato", "Date")
    public static let exportUpdated = text("senest ændret", "last changed")

    /// A moment from a session's file (`2026-03-24T09:00:00+01:00`, the local time it was written) as a reader
    /// writes it: "24. marts 2026 kl. 09.00", "24 March 2026, 09:00". The time alone when `sameDayAs` falls on the
    /// same day, so a record says the day once. A text that is no such moment stays as it is.
    public static func moment(_ timestamp: String, sameDayAs earlier: String? = nil) -> Localized {
        guard let (date, hour, minute) = dateAndClock(timestamp) else { return text(timestamp, timestamp) }
        let time = text("kl. \(hour).\(minute)", "\(hour):\(minute)")
        if let earlier = earlier.flatMap(dateAndClock), earlier.date == date { return time }
        let day = day(date)
        return text("\(day.da) \(time.da)", "\(day.en), \(time.en)")
    }

    /// The day of a moment from a session's file, without the time: "24. marts 2026", "24 March 2026".
    public static func day(_ timestamp: String) -> Localized {
        dateAndClock(timestamp).map { day($0.date) } ?? text(timestamp, timestamp)
    }

    private static func day(_ date: CivilDate) -> Localized {
        let months = [
            text("januar", "January"), text("februar", "February"), text("marts", "March"), text("april", "April"),
            text("maj", "May"), text("juni", "June"), text("juli", "July"), text("august", "August"),
            text("september", "September"), text("oktober", "October"), text("november", "November"),
            text("december", "December"),
        ]
        let month = months[date.month - 1]
        return text("\(date.day). \(month.da) \(date.year)", "\(date.day) \(month.en) \(date.year)")
    }

    /// The day and the clock's two-digit hour and minute of a text that begins "YYYY-MM-DDTHH:MM", or nil.
    private static func dateAndClock(_ timestamp: String) -> (date: CivilDate, hour: String, minute: String)? {
        let bytes = Array(timestamp.utf8.prefix(16))
        guard bytes.count == 16, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            let date = CivilDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
            let hour = CivilDate.number(bytes[11..<13]), let minute = CivilDate.number(bytes[14..<16]),
            hour < 24, minute < 60
        else { return nil }
        return (date, String(decoding: bytes[11..<13], as: UTF8.self), String(decoding: bytes[14..<16], as: UTF8.self))
    }

    public static let exportDeck = text("Kortsæt", "Deck")
    public static let exportRoles = text("Roller", "Roles")
    public static let exportThemes = text("Temaer", "Themes")
    public static let exportParticipants = text("Deltagere", "Participants")
    /// The time box a flow suggests, as its opening says it ("ca. 5 min."), under a summary's title and in a record.
    public static func timeBox(_ minutes: Int) -> Localized {
        text("Tidsramme: ca. \(minutes) min.", "Time box: about \(minutes) min.")
    }
    public static let exportStatus = text("Status", "Status")
    public static let exportSession = text("Samtale-id", "Session id")
    public static let exportQuestions = text("Spørgsmål og svar", "Questions and answers")
    public static let exportConfirmationHeading = text("Godkendelse", "Confirmation")
    public static let exportConfirmation = text(
        "Referatet er læst og godkendt af begge parter.", "Both parties have read and approved this record.")
    public static let exportLeader = text("Leder", "Leader")
    public static let exportEmployee = text("Medarbejder", "Employee")
    public static let exportSigners = [exportLeader, exportEmployee]
    public static let nextDateLabel = text("Næste samtale", "Next conversation")
    public static let followUpHeading = text("Opfølgning på tidligere aftaler", "Follow-up on earlier agreements")
    /// Labels how an earlier agreement went, so that the answer never stands unlabelled in a record.
    public static let followUpComment = text("Kommentar", "Comment")

    /// An earlier agreement's particulars: the day it was made, who and by when, and a status where given.
    static func earlierParticulars(_ agreement: EarlierAgreement, status: Localized?) -> Localized {
        let made = day(agreement.made)
        let particulars = agreementParticulars(who: agreement.who, when: agreement.when)
        return text(
            " (aftalt \(made.da)\(particulars.da))" + (status.map { " – status: \($0.da)" } ?? ""),
            " (agreed \(made.en)\(particulars.en))" + (status.map { " – status: \($0.en)" } ?? ""))
    }

    /// An earlier agreement as a conversation followed it up, with its status or that none was given.
    static func followUpParticulars(_ followUp: FollowUp) -> Localized {
        earlierParticulars(followUp.agreement, status: followUp.status?.label ?? text("ikke angivet", "not given"))
    }

    public static func seriesTitle(_ name: String) -> Localized {
        text("1:1-samtaler med \(name)", "1:1 conversations with \(name)")
    }

    public static let seriesConversations = text("Samtaler", "Conversations")
    public static let openAgreements = text("Åbne aftaler", "Open agreements")
    public static let noOpenAgreements = text("Ingen åbne aftaler.", "No open agreements.")

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
        case .participants:
            text(
                "Hvem deltager? Skriv navnene adskilt af komma.", "Who takes part? Type the names separated by commas.")
        }
    }

    public static func setupDefault(_ name: String) -> Localized {
        text("Tryk Enter for »\(name)«", "Press Enter for \"\(name)\"")
    }

    /// A typed answer longer than `limit` bytes: it is not kept, and the question is asked again.
    public static func answerTooLong(limit: Int) -> Localized {
        text(
            "Svaret er for langt (over \(byteSize(limit).da), omkring \(limit / 1000).000 tegn) og er ikke "
                + "gemt; skriv et kortere svar.",
            "The answer is too long (over \(byteSize(limit).en), some \(limit / 1000),000 characters) and was "
                + "not kept; type a shorter one."
        )
    }
}
