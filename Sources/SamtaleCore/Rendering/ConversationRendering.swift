// MARK: - Input

extension Event {
    /// What a line typed by a user means: a command word (`/tilbage`, `/back`, …), an unknown slash-word, or an answer.
    public init(input line: String) {
        let trimmed = line.trimmingWhitespace
        guard trimmed.hasPrefix("/"), !trimmed.contains(" ") else {
            self = .answer(line)
            return
        }
        let word = trimmed.lowercased()
        if let command = Command.allCases.first(where: { Strings.commandWords($0).contains(word) }) {
            self = .command(command)
        } else {
            self = .unknownCommand(trimmed)
        }
    }
}

// MARK: - Chart

extension Chart {
    /// The tilt as plain text, readable without colour: two bars per area, one character per five points.
    public func text(language: Language) -> String {
        let width = areas.map(\.count).max() ?? 0
        let labels = [Strings.chartNow[language], Strings.chartNeeded[language]]
        let labelWidth = labels.map(\.count).max() ?? 0
        var lines = [Strings.chartHeading[language]]
        for (index, area) in areas.enumerated() {
            for (row, points) in [now, needed].enumerated() {
                let value = index < points.count ? points[index] : 0
                let name = row == 0 ? area : ""
                lines.append(name.padded(to: width) + "  " + labels[row].padded(to: labelWidth)
                             + " " + String(value).leftPadded(to: 3) + " " + String(repeating: "#", count: (value + 2) / 5))
            }
        }
        lines.append(Strings.largestGap(areas[largestGap], gap(at: largestGap))[language])
        return lines.joined(separator: "\n")
    }
}

// MARK: - Summary

extension Summary {
    /// The summary as plain text for a terminal.
    public func text(language: Language) -> String {
        var lines = ["\(Strings.summaryHeading[language].uppercased()): \(title)"]
        var theme: String?
        for item in items {
            if item.ask.theme != theme, let heading = item.ask.theme {
                lines += ["", "== \(heading) =="]
                theme = heading
            }
            lines.append("- \(item.ask.text)")
            lines.append("  " + (item.answer ?? Strings.skippedAnswer[language]))
        }
        lines += ["", Strings.agreementsHeading[language].uppercased()]
        lines += agreements.isEmpty ? [Strings.noAgreements[language]] : agreementLines(language: language)
        if !ratings.isEmpty {
            lines += ["", Strings.ratingsHeading[language].uppercased()]
            lines += ratings.map { rating in
                "\(rating.score.map(String.init) ?? "–")  \(Strings.ratingKind(rating.kind)[language]): \(rating.subject)"
                    + (rating.example.map { " (\(Strings.exampleLabel[language]): \($0))" } ?? "")
            }
            for (heading, list) in [(Strings.strongestHeading, strongest), (Strings.weakestHeading, weakest)] where !list.isEmpty {
                lines.append("\(heading[language]): " + list.map(\.subject).joined(separator: "; "))
            }
        }
        if let chart { lines += ["", chart.text(language: language)] }
        if endedEarly { lines += ["", Strings.endedEarly[language]] }
        return lines.joined(separator: "\n")
    }

    /// The agreements as numbered lines: what, who and by when.
    func agreementLines(language: Language) -> [String] {
        agreements.enumerated().map { number, agreement in
            var line = "\(number + 1). \(agreement.what)"
            if !agreement.who.isEmpty { line += "; \(Strings.whoLabel[language]): \(agreement.who)" }
            if !agreement.when.isEmpty { line += "; \(Strings.whenLabel[language]): \(agreement.when)" }
            return line
        }
    }
}

// MARK: - Export

extension Session {
    /// Markdown a leader can paste into an e-mail or a personnel file.
    public func markdown(language: Language) -> String {
        let script = conversation.script
        let summary = conversation.summary
        var lines = ["# \(script.title)", ""]
        lines.append("- \(Strings.exportDate[language]): \(conversation.startedAt) (\(Strings.exportUpdated[language]) \(updatedAt))")
        lines.append("- \(Strings.exportFlow[language]): \(script.flowID)")
        lines.append("- \(Strings.exportDeck[language]): \(script.deckTitle), \(script.organisation) (\(Strings.sourceLabel[language]): `\(script.source)`)")
        lines.append("- \(Strings.exportRoles[language]): \(script.roleNames.joined(separator: ", "))")
        if !script.themeNames.isEmpty { lines.append("- \(Strings.exportThemes[language]): \(script.themeNames.joined(separator: ", "))") }
        if !script.participants.isEmpty {
            lines.append("- \(Strings.exportParticipants[language]): \(script.participants.joined(separator: ", "))")
        }
        lines.append("- \(Strings.exportStatus[language]): \(Strings.status(status)[language])")
        lines.append("- \(Strings.exportSession[language]): `\(id)`")

        let questions = summary.items.filter { $0.ask.purpose != .statementRating && $0.ask.purpose != .statementExample
            && $0.ask.purpose != .pitfallRating && $0.ask.purpose != .points }
        if !questions.isEmpty {
            lines += ["", "## \(Strings.exportQuestions[language])"]
            var theme: String?
            for item in questions {
                if item.ask.theme != theme, let heading = item.ask.theme {
                    lines += ["", "### \(heading)"]
                    theme = heading
                }
                let asker = item.ask.askedBy.map { "\(Strings.askedBy($0)[language]) " } ?? ""
                lines += ["", "**\(asker)\(item.ask.text)**", "", item.answer ?? "_\(Strings.skippedAnswer[language])_"]
            }
        }
        lines += ["", "## \(Strings.agreementsHeading[language])", ""]
        lines += summary.agreements.isEmpty ? [Strings.noAgreements[language]] : summary.agreements.map { agreement in
            var line = "- **\(agreement.what)**"
            if !agreement.who.isEmpty { line += "; \(Strings.whoLabel[language]): \(agreement.who)" }
            if !agreement.when.isEmpty { line += "; \(Strings.whenLabel[language]): \(agreement.when)" }
            if let theme = agreement.theme { line += " (\(theme))" }
            return line
        }
        if !summary.ratings.isEmpty {
            lines += ["", "## \(Strings.ratingsHeading[language])", ""]
            lines.append("| \(Strings.scoreLabel[language]) | | \(Strings.exportThemes[language]) | \(Strings.exampleLabel[language]) |")
            lines.append("|---|---|---|---|")
            for rating in summary.ratings {
                let cells = [rating.score.map(String.init) ?? "–", "\(Strings.ratingKind(rating.kind)[language]): \(rating.subject)",
                             rating.theme ?? "", rating.example ?? ""]
                lines.append("| " + cells.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ") + " |")
            }
            for (heading, list) in [(Strings.strongestHeading, summary.strongest), (Strings.weakestHeading, summary.weakest)]
            where !list.isEmpty {
                lines += ["", "**\(heading[language])**: " + list.map(\.subject).joined(separator: "; ")]
            }
        }
        if let chart = summary.chart {
            lines += ["", "## \(Strings.chartHeading[language])", "", "```text", chart.text(language: language), "```"]
        }
        if summary.endedEarly { lines += ["", "_\(Strings.endedEarly[language])_"] }
        return lines.joined(separator: "\n") + "\n"
    }
}

// MARK: - Padding

extension String {
    func padded(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }

    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
