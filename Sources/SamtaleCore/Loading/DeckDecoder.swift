// MARK: - DeckDecoder

/// Turns the bytes of a deck file into a `Deck`, or into every issue found in it.
///
/// Decoding by hand over `JSONValue` rather than with `Codable`: unknown keys, duplicate keys and the JSON path
/// of each problem must be reported, and every problem in a file at once, not only the first.
public enum DeckDecoder {
    /// The deck format this version reads.
    public static let format = 1

    public static func decode(_ bytes: [UInt8]) throws(DeckIssues) -> Deck {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw DeckIssues(issues: [DeckIssue(.syntax(error), at: .root)])
        }
        var reader = Reader()
        let deck = reader.deck(document)
        guard let deck, reader.issues.isEmpty else { throw DeckIssues(issues: reader.issues) }
        return deck
    }
}

// MARK: - Reader

/// Walks a document, collecting issues; each method returns nil (or skips an element) where the value is unusable.
private struct Reader {
    var issues: [DeckIssue] = []

    mutating func report(_ problem: DeckIssue.Problem, at path: JSONPath) {
        issues.append(DeckIssue(problem, at: path))
    }

    // MARK: Deck

    mutating func deck(_ value: JSONValue) -> Deck? {
        let path = JSONPath.root
        guard let fields = object(value, at: path,
            required: ["$schema", "format", "id", "title", "organisation", "source", "roles", "themes", "cards"],
            optional: ["sections", "templates"]) else { return nil }

        _ = text(fields, "$schema")
        if let format = fields["format"], format.value != .number(String(DeckDecoder.format)) {
            if case .number(let literal) = format.value {
                report(.unsupportedFormat(literal), at: format.path)
            } else {
                report(.wrongType(expected: .integer, found: format.value.kind), at: format.path)
            }
        }
        let id = slug(fields, "id")
        let title = text(fields, "title")
        let organisation = text(fields, "organisation")
        let source = text(fields, "source")
        let sections = list(fields, "sections") { reader, value, path in reader.section(value, at: path) }
        let roles = list(fields, "roles", nonEmpty: true) { reader, value, path in reader.role(value, at: path) }
        let themes = list(fields, "themes", nonEmpty: true) { reader, value, path in reader.theme(value, at: path) }
        let cards = list(fields, "cards", nonEmpty: true) { reader, value, path in reader.card(value, at: path) }
        let templates = fields["templates"].flatMap { decodeTemplates($0.value, at: $0.path) } ?? Templates.none

        checkUniqueIDs(roles.map { ($0.path, $0.element.id) })
        checkUniqueIDs(themes.map { ($0.path, $0.element.id) })
        checkThemeParents(themes)
        checkCards(cards, roles: roles.map(\.element), themes: themes.map(\.element), templates: templates)

        guard let id, let title, let organisation, let source else { return nil }
        return Deck(
            id: id, title: title, organisation: organisation, source: source,
            sections: sections.map(\.element), roles: roles.map(\.element), themes: themes.map(\.element),
            cards: cards.map(\.element), templates: templates
        )
    }

    // MARK: Parts

    mutating func section(_ value: JSONValue, at path: JSONPath) -> DeckSection? {
        guard let fields = object(value, at: path, required: ["kind", "title"], optional: ["paragraphs", "items"]) else {
            return nil
        }
        let kind = text(fields, "kind").flatMap { raw -> DeckSection.Kind? in
            guard let kind = DeckSection.Kind(rawValue: raw) else {
                report(.notOneOf(raw, allowed: DeckSection.Kind.allCases.map(\.rawValue)), at: path.appending("kind"))
                return nil
            }
            return kind
        }
        let title = text(fields, "title")
        if fields["paragraphs"] == nil && fields["items"] == nil { report(.sectionWithoutText, at: path) }
        let paragraphs = texts(fields, "paragraphs")
        let items = texts(fields, "items")
        guard let kind, let title else { return nil }
        return DeckSection(kind: kind, title: title, paragraphs: paragraphs, items: items)
    }

    mutating func role(_ value: JSONValue, at path: JSONPath) -> Role? {
        guard let fields = object(value, at: path, required: ["id", "name", "level"],
            optional: ["aliases", "description", "questionHeadings", "group"]) else { return nil }
        let id = slug(fields, "id")
        let name = text(fields, "name")
        let level = integer(fields, "level")
        if let level, level < 0 { report(.negativeLevel(level), at: path.appending("level")) }
        let headings = fields["questionHeadings"].flatMap { field -> PerAudience<String>? in
            guard let parts = object(field.value, at: field.path, required: ["individual", "group"], optional: []),
                let individual = text(parts, "individual"), let group = text(parts, "group") else { return nil }
            return PerAudience(individual: individual, group: group)
        }
        let group = fields["group"].flatMap { field -> RoleGroup? in
            guard let parts = object(field.value, at: field.path, required: ["name", "heading", "tasks"], optional: []) else {
                return nil
            }
            let name = text(parts, "name")
            let heading = text(parts, "heading")
            let tasks = texts(parts, "tasks")
            guard let name, let heading else { return nil }
            return RoleGroup(name: name, heading: heading, tasks: tasks)
        }
        let aliases = texts(fields, "aliases")
        let description = texts(fields, "description")
        guard let id, let name, let level else { return nil }
        return Role(id: id, name: name, aliases: aliases, level: level, description: description,
                    questionHeadings: headings, group: group)
    }

    mutating func theme(_ value: JSONValue, at path: JSONPath) -> Theme? {
        guard let fields = object(value, at: path, required: ["id", "name"],
            optional: ["aliases", "parent", "description"]) else { return nil }
        let id = slug(fields, "id")
        let name = text(fields, "name")
        let aliases = texts(fields, "aliases")
        let parent = slug(fields, "parent")
        let description = texts(fields, "description")
        guard let id, let name else { return nil }
        return Theme(id: id, name: name, aliases: aliases, parent: parent, description: description)
    }

    mutating func card(_ value: JSONValue, at path: JSONPath) -> Card? {
        guard let fields = object(value, at: path, required: ["role", "theme"],
            optional: ["heading", "statements", "quotes", "pitfalls", "questions"]) else { return nil }
        let role = slug(fields, "role")
        let theme = slug(fields, "theme")
        let heading = text(fields, "heading")
        let statements = texts(fields, "statements")
        let quotes = texts(fields, "quotes")
        let pitfalls = texts(fields, "pitfalls")
        let questions = fields["questions"].flatMap { perAudienceTexts($0.value, at: $0.path) }
        guard let role, let theme else { return nil }
        return Card(role: role, theme: theme, heading: heading, statements: statements, quotes: quotes,
                    pitfalls: pitfalls, questions: questions ?? PerAudience(individual: [], group: []))
    }

    mutating func decodeTemplates(_ value: JSONValue, at path: JSONPath) -> Templates? {
        guard let fields = object(value, at: path, required: ["origin"], optional: ["card", "statement", "pitfall"]) else {
            return nil
        }
        if let origin = text(fields, "origin"), origin != "samtale" {
            report(.notOneOf(origin, allowed: ["samtale"]), at: path.appending("origin"))
        }
        let empty = PerAudience<[String]>(individual: [], group: [])
        let slots: [(key: String, placeholders: Set<Placeholder>)] = [
            ("card", [.role, .theme]),
            ("statement", [.role, .theme, .statement]),
            ("pitfall", [.role, .theme, .pitfall]),
        ]
        var decoded: [String: PerAudience<[String]>] = [:]
        for slot in slots {
            guard let field = fields[slot.key], let texts = perAudienceTexts(field.value, at: field.path) else { continue }
            for audience in Audience.allCases {
                for (index, template) in texts[audience].enumerated() {
                    checkPlaceholders(template, allowed: slot.placeholders,
                                      at: field.path.appending(audience.rawValue).appending(index))
                }
            }
            decoded[slot.key] = texts
        }
        return Templates(card: decoded["card"] ?? empty, statement: decoded["statement"] ?? empty,
                         pitfall: decoded["pitfall"] ?? empty)
    }

    mutating func perAudienceTexts(_ value: JSONValue, at path: JSONPath) -> PerAudience<[String]>? {
        guard let fields = object(value, at: path, required: [], optional: ["individual", "group"]) else { return nil }
        return PerAudience(individual: texts(fields, "individual"), group: texts(fields, "group"))
    }

    // MARK: Cross-checks

    mutating func checkUniqueIDs(_ ids: [(path: JSONPath, id: String)]) {
        var seen: Set<String> = []
        for (path, id) in ids where !seen.insert(id).inserted {
            report(.duplicateID(id), at: path.appending("id"))
        }
    }

    mutating func checkThemeParents(_ themes: [(path: JSONPath, element: Theme)]) {
        let byID = Dictionary(themes.map { ($0.element.id, $0.element) }, uniquingKeysWith: { first, _ in first })
        for (path, theme) in themes {
            guard let parentID = theme.parent else { continue }
            guard let parent = byID[parentID], parentID != theme.id else {
                report(.unknownParent(parentID), at: path.appending("parent"))
                continue
            }
            if parent.parent != nil { report(.nestedSubTheme(parentID), at: path.appending("parent")) }
        }
    }

    mutating func checkCards(
        _ cards: [(path: JSONPath, element: Card)], roles: [Role], themes: [Theme], templates: Templates
    ) {
        let roleIDs = Set(roles.map(\.id))
        let themeIDs = Set(themes.map(\.id))
        var seen: Set<[String]> = []
        for (path, card) in cards {
            if !roleIDs.contains(card.role) { report(.unknownRole(card.role), at: path.appending("role")) }
            if !themeIDs.contains(card.theme) { report(.unknownTheme(card.theme), at: path.appending("theme")) }
            if !seen.insert([card.role, card.theme]).inserted {
                report(.duplicateCard(role: card.role, theme: card.theme), at: path)
            }
            for audience in Audience.allCases where card.questions[audience].isEmpty {
                let fromTemplates = templates.card[audience].count
                    + card.statements.count * templates.statement[audience].count
                    + card.pitfalls.count * templates.pitfall[audience].count
                if fromTemplates == 0 { report(.noQuestions(audience), at: path) }
            }
        }
    }

    mutating func checkPlaceholders(_ template: String, allowed: Set<Placeholder>, at path: JSONPath) {
        for name in Placeholder.names(in: template) {
            guard let placeholder = Placeholder(rawValue: name), allowed.contains(placeholder) else {
                let names = Placeholder.allCases.filter(allowed.contains).map { "{\($0.rawValue)}" }
                report(.unknownPlaceholder("{\(name)}", allowed: names), at: path)
                continue
            }
        }
    }

    // MARK: Primitives

    typealias Fields = [String: (value: JSONValue, path: JSONPath)]

    /// The members of an object, after reporting unknown, duplicate and missing keys.
    mutating func object(_ value: JSONValue, at path: JSONPath, required: [String], optional: [String]) -> Fields? {
        guard case .object(let members) = value else {
            report(.wrongType(expected: .object, found: value.kind), at: path)
            return nil
        }
        var fields: Fields = [:]
        for member in members {
            let memberPath = path.appending(member.key)
            guard required.contains(member.key) || optional.contains(member.key) else {
                report(.unknownKey(member.key), at: memberPath)
                continue
            }
            guard fields[member.key] == nil else {
                report(.duplicateKey(member.key), at: memberPath)
                continue
            }
            fields[member.key] = (member.value, memberPath)
        }
        for key in required where fields[key] == nil {
            report(.missingKey(key), at: path)
        }
        return fields
    }

    mutating func text(_ fields: Fields, _ key: String) -> String? {
        fields[key].flatMap { text($0.value, at: $0.path) }
    }

    mutating func text(_ value: JSONValue, at path: JSONPath) -> String? {
        guard case .string(let text) = value else {
            report(.wrongType(expected: .string, found: value.kind), at: path)
            return nil
        }
        guard text.contains(where: { !$0.isWhitespace }) else {
            report(.emptyText, at: path)
            return nil
        }
        return text
    }

    mutating func slug(_ fields: Fields, _ key: String) -> String? {
        guard let field = fields[key], let text = text(field.value, at: field.path) else { return nil }
        guard Slug.isValid(text) else {
            report(.invalidID(text), at: field.path)
            return nil
        }
        return text
    }

    mutating func integer(_ fields: Fields, _ key: String) -> Int? {
        guard let field = fields[key] else { return nil }
        guard case .number(let literal) = field.value, let number = Int(literal) else {
            report(.wrongType(expected: .integer, found: field.value.kind), at: field.path)
            return nil
        }
        return number
    }

    mutating func texts(_ fields: Fields, _ key: String) -> [String] {
        list(fields, key) { reader, value, path in reader.text(value, at: path) }.map(\.element)
    }

    /// The usable elements of an array member, each with its path, so that later checks can point at it.
    mutating func list<Element>(
        _ fields: Fields, _ key: String, nonEmpty: Bool = false,
        element: (inout Reader, JSONValue, JSONPath) -> Element?
    ) -> [(path: JSONPath, element: Element)] {
        guard let field = fields[key] else { return [] }
        guard case .array(let values) = field.value else {
            report(.wrongType(expected: .array, found: field.value.kind), at: field.path)
            return []
        }
        if nonEmpty && values.isEmpty { report(.emptyList, at: field.path) }
        var elements: [(path: JSONPath, element: Element)] = []
        for (index, value) in values.enumerated() {
            let path = field.path.appending(index)
            if let decoded = element(&self, value, path) { elements.append((path, decoded)) }
        }
        return elements
    }
}

// MARK: - Slug

/// ASCII ids: lower-case letters and digits in groups joined by single hyphens ("leder-af-leder").
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        var previousWasHyphen = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-") where !previousWasHyphen:
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }
}
