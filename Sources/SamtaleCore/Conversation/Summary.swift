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
    /// One question and its answer (nil when skipped).
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
}

extension Conversation {
    /// The summary as things stand: computed from the answers, so it always holds every answer given.
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
                let answer = answers[ask.id].flatMap(ask.kind.display)
                switch ask.purpose {
                case .followUp:
                    comments.append(answer)
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
                    nextDate = answer
                    continue
                case .question, .statementRating, .statementExample, .pitfallRating, .points, .reflection,
                    .moreAttention, .lessAttention, .checkIn:
                    break
                }
                items.append(Summary.Item(ask: ask, answer: answer))
                switch ask.purpose {
                case .statementRating, .pitfallRating:
                    let score: Int? = if case .scale(let score) = answers[ask.id] { score } else { nil }
                    ratings.append(
                        Summary.Rating(
                            kind: ask.purpose == .statementRating ? .statement : .pitfall,
                            subject: ask.subject ?? ask.text, theme: ask.theme, score: score, example: nil))
                case .statementExample:
                    // An example belongs to the rating asked just before it.
                    if let answer, let last = ratings.indices.last, ratings[last].subject == ask.subject {
                        ratings[last].example = answer
                    }
                case .question, .points, .reflection, .moreAttention, .lessAttention, .checkIn, .followUp,
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
            case .agreements:
                allAgreements = (allAgreements ?? []) + (agreements[index] ?? [])
            case .say, .heading, .card, .summary:
                break
            }
        }
        let rated = ratings.filter { $0.strength != nil }
        let strongestScore = rated.compactMap(\.strength).max()
        let weakestScore = rated.compactMap(\.strength).min()
        return Summary(
            title: script.title, items: items, agreements: allAgreements, ratings: ratings,
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

    /// The chart of two points answers, once both are given.
    func chart(now: String, needed: String, areas: [String]) -> Chart? {
        guard case .points(let nowPoints) = answers[now], case .points(let neededPoints) = answers[needed] else {
            return nil
        }
        return Chart(
            areas: areas, now: nowPoints, needed: neededPoints, firstOfEqualGaps: script.predatesGapDirections)
    }
}
