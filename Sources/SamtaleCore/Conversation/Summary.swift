// MARK: - Chart

/// Where attention goes now and where the task needs it, as points per area.
public struct Chart: Codable, Equatable, Sendable {
    public let areas: [String]
    public let now: [Int]
    public let needed: [Int]
    /// Whether equal gaps go to the first area, as in a session saved by an earlier release, so that it goes on
    /// with the area it was asked about.
    var firstOfEqualGaps = false

    /// The points and areas only: how equal gaps are settled follows from the script, not from what is written.
    private enum CodingKeys: String, CodingKey {
        case areas, now, needed
    }

    /// The area with the largest difference between needed and now, too little or too much; of equal differences
    /// the one the task needs more, then the first.
    public var largestGap: Int {
        var best = 0
        for index in areas.indices {
            let (size, bestSize) = (abs(gap(at: index)), abs(gap(at: best)))
            let needsMore = !firstOfEqualGaps && points(needed, at: index) > points(needed, at: best)
            if size > bestSize || (size == bestSize && needsMore) { best = index }
        }
        return best
    }

    /// Needed minus now: positive where the task needs more attention than it gets.
    public func gap(at index: Int) -> Int {
        points(needed, at: index) - points(now, at: index)
    }

    /// An area's points, or 0 where an answer gave fewer areas.
    private func points(_ answer: [Int], at index: Int) -> Int {
        index < answer.count ? answer[index] : 0
    }
}

// MARK: - Summary

/// What a conversation came to: every question with its answer, the agreements, ratings and the chart.
public struct Summary: Codable, Equatable, Sendable {
    /// One question put and its answer (nil when skipped); a question not reached has none.
    public struct Item: Codable, Equatable, Sendable {
        public let ask: Ask
        public let answer: String?
    }

    /// A statement or pitfall rated in a self-reflection.
    public struct Rating: Codable, Equatable, Sendable {
        public enum Kind: String, Codable, Sendable {
            case statement
            case pitfall
        }

        public let kind: Kind
        public let subject: String
        public let theme: String?
        public let score: Int?
        public var example: String?

        /// How strong this makes the person: a statement's score, or for a pitfall how far from it (6 − closeness).
        var strength: Int? {
            score.map { kind == .statement ? $0 : 6 - $0 }
        }
    }

    public let title: String
    /// The time box the flow suggested, repeated under the title; nil for a flow that suggests none.
    public let timeBox: Int?
    public let items: [Item]
    /// Nil in a flow that asks for no agreements (an energizer, a self-reflection), so no record shows a section it
    /// could never fill; empty where agreements were asked for and none were made.
    public let agreements: [Agreement]?
    public let ratings: [Rating]
    /// The rated items with the highest and the lowest strength (up to three each).
    public let strongest: [Rating]
    public let weakest: [Rating]
    public let chart: Chart?
    /// The earlier agreements of a series as this conversation followed them up; nil where it followed up none.
    public let followUps: [FollowUp]?
    /// When the next conversation is, where the flow asks and it was answered.
    public let nextDate: String?
    /// Whether the conversation was ended before its last question.
    public let endedEarly: Bool

    /// A competence area's statements in a self-reflection: how many were rated, and the average of those.
    public struct AreaAverage: Equatable, Sendable {
        public let area: String
        public let rated: Int
        public let statements: Int
        /// The average in tenths, rounded half up (37 for 3.7); nil where no statement was rated.
        public let tenths: Int?
    }

    /// The ratings by area (theme), in the order the areas came; a rating without a theme goes under "".
    public var ratingsByArea: [(area: String, ratings: [Rating])] {
        var areas: [(area: String, ratings: [Rating])] = []
        for rating in ratings {
            let area = rating.theme ?? ""
            if let index = areas.firstIndex(where: { $0.area == area }) {
                areas[index].ratings.append(rating)
            } else {
                areas.append((area, [rating]))
            }
        }
        return areas
    }

    /// The average of each area's statement ratings, for the areas that have statements. Skipped ratings are left
    /// out, and so are pitfalls: their 5 is bad, a statement's 5 good.
    public var areaAverages: [AreaAverage] {
        ratingsByArea.compactMap { area, ratings in
            let statements = ratings.filter { $0.kind == .statement }
            guard !statements.isEmpty else { return nil }
            let scores = statements.compactMap(\.score)
            let tenths = scores.isEmpty ? nil : (scores.reduce(0, +) * 20 + scores.count) / (2 * scores.count)
            return AreaAverage(area: area, rated: scores.count, statements: statements.count, tenths: tenths)
        }
    }

    /// The items that are no rating: the ratings have a section of their own, their examples with them.
    public var itemsBesideRatings: [Item] {
        items.filter { !$0.ask.purpose.isRating }
    }
}

extension Ask.Purpose {
    /// Whether the answer rates a statement or pitfall, or gives the example of a rating.
    var isRating: Bool {
        [.statementRating, .statementExample, .pitfallRating].contains(self)
    }
}

extension Conversation {
    /// The summary as things stand: computed from the answers, so it always holds every answer given. A question
    /// not yet reached (paused) or never reached (ended early) is left out rather than shown as skipped, and so is
    /// an agreements step not yet come to, rather than shown as "no agreements".
    public var summary: Summary {
        var items: [Summary.Item] = []
        var ratings: [Summary.Rating] = []
        var chart: Chart?
        var allAgreements: [Agreement]?
        var comments: [String?] = []
        var statuses: [AgreementStatus?] = []
        var nextDate: String?
        for (index, step) in script.steps.enumerated() {
            switch step {
            case .ask(let ask):
                // A series' follow-up is a section of its own, one place per earlier agreement, reached or not.
                let shown = answers[ask.id].flatMap(ask.kind.display)
                switch ask.purpose {
                case .followUp:
                    comments.append(shown)
                    continue
                case .agreementStatus:
                    let status: AgreementStatus? =
                        if case .choice(let chosen) = answers[ask.id], AgreementStatus.allCases.indices.contains(chosen)
                        {
                            AgreementStatus.allCases[chosen]
                        } else {
                            nil
                        }
                    statuses.append(status)
                    continue
                case .nextDate:
                    nextDate = shown
                    continue
                case .question, .statementRating, .statementExample, .pitfallRating, .points, .reflection,
                    .moreAttention, .lessAttention, .checkIn, .moreQuestions:
                    break
                }
                // Only what was put and answered or skipped: a question not reached yet, or held by an offer not
                // taken, is no part of the record, and the offer itself is only the way to more questions.
                guard ask.purpose != .moreQuestions, isAskable(ask), let given = answers[ask.id] else { continue }
                let answer = ask.kind.display(given)
                items.append(Summary.Item(ask: ask, answer: answer))
                switch ask.purpose {
                case .statementRating, .pitfallRating:
                    let score: Int? = if case .scale(let score) = given { score } else { nil }
                    ratings.append(
                        Summary.Rating(
                            kind: ask.purpose == .statementRating ? .statement : .pitfall,
                            subject: ask.subject ?? ask.text, theme: ask.theme, score: score, example: nil))
                case .statementExample:
                    // An example belongs to the rating asked just before it.
                    if let answer, let last = ratings.indices.last, ratings[last].subject == ask.subject {
                        ratings[last].example = answer
                    }
                case .question, .points, .reflection, .moreAttention, .lessAttention, .moreQuestions, .checkIn,
                    .followUp,
                    .agreementStatus, .nextDate:
                    break
                }
            case .gapQuestions(_, _, _, let questions):
                // The questions that were put: of the area chosen now first, then of one that an earlier points
                // answer chose before it was revised. None that was never asked shows as skipped.
                let chosen = gapAsks(step: index) ?? []
                for ask in chosen + questions.joined().filter({ !chosen.contains($0) }) where answers[ask.id] != nil {
                    items.append(Summary.Item(ask: ask, answer: answers[ask.id].flatMap(ask.kind.display)))
                }
            case .chart(let now, let needed, let areas):
                chart = self.chart(now: now, needed: needed, areas: areas) ?? chart
            case .agreements where hasReached(agreementsStep: index):
                allAgreements = (allAgreements ?? []) + (agreements[index] ?? [])
            case .agreements:
                break
            case .say, .heading, .card, .summary:
                break
            }
        }
        let rated = ratings.filter { $0.strength != nil }
        let strongestScore = rated.compactMap(\.strength).max()
        let weakestScore = rated.compactMap(\.strength).min()
        return Summary(
            title: script.title, timeBox: script.timeBox, items: items, agreements: allAgreements, ratings: ratings,
            strongest: Array(rated.filter { $0.strength == strongestScore }.prefix(3)),
            weakest: strongestScore == weakestScore
                ? [] : Array(rated.filter { $0.strength == weakestScore }.prefix(3)),
            chart: chart,
            followUps: statuses.isEmpty
                ? nil
                : earlier.indices.filter { $0 < statuses.count }.map { number in
                    FollowUp(
                        agreement: earlier[number], status: statuses[number],
                        comment: number < comments.count ? comments[number] : nil)
                },
            nextDate: nextDate, endedEarly: endedEarly
        )
    }

    /// Whether the agreements of a step belong in the record: the conversation went through it to the end, or an
    /// agreement was begun there or passed over, or the conversation has come further.
    private func hasReached(agreementsStep step: Int) -> Bool {
        let frontier: Place? =
            switch state {
            case .waiting(let waiting), .confirmingEnd(let waiting), .paused(let waiting):
                waiting.revising?.returnTo ?? waiting.place
            case .notStarted, .finished: nil
            }
        return state == .finished(endedEarly: false) || agreements[step] != nil
            || answered.contains { $0.step >= step } || frontier.map { $0.step > step } == true
    }

    /// The chart of two points answers, once both are given.
    func chart(now: String, needed: String, areas: [String]) -> Chart? {
        guard case .points(let nowPoints) = answers[now], case .points(let neededPoints) = answers[needed] else {
            return nil
        }
        return Chart(
            areas: areas, now: nowPoints, needed: neededPoints, firstOfEqualGaps: script.predatesGapDirections)
    }
}

extension Place {
    /// The step of the script the place belongs to.
    var step: Int {
        switch self {
        case .question(let step), .agreement(let step, _, _), .gapQuestion(let step, _): step
        }
    }
}
