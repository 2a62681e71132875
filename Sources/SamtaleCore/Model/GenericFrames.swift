// MARK: - GenericFrames

/// samtale's own reflection questions for a card of a user's deck that has neither questions nor templates.
///
/// A statement takes many shapes in the sources: a first-person sentence ("Jeg sikrer …"), a predicate without a
/// subject ("Er åben over for …"), a noun phrase ("Ledelse af medarbejdere"), a paragraph. So a statement is never
/// built into a sentence: a short one is quoted first, without its full stop, and the question after the dash points
/// back at it with "det", which fits every shape. A paragraph is not quoted at all; the question names its theme and
/// the card shows the text beside it. A group question never puts a first-person statement in a "vi" frame.
/// The frames are Danish, as the decks are.
public enum GenericFrames {
    /// The most characters a question should have, to read well in a chat message.
    public static let maximumQuestionLength = 200

    /// Longest statement quoted inside a question: with "»", "« – " and the longest frame, the question stays
    /// within `maximumQuestionLength`.
    static let quotableLength =
        maximumQuestionLength - "»« – ".count
        - (Audience.allCases.flatMap { audience in
            Person.allCases.flatMap { statementFrames(audience, $0) + pitfallFrames(audience, $0) }
        }.map(\.count).max() ?? 0)

    /// The questions for one card and audience: per short statement, per short pitfall, one on the card's texts
    /// if any are too long to quote, and one on the theme if there is nothing else.
    public static func questions(on card: Card, themeName: String, for audience: Audience) -> [String] {
        var questions: [String] = []
        var hasLongText = false
        for (texts, frames) in [(card.statements, statementFrames), (card.pitfalls, pitfallFrames)] {
            for text in texts {
                guard let quote = quotable(text) else {
                    hasLongText = true
                    continue
                }
                let person: Person = speaksInFirstPerson(quote) ? .firstPerson : .other
                questions += frames(audience, person).map { "»\(quote)« – \($0)" }
            }
        }
        if hasLongText {
            questions.append(longTextFrame(audience, themeName: themeName))
        }
        if questions.isEmpty {
            questions.append(themeFrame(audience, themeName: themeName))
        }
        return questions
    }

    private enum Person: CaseIterable {
        case firstPerson
        case other
    }

    private static func statementFrames(_ audience: Audience, _ person: Person) -> [String] {
        switch (audience, person) {
        case (.individual, _):
            [
                "hvornår har du sidst mærket det i dit arbejde, og hvad var med til at skabe det?",
                "hvad betyder det for dig i praksis, og hvad vil du gøre mere af?",
            ]
        case (.group, .other):
            ["hvor ser vi det i vores hverdag, og hvor kan vi blive bedre til det?"]
        case (.group, .firstPerson):
            ["hvordan kommer det til udtryk i jeres hverdag, og hvad kan I gøre for at støtte hinanden i det?"]
        }
    }

    private static func pitfallFrames(_ audience: Audience, _ person: Person) -> [String] {
        switch (audience, person) {
        case (.individual, _):
            ["hvornår var du sidst tæt på at falde i den faldgrube, og hvad hjalp dig uden om den?"]
        case (.group, .other):
            ["hvordan kan vi hjælpe hinanden med at opdage i tide, at vi er på vej ned i den faldgrube?"]
        case (.group, .firstPerson):
            ["hvilke tidlige tegn er der på, at man nærmer sig den faldgrube, og hvad hjælper så?"]
        }
    }

    private static func longTextFrame(_ audience: Audience, themeName: String) -> String {
        switch audience {
        case .individual: "Hvad i teksten om »\(themeName)« taler mest til dig lige nu, og hvorfor?"
        case .group:
            "Hvad i teksten om »\(themeName)« kan vi genkende fra vores hverdag, og hvad vil vi gerne se mere af?"
        }
    }

    private static func themeFrame(_ audience: Audience, themeName: String) -> String {
        switch audience {
        case .individual: "Hvad betyder »\(themeName)« for dig i dit arbejde lige nu?"
        case .group: "Hvad betyder »\(themeName)« for os i vores fælles arbejde lige nu?"
        }
    }

    /// The text as it stands in a quote, its final full stop (or colon, semicolon, comma) dropped, or `nil` if it is too long, more than one
    /// sentence or a question of its own: a paragraph is context, never part of a question, and a question quoted
    /// before a question reads as two. A text that is itself quoted is not quoted twice, and quotes inside it
    /// become ›…‹.
    static func quotable(_ text: String) -> String? {
        var quote = Substring(text.trimmingWhitespace)
        while let last = quote.last, ".:;,".contains(last) { quote = quote.dropLast() }
        if quote.hasPrefix("»"), quote.hasSuffix("«"), !quote.dropFirst().dropLast().contains("»") {
            quote = quote.dropFirst().dropLast()
        }
        guard !quote.isEmpty, quote.count <= quotableLength, !hasSentenceBoundary(quote), !quote.hasSuffix("?")
        else { return nil }
        return String(quote.map { $0 == "»" ? "›" : $0 == "«" ? "‹" : $0 })
    }

    /// Whether a sentence ends inside the text: a full stop, question or exclamation mark, then a space and a
    /// capital letter (so "f.eks. ved at" stays one sentence).
    static func hasSentenceBoundary(_ text: Substring) -> Bool {
        let characters = Array(text)
        for index in characters.indices.dropLast(2)
        where ".?!".contains(characters[index]) && characters[index + 1] == " "
            && characters[index + 2].isUppercase
        {
            return true
        }
        return false
    }

    /// Whether the text speaks as "I" anywhere ("Jeg sikrer …", "Som leder tager jeg …", "Min opgave …").
    static func speaksInFirstPerson(_ text: String) -> Bool {
        text.split { !$0.isLetter }.contains { ["jeg", "mig", "min", "mit", "mine"].contains($0.lowercased()) }
    }
}
