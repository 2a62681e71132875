import Foundation
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

    /// A typo is read otherwise wherever it stands, and the deck in JSON gives the source's words again.
    @Test func aCorrectionIsReadInEveryTextAndUndoneInTheDeckFile() throws {
        let corrected = validDeck.replacingOccurrences(
            of: #""source": "test.txt","#,
            with: #""source": "test.txt", "corrections": [{"original": "Glemmer at", "reading": "Glemmer ofte at"}],"#)
        let deck = try DeckDecoder.decode(Array(corrected.utf8))
        #expect(deck.cards[1].pitfalls == ["Glemmer ofte at lytte"])
        #expect(
            deck.questions(on: deck.cards[1], for: .group).map(\.text).last
                == "Hvordan undgår vi »Glemmer ofte at lytte«?")
        #expect(deck.original("Glemmer ofte at lytte") == "Glemmer at lytte")
        let file = JSONWriter.string(.object(deck.jsonValue(cards: deck.cards)), style: .compact)
        #expect(file.contains(#""pitfalls":["Glemmer at lytte"]"#) && !file.contains("ofte at lytte\"]"))
        #expect(file.contains(#""corrections":[{"original":"Glemmer at","reading":"Glemmer ofte at"}]"#))
    }

    /// samtale's own questions are its words, not the source's: they may use the reading, and keep it in the file.
    @Test func samtalesOwnWordsAreNeitherCorrectedNorUndone() throws {
        let json = validDeck.replacingOccurrences(
            of: #""source": "test.txt","#,
            with: #""source": "test.txt", "corrections": [{"original": "Glemmer at", "reading": "Glemmer ofte at"}],"#
        ).replacingOccurrences(of: "Hvordan undgår vi", with: "Glemmer ofte at lytte? Hvordan undgår vi")
        let deck = try DeckDecoder.decode(Array(json.utf8))
        #expect(deck.templates?.pitfall.group == ["Glemmer ofte at lytte? Hvordan undgår vi »{pitfall}«?"])
        let file = JSONWriter.string(.object(deck.jsonValue(cards: deck.cards)), style: .compact)
        #expect(file.contains("Glemmer ofte at lytte? Hvordan"))
    }

    @Test(arguments: [
        (
            "tryk og tillid", "tryg og tillid",
            ["corrections[0].original: \"tryk og tillid\" is not in the deck's texts"]
        ),
        ("Jeg leder.", "Jeg lytter.", ["corrections[0].reading: \"Jeg lytter.\" is already in the deck's texts"]),
    ])
    func aCorrectionMustFitTheSourceAndOnlyWhereItHasTheTypo(original: String, reading: String, expected: [String]) {
        let json = validDeck.replacingOccurrences(
            of: #""source": "test.txt","#,
            with: #""source": "test.txt", "corrections": [{"original": "\#(original)", "reading": "\#(reading)"}],"#)
        #expect(lines(json).map { String($0.prefix(while: { $0 != ";" })) } == expected)
    }

    /// The words that differ are marked with the source's, and where words were only added or dropped, one word on
    /// each side shows where.
    @Test(arguments: [
        ("en tryk og tillid", "en tryg og tillid", "en tryg [kilden: tryk] og tillid"),
        (
            "Bidrager til koordinere", "Bidrager til at koordinere",
            "Bidrager til at koordinere [kilden: til koordinere]"
        ),
        ("skaber du til en kultur", "skaber du en kultur", "skaber du en [kilden: du til en] kultur"),
        ("samarbejds muligheder", "samarbejdsmuligheder", "samarbejdsmuligheder [kilden: samarbejds muligheder]"),
        ("ledessprog", "ledelsessprog", "ledelsessprog [kilden: ledessprog]"),
    ])
    func aCorrectionIsMarkedByTheWordsThatDiffer(original: String, reading: String, marked: String) {
        #expect(Correction(original: original, reading: reading).marked { "[kilden: \($0)]" } == marked)
    }

    @Test func aListStandsBetweenParagraphsInTheirOrder() throws {
        let json = validDeck.replacingOccurrences(
            of: #""source": "test.txt","#,
            with:
                #""source": "test.txt", "sections": [{"kind": "foreword", "title": "Forord", "titleOrigin": "samtale", "#
                + #""paragraphs": ["Tre former:", "Alle lige vigtige."], "lists": [{"after": 1, "items": ["A", "B"]}], "#
                + #""items": ["C"]}],"#)
        let section = try #require(try DeckDecoder.decode(Array(json.utf8)).sections.first)
        #expect(section.titleOrigin == .samtale)
        #expect(
            section.blocks == [
                .paragraph("Tre former:"), .list(["A", "B"]), .paragraph("Alle lige vigtige."), .list(["C"]),
            ])
        #expect(
            lines(json.replacingOccurrences(of: #""after": 1"#, with: #""after": 2"#)) == [
                #"sections[0].lists[0].after: "after" is 2, but a list must stand between two of the 2 "paragraphs"; "#
                    + #"a list after the last one goes in "items""#
            ])
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
                #"cards[1]: the card yields no question for the group; add "questions", "written" or templates under "#
                    + #""templates""#
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
                == #"needsContext: »Hvad?« er ikke et af kortets egne spørgsmål til den enkelte; skriv det ord for ord, "#
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
