// MARK: - Deck

/// One question set: a leadership or staff framework transcribed word for word, plus the questions samtale wrote
/// for the cards that have none of their own.
public struct Deck: Equatable, Sendable {
    public let id: String
    public let title: String
    public let organisation: String
    /// File name of the source document (the seed) that this deck transcribes.
    public let source: String
    public let sections: [DeckSection]
    /// Lowest level first, as the file lists them.
    public let roles: [Role]
    public let themes: [Theme]
    public let cards: [Card]
    /// A user's own frames for cards without questions; `nil` asks from samtale's `GenericFrames`.
    public let templates: Templates?
    /// The source's typos that the deck reads otherwise; every text above already holds the reading.
    public let corrections: [Correction]

    public init(
        id: String, title: String, organisation: String, source: String, sections: [DeckSection],
        roles: [Role], themes: [Theme], cards: [Card], templates: Templates? = nil, corrections: [Correction] = []
    ) {
        self.id = id
        self.title = title
        self.organisation = organisation
        self.source = source
        self.sections = sections
        self.roles = roles
        self.themes = themes
        self.cards = cards
        self.templates = templates
        self.corrections = corrections
    }

    /// The source document as a reader names it, its title and organisation ("Sammen om ledelse, Kolding Kommune"):
    /// `source` is a file name only a program needs.
    public var citation: String {
        "\(title), \(organisation)"
    }

    public func role(id: String) -> Role? {
        roles.first { $0.id == id }
    }

    public func theme(id: String) -> Theme? {
        themes.first { $0.id == id }
    }

    /// The theme and its sub-themes: choosing a form of leadership chooses all of its sub-themes.
    public func themeIDs(within theme: Theme) -> Set<String> {
        Set([theme.id] + themes.filter { $0.parent == theme.id }.map(\.id))
    }
}

// MARK: - Sections

/// A text that belongs to the whole deck rather than to one card.
public struct DeckSection: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case howToUse = "how-to-use"
        case foreword
        case purpose
        case vision
        case coreTask = "core-task"
        case values
        case model
    }

    /// A paragraph or a bulleted list, in the order the source has them.
    public enum Block: Equatable, Sendable {
        case paragraph(String)
        case list([String])
    }

    public let kind: Kind
    public let title: String
    /// Whether the source heads the text so, or samtale named it (the source gives it no heading).
    public let titleOrigin: Question.Origin
    public let paragraphs: [String]
    /// The lists that stand between paragraphs; `items` is the list after the last one.
    public let lists: [SectionList]
    public let items: [String]

    public init(
        kind: Kind, title: String, titleOrigin: Question.Origin = .source, paragraphs: [String],
        lists: [SectionList] = [], items: [String]
    ) {
        self.kind = kind
        self.title = title
        self.titleOrigin = titleOrigin
        self.paragraphs = paragraphs
        self.lists = lists
        self.items = items
    }

    /// The paragraphs with each list after the paragraph it follows, and `items` last.
    public var blocks: [Block] {
        var blocks: [Block] = []
        for (index, paragraph) in paragraphs.enumerated() {
            blocks.append(.paragraph(paragraph))
            blocks += lists.filter { $0.after == index + 1 }.map { .list($0.items) }
        }
        if !items.isEmpty { blocks.append(.list(items)) }
        return blocks
    }
}

/// A list within a section's text: it follows the first `after` paragraphs.
public struct SectionList: Equatable, Sendable {
    public let after: Int
    public let items: [String]

    public init(after: Int, items: [String]) {
        self.after = after
        self.items = items
    }
}

// MARK: - Corrections

/// A typo of the source read otherwise: the deck file keeps the source's words, and samtale reads `reading`
/// wherever they stand. The reading occurs nowhere else in the deck, so that a reader can be shown each one.
public struct Correction: Equatable, Sendable {
    public let original: String
    public let reading: String

    public init(original: String, reading: String) {
        self.original = original
        self.reading = reading
    }

    /// The reading with the words that differ from the source's followed by the source's own, as `mark` words them
    /// ("en tryg [kilden: tryk] og"); where words were only added or dropped, one word on each side shows where.
    func marked(_ mark: (String) -> String) -> String {
        let read = reading.split(separator: " ", omittingEmptySubsequences: false)
        let wrote = original.split(separator: " ", omittingEmptySubsequences: false)
        var prefix = zip(read, wrote).prefix { $0 == $1 }.count
        var suffix = zip(read.reversed(), wrote.reversed()).prefix { $0 == $1 }.count
        suffix = min(suffix, read.count - prefix, wrote.count - prefix)
        if read.count - prefix - suffix == 0 || wrote.count - prefix - suffix == 0 {
            prefix = max(prefix - 1, 0)
            suffix = max(suffix - 1, 0)
        }
        let readMiddle = read[prefix..<(read.count - suffix)].joined(separator: " ")
        let wroteMiddle = wrote[prefix..<(wrote.count - suffix)].joined(separator: " ")
        let parts = read[..<prefix] + ["\(readMiddle) \(mark(wroteMiddle))"] + read[(read.count - suffix)...]
        return parts.joined(separator: " ")
    }
}

extension Deck {
    /// The members of a deck file that hold samtale's own words rather than the source's: corrections neither read
    /// nor change them.
    static let samtalesOwnKeys: Set<String> = ["templates", "written", "energizers"]

    /// `text` as the source wrote it: each reading undone.
    func original(_ text: String) -> String {
        corrections.reduce(text) { text, correction in text.replacing(correction.reading, with: correction.original) }
    }

    /// `text` with each reading marked by `mark` (given the source's words), for a reader who has the source at hand.
    func markingCorrections(_ text: String, _ mark: (String) -> String) -> String {
        corrections.reduce(text) { text, correction in
            text.replacing(correction.reading, with: correction.marked(mark))
        }
    }
}

// MARK: - Roles and themes

/// A role (a profile, a card set) with its rung in the hierarchy.
public struct Role: Equatable, Sendable {
    /// The level of a card set that is shared by everyone and so is never paired across levels.
    public static let sharedLevel = 0
    /// The employee's level, the lowest rung of the hierarchy.
    public static let employeeLevel = 1

    public let id: String
    public let name: String
    public let aliases: [String]
    /// 1 is the employee; higher is further up the hierarchy.
    public let level: Int
    public let description: [String]
    /// How the source heads this role's questions ("Spørgsmål til lederen"), if it does.
    public let questionHeadings: PerAudience<String>?
    public let group: RoleGroup?

    public init(
        id: String, name: String, aliases: [String] = [], level: Int, description: [String] = [],
        questionHeadings: PerAudience<String>? = nil, group: RoleGroup? = nil
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.level = level
        self.description = description
        self.questionHeadings = questionHeadings
        self.group = group
    }
}

/// The group a role leads or belongs to (a leader group, a staff group) and the group's shared task.
public struct RoleGroup: Equatable, Sendable {
    public let name: String
    public let heading: String
    public let tasks: [String]

    public init(name: String, heading: String, tasks: [String]) {
        self.name = name
        self.heading = heading
        self.tasks = tasks
    }
}

/// A theme (a perspective, a competence area, a form of leadership); a sub-theme names its parent.
public struct Theme: Equatable, Sendable {
    public let id: String
    public let name: String
    public let aliases: [String]
    public let parent: String?
    public let description: [String]
    /// Light questions written for samtale to open a meeting on this theme (an energizer), not from the source.
    public let energizers: [String]

    public init(
        id: String, name: String, aliases: [String] = [], parent: String? = nil, description: [String] = [],
        energizers: [String] = []
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.parent = parent
        self.description = description
        self.energizers = energizers
    }
}

// MARK: - Cards

/// Who a question is for: one person, or the group (team, leader group) together.
public enum Audience: String, CaseIterable, Codable, Sendable {
    case individual
    case group
}

/// One value for the individual and one for the group.
public struct PerAudience<Value: Equatable & Sendable>: Equatable, Sendable {
    public var individual: Value
    public var group: Value

    public init(individual: Value, group: Value) {
        self.individual = individual
        self.group = group
    }

    public subscript(audience: Audience) -> Value {
        switch audience {
        case .individual: individual
        case .group: group
        }
    }
}

/// What one role is asked to contribute to one theme.
public struct Card: Equatable, Sendable {
    public let role: String
    public let theme: String
    public let heading: String?
    public let statements: [String]
    public let quotes: [String]
    public let pitfalls: [String]
    /// The source's own questions; empty for an audience the source asks nothing.
    public let questions: PerAudience<[String]>
    /// Questions written for samtale for this card, asked for an audience the source asks nothing.
    public let written: PerAudience<[String]>
    /// Those of `questions`, word for word, that cannot stand alone ("Hvad kan du forbedre? Gøre mere af?"): asked
    /// apart from the card, they come with its theme and the question they follow.
    public let needsContext: PerAudience<[String]>

    public init(
        role: String, theme: String, heading: String? = nil, statements: [String] = [], quotes: [String] = [],
        pitfalls: [String] = [], questions: PerAudience<[String]> = PerAudience(individual: [], group: []),
        written: PerAudience<[String]> = PerAudience(individual: [], group: []),
        needsContext: PerAudience<[String]> = PerAudience(individual: [], group: [])
    ) {
        self.role = role
        self.theme = theme
        self.heading = heading
        self.statements = statements
        self.quotes = quotes
        self.pitfalls = pitfalls
        self.questions = questions
        self.written = written
        self.needsContext = needsContext
    }
}

// MARK: - Templates

/// A deck's own reflection frames (not from the source), asked where a card has no questions of its own.
public struct Templates: Equatable, Sendable {
    /// Asked once per card; may use {theme} and {role}.
    public let card: PerAudience<[String]>
    /// Asked once per statement; {statement} is the statement.
    public let statement: PerAudience<[String]>
    /// Asked once per pitfall; {pitfall} is the pitfall.
    public let pitfall: PerAudience<[String]>

    public init(card: PerAudience<[String]>, statement: PerAudience<[String]>, pitfall: PerAudience<[String]>) {
        self.card = card
        self.statement = statement
        self.pitfall = pitfall
    }
}
