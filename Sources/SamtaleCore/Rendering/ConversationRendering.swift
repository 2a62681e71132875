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
    /// Beside the area's name when `width` allows it (nil: any width), else under it.
    public func text(language: Language, width: Int? = nil) -> String {
        let nameWidth = areas.map(\.count).max() ?? 0
        let labels = [Strings.chartNow[language], Strings.chartNeeded[language]]
        let labelWidth = labels.map(\.count).max() ?? 0
        let barWidth = (([now, needed].flatMap { $0 }.max() ?? 0) + 2) / 5
        let besideNames = width.map { nameWidth + 2 + labelWidth + 5 + barWidth <= $0 } ?? true
        var lines = [Strings.chartHeading[language]]
        for (index, area) in areas.enumerated() {
            if !besideNames { lines.append(width.map { wrap(area, width: $0) } ?? area) }
            for (row, points) in [now, needed].enumerated() {
                let value = index < points.count ? points[index] : 0
                let name = besideNames ? (row == 0 ? area : "").padded(to: nameWidth) + "  " : "  "
                lines.append(
                    name + labels[row].padded(to: labelWidth) + " " + String(value).leftPadded(to: 3) + " "
                        + String(repeating: "#", count: (value + 2) / 5))
            }
        }
        let gap = Strings.largestGap(areas[largestGap], gap(at: largestGap))[language]
        lines.append(width.map { wrap(gap, width: $0) } ?? gap)
        return lines.joined(separator: "\n").withoutControlCharacters
    }
}

// MARK: - Summary

extension Summary {
    /// The summary as plain text for a terminal, wrapped to `width` when given; answers may come from anywhere, so
    /// it holds no control characters.
    public func text(language: Language, width: Int? = nil) -> String {
        lines(language: language, width: width).joined(separator: "\n").withoutControlCharacters
    }

    /// The summary without its heading line, for a place that shows the title on its own (a chat card).
    public func body(language: Language) -> String {
        lines(language: language, width: nil).dropFirst().drop { $0.isEmpty }.joined(separator: "\n")
            .withoutControlCharacters
    }

    /// The heading with the title, the answers by theme, the agreements, the ratings and the chart.
    private func lines(language: Language, width: Int?) -> [String] {
        func wrapped(_ text: String, indent: String = "", first: String? = nil) -> String {
            width.map { wrap(text, width: $0, indent: indent, firstIndent: first) } ?? (first ?? indent) + text
        }
        var lines = [wrapped("\(Strings.summaryHeading[language].uppercased()): \(title)")]
        if let timeBox { lines.append(wrapped(Strings.timeBox(timeBox)[language])) }
        if let followUps {
            lines += ["", Strings.followUpHeading[language].uppercased()]
            for (number, followUp) in followUps.enumerated() {
                lines.append(
                    wrapped(
                        "\(number + 1). \(followUp.agreement.what)"
                            + Strings.followUpParticulars(followUp)[language], indent: "   "))
                if let comment = followUp.comment {
                    lines.append(wrapped("\(Strings.followUpComment[language]): \(comment)", indent: "   "))
                }
            }
            // The check-in, asked before the follow-up, stands apart from it.
            if items.first?.ask.theme == nil { lines.append("") }
        }
        var theme: String?
        for item in itemsBesideRatings {
            if item.ask.theme != theme, let heading = item.ask.theme {
                lines += ["", wrapped("== \(heading) ==")]
                theme = heading
            }
            let question = item.ask.follows.map { "\(item.ask.text) (\(Strings.follows($0)[language]))" }
            lines.append(wrapped(item.ask.asker(language) + (question ?? item.ask.text), indent: "  ", first: "- "))
            lines.append(wrapped(item.answer ?? Strings.skippedAnswer[language], indent: "  "))
        }
        if let agreements {
            lines += ["", Strings.agreementsHeading[language].uppercased()]
            lines +=
                agreements.isEmpty
                ? [wrapped(Strings.noAgreements[language])]
                : agreementLines(language: language).map { wrapped($0, indent: "   ") }
        }
        if !ratings.isEmpty {
            lines += ["", Strings.ratingsHeading[language].uppercased(), wrapped(ratingScales[language])]
            lines += strongestAndWeakest(language: language).map { wrapped("\($0): \($1)") }
            let averages = areaAverages
            for (area, ratings) in ratingsByArea {
                lines += area.isEmpty ? [""] : ["", wrapped("== \(area) ==")]
                if let average = averages.first(where: { $0.area == area }) {
                    lines.append(wrapped(Strings.areaAverage(average)[language]))
                }
                for kind in [Rating.Kind.statement, .pitfall] {
                    let rated = ratings.filter { $0.kind == kind }
                    if kind == .pitfall, !rated.isEmpty { lines.append(wrapped(Strings.pitfallCloseness[language])) }
                    lines += rated.map { rating in
                        wrapped(
                            rating.subject
                                + (rating.example.map { " (\(Strings.exampleLabel[language]): \($0))" } ?? ""),
                            indent: "   ", first: "\(rating.score.map(String.init) ?? "–")  ")
                    }
                }
            }
        }
        if let chart { lines += ["", chart.text(language: language, width: width)] }
        if let nextDate { lines += ["", wrapped("\(Strings.nextDateLabel[language]): \(nextDate)")] }
        if endedEarly { lines += ["", wrapped(Strings.endedEarly[language])] }
        return lines
    }

    /// What 1 and 5 mean on the scales that were rated.
    var ratingScales: Localized {
        Strings.ratingScales(
            statements: ratings.contains { $0.kind == .statement }, pitfalls: ratings.contains { $0.kind == .pitfall })
    }

    /// "Stærkest" and "Svagest" with the items they name, where there are any; a pitfall named as the one furthest
    /// from or closest to, so that it never reads as a strength or a weakness of its own.
    func strongestAndWeakest(language: Language) -> [(heading: String, subjects: String)] {
        [(Strings.strongestHeading, strongest, true), (Strings.weakestHeading, weakest, false)].compactMap {
            heading, list, strongest in
            let subjects = list.map { rating in
                rating.kind == .statement
                    ? rating.subject : Strings.pitfallAtTheEnd(rating.subject, furthest: strongest)[language]
            }
            return list.isEmpty ? nil : (heading[language], subjects.joined(separator: "; "))
        }
    }

    /// The agreements as numbered lines: what, who and by when.
    func agreementLines(language: Language) -> [String] {
        (agreements ?? []).enumerated().map { number, agreement in
            "\(number + 1). \(agreement.what)"
                + Strings.agreementParticulars(who: agreement.who, when: agreement.when)[language]
        }
    }
}

extension Ask {
    /// Who puts the question, before it in a record ("Ann spørger: "), so that a team or two levels see who asked
    /// what; empty where nobody in particular does.
    func asker(_ language: Language) -> String {
        askedBy.map { "\(Strings.askedBy($0)[language]) " } ?? ""
    }
}

// MARK: - Export

extension Session {
    /// The complete record for `sessions export --format json`: what the session's file holds.
    public func exportJSON() -> String {
        JSONWriter.string(record, style: .pretty)
    }

    /// One row of `sessions list --format json` and of the protocol's `sessions`.
    public var listRow: JSONValue {
        let progress = conversation.progress
        // Where a conversation started in chat came from, after the members every row has.
        let chat = setup.chat.map { origin in
            [
                JSONMember(
                    "chat",
                    .object([
                        JSONMember("platform", .string(origin.platform)),
                        JSONMember("endpoint", .string(origin.endpoint)),
                    ]))
            ]
        }
        return .object(
            [
                JSONMember("id", .string(id.description)),
                JSONMember("flow", .string(setup.flow)),
                JSONMember("deck", .string(setup.deck)),
                JSONMember("roles", .strings(setup.roles)),
                JSONMember("started", .string(conversation.startedAt)),
                JSONMember("updated", .string(updatedAt)),
                JSONMember("status", .string(status.rawValue)),
                JSONMember(
                    "progress",
                    .object([
                        JSONMember("current", .integer(progress.current)),
                        JSONMember("total", .integer(progress.total)),
                    ])),
            ] + (chat ?? []))
    }

    /// Markdown a leader can paste into an e-mail or a personnel file, or read in the terminal, headed by the flow's
    /// title; answers may come from anywhere (a `serve` client), so it holds no control characters. Every label and
    /// the title are in `language`: the title is the flow's among `flows` (the session keeps it in its own language
    /// only), so a record exported in the other language never heads English labels with a Danish title.
    public func markdown(language: Language, flows: [Flow] = []) -> String {
        let script = conversation.script
        let summary = conversation.summary
        let title =
            language == setup.language
            ? script.title : flows.first { $0.id == script.flowID }?.title[language] ?? script.title
        var lines = ["# \(title)", ""]
        lines.append(
            "- \(Strings.exportDate[language]): \(Strings.moment(conversation.startedAt)[language]) "
                + "(\(Strings.exportUpdated[language]) "
                + "\(Strings.moment(updatedAt, sameDayAs: conversation.startedAt)[language]))"
        )
        lines.append("- \(Strings.exportDeck[language]): \(script.deckTitle), \(script.organisation)")
        lines.append("- \(Strings.exportRoles[language]): \(script.roleNames.joined(separator: ", "))")
        if !script.themeNames.isEmpty {
            lines.append("- \(Strings.exportThemes[language]): \(script.themeNames.joined(separator: ", "))")
        }
        if let timeBox = script.timeBox { lines.append("- \(Strings.timeBox(timeBox)[language])") }
        if !script.participants.isEmpty {
            lines.append(
                "- \(Strings.exportParticipants[language]): \(script.participants.joined(separator: ", ").markdownLine)"
            )
        }
        for (label, name) in [(Strings.exportEmployee, setup.with), (Strings.exportLeader, setup.leader)] {
            if let name { lines.append("- \(label[language]): \(name.markdownLine)") }
        }
        if let nextDate = summary.nextDate {
            lines.append("- \(Strings.nextDateLabel[language]): \(nextDate.markdownLine)")
        }
        lines.append("- \(Strings.exportStatus[language]): \(Strings.status(status)[language])")
        lines.append("- \(Strings.exportSession[language]): `\(id)`")
        if let followUps = summary.followUps {
            lines += ["", "## \(Strings.followUpHeading[language])"]
            for followUp in followUps {
                lines += [
                    "",
                    "- **\(followUp.agreement.what.markdownLine)**"
                        + Strings.followUpParticulars(followUp)[language].markdownLine,
                ]
                if let comment = followUp.comment {
                    lines += ["", "_\(Strings.followUpComment[language]):_ " + comment.markdownParagraphs]
                }
            }
        }

        let questions = summary.itemsBesideRatings.filter { $0.ask.purpose != .points }
        if !questions.isEmpty {
            lines += ["", "## \(Strings.exportQuestions[language])"]
            var theme: String?
            for item in questions {
                if item.ask.theme != theme, let heading = item.ask.theme {
                    lines += ["", "### \(heading)"]
                    lines += script.cardsBeforeQuestions(on: heading).flatMap(\.markdownLines)
                    theme = heading
                }
                lines += item.ask.follows.map { ["", "_\(Strings.follows($0)[language])_"] } ?? []
                lines += [
                    "", "**\(item.ask.asker(language))\(item.ask.text)**", "",
                    item.answer?.markdownParagraphs ?? "_\(Strings.skippedAnswer[language])_",
                ]
            }
        }
        if let agreements = summary.agreements {
            lines += ["", "## \(Strings.agreementsHeading[language])", ""]
            lines +=
                agreements.isEmpty
                ? [Strings.noAgreements[language]]
                : agreements.map { agreement in
                    var line = "- **\(agreement.what.markdownLine)**"
                    line +=
                        Strings.agreementParticulars(
                            who: agreement.who.markdownLine, when: agreement.when.markdownLine,
                            theme: agreement.theme?.markdownLine)[language]
                    return line
                }
        }
        if !summary.ratings.isEmpty { lines += summary.markdownRatingLines(language: language) }
        if let chart = summary.chart {
            lines += ["", "## \(Strings.chartHeading[language])", "", "```text", chart.text(language: language), "```"]
        }
        if summary.endedEarly { lines += ["", "_\(Strings.endedEarly[language])_"] }
        // A finished 1:1 is the record that goes in a personnel file, so both parties confirm it there.
        if script.confirmation, status == .finished {
            lines += [
                "", "## \(Strings.exportConfirmationHeading[language])", "", Strings.exportConfirmation[language],
            ]
            lines += zip(Strings.exportSigners, [setup.leader, setup.with]).flatMap { signer, name in
                let signer = signer[language] + (name.map { " (\($0.markdownLine))" } ?? "")
                return ["", "\(signer): \(blank(22))   \(Strings.exportDate[language]): \(blank(12))"]
            }
        }
        return (lines.joined(separator: "\n") + "\n").withoutControlCharacters
    }
}

extension Summary {
    /// A self-reflection's ratings in Markdown: what the scales mean, the average per area, the strongest and
    /// weakest, then each area's statements and pitfalls in tables of their own, so no closeness stands among scores.
    fileprivate func markdownRatingLines(language: Language) -> [String] {
        var lines = ["", "## \(Strings.ratingsHeading[language])", "", ratingScales[language]]
        let averages = areaAverages
        if !averages.isEmpty {
            let rows = averages.map { average in
                [
                    average.area, Strings.average(tenths: average.tenths)[language],
                    Strings.rated(average.rated, of: average.statements)[language],
                ]
            }
            lines += [""] + table(Strings.averageColumns.map { $0[language] }, rows)
        }
        lines += strongestAndWeakest(language: language).flatMap { ["", "**\($0)**: \($1)"] }
        for (area, ratings) in ratingsByArea {
            if !area.isEmpty { lines += ["", "### \(area)"] }
            let statements = ratings.filter { $0.kind == .statement }
            if !statements.isEmpty {
                let rows = statements.map {
                    [$0.score.map(String.init) ?? "–", $0.subject, $0.example?.markdownLine ?? ""]
                }
                lines += [""] + table(Strings.statementColumns.map { $0[language] }, rows)
            }
            let pitfalls = ratings.filter { $0.kind == .pitfall }
            if !pitfalls.isEmpty {
                let rows = pitfalls.map { [$0.score.map(String.init) ?? "–", $0.subject] }
                lines += [""] + table(Strings.pitfallColumns.map { $0[language] }, rows)
            }
        }
        return lines
    }
}

/// A Markdown table: its head, the rule under it and a row per item, with any `|` in a cell escaped.
private func table(_ head: [String], _ rows: [[String]]) -> [String] {
    let line = { (cells: [String]) in
        "| " + cells.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ") + " |"
    }
    return [line(head), "|" + String(repeating: "---|", count: head.count)] + rows.map(line)
}

/// A line to write on by hand.
private func blank(_ width: Int) -> String {
    String(repeating: "_", count: width)
}

// MARK: - Cards

/// A card's heading, statements and quotes, as a record shows what the conversation went through.
struct ShownCard {
    let heading: String?
    let statements: [String]
    let quotes: [String]

    /// The heading in bold, the statements as a list and the quotes quoted, each block after a blank line.
    var markdownLines: [String] {
        var lines = heading.map { ["", "**\($0.markdownLine)**"] } ?? []
        if !statements.isEmpty { lines += [""] + statements.map { "- \($0.markdownLine)" } }
        if !quotes.isEmpty { lines += [""] + quotes.map { "> \($0.markdownLine)" } }
        return lines
    }
}

extension Script {
    /// The cards shown right before the first question on `theme`: what the questions on it were asked against. A
    /// card headed by the theme's own name, which the record shows above it, goes without its heading.
    func cardsBeforeQuestions(on theme: String) -> [ShownCard] {
        var shown: [ShownCard] = []
        for step in steps {
            switch step {
            case .card(let heading, let statements, let quotes):
                shown.append(
                    ShownCard(heading: heading == theme ? nil : heading, statements: statements, quotes: quotes))
            case .ask(let ask) where ask.theme == theme:
                return shown
            case .ask, .gapQuestions:
                shown = []
            case .say, .heading, .agreements, .chart, .summary:
                break
            }
        }
        return []
    }
}

// MARK: - Markdown

extension String {
    /// What someone typed, as Markdown shows it word for word: a line that begins like a heading, a quote, a list,
    /// a rule, a table or a code fence gets that character escaped, and `<` never opens HTML, so an answer can never
    /// add a section to a record. The lines and paragraphs stay as typed.
    var markdownParagraphs: String {
        split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let text = String(line).replacing("<", with: "\\<")
            guard let first = text.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return text }
            let rest = text[first...]
            let marker =
                rest.first.map { "#>-+*=_`~|".contains($0) } == true
                || rest.prefix { $0.isASCII && $0.isNumber }.count > 0
                    && [".", ")"].contains(rest.drop { $0.isASCII && $0.isNumber }.first.map(String.init) ?? "")
            guard marker else { return text }
            let at = rest.first?.isNumber == true ? rest.firstIndex { !($0.isASCII && $0.isNumber) }! : first
            return String(text[..<at]) + "\\" + String(text[at...])
        }.joined(separator: "\n")
    }

    /// What someone typed, inside a line of a list or table: line breaks become spaces, and `<` never opens HTML.
    /// Not at the start of a line, so nothing else can make a block of it.
    var markdownLine: String {
        split(whereSeparator: \.isNewline).joined(separator: " ").replacing("<", with: "\\<")
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
