// MARK: - JSONValue

/// A parsed JSON document that keeps what the standard decoders throw away: the order of object members
/// and duplicate keys, so that validation can report them with a path.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// A number, kept as its literal text so that integers stay exact.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// The first member of an object with this key; nil for a missing key and for anything but an object.
    public func member(_ key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// This value with `transform` applied to every string in it, except the values of members named in `keys`.
    public func mappingStrings(except keys: Set<String>, _ transform: (String) -> String) -> JSONValue {
        switch self {
        case .null, .bool, .number: self
        case .string(let text): .string(transform(text))
        case .array(let elements): .array(elements.map { $0.mappingStrings(except: keys, transform) })
        case .object(let members):
            .object(
                members.map { member in
                    keys.contains(member.key)
                        ? member : JSONMember(member.key, member.value.mappingStrings(except: keys, transform))
                })
        }
    }

    /// What a user would call this kind of value, for messages ("expected a string, found a number").
    public var kind: JSONKind {
        switch self {
        case .null: .null
        case .bool: .bool
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }
}

/// One `"key": value` pair of a JSON object.
public struct JSONMember: Equatable, Sendable {
    public let key: String
    public let value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// The six kinds of JSON value; `integer` is a number without fraction or exponent, named separately for messages.
public enum JSONKind: String, Sendable {
    case null, bool, number, integer, string, array, object
}

// MARK: - JSONPath

/// Where a value sits in a document, printed as `cards[12].questions.group[2]` (the root prints as `$`).
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public private(set) var components: [Component]

    public static let root = JSONPath(components: [])

    public init(components: [Component]) {
        self.components = components
    }

    public func appending(_ key: String) -> JSONPath {
        JSONPath(components: components + [.key(key)])
    }

    public func appending(_ index: Int) -> JSONPath {
        JSONPath(components: components + [.index(index)])
    }

    public var description: String {
        if components.isEmpty { return "$" }
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}
