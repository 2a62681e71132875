import Testing

@testable import SamtaleCore

/// Messages about what was chosen reach the command line and the JSON-lines protocol alike, whose fields are named
/// otherwise (`participants`, `targetGroup`, `holidays`): they say what is needed in words, never an option.
struct SetupMessageTests {
    static let day = CivilDate(year: 2026, month: 12, day: 25)!

    static let messages: [Localized] =
        [
            ExpansionError.deckLacksSection(flow: "seesaw", deck: "kolding", section: .model),
            .deckHasOneLevel(flow: "across-levels", deck: "kolding"),
            .wrongRoleCount(flow: "across-levels", expected: 2, given: 1),
            .notDifferentLevels(flow: "across-levels", roles: ["leder", "chef"]),
            .wrongThemeCount(flow: "team", expected: .one, given: 2),
            .wrongThemeCount(flow: "team", expected: .some, given: 0),
            .tooFewParticipants(flow: "team", needed: 2, given: 1),
            .noCards(role: "leder", themes: ["traening"]),
        ].map(\.message)
        + [
            TargetGroupError.empty, .wrongNumberOfForms(2), .emptyForm(position: 3),
        ].map(\.message) + [
            Strings.dayOff(day, .holiday(DanishHoliday(date: day, name: "juledag"))),
            Strings.dayOff(day, .weekend(.saturday)),
            PromptError.noQuestions(deck: "kolding", role: "leder", theme: "traening", audience: .group).message,
        ]

    @Test(arguments: messages)
    func namesNoOptionAndSaysSamtaleform(message: Localized) {
        for text in [message.da, message.en] {
            #expect(!text.contains("--"), "\(text)")
        }
        #expect(!message.da.contains("flowet"), "\(message.da)")
    }

    @Test func participantsAreShownByExample() {
        let two = ExpansionError.tooFewParticipants(flow: "team", needed: 2, given: 1).message
        #expect(two.da == "samtaleformen team kræver mindst to deltagere, fx Ann og Bo, men der er kun én")
        #expect(two.en == "the team flow needs at least 2 participants, such as Ann and Bo, but there is only 1")
        let three = ExpansionError.tooFewParticipants(flow: "kreds", needed: 3, given: 0).message
        #expect(three.da == "samtaleformen kreds kræver mindst tre deltagere, fx Ann, Bo og Cai, men der er ingen")
        let many = ExpansionError.tooFewParticipants(flow: "kreds", needed: 9, given: 2).message
        #expect(many.en == "the kreds flow needs at least 9 participants, but there are only 2")
    }

    /// One of something is a word in Danish, not a numeral: "én rolle", "én deltager".
    @Test func oneIsWrittenAsAWord() {
        let role = ExpansionError.wrongRoleCount(flow: "one-to-one", expected: 1, given: 2).message
        #expect(
            role
                == Localized(
                    da: "samtaleformen one-to-one kræver én rolle, men du har valgt to",
                    en: "the one-to-one flow needs one role, but 2 were chosen"))
        #expect(
            ExpansionError.tooFewParticipants(flow: "kreds", needed: 1, given: 0).message.da
                == "samtaleformen kreds kræver mindst én deltager, men der er ingen")
    }

    /// The themes a role has no card in are named by their titles in a sentence: "i »a« og »b«".
    @Test func themesWithoutCardsAreListedInASentence() throws {
        let message = ExpansionError.noCards(role: "Leder", themes: ["Træning", "Drift"]).message
        #expect(
            message.da
                == "rollen »Leder« har ingen kort i »Træning« og »Drift«; vælg en anden rolle eller et andet tema")
        let skanderborg = try #require(builtinDecks.first { $0.id == "skanderborg-ledelsesgrundlag" })
        let setup = ConversationSetup(
            flow: "one-to-one", deck: skanderborg.id, roles: ["medarbejder"], themes: ["strategisk-ledelse"])
        #expect(throws: ExpansionError.noCards(role: "Medarbejder", themes: ["Strategisk ledelse"])) {
            try flow("one-to-one").expand(over: skanderborg, setup: setup)
        }
    }

    /// Names in running text end with "og", as Danish writes a list: "Ann, Bo og Cai", never "Ann, Bo, Cai".
    @Test func listsInRunningTextJoinTheLastTwoWithAnd() {
        #expect(Strings.listing([]) == Localized(da: "", en: ""))
        #expect(Strings.listing(["Ann"]) == Localized(da: "Ann", en: "Ann"))
        #expect(Strings.listing(["Ann", "Bo"]) == Localized(da: "Ann og Bo", en: "Ann and Bo"))
        #expect(Strings.listing(["Ann", "Bo", "Cai"]) == Localized(da: "Ann, Bo og Cai", en: "Ann, Bo and Cai"))
        #expect(
            Strings.deckProblem(.exactlyOneOf(["urlVariable", "url"])).da
                == "angiv præcis én af nøglerne »urlVariable« eller »url«")
    }

    /// A holiday's name is a common noun in Danish, in lower case mid-sentence ("er skærtorsdag").
    @Test func aHolidayIsNamedInLowerCaseMidSentence() throws {
        let day = try #require(CivilDate(year: 2026, month: 4, day: 2))
        let holiday = try #require(DanishHolidays.holiday(on: day))
        #expect(
            Strings.dayOff(day, .holiday(holiday)).da
                == "2026-04-02 er skærtorsdag, og helligdage og faste fridage tæller ikke med; intet spørgsmål den dag."
        )
    }

    /// In English, grundlovsdag, juleaftensdag and nytårsaftensdag are customary days off, not public holidays.
    @Test(arguments: [
        ("2026-06-05", "customarily a day off in Denmark"), ("2026-12-24", "customarily a day off in Denmark"),
        ("2026-12-31", "customarily a day off in Denmark"), ("2026-12-25", "a Danish public holiday"),
    ])
    func englishTellsACustomaryDayOffFromAPublicHoliday(iso: String, kind: String) throws {
        let day = try #require(CivilDate(iso: iso))
        let holiday = try #require(DanishHolidays.holiday(on: day))
        #expect(
            Strings.dayOff(day, .holiday(holiday)).en
                == "\(iso) is \(holiday.name), \(kind), so it is skipped: no question that day.")
    }
}
