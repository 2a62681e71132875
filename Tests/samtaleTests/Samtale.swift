import Foundation
import TestSupport

/// Runs the built `samtale` binary as a user would: from another folder, with its own environment.
struct Samtale {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The binary SwiftPM built beside this test bundle.
    static let binary: URL = {
        let tests = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return tests.deletingLastPathComponent().appendingPathComponent("samtale")
    }()

    /// The repository root, for fixtures and `Dialogues/`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/samtaleTests/Fixtures")

    /// A fresh empty folder, removed when the tests end.
    static func temporaryFolder() throws -> URL {
        try TemporaryFolders.make()
    }

    /// Runs `samtale` with the arguments in `directory` (default: a new empty folder), with the environment of
    /// `TestProcess` (a HOME of its own, no locale, deck folders or target group) plus `environment`; standard input
    /// from a file, or empty.
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], executable: URL = binary,
        standardInput: URL? = nil
    ) throws -> Result {
        try start(
            arguments, in: directory, environment: environment, executable: executable, standardInput: standardInput
        )
        .wait()
    }

    /// A `samtale` that runs while the test goes on, for processes that must overlap.
    struct Running {
        let process: Process
        let out: Pipe
        let err: Pipe
        /// The HOME and working folder made for this run, removed once it has ended.
        let folders: [URL]

        /// Reads both outputs to their end and waits for the exit.
        func wait() throws -> Result {
            defer { folders.forEach(TemporaryFolders.remove) }
            // stderr is read on another thread, so that neither pipe can fill up and stall the process.
            nonisolated(unsafe) var stderr = Data()
            let read = DispatchSemaphore(value: 0)
            Thread {
                stderr = err.fileHandleForReading.readDataToEndOfFile()
                read.signal()
            }.start()
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            read.wait()
            process.waitUntilExit()
            return Result(
                status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                stderr: String(decoding: stderr, as: UTF8.self))
        }
    }

    /// Starts `samtale` as `run` does, without waiting for it.
    static func start(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], executable: URL = binary,
        standardInput: URL? = nil
    ) throws -> Running {
        let home = try temporaryFolder()
        let workingFolder = try directory ?? temporaryFolder()
        let process = TestProcess.make(executable, arguments, home: home, in: workingFolder, environment: environment)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = try standardInput.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        try process.run()
        return Running(
            process: process, out: out, err: err, folders: directory == nil ? [home, workingFolder] : [home])
    }
}
