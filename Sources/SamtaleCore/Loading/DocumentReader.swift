// MARK: - DocumentReader

/// Walks a parsed data file (a deck, a flow), collecting issues; each method returns nil (or skips an element)
/// where the value is unusable, so that one run reports every problem of a file.
///
/// The path of the value being read is kept as a stack and copied only when an issue is reported: building a path
/// per value would cost more than the parsing.
package struct DocumentReader {
    package var issues: [DataIssue] = []
    package private(set) var path: [JSONPath.Component] = []

    /// Parses a data file and reads it with `read`; every issue found, or the syntax error, is thrown together.
    package static func read<Document>(
        _ bytes: [UInt8], with read: (inout DocumentReader, JSONValue) -> Document?
    ) throws(DataIssues) -> Document {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw DataIssues(issues: [DataIssue(.syntax(error), at: .root)])
        }
        var reader = DocumentReader()
        let document = read(&reader, json)
        guard let document, reader.issues.isEmpty else { throw DataIssues(issues: reader.issues) }
        return document
    }

    /// Checks the two members every data file starts with: `$schema` (for editors) and the `format` this version reads.
    package mutating func checkHeader(_ fields: Fields, format expected: Int) {
        _ = text(fields, "$schema")
        guard let format = fields["format"], format != .integer(expected) else { return }
        if case .number(let literal) = format {
            report(.unsupportedFormat(literal), at: .key("format"))
        } else {
            report(.wrongType(expected: .integer, found: format.kind), at: .key("format"))
        }
    }

    package mutating func report(_ problem: DataIssue.Problem, at components: JSONPath.Component...) {
        issues.append(DataIssue(problem, at: JSONPath(components: path + components)))
    }

    /// Runs `body` with `component` pushed onto the current path.
    package mutating func inside<Result>(_ component: JSONPath.Component, _ body: (inout DocumentReader) -> Result)
        -> Result
    {
        path.append(component)
        defer { path.removeLast() }
        return body(&self)
    }

    // MARK: Primitives

    /// The members of an object, looked up by a linear scan: deck objects have a handful of keys.
    package struct Fields {
        package let members: [JSONMember]

        package subscript(key: String) -> JSONValue? {
            members.first { $0.key == key }?.value
        }
    }

    /// The members of an object, after reporting unknown, duplicate and missing keys.
    package mutating func object(_ value: JSONValue, required: [String], optional: [String]) -> Fields? {
        guard case .object(let members) = value else {
            report(.wrongType(expected: .object, found: value.kind))
            return nil
        }
        var known: [JSONMember] = []
        for member in members {
            guard required.contains(member.key) || optional.contains(member.key) else {
                report(.unknownKey(member.key), at: .key(member.key))
                continue
            }
            guard !known.contains(where: { $0.key == member.key }) else {
                report(.duplicateKey(member.key), at: .key(member.key))
                continue
            }
            known.append(member)
        }
        for key in required where !known.contains(where: { $0.key == key }) {
            report(.missingKey(key))
        }
        return Fields(members: known)
    }

    package mutating func text(_ fields: Fields, _ key: String) -> String? {
        guard let value = fields[key] else { return nil }
        return inside(.key(key)) { reader in reader.text(value) }
    }

    package mutating func text(_ value: JSONValue) -> String? {
        guard case .string(let text) = value else {
            report(.wrongType(expected: .string, found: value.kind))
            return nil
        }
        // Most texts start with a visible ASCII character; only the rest need the Unicode whitespace check.
        let first = text.utf8.first ?? 0
        guard (first > 0x20 && first < 0x80) || text.unicodeScalars.contains(where: { !$0.properties.isWhitespace })
        else {
            report(.emptyText)
            return nil
        }
        return text
    }

    package mutating func slug(_ fields: Fields, _ key: String) -> String? {
        guard let text = text(fields, key) else { return nil }
        guard Slug.isValid(text) else {
            report(.invalidID(text), at: .key(key))
            return nil
        }
        return text
    }

    package mutating func integer(_ fields: Fields, _ key: String) -> Int? {
        guard let value = fields[key] else { return nil }
        guard case .number(let literal) = value, let number = Int(literal) else {
            report(.wrongType(expected: .integer, found: value.kind), at: .key(key))
            return nil
        }
        return number
    }

    /// A list of texts, the commonest value in a deck, read without the bookkeeping of `list`.
    package mutating func texts(_ fields: Fields, _ key: String, nonEmpty: Bool = false) -> [String] {
        guard let value = fields[key] else { return [] }
        return inside(.key(key)) { reader in
            guard case .array(let values) = value else {
                reader.report(.wrongType(expected: .array, found: value.kind))
                return []
            }
            if nonEmpty && values.isEmpty { reader.report(.emptyList) }
            var texts: [String] = []
            texts.reserveCapacity(values.count)
            for (index, value) in values.enumerated() {
                if case .string(let text) = value, let first = text.utf8.first, first > 0x20 && first < 0x80 {
                    texts.append(text)
                } else if let text = reader.inside(.index(index), { reader in reader.text(value) }) {
                    texts.append(text)
                }
            }
            return texts
        }
    }

    /// The usable elements of an array member, each with its index, so that later checks can point at it.
    package mutating func list<Element>(
        _ fields: Fields, _ key: String, nonEmpty: Bool = false, element: (inout DocumentReader, JSONValue) -> Element?
    ) -> [(index: Int, element: Element)] {
        guard let value = fields[key] else { return [] }
        return inside(.key(key)) { reader in
            guard case .array(let values) = value else {
                reader.report(.wrongType(expected: .array, found: value.kind))
                return []
            }
            if nonEmpty && values.isEmpty { reader.report(.emptyList) }
            var elements: [(index: Int, element: Element)] = []
            elements.reserveCapacity(values.count)
            for (index, value) in values.enumerated() {
                if let decoded = reader.inside(.index(index), { reader in element(&reader, value) }) {
                    elements.append((index, decoded))
                }
            }
            return elements
        }
    }
}

// MARK: - Slug

/// ASCII ids: lower-case letters and digits in groups joined by single hyphens ("leder-af-leder").
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        var previousWasHyphen = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-") where !previousWasHyphen:
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }
}
