#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
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
                actions += machine.answerArrived(id: answer.id, answer.result, at: Clock.monotonic(),
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

// MARK: - Clock

enum Clock {
    /// Seconds on a clock that never jumps, for waits.
    static func monotonic() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Seconds since 1970, for `Retry-After` dates.
    static func epoch() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}

// MARK: - HTTPHelper

/// The `samtale-http` process beside this binary, spoken to in JSON lines through two pipes.
struct HTTPHelper {
    private let pid: pid_t
    private let requests: Int32
    private let answers: Int32
    private var buffered: [UInt8] = []

    /// `samtale-http` in the folder of the running `samtale` (symbolic links resolved), where SwiftPM builds it and
    /// where it is installed.
    static var path: String {
        let folder = executablePath.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        return folder.joined(separator: "/") + "/samtale-http"
    }

    /// The running program's own file: `/proc/self/exe` on Linux, `_NSGetExecutablePath` on macOS; "" if unknown.
    private static var executablePath: String {
        #if canImport(Darwin)
        var size = UInt32(PATH_MAX) + 1
        var buffer = [CChar](repeating: 0, count: Int(size))
        guard _NSGetExecutablePath(&buffer, &size) == 0, let resolved = realpath(buffer, nil) else { return "" }
        defer { free(resolved) }
        return String(cString: resolved)
        #else
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        #endif
    }

    /// This process's environment, which the helper inherits (its proxy settings, for one).
    private static var environment: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        #if canImport(Darwin)
        _NSGetEnviron()?.pointee
        #else
        environ
        #endif
    }

    init() throws(CommandError) {
        let path = Self.path
        guard access(path, X_OK) == 0 else { throw .unavailable(Strings.httpHelperMissing(path)) }
        var toHelper: [Int32] = [0, 0]
        var fromHelper: [Int32] = [0, 0]
        guard pipe(&toHelper) == 0, pipe(&fromHelper) == 0 else { throw .unavailable(Strings.httpHelperMissing(path)) }
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toHelper[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, fromHelper[1], STDOUT_FILENO)
        for descriptor in toHelper + fromHelper { posix_spawn_file_actions_addclose(&actions, descriptor) }
        var pid: pid_t = 0
        let arguments: [UnsafeMutablePointer<CChar>?] = [strdup(path), nil]
        defer { arguments.forEach { free($0) } }
        let status = posix_spawn(&pid, path, &actions, nil, arguments, Self.environment)
        close(toHelper[0])
        close(fromHelper[1])
        guard status == 0 else {
            close(toHelper[1])
            close(fromHelper[0])
            throw .unavailable(Strings.httpHelperMissing(path))
        }
        self.pid = pid
        requests = toHelper[1]
        answers = fromHelper[0]
        // A helper that dies must not kill samtale with SIGPIPE: the write fails instead and is reported.
        signal(SIGPIPE, SIG_IGN)
    }

    func send(_ request: HelperRequest) throws(CommandError) {
        guard FileSystem.writeAll(request.line, to: requests) == nil else {
            throw .unavailable(Strings.httpHelperStopped)
        }
    }

    /// The answers that arrive within the wait (nil: until one does).
    mutating func receive(waitingAtMost seconds: Double?) throws(CommandError) -> [HelperAnswer] {
        var descriptor = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
        let milliseconds = seconds.map { Int32(min($0 * 1000 + 1, 86_400_000)) } ?? -1
        let ready = poll(&descriptor, 1, milliseconds)
        guard ready > 0 else { return [] }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = read(answers, &chunk, chunk.count)
        if count < 0 && errno == EINTR { return [] }
        guard count > 0 else { throw .unavailable(Strings.httpHelperStopped) }
        buffered += chunk[0..<count]
        var results: [HelperAnswer] = []
        while let newline = buffered.firstIndex(of: 0x0A) {
            let line = Array(buffered[..<newline])
            buffered.removeSubrange(...newline)
            guard let answer = HelperAnswer(line: line) else { throw .unavailable(Strings.httpHelperStopped) }
            results.append(answer)
        }
        return results
    }

    /// Closes the helper's input, so that it ends, and waits for it.
    func finish() {
        close(requests)
        close(answers)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
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
