// MARK: - FlowDecoder

/// Turns the bytes of a flow file into a `Flow`, or into every issue found in it, as `DeckDecoder` does for decks.
public enum FlowDecoder {
    /// The flow format this version reads.
    public static let format = 1

    /// The placeholders flow texts may use; they are filled in when a flow is expanded over a deck.
    public static let placeholders = [
        "deck", "organisation", "role", "roles", "theme", "themes", "participants",
        "minutes", "statement", "pitfall", "agreement", "made", "record",
    ]

    public static func decode(_ bytes: [UInt8]) throws(DataIssues) -> Flow {
        try DocumentReader.read(bytes) { reader, document in reader.flow(document) }
    }
}

// MARK: - Reading a flow

extension DocumentReader {
    fileprivate mutating func flow(_ value: JSONValue) -> Flow? {
        guard
            let fields = object(
                value,
                required: ["$schema", "format", "id", "origin", "title", "description", "selection", "steps"],
                optional: ["records", "requires", "confirmation"])
        else { return nil }
        checkHeader(fields, format: FlowDecoder.format)
        let id = slug(fields, "id")
        if let origin = text(fields, "origin"), origin != "samtale" {
            report(.notOneOf(origin, allowed: ["samtale"]), at: .key("origin"))
        }
        let title = localized(fields, "title")
        let description = localized(fields, "description")
        let selection = fields["selection"].flatMap { value in inside(.key("selection")) { $0.selection(value) } }
        let records = boolean(fields, "records") ?? true
        let confirmation = boolean(fields, "confirmation") ?? false
        let requiredSection = fields["requires"].flatMap { value in
            inside(.key("requires")) { reader -> DeckSection.Kind? in
                guard let parts = reader.object(value, required: ["section"], optional: []) else { return nil }
                return reader.choice(parts, "section", as: DeckSection.Kind.self)
            }
        }
        var pointsIDs: [String] = []
        var askIDs: Set<String> = []
        let steps = list(fields, "steps", nonEmpty: true) { reader, value in
            reader.step(value, pointsIDs: &pointsIDs, askIDs: &askIDs)
        }.map(\.element)
        guard let id, let title, let description, let selection else { return nil }
        return Flow(
            id: id, title: title, description: description, selection: selection, records: records,
            requiredSection: requiredSection, confirmation: confirmation, steps: steps)
    }

    private mutating func selection(_ value: JSONValue) -> FlowSelection? {
        guard let fields = object(value, required: ["roles", "themes"], optional: ["participants"]) else { return nil }
        let roles = wholeNumber(fields, "roles", from: 1, to: 2)
        let themes = choice(fields, "themes", as: FlowSelection.Themes.self)
        let participants = fields["participants"] == nil ? 0 : wholeNumber(fields, "participants", from: 0)
        guard let roles, let themes, let participants else { return nil }
        return FlowSelection(roles: roles, themes: themes, participants: participants)
    }

    private static let stepKinds = [
        "say", "heading", "forEachTheme", "inSeries", "statements", "sharedTask", "questions", "agreements", "ask",
        "rateStatements", "ratePitfalls", "points", "chart", "gapQuestions", "energizers", "followUp", "nextDate",
        "summary",
    ]

    private mutating func step(_ value: JSONValue, pointsIDs: inout [String], askIDs: inout Set<String>) -> FlowStep? {
        guard case .object(let members) = value,
            case .string(let kind) = members.first(where: { $0.key == "kind" })?.value
        else {
            _ = object(value, required: ["kind"], optional: [])
            return nil
        }
        func fields(_ required: [String], _ optional: [String] = []) -> Fields? {
            object(value, required: ["kind"] + required, optional: optional)
        }
        switch kind {
        case "say":
            return fields(["text"]).flatMap { localized($0, "text") }.map(FlowStep.say)
        case "heading":
            return fields(["text"]).flatMap { localized($0, "text") }.map(FlowStep.heading)
        case "forEachTheme", "inSeries":
            guard let parts = fields(["steps"]) else { return nil }
            let steps = list(parts, "steps", nonEmpty: true) { reader, value in
                reader.step(value, pointsIDs: &pointsIDs, askIDs: &askIDs)
            }.map(\.element)
            return kind == "inSeries" ? .inSeries(steps) : .forEachTheme(steps)
        case "statements":
            return fields([]).map { _ in .statements }
        case "questions":
            guard
                let parts = fields(["audience"], ["limit", "pick", "offerRest", "askedBy", "alternate", "answer"])
            else { return nil }
            let audience = choice(parts, "audience", as: Audience.self)
            let limit = questionLimit(parts)
            let askedBy = text(parts, "askedBy")
            if let askedBy, askedBy != "participants" {
                report(.notOneOf(askedBy, allowed: ["participants"]), at: .key("askedBy"))
            }
            let alternate = boolean(parts, "alternate") ?? false
            let answer = choice(parts, "answer", as: AnswerRequirement.self) ?? .text
            guard let audience else { return nil }
            return .questions(
                audience: audience, limit: limit, askedByParticipants: askedBy != nil, alternate: alternate,
                optional: answer != .text)
        case "agreements":
            return fields(["text"]).flatMap { localized($0, "text") }.map(FlowStep.agreements)
        case "ask", "sharedTask":
            guard let parts = fields(["id", "text"], ["answer"] + (kind == "ask" ? ["section"] : [])) else {
                return nil
            }
            let id = uniqueID(parts, "id", in: &askIDs)
            let text = localized(parts, "text")
            let answer = choice(parts, "answer", as: AnswerRequirement.self) ?? .text
            let section = localized(parts, "section")
            guard let id, let text else { return nil }
            return kind == "ask"
                ? .ask(id: id, text: text, optional: answer != .text, section: section)
                : .sharedTask(id: id, text: text, optional: answer != .text)
        case "followUp":
            guard let parts = fields(["checkIn", "agreement", "olderAgreement", "status"]) else { return nil }
            let checkIn = localized(parts, "checkIn")
            let agreement = localized(parts, "agreement")
            let olderAgreement = localized(parts, "olderAgreement")
            let status = localized(parts, "status")
            guard let checkIn, let agreement, let olderAgreement, let status else { return nil }
            return .followUp(checkIn: checkIn, agreement: agreement, olderAgreement: olderAgreement, status: status)
        case "nextDate":
            guard let parts = fields(["id", "text"]) else { return nil }
            let id = uniqueID(parts, "id", in: &askIDs)
            let text = localized(parts, "text")
            guard let id, let text else { return nil }
            return .nextDate(id: id, text: text)
        case "rateStatements":
            guard let parts = fields(["text", "example"]) else { return nil }
            let text = localized(parts, "text")
            let example = localized(parts, "example")
            guard let text, let example else { return nil }
            return .rateStatements(text: text, example: example)
        case "ratePitfalls":
            return fields(["text"]).flatMap { localized($0, "text") }.map { .ratePitfalls(text: $0) }
        case "points":
            guard let parts = fields(["id", "total", "text"]) else { return nil }
            let id = uniqueID(parts, "id", in: &askIDs)
            // Known as soon as it is named, so that a mistake elsewhere in the step is reported once.
            if let id, !pointsIDs.contains(id) { pointsIDs.append(id) }
            // Within what a session may hold, so that a conversation saved from this flow can be resumed.
            let total = wholeNumber(parts, "total", from: 1, to: Ask.Kind.largestPointsTotal)
            let text = localized(parts, "text")
            guard let id, let total, let text else { return nil }
            return .points(id: id, total: total, text: text)
        case "chart", "gapQuestions":
            let extra = kind == "chart" ? [] : ["audience", "limit"]
            guard let parts = fields(["now", "needed"] + extra) else { return nil }
            let now = pointsReference(parts, "now", known: pointsIDs)
            let needed = pointsReference(parts, "needed", known: pointsIDs)
            guard let now, let needed else { return nil }
            if kind == "chart" { return .chart(now: now, needed: needed) }
            let audience = choice(parts, "audience", as: Audience.self)
            let limit = wholeNumber(parts, "limit", from: 1)
            guard let audience, let limit else { return nil }
            return .gapQuestions(now: now, needed: needed, audience: audience, limit: limit)
        case "energizers":
            guard let parts = fields(["limit"], ["answer"]) else { return nil }
            let limit = wholeNumber(parts, "limit", from: 1)
            let answer = choice(parts, "answer", as: AnswerRequirement.self) ?? .text
            guard let limit else { return nil }
            return .energizers(limit: limit, optional: answer != .text)
        case "summary":
            return fields([]).map { _ in .summary }
        default:
            report(.notOneOf(kind, allowed: Self.stepKinds), at: .key("kind"))
            return nil
        }
    }

    /// A questions step's `limit`, with `pick` (default `random`) and `offerRest`, which mean nothing without it.
    private mutating func questionLimit(_ fields: Fields) -> QuestionLimit? {
        let count = wholeNumber(fields, "limit", from: 1)
        let pick =
            fields["pick"] == nil ? QuestionLimit.Pick.random : choice(fields, "pick", as: QuestionLimit.Pick.self)
        let offersRest = boolean(fields, "offerRest") ?? false
        if fields["limit"] == nil, fields["pick"] != nil || fields["offerRest"] != nil {
            report(.missingKey("limit"))
        }
        guard let count, let pick else { return nil }
        return QuestionLimit(count: count, pick: pick, offersRest: offersRest)
    }

    // MARK: Flow primitives

    /// How a question must be answered: `text` required; `note` and `optional` may be left empty.
    private enum AnswerRequirement: String, CaseIterable {
        case text
        case note
        case optional
    }

    /// A text in Danish and English, with only the placeholders flows know.
    private mutating func localized(_ fields: Fields, _ key: String) -> Localized? {
        guard let value = fields[key] else { return nil }
        return inside(.key(key)) { reader -> Localized? in
            guard let parts = reader.object(value, required: ["da", "en"], optional: []) else { return nil }
            let danish = reader.text(parts, "da")
            let english = reader.text(parts, "en")
            for (language, text) in [("da", danish), ("en", english)] {
                for name in Placeholder.names(in: text ?? "") where !FlowDecoder.placeholders.contains(name) {
                    reader.report(
                        .unknownPlaceholder("{\(name)}", allowed: FlowDecoder.placeholders.map { "{\($0)}" }),
                        at: .key(language))
                }
            }
            guard let danish, let english else { return nil }
            return Localized(da: danish, en: english)
        }
    }

    private mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ fields: Fields, _ key: String, as type: Choice.Type
    ) -> Choice? where Choice.RawValue == String {
        guard let raw = text(fields, key) else { return nil }
        guard let choice = Choice(rawValue: raw) else {
            report(.notOneOf(raw, allowed: Choice.allCases.map(\.rawValue)), at: .key(key))
            return nil
        }
        return choice
    }

    private mutating func boolean(_ fields: Fields, _ key: String) -> Bool? {
        guard let value = fields[key] else { return nil }
        guard case .bool(let flag) = value else {
            report(.wrongType(expected: .bool, found: value.kind), at: .key(key))
            return nil
        }
        return flag
    }

    /// A whole number from `lowest` to `highest` (or any above `lowest`); one too large for `Int` is out of range too.
    private mutating func wholeNumber(
        _ fields: Fields, _ key: String, from lowest: Int, to highest: Int? = nil
    ) -> Int? {
        if case .number(let literal)? = fields[key], Int(literal) == nil,
            literal.drop(while: { $0 == "-" }).allSatisfy({ ("0"..."9").contains($0) })
        {
            report(.outOfRange(literal, lowest: lowest, highest: highest), at: .key(key))
            return nil
        }
        guard let number = integer(fields, key) else { return nil }
        guard number >= lowest && number <= highest ?? .max else {
            report(.outOfRange(String(number), lowest: lowest, highest: highest), at: .key(key))
            return nil
        }
        return number
    }

    /// The id of an `ask` or `points` step: used once, and not of the form of the ids samtale numbers itself.
    private mutating func uniqueID(_ fields: Fields, _ key: String, in ids: inout Set<String>) -> String? {
        guard let id = slug(fields, key) else { return nil }
        if Flow.isGeneratedID(id) {
            report(.reservedID(id), at: .key(key))
        } else if !ids.insert(id).inserted {
            report(.duplicateID(id), at: .key(key))
        }
        return id
    }

    /// The id of a points step that comes earlier in the flow.
    private mutating func pointsReference(_ fields: Fields, _ key: String, known: [String]) -> String? {
        guard let id = slug(fields, key) else { return nil }
        guard known.contains(id) else {
            report(.notOneOf(id, allowed: known), at: .key(key))
            return nil
        }
        return id
    }
}
