// MARK: - SessionDamage

/// What makes a session file (or a state token) unusable, found when it is read, so that a damaged or altered file
/// is reported by name and never reaches the state machine, whose `preconditionFailure`s are for programmer error only.
public enum SessionDamage: Error, Equatable, Sendable {
    /// Not JSON: the parser's reason, with line and column.
    case syntax(JSONSyntaxError.Reason, line: Int, column: Int)
    /// JSON, but not a session: a member missing, of the wrong type, or out of range, at `path`.
    case field(path: String, problem: FieldProblem)
    /// A place in the conversation that its script does not have: a step past the end, a question out of range.
    case positionOutsideScript(path: String)
    /// A step of the script that the state machine cannot walk: no areas to chart, an empty choice, a points total or
    /// scale out of range, or a question id used twice.
    case invalidStep(index: Int)
    /// An answer to a question the script does not ask, or one that the question would not have accepted.
    case invalidAnswer(id: String)
    /// The file's name and the id inside it differ: a session file renamed or copied by hand.
    case idMismatch(file: String, inside: String)

    /// The names of the places a conversation keeps, in the session record or in the shape releases before it
    /// saved (`SessionRecord+Migration.swift`), for a message that points into the file as it is.
    enum Paths: Sendable {
        case record
        case beforeRecord
    }

    /// The kinds of trouble with one member.
    public enum FieldProblem: Equatable, Sendable {
        case missing(String)
        case wrongType
        case outOfRange
        case unreadable
    }
}

// MARK: - Invariants

extension Conversation {
    /// The largest points total and the widest scale a script may ask for: a chart draws a character per five points,
    /// and summaries do arithmetic on scores, so values from a file must stay far from the integer limits.
    static let largestPointsTotal = 10_000
    static let largestScaleValue = 1_000_000

    /// Why this conversation cannot go on as decoded, or nil when every invariant the state machine relies on holds.
    /// Checked on every session read from a file or a token, never on one built by the state machine itself.
    public var damage: SessionDamage? {
        damage(paths: .record)
    }

    func damage(paths: SessionDamage.Paths) -> SessionDamage? {
        if let step = invalidStep() { return .invalidStep(index: step) }
        if let part = partOutsideScript() { return .positionOutsideScript(path: path(of: part, paths)) }
        if let id = invalidAnswer() { return .invalidAnswer(id: id) }
        return nil
    }

    /// The parts of the state that point into the script.
    private enum StatePart {
        case position
        case frontier
        case history(Int)
        case revisiting
        case agreements(step: Int)
    }

    private func path(of part: StatePart, _ paths: SessionDamage.Paths) -> String {
        switch (paths, part) {
        case (.beforeRecord, .position): "conversation.position"
        case (.beforeRecord, .frontier): "conversation.frontier"
        case (.beforeRecord, .history(let index)): "conversation.history[\(index)]"
        case (.beforeRecord, .revisiting): "conversation.revisiting"
        case (.beforeRecord, .agreements(let step)): "conversation.agreements.\(step)"
        // The record writes the furthest place only while revising, and a state without a place has nothing to
        // point to but the answered places.
        case (.record, .position): position == .notStarted ? "answered" : "state.at"
        case (.record, .frontier): "state.revising.returnTo"
        case (.record, .history(let index)): "answered[\(index)]"
        case (.record, .revisiting): "state.revising.answered"
        case (.record, .agreements): "agreements"
        }
    }

    /// The first step whose contents break what the state machine assumes.
    private func invalidStep() -> Int? {
        var ids: Set<String> = []
        func accepts(_ ask: Ask) -> Bool {
            ids.insert(ask.id).inserted && Self.isWalkable(ask.kind)
        }
        for (index, step) in script.steps.enumerated() {
            let valid = switch step {
            case .ask(let ask): accepts(ask)
            case .chart(_, _, let areas): !areas.isEmpty
            case .gapQuestions(_, _, let areas, let questions):
                !areas.isEmpty && questions.allSatisfy { $0.allSatisfy(accepts) }
            case .say, .heading, .card, .agreements, .summary: true
            }
            if !valid { return index }
        }
        return nil
    }

    private static func isWalkable(_ kind: Ask.Kind) -> Bool {
        switch kind {
        case .text: true
        case .scale(let minimum, let maximum):
            minimum <= maximum && minimum >= -largestScaleValue && maximum <= largestScaleValue
        case .choice(let options): !options.isEmpty
        case .points(let labels, let total): !labels.isEmpty && (1...largestPointsTotal).contains(total)
        }
    }

    /// The first place (position, frontier, history, revision, agreements) that the script does not have.
    private func partOutsideScript() -> StatePart? {
        switch position {
        case .notStarted, .finished: break
        case .confirmingEnd(let from):
            if !isWaiting(from) { return .position }
        case .paused(let at):
            if !isWaiting(at) { return .position }
        case .asking, .agreeing, .gap:
            if !isWaiting(position) { return .position }
        }
        switch frontier {
        case .notStarted, .finished: break
        case .asking, .agreeing, .gap:
            if !isWaiting(frontier) { return .frontier }
        case .confirmingEnd, .paused:
            return .frontier
        }
        // Only a conversation that has begun has anything to resume, and only one that is running can be revising.
        if position == .notStarted && (frontier != .notStarted || !history.isEmpty) { return .position }
        if (position == .finished) != (frontier == .finished) { return .frontier }
        // Unless it is revising, the conversation waits (or paused, or asks whether to end) at its frontier.
        if revisiting == nil {
            let waitingAt: Position? = switch position {
            case .asking, .agreeing, .gap: position
            case .paused(let at): at
            case .confirmingEnd(let from): from
            case .notStarted, .finished: nil
            }
            if let waitingAt, waitingAt != frontier { return .frontier }
        }
        // The history may hold gap questions of an area that revised points no longer choose; `back` passes them.
        if let index = history.firstIndex(where: { !isWaiting($0, inAnyArea: true) }) {
            return .history(index)
        }
        // A revision ends by going back to the frontier; once the conversation has ended, nothing is revised.
        if let revisiting, position != .finished, !history.indices.contains(revisiting) || !isWaiting(frontier) {
            return .revisiting
        }
        for step in agreements.keys.sorted() {
            guard script.steps.indices.contains(step), case .agreements = script.steps[step] else {
                return .agreements(step: step)
            }
        }
        return nil
    }

    /// Whether a position is one where the conversation waits for an answer that its script can ask; a gap question
    /// of the area chosen now, or with `inAnyArea` of any area.
    private func isWaiting(_ position: Position, inAnyArea: Bool = false) -> Bool {
        switch position {
        case .asking(let step):
            guard script.steps.indices.contains(step), case .ask = script.steps[step] else { return false }
            return true
        case .agreeing(let step, let index, let field):
            guard script.steps.indices.contains(step), case .agreements = script.steps[step] else { return false }
            let made = agreements[step]?.count ?? 0
            // One past the agreements made is a new one, which begins with what was agreed.
            return (0..<made).contains(index) || (index == made && field == .what)
        case .gap(let step, let index):
            guard script.steps.indices.contains(step),
                  case .gapQuestions(_, _, _, let questions) = script.steps[step] else { return false }
            guard inAnyArea else { return gapAsks(step: step)?.indices.contains(index) == true }
            return index >= 0 && questions.contains { $0.indices.contains(index) }
        case .notStarted, .confirmingEnd, .paused, .finished:
            return false
        }
    }

    /// The id of the first answer that no question of the script asks, or that its question would refuse.
    private func invalidAnswer() -> String? {
        var asks: [String: Ask] = [:]
        for step in script.steps {
            switch step {
            case .ask(let ask): asks[ask.id] = ask
            case .gapQuestions(_, _, _, let questions): for ask in questions.joined() { asks[ask.id] = ask }
            case .say, .heading, .card, .agreements, .chart, .summary: break
            }
        }
        for (id, answer) in answers.sorted(by: { $0.key < $1.key }) {
            guard let ask = asks[id], Self.fits(answer, ask.kind) else { return id }
        }
        return nil
    }

    /// Whether the state machine could have stored this answer for a question of this kind.
    private static func fits(_ answer: Answer, _ kind: Ask.Kind) -> Bool {
        switch (answer, kind) {
        case (.skipped, _), (.text, .text): true
        case (.scale(let value), .scale(let minimum, let maximum)): (minimum...maximum).contains(value)
        case (.choice(let index), .choice(let options)): options.indices.contains(index)
        case (.points(let points), .points(let labels, let total)):
            points.count == labels.count && points.allSatisfy { (0...total).contains($0) }
                && points.reduce(0, +) == total
        default: false
        }
    }
}
