import Foundation
import TestSupport
import Testing

/// The chat configurations of `Tests/ChatAdapterTests/Fixtures/config`.
private let chatFixtures = Samtale.root.appendingPathComponent("Tests/ChatAdapterTests/Fixtures/config")

private func chatFixtures(_ folder: String) -> [URL] {
    let url = chatFixtures.appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted().map { url.appendingPathComponent($0) }
}

/// `samtale validate` on `chat.json`: its rules, its names, and the secrets it can only warn about.
@Suite struct ChatValidateTests {
    /// Every variable the valid fixtures name, set, so that nothing is left to warn about.
    let secrets = [
        "SAMTALE_TEAMS_SECRET": "a", "SAMTALE_ZULIP_TOKEN": "b", "SAMTALE_MATTERMOST_TOKEN": "c",
        "SAMTALE_MATTERMOST_TOKEN_OLD": "d", "SAMTALE_ROCKETCHAT_TOKEN": "e",
    ]

    @Test func theIssuesExampleIsValidAndQuietWithItsVariablesSet() throws {
        let file = chatFixtures.appendingPathComponent("valid/issue-example.chat.json")
        let result = try Samtale.run(["validate", file.path], environment: secrets)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "1 fil tjekket, 0 fejl\n")
    }

    /// `validate` may run where the server does not (an editor, CI): a secret it cannot find is a warning on stderr.
    @Test func aSecretThisMachineCannotGiveIsAWarningNotAProblem() throws {
        let file = chatFixtures.appendingPathComponent("valid/every-field.chat.json")
        let result = try Samtale.run(["validate", "every-field.chat.json"], in: file.deletingLastPathComponent())
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.hasPrefix(
                "every-field.chat.json: endpoints[0].secretEnv: endepunktet /mattermost/team-nord: miljøvariablen "
                    + "SAMTALE_MATTERMOST_TOKEN er ikke sat; sæt den til hemmeligheden fra chatplatformen\n"))
        #expect(
            result.stderr.contains(
                "every-field.chat.json: endpoints[1].secretFile: endepunktet /slack: kan ikke læse hemmeligheden i "
                    + "/run/credentials/samtale.service/slack: "))
        #expect(result.stderr.hasSuffix("1 fil tjekket, 0 fejl\n"))
    }

    @Test func aSecretFileMustBeTheOwnersAloneAndHoldTheSecret() throws {
        let folder = try Samtale.temporaryFolder()
        let secret = folder.appendingPathComponent("teams-secret")
        let chat = folder.appendingPathComponent("chat.json")
        try Data(#"{"endpoints": [{"path": "/t", "platform": "teams", "secretFile": "\#(secret.path)"}]}"#.utf8)
            .write(to: chat)
        func warnings(_ contents: String, mode: Int) throws -> String {
            try Data(contents.utf8).write(to: secret)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: secret.path)
            let result = try Samtale.run(["validate", chat.path, "--lang", "en"])
            #expect(result.status == 0)
            return result.stderr
        }
        #expect(try warnings("secret\n", mode: 0o600) == "1 file checked, 0 problems\n")
        #expect(
            try warnings("secret\n", mode: 0o640)
                == "\(chat.path): endpoints[0].secretFile: endpoint /t: others than its owner can read the secret in "
                + "\(secret.path); make the file private with chmod 600 \(secret.path)\n1 file checked, 0 problems\n")
        #expect(
            try warnings("\n", mode: 0o600)
                == "\(chat.path): endpoints[0].secretFile: endpoint /t: the file \(secret.path) is empty; write the "
                + "secret from the chat platform in it\n1 file checked, 0 problems\n")
    }

    @Test(arguments: chatFixtures("broken") + chatFixtures("semantic"))
    func eachBrokenChatConfigurationGivesItsLinesAndExit65(file: URL) throws {
        let expected = try String(
            contentsOf: file.deletingPathExtension().appendingPathExtension("expected"), encoding: .utf8)
        let result = try Samtale.run(
            ["validate", file.lastPathComponent, "--lang", "en"], in: file.deletingLastPathComponent())
        #expect(result.status == 65)
        #expect(result.stdout == expected)
    }

    /// A flow of the user's own, in the `flows` folder of a configured folder or named in the same run, is one an
    /// endpoint may name.
    @Test func anEndpointMayNameAConfiguredFlow() throws {
        let folder = try Samtale.temporaryFolder()
        let flows = folder.appendingPathComponent("flows")
        try FileManager.default.createDirectory(at: flows, withIntermediateDirectories: true)
        let energizer = try String(
            contentsOf: Samtale.root.appendingPathComponent("Dialogues/flows/energizer.json"), encoding: .utf8)
        let flow = flows.appendingPathComponent("kort-runde.json")
        try energizer.replacingOccurrences(of: #""id": "energizer""#, with: #""id": "kort-runde""#)
            .write(to: flow, atomically: true, encoding: .utf8)
        let chat = folder.appendingPathComponent("chat.json")
        try Data(
            #"{"endpoints": [{"path": "/z", "platform": "zulip", "secretEnv": "Z", "flow": "kort-runde"}]}"#.utf8
        ).write(to: chat)
        let unknown = try Samtale.run(["validate", chat.path, "--lang", "en"], environment: ["Z": "z"])
        #expect(unknown.status == 65)
        #expect(unknown.stdout.hasPrefix(#"\#(chat.path): endpoints[0].flow: unknown flow "kort-runde"; "#))
        let configured = try Samtale.run(["validate", chat.path, "--dialogues", folder.path], environment: ["Z": "z"])
        #expect(configured.status == 0, "\(configured.stdout)")
        let named = try Samtale.run(["validate", chat.path, flow.path], environment: ["Z": "z"])
        #expect(named.status == 0, "\(named.stdout)")
    }

    /// A broken flow of the user's is told by its own lines, and the names of the chat configuration are still
    /// checked.
    @Test func aBrokenConfiguredFlowHidesNoNameProblem() throws {
        let folder = try Samtale.temporaryFolder()
        let flows = folder.appendingPathComponent("flows")
        try FileManager.default.createDirectory(at: flows, withIntermediateDirectories: true)
        try Data(#"{"id": "halv", "steps": 3}"#.utf8).write(to: flows.appendingPathComponent("halv.json"))
        let chat = folder.appendingPathComponent("chat.json")
        try Data(#"{"endpoints": [{"path": "/z", "platform": "zulip", "secretEnv": "Z", "deck": "aarhus"}]}"#.utf8)
            .write(to: chat)
        let result = try Samtale.run(
            ["validate", chat.path, "--dialogues", folder.path, "--lang", "en"], environment: ["Z": "z"])
        #expect(result.status == 65)
        #expect(result.stdout.contains(#"\#(chat.path): endpoints[0].deck: unknown deck "aarhus"; "#))
    }

    /// Found as `samtale post` finds `targets.json`: in `$XDG_CONFIG_HOME/samtale`, or named with `--config`.
    @Test func theChatConfigurationIsFoundWhereTheTargetsFileIs() throws {
        let config = try Samtale.temporaryFolder()
        let folder = config.appendingPathComponent("samtale")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: chatFixtures.appendingPathComponent("semantic/duplicate-path.chat.json"),
            to: folder.appendingPathComponent("chat.json"))
        let found = try Samtale.run(["validate", "--lang", "en"], environment: ["XDG_CONFIG_HOME": config.path])
        #expect(found.status == 65)
        #expect(found.stdout == "\(folder.path)/chat.json: endpoints[1].path: duplicate id \"/zulip\"\n")
        let named = try Samtale.run(
            ["validate", "--config", chatFixtures.appendingPathComponent("valid/issue-example.chat.json").path],
            environment: ["XDG_CONFIG_HOME": config.path].merging(secrets) { $1 })
        #expect(named.status == 0, "\(named.stdout)")
    }
}

extension SchemaAgreementTests {
    /// `Dialogues/chat.schema.json` and `validate` agree on every chat fixture; names and unique paths are
    /// `validate`'s alone.
    @Test func chatConfigurationsAgreeWithTheirSchema() throws {
        let valid = chatFixtures("valid")
        let broken = chatFixtures("broken")
        let semantic = chatFixtures("semantic")
        let verdicts = try schemaVerdicts(valid + broken + semantic, schema: "chat.schema.json")
        #expect(verdicts.count == valid.count + broken.count + semantic.count)
        for file in valid + semantic {
            #expect(verdicts[file.path] == true, "the schema refuses \(file.lastPathComponent)")
        }
        for file in broken {
            #expect(verdicts[file.path] == false, "the schema accepts \(file.lastPathComponent)")
        }
    }
}
