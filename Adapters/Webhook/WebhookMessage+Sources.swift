import SamtaleCore

// MARK: - What samtale posts

extension WebhookMessage {
    /// The day's question (after the question it follows, where it cannot stand alone): where it comes from as the
    /// context, the framework as the footer, and for a `generic` endpoint the object `samtale prompt --format json`
    /// prints.
    public init(prompt: Prompt, language: Language) {
        self.init(
            title: Strings.promptHeading[language], body: prompt.body(language: language),
            context: Self.joined(prompt.role.name, prompt.theme.name),
            footer: Self.joined(prompt.deck.organisation, prompt.deck.title),
            generic: prompt.jsonValue, language: language
        )
    }

    /// Text read from standard input, without the whitespace around it (a pipe usually ends it with a line break).
    public init(text: String, language: Language) {
        let trimmed = text.trimmingWhitespace
        self.init(
            title: Localized(da: "Besked fra samtale", en: "Message from samtale")[language], body: trimmed,
            generic: .object([JSONMember("text", .string(trimmed))]), language: language)
    }

    /// A session's summary as `samtale talk` prints it at the end, its heading as the title (so that a card does
    /// not show it twice); the framework as the footer.
    public init(summaryOf session: Session, language: Language) {
        let script = session.conversation.script
        let text = session.conversation.summary.body(language: language)
        let heading = Strings.summaryHeading[language]
        self.init(
            title: script.title.isEmpty ? heading : "\(heading): \(script.title)", body: text,
            footer: Self.joined(script.organisation, script.deckTitle),
            generic: .object([
                JSONMember("session", .string(session.id.description)),
                JSONMember("title", .string(script.title)),
                JSONMember("text", .string(text)),
            ]),
            language: language
        )
    }

    /// The names that are there, joined by a middle dot as in `samtale prompt --format markdown`; nil if none is.
    private static func joined(_ names: String...) -> String? {
        let present = names.filter { !$0.isEmpty }
        return present.isEmpty ? nil : present.joined(separator: " · ")
    }
}
