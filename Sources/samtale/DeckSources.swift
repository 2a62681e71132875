import SamtaleCore

/// Where the user's deck files come from: `SAMTALE_DIALOGUES`, then `--dialogues`, so that a later source
/// replaces an earlier deck (or a built-in one) with the same id.
enum DeckSources {
    /// The folders named by the environment, then by `--dialogues`.
    private static func folders(_ arguments: Arguments) -> [String] {
        (System.environment("SAMTALE_DIALOGUES") ?? "").split(separator: ":").map(String.init)
            + arguments.all("--dialogues")
    }

    /// The deck files in the configured folders.
    static func configured(_ arguments: Arguments) throws(CommandError) -> [DeckFile] {
        var files: [DeckFile] = []
        for folder in folders(arguments) {
            files += try self.files(at: folder, explicit: false)
        }
        return files
    }

    /// The flow files in the `flows` folder of each configured folder.
    static func configuredFlows(_ arguments: Arguments) throws(CommandError) -> [DeckFile] {
        var files: [DeckFile] = []
        for folder in folders(arguments) {
            let flows = (folder.hasSuffix("/") ? folder : folder + "/") + "flows"
            if FileSystem.isDirectory(flows) { files += try self.files(at: flows, explicit: false) }
        }
        return files
    }

    /// What a data file holds, told by its top-level keys (a flow has `steps`, a targets file `targets`, a chat
    /// configuration `endpoints`), else by where it lies; anything else is read as a deck.
    enum Kind {
        case deck, flow, targets, chat
    }

    static func kind(of file: DeckFile) -> Kind {
        guard case .object(let members) = try? JSONParser.parse(file.bytes) else {
            if file.name.contains("/flows/") { return .flow }
            if file.name.hasSuffix("targets.json") { return .targets }
            return file.name.hasSuffix("chat.json") ? .chat : .deck
        }
        if members.contains(where: { $0.key == "steps" }) { return .flow }
        if members.contains(where: { $0.key == "targets" }) { return .targets }
        return members.contains { $0.key == "endpoints" } ? .chat : .deck
    }

    /// The data files at a path: the file itself, or every `*.json` in a folder (and in its `flows` folder) except
    /// JSON Schemas. A folder without any is an error only when the user named it to be validated.
    static func files(at path: String, explicit: Bool) throws(CommandError) -> [DeckFile] {
        do {
            guard FileSystem.isDirectory(path) else {
                return [DeckFile(name: path, bytes: try System.readFile(path), isBuiltin: false)]
            }
            let folder = path.hasSuffix("/") ? path : path + "/"
            var names = try System.directoryEntries(path).filter {
                $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json")
            }
            if explicit && FileSystem.isDirectory(folder + "flows") {
                names += try System.directoryEntries(folder + "flows")
                    .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.map { "flows/" + $0 }
            }
            if names.isEmpty && explicit { throw CommandError.missingInput(Strings.noDeckFiles(path)) }
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
