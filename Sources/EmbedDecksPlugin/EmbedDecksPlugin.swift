import Foundation
import PackagePlugin

/// Builds the decks and flows of `Dialogues/` into the target as Swift source, so the built `samtale` carries them,
/// works when copied alone into any folder, and need not parse its decks when it starts.
@main
struct EmbedDecksPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let dialogues = context.package.directoryURL.appending(path: "Dialogues")
        let files = try [dialogues, dialogues.appending(path: "flows")].flatMap { folder in
            try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" && !$0.lastPathComponent.hasSuffix(".schema.json") }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinDecks.swift")
        return [
            .buildCommand(
                displayName: "Checking and embedding \(files.count) decks and flows from Dialogues/",
                executable: try context.tool(named: "embed-decks").url,
                arguments: [output.path()] + files.map { $0.path() },
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
