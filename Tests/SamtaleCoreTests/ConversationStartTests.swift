import SamtaleDecks
import Testing

@testable import SamtaleCore

/// The one path every front door takes to start a conversation: names resolved, the flow checked against the deck,
/// what has one answer settled, and what is still missing said with its options.
struct ConversationStartTests {
    let planner = SetupPlanner(flows: builtinFlows, decks: builtinDecks, language: .da)

    func request(
        flow: String? = "one-to-one", deck: String? = nil, unnamedDeck: StartRequest.UnnamedDeck = .firstFitting,
        roles: [String] = [], themes: [String] = [], participants: [String]? = nil, seed: UInt64 = 7
    ) -> StartRequest {
        StartRequest(
            flow: flow, deck: deck, unnamedDeck: unnamedDeck, roles: roles, themes: themes,
            participants: participants, language: .en, minutes: 3, seed: seed)
    }

    func plan(_ request: StartRequest) throws -> StartPlan {
        let plan: StartPlan? = if case .ready(let plan) = try planner.start(request) { plan } else { nil }
        return try #require(plan, "a choice is still missing")
    }

    @Test func aCompleteStartGivesTheSetupAndScriptOfTheFlow() throws {
        let plan = try plan(request(roles: ["medarbejder"], themes: ["sammen sikrer"]))
        let setup = ConversationSetup(
            flow: "one-to-one", deck: "hjoerring-dialogkort", roles: ["medarbejder"],
            themes: ["sammen-sikrer-vi-driften"], language: .en, minutes: 3, seed: 0
        )
        #expect(plan.setup == setup)
        #expect(try plan.script() == flow("one-to-one").expand(over: deck("hjoerring-dialogkort"), setup: setup))
        let session = try plan.session(id: SessionID(validating: "0000000000000000000000000a")!, at: "now")
        #expect(session.setup == setup)
    }

    @Test func theSeedIsKeptOnlyWhereTheFlowPicksQuestions() throws {
        #expect(try plan(request(flow: "energizer", roles: ["chef"], themes: ["sammen styrker"])).setup.seed == 7)
        #expect(try plan(request(roles: ["chef"], themes: ["sammen styrker"])).setup.seed == 0)
    }

    @Test func acrossLevelsAddsTheRoleAbove() throws {
        let plan = try plan(request(flow: "across-levels", roles: ["medarbejder"], themes: ["sammen skaber"]))
        #expect(plan.setup.roles == ["medarbejder", "leder-af-medarbejder"])
    }

    @Test func unknownNamesSayWhatTheyAre() {
        for (wanted, kind) in [
            (request(flow: "zz"), NameKind.flow), (request(deck: "zz"), .deck),
            (request(roles: ["zz"]), .role), (request(roles: ["chef"], themes: ["zz"]), .theme),
        ] {
            do {
                _ = try planner.start(wanted)
                Issue.record("started with an unknown \(kind)")
            } catch {
                guard case .name(.unknown(kind, "zz", let candidates)) = error else {
                    Issue.record("\(error)")
                    continue
                }
                #expect(!candidates.isEmpty)
                #expect(error.message.en.hasPrefix("unknown \(Strings.kindName(kind).en) \"zz\"; choose one of: "))
            }
        }
    }

    @Test func anAmbiguousNameListsWhatItMatches() {
        let both = [("leder-af-medarbejder", "Leder af medarbejder"), ("leder-af-leder", "Leder af leder")]
        let candidates = both.map { NameError.Candidate(id: $0, name: Localized(da: $1, en: $1)) }
        #expect(throws: StartError.name(.ambiguous(.role, "leder", candidates: candidates))) {
            try planner.start(request(roles: ["leder"]))
        }
        #expect(
            StartError.name(.ambiguous(.role, "leder", candidates: candidates)).message.da
                == "»leder« passer på mere end én rolle: leder-af-medarbejder (Leder af medarbejder), "
                + "leder-af-leder (Leder af leder); skriv mere af navnet")
    }

    @Test func aFlowThatCannotUseTheNamedDeckIsRefusedBeforeAnythingIsAsked() {
        #expect(
            throws: StartError.setup(
                .deckLacksSection(
                    flow: flow("seesaw").title, deck: "kolding-sammen-om-ledelse",
                    section: .model))
        ) {
            try planner.start(request(flow: "seesaw", deck: "kolding", unnamedDeck: .asked))
        }
    }

    @Test func withoutAFittingDeckAProgramIsToldSo() {
        let kolding = SetupPlanner(flows: builtinFlows, decks: [deck("kolding-sammen-om-ledelse")], language: .da)
        #expect(throws: StartError.noDeck(flow: flow("seesaw").title)) { try kolding.start(request(flow: "seesaw")) }
        #expect(
            StartError.noDeck(flow: flow("seesaw").title).message.da
                == "intet kortsæt passer til samtaleformen »Vippebrættet«")
    }

    @Test func aPersonIsAskedForTheDeckUnlessRolesOrThemesAreNamedInTheDefaultOne() throws {
        guard case .missing(let choice, _) = try planner.start(request(unnamedDeck: .asked)) else {
            Issue.record("started without a deck")
            return
        }
        #expect(choice.subject == .deck)
        #expect(choice.options.first?.id == Catalog.defaultDeckID)
        let named = try plan(request(unnamedDeck: .asked, roles: ["chef"], themes: ["sammen styrker"]))
        #expect(named.setup.deck == Catalog.defaultDeckID)
    }

    @Test func aMissingRoleIsReportedWithItsOptions() throws {
        guard case .missing(let choice, let setup) = try planner.start(request()) else {
            Issue.record("started without a role")
            return
        }
        #expect(choice.subject == .role)
        #expect(choice.options.map(\.id) == deck("hjoerring-dialogkort").roles.map(\.id))
        #expect(setup.deck?.id == "hjoerring-dialogkort")
    }

    @Test func aMissingThemeIsReportedWithTheRolesOwnThemes() throws {
        guard case .missing(let choice, let setup) = try planner.start(request(roles: ["medarbejder"])) else {
            Issue.record("started without a theme")
            return
        }
        #expect(choice.subject == .themes)
        let role = deck("hjoerring-dialogkort").role(id: "medarbejder")!
        #expect(choice.options.map(\.id) == planner.themes(of: deck("hjoerring-dialogkort"), for: role).map(\.id))
        #expect(setup.roles.map(\.id) == ["medarbejder"])
    }

    @Test func aPersonIsAskedForTheDeckAndTheStartGoesOnFromTheirChoices() throws {
        var step = try planner.start(request(flow: nil, unnamedDeck: .asked))
        var answers = ["one-to-one", "hjoerring-dialogkort", "chef", "1"]
        while case .missing(let choice, var setup) = step {
            try planner.apply(answers.removeFirst(), to: choice, in: &setup)
            step = try planner.start(request(flow: nil, unnamedDeck: .asked), from: setup)
        }
        #expect(answers.isEmpty)
        guard case .ready(let plan) = step else { return }
        #expect(plan.setup.roles == ["chef"])
        #expect(plan.setup.themes.count == 1)
    }

    /// A Skanderborg profile is 31 to 45 ratings: its areas are chosen first, each with what it rates, several at
    /// once, the first by default. A named theme, or a profile of at most 20 ratings, is not asked for.
    @Test func aSelfReflectionOnALargeProfileAsksForItsAreasFirst() throws {
        let large = request(flow: "self", deck: "skanderborg", roles: ["leder af leder"])
        guard case .missing(let choice, let setup) = try planner.start(large) else {
            Issue.record("31 ratings started without asking for the areas")
            return
        }
        #expect(choice.subject == .themes && choice.allowsMany && choice.defaultOption == 0)
        #expect(
            choice.question
                == "For rollen »Leder af leder« er der 28 udsagn og 3 faldgruber at vurdere – det er mange på én gang. "
                + "Hvilke områder vil du reflektere over nu? (flere med komma, fx 1,3)")
        #expect(choice.options.count == 11)
        #expect(choice.options.first?.name == "Det fundamentale ansvar i rollen (6 udsagn)")
        #expect(choice.options.first?.title == "Det fundamentale ansvar i rollen")
        #expect(choice.options.last?.name == "Typiske faldgruber (3 faldgruber)")
        for (answer, themes) in [
            ("", ["det-fundamentale-ansvar-i-rollen"]),
            ("2,typiske faldgruber", ["strategisk-ledelse", "typiske-faldgruber"]),
            ("Faglig ledelse", ["faglig-ledelse"]),
        ] {
            var chosen = setup
            try planner.apply(answer, to: choice, in: &chosen)
            guard case .ready(let plan) = try planner.start(large, from: chosen) else {
                Issue.record("still missing a choice after \(answer)")
                continue
            }
            #expect(plan.setup.themes == themes)
        }
        // An answer that names no area lists them by name, without what they rate.
        do throws(SetupAnswerError) {
            var unknown = setup
            try planner.apply("zz", to: choice, in: &unknown)
            Issue.record("took an unknown area")
        } catch {
            #expect(error.message.da.contains("strategisk-ledelse (Strategisk ledelse),"), "\(error.message.da)")
        }
        let named = try plan(
            request(flow: "self", deck: "skanderborg", roles: ["leder af leder"], themes: ["strategisk"]))
        #expect(named.setup.themes == ["strategisk-ledelse"])
        // Kolding's profile is 11 statements, Hjørring's employee card set 14: all of it, unasked.
        #expect(try plan(request(flow: "self", deck: "kolding", roles: ["leder"])).setup.themes.isEmpty)
        #expect(
            try plan(request(flow: "self", deck: "hjoerring-dialogkort", roles: ["medarbejder"])).setup.themes.isEmpty)
        // A form of leadership stands for its sub-themes and counts theirs.
        guard
            case .missing(let social, _) = try planner.start(
                request(flow: "self", deck: "socialafdelingen", roles: ["medarbejder"]))
        else {
            Issue.record("22 ratings started without asking for the areas")
            return
        }
        #expect(social.options.first?.name == "Personaleledelse (10 udsagn)")
    }

    @Test func tooFewParticipantsAreAWrongSetup() {
        #expect(throws: StartError.setup(.tooFewParticipants(flow: flow("team").title, needed: 2, given: 1))) {
            try plan(request(flow: "team", roles: ["medarbejder"], themes: ["sammen sikrer"], participants: ["Ann"]))
                .script()
        }
    }

    /// Every front door's names are taken alike: trimmed, blanks dropped (then too few is told as such), and a name
    /// given twice, in any case, refused by name.
    @Test func participantsAreTrimmedBlanksDroppedAndNoneNamedTwice() throws {
        func team(_ participants: [String]?) -> StartRequest {
            request(flow: "team", roles: ["medarbejder"], themes: ["sammen sikrer"], participants: participants)
        }
        #expect(try plan(team([" Ann ", "", "Bo\t"])).setup.participants == ["Ann", "Bo"])
        #expect(throws: StartError.setup(.tooFewParticipants(flow: flow("team").title, needed: 2, given: 0))) {
            try plan(team(["", " "])).script()
        }
        #expect(throws: StartError.participants(.namedTwice("Ann"))) { try planner.start(team(["Ann", " ann"])) }
        #expect(
            StartError.participants(.namedTwice("Ann")).message
                == Localized(
                    da:
                        "»Ann« står to gange blandt deltagerne; skriv hver deltager én gang, og hedder to det samme, så "
                        + "skriv fx »Ann B.« og »Ann K.«",
                    en: "\"Ann\" is named twice among the participants; name each participant once, and tell two "
                        + "people of the same name apart, such as \"Ann B.\" and \"Ann K.\""))
        // The names typed at the setup's question are taken by the same rule.
        guard case .missing(let choice, let setup) = try planner.start(team(nil)) else {
            Issue.record("a team started without asking who takes part")
            return
        }
        var answered = setup
        #expect(throws: SetupAnswerError.participants(.namedTwice("Ann"))) {
            try planner.apply("Ann, Bo, Ann", to: choice, in: &answered)
        }
        try planner.apply(" Ann ,, Bo ", to: choice, in: &answered)
        #expect(answered.participants == ["Ann", "Bo"])
    }
}

/// The catalog holds the flows as it holds the decks: built-in first, a later one replacing one with its id, and
/// every broken file reported at once.
struct CatalogFlowTests {
    @Test func aLaterFlowReplacesAnEarlierOneAndBrokenFilesAreAllReported() throws {
        var own = BuiltinFlows.files.first { $0.name.hasSuffix("energizer.json") }!
        own = DeckFile(name: "own/flows/energizer.json", bytes: own.bytes, isBuiltin: false)
        let catalog = try Catalog.load(builtin: BuiltinDecks.all, files: [], flowFiles: BuiltinFlows.files + [own])
        #expect(catalog.flows.count == BuiltinFlows.files.count)
        #expect(catalog.flows.last?.id == "energizer")
        #expect(try Catalog.load(builtin: BuiltinDecks.all, files: []).flows.isEmpty)

        let broken = [
            DeckFile(name: "a.json", bytes: Array("{".utf8), isBuiltin: false),
            DeckFile(name: "flows/b.json", bytes: Array("[]".utf8), isBuiltin: false),
        ]
        #expect(throws: CatalogError.self) {
            try Catalog.load(builtin: [], files: [broken[0]], flowFiles: [broken[1]])
        }
        do {
            _ = try Catalog.load(builtin: [], files: [broken[0]], flowFiles: [broken[1]])
        } catch {
            #expect(error.brokenFiles.map(\.file) == ["a.json", "flows/b.json"])
        }
    }
}
