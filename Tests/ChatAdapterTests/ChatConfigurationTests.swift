import SamtaleCore
import Testing

@testable import ChatAdapter

/// `chat.json` decoded: the values an endpoint gets and the rules each field is held to.
@Suite struct ChatConfigurationTests {
    func decode(_ text: String) throws(DataIssues) -> ChatConfiguration {
        try ChatConfiguration.decode(Array(text.utf8))
    }

    /// The issue lines of a file that does not decode, in English.
    func problems(_ text: String) -> [String] {
        do {
            _ = try decode(text)
            return []
        } catch {
            return error.issues.map { $0.line(in: .en) }
        }
    }

    @Test func theIssuesExampleDecodesToItsEndpoints() throws {
        let configuration = try decode(
            """
            {"endpoints": [
              {"path": "/teams/ledergruppe", "platform": "teams", "secretEnv": "SAMTALE_TEAMS_SECRET",
               "flow": "team", "deck": "skanderborg", "role": "leder af medarbejder"},
              {"path": "/zulip", "platform": "zulip", "secretEnv": "SAMTALE_ZULIP_TOKEN", "flow": "one-to-one"}
            ]}
            """)
        #expect(configuration.inactiveDays == 30)
        #expect(
            configuration.endpoints == [
                ChatEndpoint(
                    path: "/teams/ledergruppe", platform: .teams, secrets: [.variable("SAMTALE_TEAMS_SECRET")],
                    flow: "team", deck: "skanderborg", roles: ["leder af medarbejder"], themes: [], participants: nil,
                    targetGroup: nil, language: nil, allowed: []),
                ChatEndpoint(
                    path: "/zulip", platform: .zulip, secrets: [.variable("SAMTALE_ZULIP_TOKEN")], flow: "one-to-one",
                    deck: nil, roles: [], themes: [], participants: nil, targetGroup: nil, language: nil, allowed: []),
            ])
    }

    @Test func listsAndCommaSeparatedParticipantsAreTakenAsTheProtocolTakesThem() throws {
        let configuration = try decode(
            """
            {"inactiveDays": 7, "endpoints": [
              {"path": "/mm", "platform": "mattermost", "secretEnv": ["NEW", "OLD"], "secretFile": "/run/secret",
               "role": ["medarbejder", "chef"], "theme": "sammen sikrer", "participants": " Ann, ,Bo ",
               "targetGroup": "bruger", "lang": "en",
               "allow": ["channel:fukxanjgjbnp7ng383at53k1sy", "user:29:1XJKJ"]}
            ]}
            """)
        let endpoint = try #require(configuration.endpoints.first)
        #expect(configuration.inactiveDays == 7)
        #expect(endpoint.secrets == [.variable("NEW"), .variable("OLD"), .file("/run/secret")])
        #expect(endpoint.roles == ["medarbejder", "chef"])
        #expect(endpoint.themes == ["sammen sikrer"])
        #expect(endpoint.participants == ["Ann", "Bo"])
        #expect(endpoint.targetGroup == (try TargetGroup(parsing: "bruger")))
        #expect(endpoint.language == .en)
        #expect(
            endpoint.allowed == [
                .init(kind: .channel, id: "fukxanjgjbnp7ng383at53k1sy"), .init(kind: .user, id: "29:1XJKJ"),
            ])
    }

    /// Platforms number users, channels and teams each on their own: an id that does not say which it is, or says
    /// it and gives no id, is refused rather than matched against all three.
    @Test func anAllowedIdSaysWhatItNames() {
        func problems(allowing ids: String) -> [String] {
            self.problems(#"{"endpoints": [{"path": "/z", "platform": "zulip", "secretEnv": "Z", "allow": \#(ids)}]}"#)
        }
        #expect(
            problems(allowing: #"["7", "team:T1", "Bruger:7"]"#) == [
                #"endpoints[0].allow: write "user:", "channel:" or "team:" before "7" to show whether the id belongs "#
                    + "to a user, a channel or a team",
                #"endpoints[0].allow: write "user:", "channel:" or "team:" before "Bruger:7" to show whether the id "#
                    + "belongs to a user, a channel or a team",
            ])
        #expect(
            problems(allowing: #"["user: 7"]"#) == [
                #"endpoints[0].allow: "user: 7" contains a space, and an id cannot"#
            ])
        #expect(
            problems(allowing: #"["user:"]"#) == [
                #"endpoints[0].allow: an id is missing after "user:", e.g. "user:7""#
            ])
        #expect(
            ChatConfigurationStrings.allowedWithoutKind("7").da
                == "skriv »user:«, »channel:« eller »team:« foran »7«, så det fremgår, om id'et hører til en bruger, "
                + "en kanal eller et team")
    }

    @Test func aParticipantNamedTwiceIsRefusedAsStartRefusesIt() {
        #expect(
            problems(
                #"{"endpoints": [{"path": "/z", "platform": "zulip", "secretEnv": "Z", "participants": ["Ann", "ann"]}]}"#
            ) == [
                #"endpoints[0].participants: "Ann" is named twice among the participants; name each participant "#
                    + #"once, and tell two people of the same name apart, such as "Ann B." and "Ann K.""#
            ])
    }

    @Test func aSecretWrittenInTheFileIsRefusedWithWhereItBelongs() {
        #expect(
            problems(#"{"endpoints": [{"path": "/z", "platform": "zulip", "secretEnv": "Z", "secret": "abc"}]}"#) == [
                "endpoints[0].secret: the secret may not be written in chat.json; put it in an environment variable "
                    + "(secretEnv) or in a file only its owner can read (secretFile)"
            ])
    }

    @Test func anEndpointNeedsASecretFromTheEnvironmentOrAnAbsoluteFile() {
        #expect(
            problems(#"{"endpoints": [{"path": "/z", "platform": "zulip"}]}"#) == [
                "endpoints[0]: the endpoint has no secret; name the environment variable in secretEnv or the file in "
                    + "secretFile"
            ])
        #expect(
            problems(#"{"endpoints": [{"path": "/z", "platform": "zulip", "secretFile": ["/a", "b"]}]}"#) == [
                "endpoints[0].secretFile: write the whole path of the secret file, from /, such as "
                    + "/etc/samtale/teams-secret"
            ])
        #expect(
            problems(#"{"endpoints": [{"path": "/z", "platform": "zulip", "secretEnv": []}]}"#) == [
                "endpoints[0].secretEnv: empty list"
            ])
    }

    /// A secret pasted where its variable's name belongs is refused without being repeated.
    @Test func aSecretInPlaceOfAVariableNameIsRefusedAndNotRepeated() {
        let secret = "q2Xb+9kD0vLr3mZ8tY1wPe6sHa4uJc7nFg5iKo0RbVE="
        let lines = problems(#"{"endpoints": [{"path": "/t", "platform": "teams", "secretEnv": "\#(secret)"}]}"#)
        #expect(
            lines == [
                "endpoints[0].secretEnv: write the name of the environment variable that holds the secret (the "
                    + "letters a-z and A-Z, digits and _, not a digit first, such as SAMTALE_TEAMS_SECRET), not the "
                    + "secret itself"
            ])
        #expect(ChatConfiguration.isVariableName("SAMTALE_TEAMS_SECRET"))
        #expect(ChatConfiguration.isVariableName("_token2"))
        #expect(!ChatConfiguration.isVariableName("2TOKEN"))
        #expect(!ChatConfiguration.isVariableName("MY-TOKEN"))
        #expect(!ChatConfiguration.isVariableName(""))
    }

    @Test(arguments: ["/", "/teams/ledergruppe", "/Team_1.a~b-c"]) func aPathAsAURLCarriesItIsTaken(path: String) {
        #expect(ChatConfiguration.isValidPath(path))
    }

    @Test(arguments: ["", "teams", "/teams?x=1", "/a b", "/æble", "/a#b", "/%2e"])
    func aPathThatIsNotOneIsRefused(path: String) {
        #expect(!ChatConfiguration.isValidPath(path))
    }

    @Test func pathsAreUniqueAndPlatformsKnown() {
        #expect(
            problems(
                """
                {"endpoints": [
                  {"path": "/z", "platform": "zulip", "secretEnv": "A"},
                  {"path": "/z", "platform": "discord", "secretEnv": "B"},
                  {"path": "/z", "platform": "slack", "secretEnv": "C"}
                ]}
                """) == [
                    #"endpoints[1].platform: "discord" is not one of: teams, slack, mattermost, zulip, rocketchat"#,
                    #"endpoints[2].path: duplicate id "/z""#,
                ])
    }

    @Test func inactiveDaysIsAWholeNumberOfDaysUpToTenYears() {
        let endpoints = #""endpoints": [{"path": "/z", "platform": "zulip", "secretEnv": "Z"}]"#
        #expect(problems("{\"inactiveDays\": 3650, \(endpoints)}").isEmpty)
        #expect(problems("{\"inactiveDays\": 0, \(endpoints)}").count == 1)
        #expect(problems("{\"inactiveDays\": 3651, \(endpoints)}").count == 1)
        #expect(problems("{\"inactiveDays\": 1.5, \(endpoints)}").count == 1)
    }

    @Test func anUnknownKeyAndAnUnknownLanguageAreNamedByTheirPaths() {
        #expect(
            problems(
                #"{"endpoints": [{"path": "/z", "platform": "zulip", "secretEnv": "Z", "lang": "sv", "channel": "x"}]}"#
            ) == [
                #"endpoints[0].channel: unknown key "channel""#,
                #"endpoints[0].lang: "sv" is not one of: da, en"#,
            ])
    }
}

/// The secrets of an endpoint, from an environment and files the test makes up.
@Suite struct ChatSecretTests {
    let endpoint = ChatEndpoint(
        path: "/teams", platform: .teams, secrets: [.variable("NEW"), .file("/run/old")], flow: nil, deck: nil,
        roles: [], themes: [], participants: nil, targetGroup: nil, language: nil, allowed: [])

    func secrets(
        _ environment: [String: String], _ files: [String: SecretFile]
    ) throws(ChatSecretError) -> [String] {
        try endpoint.secretValues(
            environment: { environment[$0] },
            readFile: { files[$0] ?? .unreadable(reason: Localized(da: "findes ikke", en: "does not exist")) })
    }

    @Test func everySecretComesInTheOrderNamedWithoutTheNewlineAroundIt() throws {
        let values = try secrets(
            ["NEW": " nyt\n"], ["/run/old": .contents(Array("gammelt\n".utf8), readableByOthers: false)])
        #expect(values == ["nyt", "gammelt"])
    }

    @Test func aVariableNotSetOrEmptyNamesTheEndpointAndTheVariable() {
        let file: [String: SecretFile] = ["/run/old": .contents(Array("x".utf8), readableByOthers: false)]
        #expect(throws: ChatSecretError.unsetVariable(endpoint: "/teams", name: "NEW")) { try secrets([:], file) }
        #expect(throws: ChatSecretError.empty(endpoint: "/teams", source: .variable("NEW"))) {
            try secrets(["NEW": " \n"], file)
        }
        #expect(
            ChatSecretError.unsetVariable(endpoint: "/teams", name: "NEW").message
                == Localized(
                    da: "endepunktet /teams: miljøvariablen NEW er ikke sat; sæt den til hemmeligheden fra "
                        + "chatplatformen",
                    en: "endpoint /teams: the environment variable NEW is not set; set it to the secret from the chat "
                        + "platform"))
    }

    @Test func aFileOthersMayReadIsRefusedEvenWithTheSecretInIt() {
        #expect(throws: ChatSecretError.fileReadableByOthers(endpoint: "/teams", file: "/run/old")) {
            try secrets(["NEW": "nyt"], ["/run/old": .contents(Array("gammelt".utf8), readableByOthers: true)])
        }
    }

    @Test func anEmptyOrUnreadableFileIsToldWithItsReason() {
        #expect(throws: ChatSecretError.empty(endpoint: "/teams", source: .file("/run/old"))) {
            try secrets(["NEW": "nyt"], ["/run/old": .contents([], readableByOthers: false)])
        }
        let reason = Localized(da: "findes ikke", en: "does not exist")
        #expect(throws: ChatSecretError.unreadableFile(endpoint: "/teams", file: "/run/old", reason: reason)) {
            try secrets(["NEW": "nyt"], [:])
        }
        #expect(
            ChatSecretError.unreadableFile(endpoint: "/teams", file: "/run/old", reason: reason).message.en
                == "endpoint /teams: cannot read the secret in /run/old: does not exist")
    }
}
