// MARK: - DeckFile

/// The bytes of one deck file and where they came from (a built-in name or a path), for messages.
public struct DeckFile: Sendable {
    public let name: String
    public let bytes: [UInt8]
    public let isBuiltin: Bool

    public init(name: String, bytes: [UInt8], isBuiltin: Bool) {
        self.name = name
        self.bytes = bytes
        self.isBuiltin = isBuiltin
    }
}

// MARK: - BuiltinDeck

/// A deck built into samtale: decoded and checked at build time, with the JSON text it came from.
public struct BuiltinDeck: Sendable {
    public let fileName: String
    public let deck: Deck
    public let json: String

    public init(fileName: String, deck: Deck, json: String) {
        self.fileName = fileName
        self.deck = deck
        self.json = json
    }

    /// How messages name it: `builtin:FILE`.
    public var name: String {
        "builtin:\(fileName)"
    }
}

// MARK: - BuiltinFlow

/// A flow built into samtale: checked at build time, decoded when a conversation needs it.
public struct BuiltinFlow: Sendable {
    public let fileName: String
    public let json: String

    public init(fileName: String, json: String) {
        self.fileName = fileName
        self.json = json
    }

    /// How messages name it: `builtin:flows/FILE`.
    public var name: String {
        "builtin:flows/\(fileName)"
    }
}

// MARK: - Catalog

/// Every deck and flow a command can use: the built-in ones, then those from the user's folders, later ones replacing
/// earlier ones with the same id.
public struct Catalog: Sendable {
    /// A deck that replaced another with the same id, for the note on stderr.
    public struct Replacement: Equatable, Sendable {
        public let deckID: String
        public let replacedFile: String
        public let byFile: String
        public let replacedBuiltin: Bool
    }

    public let decks: [Deck]
    public let replacements: [Replacement]
    /// Empty unless flow files were given: only the commands that start conversations pay for decoding them.
    public let flows: [Flow]

    /// The deck `samtale prompt` uses when none is named: Hjørring's dialogue cards.
    public static let defaultDeckID = "hjoerring-dialogkort"

    /// The built-in decks, then the files in order, and the flows of `flowFiles` (built-in ones first); fails with
    /// every broken file's issues, so the user can fix them all in one go. Built-in decks were checked when samtale
    /// was built, so only the files are decoded here.
    public static func load(
        builtin: [BuiltinDeck], files: [DeckFile], flowFiles: [DeckFile] = []
    ) throws(CatalogError) -> Catalog {
        var loaded = builtin.map { (deck: $0.deck, file: $0.name, isBuiltin: true) }
        var replacements: [Replacement] = []
        var broken: [DataFileError] = []
        for file in files {
            do {
                let deck = try DeckDecoder.decode(file.bytes)
                if let index = loaded.firstIndex(where: { $0.deck.id == deck.id }) {
                    let replaced = loaded[index]
                    replacements.append(
                        Replacement(
                            deckID: deck.id, replacedFile: replaced.file, byFile: file.name,
                            replacedBuiltin: replaced.isBuiltin))
                    loaded[index] = (deck, file.name, file.isBuiltin)
                } else {
                    loaded.append((deck, file.name, file.isBuiltin))
                }
            } catch {
                broken.append(DataFileError(file: file.name, issues: error.issues))
            }
        }
        var flows: [Flow] = []
        for file in flowFiles {
            do {
                let flow = try FlowDecoder.decode(file.bytes)
                flows.removeAll { $0.id == flow.id }
                flows.append(flow)
            } catch {
                broken.append(DataFileError(file: file.name, issues: error.issues))
            }
        }
        guard broken.isEmpty else { throw CatalogError(brokenFiles: broken) }
        return Catalog(decks: loaded.map(\.deck), replacements: replacements, flows: flows)
    }

    /// The deck a user names.
    public func resolveDeck(_ query: String) throws(NameError) -> Deck {
        try NameResolver.resolveDeck(query, among: decks)
    }

    /// The named deck, or the default one when no name is given.
    public func deck(named query: String?) throws(NameError) -> Deck {
        try resolveDeck(query ?? Self.defaultDeckID)
    }
}

// MARK: - CatalogError

/// Deck and flow files that could not be loaded, each with all of its issues.
public struct CatalogError: Error, Equatable, Sendable {
    public let brokenFiles: [DataFileError]
}
