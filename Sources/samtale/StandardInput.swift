import SamtaleCore
import TerminalAdapter

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
        System.catchInterrupts()
    }

    /// The longest answer read, the one the conversation keeps: a longer line (a file piped in by mistake) is
    /// dropped as it arrives rather than held whole.
    static let answerLimit = Conversation.longestAnswer

    /// The next line as text, for conversations. Once standard output cannot be written (a closed pipe, a full
    /// disk), no one sees the questions: the conversation ends as at the end of input, paused and saved, and the
    /// command exits 74.
    mutating func readLine() -> LineRead {
        if System.outputError != nil { return .endOfInput }
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
            if System.interruptArrived { return interrupted() }
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
                defer {
                    buffer.removeAll()
                    start = 0
                }
                return skipping ? .tooLong : .bytes(Array(buffer[start...]))
            }
            if start > 0 && start == buffer.count {
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            switch System.waitForInput() {
            case .interrupted: return interrupted()
            case .failed: atEnd = true
            // No deadline is given here: a person at a terminal may think as long as they like.
            case .again, .timedOut: continue
            case .ready: if System.readInput(onto: &buffer) == 0 { atEnd = true }
            }
        }
    }

    /// A signal arrived: it is taken, and the reader says so.
    private func interrupted() -> Line {
        System.takeInterrupt()
        return .interrupted
    }
}
