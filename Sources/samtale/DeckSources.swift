import SamtaleCore

/// Where the user's deck files come from: `SAMTALE_DIALOGUES`, then `--dialogues`, so that a later source
/// replaces an earlier deck (or a built-in one) with the same id.
enum DeckSources {
    /// The deck files in the folders named by the environment and by `--dialogues`.
    static func configured(_ arguments: Arguments) throws(CommandError) -> [DeckFile] {
        let fromEnvironment = (System.environment("SAMTALE_DIALOGUES") ?? "").split(separator: ":").map(String.init)
        var files: [DeckFile] = []
        for folder in fromEnvironment + arguments.all("--dialogues") {
            files += try self.files(at: folder, explicit: false)
        }
        return files
    }

    /// The deck files at a path: the file itself, or every `*.json` in a folder except JSON Schemas.
    /// A folder without decks is an error only when the user named it to be validated.
    static func files(at path: String, explicit: Bool) throws(CommandError) -> [DeckFile] {
        do {
            guard System.isDirectory(path) else {
                return [DeckFile(name: path, bytes: try System.readFile(path), isBuiltin: false)]
            }
            let names = try System.directoryEntries(path).filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }
            if names.isEmpty && explicit { throw CommandError.missingInput(Strings.noDeckFiles(path)) }
            let folder = path.hasSuffix("/") ? path : path + "/"
            var files: [DeckFile] = []
            for name in names {
                files.append(DeckFile(name: folder + name, bytes: try System.readFile(folder + name), isBuiltin: false))
            }
            return files
        } catch let error as System.ReadError {
            throw .missingInput(Strings.cannotRead(error.path, reason: error.reason))
        } catch let error as CommandError {
            throw error
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
    }
}
