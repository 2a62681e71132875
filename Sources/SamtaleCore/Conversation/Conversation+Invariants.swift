// MARK: - Invariants

extension Conversation {
    /// Why this conversation cannot go on as read, or nil when every invariant the state machine relies on holds.
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
        case place
        case returnTo
        case answered(Int)
        case revision
        case agreements(step: Int)
    }

    /// Where a part is in the file; files from before the record name them as those releases did.
    private func path(of part: StatePart, _ paths: SessionDamage.Paths) -> String {
        switch (paths, part) {
        case (.beforeRecord, .place): "conversation.position"
        case (.beforeRecord, .returnTo): "conversation.frontier"
        case (.beforeRecord, .answered(let index)): "conversation.history[\(index)]"
        case (.beforeRecord, .revision): "conversation.revisiting"
        case (.beforeRecord, .agreements(let step)): "conversation.agreements.\(step)"
        // A conversation not started has no place: it is the places answered that it cannot have.
        case (.record, .place): state == .notStarted ? "answered" : "state.at"
        case (.record, .returnTo): "state.revising.returnTo"
        case (.record, .answered(let index)): "answered[\(index)]"
        case (.record, .revision): "state.revising.answered"
        case (.record, .agreements): "agreements"
        }
    }

    /// The first step whose contents break what the state machine assumes.
    func invalidStep() -> Int? {
        var ids: Set<String> = []
        /// The points questions asked so far, by id: how many areas each shares points among.
        var pointsAreas: [String: Int] = [:]
        /// The offers of more questions so far: a question held by one names one of these, before it.
        var offers: Set<String> = []
        func accepts(_ ask: Ask) -> Bool {
            if case .points(let labels, _) = ask.kind { pointsAreas[ask.id] = labels.count }
            if ask.purpose == .moreQuestions {
                guard case .choice(let options) = ask.kind, options.count == 2 else { return false }
                offers.insert(ask.id)
            }
            return ids.insert(ask.id).inserted && ask.kind.isAnswerable && ask.offeredBy.map(offers.contains) ?? true
        }
        /// A chart or the gap questions weigh two earlier points questions over the same areas.
        func weighs(_ now: String, _ needed: String, _ areas: [String]) -> Bool {
            !areas.isEmpty && pointsAreas[now] == areas.count && pointsAreas[needed] == areas.count
        }
        for (index, step) in script.steps.enumerated() {
            let valid =
                switch step {
                case .ask(let ask): accepts(ask)
                case .chart(let now, let needed, let areas): weighs(now, needed, areas)
                case .gapQuestions(let now, let needed, let areas, let questions):
                    weighs(now, needed, areas) && questions.count == areas.count
                        && questions.allSatisfy { $0.allSatisfy(accepts) }
                case .say, .heading, .card, .agreements, .summary: true
                }
            if !valid { return index }
        }
        return nil
    }

    /// The first part of the state (the place waited at, the revision, the places answered, the agreements) that
    /// points to what the script does not have.
    private func partOutsideScript() -> StatePart? {
        switch state {
        case .notStarted:
            // Only a conversation that has begun has anything to go back to.
            if !answered.isEmpty { return .place }
        case .finished:
            break
        case .waiting(let waiting), .confirmingEnd(let waiting), .paused(let waiting):
            if !isWaiting(at: waiting.place) { return .place }
            // A revision ends by going on at the furthest place reached.
            if let revision = waiting.revising, !isWaiting(at: revision.returnTo) { return .returnTo }
        }
        // The places answered may hold gap questions of an area that revised points no longer choose, and questions
        // of an offer revised to no; `back` passes them.
        if let index = answered.firstIndex(where: { !isWaiting(at: $0, evenIfPassedOver: true) }) {
            return .answered(index)
        }
        switch state {
        case .waiting(let waiting), .confirmingEnd(let waiting), .paused(let waiting):
            if let revision = waiting.revising, !answered.indices.contains(revision.answered) { return .revision }
        case .notStarted, .finished:
            break
        }
        for step in agreements.keys.sorted() {
            guard script.steps.indices.contains(step), case .agreements = script.steps[step] else {
                return .agreements(step: step)
            }
        }
        return nil
    }

    /// Whether a place is one where the conversation can wait for an answer that its script asks as things stand
    /// (a gap question of the area chosen now, a question of an offer taken), or with `evenIfPassedOver` one it
    /// asked before an answer was revised (of any area, of any offer).
    func isWaiting(at place: Place, evenIfPassedOver: Bool = false) -> Bool {
        switch place {
        case .question(let step):
            guard script.steps.indices.contains(step), case .ask(let ask) = script.steps[step] else { return false }
            return evenIfPassedOver || isAskable(ask)
        case .agreement(let step, let index, let field):
            guard script.steps.indices.contains(step), case .agreements = script.steps[step] else { return false }
            let made = agreements[step]?.count ?? 0
            // One past the agreements made is a new one, which begins with what was agreed.
            return (0..<made).contains(index) || (index == made && field == .what)
        case .gapQuestion(let step, let index):
            guard script.steps.indices.contains(step),
                case .gapQuestions(_, _, _, let questions) = script.steps[step]
            else { return false }
            guard evenIfPassedOver else { return gapAsks(step: step)?.indices.contains(index) == true }
            return index >= 0 && questions.contains { $0.indices.contains(index) }
        }
    }

    /// The id of the first answer that no question of the script asks, or that its question would refuse.
    func invalidAnswer() -> String? {
        var asks: [String: Ask] = [:]
        for step in script.steps {
            switch step {
            case .ask(let ask): asks[ask.id] = ask
            case .gapQuestions(_, _, _, let questions): for ask in questions.joined() { asks[ask.id] = ask }
            case .say, .heading, .card, .agreements, .chart, .summary: break
            }
        }
        for (id, answer) in answers.sorted(by: { $0.key < $1.key }) {
            guard let ask = asks[id], ask.kind.accepts(answer) else { return id }
        }
        return nil
    }
}
