import SamtaleCore
import SamtaleDecks
import TerminalAdapter
import Testing

// MARK: - Scripted terminal

/// The terminal adapter held in this process: its lines come from a list, its text goes into `screen`. What the
/// executable adds (standard input, signals, the store) is left out, so what is checked is the adapter's own work.
final class ScriptedTerminal {
    private var lines: [LineRead]
    private(set) var screen = ""
    /// How many lines the adapter asked for.
    private(set) var reads = 0

    init(_ lines: [LineRead]) {
        self.lines = lines
    }

    /// The next scripted line; the end of input once the script is used up.
    func readLine() -> LineRead {
        reads += 1
        return lines.isEmpty ? .endOfInput : lines.removeFirst()
    }

    var output: TerminalOutput {
        TerminalOutput { [unowned self] text in screen += text }
    }

    static let plain = TerminalStyle(width: nil, usesColour: false, interactive: false)
    static let person = TerminalStyle(width: 60, usesColour: true, interactive: true)

    static let flows: [Flow] = {
        do {
            return try BuiltinFlows.files.map { try FlowDecoder.decode($0.bytes) }
        } catch {
            preconditionFailure("the built-in flows are checked when they are built: \(error)")
        }
    }()

    static let catalog: Catalog = {
        do {
            return try Catalog.load(builtin: BuiltinDecks.all, files: [])
        } catch {
            preconditionFailure("the built-in decks are checked when they are built: \(error)")
        }
    }()

    /// A one-to-one for an employee on Hjørring's first theme: three questions, then agreements.
    static func oneToOne(language: Language = .da) throws -> Session {
        let flow = try #require(flows.first { $0.id == "one-to-one" })
        let deck = try #require(catalog.decks.first { $0.id == "hjoerring-dialogkort" })
        let setup = ConversationSetup(
            flow: flow.id, deck: deck.id, roles: ["medarbejder"],
            themes: ["sammen-sikrer-vi-driften"], language: language, seed: 1)
        let id = try #require(SessionID(validating: "0000000000000000000000000t"))
        return Session(
            id: id, setup: setup, script: try flow.expand(over: deck, setup: setup),
            at: "2026-11-26T09:00:00+01:00")
    }
}

// MARK: - TerminalConversation

@Suite struct TerminalConversationTests {
    static let question1 = "Hvordan bidrager du til kvalitet i løsningen af kerneopgaven?"
    static let question2 = "Hvordan kan du inddrage andre for at sikre kvalitet i opgaveløsningen?"
    static let bold = "\u{1B}[1m"

    typealias Save = (inout Session) throws(SessionStoreError) -> Void

    /// Runs the conversation over the terminal's lines; by default every save succeeds and keeps nothing.
    func run(
        _ session: inout Session, _ terminal: ScriptedTerminal, style: TerminalStyle = ScriptedTerminal.plain,
        language: Language = .da, save: Save? = { _ throws(SessionStoreError) in }
    ) throws(SessionStoreError) -> TerminalConversation.Outcome {
        let conversation = TerminalConversation(
            style: style, output: terminal.output, language: language, save: save,
            clock: { "2026-11-26T09:30:00+01:00" })
        return try conversation.run(&session, readLine: terminal.readLine, first: .start)
    }

    @Test func aWholeOneToOneIsShownAndEndsFinished() throws {
        var session = try ScriptedTerminal.oneToOne()
        let terminal = ScriptedTerminal([
            .line("Jeg holder fokus på borgeren"), .line("Jeg deler viden"), .line("Jeg tager et kursus"),
            .line("Tavlemøde hver mandag"), .line("Ann"), .line("Inden jul"), .line(""),
        ])
        var saves = 0
        let outcome = try run(&session, terminal) { _ throws(SessionStoreError) in saves += 1 }
        #expect(outcome == .finished)
        #expect(session.status == .finished)
        #expect(saves == terminal.reads + 1, "every event is saved before what it brings is shown")
        let screen = terminal.screen
        for expected in [
            "Spørgsmål 1 af 4", Self.question1, "Spørgsmål 4 af 4", "Aftale 1: hvad?", "OPSUMMERING",
            "1. Tavlemøde hver mandag – hvem: Ann, hvornår: Inden jul", "Samtalen er slut.",
            "samtale sessions export \(session.id) --format markdown",
        ] {
            #expect(screen.contains(expected), "missing \(expected) in \(screen)")
        }
        #expect(!screen.contains("> ") && !screen.contains("\u{1B}"), "a script gets plain lines, no prompt")
    }

    /// An optional question says how to skip it in the terminal's own terms: the key to press.
    @Test func anOptionalQuestionSaysEnterSkipsIt() throws {
        let flow = try #require(ScriptedTerminal.flows.first { $0.id == "self" })
        let deck = try #require(ScriptedTerminal.catalog.decks.first { $0.id == "skanderborg-ledelsesgrundlag" })
        let setup = ConversationSetup(
            flow: flow.id, deck: deck.id, roles: ["leder-af-leder"], themes: ["strategisk-ledelse"], seed: 1)
        var session = Session(
            id: try #require(SessionID(validating: "0000000000000000000000000w")), setup: setup,
            script: try flow.expand(over: deck, setup: setup), at: "2026-11-26T09:00:00+01:00")
        let terminal = ScriptedTerminal([.line("3")])
        _ = try run(&session, terminal)
        #expect(terminal.screen.contains("(frivilligt – tryk Enter for at springe over)"), "\(terminal.screen)")
    }

    @Test func aPersonAtATerminalGetsAPromptWrappedAndEmphasisedText() throws {
        var session = try ScriptedTerminal.oneToOne()
        let terminal = ScriptedTerminal([.line("Et svar")])
        #expect(try run(&session, terminal, style: ScriptedTerminal.person) == .paused)
        #expect(terminal.screen.contains("> "))
        let wrapped = "Hvordan bidrager du til kvalitet i løsningen af\nkerneopgaven?"
        #expect(terminal.screen.contains(Self.bold + wrapped + "\u{1B}[0m"), "wrapped to 60 columns, then emphasised")
        #expect(terminal.screen.contains("\u{1B}[2mSpørgsmål 2 af 4\u{1B}[0m"))
    }

    /// An energizer on a deck without energizer questions that picks the chef group's "Hvordan kan vi blive endnu
    /// bedre?" without the question it follows.
    @Test func aQuestionThatCannotStandAloneIsShownAfterTheQuestionItFollows() throws {
        let flow = try #require(ScriptedTerminal.flows.first { $0.id == "energizer" })
        let builtin = try #require(ScriptedTerminal.catalog.decks.first { $0.id == "hjoerring-dialogkort" })
        let deck = Deck(
            id: builtin.id, title: builtin.title, organisation: builtin.organisation, source: builtin.source,
            sections: builtin.sections, roles: builtin.roles,
            themes: builtin.themes.map { Theme(id: $0.id, name: $0.name) },
            cards: builtin.cards)
        let setup = ConversationSetup(
            flow: flow.id, deck: deck.id, roles: ["chef"], themes: ["sammen-styrker-vi-resultaterne"], seed: 3)
        let id = try #require(SessionID(validating: "0000000000000000000000000t"))
        var session = Session(
            id: id, setup: setup, script: try flow.expand(over: deck, setup: setup), at: "2026-11-26T09:00:00+01:00")
        let terminal = ScriptedTerminal([])
        #expect(try run(&session, terminal) == .paused)
        #expect(
            terminal.screen.contains(
                "Spørgsmål 1 af 2\nI forlængelse af spørgsmålet »Hvordan skaber vi som gruppe en fælles kultur, hvor "
                    + "der er fokus på nytænkning, nye metoder, viden, forskning og data?«\n"
                    + "Hvordan kan vi blive endnu bedre?\n"), "\(terminal.screen)")
    }

    @Test func theEndOfInputPausesAndSaysHowToResume() throws {
        var session = try ScriptedTerminal.oneToOne()
        let terminal = ScriptedTerminal([.line("Et svar")])
        #expect(try run(&session, terminal) == .paused)
        #expect(session.status == .paused)
        #expect(terminal.screen.contains("Samtalen er gemt. Fortsæt med: samtale talk --resume \(session.id)"))
    }

    @Test func anInterruptPausesInEnglishToo() throws {
        var session = try ScriptedTerminal.oneToOne(language: .en)
        let terminal = ScriptedTerminal([.interrupted])
        #expect(try run(&session, terminal, language: .en) == .paused)
        #expect(terminal.screen.contains("samtale talk --resume \(session.id)"))
        #expect(!terminal.screen.contains("Samtalen er gemt"))
    }

    @Test func aConversationThatKeepsNothingSaysSoWhenPaused() throws {
        var session = try ScriptedTerminal.oneToOne()
        let terminal = ScriptedTerminal([])
        #expect(try run(&session, terminal, save: nil) == .paused)
        #expect(terminal.screen.contains("Samtalen er stoppet; intet blev gemt."))
        #expect(!terminal.screen.contains("--resume"))
    }

    @Test func aLineTooLongIsRefusedAndTheQuestionAskedAgain() throws {
        var session = try ScriptedTerminal.oneToOne()
        let terminal = ScriptedTerminal([.tooLong(limit: 65_536), .line("Et svar")])
        #expect(try run(&session, terminal) == .paused)
        let screen = terminal.screen
        let refusal = try #require(screen.firstRange(of: "Svaret er for langt (over 64 KiB, omkring 65.000 tegn)"))
        #expect(screen[refusal.upperBound...].contains(Self.question1), "the question comes again after the refusal")
        #expect(screen.contains(Self.question2), "the next line answers it")
    }

    /// A save that fails stops the conversation before anything of the unsaved event is shown.
    @Test func aSaveThatFailsStopsTheConversation() throws {
        var session = try ScriptedTerminal.oneToOne()
        let terminal = ScriptedTerminal([.line("Et svar der ikke gemmes"), .line("Et svar mere")])
        var saves = 0
        let failure = SessionStoreError.cannotWrite(path: "/full/0000000000000000000000000t.json", code: 28)
        #expect(throws: failure) {
            try run(&session, terminal) { _ throws(SessionStoreError) in
                saves += 1
                if saves == 2 { throw failure }
            }
        }
        #expect(terminal.reads == 1, "nothing more is read after the failed save")
        #expect(!terminal.screen.contains(Self.question2))
    }
}
