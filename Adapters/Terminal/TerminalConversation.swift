import SamtaleCore

/// Holds a conversation in a terminal, or from a script on standard input: translates lines into events and
/// actions into text. Every event is saved before the next question is shown.
public struct TerminalConversation {
    /// How a run ended.
    public enum Outcome: Equatable, Sendable {
        case finished
        case paused
    }

    let style: TerminalStyle
    let output: TerminalOutput
    let language: Language
    /// Saves the session as its next revision; nil for a conversation that keeps nothing (an energizer). A failure
    /// stops the conversation rather than go on with answers that are not on disk.
    let save: ((inout Session) throws(SessionStoreError) -> Void)?
    /// The current time as text, for the session's record.
    let clock: () -> String

    public init(
        style: TerminalStyle, output: TerminalOutput, language: Language,
        save: ((inout Session) throws(SessionStoreError) -> Void)?,
        clock: @escaping () -> String
    ) {
        self.style = style
        self.output = output
        self.language = language
        self.save = save
        self.clock = clock
    }

    /// Runs until the conversation ends or is paused (by `/pause`, Ctrl-D, Ctrl-C or the end of piped input).
    public func run(_ session: inout Session, readLine: () -> LineRead, first: Event) throws(SessionStoreError)
        -> Outcome
    {
        var event = first
        while true {
            let actions = session.received(event, at: clock())
            try save?(&session)
            show(actions, session: session)
            if session.conversation.isFinished { return .finished }
            if session.conversation.isPaused { return .paused }
            event = nextEvent(readLine, session: session)
        }
    }

    /// The event of the next line read; an over-long line is refused and the question is asked again, as after
    /// any other answer that is not taken.
    private func nextEvent(_ readLine: () -> LineRead, session: Session) -> Event {
        while true {
            if style.interactive { output.put("> ") }
            switch readLine() {
            case .line(let line): return Event(input: line)
            case .tooLong(let limit):
                output.putLine(style.warning(style.wrapped(Strings.answerTooLong(limit: limit)[language])))
                show(session.conversation.current, session: session)
            case .endOfInput, .interrupted:
                if style.interactive { output.putLine() }
                return .command(.pause)
            }
        }
    }

    // MARK: Showing actions

    func show(_ actions: [Action], session: Session) {
        for action in actions {
            switch action {
            case .say(let text):
                output.putLine(style.wrapped(text))
                output.putLine()
            case .heading(let text):
                output.putLine(style.bold(style.wrapped(text.uppercased())))
                output.putLine()
            case .card(let heading, let statements, let quotes):
                if let heading { output.putLine(style.bold(style.wrapped(heading))) }
                for statement in statements {
                    output.putLine(style.wrapped(statement, indent: "  ", firstIndent: "- "))
                }
                for quote in quotes { output.putLine(style.wrapped("»\(quote)«", indent: "  ", firstIndent: "  ")) }
                output.putLine()
            case .ask(let ask):
                show(ask)
            case .reask(let reason):
                output.putLine(style.warning(style.wrapped(Strings.reask(reason)[language])))
            case .chart(let chart):
                output.putLine(chart.text(language: language, width: style.width))
                output.putLine()
            case .help(let commands):
                output.putLine(Strings.helpHeading[language])
                for command in commands {
                    let words = Strings.commandWords(command).joined(separator: " ")
                    output.putLine(
                        style.wrapped(
                            "\(words): \(Strings.commandHelp(command)[language])",
                            indent: "    ", firstIndent: "  "))
                }
            case .confirmEnd:
                output.putLine(style.bold(style.wrapped(Strings.confirmEnd[language])))
            case .paused:
                let resume = "samtale talk --resume \(session.id)"
                let said = save == nil ? Strings.notSaved : Strings.paused(resume: resume)
                output.putLine(style.wrapped(said[language]))
            case .summary(let summary):
                output.putLine()
                output.putLine(summary.text(language: language, width: style.width))
            case .finished:
                output.putLine()
                output.putLine(Strings.finished[language])
                if save != nil {
                    output.putLine(style.wrapped(Strings.exportHint(session.id.description)[language]))
                }
            }
        }
    }

    private func show(_ action: AskAction) {
        let ask = action.ask
        output.putLine(style.dim(Strings.progress(action.progress)[language]))
        if let askedBy = ask.askedBy { output.putLine(style.wrapped(Strings.askedBy(askedBy)[language])) }
        if let follows = ask.follows { output.putLine(style.wrapped(Strings.follows(follows)[language])) }
        output.putLine(style.bold(style.wrapped(ask.text)))
        for hint in Strings.answerHints(for: ask) { output.putLine(style.dim(style.wrapped(hint[language]))) }
        if let previous = action.previous { output.putLine(style.wrapped(Strings.previousAnswer(previous)[language])) }
    }
}
