// MARK: - Question

/// One question as it is put to someone: its text, who it is for, where it comes from, and the card behind it.
public struct Question: Equatable, Sendable {
    /// Whether the words are the source's own or written for samtale (a written question, a template or a frame).
    public enum Origin: String, Codable, Sendable {
        case source
        case samtale
    }

    public let text: String
    public let audience: Audience
    public let origin: Origin
    public let card: Card
    /// What a question that cannot stand alone is asked with; nil for one that can.
    public let context: QuestionContext?

    public init(text: String, audience: Audience, origin: Origin, card: Card, context: QuestionContext? = nil) {
        self.text = text
        self.audience = audience
        self.origin = origin
        self.card = card
        self.context = context
    }
}

/// What a reader needs beside a question its card marks as not standing alone ("Hvad kan du forbedre? Gøre mere af?
/// Mindre af?"): the card's theme and the question it follows.
public struct QuestionContext: Equatable, Sendable {
    /// The theme's name.
    public let theme: String
    /// The question before it on the card, for the same audience; nil for the card's first.
    public let follows: String?

    public init(theme: String, follows: String?) {
        self.theme = theme
        self.follows = follows
    }

    /// The same context with `transform` applied to its texts (the target group put in).
    public func map(_ transform: (String) -> String) -> QuestionContext {
        QuestionContext(theme: transform(theme), follows: follows.map(transform))
    }

    /// The question in one line that reads with nothing else: "Sammen sikrer vi driften: Hvordan sikrer du …? Hvad
    /// kan du forbedre?", the theme first and the question it follows before it, as the card has them.
    public func line(with question: String) -> String {
        "\(theme): " + (follows.map { "\($0) " } ?? "") + question
    }
}

// MARK: - Questions of a card

extension Deck {
    /// The questions a card yields for an audience: the source's own where it has any, else those written for
    /// samtale, else the deck's own templates or samtale's generic frames.
    public func questions(on card: Card, for audience: Audience) -> [Question] {
        (0..<questionCount(on: card, for: audience)).map { question(on: card, for: audience, at: $0) }
    }

    /// How many questions `questions(on:for:)` gives, without making them: a daily prompt needs only one.
    public func questionCount(on card: Card, for audience: Audience) -> Int {
        if !card.questions[audience].isEmpty { return card.questions[audience].count }
        if !card.written[audience].isEmpty { return card.written[audience].count }
        if let templates { return templates.questionCount(on: card, for: audience) }
        return GenericFrames.questions(on: card, themeName: themeName(of: card), for: audience).count
    }

    /// The question at `index` of `questions(on:for:)`.
    public func question(on card: Card, for audience: Audience, at index: Int) -> Question {
        let own = card.questions[audience]
        if !own.isEmpty {
            let context =
                card.needsContext[audience].contains(own[index])
                ? QuestionContext(theme: themeName(of: card), follows: index > 0 ? own[index - 1] : nil) : nil
            return Question(text: own[index], audience: audience, origin: .source, card: card, context: context)
        }
        let text: String
        if !card.written[audience].isEmpty {
            text = card.written[audience][index]
        } else if let templates {
            text = templates.question(
                on: card, roleName: role(id: card.role)?.name ?? card.role,
                themeName: themeName(of: card), for: audience, at: index)
        } else {
            text = GenericFrames.questions(on: card, themeName: themeName(of: card), for: audience)[index]
        }
        return Question(text: text, audience: audience, origin: .samtale, card: card)
    }

    private func themeName(of card: Card) -> String {
        theme(id: card.theme)?.name ?? card.theme
    }
}

extension Templates {
    /// How many questions the templates make for a card: one per card template, per statement and per pitfall.
    public func questionCount(on card: Card, for audience: Audience) -> Int {
        self.card[audience].count
            + card.statements.count * statement[audience].count
            + card.pitfalls.count * pitfall[audience].count
    }

    /// The template at `index` (card templates first, then each statement's, then each pitfall's), filled in.
    func question(on card: Card, roleName: String, themeName: String, for audience: Audience, at index: Int)
        -> String
    {
        var values = [Placeholder.role.rawValue: roleName, Placeholder.theme.rawValue: themeName]
        let cardTemplates = self.card[audience]
        let statementTemplates = statement[audience]
        let pitfallTemplates = pitfall[audience]
        let template: String
        var rest = index
        if rest < cardTemplates.count {
            template = cardTemplates[rest]
        } else if rest - cardTemplates.count < card.statements.count * statementTemplates.count {
            rest -= cardTemplates.count
            values[Placeholder.statement.rawValue] = card.statements[rest / statementTemplates.count]
            template = statementTemplates[rest % statementTemplates.count]
        } else {
            rest -= cardTemplates.count + card.statements.count * statementTemplates.count
            values[Placeholder.pitfall.rawValue] = card.pitfalls[rest / pitfallTemplates.count]
            template = pitfallTemplates[rest % pitfallTemplates.count]
        }
        return Placeholder.fill(template, with: values)
    }
}

// MARK: - Placeholders

/// The `{name}` placeholders that templates may use, and filling them in.
public enum Placeholder: String, CaseIterable, Sendable {
    case role
    case theme
    case statement
    case pitfall

    /// The placeholder names a template uses, in order of appearance, known or not.
    public static func names(in template: String) -> [String] {
        var names: [String] = []
        let utf8 = template.utf8
        var index = utf8.startIndex
        while let open = utf8[index...].firstIndex(of: UInt8(ascii: "{")) {
            let afterOpen = utf8.index(after: open)
            guard let close = utf8[afterOpen...].firstIndex(of: UInt8(ascii: "}")) else { break }
            names.append(String(template[afterOpen..<close]))
            index = utf8.index(after: close)
        }
        return names
    }

    /// The template with each placeholder that has a value replaced; any other `{…}` is left as it is.
    /// Flows use the same braces with more names, so the values are keyed by name.
    static func fill(_ template: String, with values: [String: String]) -> String {
        var text = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            if let value = values[String(rest[afterOpen..<close])] {
                text += value
            } else {
                text += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return text + rest
    }
}
