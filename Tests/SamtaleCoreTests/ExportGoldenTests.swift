import Foundation
import Testing

@testable import SamtaleCore

/// The Markdown and JSON exports of one finished conversation per flow, and its Markdown export when held in the
/// other language, compared with the files in `Goldens/`.
/// Run with SAMTALE_UPDATE_GOLDENS=1 to write them anew after an intended change, then read the diff.
@Suite struct ExportGoldenTests {
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    static let setups: [String: ConversationSetup] = [
        "one-to-one": ConversationSetup(
            flow: "one-to-one", deck: "hjoerring-dialogkort", roles: ["medarbejder"],
            themes: ["sammen-sikrer-vi-driften", "sammen-skaber-vi-loesninger"],
            targetGroup: try? TargetGroup(parsing: "bruger"), with: "Ann", leader: "Bo"),
        // The second 1:1 with Ann: it follows up the agreements of the first (`one-to-one`).
        "one-to-one-series": ConversationSetup(
            flow: "one-to-one", deck: "hjoerring-dialogkort", roles: ["medarbejder"],
            themes: ["sammen-skaber-vi-loesninger"], with: "Ann", leader: "Bo"),
        "team": ConversationSetup(
            flow: "team", deck: "skanderborg-ledelsesgrundlag", roles: ["leder-af-medarbejder"],
            themes: ["tvaergaaende-ledelse"], participants: ["Ann", "Bo", "Cai"]),
        "energizer": ConversationSetup(
            flow: "energizer", deck: "kolding-sammen-om-ledelse", roles: ["leder"],
            themes: ["traening"], seed: 1),
        "across-levels": ConversationSetup(
            flow: "across-levels", deck: "socialafdelingen",
            roles: ["funktionsleder", "centerleder"], themes: ["sikrer-forankring-og-foelger-op"]),
        "self": ConversationSetup(
            flow: "self", deck: "skanderborg-ledelsesgrundlag", roles: ["leder-af-leder"],
            themes: ["personligt-lederskab", "typiske-faldgruber"]),
        "seesaw": ConversationSetup(
            flow: "seesaw", deck: "hjoerring-ledelse-af-kerneopgaven", roles: ["leder"], language: .en),
    ]

    /// A finished session with answers that differ per question and one agreement per list, in the setup's language
    /// unless another is given; with `skipping`, every question is skipped instead; with `stoppingAfter`, it is
    /// paused, or ended with `/slut` and confirmed, after that many answers. `one-to-one-series` is the second 1:1
    /// with Ann, following up the first.
    static func session(
        _ name: String, in language: Language? = nil, skipping: Bool = false, stoppingAfter: Int? = nil,
        by command: Command = .pause
    ) throws -> Session {
        var setup = try #require(setups[name])
        setup.language = language ?? setup.language
        var (id, day) = (try #require(SessionID(validating: "0123456789abcdefghjkmnpqrs")), "2026-11-26")
        if name == "one-to-one-series" {
            let first = try session("one-to-one", in: setup.language)
            let series = Series(name: "ann", sessions: [first])
            (setup.earlier, setup.previous) = (series.open, first.conversation.startedAt)
            (id, day) = (try #require(SessionID(validating: "1123456789abcdefghjkmnpqrs")), "2026-12-10")
        }
        let script = try flow(setup.flow).expand(over: deck(setup.deck), setup: setup)
        var session = Session(id: id, setup: setup, script: script, at: "\(day)T09:00:00+01:00")
        var actions = session.received(.start, at: "\(day)T09:00:00+01:00")
        var number = 0
        var agreed: Set<String> = []
        var statuses = 0
        while case .ask(let action)? = actions.last {
            if number == stoppingAfter {
                if session.received(.command(command), at: "2026-11-26T09:30:00+01:00") == [.confirmEnd] {
                    _ = session.received(.answer("ja"), at: "2026-11-26T09:30:00+01:00")
                }
                #expect(session.status == (command == .pause ? .paused : .finished))
                return session
            }
            number += 1
            let ask = action.ask
            var reply = answer(for: ask, number: number)
            if ask.purpose == .agreementStatus {
                // Each status in turn, so that the record shows them.
                reply = String(statuses % AgreementStatus.allCases.count + 1)
                statuses += 1
            } else if ask.id.hasPrefix("agreement-") {
                let list = ask.id.split(separator: "-").prefix(2).joined(separator: "-")
                reply =
                    switch ask.id.split(separator: "-").last {
                    case "what": agreed.insert(list).inserted ? "Aftale \(number)" : ""
                    case "who": "Ann"
                    default: "1. december"
                    }
            } else if ask.purpose == .statementExample || number % 7 == 0 {
                reply = number % 2 == 0 ? "" : "eksempel \(number)"
            }
            actions = session.received(
                skipping ? .command(.skip) : .answer(reply),
                at: "\(day)T09:\(String(format: "%02d", min(number, 59))):00+01:00")
        }
        #expect(session.status == .finished)
        return session
    }

    @Test(arguments: setups.keys.sorted())
    func exportsMatchTheirGoldenFiles(flowID: String) throws {
        let session = try Self.session(flowID)
        let markdown = session.markdown(language: session.setup.language)
        let json = session.exportJSON() + "\n"
        // The same flow held in the other language: its own texts and every label in that one.
        let other = Language.allCases.first { $0 != session.setup.language }!
        let otherMarkdown = try Self.session(flowID, in: other).markdown(language: other)
        for (name, text) in [
            ("\(flowID).md", markdown), ("\(flowID).json", json), ("\(flowID)-\(other.rawValue).md", otherMarkdown),
        ] {
            let file = Self.goldens.appendingPathComponent(name)
            if ProcessInfo.processInfo.environment["SAMTALE_UPDATE_GOLDENS"] == "1" {
                try text.write(to: file, atomically: true, encoding: .utf8)
            }
            let golden = try String(contentsOf: file, encoding: .utf8)
            #expect(text == golden, "\(name) differs from its golden file; SAMTALE_UPDATE_GOLDENS=1 writes it anew")
        }
        // The JSON export is the complete record: it reads back as the same session (its status is derived).
        #expect(try Session.decode(Array(json.utf8)) == session)
    }

    /// The kinds of session a record is made of: finished with answers, finished with every question skipped, and
    /// paused or ended early after the first answer (before any agreements step: an energizer has but two questions).
    enum Course: String, CaseIterable {
        case answered, skipped, paused, endedEarly
    }

    /// Every flow in both languages, answered, skipped through, paused and ended early: its summary and record show no
    /// heading
    /// without content, say there are no agreements only where the flow asked for them and none were made, never
    /// name a flow by its id in Danish, nor a deck by the file it was transcribed from.
    @Test(arguments: setups.keys.sorted(), Language.allCases)
    func recordsShowNoEmptySectionAndNoInternalName(flowID: String, language: Language) throws {
        let flowIDs = builtinFlows.map(\.id)
        let fileNames = builtinDecks.map(\.source)
        for course in Course.allCases {
            let stopped = course == .paused || course == .endedEarly
            let session = try Self.session(
                flowID, in: language, skipping: course == .skipped, stoppingAfter: stopped ? 1 : nil,
                by: course == .paused ? .pause : .end)
            let asksForAgreements = session.conversation.script.steps.contains {
                if case .agreements = $0 { true } else { false }
            }
            let summary = session.conversation.summary
            let text = summary.text(language: language)
            let markdown = session.markdown(language: language)
            let label = "\(flowID) \(language) \(course)"
            let noAgreements = course == .skipped && asksForAgreements
            #expect((summary.agreements == nil) == (!asksForAgreements || stopped), "\(label)")
            #expect(text.contains(Strings.noAgreements[language]) == noAgreements, "\(label)")
            #expect(markdown.contains(Strings.noAgreements[language]) == noAgreements, "\(label)")
            // A record stopped early holds the answers given and no question never asked.
            if stopped {
                #expect(summary.items.count == 1, "\(label)")
                #expect(!text.contains(Strings.skippedAnswer[language]), "\(label)")
                #expect(!markdown.contains(Strings.skippedAnswer[language]), "\(label)")
            }
            let markdownLines = markdown.split(separator: "\n").map(String.init)
            for (index, line) in markdownLines.enumerated() where line.hasPrefix("#") {
                let level = line.prefix { $0 == "#" }.count
                let next = markdownLines.dropFirst(index + 1).first
                let nextLevel = next.map { $0.prefix { $0 == "#" }.count } ?? 1
                #expect(nextLevel == 0 || nextLevel > level, "\(label): \(line) has nothing under it")
            }
            // The summary's headings: `== theme ==` and a word in capitals (`AFTALER`), each with lines under it.
            let textLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            func isHeading(_ line: String) -> Bool {
                line.hasPrefix("== ") || (line.contains { $0.isLetter } && line == line.uppercased())
            }
            for (index, line) in textLines.enumerated() where isHeading(line) && index > 0 {
                let next = index + 1 < textLines.count ? textLines[index + 1] : ""
                #expect(!next.isEmpty && !isHeading(next), "\(label): \(line) has nothing under it")
            }
            for record in [markdown, text] {
                // In English a flow's title may be the word its id is ("The seesaw"); in Danish no id is a word.
                let words = Set(
                    record.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }.map {
                        String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
                    })
                if language == .da {
                    #expect(words.isDisjoint(with: flowIDs), "\(label): \(words.intersection(flowIDs))")
                }
                for name in fileNames { #expect(!record.contains(name), "\(label): \(name)") }
                #expect(!record.contains(".txt") && !record.contains(".json"), "\(label)")
            }
        }
    }

    /// In a team and across levels each question from the cards is put by someone, and the summary and the record
    /// both say who, before the question, in either language.
    @Test(arguments: ["team", "across-levels"], Language.allCases)
    func recordsSayWhoAskedWhat(flowID: String, language: Language) throws {
        let session = try Self.session(flowID, in: language)
        let summary = session.conversation.summary
        let text = summary.text(language: language).split(separator: "\n").map(String.init)
        let markdown = session.markdown(language: language).split(separator: "\n").map(String.init)
        // The cards' questions are numbered q1, q2, …; the flow's own (a team's shared task) are put to all.
        let fromCards = summary.items.filter { $0.ask.id.hasPrefix("q") && $0.ask.purpose == .question }
        #expect(fromCards.count >= 2)
        for item in fromCards {
            let asker = try #require(item.ask.askedBy, "\(item.ask.text)")
            let asked = "\(Strings.askedBy(asker)[language]) \(item.ask.text)"
            #expect(text.contains("- \(asked)"), "\(asked) in \(text)")
            #expect(markdown.contains("**\(asked)**"), "\(asked) in \(markdown)")
        }
        // The participants take turns: not every question goes to the same one.
        #expect(Set(fromCards.compactMap(\.ask.askedBy)).count >= 2)
    }

    /// A record exported in the other language than the session's is headed by the flow's title in that language, as
    /// its labels are; in the session's own language it is the record as ever.
    @Test func aRecordInTheOtherLanguageHasItsTitleInThatLanguage() throws {
        let session = try Self.session("self")
        let english = session.markdown(language: .en, flows: builtinFlows)
        #expect(english.hasPrefix("# \(flow("self").title.en)\n\n- \(Strings.exportDate.en): "), "\(english)")
        #expect(!english.contains("# \(flow("self").title.da)"))
        #expect(session.markdown(language: .da, flows: builtinFlows) == session.markdown(language: .da))
    }

    /// Who and by when follow an agreement after a dash, set apart by a comma, each only when it was given.
    @Test(arguments: [
        ("Ann", "fredag", " – hvem: Ann, hvornår: fredag"), ("", "fredag", " – hvornår: fredag"),
        ("Ann", "", " – hvem: Ann"), ("", "", ""),
    ])
    func anAgreementsParticularsFollowADash(who: String, when: String, particulars: String) {
        #expect(Strings.agreementParticulars(who: who, when: when).da == particulars)
    }

    /// What someone typed stays text in the Markdown record: an answer can never add a heading, a list or HTML.
    @Test func answersCannotAddSectionsToTheRecord() throws {
        let setup = try #require(Self.setups["one-to-one"])
        let script = try flow("one-to-one").expand(over: deck(setup.deck), setup: setup)
        var session = Session(
            id: try #require(SessionID(validating: "0123456789abcdefghjkmnpqrs")), setup: setup,
            script: script, at: "2026-11-26T09:00:00+01:00")
        _ = session.received(.start, at: "2026-11-26T09:00:00+01:00")
        let answer = "fint\n\n## Aftaler\n\n1. Ann fratræder\n> citat\n<script>x</script>\n- punkt"
        _ = session.received(.answer(answer), at: "2026-11-26T09:01:00+01:00")
        let markdown = session.markdown(language: .da)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        // The record's own heading only: its questions (the agreements are not come to yet).
        #expect(lines.filter { $0.hasPrefix("## ") } == ["## Spørgsmål og svar"], "\(markdown)")
        for escaped in ["\\## Aftaler", "1\\. Ann fratræder", "\\> citat", "\\<script>x\\</script>", "\\- punkt"] {
            #expect(lines.contains { $0 == escaped }, "\(escaped) in \(markdown)")
        }
    }
}
