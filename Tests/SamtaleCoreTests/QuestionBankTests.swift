import Foundation
import SamtaleDecks
import Testing

@testable import SamtaleCore

/// What makes a question readable on its own in a chat message, checked for every question samtale can ask.
enum QuestionWording {
    static let maximumLength = GenericFrames.maximumQuestionLength

    /// The texts inside »…« in a question.
    static func quotes(in text: String) -> [String] {
        text.split(separator: "»", omittingEmptySubsequences: false).dropFirst().compactMap { part in
            part.firstIndex(of: "«").map { String(part[..<$0]) }
        }
    }

    /// Every rule the question breaks, as a readable line; none for a good question.
    static func problems(in text: String, audience: Audience) -> [String] {
        var problems: [String] = []
        if text.count > maximumLength { problems.append("\(text.count) characters") }
        if let stop = text.range(of: ".«"), stop.upperBound != text.endIndex {
            problems.append("a sentence ends inside a quote in mid-sentence")
        }
        if text.replacingOccurrences(of: "...", with: "…").range(
            of: #"[.?!,;:]\s*[.?!,;:]"#, options: .regularExpression) != nil
        {
            problems.append("doubled punctuation")
        }
        // The frame speaks as "vi", not a quote inside it.
        let frame = text.replacingOccurrences(of: "»[^«]*«", with: "", options: .regularExpression)
        let speaksAsWe = frame.range(of: #"\b(vi|os|vores)\b"#, options: [.regularExpression, .caseInsensitive]) != nil
        for quote in quotes(in: text) {
            if GenericFrames.hasSentenceBoundary(Substring(quote)) {
                problems.append("a quote of more than a sentence")
            }
            if speaksAsWe && audience == .group && GenericFrames.speaksInFirstPerson(quote) {
                problems.append("a first-person quote in a vi question")
            }
        }
        if quotes(in: text).count != text.components(separatedBy: "«").count - 1 { problems.append("unbalanced »«") }
        return problems
    }
}

@Suite struct QuestionBankTests {
    /// Every card and audience that a pool or a flow can draw on, with its questions.
    static let everyCard: [(deck: Deck, card: Card, audience: Audience)] = builtinDecks.flatMap { deck in
        deck.cards.flatMap { card in Audience.allCases.map { (deck, card, $0) } }
    }

    @Test(arguments: builtinDecks)
    func everyCardHasQuestionsOfItsOwnOrWrittenForIt(deck: Deck) {
        #expect(deck.templates == nil, "a built-in deck asks no templated questions")
        for card in deck.cards {
            for audience in Audience.allCases where card.questions[audience].isEmpty {
                let needed = audience == .individual ? 3 : 2
                #expect(
                    card.written[audience].count >= needed,
                    "\(deck.id) \(card.role)/\(card.theme) \(audience): \(card.written[audience].count) written")
            }
        }
    }

    @Test(arguments: builtinDecks)
    func everyQuestionReadsOnItsOwn(deck: Deck) {
        for card in deck.cards {
            for audience in Audience.allCases {
                for question in deck.questions(on: card, for: audience) {
                    let problems = QuestionWording.problems(in: question.text, audience: audience)
                    #expect(problems.isEmpty, "\(card.role)/\(card.theme): \(question.text) — \(problems)")
                    #expect(question.text.hasSuffix("?"), "\(question.text)")
                }
            }
        }
    }

    /// A written question quotes its own card word for word (or its theme, role or the group's shared task), never
    /// a text the card does not hold, and never a statement's final full stop.
    @Test(arguments: builtinDecks)
    func writtenQuestionsQuoteOnlyTheirCard(deck: Deck) {
        var seen: [String: String] = [:]
        for card in deck.cards {
            let role = deck.role(id: card.role)
            let sources =
                (card.statements + card.quotes + card.pitfalls + [card.heading ?? ""]
                + [deck.theme(id: card.theme)?.name ?? "", role?.name ?? "", role?.group?.name ?? ""]
                + (role?.group?.tasks ?? [])).map { $0.lowercased() }
            for audience in Audience.allCases {
                for text in card.written[audience] {
                    for quote in QuestionWording.quotes(in: text) {
                        #expect(!quote.hasSuffix("."), "\(text)")
                        #expect(sources.contains { $0.contains(quote.lowercased()) }, "»\(quote)« in \(text)")
                    }
                    let place = "\(card.role)/\(card.theme)"
                    #expect(seen.updateValue(place, forKey: text) == nil, "\(text) is on \(place) and elsewhere")
                }
            }
        }
    }

    @Test func writtenQuestionsAreMarkedAsSamtalesOwnAndTheSourcesKeepTheirOrigin() throws {
        let skanderborg = try #require(builtinDecks.first { $0.id == "skanderborg-ledelsesgrundlag" })
        let pitfallCard = try #require(skanderborg.cards.first { !$0.pitfalls.isEmpty })
        let questions = skanderborg.questions(on: pitfallCard, for: .individual)
        #expect(questions.allSatisfy { $0.origin == .samtale })
        #expect(questions.map(\.text) == pitfallCard.written.individual)
        let hjoerring = try #require(builtinDecks.first { $0.id == "hjoerring-dialogkort" })
        let director = try #require(hjoerring.cards.first { $0.role == "direktoer" })
        #expect(hjoerring.questions(on: director, for: .individual).allSatisfy { $0.origin == .source })
        #expect(hjoerring.questions(on: director, for: .group).allSatisfy { $0.origin == .samtale })
    }
}

/// samtale's generic frames, run over every statement and pitfall of the five sources as if no card had questions.
@Suite struct GenericFrameTests {
    static func withoutQuestions(_ deck: Deck) -> Deck {
        let cards = deck.cards.map { card in
            Card(
                role: card.role, theme: card.theme, heading: card.heading, statements: card.statements,
                quotes: card.quotes, pitfalls: card.pitfalls)
        }
        return Deck(
            id: deck.id, title: deck.title, organisation: deck.organisation, source: deck.source,
            sections: deck.sections, roles: deck.roles, themes: deck.themes, cards: cards)
    }

    @Test(arguments: builtinDecks)
    func framesAreGrammaticalForEveryStatementOfTheSources(deck: Deck) {
        let bare = Self.withoutQuestions(deck)
        for card in bare.cards {
            let themeName = bare.theme(id: card.theme)?.name ?? card.theme
            for audience in Audience.allCases {
                let questions = bare.questions(on: card, for: audience)
                #expect(!questions.isEmpty)
                for question in questions {
                    #expect(question.origin == .samtale)
                    let problems = QuestionWording.problems(in: question.text, audience: audience)
                    #expect(problems.isEmpty, "\(question.text) — \(problems)")
                    #expect(question.text.hasSuffix("?"), "\(question.text)")
                    // A quote is a whole short statement or pitfall (without its full stop), or the theme's name.
                    for quote in QuestionWording.quotes(in: question.text) {
                        let whole = (card.statements + card.pitfalls).contains {
                            GenericFrames.quotable($0) == quote
                        }
                        #expect(whole || quote == themeName, "»\(quote)«")
                    }
                }
            }
        }
    }

    static func card(_ statements: [String], pitfalls: [String] = []) -> (Deck, Card) {
        let card = Card(role: "r", theme: "t", statements: statements, pitfalls: pitfalls)
        let deck = Deck(
            id: "d", title: "D", organisation: "O", source: "s", sections: [],
            roles: [Role(id: "r", name: "Rolle", level: 1)], themes: [Theme(id: "t", name: "Tillid")], cards: [card])
        return (deck, card)
    }

    @Test func aStatementIsQuotedFirstWithoutItsFullStopWhateverItsShape() {
        for statement in ["Ledelse af medarbejdere", "Er åben over for andres faglighed.", "Jeg sikrer samspil."] {
            let (deck, card) = Self.card([statement])
            let quoted = "»\(statement.hasSuffix(".") ? String(statement.dropLast()) : statement)« – "
            for audience in Audience.allCases {
                for question in deck.questions(on: card, for: audience) {
                    #expect(question.text.hasPrefix(quoted), "\(question.text)")
                }
            }
        }
    }

    @Test func aGroupIsNeverAskedAFirstPersonStatementAsWe() throws {
        let (deck, card) = Self.card(
            ["Jeg sikrer samspil i chefgruppen.", "Som medarbejder tager jeg ansvar for min egen læring."],
            pitfalls: ["Jeg gør det hele selv"])
        let group = deck.questions(on: card, for: .group).map(\.text)
        #expect(group.count == 3)
        for text in group {
            #expect(text.range(of: #"\b(vi|os|vores)\b"#, options: .regularExpression) == nil, "\(text)")
        }
        let (otherDeck, otherCard) = Self.card(["Sikrer samspil i chefgruppen."])
        let other = try #require(otherDeck.questions(on: otherCard, for: .group).first?.text)
        #expect(other.contains(" vi "))
    }

    @Test func aParagraphIsNeverQuotedAndTheThemeStandsInForIt() {
        let paragraph =
            "Vi går ind i opgaven sammen. Det betyder, at vi lytter til borgerne og til hinanden, før vi beslutter."
        let long = String(repeating: "Lang sætning uden punktum ", count: 6)
        for text in [paragraph, long] {
            let (deck, card) = Self.card([text])
            #expect(
                deck.questions(on: card, for: .individual).map(\.text) == [
                    "Hvad i teksten om »Tillid« taler mest til dig lige nu, og hvorfor?"
                ])
        }
        #expect(GenericFrames.quotable("Understøtter en lærende organisation – f.eks. ved at indgå i dialoger.") != nil)
    }

    /// A quoted text is not quoted again, a quote inside a statement becomes ›…‹, and a statement that asks a
    /// question is not put before another.
    @Test func aStatementsOwnQuotesAndQuestionsAreNotNestedInTheFrame() {
        let cases: [(statement: String, start: String)] = [
            ("»Det har vi altid gjort«", "»Det har vi altid gjort« – "),
            ("Vi er »nysgerrige« på borgerens liv.", "»Vi er ›nysgerrige‹ på borgerens liv« – "),
            ("Hvorfor gør vi det?", "Hvad i teksten om »Tillid« "),
            ("Er åben over for andres faglighed:", "»Er åben over for andres faglighed« – "),
            ("Min faglighed er vigtig;", "»Min faglighed er vigtig« – "),
        ]
        for (statement, start) in cases {
            let (deck, card) = Self.card([statement])
            let text = deck.questions(on: card, for: .individual)[0].text
            #expect(text.hasPrefix(start), "\(text)")
            #expect(!text.contains("»»") && !text.contains("««"), "\(text)")
        }
    }

    @Test func aCardWithNothingToQuoteIsAskedAboutItsTheme() {
        let (deck, card) = Self.card([])
        #expect(
            deck.questions(on: card, for: .group).map(\.text) == [
                "Hvad betyder »Tillid« for os i vores fælles arbejde lige nu?"
            ])
    }

    /// A written question is samtale's, not the source's: `show` marks no correction of the source inside it.
    @Test func showMarksNoCorrectionInsideAWrittenQuestion() {
        let card = Card(
            role: "r", theme: "t", statements: ["Skaber en tryg kultur."],
            written: PerAudience(individual: ["Hvornår oplever du en tryg kultur?"], group: []))
        let deck = Deck(
            id: "d", title: "D", organisation: "O", source: "s", sections: [],
            roles: [Role(id: "r", name: "Rolle", level: 1)], themes: [Theme(id: "t", name: "Tillid")], cards: [card],
            corrections: [Correction(original: "tryk kultur", reading: "tryg kultur")])
        for format in [DocumentFormat.text, .markdown] {
            let shown = DeckView(deck: deck, role: nil, theme: nil).rendered(as: format, language: .da, width: nil)
            #expect(shown.contains("Skaber en tryg [kilden: tryk] kultur."), "\(shown)")
            #expect(shown.contains("Hvornår oplever du en tryg kultur?"), "\(shown)")
            #expect(!shown.contains("oplever du en tryg [kilden"), "\(shown)")
        }
    }
}
