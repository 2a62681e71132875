// MARK: - Deck formats

/// The output formats of `samtale show` and `samtale list`.
public enum DocumentFormat: String, CaseIterable, Sendable {
    case text
    case markdown
    case json
}

// MARK: - Show

/// A deck laid out for a reader, optionally narrowed to one role and/or theme.
public struct DeckView: Sendable {
    public let deck: Deck
    public let cards: [Card]
    /// Whether the deck's own texts (how to use, foreword, …) are shown: only when nothing narrows the view.
    public let showsSections: Bool

    /// The word put in for "borger" in every text shown, if the user gave one.
    public let targetGroup: TargetGroup?

    public init(deck: Deck, role: Role?, theme: Theme?, targetGroup: TargetGroup? = nil) {
        self.deck = deck
        self.targetGroup = targetGroup
        let themeIDs = theme.map(deck.themeIDs(within:))
        cards = deck.cards.filter { card in
            (role == nil || card.role == role?.id) && (themeIDs?.contains(card.theme) ?? true)
        }
        showsSections = role == nil && theme == nil
    }

    /// The view in a format; `width` wraps text output (nil: one line per paragraph). A user's deck may hold
    /// control characters: the formats for reading have none.
    public func rendered(as format: DocumentFormat, language: Language, width: Int?) -> String {
        switch format {
        case .text: text(language: language, width: width).withoutControlCharacters
        case .markdown: withTargetGroup(markdown(language: language)).withoutControlCharacters
        case .json: JSONWriter.string(json.mappingStrings(except: Self.identifierKeys, withTargetGroup), style: .pretty)
        }
    }

    // MARK: Text

    private func text(language: Language, width: Int?) -> String {
        var lines: [String] = []
        func paragraph(_ text: String, indent: String = "", first: String? = nil) {
            let text = withTargetGroup(text)
            lines.append(
                width.map { wrap(text, width: $0, indent: indent, firstIndent: first) } ?? (first ?? indent) + text)
        }
        lines.append(deck.title.uppercased())
        lines.append(deck.organisation)
        if showsSections {
            for section in deck.sections {
                lines.append("")
                lines.append(withTargetGroup(section.title).uppercased())
                for text in section.paragraphs { paragraph(text) }
                for item in section.items { paragraph(item, indent: "  ", first: "- ") }
            }
        }
        for card in cards {
            let role = deck.role(id: card.role)
            let theme = deck.theme(id: card.theme)
            lines.append("")
            lines.append(withTargetGroup("== \(role?.name ?? card.role) · \(theme?.name ?? card.theme) =="))
            if let heading = card.heading, heading != theme?.name { paragraph(heading) }
            for statement in card.statements { paragraph(statement, indent: "  ", first: "- ") }
            for quote in card.quotes { paragraph("»\(quote)«", indent: "  ", first: "  ") }
            for pitfall in card.pitfalls { paragraph(pitfall, indent: "  ", first: "! ") }
            for audience in Audience.allCases where !card.questions[audience].isEmpty {
                lines.append(questionHeading(role: role, audience: audience, language: language))
                for (number, question) in card.questions[audience].enumerated() {
                    paragraph(question, indent: "   ", first: "\(number + 1). ")
                }
            }
            for audience in Audience.allCases where !card.written[audience].isEmpty {
                lines.append(Strings.writtenHeading(audience)[language])
                for (number, question) in card.written[audience].enumerated() {
                    paragraph(question, indent: "   ", first: "\(number + 1). ")
                }
            }
        }
        if let notes = templateNotes(language: language) {
            lines.append("")
            lines.append(Strings.templatesHeading[language].uppercased())
            for note in notes { paragraph(note, indent: "  ", first: "- ") }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Markdown

    private func markdown(language: Language) -> String {
        var lines: [String] = ["# \(deck.title)", "", deck.organisation]
        if showsSections {
            for section in deck.sections {
                lines += ["", "## \(section.title)"]
                for text in section.paragraphs { lines += ["", text] }
                if !section.items.isEmpty { lines.append("") }
                for item in section.items { lines.append("- \(item)") }
            }
        }
        for card in cards {
            let role = deck.role(id: card.role)
            let theme = deck.theme(id: card.theme)
            lines += ["", "## \(role?.name ?? card.role) · \(theme?.name ?? card.theme)"]
            if let heading = card.heading, heading != theme?.name { lines += ["", "**\(heading)**"] }
            if !card.statements.isEmpty { lines.append("") }
            for statement in card.statements { lines.append("- \(statement)") }
            for quote in card.quotes { lines += ["", "> \(quote)"] }
            if !card.pitfalls.isEmpty { lines += ["", "**\(Strings.pitfallsHeading[language])**", ""] }
            for pitfall in card.pitfalls { lines.append("- \(pitfall)") }
            for audience in Audience.allCases where !card.questions[audience].isEmpty {
                lines += ["", "**\(questionHeading(role: role, audience: audience, language: language))**", ""]
                for (number, question) in card.questions[audience].enumerated() {
                    lines.append("\(number + 1). \(question)")
                }
            }
            for audience in Audience.allCases where !card.written[audience].isEmpty {
                lines += ["", "**\(Strings.writtenHeading(audience)[language])**", ""]
                for (number, question) in card.written[audience].enumerated() {
                    lines.append("\(number + 1). \(question)")
                }
            }
        }
        if let notes = templateNotes(language: language) {
            lines += ["", "## \(Strings.templatesHeading[language])", ""]
            for note in notes { lines.append("- \(note)") }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Shared parts

    /// The JSON members that hold identifiers, which stay as the deck wrote them.
    private static let identifierKeys: Set<String> = ["id", "role", "theme", "parent", "source"]

    /// `text` with the user's target group put in for "borger"; in text output before wrapping, so lines keep
    /// their width.
    private func withTargetGroup(_ text: String) -> String {
        targetGroup?.apply(to: text) ?? text
    }

    private func questionHeading(role: Role?, audience: Audience, language: Language) -> String {
        role?.questionHeadings?[audience] ?? Strings.audienceHeading(audience)[language]
    }

    /// A deck's own templates, listed once at the end and marked as not the source's, rather than repeated on
    /// every card.
    private func templateNotes(language: Language) -> [String]? {
        guard let templates = deck.templates else { return nil }
        let all = [templates.card, templates.statement, templates.pitfall].flatMap { slot in
            Audience.allCases.flatMap { audience in slot[audience].map { (audience, $0) } }
        }
        guard !all.isEmpty else { return nil }
        return [Strings.templatesNote[language]] + all.map { "\(Strings.audienceLabel($0.0)[language]): \($0.1)" }
    }

    private var json: JSONValue {
        var members = deck.jsonValue(cards: cards)
        if !showsSections { members.removeAll { $0.key == "sections" } }
        return .object(members)
    }
}

// MARK: - Deck as JSON

extension Deck {
    /// The deck in the shape of a deck file (without `$schema`), with only the given cards.
    public func jsonValue(cards: [Card]) -> [JSONMember] {
        var members: [JSONMember] = [
            JSONMember("format", .integer(DeckDecoder.format)),
            JSONMember("id", .string(id)),
            JSONMember("title", .string(title)),
            JSONMember("organisation", .string(organisation)),
            JSONMember("source", .string(source)),
            JSONMember(
                "sections",
                .array(
                    sections.map { section in
                        .object([
                            JSONMember("kind", .string(section.kind.rawValue)),
                            JSONMember("title", .string(section.title)),
                            JSONMember("paragraphs", .strings(section.paragraphs)),
                            JSONMember("items", .strings(section.items)),
                        ])
                    })),
            JSONMember("roles", .array(roles.map(\.jsonValue))),
            JSONMember("themes", .array(themes.map(\.jsonValue))),
            JSONMember("cards", .array(cards.map(\.jsonValue))),
        ]
        guard let templates else { return members }
        let slots = [("card", templates.card), ("statement", templates.statement), ("pitfall", templates.pitfall)]
        members.append(
            JSONMember(
                "templates",
                .object(
                    [JSONMember("origin", .string("samtale"))]
                        + slots.map { name, texts in
                            JSONMember(name, texts.jsonValue)
                        })))
        return members
    }
}

extension Role {
    var jsonValue: JSONValue {
        var members = [
            JSONMember("id", .string(id)),
            JSONMember("name", .string(name)),
            JSONMember("aliases", .strings(aliases)),
            JSONMember("level", .integer(level)),
            JSONMember("description", .strings(description)),
        ]
        if let questionHeadings {
            members.append(
                JSONMember(
                    "questionHeadings",
                    .object([
                        JSONMember("individual", .string(questionHeadings.individual)),
                        JSONMember("group", .string(questionHeadings.group)),
                    ])))
        }
        if let group {
            members.append(
                JSONMember(
                    "group",
                    .object([
                        JSONMember("name", .string(group.name)),
                        JSONMember("heading", .string(group.heading)),
                        JSONMember("tasks", .strings(group.tasks)),
                    ])))
        }
        return .object(members)
    }
}

extension Theme {
    var jsonValue: JSONValue {
        var members = [
            JSONMember("id", .string(id)), JSONMember("name", .string(name)), JSONMember("aliases", .strings(aliases)),
        ]
        if let parent { members.append(JSONMember("parent", .string(parent))) }
        members.append(JSONMember("description", .strings(description)))
        return .object(members)
    }
}

extension Card {
    var jsonValue: JSONValue {
        var members = [JSONMember("role", .string(role)), JSONMember("theme", .string(theme))]
        if let heading { members.append(JSONMember("heading", .string(heading))) }
        members += [
            JSONMember("statements", .strings(statements)),
            JSONMember("quotes", .strings(quotes)),
            JSONMember("pitfalls", .strings(pitfalls)),
            JSONMember("questions", questions.jsonValue),
            JSONMember("written", written.jsonValue),
        ]
        if !needsContext.individual.isEmpty || !needsContext.group.isEmpty {
            members.append(JSONMember("needsContext", needsContext.jsonValue))
        }
        return .object(members)
    }
}

extension PerAudience<[String]> {
    var jsonValue: JSONValue {
        .object([JSONMember("individual", .strings(individual)), JSONMember("group", .strings(group))])
    }
}
