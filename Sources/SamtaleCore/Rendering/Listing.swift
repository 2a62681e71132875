// MARK: - Listing

/// What `samtale list` can list.
public enum ListSubject: String, CaseIterable, Sendable {
    case decks
    case roles
    case themes
}

/// `samtale list` output: one line per item as text, an array of objects as JSON.
public enum Listing {
    /// Lists the subject over the given decks (all of them, or the one named with `--deck`).
    public static func render(_ subject: ListSubject, decks: [Deck], format: DocumentFormat, language: Language)
        -> String
    {
        let rows = decks.flatMap { self.rows(subject, deck: $0, language: language) }
        switch format {
        case .json:
            return JSONWriter.string(json(subject, decks: decks), style: .pretty)
        case .markdown:
            return rows.map { "- **\($0.id)** \($0.label)" }.joined(separator: "\n").withoutControlCharacters
        case .text:
            let idWidth = rows.map(\.id.count).max() ?? 0
            return rows.map { row in
                row.id + String(repeating: " ", count: idWidth - row.id.count + 2) + row.label
            }.joined(separator: "\n").withoutControlCharacters
        }
    }

    /// The listing as a JSON array, as `--format json` prints it and the JSON-lines protocol answers `list`.
    public static func json(_ subject: ListSubject, decks: [Deck]) -> JSONValue {
        .array(decks.flatMap { rows(subject, deck: $0, language: .da) }.map { .object($0.json) })
    }

    private struct Row {
        let id: String
        let label: String
        let json: [JSONMember]
    }

    private static func rows(_ subject: ListSubject, deck: Deck, language: Language) -> [Row] {
        switch subject {
        case .decks:
            let label = "\(deck.title) · \(deck.organisation) · \(Strings.cardCount(deck.cards.count)[language])"
            return [
                Row(
                    id: deck.id, label: label,
                    json: [
                        JSONMember("id", .string(deck.id)),
                        JSONMember("title", .string(deck.title)),
                        JSONMember("organisation", .string(deck.organisation)),
                        JSONMember("source", .string(deck.source)),
                        JSONMember("roles", .integer(deck.roles.count)),
                        JSONMember("themes", .integer(deck.themes.count)),
                        JSONMember("cards", .integer(deck.cards.count)),
                    ])
            ]
        case .roles:
            return deck.roles.map { role in
                let aliases = role.aliases.isEmpty ? "" : " (\(role.aliases.joined(separator: ", ")))"
                return Row(
                    id: "\(deck.id)/\(role.id)",
                    label: "\(role.name)\(aliases) · \(Strings.level(role.level)[language])",
                    json: [
                        JSONMember("deck", .string(deck.id)),
                        JSONMember("id", .string(role.id)),
                        JSONMember("name", .string(role.name)),
                        JSONMember("aliases", .strings(role.aliases)),
                        JSONMember("level", .integer(role.level)),
                    ])
            }
        case .themes:
            return deck.themes.map { theme in
                let parent = theme.parent.flatMap(deck.theme(id:)).map { " ⊂ \($0.name)" } ?? ""
                return Row(
                    id: "\(deck.id)/\(theme.id)", label: theme.name + parent,
                    json: [
                        JSONMember("deck", .string(deck.id)),
                        JSONMember("id", .string(theme.id)),
                        JSONMember("name", .string(theme.name)),
                        JSONMember("parent", .optional(theme.parent)),
                    ])
            }
        }
    }
}
