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
    let language: Language
    /// Saves the session as its next revision; nil for a conversation that keeps nothing (an energizer). A failure
    /// stops the conversation rather than go on with answers that are not on disk.
    let save: ((inout Session) throws(SessionStoreError) -> Void)?
    /// The current time as text, for the session's record.
    let clock: () -> String

    public init(
        style: TerminalStyle, language: Language, save: ((inout Session) throws(SessionStoreError) -> Void)?,
        clock: @escaping () -> String
    ) {
        self.style = style
        self.language = language
        self.save = save
        self.clock = clock
    }

    /// Runs until the conversation ends or is paused (by `/pause`, Ctrl-D, Ctrl-C or the end of piped input).
    public func run(_ session: inout Session, readLine: () -> LineRead, first: Event) throws(SessionStoreError) -> Outcome {
        var event = first
        while true {
            let actions = session.received(event, at: clock())
            try save?(&session)
            show(actions, session: session)
            if session.conversation.isFinished { return .finished }
            if session.conversation.isPaused { return .paused }
            if style.interactive { TerminalOutput.put("> ") }
            switch readLine() {
            case .line(let line): event = Event(input: line)
            case .endOfInput, .interrupted:
                if style.interactive { TerminalOutput.putLine() }
                event = .command(.pause)
            }
        }
    }

    // MARK: Showing actions

    func show(_ actions: [Action], session: Session) {
        for action in actions {
            switch action {
            case .say(let text):
                TerminalOutput.putLine(style.wrapped(text))
                TerminalOutput.putLine()
            case .heading(let text):
                TerminalOutput.putLine(style.bold(style.wrapped(text.uppercased())))
                TerminalOutput.putLine()
            case .card(let heading, let statements, let quotes):
                if let heading { TerminalOutput.putLine(style.bold(style.wrapped(heading))) }
                for statement in statements { TerminalOutput.putLine(style.wrapped(statement, indent: "  ", firstIndent: "- ")) }
                for quote in quotes { TerminalOutput.putLine(style.wrapped("»\(quote)«", indent: "  ", firstIndent: "  ")) }
                TerminalOutput.putLine()
            case .ask(let ask):
                show(ask)
            case .reask(let reason):
                TerminalOutput.putLine(style.warning(style.wrapped(Strings.reask(reason)[language])))
            case .chart(let chart):
                TerminalOutput.putLine(chart.text(language: language, width: style.width))
                TerminalOutput.putLine()
            case .help(let commands):
                TerminalOutput.putLine(Strings.helpHeading[language])
                for command in commands {
                    let words = Strings.commandWords(command).joined(separator: " ")
                    TerminalOutput.putLine(style.wrapped("\(words): \(Strings.commandHelp(command)[language])",
                                                         indent: "    ", firstIndent: "  "))
                }
            case .confirmEnd:
                TerminalOutput.putLine(style.bold(style.wrapped(Strings.confirmEnd[language])))
            case .paused:
                let resume = "samtale talk --resume \(session.id)"
                TerminalOutput.putLine(style.wrapped(save == nil ? Strings.notSaved[language] : Strings.paused(resume: resume)[language]))
            case .summary(let summary):
                TerminalOutput.putLine()
                TerminalOutput.putLine(summary.text(language: language, width: style.width))
            case .finished:
                TerminalOutput.putLine()
                TerminalOutput.putLine(Strings.finished[language])
                if save != nil {
                    TerminalOutput.putLine(style.wrapped(Strings.exportHint(session.id.description)[language]))
                }
            }
        }
    }

    private func show(_ action: AskAction) {
        let ask = action.ask
        TerminalOutput.putLine(style.dim(Strings.progress(action.progress)[language]))
        if let askedBy = ask.askedBy { TerminalOutput.putLine(Strings.askedBy(askedBy)[language]) }
        TerminalOutput.putLine(style.bold(style.wrapped(ask.text)))
        if let hint = Strings.answerHint(ask.kind) { TerminalOutput.putLine(style.dim(style.wrapped(hint[language]))) }
        if ask.optional { TerminalOutput.putLine(style.dim(Strings.optionalHint[language])) }
        if let previous = action.previous { TerminalOutput.putLine(style.wrapped(Strings.previousAnswer(previous)[language])) }
    }
}
