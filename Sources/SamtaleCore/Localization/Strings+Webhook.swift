// MARK: - Chat webhooks

extension Strings {
    /// The title of the day's question posted to a chat.
    public static let webhookPromptTitle = Localized(da: "Dagens refleksion", en: "Today's reflection")
    /// The title of text read from standard input and posted to a chat.
    public static let webhookTextTitle = Localized(da: "Besked fra samtale", en: "Message from samtale")
    /// Ends a text that was cut to fit a chat platform's limit.
    public static let webhookTruncated = Localized(da: "… (forkortet)", en: "… (truncated)")
}
