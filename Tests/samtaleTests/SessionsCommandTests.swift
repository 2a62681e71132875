import Foundation
import Testing

/// `samtale talk` from piped lines and `samtale sessions`, including ids and files that are not what they should be.
@Suite struct SessionsCommandTests {
    /// Runs samtale with a state folder of its own and the given standard input.
    func run(_ arguments: [String], state: URL, input: String = "") throws -> Samtale.Result {
        let file = try Samtale.temporaryFolder().appendingPathComponent("input.txt")
        try input.write(to: file, atomically: true, encoding: .utf8)
        return try Samtale.run(arguments, environment: ["SAMTALE_STATE_DIR": state.path], standardInput: file)
    }

    func sessionIDs(_ state: URL) throws -> [String] {
        let folder = state.appendingPathComponent("sessions")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
            .map { String($0.dropLast(5)) }.sorted()
    }

    /// Two 1:1s with Ann through a pipe: the second follows up the first's agreement, and the series shows what
    /// stays open; another person's conversations are not in it.
    @Test func aSecondOneToOneWithAnnFollowsUpTheFirst() throws {
        let state = try Samtale.temporaryFolder()
        let first = try run(
            [
                "talk", "--flow", "one-to-one", "--role", "medarbejder", "--theme", "sammen sikrer", "--with", "Ann",
                "--leader", "Bo",
            ], state: state,
            input: "Travlhed\na\nb\nc\nTavlemøde\nAnn\nmandag\n\nSparring\n\n\n7. april\n")
        #expect(first.status == 0 && first.stdout.contains("Næste samtale: 7. april"), "\(first.stderr)")
        let other = try run(
            ["talk", "--flow", "one-to-one", "--role", "medarbejder", "--theme", "sammen sikrer", "--with", "Cai"],
            state: state, input: "x\n")
        #expect(other.status == 0)
        let second = try run(
            ["talk", "--with", " ann ", "--theme", "sammen sikrer"], state: state,
            input: "Fint\nDet kører\ni gang\nMit punkt\na\nb\nc\n\nIntet\n\n\n\n")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Sidst aftalte vi: »Tavlemøde«. Hvordan er det gået med den?"))
        #expect(second.stdout.contains("1. Tavlemøde (aftalt "), "\(second.stdout)")
        let list = try run(["sessions", "list", "--with", "ANN", "--format", "json"], state: state)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        let series = try run(["sessions", "series", "Ann"], state: state)
        #expect(series.status == 0)
        #expect(series.stdout.hasPrefix("# 1:1-samtaler med Ann\n\n- Leder: Bo\n"), "\(series.stdout)")
        #expect(series.stdout.contains("## Åbne aftaler\n\n- **Tavlemøde** (aftalt "))
        #expect(series.stdout.contains("hvem: Ann, hvornår: mandag) – status: i gang"))
        let exports = try rows.compactMap { $0["id"] as? String }.map { id in
            try run(["sessions", "export", id, "--format", "markdown"], state: state).stdout
        }
        #expect(exports.filter { $0.contains("## Opfølgning på tidligere aftaler") }.count == 1, "\(exports)")
        #expect(exports.allSatisfy { $0.contains("- Medarbejder: Ann\n- Leder: Bo\n") })
        let nobody = try run(["sessions", "series", "Dorte"], state: state)
        #expect(nobody.status == 66 && nobody.stderr.contains("der er ingen gemte samtaler med Dorte"))
        let energizer = try run(["talk", "--flow", "energizer", "--with", "Ann"], state: state)
        #expect(energizer.status == 64 && energizer.stderr.contains("findes kun for 1:1-samtalen"))
    }

    @Test func aScriptedOneToOneIsSavedAndExported() throws {
        let state = try Samtale.temporaryFolder()
        let talk = try run(
            ["talk", "--flow", "one-to-one", "--role", "medarbejder", "--theme", "sammen sikrer"], state: state,
            input: "Kvalitet\n/spring\nKurser\nMere sparring\nAnn\nfredag\n\n")
        #expect(talk.status == 0)
        #expect(talk.stdout.contains("OPSUMMERING") && !talk.stdout.contains("\u{1B}["))
        let id = try #require(try sessionIDs(state).first)
        let list = try run(["sessions", "list", "--format", "json"], state: state)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows[0]["status"] as? String == "finished")
        #expect(rows[0]["flow"] as? String == "one-to-one")
        #expect((rows[0]["progress"] as? [String: Int]) == ["current": 4, "total": 4])
        let markdown = try run(["sessions", "export", id, "--format", "markdown"], state: state)
        #expect(markdown.stdout.contains("- **Mere sparring** – hvem: Ann, hvornår: fredag"))
        #expect(markdown.stdout.contains("_(sprunget over)_"))
        let attributes = try FileManager.default.attributesOfItem(
            atPath: state.appendingPathComponent("sessions/\(id).json").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: state.appendingPathComponent("sessions").path)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
    }

    /// `export --output FILE` writes what standard output would get to a new file only its owner may read, says so
    /// on stderr, and never takes the place of anything already there; what it cannot write is said in the
    /// interface language with the exit code of its kind.
    @Test func anExportToAFileIsANewFileOnlyItsOwnerReads() throws {
        let state = try Samtale.temporaryFolder()
        _ = try run(
            ["talk", "--flow", "one-to-one", "--role", "medarbejder", "--theme", "sammen sikrer"], state: state,
            input: "Kvalitet\n/spring\nKurser\nMere sparring\nAnn\nfredag\n\n")
        let id = try #require(try sessionIDs(state).first)
        let folder = try Samtale.temporaryFolder()
        let file = folder.appendingPathComponent("til-medarbejderen.md")
        let export = try run(["sessions", "export", id, "--output", file.path], state: state)
        #expect(export.status == 0 && export.stdout.isEmpty, "\(export.stderr)")
        #expect(export.stderr == "samtale: samtalen \(id) er eksporteret til \(file.path), som kun du kan læse\n")
        let printed = try run(["sessions", "export", id], state: state)
        #expect(try String(contentsOf: file, encoding: .utf8) == printed.stdout)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        // A file already there is kept as it was, whatever it holds.
        try "en anden fil\n".write(to: file, atomically: true, encoding: .utf8)
        let again = try run(["sessions", "export", id, "--format", "json", "--output", file.path], state: state)
        #expect(again.status == 73 && again.stdout.isEmpty)
        #expect(
            again.stderr == "samtale: kan ikke oprette \(file.path): der findes allerede en fil med det navn; vælg et "
                + "andet navn, eller flyt den eksisterende fil først\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == "en anden fil\n")
        // A symbolic link is not followed to what it names.
        let link = folder.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        #expect(try run(["sessions", "export", id, "--output", link.path], state: state).status == 73)
        #expect(try String(contentsOf: file, encoding: .utf8) == "en anden fil\n")

        let intoFolder = try run(["sessions", "export", id, "--output", folder.path, "--lang", "en"], state: state)
        #expect(intoFolder.status == 73)
        #expect(
            intoFolder.stderr == "samtale: cannot create \(folder.path): it is a folder; name a file in it, e.g. "
                + "\(folder.path)/conversation.md\n")
        let missing = folder.appendingPathComponent("mangler/samtale.md").path
        let noFolder = try run(["sessions", "export", id, "--output", missing], state: state)
        #expect(
            noFolder.status == 73
                && noFolder.stderr
                    == "samtale: kan ikke oprette \(missing): mappen findes ikke; opret den først, eller angiv en fil i "
                    + "en mappe, der findes\n"
        )
        #expect(!FileManager.default.fileExists(atPath: missing))
        // An empty name names no file: a usage error, as a missing one is.
        let unnamed = try run(["sessions", "export", id, "--output", ""], state: state)
        #expect(unnamed.status == 64 && unnamed.stdout.isEmpty)
        #expect(unnamed.stderr.hasPrefix("samtale: --output mangler en værdi\nBrug: samtale sessions "))

        // Only export writes a file: another action told to is a usage error, not a file quietly left unwritten.
        let show = try run(["sessions", "show", id, "--output", file.path], state: state)
        #expect(show.status == 64 && show.stdout.isEmpty)
        #expect(show.stderr.hasPrefix("samtale: --output kan ikke bruges med sessions show\nBrug: samtale sessions "))
    }

    /// The export is a document in one language: the session's, or with `--lang` the one named, title and labels
    /// alike; its ratings under a heading row in words.
    /// A self-reflection on a Skanderborg profile from piped lines: the areas asked for first, each a heading
    /// before its ratings, and the summary and record with an average per area and the pitfalls apart.
    @Test func aScriptedSelfReflectionChoosesItsAreasFirst() throws {
        let state = try Samtale.temporaryFolder()
        let talk = try run(
            ["talk", "--flow", "self", "--deck", "skanderborg", "--role", "leder af leder"], state: state,
            input: "2,11\n4\n\n3\nPå ledermødet\n1\n2\n5\nmere\nmindre\n")
        #expect(talk.status == 0, "\(talk.stderr)")
        for expected in [
            "For rollen »Leder af leder« er der 28 udsagn og 3 faldgruber at vurdere",
            "11. Typiske faldgruber (3 faldgruber)",
            "STRATEGISK LEDELSE\n", "TYPISKE FALDGRUBER\n", "(1 = langt fra, 5 = meget tæt på)",
            "== Strategisk ledelse ==\nGennemsnit 3,5 (2 af 2 udsagn vurderet)",
            "== Typiske faldgruber ==\nHvor tæt er jeg på?\n1  Leder lederne, som var de medarbejdere",
        ] {
            #expect(talk.stdout.contains(expected), "missing \(expected) in \(talk.stdout)")
        }
        let id = try #require(try sessionIDs(state).first)
        let export = try run(["sessions", "export", id], state: state).stdout
        for expected in [
            "| Strategisk ledelse | 3,5 | 2 af 2 |", "| 3 | Bidrager til at identificere", "ledere | På ledermødet |",
            "### Typiske faldgruber\n\n| Hvor tæt er jeg på? | Faldgrube |\n|---|---|\n| 1 | Leder lederne",
        ] {
            #expect(export.contains(expected), "missing \(expected) in \(export)")
        }
    }

    @Test func anExportIsWhollyInOneLanguage() throws {
        let state = try Samtale.temporaryFolder()
        let talk = try run(
            [
                "talk", "--flow", "self", "--deck", "skanderborg", "--role", "leder af leder", "--theme",
                "personligt",
            ], state: state, input: "3\n\n4\n")
        #expect(talk.status == 0)
        let id = try #require(try sessionIDs(state).first)
        let danish = try run(["sessions", "export", id], state: state)
        #expect(danish.stdout.hasPrefix("# Selvrefleksion\n\n- Dato: "), "\(danish.stdout)")
        #expect(danish.stdout.contains("| Vurdering | Udsagn | Eksempel |"))
        let export = try run(["sessions", "export", id, "--lang", "en"], state: state)
        #expect(export.stdout.hasPrefix("# Self-reflection\n\n- Date: "), "\(export.stdout)")
        #expect(!export.stdout.contains("Selvrefleksion") && !export.stdout.contains("self"))
        #expect(!export.stdout.contains("Aftaler") && !export.stdout.contains("Agreements"))
        #expect(
            export.stdout.contains(
                """
                ## Ratings

                Statements: 1 = not at all, 5 = very much.

                | Area | Average | Statements rated |
                |---|---|---|
                | Personligt lederskab | 3.5 | 2 of 2 |
                """))
        #expect(
            export.stdout.contains(
                """
                ### Personligt lederskab

                | Score | Statement | Example |
                |---|---|---|
                | 3 | Værdsætter at lede gennem ledere |  |
                """))
        let shown = try run(["sessions", "show", id, "--lang", "en"], state: state)
        #expect(shown.stdout == export.stdout)
    }

    @Test func theEndOfInputPausesAndResumeGoesOnWithNothingLost() throws {
        let state = try Samtale.temporaryFolder()
        let first = try run(
            ["talk", "--flow", "one-to-one", "--role", "medarbejder", "--theme", "sammen sikrer", "--lang", "en"],
            state: state, input: "First answer\nSecond answer\n")
        #expect(first.status == 0)
        let id = try #require(try sessionIDs(state).first)
        #expect(first.stdout.contains("Continue with: samtale talk --resume \(id)"))
        let resumed = try run(["talk", "--resume", id], state: state, input: "Third answer\n\n")
        #expect(resumed.status == 0)
        #expect(resumed.stdout.hasPrefix("Question 3 of 4"))
        let export = try run(["sessions", "export", id, "--format", "json"], state: state)
        for answer in ["First answer", "Second answer", "Third answer"] { #expect(export.stdout.contains(answer)) }
    }

    /// A user's card of eight questions: the 1:1 asks the first five, offers the other three, and asks them only on
    /// yes; the record holds what was asked, never the offer.
    @Test(arguments: [true, false])
    func aOneToOneOffersTheQuestionsBeyondFive(taken: Bool) throws {
        let state = try Samtale.temporaryFolder()
        let talk = try run(
            [
                "talk", "--flow", "one-to-one", "--dialogues", Samtale.fixtures.appendingPathComponent("long").path,
                "--deck", "lange-kort", "--role", "medarbejder", "--theme", "trivsel",
            ], state: state, input: "Et\nTo\nTre\nFire\nFem\n" + (taken ? "ja\nSeks\nSyv\nOtte\n\n" : "\n\n"))
        #expect(talk.status == 0, "\(talk.stderr)")
        #expect(
            talk.stdout.contains(
                "Spørgsmål 6 af 7\nDer er tre spørgsmål mere om »Trivsel«. Vil I tage dem med?\n"
                    + "(ja eller nej – tryk Enter for nej)\nSpørgsmål 7 af"))
        #expect(talk.stdout.contains("Spørgsmål 7 af 10\nHvad vil du gerne have mere af i hverdagen?\n") == taken)
        #expect(
            talk.stdout.contains(taken ? "Spørgsmål 10 af 10\nHvad aftaler vi" : "Spørgsmål 7 af 7\nHvad aftaler vi"))
        let id = try #require(try sessionIDs(state).first)
        let markdown = try run(["sessions", "export", id], state: state).stdout
        #expect(markdown.contains("**Hvad kan jeg som leder gøre for din trivsel?**\n\nOtte") == taken)
        #expect(!markdown.contains("Vil I tage dem med?") && !markdown.contains("sprunget over"))
    }

    @Test(arguments: ["../../etc/passwd", "/tmp/x", "abc", "0123456789ABCDEFGHJKMNPQRS"])
    func badSessionIDsAreRefused(id: String) throws {
        let state = try Samtale.temporaryFolder()
        for arguments in [["talk", "--resume", id], ["sessions", "show", id], ["sessions", "delete", id]] {
            let result = try run(arguments, state: state)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains("samtale-id"))
        }
    }

    @Test func aDamagedSessionFileIsNamedAndLeavesTheOthersAlone() throws {
        let state = try Samtale.temporaryFolder()
        _ = try run(
            ["talk", "--flow", "energizer", "--role", "chef", "--theme", "sammen styrker", "--record"], state: state,
            input: "a\nb\n")
        let good = try #require(try sessionIDs(state).first)
        let damagedID = "0000000000000000000000000z"
        let damagedFile = state.appendingPathComponent("sessions/\(damagedID).json")
        let goodText = try String(contentsOf: state.appendingPathComponent("sessions/\(good).json"), encoding: .utf8)
        try String(goodText.prefix(goodText.count / 2)).write(to: damagedFile, atomically: true, encoding: .utf8)
        let show = try run(["sessions", "show", damagedID], state: state)
        #expect(show.status == 65)
        #expect(show.stderr.contains(damagedFile.path))
        let resume = try run(["talk", "--resume", damagedID], state: state)
        #expect(resume.status == 65)
        let list = try run(["sessions", "list"], state: state)
        #expect(list.status == 0)
        #expect(list.stdout.contains(good) && list.stdout.contains("\(damagedID)  beskadiget"))
        #expect(try run(["sessions", "show", good], state: state).status == 0)
        #expect(try run(["sessions", "delete", damagedID], state: state).status == 0)
        #expect(try sessionIDs(state) == [good])
        #expect(try run(["sessions", "show", damagedID], state: state).status == 66)
    }

    @Test func anEnergizerKeepsNothingUnlessAsked() throws {
        let state = try Samtale.temporaryFolder()
        let result = try run(
            ["talk", "--flow", "energizer", "--role", "chef", "--theme", "sammen styrker", "--minutes", "3"],
            state: state, input: "a\nb\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("(ca. 3 min.)"))
        #expect(!FileManager.default.fileExists(atPath: state.appendingPathComponent("sessions").path))
    }

    @Test func aFlowThatCannotUseTheDeckSaysSo() throws {
        let state = try Samtale.temporaryFolder()
        let seesaw = try run(["talk", "--flow", "seesaw", "--deck", "kolding", "--lang", "en"], state: state)
        #expect(seesaw.status == 64)
        #expect(seesaw.stderr.contains("needs a deck with a section of the kind \"model\""))
        let levels = try run(["talk", "--flow", "across-levels", "--deck", "kolding", "--lang", "en"], state: state)
        #expect(levels.status == 64 && levels.stderr.contains("only one level"))
        let team = try run(
            [
                "talk", "--flow", "team", "--role", "medarbejder", "--theme", "sammen sikrer",
                "--participants", "Ann",
            ], state: state)
        #expect(team.status == 64 && team.stderr.contains("mindst to deltagere"))
    }

    @Test func missingChoicesAreAskedFromTheInput() throws {
        let state = try Samtale.temporaryFolder()
        // The default flow (Enter), a deck by name, a role by prefix, a theme by name; three answers, no agreement.
        let result = try run(
            ["talk"], state: state, input: "\nskanderborg\nmedarb\nudvikling\nsvar 1\nsvar 2\nsvar 3\n\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Hvilken slags samtale?") && result.stdout.contains("Hvilket kortsæt?"))
        #expect(result.stdout.contains("Hvilket tema?"))
        #expect(result.stdout.contains("OPSUMMERING: 1:1-samtale"))
        #expect(result.stdout.contains("== Udvikling =="))
    }

    /// `sessions list` has a heading and shows the latest change first, by the moment, whatever offset it was written
    /// in.
    @Test func theListHasHeadingsAndTheLatestChangeFirst() throws {
        let state = try Samtale.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        var ids: [String: String] = [:]
        // As text 08:30Z sorts first; as a moment it lies between the other two.
        for (name, time) in [
            ("a", "2026-11-26T09:00:00+01:00"), ("b", "2026-11-26T08:30:00Z"), ("c", "2026-11-26T10:00:00+01:00"),
        ] {
            let file = try Samtale.temporaryFolder().appendingPathComponent("input.txt")
            try "svar \(name)\n".write(to: file, atomically: true, encoding: .utf8)
            let talk = try Samtale.run(
                ["talk", "--flow", "one-to-one", "--role", "medarbejder", "--theme", "sammen sikrer"],
                environment: ["SAMTALE_STATE_DIR": state.path, "SAMTALE_NOW": time], standardInput: file)
            ids[name] = String(try #require(talk.stdout.firstMatch(of: #/--resume ([0-9a-z]+)/#)).output.1)
        }
        let damaged = "0000000000000000000000000z"
        try "{".write(to: state.appendingPathComponent("sessions/\(damaged).json"), atomically: true, encoding: .utf8)
        let list = try run(["sessions", "list"], state: state)
        #expect(list.status == 0)
        let lines = list.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(list.stdout)")
        #expect(
            lines.first?.split(separator: " ", omittingEmptySubsequences: true).prefix(4)
                == ["Id", "Samtaleform", "Kortsæt", "Roller"])
        #expect(
            lines.first?.hasSuffix("Senest ændret" + String(repeating: " ", count: 16) + "Status        Spørgsmål")
                == true, "\(lines[0])")
        #expect(lines.dropFirst().map { String($0.prefix(26)) } == [ids["c"], ids["b"], ids["a"], damaged])
        // The flow and role by the names the conversation showed, never by their ids.
        #expect(
            lines[1].hasSuffix(
                "  1:1-samtale  hjoerring-dialogkort  Medarbejder  26. november 2026 kl. 10.00  sat på pause  1/4"),
            "\(lines[1])")
        #expect(lines[4] == "\(damaged)  beskadiget")
        // The columns line up under their headings.
        let column = try #require(lines[0].range(of: "Senest ændret")).lowerBound.utf16Offset(in: lines[0])
        #expect(lines.dropFirst().prefix(3).allSatisfy { $0.dropFirst(column).hasPrefix("26. november 2026 kl.") })
        let english = try run(["sessions", "list", "--lang", "en"], state: state)
        #expect(english.stdout.hasPrefix("Id  "), "\(english.stdout)")
        #expect(
            english.stdout.split(separator: "\n").first?.hasSuffix(
                "Last changed" + String(repeating: " ", count: 13) + "Status  Questions")
                == true,
            "\(english.stdout)")
        let json = try run(["sessions", "list", "--format", "json"], state: state)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == [ids["c"], ids["b"], ids["a"], damaged])
        let empty = try run(["sessions", "list"], state: try Samtale.temporaryFolder())
        #expect(empty.status == 0 && empty.stdout == "Der er ingen gemte samtaler.\n")
    }

    @Test func noCommandWithoutATerminalPrintsHelpAndExits64() throws {
        let result = try run([], state: try Samtale.temporaryFolder())
        #expect(result.status == 64 && result.stderr.contains("talk"))
    }

    /// Points too large to add up used to trap the process (exit 132): they are asked again, in the terminal and over
    /// the protocol, and a server goes on with what it had buffered.
    @Test func pointsTooLargeToAddUpAreAskedAgain() throws {
        let state = try Samtale.temporaryFolder()
        let talked = try run(
            ["talk", "--flow", "seesaw", "--deck", "hjoerring-ledelse-af-kerneopgaven"], state: state,
            input: "9223372036854775807 1 0 0\n")
        #expect(talked.status == 0)
        #expect(talked.stdout.contains("9223372036854775807 er mere end de 100 point, der er i alt"))
        let served = try run(
            ["serve", "--stdio", "--ephemeral"], state: state,
            input: """
                {"type":"start","flow":"seesaw","deck":"hjoerring-ledelse-af-kerneopgaven","session":"0000000000000000000000000p"}
                {"type":"input","session":"0000000000000000000000000p","text":"9223372036854775807 1 0 0"}
                {"type":"hello","id":"after"}

                """)
        #expect(served.status == 0)
        #expect(served.stdout.contains(#""reason":"points-above-total""#))
        #expect(served.stdout.contains(#""id":"after""#))
    }
}
