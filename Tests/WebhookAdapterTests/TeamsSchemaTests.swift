import Foundation
import SamtaleCore
import TestSupport
import Testing

@testable import WebhookAdapter

/// Every Teams card samtale can post, checked against the Adaptive Card 1.5 schema by python3's `jsonschema` (the
/// schema is copied into `Schemas/` so that a clean clone has it).
@Suite(.enabled(if: JSONSchemaCheck.testsRun, Comment(rawValue: JSONSchemaCheck.missing)))
struct TeamsSchemaTests {
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Schemas/adaptive-card-1.5.json")

    /// Reads the schema from the file named first and a JSON array of cards from the second, and prints, for each
    /// card, the list of its errors.
    static let validator = """
        import json, sys, jsonschema
        with open(sys.argv[1]) as file:
            schema = json.load(file)
        validator = jsonschema.validators.validator_for(schema)(schema)
        with open(sys.argv[2]) as file:
            cards = json.load(file)
        print(json.dumps([[error.message[:300] for error in validator.iter_errors(card)] for card in cards]))
        """

    /// The schema's errors for each card, in order.
    static func errors(_ cards: [JSONValue]) throws -> [[String]] {
        try TemporaryFolders.with { folder in
            let input = folder.appendingPathComponent("cards.json")
            try Data(JSONWriter.bytes(.array(cards))).write(to: input)
            let data = try JSONSchemaCheck.run(validator, [schema.path, input.path])
            return try JSONDecoder().decode([[String]].self, from: data)
        }
    }

    /// The card of a Teams payload, whole: it must validate as it is sent.
    static func card(_ message: WebhookMessage) -> JSONValue {
        let payload = message.payload(for: .teams)
        guard let card = Samples.value(payload, at: "attachments[0].content"), case .object = card else {
            Issue.record("no card in \(JSONWriter.string(payload))")
            return .null
        }
        return card
    }

    /// The prompt of every role × theme of every built-in deck that has questions and one that cannot stand alone, the
    /// text and summary messages, hostile and over-long text, in both languages.
    static func messages() throws -> [WebhookMessage] {
        var prompts: [Prompt] = []
        for deck in Samples.catalog.decks {
            for role in deck.roles {
                for theme in deck.themes {
                    if let prompt = try Samples.prompt(deck: deck.id, role: role.id, theme: theme.id) {
                        prompts.append(prompt)
                    }
                }
            }
        }
        #expect(Set(prompts.map(\.deck.id)) == Set(Samples.catalog.decks.map(\.id)))
        prompts.append(try Samples.promptWithContext())
        let sessions = [try Samples.finishedSession(Samples.oneToOne), try Samples.finishedSession(Samples.seesaw)]
        return Language.allCases.flatMap { language in
            prompts.map { WebhookMessage(prompt: $0, language: language) }
                + sessions.map { WebhookMessage(summaryOf: $0, language: language) }
                + [
                    WebhookMessage(text: "Husk mødet kl. 10\n- *i dag*", language: language),
                    WebhookMessage(text: PayloadTests.longText, language: language),
                    WebhookMessage(
                        title: PayloadTests.hostile, body: PayloadTests.hostile, context: PayloadTests.hostile,
                        footer: PayloadTests.hostile, generic: .null, language: language),
                ]
        }
    }

    @Test func everyCardSamtaleCanPostIsValid() throws {
        let messages = try Self.messages()
        let errors = try Self.errors(messages.map(Self.card))
        try #require(errors.count == messages.count)
        for (message, problems) in zip(messages, errors) {
            #expect(problems.isEmpty, "\(message.title.prefix(60)) / \(message.body.prefix(60)): \(problems)")
        }
    }

    @Test func theValidatorRejectsABrokenCard() throws {
        // A TextBlock without its text, in a weight that does not exist.
        let broken = JSONValue.object([
            JSONMember("type", .string("AdaptiveCard")),
            JSONMember("version", .string("1.4")),
            JSONMember(
                "body",
                .array([
                    .object([
                        JSONMember("type", .string("TextBlock")),
                        JSONMember("weight", .string("Heavy")),
                    ])
                ])),
        ])
        #expect(try Self.errors([broken]).first?.isEmpty == false)
    }
}
