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

    public init(
        id: String, title: String, organisation: String, source: String, sections: [DeckSection],
        roles: [Role], themes: [Theme], cards: [Card], templates: Templates? = nil
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

    public let kind: Kind
    public let title: String
    public let paragraphs: [String]
    public let items: [String]

    public init(kind: Kind, title: String, paragraphs: [String], items: [String]) {
        self.kind = kind
        self.title = title
        self.paragraphs = paragraphs
        self.items = items
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

    public init(id: String, name: String, aliases: [String] = [], parent: String? = nil, description: [String] = []) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.parent = parent
        self.description = description
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
