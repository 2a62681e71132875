#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SamtaleCore
import WebhookAdapter

/// Delivers posts through `samtale-http`: different webhooks at once, each webhook's posts one after another and
/// paced, failed attempts retried by the policy. Single-threaded: one poll loop over the helper's answers and the
/// times at which the next post or retry is due.
struct PostDelivery {
    struct Job {
        let address: WebhookAddress
        let body: String
        /// Names the post in progress lines: the target's name, or the redacted URL.
        let label: String
    }

    enum Outcome: Equatable {
        case delivered
        case rejected(Localized)
        case gaveUp(Localized)
    }

    var policy: RetryPolicy
    var connectTimeout: Double
    var timeout: Double
    var language: Language

    /// Where one job stands between its attempts.
    private struct Progress {
        var attempts = 0
        /// When its first attempt started: the retry cap counts from there.
        var firstAttempt = 0.0
        /// No attempt before this time (a retry's wait).
        var readyAt = 0.0
    }

    /// Posts every job and hands over each one's outcome (with the job's index) the moment it is known, so that a
    /// delivery is on record before the next answer is read.
    func run(_ jobs: [Job], finished: (Int, Outcome) throws(CommandError) -> Void) throws(CommandError) {
        var helper = try HTTPHelper()
        var progress = [Progress](repeating: Progress(), count: jobs.count)
        var unfinished = jobs.count
        // One queue per webhook, in the order the jobs came; the head is in flight or waiting for its retry.
        var queues: [String: [Int]] = [:]
        var queueOrder: [String] = []
        for (index, job) in jobs.enumerated() {
            if queues[job.address.queueKey] == nil { queueOrder.append(job.address.queueKey) }
            queues[job.address.queueKey, default: []].append(index)
        }
        var nextStart: [String: Double] = [:]
        var inFlight: Set<Int> = []

        while unfinished > 0 {
            let now = Clock.monotonic()
            var wake = Double.infinity
            for key in queueOrder {
                guard let head = queues[key]?.first, !inFlight.contains(head) else { continue }
                let due = max(progress[head].readyAt, nextStart[key] ?? 0)
                guard due <= now else {
                    wake = min(wake, due)
                    continue
                }
                progress[head].attempts += 1
                if progress[head].attempts == 1 { progress[head].firstAttempt = now }
                nextStart[key] = now + jobs[head].address.platform.pacing
                inFlight.insert(head)
                try helper.send(id: head, url: jobs[head].address.url, body: jobs[head].body,
                                connectTimeout: connectTimeout, timeout: timeout)
            }
            let answers = try helper.receive(waitingAtMost: wake == .infinity ? nil : max(0, wake - Clock.monotonic()))
            for (id, result) in answers {
                guard inFlight.remove(id) != nil else { continue }
                let job = jobs[id]
                let finish: Outcome?
                switch job.address.judge(result, now: Clock.epoch()) {
                case .delivered:
                    finish = .delivered
                case .rejected(let reason):
                    finish = .rejected(reason)
                case .temporary(let reason, let retryAfter):
                    let elapsed = Clock.monotonic() - progress[id].firstAttempt
                    if let wait = policy.wait(after: progress[id].attempts, elapsed: elapsed, retryAfter: retryAfter,
                                              jitter: Double.random(in: 0..<1)) {
                        System.printError("samtale: \(Strings.postRetrying(job.label, reason: reason, seconds: wait)[language])")
                        progress[id].readyAt = Clock.monotonic() + wait
                        finish = nil
                    } else {
                        finish = .gaveUp(Strings.postAttempts(progress[id].attempts, reason: reason))
                    }
                }
                if let finish {
                    unfinished -= 1
                    queues[job.address.queueKey]?.removeFirst()
                    try finished(id, finish)
                }
            }
        }
        helper.finish()
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

    func send(id: Int, url: String, body: String, connectTimeout: Double, timeout: Double) throws(CommandError) {
        let request = JSONValue.object([
            JSONMember("id", .integer(id)), JSONMember("url", .string(url)), JSONMember("body", .string(body)),
            JSONMember("headers", .object(PostRequest.headers.map { JSONMember($0.name, .string($0.value)) })),
            JSONMember("connectTimeout", .number(String(connectTimeout))), JSONMember("timeout", .number(String(timeout))),
        ])
        var line = JSONWriter.bytes(request)
        line.append(0x0A)
        guard FileSystem.writeAll(line, to: requests) == nil else { throw .unavailable(Strings.httpHelperStopped) }
    }

    /// The answers that arrive within the wait (nil: until one does), as (id, result).
    mutating func receive(waitingAtMost seconds: Double?) throws(CommandError) -> [(Int, AttemptResult)] {
        var descriptor = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
        let milliseconds = seconds.map { Int32(min($0 * 1000 + 1, 86_400_000)) } ?? -1
        let ready = poll(&descriptor, 1, milliseconds)
        guard ready > 0 else { return [] }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = read(answers, &chunk, chunk.count)
        if count < 0 && errno == EINTR { return [] }
        guard count > 0 else { throw .unavailable(Strings.httpHelperStopped) }
        buffered += chunk[0..<count]
        var results: [(Int, AttemptResult)] = []
        while let newline = buffered.firstIndex(of: 0x0A) {
            let line = Array(buffered[..<newline])
            buffered.removeSubrange(...newline)
            guard let answer = Self.answer(line) else { throw .unavailable(Strings.httpHelperStopped) }
            results.append(answer)
        }
        return results
    }

    private static func answer(_ line: [UInt8]) -> (Int, AttemptResult)? {
        guard let answer = try? JSONParser.parse(line) else { return nil }
        let member = answer.member
        guard case .number(let idLiteral)? = member("id"), let id = Int(idLiteral) else { return nil }
        if case .number(let status)? = member("status"), let code = Int(status) {
            if case .string(let host)? = member("redirect") { return (id, .redirected(status: code, host: host)) }
            var retryAfter: String?
            if case .string(let header)? = member("retryAfter") { retryAfter = header }
            guard case .string(let body)? = member("body") else { return nil }
            return (id, .response(status: code, retryAfter: retryAfter, body: body))
        }
        switch member("error") {
        case .string("timeout")?: return (id, .timedOut)
        case .string("connection")?:
            guard case .string(let word)? = member("reason"), let failure = ConnectionFailure(word: word) else { return nil }
            return (id, .connectionFailed(failure))
        default: return nil
        }
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
    static let headers: [(name: String, value: String)] = [
        ("Content-Type", "application/json; charset=utf-8"),
        ("User-Agent", "samtale/\(Commands.version)"),
    ]
}
