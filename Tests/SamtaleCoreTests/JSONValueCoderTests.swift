import Testing

@testable import SamtaleCore

// MARK: - Models

private struct SampleLibrary: Codable, Equatable {
    enum Layout: Codable, Equatable {
        case grid(columns: Int, rows: Int?)
        case list
        case stack(UInt8, label: String)
    }

    var name: String
    var subtitle: String?
    var missing: Int?
    var layout: Layout
    var colour: SampleColour
    var shelves: [SampleShelf]
    var counts: [String: Int]
    var labels: [Int: String]
    var shapes: [SampleShape]
    var largest: UInt64
    var smallest: Int64
    var tenth: Double
    var tiny: Double
    var single: Float
    var none: [String]
    var nothing: [String: Bool]
    var nested: SampleBox<[SampleBox<Int8?>]>
    var grid: [[Int16]]
    var optionals: [String?]
}

private struct SampleCatalogue: Codable, Equatable {
    var shelves: [SampleShelf]
    var colour: SampleColour?
}

private struct SampleShelf: Codable, Equatable {
    var label: String
    var books: [SampleBook]
}

private struct SampleBook: Codable, Equatable {
    var title: String
    var pages: UInt16
}

private enum SampleShape: Codable, Equatable {
    case circle(radius: Double)
    case rectangle(Double, Double)
    case point
    case tagged(String, note: String?)
}

private enum SampleColour: String, Codable, Equatable {
    case red, green, blue
}

private struct SampleBox<Item: Codable & Equatable>: Codable, Equatable {
    var item: Item
}

/// Properties declared out of alphabetical order, to show that output follows the encoding order.
private struct SampleCard: Codable, Equatable {
    var title: String
    var note: String?
    var id: Int
    var weight: Double
    var tags: [String]
}

/// Checks its code in `init(from:)`, as a type with rules of its own would.
private struct SampleCode: Codable, Equatable {
    var code: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        guard code.count == 4 else {
            throw DecodingError.dataCorruptedError(
                forKey: .code, in: container, debugDescription: "a code has four letters")
        }
    }
}

private struct SampleFailure: Error, CustomStringConvertible {
    var description: String { "the sample refuses" }
}

/// Throws whatever it is given, from both directions.
private struct SampleThrower: Codable, Equatable {
    enum Failure: String, Codable {
        case invalidValue, other
    }

    var failure: Failure

    init(failure: Failure) {
        self.failure = failure
    }

    init(from decoder: any Decoder) throws {
        throw SampleFailure()
    }

    func encode(to encoder: any Encoder) throws {
        switch failure {
        case .invalidValue:
            throw EncodingError.invalidValue(self, .init(codingPath: encoder.codingPath, debugDescription: "not today"))
        case .other:
            throw SampleFailure()
        }
    }
}

private class SampleAnimal: Codable {
    let name: String

    init(name: String) {
        self.name = name
    }
}

/// Keeps its superclass's members in a `super` member of its own.
private final class SampleDog: SampleAnimal {
    private enum Keys: CodingKey {
        case breed
    }

    let breed: String

    init(name: String, breed: String) {
        self.breed = breed
        super.init(name: name)
    }

    required init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        breed = try container.decode(String.self, forKey: .breed)
        try super.init(from: container.superDecoder())
    }

    override func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(breed, forKey: .breed)
        try super.encode(to: container.superEncoder())
    }
}

/// Shares one object with its superclass.
private final class SampleCat: SampleAnimal {
    private enum Keys: CodingKey {
        case lives
    }

    let lives: Int

    init(name: String, lives: Int) {
        self.lives = lives
        super.init(name: name)
    }

    required init(from decoder: any Decoder) throws {
        lives = try decoder.container(keyedBy: Keys.self).decode(Int.self, forKey: .lives)
        try super.init(from: decoder)
    }

    override func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(lives, forKey: .lives)
        try super.encode(to: encoder)
    }
}

/// Any key at all, for the probes.
private struct SampleKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// Uses every encoding container operation by hand.
private struct SampleWriter: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: SampleKey.self)
        try container.encode(1, forKey: SampleKey(stringValue: "zeta"))
        try container.encode("first", forKey: SampleKey(stringValue: "alpha"))
        try container.encodeNil(forKey: SampleKey(stringValue: "nothing"))
        try container.encodeIfPresent(nil as Int?, forKey: SampleKey(stringValue: "omitted"))
        try container.encodeIfPresent(2 as Int?, forKey: SampleKey(stringValue: "present"))
        try container.encode("second", forKey: SampleKey(stringValue: "alpha"))
        var list = container.nestedUnkeyedContainer(forKey: SampleKey(stringValue: "list"))
        try list.encode(true)
        try list.encodeNil()
        var pair = list.nestedUnkeyedContainer()
        try pair.encode(Int8(-3))
        try pair.encode(UInt8(3))
        var entry = list.nestedContainer(keyedBy: SampleKey.self)
        try entry.encode(Float(0.5), forKey: SampleKey(stringValue: "half"))
        try list.encode(list.count)
        try SampleBox(item: "boxed").encode(to: list.superEncoder())
        var meta = container.nestedContainer(keyedBy: SampleKey.self, forKey: SampleKey(stringValue: "meta"))
        try meta.encode(encoder.userInfo.isEmpty, forKey: SampleKey(stringValue: "noUserInfo"))
        try meta.encode(meta.codingPath.map(\.stringValue), forKey: SampleKey(stringValue: "path"))
        try SampleBox(item: 1).encode(to: container.superEncoder(forKey: SampleKey(stringValue: "base")))
        try SampleBox(item: 2).encode(to: container.superEncoder())
    }
}

/// Uses every decoding container operation by hand and writes down what it saw.
private struct SampleReader: Decodable {
    var log: [String] = []

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: SampleKey.self)
        log.append("keys \(container.allKeys.map(\.stringValue))")
        log.append("contains absent \(container.contains(SampleKey(stringValue: "absent")))")
        log.append(
            "absent \(String(describing: try container.decodeIfPresent(Int.self, forKey: SampleKey(stringValue: "absent"))))"
        )
        log.append(
            "null \(String(describing: try container.decodeIfPresent(Int.self, forKey: SampleKey(stringValue: "nothing"))))"
        )
        log.append("nil \(try container.decodeNil(forKey: SampleKey(stringValue: "nothing")))")
        var list = try container.nestedUnkeyedContainer(forKey: SampleKey(stringValue: "list"))
        log.append("count \(String(describing: list.count))")
        log.append("int \(try list.decode(Int.self)) at \(list.currentIndex)")
        log.append("nil \(try list.decodeNil()) at \(list.currentIndex)")
        log.append("nil \(try list.decodeNil()) at \(list.currentIndex)")
        log.append("string fails \((try? list.decode(String.self)) == nil) at \(list.currentIndex)")
        var pair = try list.nestedUnkeyedContainer()
        log.append("pair \(try pair.decode(Int8.self)) \(try pair.decode(UInt8.self)) at end \(pair.isAtEnd)")
        log.append("pair path \(pair.codingPath.map(\.stringValue))")
        let entry = try list.nestedContainer(keyedBy: SampleKey.self)
        log.append("half \(try entry.decode(Float.self, forKey: SampleKey(stringValue: "half")))")
        log.append("boxed \(try SampleBox<String>(from: list.superDecoder()).item) at end \(list.isAtEnd)")
        let meta = try container.nestedContainer(keyedBy: SampleKey.self, forKey: SampleKey(stringValue: "meta"))
        log.append("flag \(try meta.decode(Bool.self, forKey: SampleKey(stringValue: "flag")))")
        log.append(
            "base \(try SampleBox<Int>(from: container.superDecoder(forKey: SampleKey(stringValue: "base"))).item)")
        log.append("super \(try SampleBox<Int>(from: container.superDecoder()).item)")
        log.append("user info empty \(decoder.userInfo.isEmpty)")
    }
}

/// Reads two numbers from an array, and so needs an array of at least two.
private struct SamplePair: Decodable {
    var first: Int
    var second: Int

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        first = try container.decode(Int.self)
        second = try container.decode(Int.self)
    }
}

/// A recursive record of every kind of value, for the generated round trips.
private struct SampleRecord: Codable, Equatable {
    var text: String
    var flag: Bool?
    var number: Double
    var single: Float
    var integer: Int64
    var unsigned: UInt32
    var small: Int8
    var colour: SampleColour
    var shape: SampleShape
    var scores: [String: Int]
    var names: [Int: String]
    var children: [SampleRecord]
}

// MARK: - Helpers

private func path(_ components: JSONPath.Component...) -> JSONPath {
    JSONPath(components: components)
}

private func text(_ value: some Encodable) throws -> String {
    JSONWriter.string(try JSONValueCoder.encode(value))
}

/// Through text and back, as a session file would go.
private func roundTrip<Value: Codable>(_ value: Value) throws -> Value {
    try JSONValueCoder.decode(Value.self, from: JSONParser.parse(text(value)))
}

private var library: SampleLibrary {
    SampleLibrary(
        name: "Samtale \"på\" norsk\n",
        subtitle: "ut",
        missing: nil,
        layout: .stack(7, label: "høy"),
        colour: .green,
        shelves: [
            SampleShelf(
                label: "a", books: [SampleBook(title: "Ja", pages: 12), SampleBook(title: "Nei", pages: .max)]),
            SampleShelf(label: "b", books: []),
        ],
        counts: ["en": 1, "to": 2, "": 0, "tre": -3],
        labels: [1: "one", -2: "minus two", 10: "ten"],
        shapes: [.circle(radius: 2.5), .rectangle(1, 2), .point, .tagged("x", note: nil), .tagged("y", note: "z")],
        largest: .max,
        smallest: .min,
        tenth: 0.1,
        tiny: 1e-300,
        single: 0.1,
        none: [],
        nothing: [:],
        nested: SampleBox(item: [SampleBox(item: 3), SampleBox(item: nil), SampleBox(item: .min)]),
        grid: [[1, 2], [], [-3]],
        optionals: ["a", nil, ""]
    )
}

extension SplitMix64 {
    /// A number in 0..<bound, for tests that pick at random.
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// Text that needs escaping as often as not.
    fileprivate mutating func text() -> String {
        let palette: [String] = [
            "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{1}", "\u{1F}", "\u{7F}", "æ", "ø", "å", "\u{2028}",
            "😀", "e\u{301}",
        ]
        return (0..<below(8)).map { _ in palette[below(palette.count)] }.joined()
    }

    /// Any finite double, subnormals and negative zero included.
    fileprivate mutating func double() -> Double {
        while true {
            let number = Double(bitPattern: next())
            if number.isFinite { return number }
        }
    }

    fileprivate mutating func float() -> Float {
        while true {
            let number = Float(bitPattern: UInt32(truncatingIfNeeded: next()))
            if number.isFinite { return number }
        }
    }

    fileprivate mutating func shape() -> SampleShape {
        switch below(4) {
        case 0: .circle(radius: double())
        case 1: .rectangle(double(), double())
        case 2: .point
        default: .tagged(text(), note: below(2) == 0 ? nil : text())
        }
    }

    fileprivate mutating func record(depth: Int) -> SampleRecord {
        SampleRecord(
            text: text(),
            flag: [nil, true, false][below(3)],
            number: double(),
            single: float(),
            integer: Int64(bitPattern: next()),
            unsigned: UInt32(truncatingIfNeeded: next()),
            small: Int8(truncatingIfNeeded: next()),
            colour: [.red, .green, .blue][below(3)],
            shape: shape(),
            scores: Dictionary((0..<below(5)).map { _ in (text(), Int(truncatingIfNeeded: next())) }) { first, _ in
                first
            },
            names: Dictionary((0..<below(5)).map { _ in (Int(truncatingIfNeeded: next()) % 1000, text()) }) {
                first, _ in first
            },
            children: depth == 0 ? [] : (0..<below(3)).map { _ in record(depth: depth - 1) }
        )
    }
}

// MARK: - Round trips

@Suite struct JSONValueCoderRoundTripTests {
    struct Numbers: Codable, Equatable {
        var int: Int
        var int8: Int8
        var int16: Int16
        var int32: Int32
        var int64: Int64
        var uint: UInt
        var uint8: UInt8
        var uint16: UInt16
        var uint32: UInt32
        var uint64: UInt64
        var double: Double
        var float: Float
        var bool: Bool
        var string: String

        static let minimum = Numbers(
            int: .min, int8: .min, int16: .min, int32: .min, int64: .min,
            uint: .min, uint8: .min, uint16: .min, uint32: .min, uint64: .min,
            double: -.greatestFiniteMagnitude, float: -.greatestFiniteMagnitude, bool: false, string: ""
        )
        static let maximum = Numbers(
            int: .max, int8: .max, int16: .max, int32: .max, int64: .max,
            uint: .max, uint8: .max, uint16: .max, uint32: .max, uint64: .max,
            double: .greatestFiniteMagnitude, float: .greatestFiniteMagnitude, bool: true, string: "\u{10FFFF}"
        )
        static let tiny = Numbers(
            int: -1, int8: -1, int16: 1, int32: -1, int64: 1,
            uint: 1, uint8: 1, uint16: 1, uint32: 1, uint64: 1,
            double: .leastNonzeroMagnitude, float: .leastNonzeroMagnitude, bool: true, string: "\u{0}"
        )
    }

    @Test func richModelSurvivesValueAndText() throws {
        #expect(try JSONValueCoder.decode(SampleLibrary.self, from: JSONValueCoder.encode(library)) == library)
        #expect(try roundTrip(library) == library)
    }

    @Test(arguments: [Numbers.minimum, .maximum, .tiny])
    func everyScalarTypeSurvivesAtItsLimits(numbers: Numbers) throws {
        #expect(try roundTrip(numbers) == numbers)
    }

    @Test func classesKeepTheirSuperclassMembers() throws {
        let dog = try roundTrip(SampleDog(name: "Rex", breed: "collie"))
        #expect(try text(SampleDog(name: "Rex", breed: "collie")) == #"{"breed":"collie","super":{"name":"Rex"}}"#)
        #expect(dog.name == "Rex" && dog.breed == "collie")
        let cat = try roundTrip(SampleCat(name: "Pus", lives: 9))
        #expect(try text(SampleCat(name: "Pus", lives: 9)) == #"{"lives":9,"name":"Pus"}"#)
        #expect(cat.name == "Pus" && cat.lives == 9)
    }

    @Test func topLevelScalarsAndOptionals() throws {
        #expect(try JSONValueCoder.encode(5) == .number("5"))
        #expect(try JSONValueCoder.encode("x") == .string("x"))
        #expect(try JSONValueCoder.encode(nil as Int?) == .null)
        #expect(try JSONValueCoder.encode([1, nil] as [Int?]) == .array([.number("1"), .null]))
        #expect(try JSONValueCoder.decode(Int?.self, from: .null) == nil)
        #expect(try JSONValueCoder.decode(Int?.self, from: .number("4")) == 4)
        #expect(try JSONValueCoder.decode(Double.self, from: .number("3")) == 3)
        #expect(try JSONValueCoder.decode(Double.self, from: .number("-2.5E-3")) == -0.0025)
        #expect(try JSONValueCoder.decode(UInt8.self, from: .number("255")) == 255)
    }

    @Test func generatedValuesSurviveTextAndEncodeTheSameWayAgain() throws {
        var generator = SplitMix64(seed: 0x5A_3741E)
        for _ in 0..<300 {
            let record = generator.record(depth: 2)
            let encoded = try text(record)
            let decoded = try JSONValueCoder.decode(SampleRecord.self, from: JSONParser.parse(encoded))
            #expect(decoded == record)
            #expect(try text(decoded) == encoded)
        }
    }
}

// MARK: - Output

@Suite struct JSONValueCoderOutputTests {
    @Test func membersComeInEncodingOrderAndNilIsOmitted() throws {
        let card = SampleCard(title: "Hei", note: nil, id: 7, weight: 1, tags: ["a", "b\"c"])
        #expect(try text(card) == #"{"title":"Hei","id":7,"weight":1.0,"tags":["a","b\"c"]}"#)
        let noted = SampleCard(title: "", note: "n", id: -1, weight: 0.5, tags: [])
        #expect(try text(noted) == #"{"title":"","note":"n","id":-1,"weight":0.5,"tags":[]}"#)
    }

    @Test(arguments: [
        (0.1, "0.1"), (1, "1.0"), (1e-300, "1e-300"), (-0.0, "-0.0"), (1e16, "1e+16"),
        (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"), (.leastNonzeroMagnitude, "5e-324"),
    ])
    func doublesAreShortestRoundTrippingLiterals(number: Double, literal: String) throws {
        #expect(try JSONValueCoder.encode(number) == .number(literal))
        #expect(try JSONValueCoder.decode(Double.self, from: .number(literal)).bitPattern == number.bitPattern)
    }

    @Test func integersAreExactLiterals() throws {
        #expect(try JSONValueCoder.encode(UInt64.max) == .number("18446744073709551615"))
        #expect(try JSONValueCoder.encode(Int64.min) == .number("-9223372036854775808"))
        #expect(try JSONValueCoder.encode(Float(0.1)) == .number("0.1"))
    }

    @Test func enumsUseSwiftsSynthesizedShapes() throws {
        #expect(
            try text([SampleShape.rectangle(1, 2), .point, .tagged("t", note: nil)])
                == #"[{"rectangle":{"_0":1.0,"_1":2.0}},{"point":{}},{"tagged":{"_0":"t"}}]"#)
        #expect(try text(SampleLibrary.Layout.grid(columns: 2, rows: nil)) == #"{"grid":{"columns":2}}"#)
        #expect(try text(SampleColour.blue) == #""blue""#)
    }

    @Test func dictionariesAreSortedSoOutputIsStable() throws {
        #expect(try text(["b": 1, "a": 2, "c": 3, "10": 0, "9": 0]) == #"{"9":0,"10":0,"a":2,"b":1,"c":3}"#)
        #expect(try text([10: "x", -1: "y", 2: "z"]) == #"{"-1":"y","2":"z","10":"x"}"#)
    }

    @Test func everyEncodingContainerOperationWritesWhereItShould() throws {
        #expect(
            try text(SampleWriter()) == """
                {"zeta":1,"alpha":"second","nothing":null,"present":2,\
                "list":[true,null,[-3,3],{"half":0.5},4,{"item":"boxed"}],\
                "meta":{"noUserInfo":true,"path":["meta"]},"base":{"item":1},"super":{"item":2}}
                """)
    }

    @Test func everyDecodingContainerOperationReadsWhatItShould() throws {
        let document = try JSONParser.parse(
            """
            {"list":[1,null,[-3,3],{"half":0.5},{"item":"boxed"}],"nothing":null,"unknown":0,\
            "meta":{"flag":true,"flag":false},"base":{"item":1},"super":{"item":2}}
            """)
        #expect(
            try JSONValueCoder.decode(SampleReader.self, from: document).log == [
                #"keys ["list", "nothing", "unknown", "meta", "base", "super"]"#,
                "contains absent false",
                "absent nil",
                "null nil",
                "nil true",
                "count Optional(5)",
                "int 1 at 1",
                "nil true at 2",
                "nil false at 2",
                "string fails true at 2",
                "pair -3 3 at end true",
                #"pair path ["list", "2"]"#,
                "half 0.5",
                "boxed boxed at end true",
                "flag true",
                "base 1",
                "super 2",
                "user info empty true",
            ])
    }

    @Test func theFirstOfDuplicateKeysWins() throws {
        let book = try JSONValueCoder.decode(
            SampleBook.self, from: JSONParser.parse(#"{"title":"a","pages":1,"title":"b"}"#))
        #expect(book == SampleBook(title: "a", pages: 1))
        #expect(
            try JSONValueCoder.decode(SampleShape.self, from: JSONParser.parse(#"{"point":{},"point":[]}"#)) == .point)
    }
}

// MARK: - Errors

@Suite struct JSONValueCoderErrorTests {
    @Test(arguments: [
        (
            #"{"shelves":[{"label":"a","books":[]},{"books":[]}]}"#,
            JSONCodingError(path: path(.key("shelves"), .index(1)), reason: .missingKey("label"))
        ),
        (
            #"{"shelves":[{"label":"a"}]}"#,
            JSONCodingError(path: path(.key("shelves"), .index(0)), reason: .missingKey("books"))
        ),
        (
            #"{"shelves":[{"label":"a","books":[{"title":5,"pages":1}]}]}"#,
            JSONCodingError(
                path: path(.key("shelves"), .index(0), .key("books"), .index(0), .key("title")),
                reason: .typeMismatch(expected: "String", found: .number))
        ),
        (
            #"{"shelves":[{"label":"a","books":[{"title":null,"pages":1}]}]}"#,
            JSONCodingError(
                path: path(.key("shelves"), .index(0), .key("books"), .index(0), .key("title")),
                reason: .typeMismatch(expected: "String", found: .null))
        ),
        (
            #"{"shelves":[{"label":"a","books":[{"title":"t","pages":70000}]}]}"#,
            JSONCodingError(
                path: path(.key("shelves"), .index(0), .key("books"), .index(0), .key("pages")),
                reason: .valueOutOfRange("70000"))
        ),
        (
            #"{"shelves":[{"label":"a","books":[{"title":"t","pages":3.5}]}]}"#,
            JSONCodingError(
                path: path(.key("shelves"), .index(0), .key("books"), .index(0), .key("pages")),
                reason: .valueOutOfRange("3.5"))
        ),
        (
            #"{"shelves":[{"label":"a","books":[{"title":"t","pages":1e3}]}]}"#,
            JSONCodingError(
                path: path(.key("shelves"), .index(0), .key("books"), .index(0), .key("pages")),
                reason: .valueOutOfRange("1e3"))
        ),
        (
            #"{"shelves":[{"label":"a","books":[{"title":"t","pages":-1}]}]}"#,
            JSONCodingError(
                path: path(.key("shelves"), .index(0), .key("books"), .index(0), .key("pages")),
                reason: .valueOutOfRange("-1"))
        ),
        (
            #"{"shelves":[{"label":"a","books":[{"title":"t","pages":"7"}]}]}"#,
            JSONCodingError(
                path: path(.key("shelves"), .index(0), .key("books"), .index(0), .key("pages")),
                reason: .typeMismatch(expected: "UInt16", found: .string))
        ),
        (
            #"{"shelves":{}}"#,
            JSONCodingError(path: path(.key("shelves")), reason: .typeMismatch(expected: "array", found: .object))
        ),
        (
            #"{"shelves":[7]}"#,
            JSONCodingError(
                path: path(.key("shelves"), .index(0)), reason: .typeMismatch(expected: "object", found: .number))
        ),
        ("[]", JSONCodingError(path: .root, reason: .typeMismatch(expected: "object", found: .array))),
    ])
    func decodingErrorsNameThePathAndTheReason(document: String, error: JSONCodingError) throws {
        let json = try JSONParser.parse(document)
        #expect(throws: error) { try JSONValueCoder.decode(SampleCatalogue.self, from: json) }
    }

    @Test(arguments: [
        (JSONValue.number("3.0"), JSONCodingError(path: .root, reason: .valueOutOfRange("3.0"))),
        (.number("9223372036854775808"), JSONCodingError(path: .root, reason: .valueOutOfRange("9223372036854775808"))),
        (.bool(true), JSONCodingError(path: .root, reason: .typeMismatch(expected: "Int", found: .bool))),
    ])
    func integersAcceptOnlyIntegralLiteralsInRange(json: JSONValue, error: JSONCodingError) {
        #expect(throws: error) { try JSONValueCoder.decode(Int.self, from: json) }
    }

    @Test func floatsRefuseLiteralsBeyondTheirRange() {
        #expect(throws: JSONCodingError(path: .root, reason: .valueOutOfRange("1e39"))) {
            try JSONValueCoder.decode(Float.self, from: .number("1e39"))
        }
        #expect(throws: JSONCodingError(path: .root, reason: .valueOutOfRange("1e309"))) {
            try JSONValueCoder.decode(Double.self, from: .number("1e309"))
        }
    }

    @Test func aTypesOwnDataCorruptedErrorKeepsItsPathAndMessage() throws {
        let json = try JSONParser.parse(#"{"item":[{"code":"ABCD"},{"code":"AB"}]}"#)
        let error = JSONCodingError(
            path: path(.key("item"), .index(1), .key("code")), reason: .dataCorrupted("a code has four letters"))
        #expect(throws: error) {
            try JSONValueCoder.decode(SampleBox<[SampleCode]>.self, from: json)
        }
    }

    @Test func aRawValueOutsideTheEnumIsDataCorruptedAtItsPath() throws {
        let error = try #require(throws: JSONCodingError.self) {
            try JSONValueCoder.decode(
                SampleCatalogue.self, from: JSONParser.parse(#"{"shelves":[],"colour":"purple"}"#))
        }
        #expect(error.path == path(.key("colour")))
        guard case .dataCorrupted(let message) = error.reason else {
            Issue.record("expected dataCorrupted, got \(error.reason)")
            return
        }
        #expect(message.contains("purple"))
    }

    @Test func anEnumObjectWithTwoCasesIsATypeMismatchWithTheKindFound() throws {
        let json = try JSONParser.parse(#"[{"point":{}},{"point":{},"circle":{"radius":1}}]"#)
        #expect(
            throws: JSONCodingError(
                path: path(.index(1)), reason: .typeMismatch(expected: "SampleShape", found: .object))
        ) {
            try JSONValueCoder.decode([SampleShape].self, from: json)
        }
    }

    @Test func otherErrorsFromATypeAreDataCorruptedWhereTheTypeWas() {
        let json = JSONValue.array([.null, .object([JSONMember("item", .null)])])
        #expect(
            throws: JSONCodingError(path: path(.index(1), .key("item")), reason: .dataCorrupted("the sample refuses"))
        ) {
            try JSONValueCoder.decode([SampleBox<SampleThrower>?].self, from: json)
        }
    }

    @Test func readingPastTheEndOfAnArrayNamesTheArray() {
        let json = JSONValue.object([JSONMember("item", .array([.number("1")]))])
        #expect(
            throws: JSONCodingError(
                path: path(.key("item")), reason: .dataCorrupted("the array has no element at index 1"))
        ) {
            try JSONValueCoder.decode([String: SamplePair].self, from: json)
        }
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteNumbersCannotBeEncoded(number: Double) {
        #expect(
            throws: JSONCodingError(
                path: path(.index(1), .key("item")), reason: .invalidValue("\(number) has no JSON form"))
        ) {
            try JSONValueCoder.encode([SampleBox(item: 1), SampleBox(item: number)])
        }
    }

    @Test func errorsFromATypesOwnEncodeKeepTheirPath() {
        #expect(throws: JSONCodingError(path: path(.key("item"), .index(0)), reason: .invalidValue("not today"))) {
            try JSONValueCoder.encode(SampleBox(item: [SampleThrower(failure: .invalidValue)]))
        }
        #expect(
            throws: JSONCodingError(path: path(.key("item"), .index(0)), reason: .dataCorrupted("the sample refuses"))
        ) {
            try JSONValueCoder.encode(SampleBox(item: [SampleThrower(failure: .other)]))
        }
    }
}
