import Testing

@testable import SamtaleCore

/// Messages about what was chosen reach the command line and the JSON-lines protocol alike, whose fields are named
/// otherwise (`participants`, `targetGroup`, `holidays`): they say what is needed in words, never an option.
struct SetupMessageTests {
    static let day = CivilDate(year: 2026, month: 12, day: 25)!
    /// A flow of a user's own, by its title.
    static let circle = Localized(da: "Kreds", en: "Circle")

    static let messages: [Localized] =
        [
            ExpansionError.deckLacksSection(flow: flow("seesaw").title, deck: "kolding", section: .model),
            .deckHasOneLevel(flow: flow("across-levels").title, deck: "kolding"),
            .wrongRoleCount(flow: flow("across-levels").title, expected: 2, given: 1),
            .sameRoleTwice(flow: flow("across-levels").title, role: "Chef"),
            .sameLevel(flow: flow("across-levels").title, roles: ["Leder", "Chef"]),
            .sharedAcrossLevels(flow: flow("across-levels").title, role: "Fælles"),
            .wrongThemeCount(flow: flow("team").title, expected: .one, given: 2),
            .wrongThemeCount(flow: flow("team").title, expected: .some, given: 0),
            .tooFewParticipants(flow: flow("team").title, needed: 2, given: 1),
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
        let two = ExpansionError.tooFewParticipants(flow: flow("team").title, needed: 2, given: 1).message
        #expect(
            two.da
                == "samtaleformen »Teamdialog« kræver mindst to deltagere, men der er kun én; skriv navnene adskilt med "
                + "komma, fx »Ann, Bo«")
        #expect(
            two.en
                == "the flow \"Team dialogue\" needs at least 2 participants, but there is only 1; write the names separated "
                + "by commas, such as \"Ann, Bo\"")
        let three = ExpansionError.tooFewParticipants(flow: Self.circle, needed: 3, given: 0).message
        #expect(
            three.da
                == "samtaleformen »Kreds« kræver mindst tre deltagere, men der er ingen; skriv navnene adskilt med komma, "
                + "fx »Ann, Bo, Cai«")
        let many = ExpansionError.tooFewParticipants(flow: Self.circle, needed: 9, given: 2).message
        #expect(many.en == "the flow \"Circle\" needs at least 9 participants, but there are only 2")
    }

    /// One of something is a word in Danish, not a numeral: "én rolle", "én deltager".
    @Test func oneIsWrittenAsAWord() {
        let role = ExpansionError.wrongRoleCount(flow: flow("one-to-one").title, expected: 1, given: 2).message
        #expect(
            role
                == Localized(
                    da: "samtaleformen »1:1-samtale« kræver én rolle, men du har valgt to",
                    en: "the flow \"1:1 conversation\" needs one role, but 2 were chosen"))
        #expect(
            ExpansionError.tooFewParticipants(flow: Self.circle, needed: 1, given: 0).message.da
                == "samtaleformen »Kreds« kræver mindst én deltager, men der er ingen")
    }

    /// A flow is named by its title, as menus and help show it, never by its id ("across-levels").
    @Test func aFlowIsNamedByItsTitle() {
        let message = ExpansionError.deckHasOneLevel(flow: flow("across-levels").title, deck: "kolding").message
        #expect(message.da.hasPrefix("samtaleformen »Dialog på tværs af niveauer« kan ikke bruge kortsættet kolding"))
        #expect(message.en.hasPrefix("the flow \"Dialogue across levels\" cannot use deck kolding"))
    }

    /// No theme or role chosen names what is missing: a bare "noget" or "nogen" reads as "anything" or "anyone".
    @Test func noThemeOrRoleChosenNamesWhatIsMissing() {
        let team = flow("team").title
        #expect(
            ExpansionError.wrongThemeCount(flow: team, expected: .one, given: 0).message.da
                == "samtaleformen »Teamdialog« kræver præcis ét tema, men du har ikke valgt et tema")
        #expect(
            ExpansionError.wrongRoleCount(flow: team, expected: 1, given: 0).message.da
                == "samtaleformen »Teamdialog« kræver én rolle, men du har ikke valgt en rolle")
        #expect(
            ExpansionError.wrongRoleCount(flow: flow("across-levels").title, expected: 2, given: 1).message.da
                .hasSuffix("kræver to roller, men du har valgt én"))
    }

    /// Two roles that cannot be paired across levels are named as the deck names them, with what keeps them apart.
    @Test(arguments: [
        (["leder-af-medarbejder", "leder-af-medarbejder"], "du har valgt »Leder af medarbejder« to gange"),
        (["medarbejder", "faelles"], "»Fælles« hører ikke til ét bestemt niveau"),
    ])
    func rolesOnOneLevelAreNamedByTheirNames(roles: [String], reason: String) throws {
        let setup = ConversationSetup(
            flow: "across-levels", deck: "hjoerring-dialogkort", roles: roles, themes: ["sammen-sikrer-vi-driften"])
        do {
            _ = try flow("across-levels").expand(over: deck("hjoerring-dialogkort"), setup: setup)
            Issue.record("expanded with \(roles)")
        } catch {
            #expect(
                error.message.da
                    == "samtaleformen »Dialog på tværs af niveauer« kræver to roller på hvert sit niveau, men \(reason)"
            )
        }
    }

    /// A user's deck may put two roles on one level; pairing them says so by their names.
    @Test func twoRolesOnOneLevelAreSaidToBeSo() {
        let deck = Deck(
            id: "egen", title: "Eget", organisation: "Os", source: "", sections: [],
            roles: [
                Role(id: "medarbejder", name: "Medarbejder", level: 1), Role(id: "leder", name: "Leder", level: 2),
                Role(id: "chef", name: "Chef", level: 2),
            ],
            themes: [], cards: [])
        let setup = ConversationSetup(flow: "across-levels", deck: deck.id, roles: ["leder", "chef"])
        #expect(throws: ExpansionError.sameLevel(flow: flow("across-levels").title, roles: ["Leder", "Chef"])) {
            try flow("across-levels").expand(over: deck, setup: setup)
        }
        let message = ExpansionError.sameLevel(flow: flow("across-levels").title, roles: ["Leder", "Chef"]).message
        #expect(message.da.hasSuffix("men »Leder« og »Chef« er på samme niveau"))
        #expect(message.en.hasSuffix("but \"Leder\" and \"Chef\" are on the same level"))
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
