import SamtaleCore
import TerminalAdapter
import Testing

/// Setup in the terminal: only what the flags left open is asked, with numbered options and a default.
@Suite struct TerminalSetupTests {
    let planner = SetupPlanner(flows: ScriptedTerminal.flows, decks: ScriptedTerminal.catalog.decks, language: .da)

    func flow(_ id: String) throws -> Flow {
        try #require(planner.flows.first { $0.id == id })
    }

    var hjoerring: Deck {
        get throws { try #require(planner.decks.first { $0.id == "hjoerring-dialogkort" }) }
    }

    func complete(_ setup: PartialSetup, _ terminal: ScriptedTerminal, style: TerminalStyle = ScriptedTerminal.plain)
        -> PartialSetup?
    {
        TerminalSetup.complete(
            setup, planner: planner, readLine: terminal.readLine, style: style,
            output: terminal.output)
    }

    @Test func aRoleIsChosenByNameAndTheThemeByNumber() throws {
        let terminal = ScriptedTerminal([.line("medarbejder"), .line("2")])
        let setup = try #require(complete(PartialSetup(flow: try flow("one-to-one"), deck: try hjoerring), terminal))
        #expect(setup.roles.map(\.id) == ["medarbejder"])
        #expect(setup.themes?.map(\.id) == ["sammen-styrker-vi-resultaterne"])
        let screen = terminal.screen
        #expect(screen.contains("Hvilken rolle?\n") && screen.contains("Hvilket tema?"))
        #expect(screen.contains("  1. Fælles") && screen.contains("Tryk Enter for "))
        #expect(!screen.contains("Hvilken slags samtale?"), "what the flags chose is not asked")
    }

    @Test func anAnswerNotTakenIsSaidAndTheChoiceWaitsForAnother() throws {
        let terminal = ScriptedTerminal([.line("ingen sådan rolle"), .line("medarbejder"), .line("")])
        let setup = try #require(complete(PartialSetup(flow: try flow("one-to-one"), deck: try hjoerring), terminal))
        #expect(setup.roles.map(\.id) == ["medarbejder"])
        #expect(terminal.screen.contains("»ingen sådan rolle«"), "the refusal names what was typed")
        #expect(terminal.reads == 3)
    }

    @Test func aTeamNeedsTwoParticipants() throws {
        let terminal = ScriptedTerminal(Array(repeating: .line(""), count: 5))
        var participants: [LineRead] = [.line("Ann"), .line("Ann, Bo")]
        let setup = TerminalSetup.complete(
            PartialSetup(flow: try flow("team"), deck: try hjoerring), planner: planner,
            readLine: {
                guard terminal.screen.contains("Hvem deltager?") else { return terminal.readLine() }
                return participants.isEmpty ? .endOfInput : participants.removeFirst()
            },
            style: ScriptedTerminal.plain, output: terminal.output)
        #expect(setup?.participants == ["Ann", "Bo"])
        #expect(terminal.screen.contains("Skriv mindst 2 navne adskilt af komma."))
    }

    @Test func theEndOfInputStartsNothing() throws {
        let terminal = ScriptedTerminal([.line("")])
        #expect(complete(PartialSetup(), terminal, style: ScriptedTerminal.person) == nil)
        #expect(terminal.screen.contains("\u{1B}[1mHvilken slags samtale?\u{1B}[0m"))
        #expect(terminal.screen.contains("> "))
    }
}
