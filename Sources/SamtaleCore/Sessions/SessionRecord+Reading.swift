// MARK: - Reading a record

extension SessionRecord {
    /// The session a record holds, checked: a later version is not guessed at; the first member that is missing, of
    /// the wrong type or out of range is damage named by its path, then the first invariant of the conversation that
    /// does not hold.
    static func session(from json: JSONValue) throws(SessionFileError) -> Session {
        var reader = RecordReader()
        let root: [JSONMember]
        let version: Int
        do {
            root = try reader.object(json)
            version = try reader.field("version", in: root, read: integer)
        } catch {
            throw .damaged(error)
        }
        guard version == SessionRecord.version else { throw .unsupportedFormat }
        do {
            return try session(&reader, root)
        } catch {
            throw .damaged(error)
        }
    }

    private static func session(_ reader: inout RecordReader, _ root: [JSONMember]) throws(SessionDamage) -> Session {
        let id = try reader.field("id", in: root, read: sessionID)
        let revision = try reader.field("revision", in: root) { reader, value throws(SessionDamage) in
            try reader.integer(value)
        }
        let instance = try reader.optionalField("instance", in: root) { reader, value throws(SessionDamage) in
            try reader.unsigned(value)
        }
        let setup = try reader.field("setup", in: root, read: setup)
        let script = try reader.field("script", in: root, read: script)
        let conversation = Conversation(
            script: script, language: setup.language, startedAt: try reader.field("started", in: root, read: text),
            state: try reader.field("state", in: root, read: state),
            answers: try reader.field("answers", in: root, read: answers),
            agreements: try reader.field("agreements", in: root) { reader, value throws(SessionDamage) in
                try agreements(&reader, value, script: script)
            },
            answered: try reader.field("answered", in: root) { reader, value throws(SessionDamage) in
                try reader.array(value, read: place)
            })
        let session = Session(
            id: id, revision: revision, instance: instance, setup: setup, conversation: conversation,
            updatedAt: try reader.field("updated", in: root, read: text),
            log: try reader.field("log", in: root) { reader, value throws(SessionDamage) in
                try reader.array(value, read: logEntry)
            })
        if let damage = conversation.damage(paths: .record) { throw damage }
        // The status is written for readers of the file; it must say what the state says.
        let status = try reader.field("status", in: root, read: text)
        guard status == session.status.rawValue else { throw .field(path: "status", problem: .unreadable) }
        return session
    }

    // MARK: Setup and script

    private static func setup(_ reader: inout RecordReader, _ value: JSONValue) throws(SessionDamage)
        -> ConversationSetup
    {
        let fields = try reader.object(value)
        return ConversationSetup(
            flow: try reader.field("flow", in: fields, read: text),
            deck: try reader.field("deck", in: fields, read: text),
            roles: try reader.field("roles", in: fields, read: texts),
            themes: try reader.field("themes", in: fields, read: texts),
            participants: try reader.field("participants", in: fields, read: texts),
            targetGroup: try reader.optionalField("targetGroup", in: fields) { reader, value throws(SessionDamage) in
                let group = try reader.object(value)
                return TargetGroup(
                    singular: try reader.field("singular", in: group, read: text),
                    singularDefinite: try reader.field("singularDefinite", in: group, read: text),
                    plural: try reader.field("plural", in: group, read: text),
                    pluralDefinite: try reader.field("pluralDefinite", in: group, read: text),
                    gender: try reader.optionalField("gender", in: group) { reader, value throws(SessionDamage) in
                        try reader.member(of: TargetGroup.Gender.self, value)
                    } ?? .common)
            },
            language: try reader.field("language", in: fields) { reader, value throws(SessionDamage) in
                try reader.member(of: Language.self, value)
            },
            minutes: try reader.field("minutes", in: fields) { reader, value throws(SessionDamage) in
                try reader.integer(value)
            },
            seed: try reader.field("seed", in: fields) { reader, value throws(SessionDamage) in
                try reader.unsigned(value)
            },
            with: try reader.optionalField("with", in: fields, read: text),
            leader: try reader.optionalField("leader", in: fields, read: text),
            earlier: try reader.optionalField("earlier", in: fields) { reader, value throws(SessionDamage) in
                try reader.array(value, read: earlierAgreement)
            } ?? [],
            previous: try reader.optionalField("previous", in: fields, read: text),
            chat: try reader.optionalField("chat", in: fields) { reader, value throws(SessionDamage) in
                let origin = try reader.object(value)
                return ChatOrigin(
                    platform: try reader.field("platform", in: origin, read: text),
                    endpoint: try reader.field("endpoint", in: origin, read: text),
                    thread: try reader.field("thread", in: origin, read: sessionID))
            })
    }

    private static func earlierAgreement(_ reader: inout RecordReader, _ value: JSONValue) throws(SessionDamage)
        -> EarlierAgreement
    {
        let fields = try reader.object(value)
        return EarlierAgreement(
            what: try reader.field("what", in: fields, read: text),
            who: try reader.field("who", in: fields, read: text),
            when: try reader.field("when", in: fields, read: text),
            theme: try reader.optionalField("theme", in: fields, read: text),
            session: try reader.field("session", in: fields, read: text),
            index: try reader.field("index", in: fields, read: integer),
            made: try reader.field("made", in: fields, read: text),
            status: try reader.optionalField("status", in: fields) { reader, value throws(SessionDamage) in
                try reader.member(of: AgreementStatus.self, value)
            })
    }

    private static func script(_ reader: inout RecordReader, _ value: JSONValue) throws(SessionDamage) -> Script {
        let fields = try reader.object(value)
        return Script(
            flowID: try reader.field("flow", in: fields, read: text),
            title: try reader.field("title", in: fields, read: text),
            deckTitle: try reader.field("deckTitle", in: fields, read: text),
            organisation: try reader.field("organisation", in: fields, read: text),
            source: try reader.field("source", in: fields, read: text),
            roleNames: try reader.field("roleNames", in: fields, read: texts),
            themeNames: try reader.field("themeNames", in: fields, read: texts),
            participants: try reader.field("participants", in: fields, read: texts),
            records: try reader.field("records", in: fields) { reader, value throws(SessionDamage) in
                try reader.bool(value)
            },
            confirmation: try reader.optionalField("confirmation", in: fields) { reader, value throws(SessionDamage) in
                try reader.bool(value)
            },
            steps: try reader.field("steps", in: fields) { reader, value throws(SessionDamage) in
                try reader.array(value, read: step)
            },
            timeBox: try reader.optionalField("timeBox", in: fields) { reader, value throws(SessionDamage) in
                try reader.integer(value)
            })
    }

    private static func step(_ reader: inout RecordReader, _ value: JSONValue) throws(SessionDamage) -> ScriptStep {
        let (type, fields) = try reader.tagged(value)
        switch type {
        case "say": return .say(try reader.field("text", in: fields, read: text))
        case "heading": return .heading(try reader.field("text", in: fields, read: text))
        case "card":
            return .card(
                heading: try reader.optionalField("heading", in: fields, read: text),
                statements: try reader.field("statements", in: fields, read: texts),
                quotes: try reader.field("quotes", in: fields, read: texts))
        case "question": return .ask(try reader.field("question", in: fields, read: ask))
        case "agreements":
            return .agreements(
                prompt: try reader.field("prompt", in: fields, read: text),
                theme: try reader.optionalField("theme", in: fields, read: text))
        case "chart":
            return .chart(
                now: try reader.field("now", in: fields, read: text),
                needed: try reader.field("needed", in: fields, read: text),
                areas: try reader.field("areas", in: fields, read: texts))
        case "gapQuestions":
            return .gapQuestions(
                now: try reader.field("now", in: fields, read: text),
                needed: try reader.field("needed", in: fields, read: text),
                areas: try reader.field("areas", in: fields, read: texts),
                questions: try reader.field("questions", in: fields) { reader, value throws(SessionDamage) in
                    try reader.array(value) { reader, value throws(SessionDamage) in
                        try reader.array(value, read: ask)
                    }
                })
        case "summary": return .summary
        default: throw reader.damage(.unreadable, at: "type")
        }
    }

    private static func ask(_ reader: inout RecordReader, _ value: JSONValue) throws(SessionDamage) -> Ask {
        let fields = try reader.object(value)
        return Ask(
            id: try reader.field("id", in: fields, read: text),
            text: try reader.field("text", in: fields, read: text),
            kind: try reader.field("kind", in: fields, read: kind),
            optional: try reader.field("optional", in: fields) { reader, value throws(SessionDamage) in
                try reader.bool(value)
            },
            purpose: try reader.field("purpose", in: fields) { reader, value throws(SessionDamage) in
                try reader.member(of: Ask.Purpose.self, value)
            },
            theme: try reader.optionalField("theme", in: fields, read: text),
            role: try reader.optionalField("role", in: fields, read: text),
            askedBy: try reader.optionalField("askedBy", in: fields, read: text),
            subject: try reader.optionalField("subject", in: fields, read: text),
            origin: try reader.optionalField("origin", in: fields) { reader, value throws(SessionDamage) in
                try reader.member(of: Question.Origin.self, value)
            },
            follows: try reader.optionalField("follows", in: fields, read: text),
            offeredBy: try reader.optionalField("offeredBy", in: fields, read: text))
    }

    private static func kind(_ reader: inout RecordReader, _ value: JSONValue) throws(SessionDamage) -> Ask.Kind {
        let (type, fields) = try reader.tagged(value)
        switch type {
        case "text": return .text
        case "scale":
            return .scale(
                minimum: try reader.field("minimum", in: fields, read: integer),
                maximum: try reader.field("maximum", in: fields, read: integer))
        case "choice": return .choice(try reader.field("options", in: fields, read: texts))
        case "points":
            return .points(
                labels: try reader.field("labels", in: fields, read: texts),
                total: try reader.field("total", in: fields, read: integer))
        default: throw reader.damage(.unreadable, at: "type")
        }
    }

    // MARK: Answers, agreements and state

    private static func answers(_ reader: inout RecordReader, _ value: JSONValue) throws(SessionDamage)
        -> [String: Answer]
    {
        guard case .object(let members) = value else { throw reader.damage(.wrongType) }
        var answers: [String: Answer] = [:]
        for member in members {
            guard answers[member.key] == nil else { throw reader.damage(.unreadable, at: member.key) }
            answers[member.key] = try reader.inside(member.key) { reader throws(SessionDamage) in
                try answer(&reader, member.value)
            }
        }
        return answers
    }

    private static func answer(_ reader: inout RecordReader, _ value: JSONValue) throws(SessionDamage) -> Answer {
        let (type, fields) = try reader.tagged(value)
        switch type {
        case "text": return .text(try reader.field("text", in: fields, read: text))
        case "scale": return .scale(try reader.field("value", in: fields, read: integer))
        case "choice": return .choice(try reader.field("optionIndex", in: fields, read: integer))
        case "points":
            return .points(
                try reader.field("points", in: fields) { reader, value throws(SessionDamage) in
                    try reader.array(value, read: integer)
                })
        case "skipped": return .skipped
        default: throw reader.damage(.unreadable, at: "type")
        }
    }

    /// The agreements by their agreements step, each of which the script must have.
    private static func agreements(_ reader: inout RecordReader, _ value: JSONValue, script: Script)
        throws(SessionDamage) -> [Int: [Agreement]]
    {
        let list = try reader.array(value) { reader, value throws(SessionDamage) in
            let fields = try reader.object(value)
            let step = try reader.field("step", in: fields, read: integer)
            guard script.steps.indices.contains(step), case .agreements = script.steps[step] else {
                throw .positionOutsideScript(path: reader.path(appending: "step"))
            }
            let agreement = Agreement(
                what: try reader.field("what", in: fields, read: text),
                who: try reader.field("who", in: fields, read: text),
                when: try reader.field("when", in: fields, read: text),
                theme: try reader.optionalField("theme", in: fields, read: text))
            return (step, agreement)
        }
        return Dictionary(grouping: list, by: \.0).mapValues { $0.map(\.1) }
    }

    private static func state(_ reader: inout RecordReader, _ value: JSONValue) throws(SessionDamage)
        -> Conversation.State
    {
        let (type, fields) = try reader.tagged(value)
        switch type {
        case "notStarted": return .notStarted
        case "finished":
            let endedEarly = try reader.field("endedEarly", in: fields) { reader, value throws(SessionDamage) in
                try reader.bool(value)
            }
            return .finished(endedEarly: endedEarly)
        case "waiting", "paused", "confirmingEnd":
            let at = try reader.field("at", in: fields, read: place)
            let revising = try reader.optionalField("revising", in: fields) { reader, value throws(SessionDamage) in
                let revising = try reader.object(value)
                return Conversation.Revision(
                    answered: try reader.field("answered", in: revising, read: integer),
                    returnTo: try reader.field("returnTo", in: revising, read: place))
            }
            let waiting = Conversation.Waiting(place: at, revising: revising)
            return type == "waiting" ? .waiting(waiting) : type == "paused" ? .paused(waiting) : .confirmingEnd(waiting)
        default: throw reader.damage(.unreadable, at: "type")
        }
    }

    private static func place(_ reader: inout RecordReader, _ value: JSONValue) throws(SessionDamage) -> Place {
        let (type, fields) = try reader.tagged(value)
        guard ["question", "agreement", "gapQuestion"].contains(type) else {
            throw reader.damage(.unreadable, at: "type")
        }
        let step = try reader.field("step", in: fields, read: integer)
        switch type {
        case "agreement":
            return .agreement(
                step: step, index: try reader.field("agreement", in: fields, read: integer),
                field: try reader.field("field", in: fields) { reader, value throws(SessionDamage) in
                    try reader.member(of: AgreementField.self, value)
                })
        case "gapQuestion":
            return .gapQuestion(step: step, index: try reader.field("question", in: fields, read: integer))
        default: return .question(step: step)
        }
    }

    private static func logEntry(_ reader: inout RecordReader, _ value: JSONValue) throws(SessionDamage)
        -> Session.LogEntry
    {
        let fields = try reader.object(value)
        let at = try reader.field("at", in: fields, read: text)
        let event = try reader.field("event", in: fields) { reader, value throws(SessionDamage) -> Event in
            let (type, fields) = try reader.tagged(value)
            switch type {
            case "start": return .start
            case "resume": return .resume
            case "answer": return .answer(try reader.field("text", in: fields, read: text))
            case "command":
                return .command(
                    try reader.field("command", in: fields) { reader, value throws(SessionDamage) in
                        try reader.member(of: Command.self, value)
                    })
            case "unknownCommand": return .unknownCommand(try reader.field("text", in: fields, read: text))
            default: throw reader.damage(.unreadable, at: "type")
            }
        }
        return Session.LogEntry(at: at, event: event)
    }

    // MARK: Plain values, as readers for `field`

    private static func sessionID(_ reader: inout RecordReader, _ value: JSONValue) throws(SessionDamage) -> SessionID {
        guard let id = SessionID(validating: try reader.string(value)) else { throw reader.damage(.unreadable) }
        return id
    }

    private static func text(_ reader: inout RecordReader, _ value: JSONValue) throws(SessionDamage) -> String {
        try reader.string(value)
    }

    private static func texts(_ reader: inout RecordReader, _ value: JSONValue) throws(SessionDamage) -> [String] {
        try reader.array(value, read: text)
    }

    private static func integer(_ reader: inout RecordReader, _ value: JSONValue) throws(SessionDamage) -> Int {
        try reader.integer(value)
    }
}

// MARK: - RecordReader

/// Reads one JSON value after another, keeping the path for the first damage, which it throws: a session file is
/// written by samtale, so one problem is enough to refuse it.
struct RecordReader {
    private var components: [JSONPath.Component] = []

    /// The path of the value being read, as `SessionDamage` names it (the root is the empty path).
    func path(appending key: String? = nil) -> String {
        let path = JSONPath(components: components + (key.map { [.key($0)] } ?? []))
        return path == .root ? "" : path.description
    }

    func damage(_ problem: SessionDamage.FieldProblem, at key: String? = nil) -> SessionDamage {
        .field(path: path(appending: key), problem: problem)
    }

    mutating func inside<Value>(_ key: String, _ read: (inout RecordReader) throws(SessionDamage) -> Value)
        throws(SessionDamage) -> Value
    {
        components.append(.key(key))
        defer { components.removeLast() }
        return try read(&self)
    }

    func object(_ value: JSONValue) throws(SessionDamage) -> [JSONMember] {
        guard case .object(let members) = value else { throw damage(.wrongType) }
        return members
    }

    /// The members of a tagged object and its `type`.
    mutating func tagged(_ value: JSONValue) throws(SessionDamage) -> (type: String, members: [JSONMember]) {
        let members = try object(value)
        return (
            try field("type", in: members) { reader, value throws(SessionDamage) in try reader.string(value) },
            members
        )
    }

    mutating func field<Value>(
        _ key: String, in members: [JSONMember],
        read: (inout RecordReader, JSONValue) throws(SessionDamage) -> Value
    ) throws(SessionDamage) -> Value {
        guard let value = members.first(where: { $0.key == key })?.value else { throw damage(.missing(key)) }
        return try inside(key) { reader throws(SessionDamage) in try read(&reader, value) }
    }

    /// A member that may be left out (or be `null`).
    mutating func optionalField<Value>(
        _ key: String, in members: [JSONMember],
        read: (inout RecordReader, JSONValue) throws(SessionDamage) -> Value
    ) throws(SessionDamage) -> Value? {
        guard let value = members.first(where: { $0.key == key })?.value, value != .null else { return nil }
        return try inside(key) { reader throws(SessionDamage) in try read(&reader, value) }
    }

    mutating func array<Element>(
        _ value: JSONValue, read: (inout RecordReader, JSONValue) throws(SessionDamage) -> Element
    ) throws(SessionDamage) -> [Element] {
        guard case .array(let elements) = value else { throw damage(.wrongType) }
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            components.append(.index(index))
            defer { components.removeLast() }
            result.append(try read(&self, element))
        }
        return result
    }

    func string(_ value: JSONValue) throws(SessionDamage) -> String {
        guard case .string(let text) = value else { throw damage(.wrongType) }
        return text
    }

    func bool(_ value: JSONValue) throws(SessionDamage) -> Bool {
        guard case .bool(let flag) = value else { throw damage(.wrongType) }
        return flag
    }

    func integer(_ value: JSONValue) throws(SessionDamage) -> Int {
        guard case .number(let literal) = value else { throw damage(.wrongType) }
        guard let number = Int(literal) else { throw damage(literal.isWholeNumber ? .outOfRange : .wrongType) }
        return number
    }

    func unsigned(_ value: JSONValue) throws(SessionDamage) -> UInt64 {
        guard case .number(let literal) = value else { throw damage(.wrongType) }
        guard let number = UInt64(literal) else { throw damage(literal.isWholeNumber ? .outOfRange : .wrongType) }
        return number
    }

    /// A string naming one case of an enumeration.
    func member<Named: RawRepresentable>(of type: Named.Type, _ value: JSONValue) throws(SessionDamage) -> Named
    where Named.RawValue == String {
        guard let named = Named(rawValue: try string(value)) else { throw damage(.unreadable) }
        return named
    }

}
