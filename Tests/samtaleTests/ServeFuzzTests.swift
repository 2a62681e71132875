import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `samtale serve --stdio` under a flood of bad lines from a fixed seed: every bad line gets exactly one `error` line
/// with a known code (and its id, when it could be read), the process survives to the end of input, and real
/// conversations woven in between answer exactly as they do in a fresh server that sees nothing else.
@Suite struct ServeFuzzTests {
    /// Fuzz lines in all, the huge ones included; blank ones are left out, as they get no response.
    static let fuzzLineCount = 100_000
    static let seed: UInt64 = 0x5A4D_7A1E_2026_1126
    static let now = "2026-11-26T09:00:00+01:00"
    static let tokenKey = "samtale-serve-fuzz-key"
    /// The server's default `--max-line`.
    static let maxLine = 1 << 20

    /// The sessions of the real conversations; no fuzz line names them. Three held by the server, one stateless.
    static let s1 = "00000000000000000000000001"
    static let s2 = "00000000000000000000000002"
    static let s3 = "00000000000000000000000003"
    static let s4 = "00000000000000000000000004"
    /// A stateless session of the fuzz itself: its tokens let bad lines reach the checks behind the session lookup.
    static let z = "zzzzzzzzzzzzzzzzzzzzzzzzzz"

    @Test func everyBadLineGetsOneErrorAndRealConversationsAreUntouched() throws {
        let clock = Date()
        // The stateless conversations need the tokens the server hands out, one process per step.
        let stateless = try Self.statelessConversations()
        let real = Self.realLines(stateless: stateless.lines)

        // The fuzz lines, and the order in which fuzz and real lines go in.
        var corpus = Corpus(seed: Self.seed, fixtures: stateless.fixtures)
        let specials = corpus.specials()
        var normal: [FuzzLine] = []
        while normal.count + specials.count + 1 < Self.fuzzLineCount {
            if let line = corpus.next() { normal.append(line) }
        }
        let last = corpus.hugeUnterminatedLine()
        var fuzz: [FuzzLine] = []
        var order: [Entry] = []
        var cursor = 0
        for index in real.indices {
            let target = (index + 1) * normal.count / (real.count + 1)
            while cursor < target {
                order.append(.fuzz(fuzz.count))
                fuzz.append(normal[cursor])
                cursor += 1
            }
            // Huge lines and lines at the limit go right before a real line: nothing of them may leak into it.
            if index < specials.count {
                order.append(.fuzz(fuzz.count))
                fuzz.append(specials[index])
            }
            order.append(.real(index))
        }
        for line in normal[cursor...] + specials.dropFirst(real.count) {
            order.append(.fuzz(fuzz.count))
            fuzz.append(line)
        }
        order.append(.fuzz(fuzz.count))
        fuzz.append(last)

        // The fuzz never names the real sessions (all of them begin with 25 zeros), never holds a newline and is
        // never blank.
        let zeros = Data(repeating: UInt8(ascii: "0"), count: 25)
        for line in fuzz {
            let newline = line.bytes.withUnsafeBytes { memchr($0.baseAddress!, 0x0A, $0.count) != nil }
            let named = Data(line.bytes).range(of: zeros) != nil
            let blank = !line.bytes.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
            try #require(
                !newline && !named && !blank,
                "a fuzz line with a newline, a real session or nothing: \(preview(line.bytes))")
        }
        try #require(fuzz.count >= Self.fuzzLineCount)

        var input: [UInt8] = []
        input.reserveCapacity(
            fuzz.reduce(0) { $0 + $1.bytes.count + 1 } + real.reduce(0) { $0 + $1.text.utf8.count + 1 })
        for (position, entry) in order.enumerated() {
            switch entry {
            case .fuzz(let index): input += fuzz[index].bytes
            case .real(let index): input += Array(real[index].text.utf8)
            }
            // The last line, a huge one, ends at the end of input without a newline.
            if position < order.count - 1 { input.append(0x0A) }
        }
        let generated = Date().timeIntervalSince(clock)

        // The real lines alone, through a fresh server: what each of them must answer.
        let reference = try Self.serve(Array(real.map(\.text).joined(separator: "\n").utf8) + [0x0A], timeout: 60)
        try #require(reference.status == 0, "the reference run exited with \(reference.status): \(reference.stderr)")
        let groups = try Self.groups(reference.lines, ids: real.map(\.id))
        try Self.checkReference(groups, real: real, stateless: stateless.outputs)

        // Everything through one server.
        let run = try Self.serve(input, timeout: 120)
        #expect(
            run.status == 0, "samtale serve exited with \(run.status) after \(run.lines.count) lines: \(run.stderr)")
        #expect(run.stderr.isEmpty, "standard error: \(run.stderr.prefix(2000))")
        #expect(run.endsWithNewline, "the last response line has no newline")

        var problems: [String] = []
        var tally: [String: Int] = [:]
        var out = 0
        walk: for (position, entry) in order.enumerated() {
            switch entry {
            case .fuzz(let index):
                let line = fuzz[index]
                guard out < run.lines.count else {
                    problems.append(
                        "output ends after \(out) lines; input line \(position + 1) [\(line.kind)] got no response: "
                            + preview(line.bytes))
                    break walk
                }
                let response = run.lines[out]
                out += 1
                if let issue = Self.check(response, for: line, tally: &tally) {
                    problems.append(
                        "input line \(position + 1) [\(line.kind)] \(preview(line.bytes))\n  -> \(issue.text)")
                    if issue.fatal || problems.count >= 20 { break walk }
                }
            case .real(let index):
                for expected in groups[index] {
                    guard out < run.lines.count, run.lines[out] == expected else {
                        let got = out < run.lines.count ? preview(Array(run.lines[out])) : "end of output"
                        problems.append(
                            "input line \(position + 1), real request \(real[index].id): expected\n  "
                                + preview(Array(expected)) + "\n  got\n  " + got)
                        break walk
                    }
                    out += 1
                }
            }
        }
        let expectedCount = fuzz.count + groups.reduce(0) { $0 + $1.count }
        if problems.isEmpty && out != run.lines.count {
            problems.append(
                "\(run.lines.count - out) lines more than requests call for; the first: "
                    + preview(Array(run.lines[out])))
        }
        // The same, without relying on the order: the lines that carry a real request's id are the reference's lines.
        let realMarks = Set(real.map { ",\"id\":\(jsonString($0.id))}" })
        let realResponses = run.lines.filter { line in
            let text = String(decoding: line, as: UTF8.self)
            guard let mark = text.range(of: ",\"id\":\"v", options: .backwards) else { return false }
            return realMarks.contains(String(text[mark.lowerBound...]))
        }
        let realCounts =
            "\(realResponses.count) lines with a real request's id; the reference has \(reference.lines.count)"
        #expect(realResponses == reference.lines, "\(realCounts)")
        let counts =
            "\(run.lines.count) response lines for \(fuzz.count) fuzz lines and \(expectedCount - fuzz.count) real ones"
        #expect(run.lines.count == expectedCount, "\(counts)")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")

        let inputMiB = Double(input.count) / 1_048_576
        print(
            """
            ServeFuzz: \(fuzz.count) fuzz lines and \(real.count) real requests, \(String(format: "%.1f", inputMiB)) MiB in, \
            \(run.lines.count) lines out; generated in \(String(format: "%.2f", generated)) s, served in \
            \(String(format: "%.2f", run.seconds)) s (reference \(String(format: "%.2f", reference.seconds)) s), \
            \(String(format: "%.2f", Date().timeIntervalSince(clock))) s in all; codes: \
            \(tally.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            """)
    }
}

// MARK: - Lines

extension ServeFuzzTests {
    /// Where a fuzz or a real line goes in.
    enum Entry {
        case fuzz(Int)
        case real(Int)
    }

    /// A request of one of the real conversations, with its own id.
    struct RealLine {
        let id: String
        let text: String
    }

    /// One fuzz line and what its one error line must show.
    struct FuzzLine {
        /// The id the error line must carry.
        enum Echo {
            /// No id member.
            case absent
            /// Not known in advance: an id member, if any, is a string or a number.
            case unchecked
            case string(String)
            /// A number, echoed as written.
            case number(String)
        }

        let bytes: [UInt8]
        let kind: String
        /// The one code it must give; nil: any known code.
        let code: String?
        let echo: Echo
        /// Whether the line is longer than the limit.
        let tooLong: Bool
        let validUTF8: Bool

        init(_ bytes: [UInt8], kind: String, code: String?, echo: Echo, tooLong: Bool = false) {
            self.bytes = bytes
            self.kind = kind
            self.code = code
            self.echo = echo
            self.tooLong = tooLong
            validUTF8 = String(validating: bytes, as: UTF8.self) != nil
        }
    }

    static let codes: Set<String> = [
        "invalid-json", "invalid-utf8", "line-too-long", "not-an-object", "unknown-type", "missing-field",
        "invalid-field",
        "unknown-name", "invalid-setup", "unknown-session", "session-exists", "session-finished", "invalid-token",
        "damaged-session", "cannot-save",
    ]
    /// Codes given before the request's id could be read.
    static let codesWithoutID: Set<String> = ["invalid-json", "invalid-utf8", "line-too-long", "not-an-object"]

    /// A response line as an object. Foundation refuses numbers beyond the range of a Double, which JSON's grammar
    /// allows: an id such as `1e999` comes back as it was given, so such a number at the end stands in as a number.
    static func parse(_ response: Data) -> [String: Any]? {
        if let object = (try? JSONSerialization.jsonObject(with: response)) as? [String: Any] { return object }
        let text = String(decoding: response, as: UTF8.self)
        guard
            let range = text.range(
                of: #","id":-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?\}$"#, options: .regularExpression),
            var object = (try? JSONSerialization.jsonObject(with: Data((text[..<range.lowerBound] + "}").utf8)))
                as? [String: Any]
        else { return nil }
        object["id"] = NSNumber(value: Double.infinity)
        return object
    }

    /// What is wrong with the response to a fuzz line; fatal when it is not an error line at all.
    static func check(_ response: Data, for line: FuzzLine, tally: inout [String: Int]) -> (text: String, fatal: Bool)?
    {
        let shown = preview(Array(response))
        guard let object = parse(response) else { return ("not a JSON object: \(shown)", true) }
        guard object["type"] as? String == "error" else { return ("not an error line: \(shown)", true) }
        if let code = object["code"] as? String { tally[code, default: 0] += 1 }
        guard let code = object["code"] as? String, codes.contains(code) else {
            return ("an unknown code: \(shown)", false)
        }
        guard let message = object["message"] as? String, !message.isEmpty else {
            return ("no message: \(shown)", false)
        }
        guard Set(object.keys).isSubset(of: ["type", "code", "message", "id"]) else {
            return ("other members: \(shown)", false)
        }
        if let expected = line.code, code != expected { return ("expected \(expected), got \(shown)", false) }
        if line.tooLong {
            if code != "line-too-long" { return ("expected line-too-long, got \(shown)", false) }
        } else if (code == "invalid-utf8") == line.validUTF8 {
            return ("the line is\(line.validUTF8 ? "" : " not") valid UTF-8, but got \(shown)", false)
        }
        let id = object["id"]
        if codesWithoutID.contains(code), id != nil { return ("an id with \(code): \(shown)", false) }
        switch line.echo {
        case .absent:
            if id != nil { return ("an id where none could be read: \(shown)", false) }
        case .unchecked:
            if let id, id is NSNull || id is [Any] || id is [String: Any] {
                return ("an id that is neither string nor number: \(shown)", false)
            }
        case .string(let text):
            if id as? String != text { return ("expected the id \(jsonString(text)): \(shown)", false) }
        case .number(let literal):
            if !String(decoding: response, as: UTF8.self).hasSuffix(",\"id\":\(literal)}") {
                return ("expected the id \(literal): \(shown)", false)
            }
        }
        return nil
    }
}

// MARK: - Real conversations

extension ServeFuzzTests {
    typealias Members = [(key: String, value: String)]

    /// The start of a one-to-one conversation for `role` and `theme`.
    static func start(_ session: String, role: String, theme: String, seed: Int, extra: Members = []) -> Members {
        [
            ("type", jsonString("start")), ("flow", jsonString("one-to-one")), ("role", jsonString(role)),
            ("theme", jsonString(theme)), ("session", jsonString(session)), ("seed", "\(seed)"),
        ] + extra
    }

    static func text(_ text: String) -> Members { [("text", jsonString(text))] }
    static func command(_ command: String) -> Members { [("command", jsonString(command))] }

    /// The requests of a conversation held by the server: ids `tag-0`, `tag-1`, …
    static func conversation(_ tag: String, session: String, start: Members, steps: [Members]) -> [RealLine] {
        var lines = [RealLine(id: "\(tag)-0", text: object(start + [("id", jsonString("\(tag)-0"))]))]
        for (number, step) in steps.enumerated() {
            let id = "\(tag)-\(number + 1)"
            lines.append(
                RealLine(
                    id: id,
                    text: object(
                        [("type", jsonString("input")), ("session", jsonString(session))] + step
                            + [("id", jsonString(id))])))
        }
        return lines
    }

    /// Three conversations held by the server and one stateless one, taking turns, then a look at how they ended.
    static func realLines(stateless: [RealLine]) -> [RealLine] {
        let first = conversation(
            "v1", session: s1, start: start(s1, role: "medarbejder", theme: "sammen sikrer", seed: 1),
            steps: [
                text("Kvalitet i hverdagen"), command("back"), text("Kvalitet – igen, \"citeret\""), command("skip"),
                text("Kurser og sparring"), text("Mere sparring"), text("Ann"), text("fredag"), text(""),
            ])
        let second = conversation(
            "v2", session: s2, start: start(s2, role: "leder-af-medarbejder", theme: "sammen styrker", seed: 2),
            steps: [
                command("help"), command("repeat"), text("a"), command("pause"), text("b"), command("repeat"),
                text("c"),
                command("end"), text("nej"), command("end"), text("ja"), text("efter slut"),
            ])
        let third = conversation(
            "v3", session: s3,
            start: start(
                s3, role: "chef", theme: "sammen skaber", seed: 3,
                extra: [("lang", jsonString("en"))]),
            steps: [
                text("æøå 🙂 \"q\" \\ \u{0}\t\u{2028} slut"), text("b"), command("skip"), command("back"), text("c"),
                text("d"),
                text("e"), text("f"), text(""),
            ])
        var lines: [RealLine] = []
        let turns = [first, second, third, stateless]
        for step in 0..<turns.map(\.count).max()! {
            for conversation in turns where step < conversation.count { lines.append(conversation[step]) }
        }
        let finals: [(String, [(String, String)])] = [
            ("v1-state", [("type", "state"), ("session", s1)]),
            ("v1-export", [("type", "export"), ("session", s1), ("format", "json")]),
            ("v2-state", [("type", "state"), ("session", s2)]), ("v2-export", [("type", "export"), ("session", s2)]),
            ("v3-export", [("type", "export"), ("session", s3), ("format", "json")]),
            ("v3-state", [("type", "state"), ("session", s3)]),
            ("v-sessions", [("type", "sessions")]),
        ]
        for (id, members) in finals {
            let request: Members =
                members.map { (key: $0.0, value: jsonString($0.1)) } + [(key: "id", value: jsonString(id))]
            lines.append(RealLine(id: id, text: object(request)))
        }
        return lines
    }

    /// Tokens of the stateless sessions: the real one (`s4`), and the fuzz's own (`z`), active and finished.
    struct Fixtures {
        let zToken: String
        let zFinishedToken: String
        let realTokens: [String]
    }

    /// Runs the stateless conversations step by step, each step in a process of its own, since each input carries
    /// the token of the step before: the real one's requests, what each step answered, and the tokens.
    static func statelessConversations() throws -> (lines: [RealLine], outputs: [String: [Data]], fixtures: Fixtures) {
        let realSteps: [Members] = [
            text("Arbejdsmiljø"), command("back"), text("Arbejdsmiljø – igen"), command("skip"),
            text("Trivsel"), text(""),
        ]
        let zSteps: [Members] = [command("end"), text("ja")]
        var realToken = ""
        var zToken = ""
        var lines: [RealLine] = []
        var outputs: [String: [Data]] = [:]
        var realTokens: [String] = []
        var zTokens: [String] = []
        for step in 0...realSteps.count {
            let id = "v4-\(step)"
            let zID = "z-\(step)"
            let real: String
            if step == 0 {
                real = object(
                    start(
                        s4, role: "medarbejder", theme: "sammen udvikler", seed: 4,
                        extra: [("state", jsonString("inline"))])
                        + [("id", jsonString(id))])
            } else {
                real = object(
                    [("type", jsonString("input")), ("session", jsonString(s4)), ("state", jsonString(realToken))]
                        + realSteps[step - 1] + [("id", jsonString(id))])
            }
            lines.append(RealLine(id: id, text: real))
            var requests = [real]
            if step == 0 {
                // An energizer: the smallest session, so the fuzz's tokens stay short.
                requests.append(
                    object([
                        ("type", jsonString("start")), ("flow", jsonString("energizer")),
                        ("role", jsonString("medarbejder")),
                        ("theme", jsonString("sammen sikrer")), ("session", jsonString(z)), ("seed", "9"),
                        ("state", jsonString("inline")), ("id", jsonString(zID)),
                    ]))
            } else if step <= zSteps.count {
                requests.append(
                    object(
                        [("type", jsonString("input")), ("session", jsonString(z)), ("state", jsonString(zToken))]
                            + zSteps[step - 1] + [("id", jsonString(zID))]))
            }
            let run = try serve(Array(requests.joined(separator: "\n").utf8) + [0x0A], timeout: 30)
            try #require(run.status == 0)
            var answers: [(id: String?, type: String?, state: String?)] = []
            for line in run.lines {
                let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
                answers.append((object["id"] as? String, object["type"] as? String, object["state"] as? String))
                if object["id"] as? String == id { outputs[id, default: []].append(line) }
            }
            realToken = try #require(answers.first { $0.id == id && $0.type == "state" }?.state, "no token for \(id)")
            realTokens.append(realToken)
            if requests.count > 1 {
                zToken = try #require(
                    answers.first { $0.id == zID && $0.type == "state" }?.state, "no token for \(zID)")
                zTokens.append(zToken)
            }
        }
        // The finished conversation once more: the server says it is finished.
        let again = "v4-\(realSteps.count + 1)"
        lines.append(
            RealLine(
                id: again,
                text: object([
                    ("type", jsonString("input")), ("session", jsonString(s4)),
                    ("state", jsonString(realToken)), ("text", jsonString("mere")),
                    ("id", jsonString(again)),
                ])))
        lines.append(
            RealLine(
                id: "v4-state",
                text: object([
                    ("type", jsonString("state")), ("session", jsonString(s4)),
                    ("state", jsonString(realToken)), ("id", jsonString("v4-state")),
                ])))
        return (
            lines, outputs,
            Fixtures(zToken: zTokens[0], zFinishedToken: zTokens[zTokens.count - 1], realTokens: realTokens)
        )
    }

    /// The reference output split into the lines of each real request, in order: every line carries its request's id.
    static func groups(_ lines: [Data], ids: [String]) throws -> [[Data]] {
        var groups: [[Data]] = []
        var seen: [String] = []
        for line in lines {
            let object = try #require(
                try JSONSerialization.jsonObject(with: line) as? [String: Any], "not JSON: \(preview(Array(line)))")
            let id = try #require(object["id"] as? String, "a reference line without its id: \(preview(Array(line)))")
            if id != seen.last {
                groups.append([])
                seen.append(id)
            }
            groups[groups.count - 1].append(line)
        }
        try #require(seen == ids, "the reference run answered the requests \(seen), not \(ids)")
        return groups
    }

    /// The reference run did what the conversations are for: each ran to its end, and the stateless one answered in one
    /// process exactly as step by step, tokens and all.
    static func checkReference(_ groups: [[Data]], real: [RealLine], stateless: [String: [Data]]) throws {
        var finished: Set<String> = []
        var types: [String: [String]] = [:]
        for (index, group) in groups.enumerated() {
            for line in group {
                let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
                let type = object["type"] as? String ?? ""
                types[real[index].id, default: []].append(type)
                if type == "finished", let session = object["session"] as? String { finished.insert(session) }
            }
            if let steps = stateless[real[index].id] {
                #expect(group == steps, "\(real[index].id) differs between processes")
            }
        }
        #expect(finished == [s1, s2, s3, s4], "finished: \(finished.sorted())")
        #expect(
            types["v1-2"] == ["ask"] && types["v1-4"] == ["ask"],
            "back and skip: \(types["v1-2"] ?? []), \(types["v1-4"] ?? [])")
        #expect(types["v2-12"] == ["error"] && types["v4-7"] == ["error"], "input after the end")
        #expect(types["v4-0"]?.last == "state" && types["v4-6"]?.suffix(3) == ["summary", "finished", "state"])
        let sessions = try #require(
            try JSONSerialization.jsonObject(with: groups[groups.count - 1][0]) as? [String: Any])
        let rows = try #require(sessions["sessions"] as? [[String: Any]])
        #expect(
            rows.map { $0["id"] as? String } == [s1, s2, s3]
                && rows.allSatisfy { $0["status"] as? String == "finished" })
    }
}

// MARK: - The fuzz

extension ServeFuzzTests {
    /// SplitMix64, written out here so that the corpus stays the same whatever the standard library does.
    struct Random {
        private var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }

        /// 0..<bound.
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func oneIn(_ count: Int) -> Bool { below(count) == 0 }
        mutating func pick<Element>(_ elements: [Element]) -> Element { elements[below(elements.count)] }

        /// Any byte but a newline.
        mutating func byte() -> UInt8 {
            let byte = UInt8(truncatingIfNeeded: next())
            return byte == 0x0A ? 0x0B : byte
        }
    }

    /// One way to make a request wrong: from a base request, set (or, with nil, remove) members.
    struct Wrong {
        enum Base: CaseIterable {
            case start, startEnergizer, input, inputZ, inputZFinished, state, stateZ, export, exportZ, delete, list,
                prompt, hello, sessions
        }

        let base: Base
        let changes: Members
        let removals: [String]
        let code: String
    }

    /// Stands for a fresh session id of the fuzz in a change.
    static let fuzzSessionMark = "$FUZZ"

    /// Every wrong request with the one code it must give. Each base is valid or fails for want of a session;
    /// each change alone makes it fail in a known way.
    static func wrongs() -> [Wrong] {
        var all: [Wrong] = []
        func add(_ base: Wrong.Base, _ key: String, _ values: [String?], _ code: String) {
            for value in values {
                all.append(
                    Wrong(
                        base: base, changes: value.map { [(key, $0)] } ?? [], removals: value == nil ? [key] : [],
                        code: code))
            }
        }
        func addChanges(_ base: Wrong.Base, _ changes: Members, removing: [String] = [], _ code: String) {
            all.append(Wrong(base: base, changes: changes, removals: removing, code: code))
        }
        let badSessions = [
            "5", "{}", "[]", "true", "1.5", "\"short\"", "\"ZZZZZZZZZZZZZZZZZZZZZZZZZZ\"",
            "\"zzzzzzzzzzzzzzzzzzzzzzzzzzz\"", "\"zzzzzzzzzzzzzzzzzzzzzzzzz\"", "\"zzzzzzzzzzzzzzzzzzzzzzzzzi\"",
            "\"zzzzzzzzzzzzzzzzzzzzzzzzzu\"", "\"zzzzzzzzzzzzzzzzzzzzzzzz-z\"", "\"\"", "\"../../etc/passwd\"",
            "\"zzzzzzzzzzzzzzzzzzzzzzzzz\\u0000\"", "\"zzzzzzzzzzzzzzzzzzzzzzzzzæ\"",
        ]
        // Type and id are read before anything else: the bases with tokens would only make the lines longer.
        for base in Wrong.Base.allCases where ![.inputZ, .inputZFinished, .stateZ, .exportZ].contains(base) {
            add(base, "type", ["5", "{}", "[]", "true", "null", "[\"start\"]", "-0"], "invalid-field")
            add(base, "type", ["\"Start\"", "\"start \"", "\"\"", "\"Hello\"", "\"sessions\\u0000\""], "unknown-type")
            add(base, "type", [nil], "missing-field")
            add(base, "id", ["{}", "[]", "true", "false", "null", "[1]", "{\"id\":1}"], "invalid-field")
        }
        for base in [Wrong.Base.input, .state, .export, .delete, .start] {
            add(base, "session", badSessions, "invalid-field")
        }
        for base in [Wrong.Base.input, .state, .export, .delete] {
            add(base, "session", ["null", nil], "missing-field")
            addChanges(base, [], "unknown-session")
        }
        for base in [Wrong.Base.input, .state, .export, .start] {
            add(base, "state", ["5", "{}", "[]", "true", "[\"inline\"]"], "invalid-field")
        }
        for base in [Wrong.Base.input, .state, .export] {
            add(base, "state", ["null"], "unknown-session")
            // "inline" starts a stateless session; any other request needs the token itself.
            add(base, "state", ["\"inline\""], "invalid-field")
        }
        // start, for a session of the fuzz that does not exist: it would start, but for the one wrong member.
        add(.start, "flow", ["5", "{}", "[\"one-to-one\"]", "true"], "invalid-field")
        add(
            .start, "flow", ["\"zz-no-such-flow\"", "\"\"", "\"s\"", "\"one-to-one-x\"", "\"One-to-one \""],
            "unknown-name")
        add(.start, "flow", ["null", nil], "missing-field")
        add(.start, "deck", ["5", "{}", "[]", "false"], "invalid-field")
        add(.start, "deck", ["\"zz-no-such-deck\"", "\"\""], "unknown-name")
        add(.start, "role", ["5", "{}", "true", "[5]", "[\"medarbejder\",null]"], "invalid-field")
        add(.start, "role", ["\"zz-no-such-role\"", "[\"zz\"]", "\"medarbejder,zz\""], "unknown-name")
        add(.start, "role", ["[]", "null", nil, "\" , \""], "missing-field")
        add(.start, "theme", ["5", "{}", "true", "[{}]"], "invalid-field")
        add(.start, "theme", ["\"zz-no-such-theme\"", "[\"sammen sikrer\",\"zz\"]"], "unknown-name")
        add(.start, "participants", ["5", "{}", "true", "[1]", "[[\"Ann\"]]"], "invalid-field")
        add(.start, "lang", ["5", "\"xx\"", "\"DA\"", "[]", "\"\""], "invalid-field")
        add(.start, "targetGroup", ["5", "{}", "[]", "true"], "invalid-field")
        add(.start, "minutes", ["\"5\"", "1.5", "{}", "true", "99999999999999999999", "1e2"], "invalid-field")
        // The seed is read where the flow picks questions at random: an energizer's.
        add(
            .startEnergizer, "seed", ["\"1\"", "-1", "1.5", "1e3", "{}", "true", "18446744073709551616", "[1]"],
            "invalid-field")
        add(.startEnergizer, "flow", ["\"energizerx\""], "unknown-name")
        add(.start, "record", ["\"yes\"", "1", "{}", "[]"], "invalid-field")
        add(.start, "session", ["null"], "missing-field")
        // input, with a valid token of the fuzz's own stateless session: the checks behind the session lookup.
        addChanges(.inputZ, [("type", "\"Input\"")], "unknown-type")
        add(.inputZ, "text", ["5", "[]", "{}", "true", "[\"x\"]", "-1e5"], "invalid-field")
        add(.inputZ, "text", ["null", nil], "missing-field")
        for command in [
            "\"fly\"", "5", "\"BACK\"", "\"\"", "\"back \"", "[\"back\"]", "{}", "\"/back\"", "\"tilbage\"",
        ] {
            addChanges(.inputZ, [("command", command)], removing: ["text"], "invalid-field")
        }
        addChanges(.inputZ, [("command", "\"back\"")], "invalid-field")
        addChanges(.inputZ, [("text", "null"), ("command", "null")], "missing-field")
        add(.inputZ, "state", ["\"inline\""], "invalid-field")
        add(
            .inputZ, "state", ["\"\"", "\"v1.\"", "\"v1..\"", "\"v2.e30.AAAA\"", "\"inline \"", "\"INLINE\""],
            "invalid-token")
        for base in [Wrong.Base.inputZ, .inputZFinished, .stateZ, .exportZ] {
            add(base, "session", [fuzzSessionMark], "invalid-token")
        }
        addChanges(.inputZFinished, [], "session-finished")
        addChanges(.inputZFinished, [("command", "\"back\"")], removing: ["text"], "session-finished")
        addChanges(.inputZFinished, [("command", "\"end\"")], removing: ["text"], "session-finished")
        add(.exportZ, "format", ["\"pdf\"", "5", "\"JSON\"", "{}", "\"\""], "invalid-field")
        add(.list, "what", ["5", "\"Themes\"", "\"\"", "{}", "[\"themes\"]", "\"theme\""], "invalid-field")
        add(.list, "what", ["null", nil], "missing-field")
        add(.list, "deck", ["5", "{}", "true"], "invalid-field")
        add(.list, "deck", ["\"zz-no-such-deck\""], "unknown-name")
        add(.prompt, "deck", ["5", "{}"], "invalid-field")
        add(.prompt, "deck", ["\"zz-no-such-deck\""], "unknown-name")
        add(.prompt, "role", ["5", "[]"], "invalid-field")
        add(.prompt, "role", ["\"zz-no-such-role\""], "unknown-name")
        add(.prompt, "theme", ["{}", "true"], "invalid-field")
        add(.prompt, "theme", ["\"zz-no-such-theme\""], "unknown-name")
        add(.prompt, "for", ["\"x\"", "5"], "invalid-field")
        add(.prompt, "date", ["\"2026-02-30\"", "\"x\"", "5", "\"2026-1-1\"", "\"\""], "invalid-field")
        add(.prompt, "holidays", ["\"se\"", "5", "\"DK\""], "invalid-field")
        add(.prompt, "skipWeekends", ["\"yes\"", "1"], "invalid-field")
        add(.prompt, "seed", ["\"1\"", "-1", "0.5"], "invalid-field")
        add(.prompt, "random", ["\"yes\"", "0"], "invalid-field")
        add(.prompt, "targetGroup", ["5", "{}"], "invalid-field")
        return all
    }

    /// The generator of fuzz lines.
    struct Corpus {
        var random: Random
        let fixtures: Fixtures
        let wrongs = ServeFuzzTests.wrongs()
        var serial = 0

        init(seed: UInt64, fixtures: Fixtures) {
            random = Random(seed: seed)
            self.fixtures = fixtures
        }

        static let sessionAlphabet = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)
        static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        /// The bases without a token, for lines that need none.
        static let plainBases: [Wrong.Base] = [
            .start, .startEnergizer, .input, .state, .export, .delete, .list, .prompt, .hello, .sessions,
        ]
        /// Bases that succeed as they are.
        static let succeeding: [Wrong.Base] = [.hello, .sessions, .list, .prompt]
        static let types: Set<String> = [
            "hello", "list", "prompt", "start", "input", "state", "export", "sessions", "delete",
        ]

        /// A session id of the fuzz: eight z's then random, so it is far from the real ones and from `z`.
        mutating func fuzzSession() -> String {
            var bytes = Array("zzzzzzzz".utf8)
            for _ in 0..<18 { bytes.append(random.pick(Self.sessionAlphabet)) }
            return String(decoding: bytes, as: UTF8.self)
        }

        static let words = [
            "ja", "nej", "Kvalitet", "æøå", "🙂", "\"citat\"", "a\\b", "\u{0}", "\t", "日本語", "\u{2028}", "x", "",
            "/back", "ja ja", "\u{7F}",
        ]

        mutating func answer() -> String {
            (0..<random.below(4)).map { _ in random.pick(Self.words) }.joined(separator: " ")
        }

        /// A request id, as JSON, and how it comes back.
        mutating func requestID() -> (json: String, echo: FuzzLine.Echo) {
            serial += 1
            switch random.below(12) {
            case 0:
                let number = "\(random.below(2_000_001) - 1_000_000)"
                return (number, .number(number))
            case 1:
                let literal = random.pick([
                    "0", "-0", "1.5", "-12.5e-3", "1E+2", "3e0", "0.000001", "123456789012345678901234567890",
                    "1e999", "-1E+400", "1e-999",
                ])
                return (literal, .number(literal))
            case 2:
                let text = random.pick(["", "æøå", "\"q\"", "\\", "\u{1}\u{1F}", "🙂 x", "\u{2028}", "f\u{0}0", "{}"])
                return (jsonString(text), .string(text))
            default:
                return (jsonString("f\(serial)"), .string("f\(serial)"))
            }
        }

        /// A token (only base64url digits and dots) as a JSON string.
        static func quoted(_ token: String) -> String { "\"" + token + "\"" }

        func token(_ base: Wrong.Base) -> String {
            Self.quoted(base == .inputZFinished ? fixtures.zFinishedToken : fixtures.zToken)
        }

        mutating func members(_ base: Wrong.Base) -> Members {
            let z = jsonString(ServeFuzzTests.z)
            switch base {
            case .start:
                return start(fuzzSession(), role: "medarbejder", theme: "sammen sikrer", seed: random.below(100))
            case .startEnergizer:
                return [
                    ("type", "\"start\""), ("flow", "\"energizer\""), ("role", "\"medarbejder\""),
                    ("theme", "\"sammen sikrer\""),
                    ("session", jsonString(fuzzSession())), ("seed", "\(random.below(100))"),
                ]
            case .input:
                return [("type", "\"input\""), ("session", jsonString(fuzzSession()))]
                    + (random.oneIn(2)
                        ? text(answer()) : command(random.pick(["back", "skip", "repeat", "pause", "help", "end"])))
            case .inputZ, .inputZFinished:
                return [("type", "\"input\""), ("session", z), ("state", token(base)), ("text", jsonString(answer()))]
            case .state: return [("type", "\"state\""), ("session", jsonString(fuzzSession()))]
            case .stateZ: return [("type", "\"state\""), ("session", z), ("state", token(base))]
            case .export:
                return [
                    ("type", "\"export\""), ("session", jsonString(fuzzSession())),
                    ("format", random.pick(["\"json\"", "\"markdown\""])),
                ]
            case .exportZ:
                return [("type", "\"export\""), ("session", z), ("state", token(base)), ("format", "\"json\"")]
            case .delete: return [("type", "\"delete\""), ("session", jsonString(fuzzSession()))]
            case .list: return [("type", "\"list\""), ("what", random.pick(["\"themes\"", "\"roles\"", "\"decks\""]))]
            case .prompt: return [("type", "\"prompt\"")]
            case .hello: return [("type", "\"hello\"")]
            case .sessions: return [("type", "\"sessions\"")]
            }
        }

        /// The members as a JSON object, now and then with whitespace JSON allows (space, tab, carriage return).
        mutating func render(_ members: Members) -> String {
            guard random.oneIn(5) else { return object(members) }
            var spaces: [String] = []
            for _ in 0..<(members.count * 4 + 2) { spaces.append(random.pick(["", " ", "\t", "\r", "  ", " \t\r "])) }
            var text = spaces[0] + "{"
            for (index, member) in members.enumerated() {
                if index > 0 { text += "," }
                text +=
                    spaces[4 * index + 1] + jsonString(member.key) + spaces[4 * index + 2] + ":" + spaces[4 * index + 3]
                    + member.value + spaces[4 * index + 4]
            }
            return text + "}" + spaces[spaces.count - 1]
        }

        /// The members with a random id in a random place; the id's echo.
        mutating func withID(_ members: Members) -> (Members, FuzzLine.Echo) {
            let id = requestID()
            var members = members
            members.insert(("id", id.json), at: random.below(members.count + 1))
            return (members, id.echo)
        }

        mutating func line(_ members: Members, kind: String, code: String?) -> FuzzLine {
            let (members, echo) = withID(members)
            return FuzzLine(
                Array(render(members).utf8), kind: kind, code: code,
                echo: code.map(ServeFuzzTests.codesWithoutID.contains) == true ? .absent : echo)
        }

        /// The next fuzz line; nil when it came out blank.
        mutating func next() -> FuzzLine? {
            let line: FuzzLine
            switch random.below(1000) {
            case ..<200: line = randomBytes()
            case ..<500: line = mutated()
            case ..<600: line = truncated()
            case ..<755: line = wrong()
            case ..<790: line = unknownType()
            case ..<825: line = notAnObject()
            case ..<860: line = badToken()
            case ..<890: line = invalidUTF8()
            case ..<920: line = badSyntax()
            case ..<950: line = concatenated()
            case ..<970: line = nested()
            default: line = controlCharacters()
            }
            return line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) ? nil : line
        }

        // MARK: Kinds

        mutating func randomBytes() -> FuzzLine {
            let count = random.oneIn(50) ? 1 + random.below(4000) : 1 + random.below(200)
            let jsonish = Array("{}[]\":,\\ 0123456789.-+eEtrufalsn\"\"\"typeinputsession".utf8)
            let mode = random.below(5)
            var bytes: [UInt8] = mode == 4 ? Array("{\"type\":\"".utf8) : []
            while bytes.count < count {
                switch mode {
                case 0: bytes.append(random.byte())
                case 1, 4: bytes.append(random.pick(jsonish))
                case 2: bytes.append(UInt8(0x20 + random.below(0x5F)))
                default:
                    if random.oneIn(4) {
                        bytes.append(random.byte())
                    } else {
                        let scalar = random.pick([
                            "æ", "ø", "€", "🙂", "\u{FFFD}", "\u{10FFFF}", "a", "\u{0}", "\u{7FF}", "\u{800}",
                        ])
                        bytes += Array(scalar.utf8)
                    }
                }
            }
            return FuzzLine(bytes, kind: "random bytes", code: nil, echo: .unchecked)
        }

        /// Requests that fail in their valid form, whatever the session of the fuzz: bases for blind mutation.
        /// None of them is a byte or two away from success: their sessions are far from every real one.
        mutating func safeBase() -> [UInt8] {
            let members: Members
            switch random.below(40) {
            case 0:
                members = [
                    ("type", jsonString(random.pick(["input", "state", "export"]))),
                    ("session", jsonString(fuzzSession())),
                    ("state", Self.quoted(random.pick(fixtures.realTokens))), ("text", jsonString(answer())),
                ]
            case 1:
                members = [
                    ("type", "\"delete\""), ("session", jsonString(fuzzSession())),
                    ("state", Self.quoted(fixtures.zToken)),
                ]
            case 2..<8:
                members = [
                    ("type", "\"start\""), ("flow", "\"zqxv-no-such-flow\""), ("role", "\"zq-no-such-role\""),
                    ("theme", "\"zq-no-such-theme\""), ("session", "\"NOT-A-SESSION-ID\""), ("seed", "-1"),
                    ("minutes", "\"x\""),
                ]
            case 8..<14: members = [("type", jsonString(unknownTypeName())), ("session", jsonString(fuzzSession()))]
            case 14..<20:
                members = [
                    ("type", "\"input\""), ("session", jsonString(fuzzSession())), ("state", "\"inline\""),
                    ("command", "\"back\""),
                ]
            default: members = self.members(random.pick([.input, .state, .export, .delete]))
            }
            return Array(render(withID(members).0).utf8)
        }

        static let insertions =
            [
                "{", "}", "[", "]", "\"", ",", ":", "\\", "\\u", "null", "true", "-", "0", "1e9", "\u{0}", " ", "\t",
                "\r", "é", "🙂", "\\ud800", "{}", "[]",
            ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0x80]]
        static let replacements = Array("{}[]\":,\\ 0aze".utf8)

        mutating func mutated() -> FuzzLine {
            var bytes = safeBase()
            for _ in 0...random.below(4) where !bytes.isEmpty {
                let at = random.below(bytes.count)
                switch random.below(7) {
                case 0: bytes[at] = random.byte()
                case 1: bytes[at] = random.pick(Self.replacements)
                case 2:
                    bytes[at] ^= UInt8(1 << random.below(8))
                    if bytes[at] == 0x0A { bytes[at] = 0x0B }
                case 3: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(8)))
                case 4: bytes.insert(contentsOf: random.pick(Self.insertions), at: at)
                case 5:
                    let end = min(bytes.count, at + 1 + random.below(16))
                    bytes.insert(contentsOf: Array(bytes[at..<end]), at: random.below(bytes.count + 1))
                default: bytes.swapAt(at, random.below(bytes.count))
                }
            }
            return FuzzLine(bytes, kind: "mutated", code: nil, echo: .unchecked)
        }

        /// A valid request cut short before its closing brace: never complete JSON.
        mutating func truncated() -> FuzzLine {
            let members: Members
            switch random.below(12) {
            case 0: members = self.members(random.pick([.inputZ, .stateZ, .exportZ]))
            case 1, 2, 3: members = self.members(random.pick([.start, .hello, .list, .prompt, .sessions]))
            case 4:
                members = [
                    ("type", "\"input\""), ("session", jsonString(fuzzSession())),
                    ("text", jsonString("æøå🙂日本語 – \"ja\"")),
                ]
            default: members = self.members(random.pick(Self.plainBases))
            }
            let bytes = Array(render(withID(members).0).utf8)
            let brace = bytes.lastIndex(of: UInt8(ascii: "}"))!
            let cut = Array(bytes[..<random.below(brace + 1)])
            let valid = String(validating: cut, as: UTF8.self) != nil
            return FuzzLine(cut, kind: "truncated", code: valid ? "invalid-json" : "invalid-utf8", echo: .absent)
        }

        mutating func wrong() -> FuzzLine {
            let wrong = random.pick(wrongs)
            var members = self.members(wrong.base).filter { !wrong.removals.contains($0.key) }
            for (key, value) in wrong.changes {
                let value = value == ServeFuzzTests.fuzzSessionMark ? jsonString(fuzzSession()) : value
                if let index = members.firstIndex(where: { $0.key == key }) {
                    members[index].value = value
                } else {
                    members.append((key, value))
                }
            }
            if wrong.changes.contains(where: { $0.key == "id" }) {
                return FuzzLine(
                    Array(render(members).utf8), kind: "wrong \(wrong.base)", code: wrong.code, echo: .absent)
            }
            return line(members, kind: "wrong \(wrong.base)", code: wrong.code)
        }

        mutating func unknownTypeName() -> String {
            let near = [
                "Hello", "HELLO", "hello ", " hello", "helo", "inputs", "start\u{0}", "stat", "exports", "delete!",
                "ping",
                "null", "list\u{200B}", "ｈｅｌｌｏ", "hеllo", "💬", "sessions\t", "prompt\n", "Input", "STATE", "sessio",
                "start\u{301}", "\u{FEFF}hello", "h\\u0065llo",
            ]
            var name = random.pick(near)
            if random.oneIn(3) {
                name = String(
                    (0..<(1 + random.below(12))).map { _ in random.pick(Array("abcdefghijklmnopqrstuvwxyzæ-_ ")) })
            }
            return Self.types.contains(name) ? name + "x" : name
        }

        mutating func unknownType() -> FuzzLine {
            var members: Members = [("type", jsonString(unknownTypeName()))]
            if random.oneIn(2) { members.append(("session", jsonString(fuzzSession()))) }
            if random.oneIn(3) { members.append(("text", jsonString(answer()))) }
            return line(members, kind: "unknown type", code: "unknown-type")
        }

        mutating func notAnObject() -> FuzzLine {
            let values = [
                "1", "-0.5e10", "\"text\"", "\"{\\\"type\\\":\\\"hello\\\"}\"", "[]", "[{\"type\":\"hello\"}]", "true",
                "false",
                "null", "1e99999", " [ ] ", "\t\"x\"\r", "[[[[]]]]", "\"\"", "0",
                "[{\"type\":\"delete\",\"session\":\"\(fuzzSession())\"}]",
            ]
            return FuzzLine(
                Array(random.pick(values).utf8), kind: "not an object", code: "not-an-object", echo: .absent)
        }

        /// Tokens altered, cut, swapped or given for another session.
        mutating func badToken() -> FuzzLine {
            var session = ServeFuzzTests.z
            let token = random.oneIn(4) ? fixtures.zFinishedToken : fixtures.zToken
            let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let other = random.pick(fixtures.realTokens).split(separator: ".", omittingEmptySubsequences: false).map(
                String.init)
            var bytes = Array(token.utf8)
            var suffix = ""
            switch random.below(12) {
            case 0, 1, 2:
                var at = 3 + random.below(bytes.count - 3)
                if bytes[at] == UInt8(ascii: ".") { at -= 1 }
                var replacement = random.pick(Self.base64Alphabet)
                while replacement == bytes[at] { replacement = random.pick(Self.base64Alphabet) }
                bytes[at] = replacement
            case 3: bytes.remove(at: 3 + random.below(bytes.count - 3))
            case 4: bytes.insert(random.pick(Self.base64Alphabet), at: 3 + random.below(bytes.count - 3))
            case 5: bytes.removeSubrange(random.below(bytes.count)...)
            case 6: suffix = random.pick(["A", "=", "==", ".", " ", "\\u0000"])
            case 7: bytes = Array((random.pick(["v1.", "V2.", "v2,", "v2", ""]) + token.dropFirst(3)).utf8)
            // v2.EXPIRY.PAYLOAD.SIGNATURE: parts swapped or taken from another token, or the expiry moved.
            case 8: bytes = Array([parts[0], parts[1], parts[3], parts[2]].joined(separator: ".").utf8)
            case 9:
                bytes = Array(
                    [
                        parts[0], random.pick([parts[1] + "0", "9" + parts[1], String(parts[1].dropLast()) + "1"]),
                        parts[2], parts[3],
                    ].joined(separator: ".").utf8)
            case 10: bytes = Array([parts[0], parts[1], other[2], parts[3]].joined(separator: ".").utf8)
            default:
                // A sound token, for another session.
                session = fuzzSession()
                bytes = Array((random.oneIn(2) ? random.pick(fixtures.realTokens) : fixtures.zToken).utf8)
            }
            var members: Members
            switch random.below(4) {
            case 0: members = [("type", "\"state\"")]
            case 1: members = [("type", "\"export\"")]
            default: members = [("type", "\"input\"")] + (random.oneIn(2) ? text(answer()) : command("back"))
            }
            members += [
                ("session", jsonString(session)),
                ("state", "\"" + String(decoding: bytes, as: UTF8.self) + suffix + "\""),
            ]
            return line(members, kind: "bad token", code: "invalid-token")
        }

        static let illFormed: [[UInt8]] = [
            [0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80],
            [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFC, 0x84, 0x80, 0x80, 0x80, 0x80], [0xFE], [0xFF],
            [0xE2, 0x82], [0xF0, 0x9F, 0x99], [0xC3], [0xC3, 0x28], [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x82],
        ]

        /// A request that succeeds as it is, now and then one that reaches a session through its token.
        mutating func succeeding() -> Members {
            members(random.oneIn(4) ? random.pick([.inputZ, .stateZ]) : random.pick(Self.succeeding))
        }

        /// Ill-formed UTF-8 inside a request that would succeed with sound bytes.
        mutating func invalidUTF8() -> FuzzLine {
            let mark = "MARK-\(serial)"
            var members = succeeding()
            switch random.below(3) {
            case 0: members.append(("note", jsonString("ja " + mark + " nej")))
            case 1: members.append((mark, "1"))
            default: members.insert(("note", jsonString(mark)), at: random.below(members.count + 1))
            }
            var bytes = Array(render(withID(members).0).utf8)
            let range = bytes.firstRange(of: Array(mark.utf8))!
            bytes.replaceSubrange(range, with: random.pick(Self.illFormed))
            return FuzzLine(bytes, kind: "invalid UTF-8", code: "invalid-utf8", echo: .absent)
        }

        static let badValues = [
            "01", "1.", ".5", "+1", "-", "1e", "1e+", "NaN", "Infinity", "tru", "nul", "0x10", "1_0", "'a'", "-01",
            "1.e5", "[1,]", "{\"a\":1,}", "{a:1}", "/*c*/1", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00x\"",
            "\"\\ud800\\u0041\"", "\"a\tb\"", "\"\\u00G0\"", "\"\\'\"", "[1 2]", "{\"a\" 1}", "{\"a\":}", "TRUE",
            "\"\\U0041\"", "--1", "1e5.5", "[", "{", "]", "\u{A0}1", "1\u{2003}",
        ]

        /// JSON a strict parser refuses, in a request that would succeed if it were let through.
        mutating func badSyntax() -> FuzzLine {
            var members = succeeding()
            members.insert(("n", random.pick(Self.badValues)), at: random.below(members.count + 1))
            let bytes = Array(render(withID(members).0).utf8)
            return FuzzLine(bytes, kind: "bad syntax", code: "invalid-json", echo: .absent)
        }

        /// Two requests on one line, or one with something before or after it.
        mutating func concatenated() -> FuzzLine {
            let first = render(
                self.members(
                    random.oneIn(6) ? .inputZ : random.pick([.start, .hello, .sessions, .delete, .list, .prompt])))
            let text: String
            switch random.below(3) {
            case 0:
                text =
                    first + random.pick(["", " ", ",", "\t", ";", "\r"])
                    + object(self.members(random.pick([.hello, .sessions, .start])))
            case 1:
                text =
                    first
                    + random.pick([
                        "x", "}", "]", "\u{0}", "\u{0C}", "\u{0B}", "//", "#", "{", "\u{A0}", "\u{2028}", "\u{85}",
                    ])
            default: text = random.pick(["x", ",", "\u{0C}", "\u{0}", "\u{A0}", "\u{3000}", "]", "\u{200B}"]) + first
            }
            return FuzzLine(Array(text.utf8), kind: "concatenated", code: "invalid-json", echo: .absent)
        }

        /// Deep nesting, around the parser's limit of 512 levels and far beyond it.
        mutating func nested() -> FuzzLine {
            let limit = 512
            if random.oneIn(20) {
                let depth = 10_000
                let text: String
                switch random.below(4) {
                case 0: text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
                case 1: text = String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
                case 2: text = String(repeating: "[", count: depth)
                default: text = "{\"type\":\"input\",\"text\":" + String(repeating: "[{\"a\":", count: depth / 2)
                }
                return FuzzLine(Array(text.utf8), kind: "nested \(depth)", code: "invalid-json", echo: .absent)
            }
            let depth = random.pick([100, limit - 1, limit, limit + 1, limit + 2, 600, 1000])
            switch random.below(3) {
            case 0:
                let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
                return FuzzLine(
                    Array(text.utf8), kind: "nested arrays \(depth)",
                    code: depth <= limit ? "not-an-object" : "invalid-json",
                    echo: .absent)
            case 1:
                let id = requestID()
                let text =
                    "{\"id\":\(id.json),\"a\":" + String(repeating: "{\"a\":", count: depth - 1) + "1"
                    + String(repeating: "}", count: depth)
                return FuzzLine(
                    Array(text.utf8), kind: "nested objects \(depth)",
                    code: depth <= limit ? "missing-field" : "invalid-json",
                    echo: depth <= limit ? id.echo : .absent)
            default:
                // The request object is one level; the text's arrays the rest.
                var members = self.members(.inputZ)
                members[members.count - 1].value =
                    String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1)
                let (identified, echo) = withID(members)
                return FuzzLine(
                    Array(object(identified).utf8), kind: "nested text \(depth)",
                    code: depth <= limit ? "invalid-field" : "invalid-json",
                    echo: depth <= limit ? echo : .absent)
            }
        }

        /// Control characters where JSON has no room for them, in a request that would succeed without them.
        static let controls = (0..<0x20).filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }.map(UInt8.init)

        mutating func controlCharacters() -> FuzzLine {
            if random.oneIn(4) {
                var bytes: [UInt8] = []
                for _ in 0...random.below(6) {
                    bytes.append(random.oneIn(2) ? random.pick(Self.controls) : random.pick([0x20, 0x09, 0x0D]))
                }
                if !bytes.contains(where: Self.controls.contains) { bytes.append(random.pick(Self.controls)) }
                return FuzzLine(bytes, kind: "control characters", code: "invalid-json", echo: .absent)
            }
            var bytes = Array(render(withID(random.oneIn(3) ? members(.start) : succeeding()).0).utf8)
            for _ in 0...random.below(3) {
                // Between characters, not inside one.
                var at = random.below(bytes.count + 1)
                while at < bytes.count && bytes[at] & 0xC0 == 0x80 { at += 1 }
                bytes.insert(random.pick(Self.controls), at: at)
            }
            return FuzzLine(bytes, kind: "control characters", code: "invalid-json", echo: .absent)
        }

        // MARK: Specials

        /// Huge lines and lines at the limit, each placed right before a real request.
        mutating func specials() -> [FuzzLine] {
            let limit = ServeFuzzTests.maxLine
            var lines: [FuzzLine] = []
            // A request with a 2 MiB answer, for a session of the fuzz.
            let answer = String(repeating: "svar ", count: (2 * limit) / 5)
            lines.append(
                FuzzLine(
                    Array(
                        object([
                            ("type", "\"input\""), ("session", jsonString(fuzzSession())), ("text", jsonString(answer)),
                        ]).utf8),
                    kind: "huge request", code: "line-too-long", echo: .absent, tooLong: true))
            // Exactly at the limit: read and answered; one byte more: dropped.
            for extra in [0, 1] {
                let id = "f-limit-\(extra)"
                let base: Members = [
                    ("type", "\"input\""), ("session", jsonString(fuzzSession())), ("id", jsonString(id)),
                ]
                let padding = limit + extra - object(base + [("text", "\"\"")]).utf8.count
                let bytes = Array(object(base + [("text", jsonString(String(repeating: "x", count: padding)))]).utf8)
                precondition(bytes.count == limit + extra)
                lines.append(
                    FuzzLine(
                        bytes, kind: "\(bytes.count) bytes", code: extra == 0 ? "unknown-session" : "line-too-long",
                        echo: extra == 0 ? .string(id) : .absent, tooLong: extra > 0))
            }
            // 3 MiB of random bytes, and 2.5 MiB of opening brackets.
            let noise = repeated(block: (0..<65_536).map { _ in random.byte() }, count: 3 * limit)
            lines.append(
                FuzzLine(noise, kind: "huge random bytes", code: "line-too-long", echo: .absent, tooLong: true))
            lines.append(
                FuzzLine(
                    [UInt8](repeating: UInt8(ascii: "["), count: 5 * limit / 2), kind: "huge nesting",
                    code: "line-too-long", echo: .absent, tooLong: true))
            // Right at the limit, with sound JSON that would succeed were it not a byte too long.
            let hello = Array("{\"type\":\"hello\"}".utf8)
            lines.append(
                FuzzLine(
                    hello + [UInt8](repeating: 0x20, count: limit + 1 - hello.count), kind: "padded hello",
                    code: "line-too-long", echo: .absent, tooLong: true))
            return lines
        }

        /// The last line: 2 MiB and no newline before the end of input.
        mutating func hugeUnterminatedLine() -> FuzzLine {
            let alphabet = Array("{}[]\"ab ".utf8)
            let block = (0..<65_536).map { _ in random.pick(alphabet) }
            return FuzzLine(
                repeated(block: block, count: 2 * ServeFuzzTests.maxLine + random.below(1000)),
                kind: "huge last line", code: "line-too-long", echo: .absent, tooLong: true)
        }

        /// `count` bytes: the block over and over.
        func repeated(block: [UInt8], count: Int) -> [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(count)
            while bytes.count < count { bytes += block.prefix(count - bytes.count) }
            return bytes
        }
    }
}

// MARK: - Running the server

extension ServeFuzzTests {
    struct ServeRun {
        let status: Int32
        let lines: [Data]
        let endsWithNewline: Bool
        let stderr: String
        let seconds: Double
    }

    struct TimedOut: Error, CustomStringConvertible {
        let seconds: Double
        var description: String { "samtale serve still ran after \(seconds) s and was killed" }
    }

    /// `samtale serve --stdio --ephemeral` with the input on standard input, fixed time and token key, killed after
    /// `timeout` seconds.
    static func serve(_ input: [UInt8], timeout: Double) throws -> ServeRun {
        let folder = try Samtale.temporaryFolder()
        defer { TemporaryFolders.remove(folder) }
        let inputFile = folder.appendingPathComponent("input")
        let outputFile = folder.appendingPathComponent("output")
        let errorFile = folder.appendingPathComponent("errors")
        try Data(input).write(to: inputFile)
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let state = folder.appendingPathComponent("state").path
        let process = TestProcess.make(
            Samtale.binary, ["serve", "--stdio", "--ephemeral"], home: folder,
            environment: [
                "SAMTALE_NOW": now, "SAMTALE_TOKEN_KEY": tokenKey, "SAMTALE_STATE_DIR": state,
            ])
        let standardInput = try FileHandle(forReadingFrom: inputFile)
        let standardOutput = try FileHandle(forWritingTo: outputFile)
        let standardError = try FileHandle(forWritingTo: errorFile)
        defer {
            try? standardInput.close()
            try? standardOutput.close()
            try? standardError.close()
        }
        process.standardInput = standardInput
        process.standardOutput = standardOutput
        process.standardError = standardError
        let started = Date()
        try process.run()
        while process.isRunning && Date().timeIntervalSince(started) < timeout { Thread.sleep(forTimeInterval: 0.005) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw TimedOut(seconds: timeout)
        }
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(started)
        let output = try Data(contentsOf: outputFile)
        var lines = output.split(separator: 0x0A, omittingEmptySubsequences: false).map { Data($0) }
        let endsWithNewline = output.last == 0x0A
        if endsWithNewline || output.isEmpty { lines.removeLast() }
        return ServeRun(
            status: process.terminationStatus, lines: lines, endsWithNewline: endsWithNewline || output.isEmpty,
            stderr: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self), seconds: seconds)
    }
}

// MARK: - JSON text

/// A JSON string literal for `text`.
private func jsonString(_ text: String) -> String {
    var literal = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": literal += "\\\""
        case "\\": literal += "\\\\"
        case "\n": literal += "\\n"
        case "\r": literal += "\\r"
        case "\t": literal += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                literal += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                literal.unicodeScalars.append(scalar)
            }
        }
    }
    return literal + "\""
}

/// A compact JSON object of members whose values are JSON text already.
private func object(_ members: ServeFuzzTests.Members) -> String {
    "{" + members.map { jsonString($0.key) + ":" + $0.value }.joined(separator: ",") + "}"
}

/// A line for a failure message: printable ASCII as is, other bytes escaped, long lines cut.
private func preview(_ bytes: [UInt8]) -> String {
    var text = ""
    for byte in bytes.prefix(240) {
        switch byte {
        case 0x20...0x7E where byte != UInt8(ascii: "\\"): text.unicodeScalars.append(Unicode.Scalar(byte))
        default: text += "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
        }
    }
    return bytes.count > 240 ? text + "… (\(bytes.count) bytes)" : text
}
