import Foundation
import Testing

@Suite struct HelpAndUsageTests {
    @Test func versionAndHelp() throws {
        let version = try Samtale.run(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("samtale "))
        let help = try Samtale.run(["--help"])
        #expect(help.status == 0)
        for command in ["prompt", "list", "show", "validate"] { #expect(help.stdout.contains(command)) }
        let helpPrompt = try Samtale.run(["help", "prompt"])
        #expect(helpPrompt.status == 0 && helpPrompt.stdout.contains("--skip-weekends"))
        #expect(try Samtale.run(["prompt", "--help"]).stdout == helpPrompt.stdout)
        #expect(try Samtale.run(["--lang", "en", "help", "validate"]).stdout.contains("Checks deck files"))
        #expect(try Samtale.run(["help", "validate", "--lang", "en"]).stdout.contains("Checks deck files"))
        #expect(try Samtale.run(["help", "validate", "post"]).status == 64)
    }

    @Test(arguments: [
        ["frobnicate"], ["prompt", "--bogus"], ["prompt", "--date", "2026-02-30"], ["prompt", "--for", "alle"],
        ["prompt", "--deck"], ["prompt", "--deck", "hj"], ["prompt", "--role", "chefen"], ["prompt", "--holidays", "se"],
        ["prompt", "--seed", "-1"], ["prompt", "--target-group", "a,b"], ["prompt", "ekstra"], ["prompt", "--random=ja"],
        ["list"], ["list", "kort"], ["show"], ["show", "odense"], ["show", "kolding", "--theme", "x"],
        ["prompt", "--format", "xml"], ["help", "frobnicate"], ["prompt", "--deck", "kolding", "--deck", "kolding"],
    ])
    func badArgumentsExit64WithAReasonAndTheUsage(arguments: [String]) throws {
        let result = try Samtale.run(arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2, "\(result.stderr)")
        #expect(lines.first?.hasPrefix("samtale: ") == true)
        #expect(lines.last?.hasPrefix("brug: samtale") == true || lines.last?.hasPrefix("se `samtale help`") == true)
    }

    @Test func noArgumentsPrintsTheHelpAndExits64() throws {
        let result = try Samtale.run([])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Kommandoer"))
    }

    @Test func unknownNamesListTheCandidates() throws {
        let result = try Samtale.run(["--lang", "en", "prompt", "--deck", "hj"])
        #expect(result.stderr.contains("hjoerring-dialogkort (Sammen om kerneopgaven – dialogkort)"))
        #expect(result.stderr.contains("hjoerring-ledelse-af-kerneopgaven"))
        let role = try Samtale.run(["prompt", "--role", "chefen"], environment: ["LANG": "en_GB.UTF-8"])
        #expect(role.stderr.contains(#"unknown role "chefen"; choose one of: faelles (Fælles), medarbejder (Medarbejder)"#))
    }
}

@Suite struct PromptCommandTests {
    @Test func printsOneQuestionOnOneLineTheSameForTheSameDate() throws {
        let first = try Samtale.run(["prompt", "--date", "2026-11-26"])
        let second = try Samtale.run(["prompt", "--date", "2026-11-26"])
        #expect(first.status == 0 && first.stderr.isEmpty)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.hasSuffix("?\n") && first.stdout.filter { $0 == "\n" }.count == 1)
        let nextDay = try Samtale.run(["prompt", "--date", "2026-11-27"])
        #expect(nextDay.stdout != first.stdout)
    }

    @Test func jsonHasTheDocumentedFields() throws {
        let result = try Samtale.run(["prompt", "--date", "2026-11-26", "--deck", "skanderborg", "--role", "medarbejder",
                                      "--for", "group", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["deck"] as? String == "skanderborg-ledelsesgrundlag")
        #expect(object["role"] as? String == "medarbejder")
        #expect(object["audience"] as? String == "group")
        #expect(object["source"] as? String == "001_baa56de520c026f7.txt")
        #expect(object["date"] as? String == "2026-11-26")
        #expect(object["origin"] as? String == "samtale")
        #expect((object["statements"] as? [String])?.isEmpty == false)
        #expect((object["text"] as? String)?.isEmpty == false)
        #expect(object["theme"] is String)
    }

    @Test func markdownIsReadyForChat() throws {
        let result = try Samtale.run(["prompt", "--date", "2026-11-26", "--format", "markdown", "--lang", "en"])
        #expect(result.stdout.hasPrefix("**Question of the day**"))
        #expect(result.stdout.contains("\n> "))
    }

    @Test(arguments: [("2026-12-25", "Juledag"), ("2026-12-24", "Juleaftensdag"), ("2027-03-26", "Langfredag"),
                      ("2023-05-05", "Store bededag")])
    func printsNothingOnAHoliday(date: String, holiday: String) throws {
        let result = try Samtale.run(["prompt", "--date", date, "--holidays", "dk"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(holiday))
    }

    @Test func printsNothingOnAWeekendWhenWeekendsAreSkipped() throws {
        let saturday = try Samtale.run(["prompt", "--date", "2026-11-28", "--skip-weekends"])
        #expect(saturday.status == 0 && saturday.stdout.isEmpty && saturday.stderr.contains("lørdag"))
        let storeBededag2024 = try Samtale.run(["prompt", "--date", "2024-04-26", "--holidays", "dk"])
        #expect(!storeBededag2024.stdout.isEmpty)
    }

    @Test func theTargetGroupReplacesBorger() throws {
        let arguments = ["prompt", "--deck", "hjoerring-dialogkort", "--role", "medarbejder", "--theme", "sammen skaber",
                         "--for", "individual", "--format", "json"]
        var sawBorger = false
        for day in 1...28 {
            let date = String(format: "2026-02-%02d", day)
            let plain = try Samtale.run(arguments + ["--date", date])
            guard plain.stdout.contains("borger") else { continue }
            sawBorger = true
            let flagged = try Samtale.run(arguments + ["--date", date, "--target-group", "elev"])
            let fromEnvironment = try Samtale.run(arguments + ["--date", date], environment: ["SAMTALE_TARGET_GROUP": "elev"])
            #expect(!flagged.stdout.contains("borger") && flagged.stdout.contains("elev"))
            #expect(fromEnvironment.stdout == flagged.stdout)
            let explicit = try Samtale.run(arguments + ["--date", date, "--target-group", "bruger,brugeren,brugere,brugerne"])
            #expect(explicit.stdout.contains("bruger") && !explicit.stdout.contains("borger"))
        }
        #expect(sawBorger)
    }

    @Test func aSeedMakesRandomPicksReproducible() throws {
        let first = try Samtale.run(["prompt", "--random", "--seed", "12345", "--deck", "socialafdelingen"])
        let second = try Samtale.run(["prompt", "--seed", "12345", "--deck", "socialafdelingen"])
        #expect(first.status == 0 && first.stdout == second.stdout)
        let picks = try Set((1...6).map { _ in try Samtale.run(["prompt", "--random", "--deck", "skanderborg"]).stdout })
        #expect(picks.count > 1)
    }
}

@Suite struct ListAndShowTests {
    @Test func listDecksAsJSON() throws {
        let result = try Samtale.run(["list", "decks", "--format", "json"])
        #expect(result.status == 0)
        let decks = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(decks.count == 5)
        for deck in decks {
            for key in ["id", "title", "organisation", "source"] { #expect(deck[key] is String, "\(key)") }
        }
    }

    @Test func listRolesAndThemes() throws {
        let roles = try Samtale.run(["list", "roles", "--deck", "skanderborg"])
        #expect(roles.status == 0 && roles.stdout.split(separator: "\n").count == 6)
        #expect(roles.stdout.contains("Kontraktholder (Aftaleholder)"))
        let themes = try Samtale.run(["list", "themes", "--deck", "social", "--format", "json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(themes.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 12)
        #expect(list.filter { $0["parent"] is String }.count == 9)
    }

    @Test func showACardInEveryFormat() throws {
        let text = try Samtale.run(["show", "hjoerring-dialogkort", "--role", "leder af leder", "--theme", "sammen sikrer"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Spørgsmål til lederen"))
        #expect(text.stdout.contains("Hvordan er vi som gruppe med til at sikre høj faglig kvalitet i opgaveløsningen?"))
        #expect(!text.stdout.contains("HVORDAN BRUGES"))
        let markdown = try Samtale.run(["show", "kolding", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# Sammen om ledelse"))
        #expect(markdown.stdout.contains("> Jeg lærer mens jeg bevæger mig fremad"))
        let json = try Samtale.run(["show", "skanderborg", "--role", "medarbejder", "--format", "json"])
        let deck = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((deck["cards"] as? [Any])?.count == 11)
    }

    @Test func theBinaryAloneInAnEmptyFolderHasAllFiveDecks() throws {
        let folder = try Samtale.temporaryFolder()
        let copy = folder.appendingPathComponent("samtale")
        try FileManager.default.copyItem(at: Samtale.binary, to: copy)
        let result = try Samtale.run(["list", "decks", "--format", "json"], in: folder, executable: copy)
        let decks = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(decks.count == 5)
    }
}
