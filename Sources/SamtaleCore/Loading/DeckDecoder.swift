// MARK: - DeckDecoder

/// Turns the bytes of a deck file into a `Deck`, or into every issue found in it.
///
/// Decoding by hand over `JSONValue` rather than with `Codable`: unknown keys, duplicate keys and the JSON path
/// of each problem must be reported, and every problem in a file at once, not only the first.
public enum DeckDecoder {
    /// The deck format this version reads.
    public static let format = 1

    public static func decode(_ bytes: [UInt8]) throws(DataIssues) -> Deck {
        try DocumentReader.read(bytes) { reader, document in reader.deck(document) }
    }
}

// MARK: - Reading a deck

extension DocumentReader {
    // MARK: Deck

    fileprivate mutating func deck(_ source: JSONValue) -> Deck? {
        let corrections = corrections(in: source)
        // Every text is read with the corrections made, so that questions, names and prompts use the reading.
        let value = source.mappingStrings(except: Self.untextualKeys) { text in
            corrections.reduce(text) { $0.replacing($1.original, with: $1.reading) }
        }
        guard
            let fields = object(
                value,
                required: ["$schema", "format", "id", "title", "organisation", "source", "roles", "themes", "cards"],
                optional: ["sections", "templates", "corrections"])
        else { return nil }

        checkHeader(fields, format: DeckDecoder.format)
        let id = slug(fields, "id")
        let title = text(fields, "title")
        let organisation = text(fields, "organisation")
        let source = text(fields, "source")
        let sections = list(fields, "sections") { reader, value in reader.section(value) }
        let roles = list(fields, "roles", nonEmpty: true) { reader, value in reader.role(value) }
        let themes = list(fields, "themes", nonEmpty: true) { reader, value in reader.theme(value) }
        let templates = fields["templates"].flatMap { value in
            inside(.key("templates")) { reader in reader.decodeTemplates(value) }
        }
        checkUniqueIDs(roles.map { ($0.index, $0.element.id) }, list: "roles")
        checkUniqueIDs(themes.map { ($0.index, $0.element.id) }, list: "themes")
        checkThemeParents(themes)
        // Ids of roles and themes that are broken elsewhere still count, so one mistake is reported once.
        let roleIDs = Self.ids(in: fields["roles"])
        let themeIDs = Self.ids(in: fields["themes"])
        var cardKeys: Set<[String]> = []
        let cards = list(fields, "cards", nonEmpty: true) { reader, value in
            reader.card(value, roleIDs: roleIDs, themeIDs: themeIDs, templates: templates, seen: &cardKeys)
        }

        guard let id, let title, let organisation, let source else { return nil }
        return Deck(
            id: id, title: title, organisation: organisation, source: source,
            sections: sections.map(\.element), roles: roles.map(\.element), themes: themes.map(\.element),
            cards: cards.map(\.element), templates: templates, corrections: corrections
        )
    }

    /// The members whose strings are identifiers, the schema's path or the corrections themselves, and those that
    /// hold samtale's own words: none is a text of the source.
    private static let untextualKeys = Deck.samtalesOwnKeys.union([
        "$schema", "id", "role", "theme", "parent", "source", "kind", "titleOrigin", "corrections",
    ])

    /// The deck's corrections, each checked against the source's texts: the original must be there to be read
    /// otherwise, and the reading must not be, or a reader could not be shown which words are corrected.
    private mutating func corrections(in source: JSONValue) -> [Correction] {
        guard case .object(let members) = source, let value = members.first(where: { $0.key == "corrections" })?.value
        else { return [] }
        var texts: [String] = []
        _ = source.mappingStrings(except: Self.untextualKeys) { text in
            texts.append(text)
            return text
        }
        let fields = Fields(members: [JSONMember("corrections", value)])
        let corrections = list(fields, "corrections") { reader, value -> Correction? in
            guard let parts = reader.object(value, required: ["original", "reading"], optional: []) else { return nil }
            let original = reader.text(parts, "original")
            let reading = reader.text(parts, "reading")
            if let original, !texts.contains(where: { $0.contains(original) }) {
                reader.report(.correctionNotFound(original), at: .key("original"))
            }
            if let reading, texts.contains(where: { $0.contains(reading) }) {
                reader.report(.readingInSource(reading), at: .key("reading"))
            }
            guard let original, let reading else { return nil }
            return Correction(original: original, reading: reading)
        }
        // A second correction of the same words finds them already read otherwise, so it could never apply.
        var originals: Set<String> = []
        for (index, correction) in corrections where !originals.insert(correction.original).inserted {
            report(.duplicateCorrection(correction.original), at: .key("corrections"), .index(index), .key("original"))
        }
        return corrections.map(\.element)
    }

    // MARK: Parts

    mutating func section(_ value: JSONValue) -> DeckSection? {
        guard
            let fields = object(
                value, required: ["kind", "title"], optional: ["titleOrigin", "paragraphs", "lists", "items"])
        else {
            return nil
        }
        let kind = text(fields, "kind").flatMap { raw -> DeckSection.Kind? in
            guard let kind = DeckSection.Kind(rawValue: raw) else {
                report(.notOneOf(raw, allowed: DeckSection.Kind.allCases.map(\.rawValue)), at: .key("kind"))
                return nil
            }
            return kind
        }
        let title = text(fields, "title")
        if fields["paragraphs"] == nil && fields["items"] == nil { report(.sectionWithoutText) }
        let titleOrigin = text(fields, "titleOrigin").flatMap { raw -> Question.Origin? in
            guard let origin = Question.Origin(rawValue: raw) else {
                report(
                    .notOneOf(raw, allowed: [Question.Origin.source, .samtale].map(\.rawValue)), at: .key("titleOrigin")
                )
                return nil
            }
            return origin
        }
        let paragraphs = texts(fields, "paragraphs")
        // A list after the last paragraph is `items`, so a list's place is among the paragraphs.
        let lists = list(fields, "lists") { reader, value -> SectionList? in
            guard let parts = reader.object(value, required: ["after", "items"], optional: []) else { return nil }
            let after = reader.integer(parts, "after")
            let items = reader.texts(parts, "items")
            guard let after else { return nil }
            guard after >= 1, after < paragraphs.count else {
                reader.report(.listOutOfPlace(after: after, paragraphs: paragraphs.count), at: .key("after"))
                return nil
            }
            return SectionList(after: after, items: items)
        }
        let items = texts(fields, "items")
        guard let kind, let title else { return nil }
        return DeckSection(
            kind: kind, title: title, titleOrigin: titleOrigin ?? .source, paragraphs: paragraphs,
            lists: lists.map(\.element), items: items)
    }

    mutating func role(_ value: JSONValue) -> Role? {
        guard
            let fields = object(
                value, required: ["id", "name", "level"],
                optional: ["aliases", "description", "questionHeadings", "group"])
        else { return nil }
        let id = slug(fields, "id")
        let name = text(fields, "name")
        let level = integer(fields, "level")
        if let level, level < 0 { report(.negativeLevel(level), at: .key("level")) }
        let headings = fields["questionHeadings"].flatMap { value in
            inside(.key("questionHeadings")) { reader -> PerAudience<String>? in
                guard let parts = reader.object(value, required: ["individual", "group"], optional: []) else {
                    return nil
                }
                let individual = reader.text(parts, "individual")
                let group = reader.text(parts, "group")
                guard let individual, let group else { return nil }
                return PerAudience(individual: individual, group: group)
            }
        }
        let group = fields["group"].flatMap { value in
            inside(.key("group")) { reader -> RoleGroup? in
                guard let parts = reader.object(value, required: ["name", "heading", "tasks"], optional: []) else {
                    return nil
                }
                let name = reader.text(parts, "name")
                let heading = reader.text(parts, "heading")
                // A group without its shared task would be shown as a bare heading.
                let tasks = reader.texts(parts, "tasks", nonEmpty: true)
                guard let name, let heading else { return nil }
                return RoleGroup(name: name, heading: heading, tasks: tasks)
            }
        }
        let aliases = texts(fields, "aliases")
        let description = texts(fields, "description")
        guard let id, let name, let level else { return nil }
        return Role(
            id: id, name: name, aliases: aliases, level: level, description: description,
            questionHeadings: headings, group: group)
    }

    mutating func theme(_ value: JSONValue) -> Theme? {
        guard
            let fields = object(
                value, required: ["id", "name"], optional: ["aliases", "parent", "description", "energizers"])
        else {
            return nil
        }
        let id = slug(fields, "id")
        let name = text(fields, "name")
        let aliases = texts(fields, "aliases")
        let parent = slug(fields, "parent")
        let description = texts(fields, "description")
        let energizers = texts(fields, "energizers")
        var seen: Set<String> = []
        for (index, text) in energizers.enumerated() where !seen.insert(text).inserted {
            report(.duplicateQuestion(text), at: .key("energizers"), .index(index))
        }
        guard let id, let name else { return nil }
        return Theme(
            id: id, name: name, aliases: aliases, parent: parent, description: description, energizers: energizers)
    }

    /// A card, checked against the deck's roles, themes and templates and against the cards before it.
    mutating func card(
        _ value: JSONValue, roleIDs: Set<String>, themeIDs: Set<String>, templates: Templates?,
        seen: inout Set<[String]>
    ) -> Card? {
        guard
            let fields = object(
                value, required: ["role", "theme"],
                optional: ["heading", "statements", "quotes", "pitfalls", "questions", "written", "needsContext"])
        else { return nil }
        let role = slug(fields, "role")
        let theme = slug(fields, "theme")
        let heading = text(fields, "heading")
        let statements = texts(fields, "statements")
        let quotes = texts(fields, "quotes")
        let pitfalls = texts(fields, "pitfalls")
        let questions =
            fields["questions"].flatMap { value in
                inside(.key("questions")) { reader in reader.perAudienceTexts(value) }
            } ?? PerAudience(individual: [], group: [])
        let written =
            fields["written"].flatMap { value in
                inside(.key("written")) { reader in reader.perAudienceTexts(value) }
            } ?? PerAudience(individual: [], group: [])
        let needsContext =
            fields["needsContext"].flatMap { value in
                inside(.key("needsContext")) { reader in reader.perAudienceTexts(value) }
            } ?? PerAudience(individual: [], group: [])
        for (key, lists) in [("questions", questions), ("written", written), ("needsContext", needsContext)] {
            for audience in Audience.allCases {
                var seen: Set<String> = []
                for (index, text) in lists[audience].enumerated() where !seen.insert(text).inserted {
                    report(.duplicateQuestion(text), at: .key(key), .key(audience.rawValue), .index(index))
                }
            }
        }
        for audience in Audience.allCases {
            for (index, text) in needsContext[audience].enumerated() where !questions[audience].contains(text) {
                report(
                    .notAQuestionOfTheCard(text, audience), at: .key("needsContext"), .key(audience.rawValue),
                    .index(index))
            }
        }
        guard let role, let theme else { return nil }
        if !roleIDs.contains(role) { report(.unknownRole(role), at: .key("role")) }
        if !themeIDs.contains(theme) { report(.unknownTheme(theme), at: .key("theme")) }
        if !seen.insert([role, theme]).inserted { report(.duplicateCard(role: role, theme: theme)) }
        let card = Card(
            role: role, theme: theme, heading: heading, statements: statements, quotes: quotes,
            pitfalls: pitfalls, questions: questions, written: written,
            needsContext: needsContext)
        for audience in Audience.allCases {
            if !questions[audience].isEmpty && !written[audience].isEmpty {
                report(.writtenBesideSource(audience), at: .key("written"), .key(audience.rawValue))
            }
            // samtale's generic frames always yield a question; a deck's own templates may not.
            if questions[audience].isEmpty && written[audience].isEmpty,
                let templates, templates.questionCount(on: card, for: audience) == 0
            {
                report(.noQuestions(audience))
            }
        }
        return card
    }

    mutating func decodeTemplates(_ value: JSONValue) -> Templates? {
        guard let fields = object(value, required: ["origin"], optional: ["card", "statement", "pitfall"]) else {
            return nil
        }
        if let origin = text(fields, "origin"), origin != "samtale" {
            report(.notOneOf(origin, allowed: ["samtale"]), at: .key("origin"))
        }
        let empty = PerAudience<[String]>(individual: [], group: [])
        let slots: [(key: String, placeholders: Set<Placeholder>)] = [
            ("card", [.role, .theme]),
            ("statement", [.role, .theme, .statement]),
            ("pitfall", [.role, .theme, .pitfall]),
        ]
        var decoded: [String: PerAudience<[String]>] = [:]
        for slot in slots {
            guard let value = fields[slot.key] else { continue }
            decoded[slot.key] = inside(.key(slot.key)) { reader -> PerAudience<[String]>? in
                guard let texts = reader.perAudienceTexts(value) else { return nil }
                for audience in Audience.allCases {
                    for (index, template) in texts[audience].enumerated() {
                        reader.checkPlaceholders(
                            template, allowed: slot.placeholders,
                            at: [.key(audience.rawValue), .index(index)])
                    }
                }
                return texts
            }
        }
        return Templates(
            card: decoded["card"] ?? empty, statement: decoded["statement"] ?? empty,
            pitfall: decoded["pitfall"] ?? empty)
    }

    mutating func perAudienceTexts(_ value: JSONValue) -> PerAudience<[String]>? {
        guard let fields = object(value, required: [], optional: ["individual", "group"]) else { return nil }
        return PerAudience(individual: texts(fields, "individual"), group: texts(fields, "group"))
    }

    // MARK: Cross-checks

    /// The string `id` of every object in an array, whether or not the object is otherwise valid.
    static func ids(in list: JSONValue?) -> Set<String> {
        guard case .array(let values) = list else { return [] }
        return Set(
            values.compactMap { value in
                guard case .object(let members) = value,
                    case .string(let id) = members.first(where: { $0.key == "id" })?.value
                else {
                    return nil
                }
                return id
            })
    }

    mutating func checkUniqueIDs(_ ids: [(index: Int, id: String)], list: String) {
        var seen: Set<String> = []
        for (index, id) in ids where !seen.insert(id).inserted {
            report(.duplicateID(id), at: .key(list), .index(index), .key("id"))
        }
    }

    mutating func checkThemeParents(_ themes: [(index: Int, element: Theme)]) {
        let byID = Dictionary(themes.map { ($0.element.id, $0.element) }, uniquingKeysWith: { first, _ in first })
        for (index, theme) in themes {
            guard let parentID = theme.parent else { continue }
            guard let parent = byID[parentID], parentID != theme.id else {
                report(.unknownParent(parentID), at: .key("themes"), .index(index), .key("parent"))
                continue
            }
            if parent.parent != nil {
                report(.nestedSubTheme(parentID), at: .key("themes"), .index(index), .key("parent"))
            }
        }
    }

    mutating func checkPlaceholders(_ template: String, allowed: Set<Placeholder>, at components: [JSONPath.Component])
    {
        for name in Placeholder.names(in: template) {
            guard let placeholder = Placeholder(rawValue: name), allowed.contains(placeholder) else {
                let names = Placeholder.allCases.filter(allowed.contains).map { "{\($0.rawValue)}" }
                issues.append(
                    DataIssue(
                        .unknownPlaceholder("{\(name)}", allowed: names),
                        at: JSONPath(components: path + components)))
                continue
            }
        }
    }
}
