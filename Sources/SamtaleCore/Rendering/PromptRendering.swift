// MARK: - Prompt formats

/// The output formats of `samtale prompt`.
public enum PromptFormat: String, CaseIterable, Sendable {
    /// The question on one line, for a pipe; one that cannot stand alone comes after its theme and the question it
    /// follows.
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
        case .text: (context?.line(with: text) ?? text).withoutControlCharacters
        case .json: JSONWriter.string(jsonValue)
        case .markdown: markdown(language: language).withoutControlCharacters
        }
    }

    /// The stable machine form, documented in the README: ids for filtering, names for showing; `context` only for
    /// a question that cannot stand alone.
    public var jsonValue: JSONValue {
        var members = [
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
        ]
        if let context {
            let follows = context.follows.map { [JSONMember("follows", .string($0))] } ?? []
            members.append(JSONMember("context", .object([JSONMember("theme", .string(context.theme))] + follows)))
        }
        return .object(members)
    }

    /// The question as a chat shows it: after the question it follows, where it cannot stand alone (the theme is in
    /// the heading).
    public func body(language: Language) -> String {
        guard let follows = context?.follows else { return text }
        return Strings.follows(follows)[language] + "\n\n" + text
    }

    private func markdown(language: Language) -> String {
        let audience = Strings.audienceLabel(question.audience)[language]
        let lead = context?.follows.map { "_\(Strings.follows($0)[language])_\n\n" } ?? ""
        return """
            **\(Strings.promptHeading[language])** · \(theme.name)

            \(lead)> \(text)

            _\(role.name) · \(audience) · \(deck.organisation): \(deck.title)_
            """
    }
}
