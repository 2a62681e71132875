import Testing

@testable import SamtaleCore

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValueAndKeepsMemberOrder() throws {
        let value = try JSONParser.parse(
            #"{"b": [1, -2.5e3, true, false, null], "a": "x\n\u00e6\ud83d\ude00", "b": {}}"#)
        #expect(
            value
                == .object([
                    JSONMember("b", .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null])),
                    JSONMember("a", .string("x\næ😀")),
                    JSONMember("b", .object([])),
                ]))
    }

    @Test(arguments: [
        ("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, JSONSyntaxError.Reason.unexpectedCharacter("\"")),
        ("[1,]", 1, 4, .unexpectedCharacter("]")),
        ("{\"a\": tru}", 1, 10, .unexpectedCharacter("}")),
        ("[\"æøå\", ø]", 1, 9, .unexpectedCharacter("ø")),
        ("[01]", 1, 3, .unexpectedCharacter("1")),
        ("[1.]", 1, 4, .invalidNumber),
        ("\"a\tb\"", 1, 3, .controlCharacterInString),
        ("\"\\x\"", 1, 3, .invalidEscape),
        ("\"\\udc00\"", 1, 8, .invalidEscape),
        ("{\"a\": [1, 2", 1, 12, .unexpectedEnd),
        ("{} {}", 1, 4, .trailingContent),
        ("", 1, 1, .unexpectedEnd),
    ])
    func reportsLineAndColumn(text: String, line: Int, column: Int, reason: JSONSyntaxError.Reason) {
        #expect(throws: JSONSyntaxError(reason: reason, line: line, column: column)) {
            try JSONParser.parse(text)
        }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONSyntaxError(reason: .invalidUTF8, line: 1, column: 2)) {
            try JSONParser.parse([UInt8(ascii: "\""), 0xC3, 0x28, UInt8(ascii: "\"")])
        }
    }

    @Test func refusesNestingDeeperThanTheLimit() {
        let deep =
            String(repeating: "[", count: JSONParser.maximumDepth + 1)
            + String(repeating: "]", count: JSONParser.maximumDepth + 1)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
        let allowed =
            String(repeating: "[", count: JSONParser.maximumDepth)
            + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect((try? JSONParser.parse(allowed)) != nil)
    }

    @Test func skipsAByteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[]".utf8)) == .array([]))
    }
}

@Suite struct JSONWriterTests {
    @Test func escapesWhatJSONRequires() {
        let value = JSONValue.object([JSONMember("t\"x", .string("a\\b\n\u{01}æ\u{2028}"))])
        #expect(JSONWriter.string(value) == #"{"t\"x":"a\\b\n\u0001æ\u2028"}"#)
    }

    /// The writer skips plain bytes eight at a time: every character that needs an escape, at every offset from a
    /// word's start and in words full of other letters, must still be found.
    @Test(arguments: ["\"", "\\", "\n", "\u{1F}", "\u{2028}", "\u{2029}"])
    func findsAnEscapeWhereverItFalls(special: String) throws {
        let escaped = [
            "\"": #"\""#, "\\": #"\\"#, "\n": #"\n"#, "\u{1F}": #"\u001f"#, "\u{2028}": #"\u2028"#,
            "\u{2029}": #"\u2029"#,
        ][special]!
        for filler in ["abcdefgh", "æøå»–’ab"] {
            for offset in 0..<17 {
                let head = String(String(repeating: filler, count: 3).prefix(offset))
                let text = head + special + filler
                #expect(JSONWriter.string(.string(text)) == "\"" + head + escaped + filler + "\"")
                #expect(try JSONParser.parse(JSONWriter.string(.string(text))) == .string(text))
            }
        }
    }

    @Test func prettyOutputIsIndentedAndParsesBack() throws {
        let value = JSONValue.object([
            JSONMember("list", .array([.integer(1), .string("to"), .array([]), .object([])])),
            JSONMember("flag", .bool(false)),
        ])
        let pretty = JSONWriter.string(value, style: .pretty)
        #expect(pretty == "{\n  \"list\": [\n    1,\n    \"to\",\n    [],\n    {}\n  ],\n  \"flag\": false\n}")
        #expect(try JSONParser.parse(pretty) == value)
        #expect(try JSONParser.parse(JSONWriter.string(value)) == value)
    }
}
