// MARK: - JSONSyntaxError

/// Why a text is not JSON, and where: line and column are 1-based, the column counted in characters.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        case unexpectedEnd
        case unexpectedCharacter(Character)
        case invalidUTF8
        case invalidEscape
        case invalidNumber
        case controlCharacterInString
        case trailingContent
        case tooDeep
    }

    public let reason: Reason
    public let line: Int
    public let column: Int
}

// MARK: - JSONParser

/// A strict RFC 8259 parser over UTF-8 bytes that keeps member order and duplicate keys.
///
/// Written here rather than taken from Foundation so that the core has no Foundation dependency
/// (start-up time of `samtale prompt`) and so that errors carry line and column.
public struct JSONParser {
    /// Nesting deeper than this is refused rather than risking the stack.
    public static let maximumDepth = 512

    /// Read through a buffer pointer rather than the array: the parser is on the start-up path of every command.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var depth = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses one complete JSON document; whitespace may surround it, nothing else.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in
                var parser = JSONParser(bytes: buffer)
                if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { parser.offset = 3 }
                parser.skipWhitespace()
                let value = try parser.parseValue()
                parser.skipWhitespace()
                if parser.offset < buffer.count { throw parser.error(.trailingContent) }
                return value
            }
        }
        return try result.get()
    }

    /// Parses a document given as text.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    // MARK: Values

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard offset < bytes.count else { throw error(.unexpectedEnd) }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw unexpectedCharacter()
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enterContainer()
        var members: [JSONMember] = []
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            offset += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard offset < bytes.count else { throw error(.unexpectedEnd) }
            guard bytes[offset] == UInt8(ascii: "\"") else { throw unexpectedCharacter() }
            let key = try parseString()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            members.append(JSONMember(key, try parseValue()))
            skipWhitespace()
            guard offset < bytes.count else { throw error(.unexpectedEnd) }
            if bytes[offset] == UInt8(ascii: ",") {
                offset += 1
            } else if bytes[offset] == UInt8(ascii: "}") {
                offset += 1
                depth -= 1
                return .object(members)
            } else {
                throw unexpectedCharacter()
            }
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enterContainer()
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            offset += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard offset < bytes.count else { throw error(.unexpectedEnd) }
            if bytes[offset] == UInt8(ascii: ",") {
                offset += 1
            } else if bytes[offset] == UInt8(ascii: "]") {
                offset += 1
                depth -= 1
                return .array(elements)
            } else {
                throw unexpectedCharacter()
            }
        }
    }

    private mutating func enterContainer() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw error(.tooDeep) }
        offset += 1
    }

    // MARK: Strings

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        offset += 1  // opening quote
        let start = offset
        // Fast path: no escapes, so the bytes can be validated and taken as they are; ASCII needs no validating.
        var allBits: UInt8 = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<offset])
                let text = allBits < 0x80 ? String(decoding: slice, as: UTF8.self) : try decodeUTF8(slice, at: start)
                offset += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error(.controlCharacterInString) }
            allBits |= byte
            offset += 1
        }
        var buffer = Array(bytes[start..<offset])
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                let text = try buffer.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
                    try decodeUTF8(buffer, at: start)
                }
                offset += 1
                return text
            case UInt8(ascii: "\\"):
                offset += 1
                try appendEscape(to: &buffer)
            case ..<0x20:
                throw error(.controlCharacterInString)
            default:
                buffer.append(byte)
                offset += 1
            }
        }
        throw error(.unexpectedEnd)
    }

    /// Contiguous bytes, so that validation takes the standard library's fast path.
    private func decodeUTF8(_ slice: UnsafeBufferPointer<UInt8>, at start: Int) throws(JSONSyntaxError) -> String {
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw JSONParser.error(.invalidUTF8, at: start, in: bytes)
        }
        return text
    }

    private mutating func appendEscape(to buffer: inout [UInt8]) throws(JSONSyntaxError) {
        guard offset < bytes.count else { throw error(.unexpectedEnd) }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
                    bytes[offset + 1] == UInt8(ascii: "u")
                else {
                    throw error(.invalidEscape)
                }
                offset += 2
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw error(.invalidEscape) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw error(.invalidEscape)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw error(.invalidEscape) }
            buffer.append(contentsOf: String(Character(unicode)).utf8)
        default:
            offset -= 1
            throw error(.invalidEscape)
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard offset < bytes.count else { throw error(.unexpectedEnd) }
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error(.invalidEscape)
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    // MARK: Numbers and literals

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = offset
        if peek(UInt8(ascii: "-")) { offset += 1 }
        if peek(UInt8(ascii: "0")) {
            offset += 1
        } else if digitCount() == 0 {
            throw error(.invalidNumber)
        }
        if peek(UInt8(ascii: ".")) {
            offset += 1
            if digitCount() == 0 { throw error(.invalidNumber) }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            offset += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { offset += 1 }
            if digitCount() == 0 { throw error(.invalidNumber) }
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    private mutating func digitCount() -> Int {
        let start = offset
        while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
        return offset - start
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let utf8 = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for byte in utf8 {
            guard offset < bytes.count else { throw error(.unexpectedEnd) }
            guard bytes[offset] == byte else { throw unexpectedCharacter() }
            offset += 1
        }
    }

    // MARK: Helpers

    private func peek(_ byte: UInt8) -> Bool {
        offset < bytes.count && bytes[offset] == byte
    }

    private mutating func expect(_ byte: UInt8) throws(JSONSyntaxError) {
        guard offset < bytes.count else { throw error(.unexpectedEnd) }
        guard bytes[offset] == byte else { throw unexpectedCharacter() }
        offset += 1
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    private func unexpectedCharacter() -> JSONSyntaxError {
        // Decode the whole character at the offset, so a stray "ø" is named as such.
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        guard let text = String(validating: bytes[offset..<end], as: UTF8.self), let character = text.first else {
            return error(.invalidUTF8)
        }
        return error(.unexpectedCharacter(character))
    }

    private func error(_ reason: JSONSyntaxError.Reason) -> JSONSyntaxError {
        JSONParser.error(reason, at: offset, in: bytes)
    }

    /// Turns a byte offset into a line and a column counted in characters.
    private static func error(_ reason: JSONSyntaxError.Reason, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>)
        -> JSONSyntaxError
    {
        let end = min(offset, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return JSONSyntaxError(reason: reason, line: line, column: column)
    }
}
