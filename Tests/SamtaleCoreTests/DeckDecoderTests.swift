import Testing

@testable import SamtaleCore

/// A small valid deck that each test breaks in one way.
private let validDeck = """
    {
      "$schema": "./deck.schema.json",
      "format": 1,
      "id": "test",
      "title": "Test",
      "organisation": "Testkommune",
      "source": "test.txt",
      "roles": [{"id": "medarbejder", "name": "Medarbejder", "level": 1}, {"id": "leder", "name": "Leder", "level": 2}],
      "themes": [{"id": "form", "name": "Form"}, {"id": "del", "name": "Del", "parent": "form"}],
      "cards": [
        {"role": "medarbejder", "theme": "del", "statements": ["Jeg hjælper."], "questions": {"individual": ["Hvordan?"], "group": ["Hvad?"]}},
        {"role": "leder", "theme": "del", "statements": ["Jeg leder.", "Jeg lytter."], "pitfalls": ["Glemmer at lytte"]}
      ],
      "templates": {
        "origin": "samtale",
        "card": {"individual": ["Hvad betyder {theme} for dig som {role}?"]},
        "statement": {"individual": ["»{statement}« – hvor ser du det?"], "group": ["»{statement}« – og os?"]},
        "pitfall": {"group": ["Hvordan undgår vi »{pitfall}«?"]}
      }
    }
    """

private func lines(_ json: String) -> [String] {
    do {
        _ = try DeckDecoder.decode(Array(json.utf8))
        return []
    } catch {
        return error.issues.map { $0.line(in: .en) }
    }
}

@Suite struct DeckDecoderTests {
    @Test func decodesAValidDeck() throws {
        let deck = try DeckDecoder.decode(Array(validDeck.utf8))
        #expect(deck.roles.map(\.level) == [1, 2])
        #expect(deck.themeIDs(within: deck.themes[0]) == ["form", "del"])
        #expect(deck.cards[1].pitfalls == ["Glemmer at lytte"])
    }

    @Test(arguments: [
        (#""level": 2}"#, #""level": 2, "colour": "red"}"#, [#"roles[1].colour: unknown key "colour""#]),
        (#""title": "Test","#, "", [#"$: missing key "title""#]),
        (#""level": 2"#, #""level": "2""#, ["roles[1].level: expected an integer, found a string"]),
        (#""group": ["Hvad?"]"#, #""group": ["Hvad?", " "]"#, ["cards[0].questions.group[1]: empty text"]),
        (
            #""theme": "del", "statements": ["Jeg leder."#, #""theme": "dele", "statements": ["Jeg leder."#,
            [#"cards[1].theme: unknown theme "dele""#]
        ),
        (#""role": "leder", "theme""#, #""role": "chef", "theme""#, [#"cards[1].role: unknown role "chef""#]),
        (
            #""id": "leder""#, #""id": "medarbejder""#,
            [#"roles[1].id: duplicate id "medarbejder""#, #"cards[1].role: unknown role "leder""#]
        ),
        (#""parent": "form""#, #""parent": "del""#, [#"themes[1].parent: unknown parent theme "del""#]),
        (
            #"{statement}« – og os?"#, #"{udsagn}« – og os?"#,
            ["templates.statement.group[0]: unknown placeholder {udsagn}; usable here: {role}, {theme}, {statement}"]
        ),
        (#""format": 1"#, #""format": 2"#, ["format: format 2 is not supported; this version reads format 1"]),
        (
            #""id": "test""#, #""id": "Test""#,
            [#"id: invalid id "Test"; use lower-case a-z, digits and hyphens (æ→ae, ø→oe, å→aa)"#]
        ),
    ])
    func reportsEachProblemWithItsPath(original: String, replacement: String, expected: [String]) {
        #expect(validDeck.contains(original))
        #expect(lines(validDeck.replacing(original, with: replacement)) == expected)
    }

    @Test func reportsACardWithoutQuestionsForAnAudience() {
        let broken = validDeck.replacing(
            #""pitfall": {"group": ["Hvordan undgår vi »{pitfall}«?"]}"#, with: #""pitfall": {}"#
        )
        .replacing(
            #""statement": {"individual": ["»{statement}« – hvor ser du det?"], "group": ["»{statement}« – og os?"]},"#,
            with: "")
        #expect(
            lines(broken) == [
                #"cards[1]: the card yields no question for the group; add "questions" or templates under "templates""#
            ])
    }

    /// `needsContext` names questions of its card word for word, for the audience they are asked.
    @Test func reportsAQuestionNeedingContextThatTheCardDoesNotAsk() throws {
        let original = #""questions": {"individual": ["Hvordan?"], "group": ["Hvad?"]}}"#
        let named = { (needsContext: String) in
            validDeck.replacing(original, with: original.dropLast() + #", "needsContext": \#(needsContext)}"#)
        }
        let deck = try DeckDecoder.decode(Array(named(#"{"group": ["Hvad?"]}"#).utf8))
        #expect(deck.cards[0].needsContext == PerAudience(individual: [], group: ["Hvad?"]))
        let broken = named(#"{"individual": ["Hvad?", "Hvordan?", "hvordan?"]}"#)
        #expect(
            lines(broken) == [
                #"cards[0].needsContext.individual[0]: "Hvad?" is not one of the card's own questions for the "#
                    + #"individual; write it word for word as it stands under "questions""#,
                #"cards[0].needsContext.individual[2]: "hvordan?" is not one of the card's own questions for the "#
                    + #"individual; write it word for word as it stands under "questions""#,
            ])
        let issue = DataIssue(.notAQuestionOfTheCard("Hvad?", .individual), at: JSONPath.root.appending("needsContext"))
        #expect(
            issue.line(in: .da)
                == #"needsContext: "Hvad?" er ikke et af kortets egne spørgsmål til den enkelte; skriv det ord for ord, "#
                + #"som det står under "questions""#)
    }

    @Test func reportsEveryProblemOfAFileAtOnce() {
        let broken = validDeck.replacing(#""title": "Test","#, with: #""title": "", "colour": 1,"#)
            .replacing(#""level": 1"#, with: #""level": -1"#)
        #expect(
            lines(broken) == [
                #"colour: unknown key "colour""#,
                "title: empty text",
                "roles[0].level: level -1 is negative; 0 is shared, 1 is the employee",
            ])
    }

    @Test func reportsSyntaxErrorsWithLineAndColumn() {
        #expect(lines("{\n  \"format\": 1,\n  \"id\" \"x\"\n}") == [#"3:8: unexpected character '"'"#])
    }

    @Test func speaksDanishToo() throws {
        let issue = DataIssue(
            .emptyText,
            at: JSONPath.root.appending("cards").appending(12).appending("questions")
                .appending("group").appending(2))
        #expect(issue.line(in: .da) == "cards[12].questions.group[2]: tom tekst")
        #expect(issue.line(in: .en) == "cards[12].questions.group[2]: empty text")
    }
}
