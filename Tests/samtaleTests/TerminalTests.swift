import Foundation
import TestSupport
import Testing

// MARK: - Tests

/// `samtale talk` as people hold it: through a real pseudo-terminal (python3's `pty` drives the built binary, see
/// `Fixtures/pty_session.py`), and from piped lines as a script does. Each test has its own state folder.
///
/// Serialized: each test runs a terminal session with waits, and on a loaded machine they are steadier one at a time.
@Suite(.serialized) struct TerminalTests {
    static let oneToOne = ["talk", "--flow", "one-to-one", "--role", "medarbejder", "--theme", "sammen sikrer"]
    static let question1 = "Hvordan bidrager du til kvalitet i løsningen af kerneopgaven?"
    static let question2 = "Hvordan kan du inddrage andre for at sikre kvalitet i opgaveløsningen?"
    static let question3 = "Hvordan udvikler du de rette kompetencer for at løse morgendagens opgaver?"
    static let savedDa = "Samtalen er gemt. Fortsæt med: samtale talk --resume"

    @Test func aWholeOneToOneWithBackAndAnAgreement() throws {
        let state = try StateFolder()
        defer { state.remove() }
        let run = try Terminal.run(
            Self.oneToOne, state: state,
            steps:
                answer("Jeg holder fokus på borgeren", after: "Spørgsmål 1 af 4", Self.question1)
                + answer("Et første svar", after: "Spørgsmål 2 af 4", Self.question2)
                + answer("/tilbage", after: "Spørgsmål 3 af 4", Self.question3)
                + answer("Et rettet svar", after: "Spørgsmål 2 af 4", Self.question2, "Tidligere svar: Et første svar")
                + answer("Jeg tager et kursus", after: "Spørgsmål 3 af 4", Self.question3)
                + answer("Tavlemøde hver mandag", after: "Spørgsmål 4 af 4", "Aftale 1: hvad?")
                + answer("Ann", after: "Hvem?")
                + answer("Inden jul", after: "Hvornår?")
                + answer("", after: "Aftale 2: hvad?")
                + [
                    "expect OPSUMMERING", "expect \(Self.question1)", "expect Jeg holder fokus på borgeren",
                    "expect \(Self.question2)", "expect Et rettet svar",
                    "expect \(Self.question3)", "expect Jeg tager et kursus",
                    "expect AFTALER", "expect 1. Tavlemøde hver mandag – hvem: Ann, hvornår: Inden jul",
                    "expect Samtalen er slut.", "wait-exit",
                ])
        try run.requireSteps()
        #expect(run.exitStatus == 0, "\(run.report)")
        let summary = try #require(run.text.range(of: "OPSUMMERING")).upperBound
        #expect(!run.text[summary...].contains("Et første svar"), "the summary holds the revised answer only")

        let id = try state.onlySessionID()
        #expect(run.normalised.contains("samtale sessions export \(id) --format markdown"))
        #expect(try state.permissions(of: "sessions") == 0o700)
        #expect(try state.permissions(of: "sessions/\(id).json") == 0o600)
        let export = try state.export(id)
        #expect(
            export.answers
                == ["q1": "Jeg holder fokus på borgeren", "q2": "Et rettet svar", "q3": "Jeg tager et kursus"])
        #expect(export.agreementTexts == ["Ann", "Inden jul", "Tavlemøde hver mandag"])
        #expect(export.isFinished)
        #expect(export.endedEarly == false)
        #expect(try state.listed(id)?["status"] as? String == "finished")
    }

    @Test func ctrlCPausesAndTheResumeContinuesAtTheFirstUnansweredQuestion() throws {
        let state = try StateFolder()
        defer { state.remove() }
        let first = try Terminal.run(
            Self.oneToOne, state: state,
            steps:
                answer("Svar fra første gang", after: "Spørgsmål 1 af 4", Self.question1)
                + [
                    "expect Spørgsmål 2 af 4", "expect \(Self.question2)", "expect > ",
                    "type et halvt svar", "ctrl-c", "expect \(Self.savedDa)", "wait-exit",
                ])
        try first.requireSteps()
        #expect(first.exitStatus == 0, "Ctrl-C pauses; it is not an error: \(first.report)")
        let id = try #require(first.resumeID, "\(first.report)")
        #expect(try state.onlySessionID() == id)
        #expect(try state.listed(id)?["status"] as? String == "paused")
        let paused = try state.export(id)
        #expect(paused.answers == ["q1": "Svar fra første gang"])
        #expect(!paused.allStrings.contains { $0.contains("halvt") }, "a half-typed line is not an answer")

        let resumed = try Terminal.run(
            ["talk", "--resume", id], state: state,
            steps:
                answer("Svar fra anden gang", after: "Spørgsmål 2 af 4", Self.question2)
                + answer("Og det tredje", after: "Spørgsmål 3 af 4", Self.question3)
                + answer("", after: "Spørgsmål 4 af 4", "Aftale 1: hvad?")
                + [
                    "expect OPSUMMERING", "expect Svar fra første gang", "expect Svar fra anden gang",
                    "expect Og det tredje", "wait-exit",
                ])
        try resumed.requireSteps()
        #expect(resumed.exitStatus == 0)
        #expect(resumed.firstProgress == "Spørgsmål 2 af 4", "\(resumed.report)")
        #expect(!resumed.textBeforeSummary.contains(Self.question1), "the answered question is not asked again")
        let export = try state.export(id)
        #expect(export.answers == ["q1": "Svar fra første gang", "q2": "Svar fra anden gang", "q3": "Og det tredje"])
        #expect(export.isFinished)
        #expect(try state.listed(id)?["status"] as? String == "finished")
    }

    @Test func killMinus9AfterTheThirdAnswerLosesNothing() throws {
        let state = try StateFolder()
        defer { state.remove() }
        let killed = try Terminal.run(
            Self.oneToOne, state: state,
            steps:
                answer("Et", after: "Spørgsmål 1 af 4", Self.question1)
                + answer("To", after: "Spørgsmål 2 af 4", Self.question2)
                + answer("Tre", after: "Spørgsmål 3 af 4", Self.question3)
                // The fourth question is shown only once the third answer is on disk.
                + ["expect Spørgsmål 4 af 4", "expect Aftale 1: hvad?", "kill-9"])
        try killed.requireSteps()
        #expect(killed.signal == 9, "\(killed.report)")
        let id = try state.onlySessionID()
        #expect(try state.export(id).answers == ["q1": "Et", "q2": "To", "q3": "Tre"])

        let resumed = try runPiped(["talk", "--resume", id], input: "Aftale efter genstart\n\n\n\n", state: state)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(progressLine(in: resumed.stdout) == "Spørgsmål 4 af 4", "\(resumed.stdout)")
        #expect(resumed.stdout.contains("Aftale 1: hvad?"))
        let beforeSummary = resumed.stdout.components(separatedBy: "OPSUMMERING").first ?? ""
        for question in [Self.question1, Self.question2, Self.question3] {
            #expect(!beforeSummary.contains(question), "answered before the kill, not asked again: \(question)")
        }
        let export = try state.export(id)
        #expect(export.answers == ["q1": "Et", "q2": "To", "q3": "Tre"])
        #expect(export.agreementTexts.contains("Aftale efter genstart"))
        #expect(export.isFinished)
    }

    @Test func noColourMeansNoEscapesAndATerminalGetsBold() throws {
        let state = try StateFolder()
        defer { state.remove() }
        let steps = answer("Et svar", after: Self.question1) + ["expect \(Self.question2)", "expect > ", "ctrl-d"]
        let plain = try Terminal.run(
            Self.oneToOne, state: state, environment: ["NO_COLOR": "1"],
            steps: steps + ["expect \(Self.savedDa)", "wait-exit"])
        try plain.requireSteps()
        #expect(plain.exitStatus == 0)
        #expect(!plain.output.contains("\u{1B}"), "NO_COLOR: \(plain.output.debugDescription)")

        let coloured = try Terminal.run(
            ["--lang", "en"] + Self.oneToOne, state: state,
            environment: ["TERM": "xterm-256color"],
            steps: steps
                + ["expect The conversation is saved. Continue with: samtale talk --resume", "wait-exit"])
        try coloured.requireSteps()
        #expect(coloured.exitStatus == 0)
        #expect(coloured.output.contains("\u{1B}[1m\(Self.question1)\u{1B}[0m"), "\(coloured.output.debugDescription)")
        #expect(coloured.text.contains("Question 1 of 4"))
        let id = try #require(coloured.resumeID, "\(coloured.report)")
        #expect(try state.listed(id)?["status"] as? String == "paused")
    }

    /// A terminal that says it cannot show emphasis (`TERM=dumb`, as Emacs' shell does), or says nothing, gets none.
    @Test(arguments: ["dumb", nil])
    func aDumbTerminalGetsNoEscapes(term: String?) throws {
        let state = try StateFolder()
        defer { state.remove() }
        let run = try Terminal.run(
            Self.oneToOne, state: state, environment: ["TERM": term, "NO_COLOR": nil],
            steps:
                answer("Et svar", after: Self.question1) + [
                    "expect \(Self.question2)", "expect > ", "ctrl-d",
                    "expect \(Self.savedDa)", "wait-exit",
                ])
        try run.requireSteps()
        #expect(run.exitStatus == 0)
        #expect(!run.output.contains("\u{1B}"), "TERM=\(term ?? "(unset)"): \(run.output.debugDescription)")
    }

    /// Answers that came through `serve` with escape sequences in them reach the terminal as plain text only.
    @Test func answersWithEscapeSequencesAreShownWithoutThem() throws {
        let state = try StateFolder()
        defer { state.remove() }
        let id = "0000000000000000000000esc1"
        let hostile = #"Evil\u001b]0;pwned\u0007 \u001b[2J\u001b[31msvar\u009b\u007f\u0008 slut"#
        let served = try runPiped(
            ["serve", "--stdio"],
            input: """
                {"type":"start","flow":"one-to-one","role":"medarbejder","theme":"sammen sikrer","session":"\(id)"}
                {"type":"input","session":"\(id)","text":"\(hostile)"}

                """, state: state)
        #expect(served.status == 0 && !served.stdout.contains(#""type":"error""#), "\(served.stdout)")
        let shown = try Samtale.run(["sessions", "show", id], environment: state.environment)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("\nEvil svar slut\n"), "\(shown.stdout.debugDescription)")
        let markdown = try Samtale.run(["sessions", "export", id], environment: state.environment)
        #expect(markdown.stdout == shown.stdout)
        let resumed = try Terminal.run(
            ["talk", "--resume", id], state: state, environment: ["TERM": "xterm"],
            steps:
                answer("/tilbage", after: "Spørgsmål 2 af 4") + [
                    "expect Tidligere svar: Evil svar slut", "expect > ",
                    "send /slut", "expect Vil du afslutte", "send ja",
                    "expect OPSUMMERING", "wait-exit",
                ])
        try resumed.requireSteps()
        for text in [shown.stdout, resumed.output] {
            #expect(
                !text.contains("pwned") && !text.contains("[2J") && !text.contains("\u{7}")
                    && !text.contains("\u{9B}") && !text.contains("\u{7F}") && !text.contains("\u{8}"),
                "\(text.debugDescription)")
        }
        // The terminal's own emphasis is all the escapes there are: bold, dim, yellow and reset.
        let escapes = Set(resumed.output.matches(of: #/\u{1B}\[[0-9;]*[A-Za-z]/#).map { String($0.output) })
        #expect(escapes.isSubset(of: ["\u{1B}[1m", "\u{1B}[2m", "\u{1B}[33m", "\u{1B}[0m"]), "\(escapes)")
        let json = try Samtale.run(["sessions", "export", id, "--format", "json"], environment: state.environment)
        #expect(json.stdout.contains("pwned"), "the record itself keeps what was said: \(json.stdout)")
    }

    @Test func aNarrowTerminalGetsLinesThatFit() throws {
        let state = try StateFolder()
        defer { state.remove() }
        let long1 = "Jeg lytter til borgeren og spørger ind, før jeg handler, også når der er travlt"
        let long2 = "Vi deler erfaringer på tavlemødet hver uge og beder om sparring tidligt"
        let agreement = "Et fast tavlemøde om kvalitet hver anden mandag med hele teamet"
        let run = try Terminal.run(
            Self.oneToOne, state: state, columns: 40,
            steps:
                answer(long1, after: "Spørgsmål 1 af 4", Self.question1)
                + answer("/hjælp", after: "Spørgsmål 2 af 4", Self.question2)
                + answer(long2, after: "Kommandoer:", "/slut /end", Self.question2)
                + answer("Et kursus i motiverende samtale", after: Self.question3)
                + answer(agreement, after: "Aftale 1: hvad?")
                + answer("Teamlederen og tillidsrepræsentanten", after: "Hvem?")
                + answer("Fra første mandag i næste kvartal", after: "Hvornår?")
                + answer("", after: "Aftale 2: hvad?")
                + [
                    "expect OPSUMMERING", "expect \(long1)", "expect \(long2)", "expect \(agreement)",
                    "expect Samtalen er slut.", "wait-exit",
                ])
        try run.requireSteps()
        #expect(run.exitStatus == 0)
        #expect(run.linesWiderThan(40).isEmpty, "lines wider than 40 columns: \(run.linesWiderThan(40))")
        #expect(run.text.split(separator: "\n").contains { $0.count > 30 }, "the width is used, not just wrapped short")
    }

    @Test func pipedStdinGetsPlainPromptsAndEndOfInputPauses() throws {
        let state = try StateFolder()
        defer { state.remove() }
        let whole = try runPiped(
            Self.oneToOne, input: "Et\nTo\n/tilbage\nTo rettet\nTre\nAftalen\nBo\nI morgen\n\n",
            state: state)
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(!whole.stdout.contains("\u{1B}"), "no escapes in a pipe")
        #expect(!whole.stdout.split(separator: "\n").contains { $0.hasPrefix(">") }, "no prompts in a pipe")
        #expect(whole.stdout.contains("Spørgsmål 1 af 4\n\(Self.question1)\n"))
        #expect(whole.stdout.contains("\nOPSUMMERING"))
        #expect(whole.stdout.contains("1. Aftalen – hvem: Bo, hvornår: I morgen"))
        let finishedID = try state.onlySessionID()
        #expect(try state.export(finishedID).answers == ["q1": "Et", "q2": "To rettet", "q3": "Tre"])
        #expect(try state.listed(finishedID)?["status"] as? String == "finished")

        let cut = try runPiped(Self.oneToOne, input: "Et\nTo\n", state: state)
        #expect(cut.status == 0, "\(cut.stderr)")
        let sessions = try state.sessionIDs()
        #expect(sessions.count == 2)
        let pausedID = try #require(sessions.first { $0 != finishedID })
        #expect(cut.stdout.split(separator: "\n").last.map(String.init) == "\(Self.savedDa) \(pausedID)")
        let listed = try #require(try state.listed(pausedID))
        #expect(listed["status"] as? String == "paused")
        #expect((listed["progress"] as? [String: Any])?["current"] as? Int == 2)
        #expect(try state.export(pausedID).answers == ["q1": "Et", "q2": "To"])
    }

    @Test func noArgumentsOnATerminalOpensTheMenu() throws {
        let state = try StateFolder()
        defer { state.remove() }
        let run = try Terminal.run(
            [], state: state,
            steps:
                answer(
                    "", after: "Hvilken slags samtale?", "1. 1:1-samtale",
                    "Tryk Enter for »1:1-samtale«")
                + answer("", after: "Hvilket kortsæt?", "1. Sammen om kerneopgaven – dialogkort")
                + answer("", after: "Hvilken rolle?", "Tryk Enter for »Medarbejder«")
                + answer("", after: "Hvilket tema?", "Tryk Enter for »Sammen sikrer vi driften«")
                + answer("/pause", after: "Spørgsmål 1 af 4", Self.question1)
                + ["expect \(Self.savedDa)", "wait-exit"])
        try run.requireSteps()
        #expect(run.exitStatus == 0)
        let id = try #require(run.resumeID)
        let listed = try #require(try state.listed(id))
        #expect(listed["flow"] as? String == "one-to-one")
        #expect(listed["deck"] as? String == "hjoerring-dialogkort")
        #expect(listed["roles"] as? [String] == ["medarbejder"])
        #expect(listed["status"] as? String == "paused")
    }

    @Test func endAsksForConfirmationThenSummarises() throws {
        let state = try StateFolder()
        defer { state.remove() }
        let run = try Terminal.run(
            Self.oneToOne, state: state,
            steps:
                answer("Kun dette svar", after: "Spørgsmål 1 af 4", Self.question1)
                + answer("/slut", after: "Spørgsmål 2 af 4", Self.question2)
                + answer("ja", after: "Vil du afslutte samtalen nu?")
                + [
                    "expect OPSUMMERING", "expect Kun dette svar",
                    "expect Samtalen blev afsluttet før sidste spørgsmål.",
                    "expect Samtalen er slut.", "wait-exit",
                ])
        try run.requireSteps()
        #expect(run.exitStatus == 0)
        let id = try state.onlySessionID()
        let export = try state.export(id)
        #expect(export.endedEarly == true)
        #expect(export.isFinished)
        #expect(export.answers == ["q1": "Kun dette svar"])
        #expect(try state.listed(id)?["status"] as? String == "finished")
        let markdown = try Samtale.run(
            ["sessions", "export", id, "--format", "markdown"],
            environment: state.environment)
        #expect(markdown.stdout.contains("Samtalen blev afsluttet før sidste spørgsmål."))
    }

    // MARK: Known bugs

    @Test
    func theMenuFitsANarrowTerminal() throws {
        let state = try StateFolder()
        defer { state.remove() }
        let run = try Terminal.run(
            [], state: state, columns: 40,
            steps:
                answer("", after: "Hvilken slags samtale?") + answer("", after: "Hvilket kortsæt?")
                + answer("", after: "Hvilken rolle?") + answer("", after: "Hvilket tema?")
                + answer("/pause", after: "Spørgsmål 1 af 4") + ["expect \(Self.savedDa)", "wait-exit"])
        try run.requireSteps()
        #expect(run.linesWiderThan(40).isEmpty, "lines wider than 40 columns: \(run.linesWiderThan(40))")
    }

    @Test
    func theSeesawShowsTheAreasAndTheChartInANarrowTerminal() throws {
        let state = try StateFolder()
        defer { state.remove() }
        let run = try Terminal.run(
            [
                "talk", "--flow", "seesaw", "--deck", "hjoerring-ledelse-af-kerneopgaven",
                "--role", "leder",
            ], state: state, columns: 40,
            steps:
                answer("40,30,20,10", after: "OPTIMER MED BLIK", "SE LANGT, OG SÆT", "Spørgsmål 1 af")
                + answer("10,20,30,40", after: "Spørgsmål 2 af")
                // 30 points too many on the first area and 30 too few on the last, which the task needs more.
                + answer("/pause", after: "Spørgsmål 3 af", "Hvad skal der til")
                + ["expect \(Self.savedDa)", "wait-exit"])
        try run.requireSteps()
        #expect(run.linesWiderThan(40).isEmpty, "lines wider than 40 columns: \(run.linesWiderThan(40))")
    }
}

// MARK: - Steps

/// Waits for each text in turn, then for the "> " prompt that follows, then types the answer and Enter.
private func answer(_ answer: String, after texts: String...) -> [String] {
    texts.map { "expect \($0)" } + ["expect > ", answer.isEmpty ? "send" : "send \(answer)"]
}

/// The first "Spørgsmål N af M" line in some output.
private func progressLine(in text: String) -> String? {
    guard let match = text.firstMatch(of: #/Spørgsmål \d+ af \d+/#) else { return nil }
    return String(match.output)
}

// MARK: - A state folder

/// A fresh `SAMTALE_STATE_DIR` with a HOME of its own, and what the binary says about the sessions in it.
private struct StateFolder {
    let url: URL
    let home: URL

    init() throws {
        url = try Samtale.temporaryFolder()
        home = try Samtale.temporaryFolder()
    }

    var environment: [String: String] {
        ["SAMTALE_STATE_DIR": url.path]
    }

    func remove() {
        TemporaryFolders.remove(url)
        TemporaryFolders.remove(home)
    }

    /// The ids of the session files, sorted.
    func sessionIDs() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent("sessions").path)
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    func onlySessionID() throws -> String {
        let ids = try sessionIDs()
        try #require(ids.count == 1, "one session file, found \(ids)")
        return ids[0]
    }

    func permissions(of path: String) throws -> Int? {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(path).path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue
    }

    /// `samtale sessions export ID --format json`.
    func export(_ id: String) throws -> SessionExport {
        let result = try Samtale.run(["sessions", "export", id, "--format", "json"], environment: environment)
        try #require(result.status == 0, "export failed: \(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return SessionExport(object: object)
    }

    /// The session's entry in `samtale sessions list --format json`.
    func listed(_ id: String) throws -> [String: Any]? {
        let result = try Samtale.run(["sessions", "list", "--format", "json"], environment: environment)
        try #require(result.status == 0, "list failed: \(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return rows.first { $0["id"] as? String == id }
    }
}

/// The parts of a session's JSON export that the tests look at.
private struct SessionExport {
    let object: [String: Any]

    var state: [String: Any] { object["state"] as? [String: Any] ?? [:] }

    /// Question id → the answer's text (text answers only).
    var answers: [String: String] {
        let answers = object["answers"] as? [String: Any] ?? [:]
        return answers.compactMapValues { ($0 as? [String: Any])?["text"] as? String }
    }

    /// What, who and when of every agreement (those given), sorted.
    var agreementTexts: [String] {
        func agreements(in value: Any) -> [[String: Any]] {
            switch value {
            case let object as [String: Any] where object["what"] != nil: [object]
            case let object as [String: Any]: object.values.flatMap(agreements)
            case let array as [Any]: array.flatMap(agreements)
            default: []
            }
        }
        return agreements(in: object["agreements"] ?? [])
            .flatMap { agreement in ["what", "who", "when"].compactMap { agreement[$0] as? String } }
            .filter { !$0.isEmpty }.sorted()
    }

    var isFinished: Bool { state["type"] as? String == "finished" }
    var endedEarly: Bool? { state["endedEarly"] as? Bool }
    var allStrings: [String] { strings(in: object) }

    private func strings(in value: Any) -> [String] {
        switch value {
        case let text as String: [text]
        case let object as [String: Any]: object.keys.sorted().flatMap { strings(in: object[$0]!) }
        case let array as [Any]: array.flatMap { strings(in: $0) }
        default: []
        }
    }
}

// MARK: - Piped standard input

/// Runs `samtale` with `input` on a pipe as its standard input (`Samtale.run` gives it /dev/null).
private func runPiped(_ arguments: [String], input: String, state: StateFolder) throws -> Samtale.Result {
    let process = TestProcess.make(
        Samtale.binary, arguments, home: state.home, in: state.url,
        environment: state.environment)
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = try FileHandle(forUpdating: emptyFile(in: state.url, named: "stderr-\(UUID().uuidString)"))
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let watchdog = Watchdog(pid: process.processIdentifier, seconds: 30)
    defer { watchdog.cancel() }
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try stderr.seek(toOffset: 0)
    let err = try stderr.readToEnd() ?? Data()
    try stderr.close()
    return Samtale.Result(
        status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
        stderr: String(decoding: err, as: UTF8.self))
}

private func emptyFile(in folder: URL, named name: String) throws -> URL {
    let file = folder.appendingPathComponent(name)
    try Data().write(to: file)
    return file
}

/// Kills a process (SIGKILL) that outlives its time, so that a hung run fails instead of hanging the tests.
private struct Watchdog {
    private let work: DispatchWorkItem

    init(pid: Int32, seconds: Double) {
        work = DispatchWorkItem { _ = kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: work)
    }

    func cancel() {
        work.cancel()
    }
}

// MARK: - The pseudo-terminal

/// Runs the binary in a pseudo-terminal through `Fixtures/pty_session.py`.
private enum Terminal {
    struct Result: Decodable {
        let ok: Bool
        let error: String?
        /// Everything the program wrote to the terminal, escapes and all, with the terminal's echo of what was typed.
        let output: String
        let exitStatus: Int?
        let signal: Int?
        let killedAtEnd: Bool
        /// What was typed, one entry per `send` step (filled in after decoding).
        var sent: [String] = []

        enum CodingKeys: String, CodingKey {
            case ok, error, output, signal
            case exitStatus = "exit_status"
            case killedAtEnd = "killed_at_end"
        }

        /// The output without escapes and carriage returns: the lines as a reader sees them.
        var text: String { stripEscapes(output).replacingOccurrences(of: "\r", with: "") }

        /// The text with every run of white space made one space, for looking up what wrapping may have broken.
        var normalised: String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

        /// The id in "samtale talk --resume ID".
        var resumeID: String? {
            normalised.firstMatch(of: #/--resume ([0-9a-z]+)/#).map { String($0.output.1) }
        }

        var firstProgress: String? { progressLine(in: normalised) }

        var textBeforeSummary: String { text.components(separatedBy: "OPSUMMERING").first ?? text }

        /// Lines wider than `columns` that are neither one unbreakable word nor the terminal's echo of a typed line.
        func linesWiderThan(_ columns: Int) -> [String] {
            let echoes = Set(sent.map { "> \($0)" })
            return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { line in
                line.count > columns && !echoes.contains(line)
                    && line.trimmingCharacters(in: .whitespaces).contains(" ")
            }
        }

        var report: String {
            let status = "exit \(exitStatus.map { String($0) } ?? "-"), signal \(signal.map { String($0) } ?? "-")"
            return "pty_session: \(error ?? "ok"); \(status)\n--- output ---\n\(text)\n--- end ---"
        }

        /// Fails the test, with the output, when a step did not pass.
        func requireSteps(sourceLocation: SourceLocation = #_sourceLocation) throws {
            try #require(ok, "\(report)", sourceLocation: sourceLocation)
        }
    }

    static let script = Samtale.fixtures.appendingPathComponent("pty_session.py")

    /// Runs `samtale ARGUMENTS` in a terminal of `rows` × `columns` with the state folder's environment plus
    /// `environment` (nil removes a variable), and walks `steps` (see pty_session.py). Every wait times out.
    static func run(
        _ arguments: [String], state: StateFolder, rows: Int = 24, columns: Int = 80,
        environment: [String: String?] = [:], timeout: Double = 15, steps: [String]
    ) throws -> Result {
        var overrides: [String: Any] = state.environment
        for (key, value) in environment { overrides[key] = value ?? NSNull() }
        let spec: [String: Any] = [
            "argv": [Samtale.binary.path] + arguments, "rows": rows, "cols": columns, "env": overrides,
            "cwd": state.url.path, "timeout": timeout, "steps": steps,
        ]
        // python3 and, through it, samtale get the test environment with the state folder's HOME.
        let process = TestProcess.python([script.path], home: state.home)
        let stdin = Pipe()
        let stdout = Pipe()
        let stderrFile = try emptyFile(in: state.url, named: "pty-stderr-\(UUID().uuidString)")
        let stderr = try FileHandle(forWritingTo: stderrFile)
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // pty_session.py bounds every step itself; this only guards against the helper itself hanging.
        let watchdog = Watchdog(pid: process.processIdentifier, seconds: timeout * 2 + Double(steps.count) * 2)
        defer { watchdog.cancel() }
        stdin.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: spec))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try stderr.close()
        guard var result = try? JSONDecoder().decode(Result.self, from: data) else {
            let diagnostics = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
            let printed = String(decoding: data, as: UTF8.self)
            let status = process.terminationStatus
            Issue.record("pty_session.py gave no result (status \(status)): \(printed)\n\(diagnostics)")
            throw TerminalError.noResult
        }
        result.sent = steps.compactMap { step in
            step == "send" ? "" : step.hasPrefix("send ") ? String(step.dropFirst(5)) : nil
        }
        return result
    }

    enum TerminalError: Error {
        case noResult
    }
}

/// `text` without ANSI escape sequences (CSI sequences such as ESC[1m, and two-character ones).
private func stripEscapes(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
        guard scalar == "\u{1B}" else {
            result.append(scalar)
            continue
        }
        guard let next = scalars.next(), next == "[" else { continue }
        while let byte = scalars.next(), !(0x40...0x7E).contains(byte.value) {}
    }
    return String(result)
}
