// MARK: - Events and actions

/// What the user can do besides answering, in every flow and every adapter.
public enum Command: String, Codable, CaseIterable, Sendable {
    case back
    case skip
    case `repeat`
    case pause
    case help
    case end
}

/// What happened: the input the state machine reacts to.
public enum Event: Codable, Equatable, Sendable {
    /// Open the conversation (or say again where it stands).
    case start
    case answer(String)
    case command(Command)
    /// A word that looks like a command (`/foo`) but is none.
    case unknownCommand(String)
    /// Continue a paused or interrupted conversation.
    case resume
}

/// What the caller must do: show, ask, or report. Adapters handle these in one exhaustive switch.
public enum Action: Codable, Equatable, Sendable {
    case say(String)
    case heading(String)
    case card(heading: String?, statements: [String], quotes: [String])
    case ask(AskAction)
    /// The answer was not accepted; the same question follows as an `ask`.
    case reask(ReaskReason)
    case chart(Chart)
    case help([Command])
    /// Asks whether to end now; "yes" ends with the summary, anything else goes back to the question.
    case confirmEnd
    case paused
    case summary(Summary)
    case finished
}

/// A question to put now, with its place in the conversation.
public struct AskAction: Codable, Equatable, Sendable {
    public let ask: Ask
    public let progress: Progress
    /// The answer given before, when the question is asked again after `back`.
    public let previous: String?
}

/// "Question 3 of 12".
public struct Progress: Codable, Equatable, Sendable {
    public let current: Int
    public let total: Int
}

/// Why an answer was not accepted.
public enum ReaskReason: Error, Codable, Equatable, Sendable {
    case emptyAnswer
    case notANumber(String)
    /// A whole number outside the scale, as typed (it may be too large for any integer).
    case outOfRange(value: String, minimum: Int, maximum: Int)
    case notAChoice(String, count: Int)
    case wrongNumberOfPoints(expected: Int, given: Int)
    case pointsDoNotAddUp(expected: Int, given: Int)
    /// One area was given more points than there are in all (as typed: it may be too large for any integer).
    case pointsAboveTotal(value: String, total: Int)
    /// Longer than `Conversation.longestAnswer` bytes: a file pasted by mistake, not an answer to keep.
    case tooLong(limit: Int)
    case negativePoints
    case atFirstQuestion
    case unknownCommand(String)
    case finished
}

// MARK: - Answers and agreements

/// An accepted answer.
public enum Answer: Codable, Equatable, Sendable {
    case text(String)
    case scale(Int)
    /// The 0-based index of the chosen option.
    case choice(Int)
    case points([Int])
    case skipped
}

/// One thing agreed on; any field may be empty.
public struct Agreement: Codable, Equatable, Sendable {
    public var what: String
    public var who: String
    public var when: String
    public var theme: String?
}

/// The three questions asked for each agreement.
public enum AgreementField: String, Codable, CaseIterable, Sendable {
    case what
    case who
    case when
}

// MARK: - Position

/// Where a conversation stands.
public indirect enum Position: Codable, Equatable, Sendable {
    /// Created, nothing said yet: the first event opens the conversation.
    case notStarted
    /// Waiting for the answer to the ask at `step`.
    case asking(step: Int)
    /// Waiting for one field of agreement `index` of the agreements step `step`; an index one past the agreements
    /// made so far is a new one, and an empty "what" there ends the list.
    case agreeing(step: Int, index: Int, field: AgreementField)
    /// Waiting for the answer to question `index` of the gap step `step`, whose area the points answers decided.
    case gap(step: Int, index: Int)
    /// Asked whether to end early; "no" goes back to `from`.
    case confirmingEnd(from: Position)
    /// Paused by the user at `at`; resuming asks that question again.
    case paused(at: Position)
    /// The summary has been given; nothing more happens.
    case finished
}

// MARK: - State

extension Conversation {
    /// Where a conversation stands, one case per kind of moment, each carrying what it needs: a place waiting for an
    /// answer (asking, agreeing or a gap question), and the revision under way after `back`.
    enum State: Equatable, Sendable {
        case notStarted
        case waiting(Position, revising: Revision?)
        /// Asked whether to end early; "no" goes back to the place.
        case confirmingEnd(Position, revising: Revision?)
        /// Paused by the user; resuming asks the place again.
        case paused(Position, revising: Revision?)
        case finished(endedEarly: Bool)
    }

    /// An earlier answer being revised after `back`: which of the answered places, and where the conversation goes
    /// on once it is revised (the furthest place reached).
    struct Revision: Equatable, Sendable {
        let answered: Int
        let returnTo: Position
    }
}

// MARK: - Conversation

/// The dialogue state machine: a value whose methods are named for what happened and return what to do.
///
/// Pure and deterministic: no clock, no randomness, no I/O. It is what a session file holds.
public struct Conversation: Equatable, Sendable {
    public let script: Script
    public let language: Language
    public let startedAt: String
    public private(set) var position: Position = .notStarted
    /// The furthest question reached; after `back` and a revised answer, the conversation returns here.
    public private(set) var frontier: Position = .notStarted
    public private(set) var answers: [String: Answer] = [:]
    /// Agreements by the index of their agreements step.
    public private(set) var agreements: [Int: [Agreement]] = [:]
    /// The questions answered, in order, for `back`.
    public private(set) var history: [Position] = []
    /// While revisiting after `back`: the index in `history` being revised.
    public private(set) var revisiting: Int?
    public private(set) var endedEarly = false

    public init(script: Script, language: Language, startedAt: String) {
        self.script = script
        self.language = language
        self.startedAt = startedAt
    }

    /// A conversation as read from a file, its invariants not yet checked (`damage`).
    init(script: Script, language: Language, startedAt: String, state: State, answers: [String: Answer],
         agreements: [Int: [Agreement]], history: [Position]) {
        self.init(script: script, language: language, startedAt: startedAt)
        self.answers = answers
        self.agreements = agreements
        self.history = history
        switch state {
        case .notStarted:
            break
        case .finished(let endedEarly):
            position = .finished
            frontier = .finished
            self.endedEarly = endedEarly
        case .waiting(let place, let revising), .paused(let place, let revising), .confirmingEnd(let place, let revising):
            position = switch state {
            case .paused: .paused(at: place)
            case .confirmingEnd: .confirmingEnd(from: place)
            default: place
            }
            frontier = revising?.returnTo ?? place
            revisiting = revising?.answered
        }
    }

    /// A conversation as a release before the session record saved it, its invariants not yet checked.
    init(script: Script, language: Language, startedAt: String, position: Position, frontier: Position,
         answers: [String: Answer], agreements: [Int: [Agreement]], history: [Position], revisiting: Int?,
         endedEarly: Bool) {
        self.init(script: script, language: language, startedAt: startedAt)
        self.position = position
        self.frontier = frontier
        self.answers = answers
        self.agreements = agreements
        self.history = history
        self.revisiting = revisiting
        self.endedEarly = endedEarly
    }

    /// Where the conversation stands, as the session record writes it.
    var state: State {
        let revising = revisiting.map { Revision(answered: $0, returnTo: frontier) }
        return switch position {
        case .notStarted: .notStarted
        case .finished: .finished(endedEarly: endedEarly)
        case .paused(let at): .paused(at, revising: revising)
        case .confirmingEnd(let from): .confirmingEnd(from, revising: revising)
        case .asking, .agreeing, .gap: .waiting(position, revising: revising)
        }
    }

    /// Whether the conversation has reached its end.
    public var isFinished: Bool {
        position == .finished
    }

    /// Whether the user paused it.
    public var isPaused: Bool {
        if case .paused = position { return true }
        return false
    }

    /// What stands now, without changing anything: the question waited for, or that it is paused or finished.
    public var current: [Action] {
        switch position {
        case .notStarted: []
        case .asking, .agreeing, .gap: [ask(position)]
        case .confirmingEnd: [.confirmEnd]
        case .paused: [.paused]
        case .finished: [.finished]
        }
    }

    // MARK: Receiving events

    public mutating func received(_ event: Event) -> [Action] {
        switch position {
        case .notStarted:
            return advance(from: 0)
        case .finished:
            return [.reask(.finished)]
        case .paused(let at):
            guard event == .resume || event == .start || event == .command(.repeat) else { return [.paused] }
            position = at
            return [ask(at)]
        case .confirmingEnd(let from):
            let confirmed = switch event {
            case .answer(let text): Strings.isYes(text.trimmingWhitespace)
            case .command(.end): true
            default: false
            }
            guard confirmed else {
                position = from
                return [ask(from)]
            }
            endedEarly = true
            return finish()
        case .asking, .agreeing, .gap:
            return receivedWhileWaiting(event)
        }
    }

    private mutating func receivedWhileWaiting(_ event: Event) -> [Action] {
        switch event {
        case .start, .resume, .command(.repeat):
            return [ask(position)]
        case .answer(let text):
            return answered(text)
        case .unknownCommand(let word):
            return [.reask(.unknownCommand(word)), ask(position)]
        case .command(.help):
            return [.help(Command.allCases), ask(position)]
        case .command(.pause):
            position = .paused(at: position)
            return [.paused]
        case .command(.end):
            position = .confirmingEnd(from: position)
            return [.confirmEnd]
        case .command(.back):
            // A gap question of an area that revised points no longer choose is passed over.
            var index = (revisiting ?? history.count) - 1
            while index >= 0 && !isAskable(history[index]) { index -= 1 }
            guard index >= 0 else { return [.reask(.atFirstQuestion), ask(position)] }
            revisiting = index
            position = history[index]
            return [ask(position)]
        case .command(.skip):
            return skipped()
        }
    }

    // MARK: Answers

    /// The longest answer kept, in bytes: a long answer is a few KiB, and every save writes the whole record.
    public static let longestAnswer = 64 << 10

    private mutating func answered(_ raw: String) -> [Action] {
        guard raw.utf8.count <= Self.longestAnswer else {
            return [.reask(.tooLong(limit: Self.longestAnswer)), ask(position)]
        }
        let text = raw.trimmingWhitespace
        if case .agreeing(let step, let index, let field) = position {
            return agreed(text, step: step, index: index, field: field)
        }
        guard let ask = scriptedAsk(at: position) else { preconditionFailure("an answer while not waiting for one") }
        switch Self.validate(text, for: ask) {
        case .failure(let reason): return [.reask(reason), self.ask(position)]
        case .success(let answer): answers[ask.id] = answer
        }
        return movedOn()
    }

    private mutating func skipped() -> [Action] {
        if case .agreeing(let step, let index, let field) = position {
            return agreed("", step: step, index: index, field: field)
        }
        guard let ask = scriptedAsk(at: position) else { preconditionFailure("skip while not waiting for an answer") }
        answers[ask.id] = .skipped
        return movedOn()
    }

    /// The question of the script that a position waits for: an ask step or a gap question (not an agreement).
    private func scriptedAsk(at position: Position) -> Ask? {
        switch position {
        case .asking(let step):
            guard case .ask(let ask) = script.steps[step] else { preconditionFailure("asking at a step that asks nothing") }
            return ask
        case .gap(let step, let index):
            guard let ask = gapAsks(step: step)?[index] else { preconditionFailure("a gap question out of range") }
            return ask
        default:
            return nil
        }
    }

    /// After the answer to a scripted question: the next gap question, or what follows the step.
    private mutating func movedOn() -> [Action] {
        switch position {
        case .gap(let step, let index): moveOnInGap(step: step, index: index)
        case .asking(let step): moveOn(after: step)
        default: preconditionFailure("moving on from a position that asks nothing")
        }
    }

    private mutating func agreed(_ text: String, step: Int, index: Int, field: AgreementField) -> [Action] {
        var list = agreements[step] ?? []
        if field == .what && text.isEmpty {
            if index < list.count { return [.reask(.emptyAnswer), ask(position)] }
            return moveOn(after: step)
        }
        if index == list.count {
            guard case .agreements(_, let theme) = script.steps[step] else { preconditionFailure("not an agreements step") }
            list.append(Agreement(what: "", who: "", when: "", theme: theme))
        }
        switch field {
        case .what: list[index].what = text
        case .who: list[index].who = text
        case .when: list[index].when = text
        }
        agreements[step] = list
        switch field {
        case .what: return moveTo(.agreeing(step: step, index: index, field: .who))
        case .who: return moveTo(.agreeing(step: step, index: index, field: .when))
        case .when: return moveTo(.agreeing(step: step, index: index + 1, field: .what))
        }
    }

    // MARK: Moving on

    /// After an answer at the current position: back to the frontier when revising, else to `next`.
    private mutating func moveTo(_ next: Position) -> [Action] {
        if let returned = returnToFrontier() { return returned }
        history.append(position)
        position = next
        frontier = next
        return [ask(next)]
    }

    private mutating func moveOn(after step: Int) -> [Action] {
        if let returned = returnToFrontier() { return returned }
        history.append(position)
        return advance(from: step + 1)
    }

    /// On to the area's next question that has no answer yet (an area chosen again after a revision may have some).
    private mutating func moveOnInGap(step: Int, index: Int) -> [Action] {
        if let next = nextUnanswered(inGap: step, from: index + 1) { return moveTo(.gap(step: step, index: next)) }
        return moveOn(after: step)
    }

    /// The first gap question from `index` on, of the area the points answers choose now, that has no answer.
    private func nextUnanswered(inGap step: Int, from index: Int) -> Int? {
        guard let asks = gapAsks(step: step), index < asks.count else { return nil }
        return asks.indices[index...].first { answers[asks[$0].id] == nil }
    }

    /// Whether a position can be asked as things stand: a gap question belongs to the area chosen now.
    private func isAskable(_ position: Position) -> Bool {
        guard case .gap(let step, let index) = position else { return true }
        return gapAsks(step: step)?.indices.contains(index) == true
    }

    /// Ends a revision: the revised answer is kept, and the conversation goes on where it was. A revised points
    /// answer may choose another area while its gap questions are under way: they go on with that area's first
    /// question without an answer, or after the gap when it has none.
    private mutating func returnToFrontier() -> [Action]? {
        guard revisiting != nil else { return nil }
        revisiting = nil
        if case .gap(let step, _) = frontier {
            guard let index = nextUnanswered(inGap: step, from: 0) else { return advance(from: step + 1) }
            frontier = .gap(step: step, index: index)
        }
        position = frontier
        return [ask(frontier)]
    }

    /// Says what the steps from `index` say, up to the next question, the summary, or the end.
    private mutating func advance(from index: Int) -> [Action] {
        var actions: [Action] = []
        var step = index
        while step < script.steps.count {
            switch script.steps[step] {
            case .say(let text):
                actions.append(.say(text))
            case .heading(let text):
                actions.append(.heading(text))
            case .card(let heading, let statements, let quotes):
                actions.append(.card(heading: heading, statements: statements, quotes: quotes))
            case .chart(let now, let needed, let areas):
                if let chart = chart(now: now, needed: needed, areas: areas) { actions.append(.chart(chart)) }
            case .ask:
                return actions + settle(at: .asking(step: step))
            case .agreements:
                return actions + settle(at: .agreeing(step: step, index: agreements[step]?.count ?? 0, field: .what))
            case .gapQuestions:
                if gapAsks(step: step)?.isEmpty == false { return actions + settle(at: .gap(step: step, index: 0)) }
            case .summary:
                return actions + finish()
            }
            step += 1
        }
        position = .finished
        frontier = .finished
        return actions + [.finished]
    }

    private mutating func settle(at next: Position) -> [Action] {
        position = next
        frontier = next
        return [ask(next)]
    }

    private mutating func finish() -> [Action] {
        position = .finished
        frontier = .finished
        revisiting = nil
        return [.summary(summary), .finished]
    }

    // MARK: Asking

    /// The `ask` action for a waiting position.
    private func ask(_ position: Position) -> Action {
        let ask: Ask
        var previous: String?
        switch position {
        case .asking, .gap:
            guard let scripted = scriptedAsk(at: position) else { preconditionFailure("asking while not waiting for an answer") }
            ask = scripted
            previous = answers[ask.id].flatMap { display($0, for: ask) }
        case .agreeing(let step, let index, let field):
            guard case .agreements(let prompt, let theme) = script.steps[step] else { preconditionFailure("not an agreements step") }
            let number = index + 1
            let text = field == .what ? "\(prompt) \(Strings.agreementField(field, number: number)[language])"
                : Strings.agreementField(field, number: number)[language]
            // "What" says itself that an empty answer ends the list; the other two are plainly optional.
            ask = Ask(id: "agreement-\(step)-\(index)-\(field.rawValue)", text: text, optional: field != .what,
                      purpose: .reflection, theme: theme)
            let existing = agreements[step].flatMap { index < $0.count ? $0[index] : nil }
            previous = existing.map { agreement in
                switch field {
                case .what: agreement.what
                case .who: agreement.who
                case .when: agreement.when
                }
            }.flatMap { $0.isEmpty ? nil : $0 }
        default:
            preconditionFailure("asking while not waiting for an answer")
        }
        return .ask(AskAction(ask: ask, progress: progress(at: position), previous: revisiting == nil ? nil : previous))
    }

    /// How far the conversation has come: the questions done (an agreements list counts as one) of all of them.
    public var progress: Progress {
        if isFinished {
            let total = script.unitsBefore[script.steps.count]
            return Progress(current: total, total: total)
        }
        let next = progress(at: frontier)
        return Progress(current: frontier == .notStarted ? 0 : next.current - 1, total: next.total)
    }

    /// Questions count one each; an agreements list counts one; gap questions count as many as an area has.
    private func progress(at position: Position) -> Progress {
        let total = script.unitsBefore[script.steps.count]
        let (step, within): (Int, Int) = switch position {
        case .asking(let step): (step, 0)
        case .agreeing(let step, _, _): (step, 0)
        case .gap(let step, let index): (step, index)
        default: (script.steps.count, 0)
        }
        return Progress(current: min(script.unitsBefore[step] + within + 1, total), total: total)
    }

    // MARK: Points and gaps

    /// The gap questions of the area with the largest gap; nil until the points are in (skipped points: the first area).
    func gapAsks(step: Int) -> [Ask]? {
        guard case .gapQuestions(let now, let needed, let areas, let questions) = script.steps[step] else { return nil }
        let area = chart(now: now, needed: needed, areas: areas)?.largestGap ?? 0
        return questions.indices.contains(area) ? questions[area] : nil
    }

    // MARK: Validation

    static func validate(_ text: String, for ask: Ask) -> Result<Answer, ReaskReason> {
        if text.isEmpty { return ask.optional ? .success(.skipped) : .failure(.emptyAnswer) }
        switch ask.kind {
        case .text:
            return .success(.text(text))
        case .scale(let minimum, let maximum):
            guard let value = Int(text), (minimum...maximum).contains(value) else {
                return .failure(Self.isWholeNumber(text) ? .outOfRange(value: text, minimum: minimum, maximum: maximum)
                                    : .notANumber(text))
            }
            return .success(.scale(value))
        case .choice(let options):
            if let number = Int(text) {
                return (1...options.count).contains(number) ? .success(.choice(number - 1))
                    : .failure(.notAChoice(text, count: options.count))
            }
            let wanted = text.lowercased()
            if let exact = options.firstIndex(where: { $0.lowercased() == wanted }) { return .success(.choice(exact)) }
            let prefixed = options.indices.filter { options[$0].lowercased().hasPrefix(wanted) }
            return prefixed.count == 1 ? .success(.choice(prefixed[0])) : .failure(.notAChoice(text, count: options.count))
        case .points(let labels, let total):
            let parts = text.split { $0.isWhitespace || $0 == "," || $0 == ";" }
            var points: [Int] = []
            for part in parts {
                guard Self.isWholeNumber(part) else { return .failure(.notANumber(String(part))) }
                guard !part.hasPrefix("-") else { return .failure(.negativePoints) }
                // Each part is at most the total, so their sum stays far from overflowing.
                guard let value = Int(part), value <= total else {
                    return .failure(.pointsAboveTotal(value: String(part), total: total))
                }
                points.append(value)
            }
            guard points.count == labels.count else {
                return .failure(.wrongNumberOfPoints(expected: labels.count, given: points.count))
            }
            let sum = points.reduce(0, +)
            guard sum == total else { return .failure(.pointsDoNotAddUp(expected: total, given: sum)) }
            return .success(.points(points))
        }
    }

    /// Whether text is a whole number, however large: an optional sign, then digits only.
    static func isWholeNumber(_ text: some StringProtocol) -> Bool {
        let digits = text.utf8.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
        return !digits.isEmpty && text.utf8.count - digits.count <= 1 && digits.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// An answer as a person reads it.
    func display(_ answer: Answer, for ask: Ask) -> String? {
        switch answer {
        case .text(let text): text
        case .scale(let value): String(value)
        case .choice(let index):
            if case .choice(let options) = ask.kind, options.indices.contains(index) { options[index] } else { String(index + 1) }
        case .points(let points): points.map(String.init).joined(separator: " ")
        case .skipped: nil
        }
    }
}

extension String {
    /// The text without leading and trailing whitespace and newlines (no Foundation in the core).
    public var trimmingWhitespace: String {
        // Most answers begin and end with a visible ASCII character: then there is nothing to trim, and no need to
        // find the characters (grapheme clusters), which is slow.
        let isVisibleASCII = { (byte: UInt8) in byte > 0x20 && byte < 0x7F }
        if let head = utf8.first, let tail = utf8.last, isVisibleASCII(head), isVisibleASCII(tail) { return self }
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[first...last])
    }
}
