// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "samtale",
    products: [
        .executable(name: "samtale", targets: ["samtale"]),
        .library(name: "SamtaleCore", targets: ["SamtaleCore"]),
    ],
    targets: [
        /// The model, loading and validation, rotation, calendar and text: pure Swift, no Foundation,
        /// so that `samtale prompt` starts as fast as a bare Swift program.
        .target(
            name: "SamtaleCore",
            plugins: ["EmbedDialoguesPlugin"]
        ),
        /// The command line: parses arguments, runs a command, maps errors to exit codes.
        .executableTarget(
            name: "samtale",
            dependencies: ["SamtaleCore"]
        ),
        /// Build-time tool: turns `Dialogues/*.json` into Swift source, so the decks live in the binary.
        .executableTarget(
            name: "embed-dialogues",
            path: "Sources/embed-dialogues"
        ),
        .plugin(
            name: "EmbedDialoguesPlugin",
            capability: .buildTool(),
            dependencies: ["embed-dialogues"],
            path: "Sources/EmbedDialoguesPlugin"
        ),
        .testTarget(
            name: "SamtaleCoreTests",
            dependencies: ["SamtaleCore"]
        ),
        .testTarget(
            name: "samtaleTests",
            dependencies: ["samtale"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
