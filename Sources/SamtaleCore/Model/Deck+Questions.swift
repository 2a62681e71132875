// MARK: - Question

/// One question as it is put to someone: its text, who it is for, where it comes from, and the card behind it.
public struct Question: Equatable, Sendable {
    /// Whether the words are the source's own or one of samtale's reflection templates.
    public enum Origin: String, Sendable {
        case source
        case samtale
    }

    public let text: String
    public let audience: Audience
    public let origin: Origin
    public let card: Card

    public init(text: String, audience: Audience, origin: Origin, card: Card) {
        self.text = text
        self.audience = audience
        self.origin = origin
        self.card = card
    }
}

// MARK: - Questions of a card

extension Deck {
    /// The questions a card yields for an audience: the source's own where it has any, otherwise the templates
    /// filled in once per card, once per statement and once per pitfall.
    public func questions(on card: Card, for audience: Audience) -> [Question] {
        let own = card.questions[audience]
        if !own.isEmpty {
            return own.map { Question(text: $0, audience: audience, origin: .source, card: card) }
        }
        let roleName = role(id: card.role)?.name ?? card.role
        let themeName = theme(id: card.theme)?.name ?? card.theme
        var texts: [String] = []
        for template in templates.card[audience] {
            texts.append(Placeholder.fill(template, role: roleName, theme: themeName))
        }
        for statement in card.statements {
            for template in templates.statement[audience] {
                texts.append(Placeholder.fill(template, role: roleName, theme: themeName, statement: statement))
            }
        }
        for pitfall in card.pitfalls {
            for template in templates.pitfall[audience] {
                texts.append(Placeholder.fill(template, role: roleName, theme: themeName, pitfall: pitfall))
            }
        }
        return texts.map { Question(text: $0, audience: audience, origin: .samtale, card: card) }
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
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            names.append(String(rest[afterOpen..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// The template with each known placeholder replaced; one that has no value here is left as it is.
    static func fill(
        _ template: String, role: String, theme: String, statement: String? = nil, pitfall: String? = nil
    ) -> String {
        var text = template.replacing("{role}", with: role).replacing("{theme}", with: theme)
        if let statement { text = text.replacing("{statement}", with: statement) }
        if let pitfall { text = text.replacing("{pitfall}", with: pitfall) }
        return text
    }
}
