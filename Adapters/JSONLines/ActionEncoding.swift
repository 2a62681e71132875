import SamtaleCore

/// The core's actions as protocol lines: the same names and fields, translated, nothing invented.
enum ActionEncoding {
    /// The members of an action's line, ending with the session it belongs to.
    static func members(_ action: Action, language: Language, session: SessionID) -> [JSONMember] {
        var members = members(action, language: language)
        members.append(JSONMember("session", .string(session.description)))
        return members
    }

    private static func members(_ action: Action, language: Language) -> [JSONMember] {
        switch action {
        case .say(let text):
            return [JSONMember("type", .string("say")), JSONMember("text", .string(text))]
        case .heading(let text):
            return [JSONMember("type", .string("heading")), JSONMember("text", .string(text))]
        case .card(let heading, let statements, let quotes):
            return [
                JSONMember("type", .string("card")), JSONMember("heading", .optional(heading)),
                JSONMember("statements", .strings(statements)), JSONMember("quotes", .strings(quotes)),
            ]
        case .ask(let action):
            return ask(action)
        case .reask(let reason):
            return [
                JSONMember("type", .string("reask")), JSONMember("reason", .string(code(reason))),
                JSONMember("message", .string(Strings.reask(reason)[language])),
            ]
        case .chart(let chart):
            return [
                JSONMember("type", .string("chart")), JSONMember("areas", .strings(chart.areas)),
                JSONMember("now", .array(chart.now.map(JSONValue.integer))),
                JSONMember("needed", .array(chart.needed.map(JSONValue.integer))),
                JSONMember("largestGap", .integer(chart.largestGap)),
            ]
        case .help(let commands):
            return [JSONMember("type", .string("help")), JSONMember("commands", .strings(commands.map(\.rawValue)))]
        case .confirmEnd:
            return [
                JSONMember("type", .string("confirmEnd")), JSONMember("message", .string(Strings.confirmEnd[language])),
            ]
        case .paused:
            return [JSONMember("type", .string("paused"))]
        case .summary(let summary):
            let value = (try? JSONValueCoder.encode(summary)) ?? .null
            return [
                JSONMember("type", .string("summary")), JSONMember("summary", value),
                JSONMember("text", .string(summary.text(language: language))),
            ]
        case .finished:
            return [JSONMember("type", .string("finished"))]
        }
    }

    private static func ask(_ action: AskAction) -> [JSONMember] {
        let ask = action.ask
        var members = [
            JSONMember("type", .string("ask")),
            JSONMember("prompt", .string(ask.text)),
            JSONMember("kind", .string(kindName(ask.kind))),
            JSONMember("optional", .bool(ask.optional)),
            JSONMember(
                "progress",
                .object([
                    JSONMember("current", .integer(action.progress.current)),
                    JSONMember("total", .integer(action.progress.total)),
                ])),
            JSONMember("question", .string(ask.id)),
        ]
        switch ask.kind {
        case .text: break
        case .scale(let minimum, let maximum):
            members.append(
                JSONMember(
                    "scale",
                    .object([
                        JSONMember("minimum", .integer(minimum)),
                        JSONMember("maximum", .integer(maximum)),
                    ])))
        case .choice(let options):
            members.append(JSONMember("choices", .strings(options)))
        case .points(let labels, let total):
            members.append(
                JSONMember(
                    "points",
                    .object([
                        JSONMember("labels", .strings(labels)),
                        JSONMember("total", .integer(total)),
                    ])))
        }
        if let previous = action.previous { members.append(JSONMember("previous", .string(previous))) }
        if let askedBy = ask.askedBy { members.append(JSONMember("askedBy", .string(askedBy))) }
        if let follows = ask.follows { members.append(JSONMember("follows", .string(follows))) }
        if let theme = ask.theme { members.append(JSONMember("theme", .string(theme))) }
        if let role = ask.role { members.append(JSONMember("role", .string(role))) }
        return members
    }

    static func kindName(_ kind: Ask.Kind) -> String {
        switch kind {
        case .text: "text"
        case .scale: "scale"
        case .choice: "choice"
        case .points: "points"
        }
    }

    static func code(_ reason: ReaskReason) -> String {
        switch reason {
        case .emptyAnswer, .emptyAgreement: "empty-answer"
        case .notANumber: "not-a-number"
        case .outOfRange: "out-of-range"
        case .notAChoice, .notYesOrNo: "not-a-choice"
        case .wrongNumberOfPoints: "wrong-number-of-points"
        case .pointsDoNotAddUp: "points-do-not-add-up"
        case .pointsAboveTotal: "points-above-total"
        case .tooLong: "too-long"
        case .negativePoints: "negative-points"
        case .atFirstQuestion: "at-first-question"
        case .unknownCommand: "unknown-command"
        case .finished: "finished"
        }
    }
}
