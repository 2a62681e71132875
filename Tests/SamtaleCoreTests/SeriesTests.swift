import Foundation
import TestSupport
import Testing

@testable import SamtaleCore

/// A 1:1 series: the follow-up of earlier agreements, the fold of what stays open, and the start of the next one.
@Suite struct SeriesTests {
    static let setup = ConversationSetup(
        flow: "one-to-one", deck: "hjoerring-dialogkort", roles: ["medarbejder"],
        themes: ["sammen-sikrer-vi-driften"], with: "Ann", leader: "Bo")

    /// A finished 1:1 answered line by line: `lines` for the asks in order ("" skips an optional one).
    static func conversation(
        _ setup: ConversationSetup, id: String, at day: String, lines: [String]
    ) throws -> Session {
        let script = try flow("one-to-one").expand(over: deck(setup.deck), setup: setup)
        var session = Session(
            id: try #require(SessionID(validating: id)), setup: setup, script: script, at: "\(day)T09:00:00+01:00")
        var actions = session.received(.start, at: "\(day)T09:00:00+01:00")
        for line in lines {
            guard case .ask? = actions.last else { break }
            actions = session.received(Event(input: line), at: "\(day)T10:00:00+01:00")
        }
        return session
    }

    /// The first: its point, three questions, two agreements on the theme, the leader's side, none more, a date.
    static func first() throws -> Session {
        try conversation(
            setup, id: "000000000000000000000000s1", at: "2026-03-10",
            lines: [
                "Travlhed", "a", "b", "c", "Tavlemøde", "Ann", "mandag", "Kursus", "Bo", "maj", "", "Sparring", "",
                "", "24. marts",
            ])
    }

    static func next(after sessions: [Session]) -> ConversationSetup {
        let series = Series(name: " ann ", sessions: sessions)
        var setup = setup
        (setup.earlier, setup.previous) = (series.open, series.last?.conversation.startedAt)
        return setup
    }

    @Test func aFirstConversationFollowsUpNothingAndOutsideASeriesThereIsNoOwnPoint() throws {
        let first = try Self.first()
        let ids = first.conversation.script.steps.compactMap { step -> String? in
            if case .ask(let ask) = step { ask.id } else { nil }
        }
        #expect(!ids.contains("check-in") && ids.first == "own-point" && ids.last == "next-date", "\(ids)")
        #expect(first.status == .finished)
        #expect(first.conversation.summary.followUps == nil)
        #expect(first.conversation.summary.nextDate == "24. marts")
        var alone = Self.setup
        alone.with = nil
        let script = try flow("one-to-one").expand(over: deck(alone.deck), setup: alone)
        #expect(!script.steps.contains { if case .ask(let ask) = $0 { ask.id == "own-point" } else { false } })
    }

    @Test func theNextConversationAsksHowEachAgreementWentAndItsStatus() throws {
        let first = try Self.first()
        let setup = Self.next(after: [first])
        #expect(setup.earlier.map(\.what) == ["Tavlemøde", "Kursus"])
        let script = try flow("one-to-one").expand(over: deck(setup.deck), setup: setup)
        let asks = script.steps.compactMap { step -> Ask? in if case .ask(let ask) = step { ask } else { nil } }
        #expect(
            asks.prefix(6).map(\.id) == ["check-in", "follow-up-1", "status-1", "follow-up-2", "status-2", "own-point"])
        #expect(asks[1].text == "Sidst aftalte vi: »Tavlemøde«. Hvordan er det gået med den?")
        #expect(asks[2].kind == .choice(["gennemført", "i gang", "bortfaldet", "udskudt"]))
        #expect(!asks[2].optional)
    }

    @Test func anAgreementMadeBeforeTheLastConversationIsNamedByItsDay() throws {
        let first = try Self.first()
        // The second carries "Tavlemøde" on and drops "Kursus"; it makes no new agreement.
        let second = try Self.conversation(
            Self.next(after: [first]), id: "000000000000000000000000s2", at: "2026-03-24",
            lines: ["Fint", "Det kører", "udskudt", "", "3", "Mit punkt", "a", "b", "c", "", "Intet", "", "", ""])
        #expect(second.status == .finished)
        let followUps = try #require(second.conversation.summary.followUps)
        #expect(followUps.map(\.status) == [.carriedOn, .dropped])
        #expect(followUps.map(\.comment) == ["Det kører", nil])
        let setup = Self.next(after: [first, second])
        #expect(setup.earlier.map(\.what) == ["Tavlemøde"])
        #expect(setup.earlier.first?.status == .carriedOn)
        #expect(setup.earlier.first?.session == first.id.description, "carried on, it keeps its key")
        let script = try flow("one-to-one").expand(over: deck(setup.deck), setup: setup)
        #expect(
            script.steps.contains {
                if case .ask(let ask) = $0 {
                    ask.text == "Den 10. marts 2026 aftalte vi: »Tavlemøde«. Hvordan er det gået med den?"
                } else {
                    false
                }
            })
    }

    @Test func theFoldClosesDoneAndDroppedAndKeepsSkippedUnderWayAndCarriedOn() throws {
        let first = try Self.first()
        for (status, stays) in [("1", false), ("2", true), ("3", false), ("4", true), ("/spring", true)] {
            let second = try Self.conversation(
                Self.next(after: [first]), id: "000000000000000000000000s2", at: "2026-03-24",
                lines: ["", "", status, "", "1", "Punkt", "a", "b", "c", "Ny aftale", "", "", "", "Intet", "", "", ""])
            let open = Series(name: "Ann", sessions: [second, first]).open
            #expect(open.contains { $0.what == "Tavlemøde" } == stays, "\(status)")
            #expect(!open.contains { $0.what == "Kursus" }, "done")
            #expect(open.last?.what == "Ny aftale" && open.last?.session == second.id.description)
        }
    }

    @Test func theSummaryAndTheRecordShowTheFollowUpAndTheNextDate() throws {
        let first = try Self.first()
        let second = try Self.conversation(
            Self.next(after: [first]), id: "000000000000000000000000s2", at: "2026-03-24",
            lines: ["Fint", "Det kører", "2", "", "1", "Mit punkt", "a", "b", "c", "", "Intet", "", "", "7. april"])
        let text = second.conversation.summary.text(language: .da)
        #expect(text.contains("OPFØLGNING PÅ TIDLIGERE AFTALER"))
        #expect(text.contains("1. Tavlemøde (aftalt 10. marts 2026 – hvem: Ann, hvornår: mandag) – status: i gang"))
        #expect(text.contains("Næste samtale: 7. april"))
        #expect(text.contains("   Kommentar: Det kører\n   2. Kursus"), "each comment under its agreement")
        #expect(text.contains("status: gennemført\n\n- Hvordan er det gået siden sidst"), "the check-in stands apart")
        let markdown = second.markdown(language: .da)
        #expect(markdown.contains("- Medarbejder: Ann\n- Leder: Bo\n- Næste samtale: 7. april\n"))
        #expect(markdown.contains("## Opfølgning på tidligere aftaler\n\n- **Tavlemøde**"))
        #expect(markdown.contains("Leder (Bo): ___"))
        #expect(!markdown.contains("Sidst aftalte vi"), "the follow-up questions are not repeated among the answers")
    }

    @Test func theRecordKeepsTheSeriesAndAFileWithoutItReadsAsBefore() throws {
        let first = try Self.first()
        let second = try Self.conversation(
            Self.next(after: [first]), id: "000000000000000000000000s2", at: "2026-03-24", lines: ["Fint"])
        #expect(try Session.decode(second.encoded()) == second)
        let json = String(decoding: second.encoded(), as: UTF8.self)
        #expect(json.contains("\"with\": \"Ann\"") && json.contains("\"previous\": \"2026-03-10T09:00:00+01:00\""))
        var plain = Self.setup
        plain.with = nil
        plain.leader = nil
        let alone = try Self.conversation(plain, id: "000000000000000000000000s3", at: "2026-03-24", lines: ["a"])
        let written = String(decoding: alone.encoded(), as: UTF8.self)
        for member in ["\"with\"", "\"leader\"", "\"earlier\"", "\"previous\""] { #expect(!written.contains(member)) }
        #expect(try Session.decode(alone.encoded()) == alone)
    }

    @Test func theNextStartTakesTheSeriesLeaderDeckAndRole() throws {
        let first = try Self.first()
        let planner = SetupPlanner(flows: builtinFlows, decks: builtinDecks, language: .da)
        var request = StartRequest(
            flow: "one-to-one", unnamedDeck: .asked, themes: ["sammen sikrer"], language: .da, seed: 0)
        request.with = "ann"
        request.series = Series(name: "ann", sessions: [first])
        guard case .ready(let plan) = try planner.start(request) else {
            Issue.record("the deck and role come from the series")
            return
        }
        #expect(plan.setup.deck == "hjoerring-dialogkort" && plan.setup.roles == ["medarbejder"])
        #expect(plan.setup.with == "Ann" && plan.setup.leader == "Bo")
        #expect(plan.setup.previous == first.conversation.startedAt)
        #expect(plan.setup.earlier.count == 2)
    }

    @Test func aSeriesIsOnlyForTheOneToOne() throws {
        let planner = SetupPlanner(flows: builtinFlows, decks: builtinDecks, language: .da)
        var request = StartRequest(flow: "energizer", unnamedDeck: .asked, language: .da, seed: 0)
        request.with = "Ann"
        #expect(throws: StartError.noSeries(flow: flow("energizer").title)) { try planner.start(request) }
        #expect(
            StartError.noSeries(flow: flow("energizer").title).message.da
                == "en serie med samme person findes kun for 1:1-samtalen, ikke for samtaleformen »Energizer«")
    }

    /// A person named without a flow starts the one flow that holds a series; a blank name, or a conversation of the
    /// series still under way, is refused before anything is asked.
    @Test func aNamedPersonStartsAOneToOneOnlyWithANameAndNoOtherUnderWay() throws {
        let planner = SetupPlanner(flows: builtinFlows, decks: builtinDecks, language: .da)
        var request = StartRequest(unnamedDeck: .asked, themes: ["sammen sikrer"], language: .da, seed: 0)
        request.with = "Ann"
        request.series = Series(name: "Ann", sessions: [try Self.first()])
        guard case .ready(let plan) = try planner.start(request) else {
            Issue.record("the flow, deck and role come from the series")
            return
        }
        #expect(plan.flow.id == "one-to-one")
        request.series = Series(name: "Ann", sessions: [])
        request.deck = "hjoerring-dialogkort"
        request.roles = ["medarbejder"]
        guard case .ready(let fresh) = try planner.start(request) else {
            Issue.record("a first conversation with Ann needs no flow named")
            return
        }
        #expect(fresh.flow.id == "one-to-one")
        request.with = "  "
        #expect(throws: StartError.blankName(leader: false)) { try planner.start(request) }
        (request.with, request.leader) = ("Ann", "")
        #expect(throws: StartError.blankName(leader: true)) { try planner.start(request) }
        let paused = try Self.conversation(
            Self.setup, id: "000000000000000000000000s9", at: "2026-03-10", lines: ["Travlhed", "/pause"])
        #expect(paused.status == .paused)
        (request.leader, request.series) = (nil, Series(name: "Ann", sessions: [try Self.first(), paused]))
        #expect(throws: StartError.seriesUnfinished(name: "Ann", session: "000000000000000000000000s9")) {
            try planner.start(request)
        }
        #expect(
            StartError.seriesUnfinished(name: "Ann", session: "x").message.da
                == "1:1-samtalen med Ann (x) er ikke afsluttet; gør den færdig eller slet den, før du begynder en ny")
    }

    /// A damaged file in the folder stops the series: it may be a conversation of it that closed an agreement.
    @Test func aDamagedFileStopsTheSeries() throws {
        try TemporaryFolders.with { folder in
            let store = SessionStore(directory: folder.path)
            var first = try Self.first()
            try store.save(&first)
            #expect(try store.series(with: "ann").sessions.count == 1)
            let damaged = store.path(of: try #require(SessionID(validating: "000000000000000000000000s2")))
            try "{\"version\": 1".write(toFile: damaged, atomically: true, encoding: .utf8)
            #expect {
                try store.series(with: "ann")
            } throws: { error in
                if case SessionStoreError.damaged(let path, _) = error { path == damaged } else { false }
            }
        }
    }
}
