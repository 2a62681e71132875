import SamtaleCore

/// What is posted, before it is shaped for a platform: every text in it is treated as untrusted (decks, target groups,
/// standard input and summaries can all come from users), so each platform's payload escapes all of it.
public struct WebhookMessage: Equatable, Sendable {
    /// A short heading: "Dagens refleksion", "Opsummering".
    public var title: String
    /// The message itself: the question, the text read from standard input, or the summary.
    public var body: String
    /// Where the question comes from ("Medarbejder · Sammen sikrer vi driften"), if anywhere.
    public var context: String?
    /// The framework and its organisation ("Kolding Kommune · Ledelsesgrundlag"), if any.
    public var footer: String?
    /// What a `generic` endpoint receives: for a prompt exactly the object `samtale prompt --format json` prints.
    public var generic: JSONValue
    /// The language of the message, for the marker that says a text was cut.
    public var language: Language

    public init(
        title: String, body: String, context: String? = nil, footer: String? = nil, generic: JSONValue,
        language: Language
    ) {
        self.title = title
        self.body = body
        self.context = context
        self.footer = footer
        self.generic = generic
        self.language = language
    }
}
