// MARK: - NameKind

/// What a user is naming on the command line.
public enum NameKind: String, Sendable {
    case deck
    case role
    case theme
    case flow
}

// MARK: - NameError

/// A name that matches nothing, or more than one thing; carries the candidates so the message can list them.
public enum NameError: ExplainedError, Equatable, Sendable {
    /// `candidates` are every id and name of that kind, to choose from.
    case unknown(NameKind, String, candidates: [Candidate])
    /// `candidates` are the ones the name matches.
    case ambiguous(NameKind, String, candidates: [Candidate])

    /// An id with its name, as listed in messages: a flow's title in the language of the message, the Danish name of
    /// what has only that (a deck, role or theme).
    public struct Candidate: Equatable, Sendable {
        public let id: String
        public let name: Localized

        public init(id: String, name: Localized) {
            self.id = id
            self.name = name
        }
    }

    /// Each language lists the candidates by their names in that language.
    public var message: Localized {
        switch self {
        case .unknown(let kind, let name, let candidates):
            let article = kind.isNeuter ? "et" : "en"
            return Localized(
                da: "ukendt \(Strings.kindName(kind).da) »\(name)«; vælg \(article) af: \(candidates.listing(in: .da))",
                en: "unknown \(Strings.kindName(kind).en) \"\(name)\"; choose one of: \(candidates.listing(in: .en))"
            )
        case .ambiguous(let kind, let name, let candidates):
            let one = kind.isNeuter ? "ét" : "én"
            return Localized(
                da: "»\(name)« passer på mere end \(one) \(Strings.kindName(kind).da): \(candidates.listing(in: .da)); "
                    + "skriv mere af navnet",
                en: "\"\(name)\" matches more than one \(Strings.kindName(kind).en): \(candidates.listing(in: .en)); "
                    + "type more of the name"
            )
        }
    }
}

extension NameKind {
    /// Whether the Danish word for a kind is neuter (et kortsæt, et tema) rather than common (en rolle).
    fileprivate var isNeuter: Bool {
        self == .deck || self == .theme
    }
}

extension [NameError.Candidate] {
    fileprivate func listing(in language: Language) -> String {
        map { "\($0.id) (\($0.name[language]))" }.joined(separator: ", ")
    }
}

// MARK: - NameResolver

/// Finds what a user means: the id, the name or an alias in any case, or an unambiguous prefix of any of them.
public enum NameResolver {
    /// `shown` is the name a message lists an item by, in both languages; without it, the first of `names`.
    public static func resolve<Item>(
        _ query: String, among items: [Item], kind: NameKind,
        id: (Item) -> String, names: (Item) -> [String], shown: ((Item) -> Localized)? = nil
    ) throws(NameError) -> Item {
        let wanted = query.lowercased()
        let spellings = items.map { item in ([id(item)] + names(item)).map { $0.lowercased() } }
        if let exact = items.indices.first(where: { spellings[$0].contains(wanted) }) {
            return items[exact]
        }
        let prefixed =
            wanted.isEmpty
            ? []
            : items.indices.filter { index in
                spellings[index].contains { $0.hasPrefix(wanted) }
            }
        let candidate = { (index: Int) in
            let name = names(items[index]).first ?? ""
            return NameError.Candidate(
                id: id(items[index]), name: shown?(items[index]) ?? Localized(da: name, en: name))
        }
        switch prefixed.count {
        case 1: return items[prefixed[0]]
        case 0: throw .unknown(kind, query, candidates: items.indices.map(candidate))
        default: throw .ambiguous(kind, query, candidates: prefixed.map(candidate))
        }
    }
}

extension NameResolver {
    /// The flow a user names, by its id or its title in either language; candidates are listed by their titles in
    /// the language of the message.
    public static func resolveFlow(_ query: String, among flows: [Flow]) throws(NameError) -> Flow {
        try resolve(query, among: flows, kind: .flow, id: \.id, names: { [$0.title.da, $0.title.en] }, shown: \.title)
    }

    /// The deck a user names, by its id or its title.
    public static func resolveDeck(_ query: String, among decks: [Deck]) throws(NameError) -> Deck {
        try resolve(query, among: decks, kind: .deck, id: \.id, names: { [$0.title] })
    }
}

extension Deck {
    /// The role a user names on this deck.
    public func resolveRole(_ query: String) throws(NameError) -> Role {
        try NameResolver.resolve(query, among: roles, kind: .role, id: \.id, names: { names($0.name, $0.aliases) })
    }

    /// The theme a user names on this deck.
    public func resolveTheme(_ query: String) throws(NameError) -> Theme {
        try resolveTheme(query, among: themes)
    }

    /// The theme a user names for the chosen roles: a name that fits several themes of the deck is looked for again
    /// among the themes the roles have cards for (and the forms of leadership above them), so that "tværgående"
    /// with a role that has only "Tværgående ledelse" means that one.
    public func resolveTheme(_ query: String, for roles: [Role]) throws(NameError) -> Theme {
        do {
            return try resolveTheme(query)
        } catch {
            guard case .ambiguous = error else { throw error }
            let roleIDs = Set(roles.map(\.id))
            let used = Set(cards.filter { roleIDs.contains($0.role) }.map(\.theme))
            let own = themes.filter { !used.isDisjoint(with: themeIDs(within: $0)) }
            do {
                return try resolveTheme(query, among: own)
            } catch let narrowed {
                // Still several: name only the roles' own; none of them: the deck's candidates say more.
                guard case .ambiguous = narrowed else { throw error }
                throw narrowed
            }
        }
    }

    private func resolveTheme(_ query: String, among themes: [Theme]) throws(NameError) -> Theme {
        try NameResolver.resolve(query, among: themes, kind: .theme, id: \.id, names: { names($0.name, $0.aliases) })
    }

    /// A role's or theme's name, then the source's spelling where samtale reads a typo otherwise, so that a name
    /// copied from the document is found too, then its aliases.
    private func names(_ name: String, _ aliases: [String]) -> [String] {
        [name, original(name)] + aliases
    }
}
