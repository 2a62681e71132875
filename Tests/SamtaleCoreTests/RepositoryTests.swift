import Foundation
import TestSupport
import Testing

/// A clone of the repository passes its tests on its own: nothing in it reaches for files beside it, and every
/// process a test starts is isolated from the user's set-up.
@Suite struct RepositoryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Where the design brief, the seeds and the schemas were kept beside the project during its development: no
    /// clone has them. Put together from parts, so that this file does not name them itself.
    static let outside: [String] = {
        let shared = "shared"
        return [".." + "/" + shared] + ["seeds", "schemas", "reference"].map { shared + "/" + $0 }
    }()

    /// Documents kept beside the project while it was designed, which a reader of the repository cannot open: a
    /// comment or a page that cites them sends its reader nowhere. Put together from parts like `outside`.
    static let unopenable = ["DESIGN" + ".md", "chat-webhooks" + ".md", "Seed" + " 000", "seed" + " 000"]

    /// Foundation's ways to start a process, put together from parts like `outside`.
    static let processCalls = ["Process" + "()", "Process" + ".run("]

    /// Every file under `paths` (folders or files, relative to `root`) whose text holds one of `needles` at the start
    /// of a word (so not inside a longer name), as "path: needle", sorted.
    static func mentions(of needles: [String], under paths: [String], in root: URL) -> [String] {
        var found: [String] = []
        for path in paths {
            let top = root.appendingPathComponent(path)
            let inside = FileManager.default.enumerator(atPath: top.path)?.compactMap { $0 as? String } ?? []
            for file in inside.isEmpty ? [""] : inside {
                let relative = file.isEmpty ? path : path + "/" + file
                guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path)
                else { continue }
                let text = String(decoding: data, as: UTF8.self)
                found += needles.filter { holds(text, $0) }.map { "\(relative): \($0)" }
            }
        }
        return found.sorted()
    }

    static func holds(_ text: String, _ needle: String) -> Bool {
        text.ranges(of: needle).contains { range in
            guard range.lowerBound > text.startIndex else { return true }
            let before = text[text.index(before: range.lowerBound)]
            return !(before.isLetter || before.isNumber || before == "_")
        }
    }

    /// Writes each text to its path under `root`, making the folders on the way.
    static func write(_ files: [String: String], under root: URL) throws {
        for (path, text) in files {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(),
                withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
    }

    @Test func nothingReachesForFilesBesideTheRepository() {
        let found = Self.mentions(
            of: Self.outside,
            under: [
                "Sources", "Adapters", "Tests", ".ci", "Dialogues",
                "Package.swift",
            ], in: Self.root)
        #expect(found.isEmpty, "keep what a test needs in the repository: \(found)")
    }

    @Test func nothingCitesADocumentTheRepositoryDoesNotHold() {
        let paths = ["Sources", "Adapters", "Tests", ".ci", "Dialogues", "Package.swift", "README.md", "PROTOCOL.md"]
        let found = Self.mentions(of: Self.unopenable, under: paths, in: Self.root)
        #expect(found.isEmpty, "cite what the repository holds (Tests/SamtaleCoreTests/Seeds/…) or nothing: \(found)")
    }

    @Test func theCheckFindsACitationOfADocumentTheRepositoryDoesNotHold() throws {
        try TemporaryFolders.with { root in
            let files = [
                "Sources/A.swift": "/// The folder \(Self.unopenable[0]) names.",
                "README.md": "As \(Self.unopenable[2]) asks, swap the word.",
                "Sources/B.swift": "/// Not a citation: MY\(Self.unopenable[0]).",
            ]
            try Self.write(files, under: root)
            #expect(
                Self.mentions(of: Self.unopenable, under: ["Sources", "README.md"], in: root)
                    == ["README.md: \(Self.unopenable[2])", "Sources/A.swift: \(Self.unopenable[0])"])
        }
    }

    @Test func theCheckFindsAReferenceBesideTheRepository() throws {
        try TemporaryFolders.with { root in
            let files = [
                "Tests/A/Tests.swift": "let folder = \"../../\(Self.outside[0])/x\"",
                ".ci/run": "cp \(Self.outside[2])/card.json .", "Tests/B.txt": "shared by all",
                "Tests/C.swift": "let x = TestProcess(); let y = \(Self.processCalls[0])",
            ]
            try Self.write(files, under: root)
            #expect(
                Self.mentions(of: Self.outside, under: ["Tests", ".ci", "Sources"], in: root)
                    == [".ci/run: \(Self.outside[2])", "Tests/A/Tests.swift: \(Self.outside[0])"])
            #expect(
                Self.mentions(of: Self.processCalls, under: ["Tests"], in: root)
                    == ["Tests/C.swift: \(Self.processCalls[0])"])
        }
    }

    /// The system calls are in one file each, which says what each platform gets: the core's in `FileSystem.swift`,
    /// the executable's in `System.swift`, and its sockets' (`chat serve --listen`) in `Sockets.swift`.
    @Test func onlyTheSystemFilesImportLibc() {
        let imports = ["import Glibc", "import Musl", "import Darwin"]
        let found = Self.mentions(of: imports, under: ["Sources/SamtaleCore", "Sources/samtale"], in: Self.root)
        let expected = [
            "Sources/SamtaleCore/System/FileSystem.swift", "Sources/samtale/Sockets.swift",
            "Sources/samtale/System.swift",
        ]
        .flatMap { file in imports.map { "\(file): \($0)" } }.sorted()
        #expect(found == expected)
    }

    /// TestProcess gives each process a HOME of its own and none of the user's samtale variables; a process made
    /// any other way would see them.
    @Test func everyProcessATestStartsIsMadeByTestProcess() {
        let found = Self.mentions(of: Self.processCalls, under: ["Tests"], in: Self.root)
            .filter { !$0.hasPrefix("Tests/TestSupport/") }
        #expect(found.isEmpty, "start processes with TestProcess.make or TestProcess.python: \(found)")
    }
}
