// MARK: - Prompt formats

/// The output formats of `samtale prompt`.
public enum PromptFormat: String, CaseIterable, Sendable {
    /// The question alone on one line, for a pipe.
    case text
    /// One object on one line; the JSON-lines protocol answers `prompt` with the same object.
    case json
    /// Ready to paste into a chat.
    case markdown
}

extension Prompt {
    /// The prompt in a format; every format ends without a trailing newline. A user's deck may hold control
    /// characters: the formats for reading have none.
    public func rendered(as format: PromptFormat, language: Language) -> String {
        switch format {
        case .text: text.withoutControlCharacters
        case .json: JSONWriter.string(jsonValue)
        case .markdown: markdown(language: language).withoutControlCharacters
        }
    }

    /// The stable machine form, documented in the README: ids for filtering, names for showing.
    public var jsonValue: JSONValue {
        .object([
            JSONMember("text", .string(text)),
            JSONMember("deck", .string(deck.id)),
            JSONMember("role", .string(role.id)),
            JSONMember("theme", .string(theme.id)),
            JSONMember("audience", .string(question.audience.rawValue)),
            JSONMember("statements", .strings(statements)),
            JSONMember("source", .string(deck.citation)),
            JSONMember("date", .string(date.description)),
            JSONMember("origin", .string(question.origin.rawValue)),
            JSONMember("deckTitle", .string(deck.title)),
            JSONMember("organisation", .string(deck.organisation)),
            JSONMember("roleName", .string(role.name)),
            JSONMember("themeName", .string(theme.name)),
        ])
    }

    private func markdown(language: Language) -> String {
        let audience = Strings.audienceLabel(question.audience)[language]
        return """
            **\(Strings.promptHeading[language])** · \(theme.name)

            > \(text)

            _\(role.name) · \(audience) · \(deck.organisation): \(deck.title)_
            """
    }
}
