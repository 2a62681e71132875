import SamtaleCore
import Testing

/// `PromptOptions`: read and checked once from values by name, bad values named as their source spells them, and a
/// target's options over the command line's.
@Suite struct PromptOptionsTests {
    /// The command line's spelling, as a front door passes it.
    static func spelled(_ name: PromptOptions.Name) -> String {
        "--" + name.rawValue
    }

    static func parse(
        _ values: [PromptOptions.Name: String], seed: UInt64 = 99
    ) throws(PromptOptionError) -> PromptOptions {
        try PromptOptions(values, spelling: spelled, randomSeed: { seed })
    }

    @Test func everyValueIsReadIntoItsField() throws {
        let options = try Self.parse([
            .deck: "kolding", .role: "leder", .theme: "tæt", .audience: "group", .date: "2026-11-26", .holidays: "dk",
            .skipWeekends: "true", .seed: "7", .targetGroup: "elev",
        ])
        #expect(options.deck == "kolding" && options.role == "leder" && options.theme == "tæt")
        #expect(options.audience == .group && options.date == CivilDate(iso: "2026-11-26"))
        #expect(options.dayCounting == DayCounting(skipsWeekends: true, skipsDanishHolidays: true))
        #expect(options.selection == .random(seed: 7))
        #expect(options.targetGroup == (try TargetGroup(parsing: "elev")))
        #expect(try Self.parse([:]) == PromptOptions())
    }

    @Test func aRandomPickDrawsASeedOnlyWhenNoneIsGiven() throws {
        #expect(try Self.parse([.random: "true"], seed: 5).selection == .random(seed: 5))
        #expect(try Self.parse([.random: "true", .seed: "3"], seed: 5).selection == .random(seed: 3))
        #expect(try Self.parse([.random: "false"], seed: 5).selection == .daily)
    }

    @Test(arguments: [
        (
            PromptOptions.Name.date, "2026-02-30", PromptOptionError.Reason.notADate,
            "--date: »2026-02-30« er ikke en dato som 2026-11-26 (ÅÅÅÅ-MM-DD, år 1583–9999)"
        ),
        (.audience, "alle", .notOneOf(["individual", "group"]), "--for: »alle« er ikke en af: individual, group"),
        (.holidays, "se", .notOneOf(["dk"]), "--holidays: »se« er ikke en af: dk"),
        (.seed, "-1", .notASeed, "--seed skal være et helt tal fra 0 til 18446744073709551615, ikke »-1«"),
        (.skipWeekends, "ja", .notOneOf(["true", "false"]), "--skipWeekends: »ja« er ikke en af: true, false"),
        (
            .targetGroup, "a,b", .targetGroup(.wrongNumberOfForms(2)),
            "ordet for målgruppen har 2 former; skriv ét ord i ental eller præcis fire former: "
                + "bruger,brugeren,brugere,brugerne"
        ),
    ])
    func aBadValueIsNamedAsItsSourceSpellsIt(
        name: PromptOptions.Name, value: String, reason: PromptOptionError.Reason, message: String
    ) {
        do {
            _ = try Self.parse([name: value])
            Issue.record("\(name) \(value) was taken")
        } catch {
            #expect(error.reason == reason && error.value == value)
            #expect(error.message.da == message)
            #expect(!error.message.en.isEmpty && error.message.en != error.message.da)
        }
    }

    @Test func theTargetGroupParserIsTheOneForEveryFrontDoor() throws {
        #expect(try PromptOptions.targetGroup("bruger") == TargetGroup(parsing: "bruger"))
        #expect(throws: PromptOptionError.self) { try PromptOptions.targetGroup(" , ") }
    }

    /// A target's own options win; where it sets none the command line's stay; a day either skips is skipped; the
    /// day and the way of picking are the command line's.
    @Test func aTargetsOptionsOverrideTheCommandLines() throws {
        let commandLine = PromptOptions(
            deck: "kolding", role: "leder", audience: .individual, date: CivilDate(iso: "2026-11-26"),
            dayCounting: DayCounting(skipsWeekends: true), selection: .random(seed: 1),
            targetGroup: try TargetGroup(parsing: "elev")
        )
        let target = PromptOptions(
            deck: "skanderborg", theme: "vi-sporet",
            dayCounting: DayCounting(skipsDanishHolidays: true),
            targetGroup: try TargetGroup(parsing: "bruger"))
        let merged = target.overriding(commandLine)
        #expect(merged.deck == "skanderborg" && merged.role == "leder" && merged.theme == "vi-sporet")
        #expect(merged.audience == .individual)
        #expect(merged.dayCounting == DayCounting(skipsWeekends: true, skipsDanishHolidays: true))
        #expect(merged.date == commandLine.date && merged.selection == commandLine.selection)
        #expect(merged.targetGroup == (try TargetGroup(parsing: "bruger")))
        #expect(PromptOptions().overriding(commandLine) == commandLine)
    }
}
