import Foundation
import TestSupport
import Testing

@testable import SamtaleCore

/// Session files and tokens come from outside: altered by hand, by a bug elsewhere, or by an attacker. Every one is
/// either a session the state machine can walk from where it stands, or refused as damaged; none may crash it.
@Suite struct SessionDecodingTests {
    /// Sessions of every flow at many points: started, mid-way, revising after `back`, agreeing, asked whether to
    /// end, paused and finished.
    static let corpus: [Session] = {
        var sessions: [Session] = []
        for flowID in ExportGoldenTests.setups.keys.sorted() {
            guard let finished = try? ExportGoldenTests.session(flowID) else { continue }
            var session = Session(
                id: finished.id, setup: finished.setup, script: finished.conversation.script,
                at: "2026-11-26T09:00:00+01:00")
            let events: [Event] = [
                .start, .answer("Et svar"), .answer("3"), .answer("25 25 25 25"),
                .command(.back), .answer("Et nyt svar"), .command(.skip), .answer("Aftalen"),
                .answer("Bo"), .command(.end), .answer("nej"), .command(.pause),
            ]
            for event in events {
                _ = session.received(event, at: "2026-11-26T09:10:00+01:00")
                sessions.append(session)
            }
            sessions.append(finished)
        }
        return sessions
    }()

    static func json(_ session: Session) throws -> JSONValue {
        try JSONParser.parse(session.encoded())
    }

    /// A file from before the session record (`Fixtures/`), as a JSON value to change.
    static func beforeRecord(_ name: String) throws -> JSONValue {
        try JSONParser.parse(Array(SessionMigrationTests.fixture(name).utf8))
    }

    @Test func everySessionOfTheCorpusReadsBackAsItWas() throws {
        #expect(Self.corpus.count > 50)
        for session in Self.corpus {
            #expect(try Session.decode(session.encoded()) == session)
            #expect(session.conversation.damage == nil)
        }
    }

    /// What the state machine itself does from any sequence of events is always a session the checks take: they
    /// refuse what it cannot reach, never what it made.
    @Test func everyWalkOfTheStateMachineKeepsItsInvariants() throws {
        var random = SplitMix64(seed: 7)
        let events: [Event] =
            [
                .start, .resume, .answer("Et svar"), .answer("3"), .answer("1"), .answer("25 25 25 25"),
                .answer("100 0 0 0"), .answer("0 0 0 100"), .answer("70 0 10 20"), .answer(""),
                .answer("ja"), .answer("nej"), .unknownCommand("/x"),
            ]
            + Command.allCases.map(Event.command) + [.command(.back), .command(.back)]
        // Every flow, and a seesaw whose areas have 3, 1, 0 and 2 questions, where revised points change the area.
        let sessions = try ExportGoldenTests.setups.keys.sorted().map { try ExportGoldenTests.session($0) }
        let uneven = try GapRevisionTests.script(counts: [3, 1, 0, 2])
        for (flowID, script, setup) in sessions.map({ ($0.setup.flow, $0.conversation.script, $0.setup) })
            + [("uneven seesaw", uneven, GapRevisionTests.setup)]
        {
            for _ in 0..<200 {
                var session = Session(id: sessions[0].id, setup: setup, script: script, at: "2026-11-26T09:00:00+01:00")
                for _ in 0..<40 {
                    let event = events[random.below(events.count)]
                    _ = session.received(event, at: "2026-11-26T09:10:00+01:00")
                    if let damage = session.conversation.damage {
                        Issue.record("\(flowID) after \(event): \(damage)")
                        return
                    }
                }
                #expect(try Session.decode(session.encoded()) == session)
            }
        }
    }

    // MARK: - Each invariant

    /// A session waiting at its first question, as a JSON value to change.
    func waiting(_ flowID: String = "one-to-one") throws -> JSONValue {
        var session = try ExportGoldenTests.session(flowID)
        session = Session(
            id: session.id, setup: session.setup, script: session.conversation.script, at: "2026-11-26T09:00:00+01:00")
        _ = session.received(.start, at: "2026-11-26T09:00:00+01:00")
        _ = session.received(.answer("Første svar"), at: "2026-11-26T09:01:00+01:00")
        return try Self.json(session)
    }

    static func damage(_ json: JSONValue) -> SessionDamage? {
        do {
            _ = try Session.decode(JSONWriter.bytes(json, style: .compact))
            return nil
        } catch {
            guard case .damaged(let damage) = error else { return nil }
            return damage
        }
    }

    /// In a file from before the record, whose positions could nest.
    @Test(arguments: [
        (#"{"asking":{"step":9999}}"#, "conversation.position"),
        (#"{"asking":{"step":-1}}"#, "conversation.position"),
        (#"{"asking":{"step":0}}"#, "conversation.position"),
        (#"{"agreeing":{"step":1,"index":0,"field":"what"}}"#, "conversation.position"),
        (#"{"gap":{"step":1,"index":0}}"#, "conversation.position"),
        (#"{"confirmingEnd":{"from":{"confirmingEnd":{"from":{"asking":{"step":4}}}}}}"#, "conversation.position"),
        (#"{"paused":{"at":{"finished":{}}}}"#, "conversation.position"),
        (#"{"paused":{"at":{"paused":{"at":{"asking":{"step":4}}}}}}"#, "conversation.position"),
    ])
    func aPositionTheScriptDoesNotHaveIsDamage(position: String, path: String) throws {
        let changed = try Self.beforeRecord("paused-one-to-one")
            .replacing(["conversation", "position"], with: JSONParser.parse(Array(position.utf8)))
        #expect(Self.damage(changed) == .positionOutsideScript(path: path))
    }

    /// In the record a state holds one place, so a nested one is no place at all.
    @Test(arguments: [
        (
            #"{"type":"waiting","at":{"type":"question","step":9999}}"#,
            SessionDamage.positionOutsideScript(path: "state.at")
        ),
        (#"{"type":"waiting","at":{"type":"question","step":-1}}"#, .positionOutsideScript(path: "state.at")),
        (#"{"type":"paused","at":{"type":"question","step":0}}"#, .positionOutsideScript(path: "state.at")),
        (
            #"{"type":"waiting","at":{"type":"agreement","step":1,"agreement":0,"field":"what"}}"#,
            .positionOutsideScript(path: "state.at")
        ),
        (
            #"{"type":"confirmingEnd","at":{"type":"gapQuestion","step":1,"question":0}}"#,
            .positionOutsideScript(path: "state.at")
        ),
        (
            #"{"type":"confirmingEnd","at":{"type":"confirmingEnd","at":{"type":"question","step":4}}}"#,
            .field(path: "state.at.type", problem: .unreadable)
        ),
        (
            #"{"type":"paused","at":{"type":"finished","endedEarly":false}}"#,
            .field(path: "state.at.type", problem: .unreadable)
        ),
        (#"{"type":"paused"}"#, .field(path: "state", problem: .missing("at"))),
        (#"{"type":"asking","at":{"type":"question","step":4}}"#, .field(path: "state.type", problem: .unreadable)),
    ])
    func aRecordStateTheScriptDoesNotHaveIsDamage(state: String, damage: SessionDamage) throws {
        let changed = try waiting().replacing(["state"], with: JSONParser.parse(Array(state.utf8)))
        #expect(Self.damage(changed) == damage)
    }

    @Test func aFrontierHistoryOrRevisionOutsideTheScriptIsDamage() throws {
        let base = try Self.beforeRecord("active-team")
        let outside = try JSONParser.parse(Array(#"{"asking":{"step":9999}}"#.utf8))
        #expect(
            Self.damage(base.replacing(["conversation", "frontier"], with: outside))
                == .positionOutsideScript(path: "conversation.frontier"))
        #expect(
            Self.damage(base.replacing(["conversation", "history"], with: .array([outside])))
                == .positionOutsideScript(path: "conversation.history[0]"))
        #expect(
            Self.damage(base.replacing(["conversation", "revisiting"], with: .integer(5)))
                == .positionOutsideScript(path: "conversation.revisiting"))
        #expect(
            Self.damage(base.replacing(["conversation", "revisiting"], with: .integer(-1)))
                == .positionOutsideScript(path: "conversation.revisiting"))
    }

    /// The same in the record, where the furthest place is written only while an answer is revised.
    @Test func aRevisionOrAnsweredPlaceOutsideTheScriptIsDamage() throws {
        let revising = try Session.decode(Array(SessionMigrationTests.fixture("active-team").utf8))
        let base = revising.record
        #expect(base.value(at: ["state", "revising", "answered"]) == .integer(2))
        let outside = try JSONParser.parse(Array(#"{"type":"question","step":9999}"#.utf8))
        #expect(
            Self.damage(base.replacing(["state", "revising", "returnTo"], with: outside))
                == .positionOutsideScript(path: "state.revising.returnTo"))
        #expect(
            Self.damage(base.replacing(["answered"], with: .array([outside])))
                == .positionOutsideScript(path: "answered[0]"))
        #expect(
            Self.damage(base.replacing(["state", "revising", "answered"], with: .integer(5)))
                == .positionOutsideScript(path: "state.revising.answered"))
        #expect(
            Self.damage(base.replacing(["state", "revising", "answered"], with: .integer(-1)))
                == .positionOutsideScript(path: "state.revising.answered"))
        let notStarted = try JSONParser.parse(Array(#"{"type":"notStarted"}"#.utf8))
        #expect(Self.damage(base.replacing(["state"], with: notStarted)) == .positionOutsideScript(path: "answered"))
    }

    /// A conversation that is not revising waits at its frontier: a file that says otherwise would return, after
    /// `back` and an answer, to a place where nothing waits.
    @Test func aPositionAwayFromItsFrontierIsDamage() throws {
        let base = try Self.beforeRecord("paused-one-to-one")
        let finished = try JSONParser.parse(Array(#"{"finished":{}}"#.utf8))
        let start = try JSONParser.parse(Array(#"{"notStarted":{}}"#.utf8))
        #expect(
            Self.damage(base.replacing(["conversation", "frontier"], with: finished))
                == .positionOutsideScript(path: "conversation.frontier"))
        #expect(
            Self.damage(base.replacing(["conversation", "frontier"], with: start))
                == .positionOutsideScript(path: "conversation.frontier"))
    }

    /// A choice answered with the smallest integer: its number minus one would overflow.
    @Test func theSmallestIntegerIsNoChoice() {
        let ask = Ask(id: "q1", text: "Hvilken?", kind: .choice(["a", "b"]))
        #expect(ask.answer(from: "-9223372036854775808") == .failure(.notAChoice("-9223372036854775808", count: 2)))
        #expect(ask.answer(from: "2") == .success(.choice(1)))
    }

    @Test func anAgreementPastTheListIsDamage() throws {
        var session = try ExportGoldenTests.session("one-to-one")
        session = Session(
            id: session.id, setup: session.setup, script: session.conversation.script, at: "2026-11-26T09:00:00+01:00")
        var actions = session.received(.start, at: "2026-11-26T09:00:00+01:00")
        while case .ask(let action)? = actions.last, !action.ask.id.hasPrefix("agreement-") {
            actions = session.received(.answer("Svar"), at: "2026-11-26T09:00:00+01:00")
        }
        guard case .waiting(let waiting) = session.conversation.state,
            case .agreement(let step, _, _) = waiting.place
        else {
            Issue.record("no agreements in \(session.conversation.state)")
            return
        }
        let past = try JSONParser.parse(
            Array(#"{"type":"agreement","step":\#(step),"agreement":3,"field":"who"}"#.utf8))
        #expect(
            Self.damage(try Self.json(session).replacing(["state", "at"], with: past))
                == .positionOutsideScript(path: "state.at"))
    }

    @Test func answersThatNoQuestionWouldTakeAreDamage() throws {
        let base = try waiting("seesaw")
        let points = try JSONParser.parse(Array(#"{"type":"points","points":[9223372036854775807,1,0,0]}"#.utf8))
        #expect(
            Self.damage(base.replacing(["answers"], with: .object([JSONMember("now", points)])))
                == .invalidAnswer(id: "now"))
        let text = try JSONParser.parse(Array(#"{"type":"text","text":"x"}"#.utf8))
        #expect(
            Self.damage(base.replacing(["answers"], with: .object([JSONMember("no-such-question", text)])))
                == .invalidAnswer(id: "no-such-question"))
    }

    @Test func aChartWithoutAreasIsDamage() throws {
        let base = try waiting("seesaw")
        guard case .array(let steps)? = base.value(at: ["script", "steps"]),
            let index = steps.firstIndex(where: { $0.value(at: ["type"]) == .string("chart") })
        else {
            Issue.record("the seesaw has no chart")
            return
        }
        let changed = base.replacing(["script", "steps", String(index), "areas"], with: .array([]))
        #expect(Self.damage(changed) == .invalidStep(index: index))
    }

    /// A chart and the gap questions weigh two points questions asked before them, over the same areas: edited to
    /// name another question, or other areas, they would show nothing or zeros and ask the wrong area.
    @Test(arguments: ["chart", "gapQuestions"])
    func aChartOrGapQuestionsWeighingNoPointsQuestionIsDamage(type: String) throws {
        let base = try waiting("seesaw")
        guard case .array(let steps)? = base.value(at: ["script", "steps"]),
            let index = steps.firstIndex(where: { $0.value(at: ["type"]) == .string(type) })
        else {
            Issue.record("the seesaw has no \(type)")
            return
        }
        let step = ["script", "steps", String(index)]
        let noSuchQuestion = base.replacing(step + ["now"], with: .string("no-such-question"))
        #expect(Self.damage(noSuchQuestion) == .invalidStep(index: index))
        let moreAreas = base.replacing(step + ["areas"], with: .array((1...10).map { .string("område \($0)") }))
        #expect(Self.damage(moreAreas) == .invalidStep(index: index))
        #expect(Self.damage(base) == nil)
    }

    @Test func damageIsToldWithoutSwiftsWords() throws {
        let base = try waiting()
        let before = try Self.beforeRecord("paused-one-to-one")
        let wrongType = before.replacing(["conversation", "position"], with: .string("x"))
        let message = SessionFileError.damaged(Self.damage(wrongType)!).message(path: "/s/x.json")
        #expect(
            message.da
                == "samtalefilen /s/x.json er beskadiget (feltet »conversation.position« har forkert type); de "
                + "andre samtaler er ikke berørt"
        )
        let state = SessionFileError.damaged(Self.damage(base.replacing(["state"], with: .string("x")))!)
            .message(path: "/s/x.json")
        #expect(
            state.da
                == "samtalefilen /s/x.json er beskadiget (feltet »state« har forkert type); de andre samtaler "
                + "er ikke berørt"
        )
        let notAnObject = SessionFileError.damaged(Self.damage(.array([]))!).message(path: "/s/x.json")
        #expect(
            notAnObject.da
                == "samtalefilen /s/x.json er beskadiget (indholdet er ikke et JSON-objekt); de andre samtaler "
                + "er ikke berørt"
        )
        let missing = SessionFileError.damaged(Self.damage(base.removing(["setup"]))!).message(path: "/s/x.json")
        #expect(
            missing.en
                == "the session file /s/x.json is damaged (the field \"setup\" is missing); other sessions are "
                + "not affected"
        )
    }

    // MARK: - Fuzz

    /// Mutated files of every kind of session: each one decodes to a session that every adapter can show, export,
    /// save and walk on, or is refused as damaged. A crash here fails the whole test run.
    @Test func mutatedSessionFilesNeverCrash() throws {
        var random = SplitMix64(seed: 20_261_130)
        let documents = try Self.corpus.map(Self.json) + SessionMigrationTests.fixtureNames.map(Self.beforeRecord)
        var decoded = 0
        var refused = 0
        let rounds = 10_000
        let folder = try TemporaryFolders.make()
        defer { TemporaryFolders.remove(folder) }
        let store = SessionStore(directory: folder.path)
        for round in 0..<rounds {
            var document = documents[round % documents.count]
            for _ in 0...random.below(3) {
                // Half the changes go where the state machine looks: they pass the decoder more often.
                document =
                    random.below(2) == 0
                    ? Self.mutate(document, random: &random)
                    : Self.mutateState(document, random: &random)
            }
            var bytes = JSONWriter.bytes(document, style: .compact)
            if random.below(10) == 0 { bytes = Self.mutateBytes(bytes, random: &random) }
            guard var session = try? Session.decode(bytes) else {
                refused += 1
                continue
            }
            decoded += 1
            // Saved over its own file, as a program that read it saves it: the store counts its revision on.
            var saved = session
            if (try? Data(bytes).write(to: URL(fileURLWithPath: store.path(of: session.id)))) != nil {
                #expect(throws: Never.self) { try store.save(&saved) }
            }
            Self.exercise(&session)
        }
        print(
            "session fuzz: \(rounds) mutated files, \(decoded) read as sessions and walked on, \(refused) "
                + "refused as damaged"
        )
        #expect(decoded > rounds / 20 && refused > rounds / 20)
    }

    /// Everything the adapters do with a session read from a file.
    static func exercise(_ session: inout Session) {
        _ = session.status
        _ = session.conversation.progress
        _ = session.conversation.current
        for language in Language.allCases {
            _ = session.markdown(language: language)
            _ = session.conversation.summary.text(language: language, width: 40)
        }
        _ = session.listRow
        _ = session.exportJSON()
        let events: [Event] = [
            .resume, .answer("1"), .answer("25 25 25 25"), .command(.back), .answer("ja"),
            .command(.skip), .command(.end), .answer("nej"), .command(.help), .command(.repeat),
            .answer(""), .command(.pause), .start,
        ]
        for event in events { _ = session.received(event, at: "2026-11-26T10:00:00+01:00") }
        #expect(session.conversation.damage == nil)
        #expect(throws: Never.self) { try Session.decode(session.encoded()) }
    }

    /// A place in the conversation that may or may not be one: steps near and past the script's, any agreement, any
    /// gap question, and places of no kind.
    static func place(random: inout SplitMix64) -> JSONValue {
        func object(_ type: String, _ members: [JSONMember]) -> JSONValue {
            .object([JSONMember("type", .string(type))] + members)
        }
        let step = JSONMember("step", .integer(random.below(40) - 2))
        switch random.below(6) {
        case 0: return object("question", [step])
        case 1:
            return object(
                "agreement",
                [
                    step, JSONMember("agreement", .integer(random.below(4) - 1)),
                    JSONMember("field", .string(["what", "who", "when"][random.below(3)])),
                ])
        case 2: return object("gapQuestion", [step, JSONMember("question", .integer(random.below(5) - 1))])
        case 3: return object(["finished", "notStarted", "paused"][random.below(3)], [step])
        default: return object("question", [JSONMember("step", .integer(random.below(12)))])
        }
    }

    /// A state that may or may not be one: any kind, at any place, revising or not.
    static func state(random: inout SplitMix64) -> JSONValue {
        let type = ["notStarted", "waiting", "confirmingEnd", "paused", "finished", "asking"][random.below(6)]
        var members = [JSONMember("type", .string(type)), JSONMember("at", place(random: &random))]
        if type == "finished" { members.append(JSONMember("endedEarly", .bool(random.below(2) == 0))) }
        if random.below(3) == 0 { members.append(JSONMember("revising", revision(random: &random))) }
        return .object(members)
    }

    static func revision(random: inout SplitMix64) -> JSONValue {
        .object([JSONMember("answered", .integer(random.below(6) - 1)), JSONMember("returnTo", place(random: &random))])
    }

    /// One change to what the state machine keeps: its state, the place it waits at, its revision, the places
    /// answered, an answer, or the file's revision.
    static func mutateState(_ document: JSONValue, random: inout SplitMix64) -> JSONValue {
        switch random.below(7) {
        case 0: return document.replacing(["state"], with: state(random: &random))
        case 1: return document.replacing(["state", "at"], with: place(random: &random))
        case 2:
            let answered = (0..<random.below(4)).map { _ in place(random: &random) }
            return document.replacing(["answered"], with: .array(answered))
        case 3: return document.replacing(["state", "revising"], with: revision(random: &random))
        case 4:
            let answers: [JSONValue] = [
                .object([
                    JSONMember("type", .string("points")),
                    JSONMember("points", .strings(["25", "25", "25", "25"])),
                ]),
                .object([
                    JSONMember("type", .string("points")),
                    JSONMember("points", .array([.integer(100), .integer(0), .integer(0), .integer(Int.max)])),
                ]),
                .object([JSONMember("type", .string("scale")), JSONMember("value", .integer(random.below(9) - 2))]),
                .object([
                    JSONMember("type", .string("choice")),
                    JSONMember("optionIndex", .integer(random.below(6) - 1)),
                ]),
                .object([JSONMember("type", .string("text")), JSONMember("text", .string("svar"))]),
                .object([JSONMember("type", .string("skipped"))]),
            ]
            let id = ["q1", "q2", "q3", "now", "needed", "r1", "gap-0", "x"][random.below(8)]
            return document.replacing(["answers", id], with: answers[random.below(answers.count)])
        case 5:
            let revisions: [JSONValue] = [
                .integer(Int.max), .integer(Int.max - 1), .integer(-1), .integer(Int.min),
                .number("1e3"), .string("1"),
            ]
            return document.replacing(["revision"], with: revisions[random.below(revisions.count)])
        default:
            return document.replacing(["state", "endedEarly"], with: .bool(random.below(2) == 0))
        }
    }

    static let replacements: [JSONValue] = [
        .integer(-1), .integer(0), .integer(1), .integer(2), .integer(9999), .integer(Int.max), .integer(Int.min),
        .string(""), .string("asking"), .null, .bool(true), .array([]), .object([]),
        .object([JSONMember("type", .string("question")), JSONMember("step", .integer(3))]),
        .object([JSONMember("type", .string("finished")), JSONMember("endedEarly", .bool(false))]),
        .object([
            JSONMember("type", .string("confirmingEnd")),
            JSONMember("at", .object([JSONMember("type", .string("notStarted"))])),
        ]),
        .object([JSONMember("asking", .object([JSONMember("step", .integer(3))]))]),
    ]

    /// One change somewhere in the tree: a value replaced, a member removed, an element doubled or dropped, a number
    /// nudged.
    static func mutate(_ value: JSONValue, random: inout SplitMix64) -> JSONValue {
        switch value {
        case .object(let members) where !members.isEmpty && random.below(4) != 0:
            var members = members
            let index = random.below(members.count)
            if random.below(12) == 0 {
                members.remove(at: index)
            } else {
                members[index] = JSONMember(members[index].key, mutate(members[index].value, random: &random))
            }
            return .object(members)
        case .array(let elements) where !elements.isEmpty && random.below(4) != 0:
            var elements = elements
            let index = random.below(elements.count)
            switch random.below(10) {
            case 0: elements.remove(at: index)
            case 1: elements.append(elements[index])
            default: elements[index] = mutate(elements[index], random: &random)
            }
            return .array(elements)
        case .number(let literal) where random.below(2) == 0:
            return .integer((Int(literal) ?? 0) &+ [-2, -1, 1, 2, 100][random.below(5)])
        default:
            return replacements[random.below(replacements.count)]
        }
    }

    static func mutateBytes(_ bytes: [UInt8], random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        switch random.below(3) {
        case 0: bytes.removeSubrange(random.below(bytes.count)...)
        case 1: bytes[random.below(bytes.count)] ^= UInt8(1 << random.below(8))
        default:
            let insertions = Array("{}[],:\"0".utf8)
            bytes.insert(insertions[random.below(insertions.count)], at: random.below(bytes.count))
        }
        return bytes
    }
}

extension JSONValue {
    /// The value with the one at `path` (member keys, array indices as text) set to `new`; a missing last member is
    /// added.
    func replacing(_ path: [String], with new: JSONValue) -> JSONValue {
        guard let key = path.first else { return new }
        switch self {
        case .object(let members):
            if path.count == 1 && !members.contains(where: { $0.key == key }) {
                return .object(members + [JSONMember(key, new)])
            }
            return .object(
                members.map {
                    $0.key == key ? JSONMember(key, $0.value.replacing(Array(path.dropFirst()), with: new)) : $0
                })
        case .array(let elements):
            guard let index = Int(key), elements.indices.contains(index) else { return self }
            var elements = elements
            elements[index] = elements[index].replacing(Array(path.dropFirst()), with: new)
            return .array(elements)
        default:
            return self
        }
    }

    /// The value without the member at `path`.
    func removing(_ path: [String]) -> JSONValue {
        guard let key = path.first, case .object(let members) = self else { return self }
        if path.count == 1 { return .object(members.filter { $0.key != key }) }
        return .object(members.map { $0.key == key ? JSONMember(key, $0.value.removing(Array(path.dropFirst()))) : $0 })
    }

    /// The value at `path`, if there is one.
    func value(at path: [String]) -> JSONValue? {
        guard let key = path.first else { return self }
        switch self {
        case .object(let members): return members.first { $0.key == key }?.value.value(at: Array(path.dropFirst()))
        case .array(let elements):
            guard let index = Int(key), elements.indices.contains(index) else { return nil }
            return elements[index].value(at: Array(path.dropFirst()))
        default: return nil
        }
    }
}
