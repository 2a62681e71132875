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
    /// An agreement gone back to cannot be emptied: skipping its text would not end the list but lose it.
    case emptyAgreement
    case notANumber(String)
    /// A whole number outside the scale, as typed (it may be too large for any integer).
    case outOfRange(value: String, minimum: Int, maximum: Int)
    case notAChoice(String, count: Int)
    /// An answer to an offer of more questions that is neither yes nor no.
    case notYesOrNo(String)
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

// MARK: - Place and state

/// A place where a conversation waits for an answer.
public enum Place: Equatable, Sendable {
    /// The question of the ask step `step`.
    case question(step: Int)
    /// One field of agreement `index` of the agreements step `step`; an index one past the agreements made so far is
    /// a new one, and an empty "what" there ends the list.
    case agreement(step: Int, index: Int, field: AgreementField)
    /// Question `index` of the gap step `step`, of the area the points answers chose.
    case gapQuestion(step: Int, index: Int)
}

extension Conversation {
    /// Where a conversation stands: one case per moment, each carrying what it needs, so that no combination the
    /// state machine cannot reach (paused while paused, revising once it has ended) can be written.
    public enum State: Equatable, Sendable {
        /// Created, nothing said yet: the first event opens the conversation.
        case notStarted
        case waiting(Waiting)
        /// Asked whether to end early; "no" goes back to the place waited at.
        case confirmingEnd(Waiting)
        /// Paused by the user; resuming asks the place waited at again.
        case paused(Waiting)
        /// The summary has been given; nothing more happens.
        case finished(endedEarly: Bool)
    }

    /// The place a conversation waits at, and the revision under way there, if any.
    public struct Waiting: Equatable, Sendable {
        public let place: Place
        public let revising: Revision?
    }

    /// An earlier answer being revised after `back`: which of the places answered, and where the conversation goes
    /// on once it is given (the furthest place reached).
    public struct Revision: Equatable, Sendable {
        public let answered: Int
        public let returnTo: Place
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
    public private(set) var state: State = .notStarted
    public private(set) var answers: [String: Answer] = [:]
    /// Agreements by the index of their agreements step.
    public private(set) var agreements: [Int: [Agreement]] = [:]
    /// The places answered, in order: the way back that `back` walks.
    public private(set) var answered: [Place] = []
    /// The agreements of a series that this conversation follows up, from its setup, so that its summary can name
    /// what each status is about.
    public internal(set) var earlier: [EarlierAgreement] = []

    public init(script: Script, language: Language, startedAt: String) {
        self.script = script
        self.language = language
        self.startedAt = startedAt
    }

    /// A conversation as read from a file, its invariants not yet checked (`damage`).
    init(
        script: Script, language: Language, startedAt: String, state: State, answers: [String: Answer],
        agreements: [Int: [Agreement]], answered: [Place]
    ) {
        self.init(script: script, language: language, startedAt: startedAt)
        self.state = state
        self.answers = answers
        self.agreements = agreements
        self.answered = answered
    }

    /// Whether the conversation has reached its end.
    public var isFinished: Bool {
        if case .finished = state { return true }
        return false
    }

    /// Whether the user paused it.
    public var isPaused: Bool {
        if case .paused = state { return true }
        return false
    }

    /// Whether `end` ended it before its last question.
    var endedEarly: Bool {
        state == .finished(endedEarly: true)
    }

    /// What stands now, without changing anything: the question waited for, or that it is paused or finished.
    public var current: [Action] {
        switch state {
        case .notStarted: []
        case .waiting(let waiting): [ask(waiting)]
        case .confirmingEnd: [.confirmEnd]
        case .paused: [.paused]
        case .finished: [.finished]
        }
    }

    // MARK: Receiving events

    public mutating func received(_ event: Event) -> [Action] {
        switch state {
        case .notStarted:
            return advance(from: 0)
        case .finished:
            return [.reask(.finished)]
        case .paused(let waiting):
            guard event == .resume || event == .start || event == .command(.repeat) else { return [.paused] }
            state = .waiting(waiting)
            return [ask(waiting)]
        case .confirmingEnd(let waiting):
            let confirmed =
                switch event {
                case .answer(let text): Strings.isYes(text.trimmingWhitespace)
                case .command(.end): true
                default: false
                }
            guard confirmed else {
                state = .waiting(waiting)
                return [ask(waiting)]
            }
            return finish(endedEarly: true)
        case .waiting(let waiting):
            return received(event, waitingAt: waiting)
        }
    }

    private mutating func received(_ event: Event, waitingAt waiting: Waiting) -> [Action] {
        switch event {
        case .start, .resume, .command(.repeat):
            return [ask(waiting)]
        case .answer(let text):
            guard text.utf8.count <= Self.longestAnswer else {
                return [.reask(.tooLong(limit: Self.longestAnswer)), ask(waiting)]
            }
            return took(text.trimmingWhitespace, at: waiting)
        case .unknownCommand(let word):
            return [.reask(.unknownCommand(word)), ask(waiting)]
        case .command(.help):
            return [.help(Command.allCases), ask(waiting)]
        case .command(.pause):
            state = .paused(waiting)
            return [.paused]
        case .command(.end):
            state = .confirmingEnd(waiting)
            return [.confirmEnd]
        case .command(.back):
            // A gap question of an area that revised points no longer choose is passed over, and so is a question
            // of an offer revised to no. From a question that an offer taken on revision owed, back is the offer.
            let revised = waiting.revising.map {
                answered[$0.answered] == waiting.place ? $0.answered : $0.answered + 1
            }
            var index = (revised ?? answered.count) - 1
            while index >= 0 && !isAskable(answered[index]) { index -= 1 }
            guard index >= 0 else { return [.reask(.atFirstQuestion), ask(waiting)] }
            let revision = Revision(answered: index, returnTo: waiting.revising?.returnTo ?? waiting.place)
            let revising = Waiting(place: answered[index], revising: revision)
            state = .waiting(revising)
            return [ask(revising)]
        case .command(.skip):
            return took(nil, at: waiting)
        }
    }

    // MARK: Answers

    /// The longest answer kept, in bytes: a long answer is a few KiB, and every save writes the whole record.
    public static let longestAnswer = 64 << 10

    /// Takes an answer (trimmed; nil when skipped) for the place waited at, or asks again with the reason.
    private mutating func took(_ text: String?, at waiting: Waiting) -> [Action] {
        switch waiting.place {
        case .agreement(let step, let index, let field):
            return agreed(text ?? "", step: step, index: index, field: field, at: waiting)
        case .question(let step):
            if let refused = keep(text, for: question(at: step)) { return [.reask(refused), ask(waiting)] }
            return moveOn(after: step, from: waiting)
        case .gapQuestion(let step, let index):
            if let refused = keep(text, for: gapQuestion(step: step, index: index)) {
                return [.reask(refused), ask(waiting)]
            }
            if let next = nextUnanswered(inGap: step, from: index + 1) {
                return moveTo(.gapQuestion(step: step, index: next), from: waiting)
            }
            return moveOn(after: step, from: waiting)
        }
    }

    /// Keeps the answer to a question of the script (nil: skipped), or says why the question refuses it.
    private mutating func keep(_ text: String?, for ask: Ask) -> ReaskReason? {
        guard let text else {
            answers[ask.id] = .skipped
            return nil
        }
        switch ask.answer(from: text) {
        case .failure(let reason): return reason
        case .success(let answer): answers[ask.id] = answer
        }
        return nil
    }

    /// The question of an ask step (the file's invariants make it one).
    private func question(at step: Int) -> Ask {
        guard case .ask(let ask) = script.steps[step] else { preconditionFailure("asking at a step that asks nothing") }
        return ask
    }

    /// A question of the area a gap step chose (the file's invariants make it one).
    private func gapQuestion(step: Int, index: Int) -> Ask {
        guard let ask = gapAsks(step: step)?[index] else { preconditionFailure("a gap question out of range") }
        return ask
    }

    private mutating func agreed(
        _ text: String, step: Int, index: Int, field: AgreementField,
        at waiting: Waiting
    ) -> [Action] {
        var list = agreements[step] ?? []
        if field == .what && text.isEmpty {
            if index < list.count { return [.reask(.emptyAgreement), ask(waiting)] }
            return moveOn(after: step, from: waiting)
        }
        if index == list.count {
            list.append(Agreement(what: "", who: "", when: "", theme: agreementsStep(step).theme))
        }
        switch field {
        case .what: list[index].what = text
        case .who: list[index].who = text
        case .when: list[index].when = text
        }
        agreements[step] = list
        switch field {
        case .what: return moveTo(.agreement(step: step, index: index, field: .who), from: waiting)
        case .who: return moveTo(.agreement(step: step, index: index, field: .when), from: waiting)
        case .when: return moveTo(.agreement(step: step, index: index + 1, field: .what), from: waiting)
        }
    }

    /// The prompt and theme of an agreements step (the file's invariants make it one).
    private func agreementsStep(_ step: Int) -> (prompt: String, theme: String?) {
        guard case .agreements(let prompt, let theme) = script.steps[step] else {
            preconditionFailure("not an agreements step")
        }
        return (prompt, theme)
    }

    // MARK: Moving on

    /// After an answer at the place waited at: back to the furthest place when revising, else to `next`.
    private mutating func moveTo(_ next: Place, from waiting: Waiting) -> [Action] {
        if let returned = returnToFrontier(from: waiting) { return returned }
        answered.append(waiting.place)
        return settle(at: next)
    }

    private mutating func moveOn(after step: Int, from waiting: Waiting) -> [Action] {
        if let returned = returnToFrontier(from: waiting) { return returned }
        answered.append(waiting.place)
        return advance(from: step + 1)
    }

    /// The first gap question from `index` on, of the area the points answers choose now, that has no answer.
    private func nextUnanswered(inGap step: Int, from index: Int) -> Int? {
        guard let asks = gapAsks(step: step), index < asks.count else { return nil }
        return asks.indices[index...].first { answers[asks[$0].id] == nil }
    }

    /// Whether a place can be asked as things stand: a gap question belongs to the area chosen now, and a question
    /// an offer holds was offered and taken.
    func isAskable(_ place: Place) -> Bool {
        switch place {
        case .question(let step): isAskable(question(at: step))
        case .agreement: true
        case .gapQuestion(let step, let index): gapAsks(step: step)?.indices.contains(index) == true
        }
    }

    /// Whether a question of the script is put: one an offer holds only once that offer is answered yes.
    func isAskable(_ ask: Ask) -> Bool {
        guard let offer = ask.offeredBy else { return true }
        return answers[offer] == .choice(0)
    }

    /// The first question before `place` that an offer taken on revision holds and that has no answer yet.
    private func owedQuestion(before place: Place) -> Int? {
        let end =
            switch place {
            case .question(let step), .agreement(let step, _, _), .gapQuestion(let step, _): step
            }
        return script.steps[..<end].indices.first { step in
            guard case .ask(let ask) = script.steps[step] else { return false }
            return ask.offeredBy != nil && isAskable(ask) && answers[ask.id] == nil
        }
    }

    /// Ends a revision: the revised answer is kept, and the conversation goes on where it was. An offer revised to
    /// yes first asks the questions it holds, still revising; one revised to no passes over those not yet reached.
    /// A revised points answer may choose another area while its gap questions are under way: they go on with that
    /// area's first question without an answer, or after the gap when it has none.
    private mutating func returnToFrontier(from waiting: Waiting) -> [Action]? {
        guard let revision = waiting.revising else { return nil }
        // A question the offer owed, answered for the first time, joins the way back.
        if answered[revision.answered] != waiting.place { answered.append(waiting.place) }
        if let step = owedQuestion(before: revision.returnTo) {
            let owed = Waiting(place: .question(step: step), revising: revision)
            state = .waiting(owed)
            return [ask(owed)]
        }
        switch revision.returnTo {
        case .gapQuestion(let step, _):
            guard let index = nextUnanswered(inGap: step, from: 0) else { return advance(from: step + 1) }
            return settle(at: .gapQuestion(step: step, index: index))
        case .question(let step) where !isAskable(revision.returnTo):
            return advance(from: step + 1)
        case .question, .agreement:
            return settle(at: revision.returnTo)
        }
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
            case .ask(let ask):
                if isAskable(ask) { return actions + settle(at: .question(step: step)) }
            case .agreements:
                return actions + settle(at: .agreement(step: step, index: agreements[step]?.count ?? 0, field: .what))
            case .gapQuestions:
                if gapAsks(step: step)?.isEmpty == false {
                    return actions + settle(at: .gapQuestion(step: step, index: 0))
                }
            case .summary:
                return actions + finish(endedEarly: false)
            }
            step += 1
        }
        state = .finished(endedEarly: false)
        return actions + [.finished]
    }

    private mutating func settle(at place: Place) -> [Action] {
        let waiting = Waiting(place: place, revising: nil)
        state = .waiting(waiting)
        return [ask(waiting)]
    }

    private mutating func finish(endedEarly: Bool) -> [Action] {
        state = .finished(endedEarly: endedEarly)
        return [.summary(summary), .finished]
    }

    // MARK: Asking

    /// The `ask` action for the place waited at; the answer given before is shown only while revising it.
    private func ask(_ waiting: Waiting) -> Action {
        let ask: Ask
        var previous: String?
        switch waiting.place {
        case .question(let step):
            ask = question(at: step)
            previous = answers[ask.id].flatMap(ask.kind.display)
        case .gapQuestion(let step, let index):
            ask = gapQuestion(step: step, index: index)
            previous = answers[ask.id].flatMap(ask.kind.display)
        case .agreement(let step, let index, let field):
            let (prompt, theme) = agreementsStep(step)
            let number = index + 1
            let text =
                field == .what
                ? "\(prompt) \(Strings.agreementField(field, number: number)[language])"
                : Strings.agreementField(field, number: number)[language]
            // "What" says itself that an empty answer ends the list; the other two are plainly optional.
            ask = Ask(
                id: "agreement-\(step)-\(index)-\(field.rawValue)", text: text, optional: field != .what,
                purpose: .reflection, theme: theme)
            let existing = agreements[step].flatMap { index < $0.count ? $0[index] : nil }
            previous = existing.map { agreement in
                switch field {
                case .what: agreement.what
                case .who: agreement.who
                case .when: agreement.when
                }
            }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let progress = progress(at: waiting.place)
        return .ask(AskAction(ask: ask, progress: progress, previous: waiting.revising == nil ? nil : previous))
    }

    /// How far the conversation has come: the questions done (an agreements list counts as one) of all of them.
    public var progress: Progress {
        let total = units(before: script.steps.count)
        switch state {
        case .notStarted:
            return Progress(current: 0, total: total)
        case .finished:
            return Progress(current: total, total: total)
        case .waiting(let waiting), .confirmingEnd(let waiting), .paused(let waiting):
            let next = progress(at: waiting.revising?.returnTo ?? waiting.place)
            return Progress(current: next.current - 1, total: next.total)
        }
    }

    /// The number of the place among all the conversation asks as things stand.
    private func progress(at place: Place) -> Progress {
        let total = units(before: script.steps.count)
        let (step, within): (Int, Int) =
            switch place {
            case .question(let step): (step, 0)
            case .agreement(let step, _, _): (step, 0)
            case .gapQuestion(let step, let index): (step, index)
            }
        return Progress(current: min(units(before: step) + within + 1, total), total: total)
    }

    /// The progress units of the steps before `end`: a question counts one unless an offer passes it over, an
    /// agreements list one, gap questions as many as the area the points choose puts (until both points answers
    /// are in, as many as the area with the most, with one question on the direction of its gap).
    private func units(before end: Int) -> Int {
        script.steps[..<end].indices.reduce(0) { sum, step in
            switch script.steps[step] {
            case .ask(let ask): sum + (isAskable(ask) ? 1 : 0)
            case .agreements: sum + 1
            case .gapQuestions(let now, let needed, _, let questions):
                sum
                    + (answers[now] == nil || answers[needed] == nil
                        ? questions.map { $0.filter { $0.purpose != .lessAttention }.count }.max() ?? 0
                        : gapAsks(step: step)?.count ?? 0)
            case .say, .heading, .card, .chart, .summary: sum
            }
        }
    }

    // MARK: Points and gaps

    /// The gap questions of the area with the largest gap, with the one on its direction (too little attention or
    /// too much); nil until the points are in (skipped points: the first area, with neither direction).
    func gapAsks(step: Int) -> [Ask]? {
        guard case .gapQuestions(let now, let needed, let areas, let questions) = script.steps[step] else { return nil }
        let chart = chart(now: now, needed: needed, areas: areas)
        let area = chart?.largestGap ?? 0
        guard questions.indices.contains(area) else { return nil }
        let gap = chart?.gap(at: area) ?? 0
        return questions[area].filter { ask in
            switch ask.purpose {
            case .moreAttention: gap > 0
            case .lessAttention: gap < 0
            case .question, .statementRating, .statementExample, .pitfallRating, .points, .reflection, .moreQuestions,
                .checkIn, .followUp, .agreementStatus, .nextDate:
                true
            }
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
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else {
            return ""
        }
        return String(self[first...last])
    }
}
