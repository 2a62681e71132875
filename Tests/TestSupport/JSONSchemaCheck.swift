import Foundation

/// python3's `jsonschema` module, which checks the decks, flows and Teams cards against their JSON Schemas. Without it
/// those tests are skipped, unless SAMTALE_REQUIRE_JSONSCHEMA=1 (as in CI) makes them run and fail.
public enum JSONSchemaCheck {
    public static let missing = "python3's jsonschema module is not installed (pip install jsonschema)"

    /// Asked once per test process.
    public static let isInstalled: Bool =
        (try? TemporaryFolders.with { home in
            let process = TestProcess.python(["-c", "import jsonschema"], home: home)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        }) ?? false

    public static let isRequired = ProcessInfo.processInfo.environment["SAMTALE_REQUIRE_JSONSCHEMA"] == "1"

    /// Whether the tests that need the module run: it is there, or it is required.
    public static var testsRun: Bool { isInstalled || isRequired }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs a python3 script that imports jsonschema, with `arguments`, and returns what it printed on standard output.
    public static func run(_ script: String, _ arguments: [String]) throws -> Data {
        guard isInstalled else {
            throw Failure(description: missing + ", and SAMTALE_REQUIRE_JSONSCHEMA=1 requires the tests that need it")
        }
        return try TemporaryFolders.with { home in
            let process = TestProcess.python(["-c", script] + arguments, home: home)
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw Failure(description: "the python3 script ended with status \(process.terminationStatus)")
            }
            return data
        }
    }
}
