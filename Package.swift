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
        .target(name: "SamtaleCore"),
        /// The decks of `Dialogues/`, checked and turned into Swift values at build time.
        .target(
            name: "SamtaleDecks",
            dependencies: ["SamtaleCore"],
            plugins: ["EmbedDecksPlugin"]
        ),
        /// Conversations in a terminal, or scripted through standard input: translates lines and actions.
        .target(
            name: "TerminalAdapter",
            dependencies: ["SamtaleCore"],
            path: "Adapters/Terminal"
        ),
        /// Conversations driven by any program through one JSON object per line on stdin and stdout.
        .target(
            name: "JSONLinesAdapter",
            dependencies: ["SamtaleCore"],
            path: "Adapters/JSONLines"
        ),
        /// Chat webhooks: which platform a URL is, the payload each one takes, and what its answer means.
        /// Pure like the core: the HTTP itself happens in `samtale-http`.
        .target(
            name: "WebhookAdapter",
            dependencies: ["SamtaleCore"],
            path: "Adapters/Webhook",
            exclude: ["Scheduling"]
        ),
        /// Two-way chat: the HTTP requests chat platforms send, their verification, the messages in them and the
        /// replies each platform takes. Pure like the core: the sockets live in the front doors.
        .target(
            name: "ChatAdapter",
            dependencies: ["SamtaleCore"],
            path: "Adapters/Chat",
            exclude: ["Deployment"]
        ),
        /// The command line: parses arguments, picks the adapter, maps errors to exit codes.
        .executableTarget(
            name: "samtale",
            dependencies: [
                "SamtaleCore", "SamtaleDecks", "TerminalAdapter", "JSONLinesAdapter", "WebhookAdapter",
                "ChatAdapter", "samtale-http",
            ]
        ),
        /// Sends HTTP requests for `samtale post`, one JSON object per line each way. A program of its own because
        /// FoundationNetworking would add milliseconds to the start of every other command; depending on it here only
        /// makes SwiftPM build it beside `samtale`.
        .executableTarget(
            name: "samtale-http",
            dependencies: ["SamtaleCore", "WebhookAdapter"],
            path: "Sources/samtale-http"
        ),
        /// Build-time tool: decodes and checks `Dialogues/*.json` with the core and writes them out as Swift source.
        .executableTarget(
            name: "embed-decks",
            dependencies: ["SamtaleCore"],
            path: "Sources/embed-decks"
        ),
        .plugin(
            name: "EmbedDecksPlugin",
            capability: .buildTool(),
            dependencies: ["embed-decks"],
            path: "Sources/EmbedDecksPlugin"
        ),
        /// What the test targets share: temporary folders that do not outlive the run, the environment of every process
        /// a test starts, and whether python3 can check JSON Schemas.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "SamtaleCoreTests",
            dependencies: ["SamtaleCore", "SamtaleDecks", "TestSupport"],
            exclude: ["Fixtures", "Goldens", "Seeds"]
        ),
        .testTarget(
            name: "WebhookAdapterTests",
            dependencies: ["WebhookAdapter", "SamtaleDecks", "TestSupport"],
            exclude: ["Schemas"]
        ),
        .testTarget(
            name: "ChatAdapterTests",
            dependencies: ["ChatAdapter", "SamtaleDecks", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        /// The terminal adapter driven in this process: scripted lines in, the text it shows out.
        .testTarget(
            name: "TerminalAdapterTests",
            dependencies: ["TerminalAdapter", "SamtaleDecks"]
        ),
        /// The JSON-lines server driven in this process: request lines in memory, its answer lines read back.
        .testTarget(
            name: "JSONLinesAdapterTests",
            dependencies: ["JSONLinesAdapter", "SamtaleDecks", "TestSupport"]
        ),
        .testTarget(
            name: "samtaleTests",
            dependencies: ["samtale", "ChatAdapter", "JSONLinesAdapter", "SamtaleDecks", "TestSupport"],
            exclude: ["Fixtures", "Transcripts"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
