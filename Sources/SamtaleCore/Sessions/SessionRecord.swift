// MARK: - SessionRecord

/// The session file, version 1: the record a session file holds and `sessions export --format json` prints, written
/// and read here by hand so that its shape is this file's decision, not the compiler's. `Dialogues/session.schema.json`
/// documents every member; `SessionRecord+Reading.swift` reads it back and checks it.
///
/// Tagged values carry their kind in `"type"`; positions in the script are 0-based step indices into `script.steps`.
enum SessionRecord {
    /// The version this release writes and reads.
    static let version = 1

    static func value(of session: Session) -> JSONValue {
        let conversation = session.conversation
        var members = [
            JSONMember("version", .integer(version)),
            JSONMember("id", .string(session.id.description)),
            JSONMember("status", .string(session.status.rawValue)),
            JSONMember("revision", .integer(session.revision)),
        ]
        if let instance = session.instance { members.append(JSONMember("instance", .number(String(instance)))) }
        members += [
            JSONMember("setup", value(of: session.setup)),
            JSONMember("started", .string(conversation.startedAt)),
            JSONMember("updated", .string(session.updatedAt)),
            JSONMember("script", value(of: conversation.script)),
            JSONMember("answers", answers(of: conversation)),
            JSONMember("agreements", agreements(of: conversation)),
            JSONMember("state", state(of: conversation)),
            JSONMember("answered", .array(conversation.answered.map(value(of:)))),
            JSONMember("log", .array(session.log.map(value(of:)))),
        ]
        return .object(members)
    }

    // MARK: Setup and script

    static func value(of setup: ConversationSetup) -> JSONValue {
        var members = [
            JSONMember("flow", .string(setup.flow)),
            JSONMember("deck", .string(setup.deck)),
            JSONMember("roles", .strings(setup.roles)),
            JSONMember("themes", .strings(setup.themes)),
            JSONMember("participants", .strings(setup.participants)),
        ]
        if let group = setup.targetGroup {
            members.append(
                JSONMember(
                    "targetGroup",
                    .object(
                        [
                            JSONMember("singular", .string(group.singular)),
                            JSONMember("singularDefinite", .string(group.singularDefinite)),
                            JSONMember("plural", .string(group.plural)),
                            JSONMember("pluralDefinite", .string(group.pluralDefinite)),
                        ] + (group.gender == .neuter ? [JSONMember("gender", .string(group.gender.rawValue))] : []))))
        }
        members += [
            JSONMember("language", .string(setup.language.rawValue)),
            JSONMember("minutes", .integer(setup.minutes)),
            JSONMember("seed", .number(String(setup.seed))),
        ]
        // A series' members only where the conversation is one of a series, so other records keep their shape.
        members += optional("with", setup.with) + optional("leader", setup.leader)
        if !setup.earlier.isEmpty { members.append(JSONMember("earlier", .array(setup.earlier.map(value(of:))))) }
        members += optional("previous", setup.previous)
        // Only a conversation started in chat says where, so others keep their shape.
        if let chat = setup.chat {
            members.append(
                JSONMember(
                    "chat",
                    .object([
                        JSONMember("platform", .string(chat.platform)),
                        JSONMember("endpoint", .string(chat.endpoint)),
                        JSONMember("thread", .string(chat.thread.description)),
                    ])))
        }
        return .object(members)
    }

    static func value(of agreement: EarlierAgreement) -> JSONValue {
        .object(
            [
                JSONMember("what", .string(agreement.what)),
                JSONMember("who", .string(agreement.who)),
                JSONMember("when", .string(agreement.when)),
            ] + optional("theme", agreement.theme) + [
                JSONMember("session", .string(agreement.session)),
                JSONMember("index", .integer(agreement.index)),
                JSONMember("made", .string(agreement.made)),
            ] + optional("status", agreement.status?.rawValue))
    }

    static func value(of script: Script) -> JSONValue {
        var members = [
            JSONMember("flow", .string(script.flowID)),
            JSONMember("title", .string(script.title)),
            JSONMember("deckTitle", .string(script.deckTitle)),
            JSONMember("organisation", .string(script.organisation)),
            JSONMember("source", .string(script.source)),
            JSONMember("roleNames", .strings(script.roleNames)),
            JSONMember("themeNames", .strings(script.themeNames)),
            JSONMember("participants", .strings(script.participants)),
            JSONMember("records", .bool(script.records)),
        ]
        // Written where it differs from what a script without it means (only a 1:1 confirms), so others keep shape.
        if script.confirmation != Script.confirms(script.flowID) {
            members.append(JSONMember("confirmation", .bool(script.confirmation)))
        }
        members.append(JSONMember("steps", .array(script.steps.map(value(of:)))))
        if let timeBox = script.timeBox { members.append(JSONMember("timeBox", .integer(timeBox))) }
        return .object(members)
    }

    static func value(of step: ScriptStep) -> JSONValue {
        switch step {
        case .say(let text):
            tagged("say", [JSONMember("text", .string(text))])
        case .heading(let text):
            tagged("heading", [JSONMember("text", .string(text))])
        case .card(let heading, let statements, let quotes):
            tagged(
                "card",
                (heading.map { [JSONMember("heading", .string($0))] } ?? [])
                    + [JSONMember("statements", .strings(statements)), JSONMember("quotes", .strings(quotes))])
        case .ask(let ask):
            tagged("question", [JSONMember("question", value(of: ask))])
        case .agreements(let prompt, let theme):
            tagged("agreements", [JSONMember("prompt", .string(prompt))] + optional("theme", theme))
        case .chart(let now, let needed, let areas):
            tagged("chart", pointsQuestions(now: now, needed: needed, areas: areas))
        case .gapQuestions(let now, let needed, let areas, let questions):
            tagged(
                "gapQuestions",
                pointsQuestions(now: now, needed: needed, areas: areas)
                    + [JSONMember("questions", .array(questions.map { .array($0.map(value(of:))) }))])
        case .summary:
            tagged("summary", [])
        }
    }

    private static func pointsQuestions(now: String, needed: String, areas: [String]) -> [JSONMember] {
        [JSONMember("now", .string(now)), JSONMember("needed", .string(needed)), JSONMember("areas", .strings(areas))]
    }

    static func value(of ask: Ask) -> JSONValue {
        let kind: JSONValue =
            switch ask.kind {
            case .text:
                tagged("text", [])
            case .scale(let minimum, let maximum):
                tagged("scale", [JSONMember("minimum", .integer(minimum)), JSONMember("maximum", .integer(maximum))])
            case .choice(let options):
                tagged("choice", [JSONMember("options", .strings(options))])
            case .points(let labels, let total):
                tagged("points", [JSONMember("labels", .strings(labels)), JSONMember("total", .integer(total))])
            }
        return .object(
            [
                JSONMember("id", .string(ask.id)),
                JSONMember("text", .string(ask.text)),
                JSONMember("kind", kind),
                JSONMember("optional", .bool(ask.optional)),
                JSONMember("purpose", .string(ask.purpose.rawValue)),
            ] + optional("theme", ask.theme) + optional("role", ask.role) + optional("askedBy", ask.askedBy)
                + optional("subject", ask.subject) + optional("origin", ask.origin?.rawValue)
                + optional("follows", ask.follows) + optional("offeredBy", ask.offeredBy))
    }

    // MARK: Answers, agreements and state

    /// The answers in the order their questions come in the script, keyed by question id.
    private static func answers(of conversation: Conversation) -> JSONValue {
        let asks = conversation.script.steps.flatMap { step -> [Ask] in
            switch step {
            case .ask(let ask): [ask]
            case .gapQuestions(_, _, _, let questions): Array(questions.joined())
            case .say, .heading, .card, .agreements, .chart, .summary: []
            }
        }
        return .object(
            asks.compactMap { ask in
                conversation.answers[ask.id].map { JSONMember(ask.id, value(of: $0)) }
            })
    }

    static func value(of answer: Answer) -> JSONValue {
        switch answer {
        case .text(let text): tagged("text", [JSONMember("text", .string(text))])
        case .scale(let value): tagged("scale", [JSONMember("value", .integer(value))])
        case .choice(let index): tagged("choice", [JSONMember("optionIndex", .integer(index))])
        case .points(let points): tagged("points", [JSONMember("points", .array(points.map(JSONValue.integer)))])
        case .skipped: tagged("skipped", [])
        }
    }

    /// Every agreement in one list, each naming the agreements step it was made at.
    private static func agreements(of conversation: Conversation) -> JSONValue {
        .array(
            conversation.agreements.keys.sorted().flatMap { step in
                (conversation.agreements[step] ?? []).map { agreement in
                    JSONValue.object(
                        [
                            JSONMember("step", .integer(step)),
                            JSONMember("what", .string(agreement.what)),
                            JSONMember("who", .string(agreement.who)),
                            JSONMember("when", .string(agreement.when)),
                        ] + optional("theme", agreement.theme))
                }
            })
    }

    /// Where the conversation stands; the furthest place reached is written only while an earlier answer is
    /// revised (`returnTo`), since otherwise it is the place waited at.
    private static func state(of conversation: Conversation) -> JSONValue {
        let type: String
        let waiting: Conversation.Waiting
        switch conversation.state {
        case .notStarted: return tagged("notStarted", [])
        case .finished(let endedEarly): return tagged("finished", [JSONMember("endedEarly", .bool(endedEarly))])
        case .waiting(let at): (type, waiting) = ("waiting", at)
        case .confirmingEnd(let at): (type, waiting) = ("confirmingEnd", at)
        case .paused(let at): (type, waiting) = ("paused", at)
        }
        var members = [JSONMember("at", value(of: waiting.place))]
        if let revision = waiting.revising {
            members.append(
                JSONMember(
                    "revising",
                    .object([
                        JSONMember("answered", .integer(revision.answered)),
                        JSONMember("returnTo", value(of: revision.returnTo)),
                    ])))
        }
        return tagged(type, members)
    }

    static func value(of place: Place) -> JSONValue {
        switch place {
        case .question(let step):
            tagged("question", [JSONMember("step", .integer(step))])
        case .agreement(let step, let index, let field):
            tagged(
                "agreement",
                [
                    JSONMember("step", .integer(step)), JSONMember("agreement", .integer(index)),
                    JSONMember("field", .string(field.rawValue)),
                ])
        case .gapQuestion(let step, let index):
            tagged("gapQuestion", [JSONMember("step", .integer(step)), JSONMember("question", .integer(index))])
        }
    }

    static func value(of entry: Session.LogEntry) -> JSONValue {
        let event: JSONValue =
            switch entry.event {
            case .start: tagged("start", [])
            case .resume: tagged("resume", [])
            case .answer(let text): tagged("answer", [JSONMember("text", .string(text))])
            case .command(let command): tagged("command", [JSONMember("command", .string(command.rawValue))])
            case .unknownCommand(let word): tagged("unknownCommand", [JSONMember("text", .string(word))])
            }
        return .object([JSONMember("at", .string(entry.at)), JSONMember("event", event)])
    }

    // MARK: Helpers

    private static func tagged(_ type: String, _ members: [JSONMember]) -> JSONValue {
        .object([JSONMember("type", .string(type))] + members)
    }

    private static func optional(_ key: String, _ text: String?) -> [JSONMember] {
        text.map { [JSONMember(key, .string($0))] } ?? []
    }
}
