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
        #expect(
            try Samtale.run(["--lang", "en", "help", "validate"]).stdout
                .contains("Checks decks, flows, targets files and chat configurations"))
        #expect(
            try Samtale.run(["help", "validate", "--lang", "en"]).stdout
                .contains("Checks decks, flows, targets files and chat configurations"))
        #expect(try Samtale.run(["help", "validate", "post"]).status == 64)
    }

    /// The overview names the flows in a sentence, the last two joined by "og"; a deck is found by its unambiguous
    /// beginning ("entydig begyndelse").
    @Test func theHelpWritesDanishListsAndWords() throws {
        let danish = try Samtale.run(["help"]).stdout
        #expect(danish.contains(" og teamdialog\n"), "\(danish)")
        #expect(try Samtale.run(["help", "--lang", "en"]).stdout.contains(" and team dialogue\n"))
        #expect(try Samtale.run(["help", "prompt"]).stdout.contains("kortsæt; id, navn eller entydig begyndelse"))
    }

    /// A reader's computer is "computer" in Danish, never the engineer's "maskine".
    @Test(arguments: ["post", "talk", "serve", "sessions"])
    func danishHelpSaysComputer(command: String) throws {
        #expect(!(try Samtale.run(["help", command]).stdout.contains("maskine")))
    }

    /// The usage after an error is labelled as on the help pages: "Brug:", "Usage:" in English.
    @Test(arguments: [("da", "Brug: samtale prompt"), ("en", "Usage: samtale prompt")])
    func theUsageAfterAnErrorIsLabelledAsInHelp(language: String, label: String) throws {
        let result = try Samtale.run(["prompt", "--lang", language, "--bogus"])
        let help = try Samtale.run(["prompt", "--help", "--lang", language])
        #expect(result.stderr.contains("\n\(label) ["), "\(result.stderr)")
        #expect(help.stdout.hasPrefix("\(label) ["), "\(help.stdout)")
    }

    @Test(arguments: [
        ["frobnicate"], ["prompt", "--bogus"], ["prompt", "--date", "2026-02-30"], ["prompt", "--for", "alle"],
        ["prompt", "--deck"], ["prompt", "--deck", "hj"], ["prompt", "--role", "chefen"],
        ["prompt", "--holidays", "se"],
        ["prompt", "--seed", "-1"], ["prompt", "--target-group", "a,b"], ["prompt", "ekstra"],
        ["prompt", "--random=ja"],
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
        #expect(lines.last?.hasPrefix("Brug: samtale") == true || lines.last?.hasPrefix("se `samtale help`") == true)
    }

    /// Before the command only the common options may stand; anything else is named, with what to do about it.
    @Test(arguments: [
        (["--bogus", "prompt"], "samtale: ukendt tilvalg --bogus", "Brug: samtale prompt"),
        (
            ["--deck", "kolding", "prompt"], "samtale: --deck skal stå efter kommandoen: samtale prompt --deck …",
            "Brug: samtale prompt"
        ),
        (
            ["--deck=kolding", "prompt"], "samtale: --deck skal stå efter kommandoen: samtale prompt --deck …",
            "Brug: samtale prompt"
        ),
        (["--", "prompt"], "samtale: -- skal stå efter kommandoen: samtale prompt -- …", "Brug: samtale prompt"),
        (
            ["--bogus"], "samtale: --bogus skal stå efter en kommando: samtale KOMMANDO --bogus …",
            "se `samtale help`"
        ),
        (["--lang"], "samtale: --lang mangler sproget: da eller en", "se `samtale help`"),
        (
            ["--lang", "fr", "prompt"],
            "samtale: --lang: »fr« er ikke et af de sprog, samtale taler; vælg da (dansk) eller en (engelsk)",
            "se `samtale help`"
        ),
        (
            ["prompt", "--lang", "fr"],
            "samtale: --lang: »fr« er ikke et af de sprog, samtale taler; vælg da (dansk) eller en (engelsk)",
            "Brug: samtale prompt"
        ),
        (["prompt", "--lang"], "samtale: --lang mangler sproget: da eller en", "Brug: samtale prompt"),
    ])
    func anOptionOutOfPlaceIsNamed(arguments: [String], reason: String, usage: String) throws {
        let result = try Samtale.run(arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(result.stderr)")
        #expect(lines.first == reason)
        #expect(lines.last?.hasPrefix(usage) == true, "\(result.stderr)")
    }

    /// Every numeric option has a range, and a value outside it is named with the range.
    @Test(arguments: [
        (["talk", "--minutes", "0"], "--minutes skal være et helt tal fra 1 til 240, ikke »0«"),
        (["talk", "--minutes", "241"], "--minutes skal være et helt tal fra 1 til 240, ikke »241«"),
        (
            ["talk", "--minutes", "99999999999999999999"],
            "--minutes skal være et helt tal fra 1 til 240, ikke »99999999999999999999«"
        ),
        (["prompt", "--seed", "-1"], "--seed skal være et helt tal fra 0 til 18446744073709551615, ikke »-1«"),
        (
            ["prompt", "--seed", "18446744073709551616"],
            "--seed skal være et helt tal fra 0 til 18446744073709551615, ikke »18446744073709551616«"
        ),
        (["serve", "--stdio", "--max-line", "0"], "--max-line skal være et helt tal fra 1 til 268435456, ikke »0«"),
        (
            ["serve", "--stdio", "--max-line", "268435457"],
            "--max-line skal være et helt tal fra 1 til 268435456, ikke »268435457«"
        ),
        (
            ["serve", "--stdio", "--max-line", "1e6"],
            "--max-line skal være et helt tal fra 1 til 268435456, ikke »1e6«"
        ),
    ])
    func aNumberOutOfRangeIsNamedWithItsRange(arguments: [String], reason: String) throws {
        let result = try Samtale.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("samtale: \(reason)\nBrug: samtale \(arguments[0])"), "\(result.stderr)")
    }

    @Test func theMinutesAreCheckedBeforeAnythingIsAsked() throws {
        let input = try Samtale.temporaryFolder().appendingPathComponent("answers.txt")
        try "\n\n\n\n".write(to: input, atomically: true, encoding: .utf8)
        let result = try Samtale.run(
            ["talk", "--minutes", "0"], environment: ["SAMTALE_STATE_DIR": input.path + ".state"],
            standardInput: input)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty, "nothing is asked before the value is refused")
    }

    @Test(arguments: [
        "2026-11-26", "2026-11-26T09:00:00", "2026-11-26 09:00:00+01:00", "2026-02-30T09:00:00+01:00",
        "2026-11-26T24:00:00+01:00", "2026-11-26T09:00:00+0100", "i går",
    ])
    func anInvalidFixedClockIsRefused(value: String) throws {
        let result = try Samtale.run(["prompt"], environment: ["SAMTALE_NOW": value, "LANG": "en_GB.UTF-8"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.hasPrefix("samtale: SAMTALE_NOW: \"\(value)\" is not a time like 2026-11-26T09:00:00+01:00"))
    }

    @Test func aValidFixedClockGivesTheDay() throws {
        let fixed = try Samtale.run(
            ["prompt", "--format", "json"], environment: ["SAMTALE_NOW": "2026-11-26T23:30:00Z"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains(#""date":"2026-11-26""#))
        let offset = try Samtale.run(
            ["prompt", "--format", "json"], environment: ["SAMTALE_NOW": "2026-11-27T00:30:00+01:00"])
        #expect(offset.stdout.contains(#""date":"2026-11-27""#))
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
        #expect(
            role.stderr.contains(#"unknown role "chefen"; choose one of: faelles (Fælles), medarbejder (Medarbejder)"#))
    }

    /// Flows have a title in each language, and are listed by the one the menu shows; decks and roles have only
    /// their Danish names.
    @Test func flowsAreListedByTheirTitlesInTheInterfaceLanguage() throws {
        let english = try Samtale.run(["talk", "--flow", "meeting", "--lang", "en"])
        #expect(english.status == 64)
        #expect(
            english.stderr.hasPrefix(
                #"samtale: unknown flow "meeting"; choose one of: across-levels (Dialogue "#
                    + "across levels), energizer (Energizer), one-to-one (1:1 conversation), seesaw (The seesaw), self "
                    + "(Self-reflection), team (Team dialogue)\n"), "\(english.stderr)")
        let ambiguous = try Samtale.run(["talk", "--flow", "se", "--lang", "en"])
        #expect(ambiguous.stderr.contains("seesaw (The seesaw), self (Self-reflection)"), "\(ambiguous.stderr)")
        let danish = try Samtale.run(["talk", "--flow", "meeting"])
        #expect(danish.stderr.contains("one-to-one (1:1-samtale), seesaw (Vippebrættet)"))
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
        let result = try Samtale.run([
            "prompt", "--date", "2026-11-26", "--deck", "skanderborg", "--role", "medarbejder",
            "--for", "group", "--format", "json",
        ])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["deck"] as? String == "skanderborg-ledelsesgrundlag")
        #expect(object["role"] as? String == "medarbejder")
        #expect(object["audience"] as? String == "group")
        #expect(object["source"] as? String == "Skanderborg Kommunes Ledelsesgrundlag, Skanderborg Kommune")
        #expect(object["date"] as? String == "2026-11-26")
        #expect(object["origin"] as? String == "samtale")
        #expect((object["statements"] as? [String])?.isEmpty == false)
        #expect((object["text"] as? String)?.isEmpty == false)
        #expect(object["theme"] is String)
    }

    /// Ready for chat, under the heading `post` gives the same question.
    @Test func markdownIsReadyForChat() throws {
        let result = try Samtale.run(["prompt", "--date", "2026-11-26", "--format", "markdown", "--lang", "en"])
        #expect(result.stdout.hasPrefix("**Today's reflection**"))
        #expect(result.stdout.contains("\n> "))
        let danish = try Samtale.run(["prompt", "--date", "2026-11-26", "--format", "markdown"])
        #expect(danish.stdout.hasPrefix("**Dagens refleksion**"))
    }

    /// The chef's "Hvad kan du forbedre? Gøre mere af? Mindre af?" cannot stand alone: whichever seed picks it, the
    /// text has the theme and the question before it, the Markdown that question, the JSON both.
    @Test func aQuestionThatCannotStandAloneCarriesItsContextInEveryFormat() throws {
        let filters = ["prompt", "--role", "chef", "--theme", "sammen styrker", "--for", "individual"]
        let seed = try #require(
            try (0..<50).first { seed in
                try Samtale.run(filters + ["--seed", String(seed), "--format", "json"]).stdout.contains(#""context""#)
            })
        let before = "Hvordan sætter du nye metoder og ny viden i spil i organisationen?"
        let question = "Hvad kan du forbedre? Gøre mere af? Mindre af?"
        let picked = filters + ["--seed", String(seed), "--format"]
        #expect(
            try Samtale.run(picked + ["text"]).stdout == "Sammen styrker vi resultaterne: \(before) \(question)\n")
        #expect(
            try Samtale.run(picked + ["markdown"]).stdout.contains(
                "_I forlængelse af spørgsmålet »\(before)«_\n\n> \(question)\n"))
        let json = try Samtale.run(picked + ["json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["text"] as? String == question)
        #expect(
            object["context"] as? [String: String] == ["theme": "Sammen styrker vi resultaterne", "follows": before])
    }

    @Test(arguments: [
        ("2026-12-25", "juledag"), ("2026-12-24", "juleaftensdag"), ("2027-03-26", "langfredag"),
        ("2023-05-05", "store bededag"),
    ])
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
        let arguments = [
            "prompt", "--deck", "hjoerring-dialogkort", "--role", "medarbejder", "--theme", "sammen skaber",
            "--for", "individual", "--format", "json",
        ]
        var sawBorger = false
        for day in 1...28 {
            let date = String(format: "2026-02-%02d", day)
            let plain = try Samtale.run(arguments + ["--date", date])
            guard plain.stdout.contains("borger") else { continue }
            sawBorger = true
            let flagged = try Samtale.run(arguments + ["--date", date, "--target-group", "elev"])
            let fromEnvironment = try Samtale.run(
                arguments + ["--date", date], environment: ["SAMTALE_TARGET_GROUP": "elev"])
            #expect(!flagged.stdout.contains("borger") && flagged.stdout.contains("elev"))
            #expect(fromEnvironment.stdout == flagged.stdout)
            let explicit = try Samtale.run(
                arguments + ["--date", date, "--target-group", "bruger,brugeren,brugere,brugerne"])
            #expect(explicit.stdout.contains("bruger") && !explicit.stdout.contains("borger"))
        }
        #expect(sawBorger)
    }

    @Test func showPutsTheTargetGroupInEveryFormat() throws {
        let plain = try Samtale.run(["show", "kolding", "--format", "json"])
        #expect(plain.stdout.contains("den enkelte borger") && plain.stdout.contains("med en borger,"))
        for format in ["text", "markdown", "json"] {
            let shown = try Samtale.run([
                "show", "kolding", "--format", format, "--target-group", "barn,barnet,børn,børnene",
            ])
            #expect(shown.status == 0, "\(shown.stderr)")
            let text = shown.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(text.contains("det enkelte barn") && text.contains("med et barn,"), "\(format)")
            let withoutTheName = text.replacingOccurrences(of: "Borgerens Centrum", with: "")
            #expect(text.contains("Borgerens Centrum") && !withoutTheName.lowercased().contains("borger"), "\(format)")
        }
        let fromEnvironment = try Samtale.run(
            ["show", "kolding", "--format", "json"], environment: ["SAMTALE_TARGET_GROUP": "elev"])
        #expect(fromEnvironment.stdout.contains("den enkelte elev"))
    }

    @Test func aWordWhoseInflectionIsUncertainExits64AskingForItsFourForms() throws {
        let refused = try Samtale.run(["prompt", "--target-group", "barn"])
        #expect(refused.status == 64 && refused.stdout.isEmpty)
        #expect(
            refused.stderr.hasPrefix(
                "samtale: ordet »barn« kan ikke bøjes automatisk med sikkerhed; skriv de fire former, der skal stå "
                    + "i stedet for borger, borgeren, borgere og borgerne, adskilt med komma, fx barn,barnet,børn,"
                    + "børnene\n"),
            "\(refused.stderr)")
        let phrase = try Samtale.run(["show", "kolding", "--target-group", "ansatte i forvaltningen", "--lang", "en"])
        #expect(phrase.status == 64 && phrase.stderr.contains("the singular too"), "\(phrase.stderr)")
        // The example is quoted, so that pasted into a shell it stays one argument.
        #expect(phrase.stderr.contains(#"e.g. "ansat i forvaltningen,"#), "\(phrase.stderr)")
    }

    /// A theme name that fits several themes of the deck means the one the chosen role has cards for; a prompt
    /// without a role looks among the default pool's roles (the employee's here), `show` among none.
    @Test func aThemeIsFoundAmongTheRolesOwnFirst() throws {
        let ambiguous = try Samtale.run(["show", "skanderborg", "--theme", "tværgående"])
        #expect(
            ambiguous.status == 64 && ambiguous.stderr.contains("passer på mere end ét tema"), "\(ambiguous.stderr)")
        let withoutRole = try Samtale.run([
            "prompt", "--deck", "skanderborg", "--theme", "tværgående", "--format", "json",
        ])
        #expect(withoutRole.stdout.contains(#""theme":"tvaergaaende-samarbejde""#), "\(withoutRole.stderr)")
        let forRole = try Samtale.run([
            "prompt", "--deck", "skanderborg", "--role", "leder af medarbejder", "--theme",
            "tværgående", "--format", "json",
        ])
        #expect(forRole.status == 0, "\(forRole.stderr)")
        #expect(forRole.stdout.contains(#""theme":"tvaergaaende-ledelse""#))
        let show = try Samtale.run(["show", "skanderborg", "--role", "leder af medarbejder", "--theme", "tværgående"])
        #expect(show.status == 0 && show.stdout.contains("Tværgående ledelse"), "\(show.stderr)")
        let employee = try Samtale.run([
            "prompt", "--deck", "skanderborg", "--role", "medarbejder", "--theme", "tværgående",
            "--format", "json",
        ])
        #expect(employee.stdout.contains(#""theme":"tvaergaaende-samarbejde""#), "\(employee.stderr)")
    }

    @Test func aSeedMakesRandomPicksReproducible() throws {
        let first = try Samtale.run(["prompt", "--random", "--seed", "12345", "--deck", "socialafdelingen"])
        let second = try Samtale.run(["prompt", "--seed", "12345", "--deck", "socialafdelingen"])
        #expect(first.status == 0 && first.stdout == second.stdout)
        let picks = try Set(
            (1...6).map { _ in try Samtale.run(["prompt", "--random", "--deck", "skanderborg"]).stdout })
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
        let text = try Samtale.run([
            "show", "hjoerring-dialogkort", "--role", "leder af leder", "--theme", "sammen sikrer",
        ])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Spørgsmål til lederen"))
        #expect(
            text.stdout.contains("Hvordan er vi som gruppe med til at sikre høj faglig kvalitet i opgaveløsningen?"))
        #expect(!text.stdout.contains("HVORDAN BRUGES"))
        let markdown = try Samtale.run(["show", "kolding", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# Sammen om ledelse"))
        #expect(markdown.stdout.contains("> Jeg lærer mens jeg bevæger mig fremad"))
        #expect(markdown.stdout.contains("**Spørgsmål til den enkelte (tilføjet af samtale, ikke fra kilden)**"))
        #expect(!markdown.stdout.contains("Skabeloner"))
        let json = try Samtale.run(["show", "skanderborg", "--role", "medarbejder", "--format", "json"])
        let deck = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((deck["cards"] as? [Any])?.count == 11)
    }

    /// show's JSON is a deck file: the source's own words, with the corrections samtale reads them by; the text
    /// formats give the reading and mark it.
    @Test func showGivesTheSourcesWordsInJSONAndMarksTheReadingElsewhere() throws {
        let json = try Samtale.run(["show", "socialafdelingen", "--format", "json"])
        let deck = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let themes = try #require(deck["themes"] as? [[String: Any]])
        #expect(themes.contains { $0["name"] as? String == "Understøtter en tryk og tillidsbaseret kultur" })
        let corrections = try #require(deck["corrections"] as? [[String: String]])
        #expect(corrections.first == ["original": "tryk og tillidsbaseret", "reading": "tryg og tillidsbaseret"])
        for format in ["text", "markdown"] {
            let shown = try Samtale.run(["show", "socialafdelingen", "--role", "medarbejder", "--format", format])
            #expect(shown.stdout.contains("Medarbejder · Understøtter en tryg [kilden: tryk] og tillidsbaseret kultur"))
            #expect(!shown.stdout.contains("en tryk og"))
        }
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
