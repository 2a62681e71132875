import SamtaleCore

/// What a conversation says in chat, as plain text in paragraphs: the terminal's words (`Strings`) without its
/// colours and wrapping, which the chat client does; the reply escapes it for the platform's markup.
enum ChatConversationText {
    static func text(of actions: [Action], language: Language) -> String {
        actions.map { paragraph($0, language: language) }.joined(separator: "\n\n")
    }

    private static func paragraph(_ action: Action, language: Language) -> String {
        switch action {
        case .say(let text):
            return text
        case .heading(let text):
            return text.uppercased()
        case .card(let heading, let statements, let quotes):
            return lines([heading] + statements.map { "- " + $0 } + quotes.map { "»\($0)«" })
        case .ask(let action):
            let ask = action.ask
            return lines(
                [
                    Strings.progress(action.progress)[language], ask.askedBy.map { Strings.askedBy($0)[language] },
                    ask.follows.map { Strings.follows($0)[language] }, chatText(of: ask, language: language),
                ] + Strings.answerHints(for: ask, in: .chat).map { $0[language] }
                    + [action.previous.map { Strings.previousAnswer($0)[language] }])
        case .reask(let reason):
            return Strings.reask(reason, in: .chat)[language]
        case .chart(let chart):
            return chart.text(language: language)
        case .help(let commands):
            return lines(
                [Strings.helpHeading[language]]
                    + commands.map { command in
                        let words = Strings.commandWords(command).map { $0.dropFirst() }.joined(separator: ", ")
                        return "\(words): \(Strings.commandHelp(command)[language])"
                    })
        case .confirmEnd:
            return ChatHandlerStrings.confirmEnd[language]
        case .paused:
            return ChatHandlerStrings.paused[language]
        case .summary(let summary):
            return summary.text(language: language)
        case .finished:
            return Strings.finished[language]
        }
    }

    /// The question as chat asks it: an agreement's "what" ends the list with `spring`, not an empty answer.
    private static func chatText(of ask: Ask, language: Language) -> String {
        let terminalHint = Strings.agreementsEndHint(.terminal)[language]
        guard ask.text.hasSuffix(terminalHint) else { return ask.text }
        return ask.text.dropLast(terminalHint.count) + Strings.agreementsEndHint(.chat)[language]
    }

    /// A choice the endpoint leaves open and the message did not make: the question, the options by name, and what
    /// to write; anything else (participants) only the configuration can give.
    static func missing(_ choice: SetupChoice, offering options: [SetupChoice.Option], language: Language) -> String {
        guard choice.subject == .flow, let first = options.first else {
            return ChatHandlerStrings.setInConfiguration[language]
        }
        let example = "\(ChatHandler.startWord) \(first.id)"
        return lines(
            [choice.question] + options.map { "- \($0.id): \($0.name)" }
                + [ChatHandlerStrings.writeStart(example: example)[language]])
    }

    /// A message written for the command line (`ukendt samtaleform »x«; vælg en af: …`) as a sentence in chat: a
    /// capital first letter and a full stop.
    static func sentence(_ message: String) -> String {
        guard let first = message.first else { return message }
        let capitalized = first.uppercased() + message.dropFirst()
        return capitalized.hasSuffix(".") || capitalized.hasSuffix("?") ? capitalized : capitalized + "."
    }

    private static func lines(_ lines: [String?]) -> String {
        lines.compactMap { $0 }.joined(separator: "\n")
    }
}

/// The texts of a conversation in chat that the terminal's do not cover: there is no Enter key to press, and a
/// paused conversation is taken up in the same thread.
enum ChatHandlerStrings {
    static let confirmEnd = Localized(
        da: "Vil du afslutte samtalen nu? Skriv »ja« for at afslutte, eller skriv noget andet for at fortsætte.",
        en: "End the conversation now? Write \"yes\" to end, or anything else to go on.")
    static let noConversation = Localized(
        da: "Der er ingen samtale i gang her. Skriv »start« for at begynde en ny.",
        en: "No conversation is open here. Write \"start\" to begin a new one.")
    /// Where a reply is cut to the platform's limit: the person cannot export, so says where the whole text is.
    static let truncated = Localized(
        da: "… (afkortet – hele teksten er gemt i samtalefilen)",
        en: "… (truncated – the whole text is saved in the session file)")
    static let paused = Localized(
        da: "Samtalen er sat på pause og gemt. Skriv »fortsæt«, når du vil tage den op igen.",
        en: "The conversation is paused and saved. Write \"continue\" when you want to take it up again.")

    static func writeStart(example: String) -> Localized {
        Localized(
            da: "Skriv »\(ChatHandler.startWord)« og navnet på den samtaleform, du vil bruge, fx »\(example)«.",
            en: "Write \"\(ChatHandler.startWord)\" and the name of the conversation you want, e.g. \"\(example)\".")
    }

    /// Said before the first question where the whole channel sees the thread, so nobody answers unaware of it.
    static let seenByChannel = Localized(
        da: "Bemærk: Alle i kanalen kan læse med her – både spørgsmålene og svarene.",
        en: "Please note: everyone in the channel can see what is written here – both the questions and the answers.")

    static let setInConfiguration = Localized(
        da: "Samtaleformen skal sættes op i chat.json (fx med deltagerne under »participants«), før den kan bruges i "
            + "chatten. Bed den, der står for chatopsætningen, om at gøre det.",
        en: "The conversation has to be set up in chat.json before it can be used in chat (e.g. with its "
            + "participants under \"participants\"); ask whoever runs samtale to do it.")
}
