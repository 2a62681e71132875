import Foundation
import TestSupport
import Testing

/// Every fixture file in a folder of `Tests/samtaleTests/Fixtures`.
func fixtureNames(_ folder: String) -> [String] {
    let url = Samtale.fixtures.appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted()
}

@Suite struct ValidateTests {
    @Test func theBuiltInDecksAreValid() throws {
        let result = try Samtale.run(["validate"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("11 filer tjekket, 0 fejl"))
        // The typos samtale reads otherwise are told as information, not as problems.
        #expect(
            result.stderr.contains(
                "builtin:socialafdelingen.json: corrections[0]: kilden har »tryk og tillidsbaseret«, her rettet til "
                    + "»tryg og tillidsbaseret«\n"))
    }

    @Test(
        arguments: ["broken", "semantic", "flows/broken", "flows/semantic"].flatMap { folder in
            fixtureNames(folder).map { (folder, $0) }
        })
    func eachBrokenFileGivesItsLinesAndExit65(folderName: String, name: String) throws {
        let folder = Samtale.fixtures.appendingPathComponent(folderName)
        let expected = try String(
            contentsOf: folder.appendingPathComponent(name.replacingOccurrences(of: ".json", with: ".expected")),
            encoding: .utf8)
        let result = try Samtale.run(["validate", name, "--lang", "en"], in: folder)
        #expect(result.status == 65)
        #expect(result.stdout == expected)
    }

    /// Flows and decks are checked through the catalog, as every command loads them, and told file by file in the
    /// order they were named, whatever their kind.
    @Test func brokenFilesAreToldInTheOrderTheyWereNamed() throws {
        let files = [
            "flows/semantic/duplicate-id.json", "semantic/no-questions.json",
            "flows/semantic/unknown-points-reference.json",
        ]
        var expected = ""
        for file in files {
            let name = file.split(separator: "/").last!
            let folder = file.dropLast(name.count)
            let lines = try String(
                contentsOf: Samtale.fixtures.appendingPathComponent(
                    file.replacingOccurrences(of: ".json", with: ".expected")), encoding: .utf8)
            expected += lines.split(separator: "\n").map { folder + $0 + "\n" }.joined()
        }
        let result = try Samtale.run(["validate", "--lang", "en"] + files, in: Samtale.fixtures)
        #expect(result.status == 65)
        #expect(result.stdout == expected)
        #expect(result.stderr.contains("3 files checked, 6 problems"), "\(result.stderr)")
    }

    /// `show --format json` gives a deck file: saved as it is, it validates and is used as a deck.
    @Test func aDeckShownAsJSONIsADeckFile() throws {
        let folder = try Samtale.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for deck in ["kolding", "socialafdelingen"] {
            let shown = try Samtale.run(["show", deck, "--format", "json"])
            try Data(shown.stdout.utf8).write(to: folder.appendingPathComponent("\(deck).json"))
        }
        // A view of some cards too: it keeps only the corrections its texts still need.
        let some = try Samtale.run(["show", "skanderborg", "--role", "medarbejder", "--format", "json"])
        try Data(some.stdout.utf8).write(to: folder.appendingPathComponent("skanderborg-medarbejder.json"))
        let result = try Samtale.run(["validate", folder.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func aFolderIsValidatedFileByFile() throws {
        let result = try Samtale.run(["validate", Samtale.fixtures.appendingPathComponent("broken").path])
        #expect(result.status == 65)
        #expect(
            Set(result.stdout.split(separator: "\n").map { $0.split(separator: ":")[0] }).count
                == fixtureNames("broken").count)
        #expect(try Samtale.run(["validate", Samtale.fixtures.appendingPathComponent("valid").path]).status == 0)
    }

    /// A user flow that a saved session could not hold is refused where it is loaded, as by validate: an id of the
    /// form samtale numbers its questions with (an answer would be overwritten), a points total beyond what a session
    /// may hold (the session would be refused as damaged on resume).
    @Test(arguments: [
        (
            "reserved-id.json", ["self-with-q1", "skanderborg", "medarbejder"],
            #"steps[3].id: id "q1" er forbeholdt de spørgsmål, samtale selv nummererer (q1, q2, …) eller stiller i "#
                + #"en opfølgning (check-in, follow-up-1, status-1, …); vælg et andet id"#
        ),
        (
            "large-total.json", ["seesaw", "hjoerring-ledelse-af-kerneopgaven", "leder"],
            "steps[1].total: skal være et helt tal fra 1 til 10000, ikke »10001«"
        ),
    ])
    func aFlowThatASessionCouldNotHoldIsRefused(file: String, setup: [String], message: String) throws {
        let folder = try Samtale.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("flows"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Samtale.fixtures.appendingPathComponent("flows/broken/" + file),
            to: folder.appendingPathComponent("flows/" + file))
        let talk = try Samtale.run(
            [
                "talk", "--dialogues", folder.path, "--flow", setup[0], "--deck", setup[1],
                "--role", setup[2],
            ], environment: ["SAMTALE_STATE_DIR": folder.path])
        #expect(talk.status == 65)
        #expect(talk.stderr.contains("flows/\(file): \(message)"), "\(talk.stderr)")
        #expect(talk.stdout.isEmpty)
    }

    /// A path that cannot be read does not keep the others from being checked: each is told in the order named,
    /// and the run ends with 66, as it has not checked all it was asked to.
    @Test func everyReadablePathIsCheckedBesideAMissingOne() throws {
        let empty = try Samtale.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try Samtale.run(
            [
                "validate", "--lang", "en", empty.path, "broken/unknown-key.json", "/nonexistent",
                "semantic/duplicate-id.json",
            ], in: Samtale.fixtures)
        #expect(result.status == 66)
        #expect(
            result.stdout == #"broken/unknown-key.json: cards[0].colour: unknown key "colour""# + "\n"
                + #"semantic/duplicate-id.json: roles[1].id: duplicate id "medarbejder""# + "\n")
        #expect(
            result.stderr
                == "samtale: \(empty.path) holds no deck files (*.json)\n"
                + "samtale: cannot read /nonexistent: no such file or folder\n"
                + "2 files checked, 2 problems; 2 paths could not be checked\n")
        let folder = try Samtale.run(["validate", "broken", "/nonexistent"], in: Samtale.fixtures)
        #expect(folder.status == 66)
        #expect(folder.stdout.split(separator: "\n").count == 21, "\(folder.stdout)")
        #expect(folder.stderr.hasSuffix("19 filer tjekket, 21 fejl; 1 sti kunne ikke tjekkes\n"), "\(folder.stderr)")
    }

    @Test func missingPathsExit66() throws {
        let missing = try Samtale.run(["validate", "/nonexistent/deck.json"])
        #expect(missing.status == 66 && missing.stderr.contains("/nonexistent/deck.json"))
        let empty = try Samtale.temporaryFolder()
        #expect(try Samtale.run(["validate", empty.path]).status == 66)
        #expect(try Samtale.run(["prompt", "--dialogues", "/nonexistent"]).status == 66)
    }
}

@Suite struct UserDeckTests {
    /// A folder holding the valid fixture deck, under a chosen id.
    func folder(withDeckID id: String) throws -> URL {
        let folder = try Samtale.temporaryFolder()
        let text = try String(
            contentsOf: Samtale.fixtures.appendingPathComponent("valid/test-kort.json"), encoding: .utf8)
        try text.replacingOccurrences(of: "\"id\": \"test-kort\"", with: "\"id\": \"\(id)\"")
            .write(to: folder.appendingPathComponent("deck.json"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func aUserDeckIsAddedFromAFlagOrTheEnvironment() throws {
        let folder = try folder(withDeckID: "test-kort")
        let byFlag = try Samtale.run([
            "prompt", "--dialogues", folder.path, "--deck", "testkort", "--date", "2026-11-26",
        ])
        #expect(byFlag.status == 0 && !byFlag.stdout.isEmpty && byFlag.stderr.isEmpty)
        let byEnvironment = try Samtale.run(
            ["list", "decks"], environment: ["SAMTALE_DIALOGUES": "/nonexistent-is-fine-if-unused:" + folder.path])
        #expect(byEnvironment.status == 66)
        let listed = try Samtale.run(["list", "decks"], environment: ["SAMTALE_DIALOGUES": folder.path])
        #expect(listed.stdout.split(separator: "\n").count == 6)
    }

    @Test func aUserDeckWithABuiltInIdReplacesItWithANote() throws {
        let folder = try folder(withDeckID: "hjoerring-dialogkort")
        let result = try Samtale.run(["list", "decks", "--dialogues", folder.path, "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 5)
        #expect(result.stdout.contains("Testkort"))
        #expect(
            result.stderr.contains(
                #"note: deck "hjoerring-dialogkort" from \#(folder.path)/deck.json replaces the built-in one"#))
    }

    /// Two files of one run with the same deck id: at run time the later would replace the earlier unasked, so
    /// validate tells it as a problem of the later file; replacing a built-in deck stays allowed.
    @Test func twoFilesWithOneDeckIDAreAProblemOfTheLater() throws {
        let first = try folder(withDeckID: "test-kort")
        let second = try folder(withDeckID: "test-kort")
        let result = try Samtale.run(["validate", first.path, second.path, "--lang", "en"])
        #expect(result.status == 65)
        #expect(
            result.stdout == "\(second.path)/deck.json: id: deck \"test-kort\" is already defined in "
                + "\(first.path)/deck.json; give one of the decks another id\n")
        #expect(result.stderr.contains("2 files checked, 1 problem"), "\(result.stderr)")
        let builtin = try folder(withDeckID: "hjoerring-dialogkort")
        #expect(try Samtale.run(["validate", "--dialogues", builtin.path]).status == 0)
        // The same file named twice, as a folder and by itself, is no clash.
        let again = try Samtale.run(["validate", first.path, first.appendingPathComponent("deck.json").path])
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        // Configured folders are layered on purpose: a later one replaces an earlier one's deck, as at run time.
        let layered = try Samtale.run(["validate", "--dialogues", first.path, "--dialogues", second.path])
        #expect(layered.status == 0, "\(layered.stdout)\(layered.stderr)")
    }

    @Test func aBrokenUserDeckStopsCommandsWithExit65() throws {
        let folder = try Samtale.temporaryFolder()
        try FileManager.default.copyItem(
            at: Samtale.fixtures.appendingPathComponent("broken/unknown-key.json"),
            to: folder.appendingPathComponent("unknown-key.json"))
        let result = try Samtale.run(["prompt", "--dialogues", folder.path, "--lang", "en"])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(#"unknown-key.json: cards[0].colour: unknown key "colour""#))
    }
}

/// `samtale validate` and the JSON Schema in `Dialogues/` must agree: the schema is what editors check while someone
/// types, so a file an editor accepts must not fail in samtale for a structural reason, and the other way round.
@Suite(.enabled(if: JSONSchemaCheck.testsRun, Comment(rawValue: JSONSchemaCheck.missing)))
struct SchemaAgreementTests {
    /// Asks python3's jsonschema (draft 2020-12) about each file; duplicate keys are refused while parsing,
    /// as samtale does, since a schema cannot see them.
    func schemaVerdicts(_ files: [URL], schema: String = "deck.schema.json") throws -> [String: Bool] {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            def unique(pairs):
                keys = [k for k, _ in pairs]
                if len(keys) != len(set(keys)): raise ValueError("duplicate key")
                return dict(pairs)
            for path in sys.argv[2:]:
                try:
                    validator.validate(json.load(open(path, encoding="utf-8"), object_pairs_hook=unique))
                    print("valid", path)
                except Exception:
                    print("invalid", path)
            """
        let output = try JSONSchemaCheck.run(
            script,
            [Samtale.root.appendingPathComponent("Dialogues/\(schema)").path]
                + files.map(\.path))
        let text = String(decoding: output, as: UTF8.self)
        var verdicts: [String: Bool] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            verdicts[String(parts[1])] = parts[0] == "valid"
        }
        return verdicts
    }

    func files(_ folder: String) -> [URL] {
        fixtureNames(folder).map { Samtale.fixtures.appendingPathComponent(folder).appendingPathComponent($0) }
    }

    @Test func theBuiltInDecksPassTheSchemaAndValidate() throws {
        let dialogues = Samtale.root.appendingPathComponent("Dialogues")
        let decks = try FileManager.default.contentsOfDirectory(atPath: dialogues.path)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.map {
                dialogues.appendingPathComponent($0)
            }
        #expect(decks.count == 5)
        let verdicts = try schemaVerdicts(decks + files("valid"))
        #expect(verdicts.count == decks.count + 1)
        #expect(verdicts.values.allSatisfy { $0 }, "\(verdicts)")
        #expect(try Samtale.run(["validate"] + decks.map(\.path)).status == 0)
    }

    @Test func bothRejectEveryStructurallyBrokenFile() throws {
        let broken = files("broken")
        let verdicts = try schemaVerdicts(broken)
        #expect(verdicts.count == broken.count)
        for file in broken {
            #expect(verdicts[file.path] == false, "the schema accepts \(file.lastPathComponent)")
            #expect(
                try Samtale.run(["validate", file.path]).status == 65, "validate accepts \(file.lastPathComponent)")
        }
    }

    /// What a schema cannot express (references between ids, uniqueness, placeholders): the schema accepts these
    /// files and validate rejects them, which is why `samtale validate` is the final word.
    @Test func onlyValidateCatchesCrossReferences() throws {
        let semantic = files("semantic")
        let verdicts = try schemaVerdicts(semantic)
        for file in semantic {
            #expect(
                verdicts[file.path] == true, "\(file.lastPathComponent) is now caught by the schema: move it to broken/"
            )
            #expect(try Samtale.run(["validate", file.path]).status == 65)
        }
    }

    /// Every session record follows `Dialogues/session.schema.json`: the JSON export goldens, and what
    /// `sessions export --format json` prints for each file from before the record (`Tests/SamtaleCoreTests/Fixtures`).
    @Test func sessionRecordsAgreeWithTheirSchema() throws {
        let tests = Samtale.root.appendingPathComponent("Tests/SamtaleCoreTests")
        let goldens = try FileManager.default.contentsOfDirectory(atPath: tests.appendingPathComponent("Goldens").path)
            .filter { $0.hasSuffix(".json") }.map { tests.appendingPathComponent("Goldens/\($0)") }
        #expect(goldens.count == 7)
        let state = try Samtale.temporaryFolder()
        let sessions = state.appendingPathComponent("sessions")
        try FileManager.default.createDirectory(
            at: sessions, withIntermediateDirectories: false,
            attributes: [.posixPermissions: 0o700])
        let fixtures = tests.appendingPathComponent("Fixtures")
        var exports: [URL] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) where name.hasSuffix(".json") {
            let data = try Data(contentsOf: fixtures.appendingPathComponent(name))
            let id = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["id"] as? String)
            try data.write(to: sessions.appendingPathComponent("\(id).json"))
            let exported = try Samtale.run(
                ["sessions", "export", id, "--format", "json"],
                environment: ["SAMTALE_STATE_DIR": state.path])
            #expect(exported.status == 0, "\(name): \(exported.stderr)")
            let export = state.appendingPathComponent("export-\(name)")
            try Data(exported.stdout.utf8).write(to: export)
            exports.append(export)
            try FileManager.default.removeItem(at: sessions.appendingPathComponent("\(id).json"))
        }
        #expect(exports.count == 5)
        // A dialogue across levels that asks a question apart from the one it follows (a question with `follows`).
        let requests = state.appendingPathComponent("requests.jsonl")
        try Data(
            (#"{"type":"start","flow":"across-levels","role":["chef","direktør"],"theme":"sammen sikrer","#
                + #""session":"0000000000000000000000000c","id":1}"# + "\n").utf8
        ).write(to: requests)
        let served = try Samtale.run(
            ["serve", "--stdio"], environment: ["SAMTALE_STATE_DIR": state.path], standardInput: requests)
        #expect(served.stdout.contains(#""type":"ask""#), "\(served.stdout)")
        let follows = try Samtale.run(
            ["sessions", "export", "0000000000000000000000000c", "--format", "json"],
            environment: ["SAMTALE_STATE_DIR": state.path])
        #expect(follows.stdout.contains(#""follows":"#), "\(follows.stdout)")
        exports.append(state.appendingPathComponent("export-follows.json"))
        try Data(follows.stdout.utf8).write(to: exports[exports.count - 1])
        let verdicts = try schemaVerdicts(goldens + exports, schema: "session.schema.json")
        #expect(verdicts.count == goldens.count + exports.count && verdicts.values.allSatisfy { $0 }, "\(verdicts)")
        // A file from before the record is not one: the schema tells them apart.
        let before = try schemaVerdicts(
            [fixtures.appendingPathComponent("finished-self.json")],
            schema: "session.schema.json")
        #expect(before.values.allSatisfy { !$0 } && before.count == 1)
    }

    @Test func flowsAgreeWithTheirSchemaToo() throws {
        let flowsFolder = Samtale.root.appendingPathComponent("Dialogues/flows")
        let flows = try FileManager.default.contentsOfDirectory(atPath: flowsFolder.path)
            .filter { $0.hasSuffix(".json") }.map { flowsFolder.appendingPathComponent($0) }
        #expect(flows.count == 6)
        let builtin = try schemaVerdicts(flows, schema: "flow.schema.json")
        #expect(builtin.count == flows.count && builtin.values.allSatisfy { $0 }, "\(builtin)")
        let broken = files("flows/broken")
        let brokenVerdicts = try schemaVerdicts(broken, schema: "flow.schema.json")
        for file in broken {
            #expect(brokenVerdicts[file.path] == false, "the schema accepts \(file.lastPathComponent)")
            #expect(try Samtale.run(["validate", file.path]).status == 65)
        }
        let semantic = files("flows/semantic")
        let semanticVerdicts = try schemaVerdicts(semantic, schema: "flow.schema.json")
        for file in semantic {
            #expect(semanticVerdicts[file.path] == true, "\(file.lastPathComponent) is now caught by the schema")
            #expect(try Samtale.run(["validate", file.path]).status == 65)
        }
    }
}
