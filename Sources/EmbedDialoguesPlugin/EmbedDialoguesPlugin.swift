import PackagePlugin
import Foundation

/// Embeds the deck files of `Dialogues/` into the target as Swift source, so the built `samtale` carries its decks
/// and works when copied alone into any folder.
@main
struct EmbedDialoguesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let dialogues = context.package.directoryURL.appending(path: "Dialogues")
        let files = try FileManager.default.contentsOfDirectory(at: dialogues, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" && !$0.lastPathComponent.hasSuffix(".schema.json") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinDialogues.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) decks from Dialogues/",
                executable: try context.tool(named: "embed-dialogues").url,
                arguments: [output.path()] + files.map { $0.path() },
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
