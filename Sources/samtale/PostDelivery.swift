import SamtaleCore
import WebhookAdapter

/// Performs what the `DeliveryStateMachine` asks, and nothing more: requests through `samtale-http` (started at the
/// first), waits on its answers and the clock, records in the ledger, prints reports.
struct PostDelivery {
    let settings: DeliveryStateMachine.Settings
    let ledger: PostLedgerFile
    let language: Language

    /// Delivers `posts` and returns the exit code of their outcomes: 0, or the worst of 69 (refused) and 75 (gave up).
    /// Each delivery is on record before the next answer is read.
    func run(_ posts: [Post], posted: [LedgerEntry], force: Bool) throws(CommandError) -> Int32 {
        var machine = DeliveryStateMachine(settings: settings)
        var actions = machine.start(posts, posted: posted, force: force, at: Clock.monotonic())
        var helper: HTTPHelper?
        var code: Int32 = 0
        while true {
            var deadline: Double?
            for action in actions {
                switch action {
                case .send(let request):
                    if helper == nil { helper = try HTTPHelper() }
                    try helper?.send(request)
                case .record(let entry):
                    try ledger.record(entry, at: System.now())
                case .report(let report):
                    code = Commands.worse(code, show(report))
                case .wait(let until):
                    deadline = until
                case .finished:
                    helper?.finish()
                    return code
                }
            }
            // Waiting always follows a request, so the helper runs.
            let answers = try helper?.receive(waitingAtMost: deadline.map { max(0, $0 - Clock.monotonic()) }) ?? []
            actions = answers.isEmpty ? machine.timerFired(at: Clock.monotonic()) : []
            for answer in answers {
                actions += machine.answerArrived(
                    id: answer.id, answer.result, at: Clock.monotonic(),
                    wallClock: Clock.epoch(), jitter: Double.random(in: 0..<1))
            }
        }
    }

    /// Prints a report where it belongs: a delivery on stdout, all else on stderr. Returns the exit code it stands for.
    private func show(_ report: DeliveryReport) -> Int32 {
        if case .delivered = report {
            System.printOut(report.message[language])
        } else {
            System.printError("samtale: \(report.message[language])")
        }
        switch report {
        case .delivered, .alreadyPosted, .retrying: return 0
        case .rejected: return 69
        case .gaveUp: return 75
        }
    }
}

// MARK: - HTTPHelper

/// The `samtale-http` process beside this binary, spoken to in JSON lines through two pipes.
struct HTTPHelper {
    private let process: System.ChildProcess
    private var buffered: [UInt8] = []

    /// `samtale-http` in the folder of the running `samtale` (symbolic links resolved), where SwiftPM builds it and
    /// where it is installed.
    static var path: String {
        let folder = System.executablePath.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        return folder.joined(separator: "/") + "/samtale-http"
    }

    init() throws(CommandError) {
        let path = Self.path
        guard let process = System.ChildProcess.start(path) else {
            throw .unavailable(CommandLineStrings.httpHelperMissing(path))
        }
        self.process = process
    }

    func send(_ request: HelperRequest) throws(CommandError) {
        guard process.send(request.line) else { throw .unavailable(CommandLineStrings.httpHelperStopped) }
    }

    /// The answers that arrive within the wait (nil: until one does).
    mutating func receive(waitingAtMost seconds: Double?) throws(CommandError) -> [HelperAnswer] {
        switch process.receive(waitingAtMost: seconds) {
        case .nothingYet: return []
        case .ended: throw .unavailable(CommandLineStrings.httpHelperStopped)
        case .bytes(let bytes): buffered += bytes
        }
        var results: [HelperAnswer] = []
        while let newline = buffered.firstIndex(of: 0x0A) {
            let line = Array(buffered[..<newline])
            buffered.removeSubrange(...newline)
            guard let answer = HelperAnswer(line: line) else {
                throw .unavailable(CommandLineStrings.httpHelperStopped)
            }
            results.append(answer)
        }
        return results
    }

    /// Closes the helper's input, so that it ends, and waits for it.
    func finish() {
        process.finish()
    }
}

// MARK: - PostRequest

/// What every post sends besides its body; `--dry-run` prints the same.
enum PostRequest {
    static let headers = [
        HelperRequest.Header("Content-Type", "application/json; charset=utf-8"),
        HelperRequest.Header("User-Agent", "samtale/\(Commands.version)"),
    ]
}
