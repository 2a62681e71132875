import SamtaleCore

/// Asks, in the terminal or from piped lines, for whatever a new conversation still lacks.
public enum TerminalSetup {
    /// The completed setup, or nil when input ended or was interrupted before it was complete.
    public static func complete(
        _ setup: PartialSetup, planner: SetupPlanner, readLine: () -> LineRead, style: TerminalStyle
    ) -> PartialSetup? {
        var setup = setup
        planner.completeRoles(&setup)
        while let choice = planner.nextChoice(settling: &setup) {
            TerminalOutput.putLine(style.bold(style.wrapped(choice.question)))
            for (number, option) in choice.options.enumerated() {
                TerminalOutput.putLine(style.wrapped(option.name, indent: "     ", firstIndent: "  \(number + 1). ".padding(5)))
            }
            if let index = choice.defaultOption {
                TerminalOutput.putLine(style.dim(style.wrapped(Strings.setupDefault(choice.options[index].name)[planner.language])))
            }
            while true {
                if style.interactive { TerminalOutput.put("> ") }
                guard case .line(let answer) = readLine() else { return nil }
                do {
                    try planner.apply(answer, to: choice, in: &setup)
                    break
                } catch {
                    TerminalOutput.putLine(style.warning(style.wrapped(error.message(in: planner.language))))
                }
            }
            TerminalOutput.putLine()
        }
        return setup
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
