import SamtaleCore

/// Asks, in the terminal or from piped lines, for whatever a new conversation still lacks.
public enum TerminalSetup {
    /// The completed setup, or nil when input ended or was interrupted before it was complete.
    public static func complete(
        _ setup: PartialSetup, planner: SetupPlanner, readLine: () -> LineRead, style: TerminalStyle,
        output: TerminalOutput
    ) -> PartialSetup? {
        var setup = setup
        planner.completeRoles(&setup)
        while let choice = planner.nextChoice(settling: &setup) {
            output.putLine(style.bold(style.wrapped(choice.question)))
            for (number, option) in choice.options.enumerated() {
                output.putLine(style.wrapped(option.name, indent: "     ", firstIndent: "  \(number + 1). ".padding(5)))
            }
            if let index = choice.defaultOption {
                let chooses = Strings.setupDefault(choice.options[index].title)[planner.language]
                output.putLine(style.dim(style.wrapped(chooses)))
            }
            while true {
                if style.interactive { output.put("> ") }
                let answer: String
                switch readLine() {
                case .line(let line): answer = line
                case .tooLong(let limit):
                    output.putLine(style.warning(style.wrapped(Strings.answerTooLong(limit: limit)[planner.language])))
                    continue
                case .endOfInput, .interrupted: return nil
                }
                do {
                    try planner.apply(answer, to: choice, in: &setup)
                    break
                } catch {
                    output.putLine(style.warning(style.wrapped(error.message[planner.language])))
                }
            }
            output.putLine()
        }
        return setup
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
