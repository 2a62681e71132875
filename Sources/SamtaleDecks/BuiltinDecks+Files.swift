import SamtaleCore

/// `BuiltinDecks.all` and `BuiltinFlows.all` are generated at build time from `Dialogues/` by the EmbedDecksPlugin.
extension BuiltinDecks {
    /// The built-in decks as the files they came from, so that `samtale validate` checks them like any other.
    public static var files: [DeckFile] {
        all.map { DeckFile(name: $0.name, bytes: Array($0.json.utf8), isBuiltin: true) }
    }
}

extension BuiltinFlows {
    /// The built-in flows as files, for `samtale validate` and for loading.
    public static var files: [DeckFile] {
        all.map { DeckFile(name: $0.name, bytes: Array($0.json.utf8), isBuiltin: true) }
    }

    /// The built-in flows, loaded as every command loads flows (through the catalog), for help and completion.
    /// They were checked when samtale was built, so they always load.
    public static var flows: [Flow] {
        (try? Catalog.load(builtin: [], files: [], flowFiles: files))?.flows ?? []
    }
}
