#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SamtaleCore
import TerminalAdapter

/// The pipe through which the signal handler wakes a waiting read (the self-pipe trick): a signal that arrives at
/// any moment, even just before the wait begins, is seen. A plain global, as a signal handler may touch nothing else.
nonisolated(unsafe) private var signalPipe: (read: Int32, write: Int32) = (-1, -1)

/// Set by the signal handler too, so that lines already read are not worked through after the signal: checking a
/// flag costs nothing per line, where polling the pipe would cost a system call.
nonisolated(unsafe) private var signalArrived = false

/// Standard input, one line at a time, straight from the file descriptor, so that SIGINT (Ctrl-C) or SIGTERM while
/// waiting is seen as such: a conversation pauses and saves, a server finishes and exits, instead of dying.
struct StandardInput: ~Copyable {
    /// One line as bytes, or why there is none.
    enum Line {
        case bytes([UInt8])
        /// A line longer than the limit; its bytes were read and dropped up to its end.
        case tooLong
        case end
        case interrupted
    }

    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    init() {
        if signalPipe.read < 0 {
            var descriptors: [Int32] = [-1, -1]
            if pipe(&descriptors) == 0 {
                for descriptor in descriptors {
                    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
                    _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
                }
                signalPipe = (descriptors[0], descriptors[1])
            }
        }
        var action = sigaction()
        let handler: @convention(c) (Int32) -> Void = { _ in
            signalArrived = true
            var byte: UInt8 = 1
            _ = write(signalPipe.write, &byte, 1)
        }
        #if canImport(Darwin)
        action.__sigaction_u.__sa_handler = handler
        #else
        action.__sigaction_handler.sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        // A parent may start samtale with these signals blocked (a test runner's thread, some supervisors); blocked,
        // they would never reach the handler, and a server would never stop.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Whether standard input is a terminal (a person typing) rather than a pipe or a file.
    static var isTerminal: Bool {
        isatty(STDIN_FILENO) == 1
    }

    /// The longest answer read, the one the conversation keeps: a longer line (a file piped in by mistake) is
    /// dropped as it arrives rather than held whole.
    static let answerLimit = Conversation.longestAnswer

    /// The next line as text, for conversations.
    mutating func readLine() -> LineRead {
        switch next(limit: Self.answerLimit) {
        case .bytes(let bytes):
            let line = String(decoding: bytes, as: UTF8.self)
            return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
        case .tooLong: return .tooLong(limit: Self.answerLimit)
        case .end: return .endOfInput
        case .interrupted: return .interrupted
        }
    }

    /// Whether a whole line is already read and waiting, so that asking for it will not wait.
    var hasWaitingLine: Bool {
        buffer[start...].contains(0x0A) || (atEnd && start < buffer.count)
    }

    /// The next line without its newline; a line longer than `limit` bytes is skipped whole and reported.
    mutating func next(limit: Int?) -> Line {
        var skipping = false
        while true {
            if signalArrived { return interrupted() }
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                defer { start = newline + 1 }
                if skipping || limit.map({ newline - start > $0 }) == true { return .tooLong }
                return .bytes(Array(buffer[start..<newline]))
            }
            if let limit, buffer.count - start > limit {
                // Too long already: drop what is read so far and go on dropping up to the end of the line.
                skipping = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            if atEnd {
                guard start < buffer.count || skipping else { return .end }
                defer { buffer.removeAll(); start = 0 }
                return skipping ? .tooLong : .bytes(Array(buffer[start...]))
            }
            if start > 0 && start == buffer.count {
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            var waiting = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: signalPipe.read, events: Int16(POLLIN), revents: 0)]
            if poll(&waiting, nfds_t(waiting.count), -1) < 0 {
                if errno != EINTR { atEnd = true }
                continue
            }
            if waiting[1].revents & Int16(POLLIN) != 0 { return interrupted() }
            guard waiting[0].revents != 0 else { continue }
            if appendRead() == 0 { atEnd = true }
        }
    }

    /// A signal arrived: it is taken (the pipe drained, the flag cleared), and the reader says so.
    private func interrupted() -> Line {
        signalArrived = false
        var drained = [UInt8](repeating: 0, count: 64)
        while read(signalPipe.read, &drained, drained.count) > 0 {}
        return .interrupted
    }

    /// Reads what is available onto the buffer; the number of bytes, 0 at the end (or on an error other than EINTR).
    private mutating func appendRead() -> Int {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(STDIN_FILENO, &chunk, chunk.count)
            if count > 0 {
                buffer += chunk[0..<count]
                return count
            }
            if count < 0 && errno == EINTR { continue }
            return 0
        }
    }
}
