// MARK: - Answers by question kind

extension Ask {
    /// The answer this question takes from what was typed (trimmed), or why it refuses it: an empty answer is
    /// taken as skipped where the question is optional.
    public func answer(from text: String) -> Result<Answer, ReaskReason> {
        if text.isEmpty { return optional ? .success(.skipped) : .failure(.emptyAnswer) }
        guard purpose == .moreQuestions else { return kind.answer(from: text) }
        // An offer is a yes or a no in either language, as confirming the end is; its options are yes and no.
        if Strings.isYes(text) { return .success(.choice(0)) }
        if Strings.isNo(text) { return .success(.choice(1)) }
        return kind.answer(from: text).mapError { _ in .notYesOrNo(text) }
    }
}

extension Ask.Kind {
    /// The largest points total and the widest scale a script may ask for: a chart draws a character per five points,
    /// and summaries do arithmetic on scores, so values from a file must stay far from the integer limits.
    static let largestPointsTotal = 10_000
    static let largestScaleValue = 1_000_000

    /// The answer a question of this kind takes from a text that is not empty.
    func answer(from text: String) -> Result<Answer, ReaskReason> {
        switch self {
        case .text:
            return .success(.text(text))
        case .scale(let minimum, let maximum):
            guard let value = Int(text), (minimum...maximum).contains(value) else {
                return .failure(
                    text.isWholeNumber
                        ? .outOfRange(value: text, minimum: minimum, maximum: maximum)
                        : .notANumber(text))
            }
            return .success(.scale(value))
        case .choice(let options):
            if let number = Int(text) {
                return (1...options.count).contains(number)
                    ? .success(.choice(number - 1))
                    : .failure(.notAChoice(text, count: options.count))
            }
            let wanted = text.lowercased()
            if let exact = options.firstIndex(where: { $0.lowercased() == wanted }) { return .success(.choice(exact)) }
            let prefixed = options.indices.filter { options[$0].lowercased().hasPrefix(wanted) }
            return prefixed.count == 1
                ? .success(.choice(prefixed[0])) : .failure(.notAChoice(text, count: options.count))
        case .points(let labels, let total):
            let parts = text.split { $0.isWhitespace || $0 == "," || $0 == ";" }
            var points: [Int] = []
            for part in parts {
                guard part.isWholeNumber else { return .failure(.notANumber(String(part))) }
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

    /// Whether `answer(from:)` could have given this answer: what a file holds is checked by the same rules.
    func accepts(_ answer: Answer) -> Bool {
        switch (answer, self) {
        case (.skipped, _), (.text, .text): true
        case (.scale(let value), .scale(let minimum, let maximum)): (minimum...maximum).contains(value)
        case (.choice(let index), .choice(let options)): options.indices.contains(index)
        case (.points(let points), .points(let labels, let total)):
            points.count == labels.count && points.allSatisfy { (0...total).contains($0) }
                && points.reduce(0, +) == total
        default: false
        }
    }

    /// Whether a question of this kind can be answered at all, and within the limits above.
    var isAnswerable: Bool {
        switch self {
        case .text: true
        case .scale(let minimum, let maximum):
            minimum <= maximum && minimum >= -Self.largestScaleValue && maximum <= Self.largestScaleValue
        case .choice(let options): !options.isEmpty
        case .points(let labels, let total): !labels.isEmpty && (1...Self.largestPointsTotal).contains(total)
        }
    }

    /// An answer as a person reads it; nil when skipped.
    func display(_ answer: Answer) -> String? {
        switch answer {
        case .text(let text): text
        case .scale(let value): String(value)
        case .choice(let index):
            if case .choice(let options) = self, options.indices.contains(index) {
                options[index]
            } else {
                String(index + 1)
            }
        case .points(let points): points.map(String.init).joined(separator: " ")
        case .skipped: nil
        }
    }
}

extension StringProtocol {
    /// Whether the text is a whole number, however large: an optional sign, then digits only.
    var isWholeNumber: Bool {
        let digits = utf8.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
        return !digits.isEmpty && utf8.count - digits.count <= 1 && digits.allSatisfy { (0x30...0x39).contains($0) }
    }
}
