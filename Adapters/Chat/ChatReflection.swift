import SamtaleCore

// MARK: - ChatReflection

/// An endpoint's `reflection` in `chat.json`: the day's question as `samtale post` picks it for a target of
/// `targets.json` with the same keys (deck, role, theme, audience, target group, days that count, weekdays), so
/// that a reply in the thread of the day's post answers the question that was posted. The options are the
/// endpoint's own rather than a target's name, so that `chat.json` is all a chat server reads, and a slash command
/// (`/samtale svar …`) works where nothing is posted.
public struct ChatReflection: Equatable, Sendable {
    public var prompt: PromptOptions
    /// The days a question is posted on; a message on another day answers the last one before it.
    public var weekdays: [Weekday]

    /// The keys of `reflection`: a target's prompt options and its weekdays.
    static let keys = DocumentReader.promptNames.map(\.rawValue) + ["weekdays"]
    /// Further back than a weekend and the longest run of Danish holidays together.
    static let daysLookedBack = 14

    static func decode(_ reader: inout DocumentReader, _ value: JSONValue) -> ChatReflection? {
        guard let fields = reader.object(value, required: [], optional: keys) else { return nil }
        let weekdays = reader.weekdays(fields)
        if weekdays.isEmpty && fields["weekdays"] != nil { reader.report(.emptyList, at: .key("weekdays")) }
        return ChatReflection(prompt: reader.promptOptions(fields), weekdays: weekdays)
    }

    /// Each deck, role or theme name that `catalog` does not know, or knows more than once, and filters that leave
    /// no question, at their JSON path under `at`, as a message in the chat would meet them.
    func nameIssues(in catalog: Catalog, at path: JSONPath) -> [DataIssue] {
        // Any day that counts shows whether the filters leave a question.
        var options = prompt
        options.dayCounting = .everyDay
        do {
            _ = try catalog.prompt(for: options, today: Rotation.anchor)
        } catch .name(let error) {
            // A kind's raw value is the key that names it.
            let kind: NameKind
            switch error {
            case .unknown(let named, _, _), .ambiguous(let named, _, _): kind = named
            }
            return [DataIssue(.invalidValue(error.message), at: path.appending(kind.rawValue))]
        } catch {
            return [DataIssue(.invalidValue(error.message), at: path)]
        }
        return []
    }

    /// The day whose question a message written on `today` answers: today when a question is posted today, else
    /// the last day before it that had one (a reply on Saturday or on a holiday answers the question of the working
    /// day before); nil when none did within `daysLookedBack` days.
    func questionDay(today: CivilDate) -> CivilDate? {
        (0..<Self.daysLookedBack).lazy.map { today.adding(days: -$0) }.first { day in
            weekdays.contains(day.weekday) && prompt.dayCounting.exclusion(of: day) == nil
        }
    }

    /// The question of `day` with the follow-up asked after an answer: the next question of the same card for the
    /// same audience (after its last, its first), or a question of samtale's own where the card has only the one.
    func prompt(on day: CivilDate, in catalog: Catalog) throws(PromptError) -> (prompt: Prompt, followUp: Localized) {
        var options = prompt
        options.date = day
        guard case .prompt(let prompt) = try catalog.prompt(for: options, today: day) else {
            preconditionFailure("the question's day is one that counts")
        }
        let questions = prompt.deck.questions(on: prompt.question.card, for: prompt.question.audience)
        guard questions.count > 1, let index = questions.firstIndex(of: prompt.question) else {
            return (prompt, ChatReflectionStrings.followUp)
        }
        let next = questions[(index + 1) % questions.count].text
        let text = options.targetGroup?.apply(to: next) ?? next
        return (prompt, Localized(da: text, en: text))
    }
}

// MARK: - Answering

extension ChatHandler {
    /// What a message means on an endpoint with a day's question, when no conversation is open in its thread.
    enum ReflectionRequest: Equatable {
        /// `svar` alone, or a command word: the question and how to answer.
        case question
        case answer(String)
        /// `opsummering`: the day's answers gathered.
        case summary
    }

    /// The words of the day's question, Danish and English.
    static let answerWords = ["svar", "answer"]
    static let summaryWords = ["opsummering", "summary"]

    /// The request a message makes, or nil for `start …`, which starts a guided conversation instead. A slash
    /// command says what it asks with its first word (`/samtale svar …`); in a thread or a direct message the whole
    /// text is the answer, as people write sentences that begin with "Svar".
    static func reflectionRequest(_ text: String, isSlashCommand: Bool) -> ReflectionRequest? {
        let words = text.trimmingWhitespace.split(maxSplits: 1, whereSeparator: \.isWhitespace)
        let first = words.first.map { $0.lowercased() } ?? ""
        if first == startWord { return nil }
        if words.count < 2 {
            // Nothing but a mention of the bot is no answer: it is asked what the day's question is.
            if words.isEmpty || answerWords.contains(first) { return .question }
            if summaryWords.contains(first) { return .summary }
            if case .command = event(text) { return .question }
        } else if isSlashCommand && answerWords.contains(first) {
            return .answer(String(words[1]).trimmingWhitespace)
        }
        return .answer(text)
    }

    /// The reply to a message about the day's question, and whether an answer was kept.
    func reflectionReply(
        _ request: ReflectionRequest, to message: ChatMessage, reflection: ChatReflection, at endpoint: ChatEndpoint,
        language: Language
    ) throws(ReflectionStoreError) -> (String, Bool) {
        let moment = environment.clock()
        // The clock's text is local time, so its date is the local day.
        guard let today = CivilDate(iso: String(moment.prefix(10))),
            let day = reflection.questionDay(today: today)
        else {
            return (ChatReflectionStrings.noQuestion[language], false)
        }
        let prompt: Prompt
        let followUp: Localized
        do {
            (prompt, followUp) = try reflection.prompt(on: day, in: environment.catalog)
        } catch {
            environment.notice(error.message)
            return (ChatConversationText.sentence(error.message[language]), false)
        }
        let question = prompt.body(language: language)
        let store = ReflectionStore(directory: environment.store.directory + "/" + Self.reflectionsFolder)
        let place = [endpoint.path, message.teamID ?? "", message.channelID ?? ""].joined(separator: "\n")
        // Answers given privately (a slash command, a direct message) still go into a summary anyone here may ask for.
        let seenBy = message.isInChannel ? ChatReflectionStrings.seenByChannel : ChatReflectionStrings.seenInSummary
        let notice = [seenBy[language]]
        switch request {
        case .question:
            let how = message.isSlashCommand ? ChatReflectionStrings.howBySlash : ChatReflectionStrings.howInThread
            return (paragraphs([ChatReflectionStrings.question(question)[language], how[language]] + notice), false)
        case .summary:
            let answers = try store.answers(in: place, on: day)
            return (ChatReflectionStrings.summary(question: question, answers.answers)[language], false)
        case .answer(let text):
            let (_, isFirst) = try store.add(
                text, by: message.author.id, named: message.author.name, at: moment, in: place, on: day)
            guard isFirst else { return (ChatReflectionStrings.added[language], true) }
            return (paragraphs([ChatReflectionStrings.thanks(followUp: followUp)[language]] + notice), true)
        }
    }

    /// The folder in the sessions folder that holds the day's answers, beside the chat's sessions and replies.
    public static let reflectionsFolder = "reflections"

    private func paragraphs(_ texts: [String]) -> String {
        texts.joined(separator: "\n\n")
    }
}

// MARK: - Texts

/// What samtale says about the day's question in chat.
enum ChatReflectionStrings {
    static func question(_ question: String) -> Localized {
        Localized(da: "Dagens spørgsmål:\n" + question, en: "Today's question:\n" + question)
    }

    static let howInThread = Localized(
        da: "Skriv dit svar her. Skriv »opsummering«, hvis du vil se alle dagens svar samlet.",
        en: "Write your answer here. Write \"summary\" to see all of today's answers in one place.")
    static let howBySlash = Localized(
        da: "Skriv »/samtale svar« efterfulgt af dit svar. Skriv »/samtale opsummering«, hvis du vil se alle dagens "
            + "svar samlet.",
        en: "Write \"/samtale answer\" followed by your answer. Write \"/samtale summary\" to see all of today's "
            + "answers in one place.")
    static let seenByChannel = Localized(
        da: "Bemærk: Alle i kanalen kan se svarene her og opsummeringen.",
        en: "Please note: everyone in the channel can see the answers here and the summary.")

    static let seenInSummary = Localized(
        da: "Bemærk: Alle, der kan bruge chatbotten, kan se opsummeringen og dermed dit svar.",
        en: "Please note: everyone who can use the chatbot can see the summary, and so your answer.")

    static func thanks(followUp: Localized) -> Localized {
        Localized(
            da: "Tak for dit svar. Det er gemt og kommer med i opsummeringen af dagens svar.\n\n"
                + "Vil du tænke lidt videre, er her et spørgsmål mere:\n" + followUp.da,
            en: "Thank you for your answer. It is saved and will be part of the summary of today's answers.\n\n"
                + "If you would like to think a little further, here is one more question:\n" + followUp.en)
    }

    static let added = Localized(
        da: "Tak. Det er føjet til dit svar på dagens spørgsmål.",
        en: "Thank you. It has been added to your answer to today's question.")
    /// The follow-up where the day's card has no other question for the audience.
    static let followUp = Localized(
        da: "Hvad af det, du har skrevet, vil du tage med dig i dit arbejde?",
        en: "What of what you have written will you take with you into your work?")
    static let noQuestion = Localized(
        da: "Der er ikke noget spørgsmål at besvare i dag.",
        en: "There is no question to answer today.")
    static let unnamed = Localized(da: "(uden navn)", en: "(no name)")

    /// The question, then each person's answer under their name, in the order they first answered.
    static func summary(question: String, _ answers: [ReflectionAnswers.Answer]) -> Localized {
        guard !answers.isEmpty else {
            return Localized(
                da: "Der er endnu ingen svar på dagens spørgsmål:\n" + question,
                en: "There are no answers to today's question yet:\n" + question)
        }
        func text(_ language: Language) -> String {
            let heading: Localized =
                answers.count == 1
                ? Localized(da: "Dagens spørgsmål har fået 1 svar:", en: "Today's question has 1 answer:")
                : Localized(
                    da: "Dagens spørgsmål har fået \(answers.count) svar:",
                    en: "Today's question has \(answers.count) answers:")
            // Each answer's lines are quoted under its author's name, so that no answer can pass a line of its own
            // ("Desdemona:") off as another person's answer; a name is kept to one line for the same reason.
            let parts = answers.map { answer in
                let name = (answer.authorName ?? unnamed[language]).split(whereSeparator: \.isNewline)
                    .joined(separator: " ")
                let lines = answer.texts.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }
                return ([name + ":"] + lines.map { "> " + $0 }).joined(separator: "\n")
            }
            return ([heading[language] + "\n" + question] + parts).joined(separator: "\n\n")
        }
        return Localized(da: text(.da), en: text(.en))
    }
}
