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
        case .json:
            JSONWriter.string(
                json.mappingStrings(except: Self.identifierKeys.union(["corrections"]), withTargetGroup), style: .pretty
            )
        }
    }

    // MARK: Text

    private func text(language: Language, width: Int?) -> String {
        var lines: [String] = []
        /// `ours` is samtale's own text (a written question, a template): no correction of the source is marked.
        func paragraph(_ text: String, indent: String = "", first: String? = nil, ours: Bool = false) {
            let text = ours ? withTargetGroup(text) : read(text, language: language)
            lines.append(
                width.map { wrap(text, width: $0, indent: indent, firstIndent: first) } ?? (first ?? indent) + text)
        }
        func heading(_ text: String) {
            lines += ["", read("== \(text) ==", language: language)]
        }
        lines.append(deck.title.uppercased())
        lines.append(deck.organisation)
        if showsSections {
            for section in deck.sections {
                lines.append("")
                lines.append(read(section.title, language: language).uppercased() + titleMark(section, language))
                for block in section.blocks {
                    switch block {
                    case .paragraph(let text): paragraph(text)
                    case .list(let items): for item in items { paragraph(item, indent: "  ", first: "- ") }
                    }
                }
            }
        }
        var framework = Framework()
        for card in cards {
            let role = deck.role(id: card.role)
            let theme = deck.theme(id: card.theme)
            for part in framework.parts(before: card, in: deck) {
                switch part {
                case .group(let group):
                    heading("\(group.name) · \(group.heading)")
                    for task in group.tasks { paragraph(task, indent: "  ", first: "- ") }
                case .form(let form):
                    heading(form.name)
                    for text in form.description { paragraph(text) }
                }
            }
            heading("\(role?.name ?? card.role) · \(theme?.name ?? card.theme)")
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
                    paragraph(question, indent: "   ", first: "\(number + 1). ", ours: true)
                }
            }
        }
        if !energizerThemes.isEmpty {
            lines += ["", Strings.energizersHeading[language].uppercased()]
            for theme in energizerThemes {
                heading(theme.name)
                for (number, question) in theme.energizers.enumerated() {
                    paragraph(question, indent: "   ", first: "\(number + 1). ", ours: true)
                }
            }
        }
        if let notes = templateNotes(language: language) {
            lines.append("")
            lines.append(Strings.templatesHeading[language].uppercased())
            paragraph(Strings.templatesNote[language], ours: true)
            for note in notes { paragraph(note, indent: "  ", first: "- ", ours: true) }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Markdown

    private func markdown(language: Language) -> String {
        var lines: [String] = ["# \(deck.title)", "", deck.organisation]
        var ours: Set<Int> = []
        if showsSections {
            for section in deck.sections {
                lines += ["", "## \(section.title)" + titleMark(section, language)]
                for block in section.blocks {
                    switch block {
                    case .paragraph(let text): lines += ["", text]
                    case .list(let items): lines += [""] + items.map { "- \($0)" }
                    }
                }
            }
        }
        var framework = Framework()
        for card in cards {
            let role = deck.role(id: card.role)
            let theme = deck.theme(id: card.theme)
            for part in framework.parts(before: card, in: deck) {
                switch part {
                case .group(let group):
                    lines += ["", "## \(group.name) · \(group.heading)", ""] + group.tasks.map { "- \($0)" }
                case .form(let form):
                    lines += ["", "## \(form.name)"] + form.description.flatMap { ["", $0] }
                }
            }
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
                    ours.insert(lines.count)
                    lines.append("\(number + 1). \(question)")
                }
            }
        }
        if !energizerThemes.isEmpty {
            lines += ["", "## \(Strings.energizersHeading[language])"]
            for theme in energizerThemes {
                lines += ["", "**\(theme.name)**", ""]
                for (number, question) in theme.energizers.enumerated() {
                    ours.insert(lines.count)
                    lines.append("\(number + 1). \(question)")
                }
            }
        }
        if let notes = templateNotes(language: language) {
            lines += ["", "## \(Strings.templatesHeading[language])", ""]
            ours.insert(lines.count)
            lines += [Strings.templatesNote[language], ""]
            for note in notes {
                ours.insert(lines.count)
                lines.append("- \(note)")
            }
        }
        // samtale's own lines (written questions, templates) are not the source's, so no correction is marked there.
        return lines.enumerated().map { index, line in
            ours.contains(index) ? line : deck.markingCorrections(line) { Strings.sourceReading($0)[language] }
        }.joined(separator: "\n")
    }

    // MARK: Shared parts

    /// The JSON members that hold identifiers, which stay as the deck wrote them.
    private static let identifierKeys: Set<String> = ["id", "role", "theme", "parent", "source"]

    /// `text` with the user's target group put in for "borger"; in text output before wrapping, so lines keep
    /// their width.
    private func withTargetGroup(_ text: String) -> String {
        targetGroup?.apply(to: text) ?? text
    }

    /// A text as `show` gives it: each corrected typo marked with the source's words, the target group put in.
    private func read(_ text: String, language: Language) -> String {
        withTargetGroup(deck.markingCorrections(text) { Strings.sourceReading($0)[language] })
    }

    /// After a section's title that the source does not have: that samtale named it.
    private func titleMark(_ section: DeckSection, _ language: Language) -> String {
        switch section.titleOrigin {
        case .source: ""
        case .samtale: " " + Strings.samtaleHeading[language]
        }
    }

    /// The parts of the framework that stand above the cards, each shown once, before the first card it frames:
    /// the shared task of a role's group (Skanderborg's "Den fælles opgave") and a form of leadership with its
    /// definition (Socialafdelingen's three).
    private struct Framework {
        enum Part {
            case group(RoleGroup)
            case form(Theme)
        }

        private var shownRoles: Set<String> = []
        private var shownThemes: Set<String> = []

        mutating func parts(before card: Card, in deck: Deck) -> [Part] {
            var parts: [Part] = []
            if let group = deck.role(id: card.role)?.group, shownRoles.insert(card.role).inserted {
                parts.append(.group(group))
            }
            let theme = deck.theme(id: card.theme)
            let forms = [theme?.parent.flatMap(deck.theme(id:)), theme].compactMap { $0 }
            for form in forms where !form.description.isEmpty && shownThemes.insert(form.id).inserted {
                parts.append(.form(form))
            }
            return parts
        }
    }

    private func questionHeading(role: Role?, audience: Audience, language: Language) -> String {
        role?.questionHeadings?[audience] ?? Strings.audienceHeading(audience)[language]
    }

    /// The themes of the cards shown, and the forms of leadership above them, that have energizer questions: listed
    /// once at the end, as they belong to a theme rather than to one role's card.
    private var energizerThemes: [Theme] {
        let shown = Set(cards.flatMap { card in [card.theme] + [deck.theme(id: card.theme)?.parent].compactMap { $0 } })
        return deck.themes.filter { shown.contains($0.id) && !$0.energizers.isEmpty }
    }

    /// A deck's own templates, listed once at the end under a note that they are not the source's, rather than
    /// repeated on every card.
    private func templateNotes(language: Language) -> [String]? {
        guard let templates = deck.templates else { return nil }
        let all = [templates.card, templates.statement, templates.pitfall].flatMap { slot in
            Audience.allCases.flatMap { audience in slot[audience].map { (audience, $0) } }
        }
        guard !all.isEmpty else { return nil }
        return all.map { "\(Strings.audienceLabel($0.0)[language]): \($0.1)" }
    }

    private var json: JSONValue {
        .object(deck.jsonValue(cards: cards, withSections: showsSections))
    }
}

// MARK: - Deck as JSON

extension Deck {
    /// The deck in the shape of a deck file, with only the given cards (and its sections or none): the source's own
    /// words, and the corrections that samtale reads them by.
    public func jsonValue(cards: [Card], withSections: Bool = true) -> [JSONMember] {
        let sectionsMember = JSONMember(
            "sections",
            .array(
                sections.map { section in
                    .object([
                        JSONMember("kind", .string(section.kind.rawValue)),
                        JSONMember("title", .string(section.title)),
                        JSONMember("titleOrigin", .string(section.titleOrigin.rawValue)),
                        JSONMember("paragraphs", .strings(section.paragraphs)),
                        JSONMember(
                            "lists",
                            .array(
                                section.lists.map { list in
                                    .object([
                                        JSONMember("after", .integer(list.after)),
                                        JSONMember("items", .strings(list.items)),
                                    ])
                                })),
                        JSONMember("items", .strings(section.items)),
                    ])
                }))
        // Named as the built-in deck files name it, so that a deck shown as JSON is a deck file `validate` accepts.
        var members: [JSONMember] = [
            JSONMember("$schema", .string("./deck.schema.json")),
            JSONMember("format", .integer(DeckDecoder.format)),
            JSONMember("id", .string(id)),
            JSONMember("title", .string(title)),
            JSONMember("organisation", .string(organisation)),
            JSONMember("source", .string(source)),
        ]
        if withSections { members.append(sectionsMember) }
        members += [
            JSONMember("roles", .array(roles.map(\.jsonValue))),
            JSONMember("themes", .array(themes.map(\.jsonValue))),
            JSONMember("cards", .array(cards.map(\.jsonValue))),
        ]
        if let templates {
            let slots = [
                ("card", templates.card), ("statement", templates.statement), ("pitfall", templates.pitfall),
            ]
            members.append(
                JSONMember(
                    "templates",
                    .object(
                        [JSONMember("origin", .string("samtale"))]
                            + slots.map { name, texts in
                                JSONMember(name, texts.jsonValue)
                            })))
        }
        let kept = Self.samtalesOwnKeys.union(["id", "role", "theme", "parent"])
        var texts: [String] = []
        let sourceWords = members.map { member in
            kept.contains(member.key)
                ? member
                : JSONMember(
                    member.key,
                    member.value.mappingStrings(except: kept) { text in
                        let source = original(text)
                        texts.append(source)
                        return source
                    })
        }
        // A view of some cards keeps only the corrections its texts still need, so that it is a deck file too.
        let needed = corrections.filter { correction in texts.contains { $0.contains(correction.original) } }
        return sourceWords + [
            JSONMember(
                "corrections",
                .array(
                    needed.map { correction in
                        .object([
                            JSONMember("original", .string(correction.original)),
                            JSONMember("reading", .string(correction.reading)),
                        ])
                    }))
        ]
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
        if !energizers.isEmpty { members.append(JSONMember("energizers", .strings(energizers))) }
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
