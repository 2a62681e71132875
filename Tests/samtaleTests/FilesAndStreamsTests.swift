import Foundation
import Testing

/// What samtale reads and writes beyond ordinary files: named pipes, devices, huge files and lines, a full disk.
/// Each must be refused or bounded with a message, never hang, abort or pass in silence.
@Suite struct FilesAndStreamsTests {
    /// Runs `samtale ARGUMENTS` through /bin/sh with standard output sent where `redirect` says (`> /dev/full`).
    func runRedirected(_ arguments: [String], redirect: String, environment: [String: String] = [:]) throws
        -> Samtale.Result
    {
        try Samtale.run(
            ["-c", #""$0" "$@" "# + redirect, Samtale.binary.path] + arguments, environment: environment,
            executable: URL(fileURLWithPath: "/bin/sh"))
    }

    /// Runs samtale under coreutils' `timeout`, so that a run that would wait forever fails (124) instead of hanging.
    func runBounded(_ arguments: [String]) throws -> Samtale.Result {
        try Samtale.run(["20", Samtale.binary.path] + arguments, executable: URL(fileURLWithPath: "/usr/bin/timeout"))
    }

    // MARK: Output

    @Test func aPromptThatCannotBeWrittenExits74() throws {
        let result = try runRedirected(["prompt"], redirect: "> /dev/full")
        #expect(result.status == 74)
        #expect(
            result.stderr
                == "samtale: kan ikke skrive til standard output: disken er fuld; udskriften er ufuldstændig\n")
        let english = try runRedirected(["prompt", "--lang", "en"], redirect: "> /dev/full")
        #expect(english.status == 74 && english.stderr.contains("cannot write to standard output: the disk is full"))
        let closed = try runRedirected(["list", "decks"], redirect: ">&-")
        #expect(closed.status == 74, "a closed standard output: \(closed.stderr)")
    }

    @Test func anExportThatCannotBeWrittenExits74() throws {
        let state = try Samtale.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let environment = ["SAMTALE_STATE_DIR": state.path]
        let input = state.appendingPathComponent("answers.txt")
        try "Et svar\n".write(to: input, atomically: true, encoding: .utf8)
        let talk = try Samtale.run(
            ["talk", "--flow", "one-to-one", "--role", "medarbejder", "--theme", "sammen sikrer"],
            environment: environment, standardInput: input)
        let id = try #require(talk.stdout.firstMatch(of: #/--resume ([0-9a-z]+)/#)).output.1
        for format in ["markdown", "json"] {
            let export = try runRedirected(
                ["sessions", "export", String(id), "--format", format], redirect: "> /dev/full",
                environment: environment)
            #expect(export.status == 74, "\(format): \(export.stderr)")
            #expect(export.stderr.contains("kan ikke skrive til standard output"))
        }
        let list = try runRedirected(["sessions", "list"], redirect: "> /dev/full", environment: environment)
        #expect(list.status == 74)
        #expect(
            try runRedirected(["sessions", "export", String(id)], redirect: "> /dev/null", environment: environment)
                .status == 0)
    }

    /// Runs `samtale ARGUMENTS` with standard output a pipe whose reader has gone, as `(sleep 1; samtale …) | true`
    /// leaves it: python3 starts it with SIGPIPE at its default, as a shell does, and prints its exit status (a
    /// signal as its negative number, -13 for SIGPIPE).
    func runIntoClosedPipe(_ arguments: [String], input: URL? = nil, environment: [String: String] = [:]) throws
        -> Samtale.Result
    {
        let script = """
            import os, subprocess, sys
            read, write = os.pipe()
            os.close(read)
            print(subprocess.run(sys.argv[1:], stdout=write).returncode)
            """
        let result = try Samtale.run(
            ["python3", "-c", script, Samtale.binary.path] + arguments, environment: environment,
            executable: URL(fileURLWithPath: "/usr/bin/env"), standardInput: input)
        let status = try #require(
            Int32(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(result.stderr)")
        return Samtale.Result(status: status, stdout: "", stderr: result.stderr)
    }

    /// A reader that has gone is an output error like a full disk (74, with the reason), never a death by SIGPIPE
    /// (141, no word), for every command; a conversation whose questions no one sees is paused with nothing asked.
    @Test func aClosedPipeExits74() throws {
        let state = try Samtale.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let environment = ["SAMTALE_STATE_DIR": state.path]
        let input = state.appendingPathComponent("answers.txt")
        try "Et svar\nEt andet svar\n".write(to: input, atomically: true, encoding: .utf8)
        let talk = try runIntoClosedPipe(
            ["talk", "--flow", "one-to-one", "--role", "medarbejder", "--theme", "sammen sikrer"], input: input,
            environment: environment)
        #expect(talk.status == 74, "\(talk.stderr)")
        #expect(
            talk.stderr
                == "samtale: kan ikke skrive til standard output: det program, der tog imod udskriften, blev lukket undervejs; "
                + "udskriften er ufuldstændig\n")
        let list = try Samtale.run(["sessions", "list", "--format", "json"], environment: environment)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let id = try #require(rows.first?["id"] as? String)
        #expect(rows.count == 1 && rows[0]["status"] as? String == "paused", "\(list.stdout)")
        let record = try Samtale.run(["sessions", "export", id, "--format", "json"], environment: environment)
        #expect(!record.stdout.contains("Et svar"), "answered where no one saw the question")
        for arguments in [["sessions", "list"], ["sessions", "export", id], ["list", "decks"], ["show", "kolding"]] {
            let result = try runIntoClosedPipe(arguments, environment: environment)
            #expect(result.status == 74, "\(arguments): \(result.stderr)")
            #expect(
                result.stderr.contains("det program, der tog imod udskriften, blev lukket undervejs"), "\(arguments)")
        }
        let english = try runIntoClosedPipe(["prompt", "--lang", "en"])
        #expect(english.status == 74)
        #expect(english.stderr.contains("cannot write to standard output: the program reading the output has closed"))
        // A client that stops reading ends the server, with the same exit and reason.
        let requests = state.appendingPathComponent("requests.jsonl")
        try #"{"type":"hello","id":1}"#.appending("\n").write(to: requests, atomically: true, encoding: .utf8)
        let serve = try runIntoClosedPipe(["serve", "--stdio"], input: requests, environment: environment)
        #expect(serve.status == 74, "\(serve.stderr)")
        #expect(serve.stderr.contains("det program, der tog imod udskriften, blev lukket undervejs"))
    }

    // MARK: Files that are not files

    /// The summary of a `validate` run whose only path could not be read.
    static let nothingChecked = "0 filer tjekket, 0 fejl; 1 sti kunne ikke tjekkes\n"

    @Test func aNamedPipeIsRefusedAtOnceWhereverAFileIsRead() throws {
        let folder = try Samtale.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("deck.json")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let validate = try runBounded(["validate", fifo.path])
        #expect(validate.status == 66)
        #expect(
            validate.stderr
                == "samtale: kan ikke læse \(fifo.path): det er ikke en almindelig fil, men en navngiven pipe (FIFO)\n"
                + Self.nothingChecked)
        let inFolder = try runBounded(["prompt", "--dialogues", folder.path, "--lang", "en"])
        #expect(inFolder.status == 66)
        #expect(inFolder.stderr.contains("cannot read \(fifo.path): it is not a regular file but a named pipe (FIFO)"))
        let targets = try runBounded(["validate", "--config", fifo.path])
        #expect(targets.status == 66 && targets.stderr.contains("navngiven pipe"))
    }

    @Test(arguments: ["/dev/zero", "/dev/null", "/dev/urandom"])
    func aDeviceIsRefused(device: String) throws {
        let result = try runBounded(["validate", device])
        #expect(result.status == 66)
        #expect(
            result.stderr == "samtale: kan ikke læse \(device): det er ikke en almindelig fil, men en enhed\n"
                + Self.nothingChecked)
    }

    /// `/dev/stdin` named as a file is a file like any other: a device (here /dev/null) or a pipe is refused, not read;
    /// only `post --stdin` reads standard input.
    @Test func standardInputNamedAsAFileMustBeARegularFile() throws {
        let message = "samtale: kan ikke læse /dev/stdin: det er ikke en almindelig fil, men en enhed\n"
        for arguments in [
            ["validate", "/dev/stdin"], ["validate", "--config", "/dev/stdin"],
            ["prompt", "--dialogues", "/dev/stdin"],
        ] {
            let result = try runBounded(arguments)
            #expect(result.status == 66, "\(arguments): \(result.stderr)")
            let summary = arguments == ["validate", "/dev/stdin"] ? Self.nothingChecked : ""
            #expect(result.stderr == message + summary, "\(arguments)")
        }
        let folder = try Samtale.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deck = folder.appendingPathComponent("deck.json")
        try Data(contentsOf: Samtale.root.appendingPathComponent("Dialogues/kolding-sammen-om-ledelse.json")).write(
            to: deck)
        let redirected = try Samtale.run(["validate", "/dev/stdin"], standardInput: deck)
        #expect(redirected.status == 0, "a regular file on standard input is a file: \(redirected.stderr)")
        // A pipe that stays open would have kept `validate` waiting; it is refused at once.
        let script =
            #"exec 3< <(exec sleep 20 2>/dev/null); sleeper=$!; timeout 10 "$0" validate /dev/stdin <&3 3<&-; "#
            + #"status=$?; kill $sleeper; exit $status"#
        let piped = try Samtale.run(["-c", script, Samtale.binary.path], executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(piped.status == 66, "\(piped.stderr)")
        #expect(piped.stderr.contains("navngiven pipe (FIFO)"))
    }

    @Test func aFileOverTheLimitIsRefusedWithItsSize() throws {
        let folder = try Samtale.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let huge = folder.appendingPathComponent("huge.json")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 40 << 20 | 512 << 10)
        try handle.close()
        let result = try Samtale.run(["validate", huge.path])
        #expect(result.status == 66)
        #expect(
            result.stderr == "samtale: kan ikke læse \(huge.path): filen er på 40,5 MiB; der kan højst læses 16 MiB\n"
                + Self.nothingChecked)
        let english = try Samtale.run(["validate", huge.path, "--lang", "en"])
        #expect(english.stderr.contains("the file is 40.5 MiB; samtale reads at most 16 MiB"))
    }

    @Test func systemErrorsAreInTheInterfaceLanguage() throws {
        let missing = try Samtale.run(["validate", "/nonexistent/deck.json"])
        #expect(
            missing.stderr == "samtale: kan ikke læse /nonexistent/deck.json: filen eller mappen findes ikke\n"
                + Self.nothingChecked)
        let folder = try Samtale.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let locked = folder.appendingPathComponent("locked.json")
        try "{}".write(to: locked, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
        // root reads anything; the message is checked where permissions hold.
        if getuid() != 0 {
            let denied = try Samtale.run(["validate", locked.path, "--lang", "en"])
            #expect(
                denied.stderr == "samtale: cannot read \(locked.path): permission denied\n"
                    + "0 files checked, 0 problems; 1 path could not be checked\n")
        }
    }

    // MARK: Standard input

    /// A 40 MB line on a pipe is dropped as it is read (the process stays small), and the question is asked again.
    @Test func aHugeAnswerIsRefusedWithoutBeingHeldInMemory() throws {
        let folder = try Samtale.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("answers.txt")
        var bytes = Data(repeating: UInt8(ascii: "a"), count: 40_000_000)
        bytes.append(Data("\nEt kort svar\n/pause\n".utf8))
        try bytes.write(to: input)
        // python3 runs samtale and reports the largest resident size any child reached, in KiB.
        let script = """
            import resource, subprocess, sys
            result = subprocess.run(sys.argv[2:], stdin=open(sys.argv[1], "rb"), capture_output=True)
            sys.stdout.write(result.stdout.decode())
            sys.stderr.write("%d %d" % (result.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
            """
        let result = try Samtale.run(
            [
                "python3", "-c", script, input.path, Samtale.binary.path, "talk", "--flow", "one-to-one",
                "--role", "medarbejder", "--theme", "sammen sikrer",
            ],
            environment: ["SAMTALE_STATE_DIR": folder.path],
            executable: URL(fileURLWithPath: "/usr/bin/env"))
        let figures = result.stderr.split(separator: " ").compactMap { Int($0) }
        try #require(figures.count == 2, "\(result.stderr)")
        #expect(figures[0] == 0)
        #expect(figures[1] < 30_000, "peak resident size \(figures[1]) KiB: the line was held in memory")
        #expect(
            result.stdout.contains(
                "Spørgsmål 1 af 4\nHvordan bidrager du til kvalitet i løsningen af kerneopgaven?\n"
                    + "Svaret er for langt (over 64 KiB, omkring 65.000 tegn) og er ikke gemt; skriv et kortere svar.\n"
                    + "Spørgsmål 1 af 4\n"
                    + "Hvordan bidrager du til kvalitet i løsningen af kerneopgaven?\nSpørgsmål 2 af 4"),
            "\(result.stdout)")
        let id = try #require(result.stdout.firstMatch(of: #/--resume ([0-9a-z]+)/#)).output.1
        let export = try Samtale.run(
            ["sessions", "export", String(id), "--format", "json"],
            environment: ["SAMTALE_STATE_DIR": folder.path])
        #expect(export.stdout.contains("Et kort svar"))
        #expect(!export.stdout.contains("aaaaaaaaaa"))
    }
}
