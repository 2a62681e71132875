import Foundation
import TestSupport
import Testing

@testable import SamtaleCore

/// Session files written before the session record (`Fixtures/`, by the release its README names) load as they
/// were, save as records, and load again unchanged.
@Suite struct SessionMigrationTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let fixtureNames = [
        "active-team", "finished-seesaw", "finished-self", "paused-one-to-one",
        "paused-one-to-one-before-revisions",
    ]

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent("\(name).json"), encoding: .utf8)
    }

    static func migrated(_ name: String) throws -> Session {
        try Session.decode(Array(fixture(name).utf8))
    }

    /// Every fixture, saved by the store over its own file, is a record that loads as the same session.
    @Test(arguments: fixtureNames)
    func eachFileSavesAsARecordAndLoadsAgain(name: String) throws {
        try TemporaryFolders.with { folder in
            let store = SessionStore(directory: folder.path)
            let text = try Self.fixture(name)
            #expect(text.contains(#""format" : 1"#) || text.contains(#""format": 1"#))
            let session = try Self.migrated(name)
            try Data(text.utf8).write(to: URL(fileURLWithPath: store.path(of: session.id)))
            var loaded = try store.load(session.id)
            #expect(loaded == session)
            try store.save(&loaded)
            let saved = try String(contentsOfFile: store.path(of: session.id), encoding: .utf8)
            #expect(saved.hasPrefix("{\n  \"version\": 1,\n"))
            #expect(!saved.contains("\"_0\"") && !saved.contains("\"format\"") && !saved.contains("\"frontier\""))
            let reloaded = try store.load(session.id)
            #expect(reloaded == loaded)
            #expect(reloaded.revision == session.revision + 1)
            #expect(reloaded.conversation.summary == session.conversation.summary)
            #expect(reloaded.markdown(language: .da) == session.markdown(language: .da))
        }
    }

    @Test func aPausedOneToOneKeepsItsAnswersAndAgreements() throws {
        let session = try Self.migrated("paused-one-to-one")
        #expect(session.status == .paused)
        #expect(session.revision == 11 && session.instance != nil)
        #expect(session.setup.flow == "one-to-one" && session.setup.roles == ["medarbejder"])
        #expect(session.setup.themes == ["sammen-sikrer-vi-driften"])
        let answers = session.conversation.summary.items.map(\.answer)
        #expect(answers == ["Jeg holder fokus på borgeren", "Jeg spørger kollegerne", "Et kursus i foråret"])
        #expect(
            session.conversation.summary.agreements?.map { [$0.what, $0.who, $0.when] }
                == [["Tavlemøde hver mandag", "Ann", "Inden jul"], ["Mere sparring", "", ""]])
        #expect(session.log.count == 11 && session.log.last?.event == .command(.pause))
        guard case .paused(let waiting) = session.conversation.state, waiting.revising == nil,
            case .agreement(_, index: 2, field: .what) = waiting.place
        else {
            Issue.record("not paused at the third agreement: \(session.conversation.state)")
            return
        }
        // Resumed, it asks for the third agreement.
        var resumed = session
        guard case .ask(let action)? = resumed.received(.resume, at: "2026-11-27T09:00:00+01:00").last else {
            Issue.record("resuming asks nothing")
            return
        }
        #expect(action.ask.id.hasSuffix("-2-what"))
    }

    /// Releases before revisions were counted: the same file read as one save, with no instance.
    @Test func aFileFromBeforeRevisionsReadsAsOneSave() throws {
        let counted = try Self.migrated("paused-one-to-one")
        let before = try Self.migrated("paused-one-to-one-before-revisions")
        #expect(before.revision == 1 && before.instance == nil)
        #expect(before.conversation == counted.conversation && before.log == counted.log)
    }

    @Test func aFinishedSeesawKeepsItsPointsAndGapAnswers() throws {
        let session = try Self.migrated("finished-seesaw")
        #expect(session.status == .finished && session.conversation.state == .finished(endedEarly: false))
        let summary = session.conversation.summary
        #expect(summary.chart?.now == [40, 30, 20, 10] && summary.chart?.needed == [10, 20, 30, 40])
        // Saved before equal gaps went to the area the task needs more: it stays with the first area it was asked on.
        #expect(summary.chart?.largestGap == 0)
        #expect(summary.items.map(\.answer).suffix(3) == ["Mere tid på planlægning", nil, "Et fast møde"])
        #expect(summary.agreements?.map { [$0.what, $0.who, $0.when] } == [["Planlægningsdag", "Bo", "1. februar"]])
    }

    @Test func aFinishedSelfKeepsItsScales() throws {
        let session = try Self.migrated("finished-self")
        #expect(session.status == .finished && session.setup.language == .en)
        #expect(session.conversation.answers["q1"] == .scale(2) && session.conversation.answers["q3"] == .scale(4))
        #expect(session.conversation.summary.ratings.map(\.score) == [2, 4])
    }

    /// A team dialogue left while revising its third answer after `back`: the answer revised, it goes on at the
    /// fourth question, and the skipped second stays skipped.
    @Test func anActiveTeamGoesOnWhereItWas() throws {
        var session = try Self.migrated("active-team")
        #expect(session.status == .active)
        #expect(session.conversation.answers["q2"] == .skipped)
        guard case .waiting(let waiting) = session.conversation.state, case .question = waiting.place,
            let revising = waiting.revising
        else {
            Issue.record("not revising: \(session.conversation.state)")
            return
        }
        #expect(revising.answered == 2)
        let actions = session.received(.answer("Et nyt svar"), at: "2026-11-27T09:00:00+01:00")
        guard case .ask(let action)? = actions.last else {
            Issue.record("the revised answer asks nothing")
            return
        }
        #expect(action.ask.id == "q4")
        #expect(session.conversation.answers["q3"] == .text("Et nyt svar"))
    }

    /// A file that says it was written by a later version is not guessed at; one that says neither is damaged.
    @Test func aLaterVersionIsUnsupported() throws {
        let record = try Self.migrated("finished-self").record
        #expect(throws: SessionFileError.unsupportedFormat) {
            try Session.decode(JSONWriter.bytes(record.replacing(["version"], with: .integer(2)), style: .compact))
        }
        #expect(
            SessionDecodingTests.damage(record.removing(["version"])) == .field(path: "", problem: .missing("version")))
    }

    /// The status is written for readers of the file and must agree with the state.
    @Test func aStatusThatDisagreesWithTheStateIsDamage() throws {
        let record = try Self.migrated("finished-self").record.replacing(["status"], with: .string("active"))
        #expect(SessionDecodingTests.damage(record) == .field(path: "status", problem: .unreadable))
    }
}
