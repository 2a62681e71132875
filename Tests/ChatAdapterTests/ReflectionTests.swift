import Foundation
import SamtaleCore
import SamtaleDecks
import TestSupport
import Testing

@testable import ChatAdapter

/// The day's question answered in chat, through the handler in this process: Zulip's requests (the token in the
/// body), a clock the test sets, and a deck of the test's own whose one card has three questions for one person and
/// one for a group.
@Suite struct ReflectionTests {
    static let token = "xvOzfurIutdRRVLzpXrIIHXJvNfaJLJ0"
    static let questions = [
        "Hvordan inddrager du borgeren?", "Hvad lærte du af det sidste møde med en borger?",
        "Hvem kan hjælpe dig med at komme tættere på borgeren?",
    ]
    static let deck = """
        {
          "$schema": "./deck.schema.json", "format": 1, "id": "test", "title": "Test",
          "organisation": "Testkommune", "source": "test.txt",
          "roles": [{"id": "medarbejder", "name": "Medarbejder", "level": 1}],
          "themes": [{"id": "naer", "name": "Tæt på borgeren"}],
          "cards": [{
            "role": "medarbejder", "theme": "naer",
            "questions": {"individual": \(JSONWriter.string(.strings(questions))), "group": ["Hvad virker for os?"]}
          }]
        }
        """

    /// A handler whose endpoints hold the day's question: `/refleksion` for one person (weekdays, holidays and
    /// weekends off), `/gruppe` for a group with both a flow and the question.
    final class Handler {
        let folder: URL
        var clock = "2026-11-27T09:00:00+01:00"
        var notices: [Localized] = []
        let catalog: Catalog
        private(set) var handler: ChatHandler!

        init() throws {
            folder = try TemporaryFolders.make()
            let configuration = try ChatConfiguration.decode(
                Array(
                    """
                    {"endpoints": [
                      {"path": "/refleksion", "platform": "zulip", "secretEnv": "TOKEN",
                       "reflection": {"deck": "test", "for": "individual", "holidays": "dk", "skipWeekends": true}},
                      {"path": "/gruppe", "platform": "zulip", "secretEnv": "TOKEN", "flow": "one-to-one",
                       "reflection": {"deck": "test", "for": "group", "weekdays": ["monday", "friday"]}},
                      {"path": "/en", "platform": "zulip", "secretEnv": "TOKEN", "lang": "en",
                       "reflection": {"deck": "test", "for": "individual", "holidays": "dk", "skipWeekends": true}}
                    ]}
                    """.utf8))
            catalog = try Catalog.load(
                builtin: BuiltinDecks.all,
                files: [DeckFile(name: "test.json", bytes: Array(ReflectionTests.deck.utf8), isBuiltin: false)])
            handler = ChatHandler(
                configuration: configuration,
                environment: ChatHandler.Environment(
                    catalog: catalog, flows: try BuiltinFlows.files.map { try FlowDecoder.decode($0.bytes) },
                    store: SessionStore(directory: folder.path), language: .da,
                    clock: { [unowned self] in clock }, randomSeed: { 1 },
                    verifier: { endpoint throws(ChatSecretError) in
                        try ChatVerifier(platform: endpoint.platform, secrets: [ReflectionTests.token])
                    },
                    notice: { [unowned self] in notices.append($0) }))
        }

        /// The reply's text to a message from `sender` in stream `stream` (nil: a direct message to the bot).
        func say(
            _ text: String, id: Int, from sender: Int = 5, name: String = "Iago", stream: Int? = 5,
            path: String = "/refleksion"
        ) throws -> String {
            var message: [JSONMember] = [
                JSONMember("id", .integer(id)), JSONMember("sender_id", .integer(sender)),
                JSONMember("sender_full_name", .string(name)),
            ]
            if let stream {
                message += [
                    JSONMember("type", .string("stream")), JSONMember("stream_id", .integer(stream)),
                    JSONMember("subject", .string("Dagens spørgsmål")),
                ]
            } else {
                message += [
                    JSONMember("type", .string("private")),
                    JSONMember("display_recipient", .array([.object([JSONMember("id", .integer(sender))])])),
                ]
            }
            let body = JSONWriter.bytes(
                .object([
                    JSONMember("data", .string(text)), JSONMember("token", .string(ReflectionTests.token)),
                    JSONMember("message", .object(message)),
                ]))
            let request = HTTPRequest(
                method: .post, path: path, query: nil,
                headers: HTTPHeaders([HTTPField(name: "Content-Type", value: "application/json")]), body: body)
            let response = handler.respond(to: request, now: Timestamp(secondsSinceEpoch: 1_795_680_000))
            #expect(response.status == .ok)
            guard case .string(let content)? = try JSONParser.parse(response.body).member("content") else {
                throw CocoaError(.coderInvalidValue)
            }
            return content
        }

        /// The question of `day` as the chat shows it, picked as `samtale prompt` picks it.
        func question(on day: String, audience: Audience = .individual) throws -> String {
            // `/refleksion` skips weekends and holidays; `/gruppe` counts every day.
            let options = PromptOptions(
                deck: "test", audience: audience, date: CivilDate(iso: day),
                dayCounting: DayCounting(
                    skipsWeekends: audience == .individual, skipsDanishHolidays: audience == .individual))
            guard case .prompt(let prompt) = try catalog.prompt(for: options, today: Rotation.anchor) else {
                throw CocoaError(.coderInvalidValue)
            }
            return prompt.body(language: .da)
        }

        var reflectionFiles: [String] {
            let path = folder.appendingPathComponent(ChatHandler.reflectionsFolder).path
            return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".json") }
        }
    }

    static let seenByChannel = "Bemærk: Alle i kanalen kan se svarene her og opsummeringen."

    @Test func anAnswerIsThankedWithTheNextQuestionOfTheCardAndTheChannelIsToldItSeesIt() throws {
        let handler = try Handler()
        let question = try handler.question(on: "2026-11-27")
        let index = try #require(Self.questions.firstIndex(of: question))
        let next = Self.questions[(index + 1) % Self.questions.count]
        #expect(
            try handler.say("Jeg spørger, før jeg beslutter", id: 1)
                == "Tak for dit svar. Det er gemt og kommer med i opsummeringen af dagens svar.\n\n"
                + "Vil du tænke lidt videre, er her et spørgsmål mere:\n\(next)\n\n\(Self.seenByChannel)")
        #expect(handler.reflectionFiles.count == 1)
        #expect(handler.reflectionFiles[0].hasSuffix(".2026-11-27.json"))
        #expect(handler.notices.isEmpty)
    }

    /// A direct message is private, but its answer goes into the summary that others on the endpoint can ask for.
    @Test func aDirectMessageIsToldThatTheSummaryShowsItsAnswer() throws {
        let handler = try Handler()
        let reply = try handler.say("Jeg spørger, før jeg beslutter", id: 1, stream: nil)
        #expect(reply.hasPrefix("Tak for dit svar."))
        #expect(!reply.contains(Self.seenByChannel))
        #expect(reply.hasSuffix("\n\nBemærk: Alle, der kan bruge chatbotten, kan se opsummeringen og dermed dit svar."))
    }

    @Test func aSecondMessageIsAddedToThePersonsAnswerAndBothAreInTheSummary() throws {
        let handler = try Handler()
        _ = try handler.say("Jeg spørger, før jeg beslutter", id: 1)
        #expect(try handler.say("Og jeg lytter", id: 2) == "Tak. Det er føjet til dit svar på dagens spørgsmål.")
        _ = try handler.say("Vi holder borgermøder", id: 3, from: 6, name: "Bo")
        let question = try handler.question(on: "2026-11-27")
        #expect(
            try handler.say("opsummering", id: 4)
                == "Dagens spørgsmål har fået 2 svar:\n\(question)\n\n"
                + "Iago:\n\\> Jeg spørger, før jeg beslutter\n\\> Og jeg lytter\n\nBo:\n\\> Vi holder borgermøder")
    }

    /// An answer quoted back to the channel can mention no one: the summary is escaped as every reply is.
    @Test func theSummaryMentionsNoOne() throws {
        let handler = try Handler()
        _ = try handler.say("@**all** se her", id: 1, name: "@**everyone**")
        let summary = try handler.say("opsummering", id: 2)
        #expect(!summary.contains("@**all**") && !summary.contains("@**everyone**"))
        #expect(summary.contains("se her"))
    }

    @Test func theSummaryWithoutAnswersSaysSoAndKeepsNothing() throws {
        let handler = try Handler()
        let question = try handler.question(on: "2026-11-27")
        #expect(
            try handler.say("Opsummering", id: 1) == "Der er endnu ingen svar på dagens spørgsmål:\n\(question)")
        #expect(handler.reflectionFiles.isEmpty)
    }

    @Test func svarAloneGivesTheQuestionAndHowToAnswer() throws {
        let handler = try Handler()
        let question = try handler.question(on: "2026-11-27")
        let expected =
            "Dagens spørgsmål:\n\(question)\n\nSkriv dit svar her. Skriv »opsummering«, hvis du vil se alle dagens "
            + "svar samlet.\n\n\(Self.seenByChannel)"
        #expect(try handler.say("svar", id: 1) == expected)
        #expect(try handler.say("hjælp", id: 2) == expected)
        #expect(handler.reflectionFiles.isEmpty)
    }

    /// In a thread the whole message is the answer, whatever word it begins with.
    /// An answer of several lines cannot pass a line of its own off as another person's answer: every line of an
    /// answer is quoted under its author's name.
    @Test func anAnswerCannotPassItselfOffAsAnothers() throws {
        let handler = try Handler()
        _ = try handler.say("Jeg er enig\n\nDesdemona:\nJeg er uenig", id: 1)
        #expect(
            try handler.say("opsummering", id: 2).hasSuffix(
                "Iago:\n\\> Jeg er enig\n\\> \n\\> Desdemona:\n\\> Jeg er uenig"))
    }

    @Test func aThreadsMessageBeginningWithSvarIsKeptWhole() throws {
        let handler = try Handler()
        _ = try handler.say("Svar: jeg spørger, før jeg beslutter", id: 1)
        #expect(try handler.say("summary", id: 2).hasSuffix("Iago:\n\\> Svar: jeg spørger, før jeg beslutter"))
    }

    @Test func twoChannelsOnOneEndpointNeverSeeEachOthersAnswers() throws {
        let handler = try Handler()
        _ = try handler.say("Svar i kanal 5", id: 1, stream: 5)
        _ = try handler.say("Svar i kanal 6", id: 2, from: 6, name: "Bo", stream: 6)
        let five = try handler.say("opsummering", id: 3, stream: 5)
        #expect(five.contains("Svar i kanal 5") && !five.contains("Svar i kanal 6"))
        let six = try handler.say("opsummering", id: 4, stream: 6)
        #expect(six.contains("Svar i kanal 6") && !six.contains("Svar i kanal 5"))
    }

    @Test func aReplyOnSaturdayAnswersFridaysQuestion() throws {
        let handler = try Handler()
        handler.clock = "2026-11-28T10:00:00+01:00"
        _ = try handler.say("Svar om lørdagen", id: 1)
        #expect(handler.reflectionFiles.first?.hasSuffix(".2026-11-27.json") == true)
        handler.clock = "2026-11-27T16:00:00+01:00"
        let summary = try handler.say("opsummering", id: 2)
        #expect(summary.contains(try handler.question(on: "2026-11-27")))
        #expect(summary.hasSuffix("Iago:\n\\> Svar om lørdagen"))
    }

    @Test func aReplyOnEasterMondayAnswersTheQuestionOfTheWednesdayBefore() throws {
        let handler = try Handler()
        handler.clock = "2027-03-29T10:00:00+02:00"
        _ = try handler.say("Svar 2. påskedag", id: 1)
        #expect(handler.reflectionFiles.first?.hasSuffix(".2027-03-24.json") == true)
        #expect(try handler.say("opsummering", id: 2).contains(try handler.question(on: "2027-03-24")))
    }

    @Test func theEndpointsWeekdaysDecideTheDay() throws {
        let handler = try Handler()
        // Thursday: the last of Monday and Friday is Monday.
        handler.clock = "2026-11-26T10:00:00+01:00"
        _ = try handler.say("Svar torsdag", id: 1, path: "/gruppe")
        #expect(handler.reflectionFiles.first?.hasSuffix(".2026-11-23.json") == true)
    }

    @Test func aCardWithOneQuestionIsFollowedBySamtalesOwn() throws {
        let handler = try Handler()
        #expect(
            try handler.say("Vi taler sammen", id: 1, stream: nil, path: "/gruppe")
                == "Tak for dit svar. Det er gemt og kommer med i opsummeringen af dagens svar.\n\n"
                + "Vil du tænke lidt videre, er her et spørgsmål mere:\n"
                + "Hvad af det, du har skrevet, vil du tage med dig i dit arbejde?\n\n"
                + "Bemærk: Alle, der kan bruge chatbotten, kan se opsummeringen og dermed dit svar.")
    }

    @Test func startStartsTheFlowAndItsThreadThenHoldsTheConversation() throws {
        let handler = try Handler()
        #expect(try handler.say("start", id: 1, stream: nil, path: "/gruppe").hasPrefix("Velkommen til jeres samtale"))
        #expect(try handler.say("Et svar i samtalen", id: 2, stream: nil, path: "/gruppe").hasPrefix("Spørgsmål 2 af"))
        #expect(handler.reflectionFiles.isEmpty)
    }

    @Test func aMessageSentAgainIsKeptOnce() throws {
        let handler = try Handler()
        let first = try handler.say("Jeg spørger, før jeg beslutter", id: 1)
        #expect(try handler.say("Jeg spørger, før jeg beslutter", id: 1) == first)
        #expect(try handler.say("opsummering", id: 2).hasSuffix("Iago:\n\\> Jeg spørger, før jeg beslutter"))
    }

    @Test func aDamagedFileIsLeftAsItIsAndTheOperatorIsTold() throws {
        let handler = try Handler()
        _ = try handler.say("Første svar", id: 1)
        let path = handler.folder.appendingPathComponent(ChatHandler.reflectionsFolder)
            .appendingPathComponent(handler.reflectionFiles[0]).path
        try Data("{".utf8).write(to: URL(fileURLWithPath: path))
        let body = JSONWriter.bytes(
            .object([
                JSONMember("data", .string("Andet svar")), JSONMember("token", .string(Self.token)),
                JSONMember(
                    "message",
                    .object([
                        JSONMember("id", .integer(2)), JSONMember("sender_id", .integer(5)),
                        JSONMember("type", .string("stream")), JSONMember("stream_id", .integer(5)),
                        JSONMember("subject", .string("x")),
                    ])),
            ]))
        let request = HTTPRequest(
            method: .post, path: "/refleksion", query: nil,
            headers: HTTPHeaders([HTTPField(name: "Content-Type", value: "application/json")]), body: body)
        #expect(
            handler.handler.respond(to: request, now: Timestamp(secondsSinceEpoch: 1_795_680_000)).status
                == .internalServerError)
        #expect(handler.notices.map(\.da) == [ReflectionStoreError.damaged(path: path).message.da])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{")
    }

    // MARK: Messages

    @Test(arguments: [
        ("teams-mention", ChatPlatform.teams, true), ("slack-command", .slack, false),
        ("mattermost-command", .mattermost, false), ("mattermost-outgoing", .mattermost, true),
        ("zulip-mention", .zulip, true), ("zulip-direct", .zulip, false), ("rocketchat-thread", .rocketchat, true),
    ])
    func whetherTheChannelSeesAMessage(_ fixture: String, _ platform: ChatPlatform, _ inChannel: Bool) throws {
        #expect(try PlatformRequests.message(fixture, platform).isInChannel == inChannel)
    }

    @Test func anEnglishEndpointAnswersInEnglish() throws {
        let handler = try Handler()
        let reply = try handler.say("We ask first", id: 1, path: "/en")
        #expect(
            reply.hasPrefix(
                "Thank you for your answer. It is saved and will be part of the summary of today's answers."))
        #expect(reply.hasSuffix("\n\nPlease note: everyone in the channel can see the answers here and the summary."))
        #expect(
            try handler.say("summary", id: 2, path: "/en")
                == "Today's question has 1 answer:\n\(try handler.question(on: "2026-11-27"))\n\nIago:\n\\> We ask first"
        )
    }

    @Test(arguments: [
        ("svar", ChatHandler.ReflectionRequest.question), ("Svar   ", .question), ("hjælp", .question),
        ("Svar i kanal 5", .answer("Svar i kanal 5")), ("opsummering", .summary), ("summary", .summary),
        ("opsummering af i dag", .answer("opsummering af i dag")), ("Vi lytter", .answer("Vi lytter")),
        ("", .question),
    ])
    func whatAMessageInAThreadAsks(_ text: String, _ request: ChatHandler.ReflectionRequest) {
        #expect(ChatHandler.reflectionRequest(text, isSlashCommand: false) == request)
    }

    /// A slash command's text begins with what it asks: `/samtale svar …`.
    @Test(arguments: [
        ("svar", ChatHandler.ReflectionRequest.question), ("svar Vi lytter", .answer("Vi lytter")),
        ("answer  We listen ", .answer("We listen")), ("opsummering", .summary), ("Vi lytter", .answer("Vi lytter")),
    ])
    func whatASlashCommandAsks(_ text: String, _ request: ChatHandler.ReflectionRequest) {
        #expect(ChatHandler.reflectionRequest(text, isSlashCommand: true) == request)
    }

    @Test func startIsNoAnswer() {
        #expect(ChatHandler.reflectionRequest("start one-to-one", isSlashCommand: false) == nil)
        #expect(ChatHandler.reflectionRequest("Start", isSlashCommand: true) == nil)
    }

    // MARK: Configuration

    @Test func theReflectionTakesATargetsPromptOptionsAndIsChecked() throws {
        let valid = try ChatConfiguration.decode(
            Array(
                """
                {"endpoints": [{"path": "/r", "platform": "slack", "secretEnv": "S",
                  "reflection": {"deck": "skanderborg", "for": "group", "weekdays": ["tuesday"]}}]}
                """.utf8))
        let reflection = try #require(valid.endpoints[0].reflection)
        #expect(reflection.prompt == PromptOptions(deck: "skanderborg", audience: .group))
        #expect(reflection.weekdays == [.tuesday])
        let catalog = try Catalog.load(builtin: BuiltinDecks.all, files: [])
        #expect(valid.nameIssues(in: catalog).isEmpty)
        let unknown = try ChatConfiguration.decode(
            Array(
                """
                {"endpoints": [{"path": "/r", "platform": "slack", "secretEnv": "S",
                  "reflection": {"deck": "ingen-saadan"}}]}
                """.utf8))
        #expect(
            unknown.nameIssues(in: catalog).map(\.path.description) == ["endpoints[0].reflection.deck"])
        #expect(throws: DataIssues.self) {
            try ChatConfiguration.decode(
                Array(
                    """
                    {"endpoints": [{"path": "/r", "platform": "slack", "secretEnv": "S",
                      "reflection": {"flow": "team", "weekdays": [], "for": "alle"}}]}
                    """.utf8))
        }
    }

    // MARK: Store

    @Test func twoWritersAtOnceLoseNoAnswer() throws {
        let folder = try TemporaryFolders.make()
        let day = try #require(CivilDate(iso: "2026-11-27"))
        let perWriter = 40
        let failures = NSLock()
        nonisolated(unsafe) var failed: [String] = []
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            // Each writer a store of its own, as two processes have.
            let store = ReflectionStore(directory: folder.path)
            for number in 0..<perWriter {
                do {
                    _ = try store.add(
                        "svar \(number)", by: "\(writer)-\(number)", named: nil, at: "2026-11-27T09:00:00+01:00",
                        in: "/r\n\nkanal", on: day)
                } catch {
                    failures.withLock { failed.append("\(error)") }
                }
            }
        }
        #expect(failed.isEmpty)
        let answers = try ReflectionStore(directory: folder.path).answers(in: "/r\n\nkanal", on: day)
        #expect(answers.answers.count == 2 * perWriter)
    }

    @Test func pruneDeletesTheDaysBeforeAndNothingElse() throws {
        let folder = try TemporaryFolders.make()
        let store = ReflectionStore(directory: folder.path)
        let days = try ["2026-10-01", "2026-10-31", "2026-11-01"].map { try #require(CivilDate(iso: $0)) }
        for day in days {
            _ = try store.add("x", by: "1", named: nil, at: "\(day)T09:00:00Z", in: "p", on: day)
        }
        try Data("egen".utf8).write(to: folder.appendingPathComponent("noter.2026-01-01.json"))
        // What a killed process left of an old day goes with it.
        try Data("{".utf8).write(to: folder.appendingPathComponent("0123456789abcdef0123.2026-09-30.json.tmp"))
        #expect(try store.prune(before: days[2]) == 3)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(left.count == 2)
        #expect(left.contains("noter.2026-01-01.json"))
        #expect(left.contains { $0.hasSuffix(".2026-11-01.json") })
    }

    @Test func anAnswerThatWouldMakeTheDayUnreadableIsRefusedAndTheDayKept() throws {
        let store = ReflectionStore(directory: try TemporaryFolders.make().path)
        let day = try #require(CivilDate(iso: "2026-11-27"))
        _ = try store.add("Første", by: "5", named: nil, at: "2026-11-27T09:00:00Z", in: "p", on: day)
        let huge = String(repeating: "x", count: 17 << 20)
        let error = #expect(throws: ReflectionStoreError.self) {
            try store.add(huge, by: "6", named: nil, at: "2026-11-27T09:01:00Z", in: "p", on: day)
        }
        guard case .full? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(try store.answers(in: "p", on: day).answers.map(\.texts) == [["Første"]])
    }

    @Test func aFileIsReadBackAsItWasWritten() throws {
        var answers = ReflectionAnswers(date: try #require(CivilDate(iso: "2026-11-27")))
        answers.add("Første", by: "5", named: "Iago", at: "2026-11-27T09:00:00+01:00")
        answers.add("Anden", by: "5", named: nil, at: "2026-11-27T09:05:00+01:00")
        answers.add("Tredje", by: "6", named: nil, at: "2026-11-27T09:06:00+01:00")
        #expect(ReflectionAnswers(json: answers.jsonValue) == answers)
        #expect(answers.answers.map(\.texts) == [["Første", "Anden"], ["Tredje"]])
        #expect(answers.answers[0].authorName == "Iago")
        #expect(ReflectionAnswers(json: .object([])) == nil)
    }
}
