// MARK: - JSONValueCoder

/// Converts between Codable values and `JSONValue`, without Foundation: session files and protocol tokens use it.
///
/// Integers are written and read as their exact decimal literal; floating-point numbers as the shortest literal
/// that reads back to the same value. Object members come out in the order their keys were encoded, except for
/// dictionaries, whose order Swift randomises per process: their members are sorted (integer keys by value first,
/// then the others by text) so that the same value always gives the same document. When decoding, the first of
/// duplicate keys wins. A later write to the same place replaces the earlier one.
public enum JSONValueCoder {
    /// The JSON form of `value`.
    public static func encode<Value: Encodable>(_ value: Value) throws(JSONCodingError) -> JSONValue {
        let slot = EncodingSlot()
        try ValueEncoder(slot: slot, codingPath: []).encode(value)
        return slot.json()
    }

    /// A `Value` read from `json`.
    public static func decode<Value: Decodable>(_ type: Value.Type, from json: JSONValue) throws(JSONCodingError)
        -> Value
    {
        try ValueDecoder(value: json, codingPath: [], root: json).decode(type)
    }
}

// MARK: - JSONCodingError

/// Why a value could not be encoded or decoded, and where.
public struct JSONCodingError: Error, Equatable, Sendable {
    /// What went wrong.
    public enum Reason: Equatable, Sendable {
        /// The value has the wrong kind: `expected` is a Swift type name for scalars, `object` or `array` for
        /// containers.
        case typeMismatch(expected: String, found: JSONKind)
        /// The object at the path has no member with this key.
        case missingKey(String)
        /// The number literal does not fit the type, such as "300" for `UInt8` or a fraction for `Int`.
        case valueOutOfRange(String)
        /// The data does not fit: a type's own explanation, the description of another error it threw, or an array too
        /// short.
        case dataCorrupted(String)
        /// The value has no JSON form, such as a non-finite `Double`.
        case invalidValue(String)
    }

    /// Where the problem is: for `missingKey`, the object that lacks the key.
    public let path: JSONPath
    /// What went wrong there.
    public let reason: Reason
}

extension JSONCodingError {
    /// Our own errors pass through; what a type's own `encode(to:)` or `init(from:)` threw is translated, with the
    /// path it names, or with `codingPath` when it names none. `root` finds the kind a mismatch found; nil when
    /// encoding.
    fileprivate init(_ error: any Error, at codingPath: [any CodingKey], in root: JSONValue?) {
        switch error {
        case let error as JSONCodingError:
            self = error
        case let error as DecodingError:
            self.init(error, at: codingPath, in: root)
        case EncodingError.invalidValue(_, let context):
            self.init(path: JSONPath(context.codingPath), reason: .invalidValue(context.debugDescription))
        default:
            self.init(path: JSONPath(codingPath), reason: .dataCorrupted(String(describing: error)))
        }
    }

    private init(_ error: DecodingError, at codingPath: [any CodingKey], in root: JSONValue?) {
        switch error {
        case .typeMismatch(let type, let context):
            let path = JSONPath(context.codingPath)
            if let found = root?.value(at: path) {
                self.init(path: path, reason: .typeMismatch(expected: String(describing: type), found: found.kind))
            } else {
                self.init(path: path, reason: .dataCorrupted(context.debugDescription))
            }
        case .valueNotFound(let type, let context):
            self.init(
                path: JSONPath(context.codingPath),
                reason: .typeMismatch(expected: String(describing: type), found: .null))
        case .keyNotFound(let key, let context):
            self.init(path: JSONPath(context.codingPath), reason: .missingKey(key.stringValue))
        case .dataCorrupted(let context):
            self.init(path: JSONPath(context.codingPath), reason: .dataCorrupted(context.debugDescription))
        @unknown default:
            self.init(path: JSONPath(codingPath), reason: .dataCorrupted(String(describing: error)))
        }
    }
}

// MARK: - Paths

/// The key of an array element in a coding path: its type is what tells an index from an integer dictionary key.
private struct IndexKey: CodingKey {
    let index: Int

    var stringValue: String { String(index) }
    var intValue: Int? { index }

    init(intValue: Int) {
        index = intValue
    }

    /// Array elements are never addressed by name.
    init?(stringValue: String) {
        nil
    }
}

/// A key by name, for `super`, which the container's own key type may not be able to spell.
private struct NameKey: CodingKey {
    static let `super` = NameKey(stringValue: "super")

    let stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    /// Only names are needed here.
    init?(intValue: Int) {
        nil
    }
}

extension JSONPath {
    fileprivate init(_ codingPath: [any CodingKey]) {
        self.init(
            components: codingPath.map { key in
                if let key = key as? IndexKey { .index(key.index) } else { .key(key.stringValue) }
            })
    }
}

extension JSONValue {
    /// The value at `path`, taking the first of duplicate keys as decoding does.
    fileprivate func value(at path: JSONPath) -> JSONValue? {
        var current = self
        for component in path.components {
            switch (component, current) {
            case (.key(let key), .object(let members)):
                guard let member = members.first(where: { $0.key == key }) else { return nil }
                current = member.value
            case (.index(let index), .array(let elements)) where elements.indices.contains(index):
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}

// MARK: - Encoding storage

/// A place a value is written to; containers hand out slots, so nested containers can fill them later.
private final class EncodingSlot {
    enum Content {
        case unset
        case value(JSONValue)
        case object(EncodingObject)
        case array(EncodingArray)
    }

    var content = Content.unset

    /// The object here, reused if there is one already, so that a subclass and its superclass can share a container.
    func object() -> EncodingObject {
        if case .object(let object) = content { return object }
        let object = EncodingObject()
        content = .object(object)
        return object
    }

    /// The array here, reused if there is one already.
    func array() -> EncodingArray {
        if case .array(let array) = content { return array }
        let array = EncodingArray()
        content = .array(array)
        return array
    }

    /// The finished value; a slot nobody wrote to is an empty object, as a type that encodes nothing reads back from
    /// it.
    func json() -> JSONValue {
        switch content {
        case .unset: .object([])
        case .value(let value): value
        case .object(let object): object.json()
        case .array(let array): array.json()
        }
    }
}

/// An object being built: members in the order their keys were first written.
private final class EncodingObject {
    private var members: [(key: String, slot: EncodingSlot)] = []
    private var positions: [String: Int] = [:]

    /// The slot for `key`, kept in the key's first position when it is written again.
    func slot(for key: String) -> EncodingSlot {
        if let position = positions[key] { return members[position].slot }
        let slot = EncodingSlot()
        positions[key] = members.count
        members.append((key, slot))
        return slot
    }

    /// Integer keys by value, then the rest by text: a total order, so a dictionary always comes out the same way.
    func sortByKey() {
        members.sort { lhs, rhs in
            switch (Int(lhs.key), Int(rhs.key)) {
            case (let left?, let right?): left != right ? left < right : lhs.key < rhs.key
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): lhs.key < rhs.key
            }
        }
        positions = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1.key, $0) })
    }

    func json() -> JSONValue {
        .object(members.map { JSONMember($0.key, $0.slot.json()) })
    }
}

/// An array being built.
private final class EncodingArray {
    private(set) var slots: [EncodingSlot] = []

    func append() -> EncodingSlot {
        let slot = EncodingSlot()
        slots.append(slot)
        return slot
    }

    func json() -> JSONValue {
        .array(slots.map { $0.json() })
    }
}

/// Dictionaries, whose iteration order changes from process to process, so their members are sorted.
private protocol SortedOnEncoding {}

extension Dictionary: SortedOnEncoding {}

// MARK: - Encoders

/// The encoder handed to `encode(to:)`, and its own single-value container: both write to one slot.
private struct ValueEncoder: Encoder, SingleValueEncodingContainer {
    let slot: EncodingSlot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(ObjectEncoder(object: slot.object(), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        ArrayEncoder(array: slot.array(), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        self
    }

    func encodeNil() { write(.null) }
    func encode(_ value: Bool) { write(.bool(value)) }
    func encode(_ value: String) { write(.string(value)) }
    func encode(_ value: Double) throws(JSONCodingError) { try writeFloatingPoint(value) }
    func encode(_ value: Float) throws(JSONCodingError) { try writeFloatingPoint(value) }
    func encode(_ value: Int) { writeInteger(value) }
    func encode(_ value: Int8) { writeInteger(value) }
    func encode(_ value: Int16) { writeInteger(value) }
    func encode(_ value: Int32) { writeInteger(value) }
    func encode(_ value: Int64) { writeInteger(value) }
    func encode(_ value: UInt) { writeInteger(value) }
    func encode(_ value: UInt8) { writeInteger(value) }
    func encode(_ value: UInt16) { writeInteger(value) }
    func encode(_ value: UInt32) { writeInteger(value) }
    func encode(_ value: UInt64) { writeInteger(value) }

    /// Every value that is not a scalar passes through here, so this is where a type's own errors are translated.
    func encode<T: Encodable>(_ value: T) throws(JSONCodingError) {
        slot.content = .unset
        do {
            try value.encode(to: self)
        } catch {
            throw JSONCodingError(error, at: codingPath, in: nil)
        }
        if value is any SortedOnEncoding, case .object(let object) = slot.content {
            object.sortByKey()
        }
    }

    private func write(_ value: JSONValue) {
        slot.content = .value(value)
    }

    private func writeInteger(_ value: some FixedWidthInteger) {
        write(.number(String(value)))
    }

    /// Swift's description of a finite float is the shortest literal that reads back exactly, and valid JSON.
    private func writeFloatingPoint(_ value: some BinaryFloatingPoint & CustomStringConvertible) throws(JSONCodingError)
    {
        guard value.isFinite else {
            throw JSONCodingError(path: JSONPath(codingPath), reason: .invalidValue("\(value) has no JSON form"))
        }
        write(.number(value.description))
    }
}

/// Writes members into an object; every member gets its own `ValueEncoder`.
private struct ObjectEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: EncodingObject
    let codingPath: [any CodingKey]

    func encodeNil(forKey key: Key) { child(key).encodeNil() }
    func encode(_ value: Bool, forKey key: Key) { child(key).encode(value) }
    func encode(_ value: String, forKey key: Key) { child(key).encode(value) }
    func encode(_ value: Double, forKey key: Key) throws(JSONCodingError) { try child(key).encode(value) }
    func encode(_ value: Float, forKey key: Key) throws(JSONCodingError) { try child(key).encode(value) }
    func encode(_ value: Int, forKey key: Key) { child(key).encode(value) }
    func encode(_ value: Int8, forKey key: Key) { child(key).encode(value) }
    func encode(_ value: Int16, forKey key: Key) { child(key).encode(value) }
    func encode(_ value: Int32, forKey key: Key) { child(key).encode(value) }
    func encode(_ value: Int64, forKey key: Key) { child(key).encode(value) }
    func encode(_ value: UInt, forKey key: Key) { child(key).encode(value) }
    func encode(_ value: UInt8, forKey key: Key) { child(key).encode(value) }
    func encode(_ value: UInt16, forKey key: Key) { child(key).encode(value) }
    func encode(_ value: UInt32, forKey key: Key) { child(key).encode(value) }
    func encode(_ value: UInt64, forKey key: Key) { child(key).encode(value) }
    func encode<T: Encodable>(_ value: T, forKey key: Key) throws(JSONCodingError) { try child(key).encode(value) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        child(key).container(keyedBy: keyType)
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        child(key).unkeyedContainer()
    }

    func superEncoder() -> any Encoder {
        child(NameKey.super)
    }

    func superEncoder(forKey key: Key) -> any Encoder {
        child(key)
    }

    private func child(_ key: some CodingKey) -> ValueEncoder {
        ValueEncoder(slot: object.slot(for: key.stringValue), codingPath: codingPath + [key])
    }
}

/// Appends elements to an array; every element gets its own `ValueEncoder`.
private struct ArrayEncoder: UnkeyedEncodingContainer {
    let array: EncodingArray
    let codingPath: [any CodingKey]
    var count: Int { array.slots.count }

    func encodeNil() { next().encodeNil() }
    func encode(_ value: Bool) { next().encode(value) }
    func encode(_ value: String) { next().encode(value) }
    func encode(_ value: Double) throws(JSONCodingError) { try next().encode(value) }
    func encode(_ value: Float) throws(JSONCodingError) { try next().encode(value) }
    func encode(_ value: Int) { next().encode(value) }
    func encode(_ value: Int8) { next().encode(value) }
    func encode(_ value: Int16) { next().encode(value) }
    func encode(_ value: Int32) { next().encode(value) }
    func encode(_ value: Int64) { next().encode(value) }
    func encode(_ value: UInt) { next().encode(value) }
    func encode(_ value: UInt8) { next().encode(value) }
    func encode(_ value: UInt16) { next().encode(value) }
    func encode(_ value: UInt32) { next().encode(value) }
    func encode(_ value: UInt64) { next().encode(value) }
    func encode<T: Encodable>(_ value: T) throws(JSONCodingError) { try next().encode(value) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        next().container(keyedBy: keyType)
    }

    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        next().unkeyedContainer()
    }

    func superEncoder() -> any Encoder {
        next()
    }

    private func next() -> ValueEncoder {
        let index = array.slots.count
        return ValueEncoder(slot: array.append(), codingPath: codingPath + [IndexKey(intValue: index)])
    }
}

// MARK: - Decoders

/// The decoder handed to `init(from:)`, and its own single-value container: both read one value.
private struct ValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]
    /// The whole document, to name the kind of value a type's own type-mismatch error points at.
    let root: JSONValue
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws(JSONCodingError) -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw mismatch(expected: JSONKind.object.rawValue) }
        return KeyedDecodingContainer(ObjectDecoder(members: members, codingPath: codingPath, root: root))
    }

    func unkeyedContainer() throws(JSONCodingError) -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw mismatch(expected: JSONKind.array.rawValue) }
        return ArrayDecoder(elements: elements, codingPath: codingPath, root: root)
    }

    func singleValueContainer() -> any SingleValueDecodingContainer {
        self
    }

    func decodeNil() -> Bool {
        value == .null
    }

    func decode(_ type: Bool.Type) throws(JSONCodingError) -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(expected: "Bool") }
        return flag
    }

    func decode(_ type: String.Type) throws(JSONCodingError) -> String {
        guard case .string(let text) = value else { throw mismatch(expected: "String") }
        return text
    }

    func decode(_ type: Double.Type) throws(JSONCodingError) -> Double { try readFloatingPoint() }
    func decode(_ type: Float.Type) throws(JSONCodingError) -> Float { try readFloatingPoint() }
    func decode(_ type: Int.Type) throws(JSONCodingError) -> Int { try readInteger() }
    func decode(_ type: Int8.Type) throws(JSONCodingError) -> Int8 { try readInteger() }
    func decode(_ type: Int16.Type) throws(JSONCodingError) -> Int16 { try readInteger() }
    func decode(_ type: Int32.Type) throws(JSONCodingError) -> Int32 { try readInteger() }
    func decode(_ type: Int64.Type) throws(JSONCodingError) -> Int64 { try readInteger() }
    func decode(_ type: UInt.Type) throws(JSONCodingError) -> UInt { try readInteger() }
    func decode(_ type: UInt8.Type) throws(JSONCodingError) -> UInt8 { try readInteger() }
    func decode(_ type: UInt16.Type) throws(JSONCodingError) -> UInt16 { try readInteger() }
    func decode(_ type: UInt32.Type) throws(JSONCodingError) -> UInt32 { try readInteger() }
    func decode(_ type: UInt64.Type) throws(JSONCodingError) -> UInt64 { try readInteger() }

    /// Every value that is not a scalar passes through here, so this is where a type's own errors are translated.
    func decode<T: Decodable>(_ type: T.Type) throws(JSONCodingError) -> T {
        do {
            return try T(from: self)
        } catch {
            throw JSONCodingError(error, at: codingPath, in: root)
        }
    }

    /// Reads the literal itself, so integers stay exact; a fraction or an exponent does not parse and is refused.
    private func readInteger<T: FixedWidthInteger>() throws(JSONCodingError) -> T {
        guard case .number(let literal) = value else { throw mismatch(expected: String(describing: T.self)) }
        guard let number = T(literal) else {
            throw JSONCodingError(path: JSONPath(codingPath), reason: .valueOutOfRange(literal))
        }
        return number
    }

    /// A literal too large for the type parses as infinity, which is refused.
    private func readFloatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>() throws(JSONCodingError) -> T {
        guard case .number(let literal) = value else { throw mismatch(expected: String(describing: T.self)) }
        guard let number = T(literal), number.isFinite else {
            throw JSONCodingError(path: JSONPath(codingPath), reason: .valueOutOfRange(literal))
        }
        return number
    }

    private func mismatch(expected: String) -> JSONCodingError {
        JSONCodingError(path: JSONPath(codingPath), reason: .typeMismatch(expected: expected, found: value.kind))
    }
}

/// Reads members of an object by key; the first of duplicate keys wins.
private struct ObjectDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let codingPath: [any CodingKey]
    /// The keys the type knows, in document order.
    let allKeys: [Key]
    private let values: [String: JSONValue]
    private let root: JSONValue

    init(members: [JSONMember], codingPath: [any CodingKey], root: JSONValue) {
        var values: [String: JSONValue] = [:]
        var keys: [Key] = []
        for member in members where values[member.key] == nil {
            values[member.key] = member.value
            if let key = Key(stringValue: member.key) { keys.append(key) }
        }
        self.values = values
        self.allKeys = keys
        self.codingPath = codingPath
        self.root = root
    }

    func contains(_ key: Key) -> Bool {
        values[key.stringValue] != nil
    }

    func decodeNil(forKey key: Key) throws(JSONCodingError) -> Bool { try child(key).decodeNil() }
    func decode(_ type: Bool.Type, forKey key: Key) throws(JSONCodingError) -> Bool { try child(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws(JSONCodingError) -> String { try child(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws(JSONCodingError) -> Double { try child(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws(JSONCodingError) -> Float { try child(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws(JSONCodingError) -> Int { try child(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws(JSONCodingError) -> Int8 { try child(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws(JSONCodingError) -> Int16 { try child(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws(JSONCodingError) -> Int32 { try child(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws(JSONCodingError) -> Int64 { try child(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws(JSONCodingError) -> UInt { try child(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws(JSONCodingError) -> UInt8 { try child(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws(JSONCodingError) -> UInt16 { try child(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws(JSONCodingError) -> UInt32 { try child(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws(JSONCodingError) -> UInt64 { try child(key).decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws(JSONCodingError) -> T {
        try child(key).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws(JSONCodingError) -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws(JSONCodingError) -> any UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    func superDecoder() throws(JSONCodingError) -> any Decoder {
        try child(NameKey.super)
    }

    func superDecoder(forKey key: Key) throws(JSONCodingError) -> any Decoder {
        try child(key)
    }

    private func child(_ key: some CodingKey) throws(JSONCodingError) -> ValueDecoder {
        guard let value = values[key.stringValue] else {
            throw JSONCodingError(path: JSONPath(codingPath), reason: .missingKey(key.stringValue))
        }
        return ValueDecoder(value: value, codingPath: codingPath + [key], root: root)
    }
}

/// Reads the elements of an array in turn; a failed read does not advance, so a type can try another.
private struct ArrayDecoder: UnkeyedDecodingContainer {
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0
    private let elements: [JSONValue]
    private let root: JSONValue

    init(elements: [JSONValue], codingPath: [any CodingKey], root: JSONValue) {
        self.elements = elements
        self.codingPath = codingPath
        self.root = root
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    mutating func decodeNil() throws(JSONCodingError) -> Bool {
        let isNull = try current().decodeNil()
        if isNull { currentIndex += 1 }
        return isNull
    }

    mutating func decode(_ type: Bool.Type) throws(JSONCodingError) -> Bool { try advance(current().decode(type)) }
    mutating func decode(_ type: String.Type) throws(JSONCodingError) -> String { try advance(current().decode(type)) }
    mutating func decode(_ type: Double.Type) throws(JSONCodingError) -> Double { try advance(current().decode(type)) }
    mutating func decode(_ type: Float.Type) throws(JSONCodingError) -> Float { try advance(current().decode(type)) }
    mutating func decode(_ type: Int.Type) throws(JSONCodingError) -> Int { try advance(current().decode(type)) }
    mutating func decode(_ type: Int8.Type) throws(JSONCodingError) -> Int8 { try advance(current().decode(type)) }
    mutating func decode(_ type: Int16.Type) throws(JSONCodingError) -> Int16 { try advance(current().decode(type)) }
    mutating func decode(_ type: Int32.Type) throws(JSONCodingError) -> Int32 { try advance(current().decode(type)) }
    mutating func decode(_ type: Int64.Type) throws(JSONCodingError) -> Int64 { try advance(current().decode(type)) }
    mutating func decode(_ type: UInt.Type) throws(JSONCodingError) -> UInt { try advance(current().decode(type)) }
    mutating func decode(_ type: UInt8.Type) throws(JSONCodingError) -> UInt8 { try advance(current().decode(type)) }
    mutating func decode(_ type: UInt16.Type) throws(JSONCodingError) -> UInt16 { try advance(current().decode(type)) }
    mutating func decode(_ type: UInt32.Type) throws(JSONCodingError) -> UInt32 { try advance(current().decode(type)) }
    mutating func decode(_ type: UInt64.Type) throws(JSONCodingError) -> UInt64 { try advance(current().decode(type)) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws(JSONCodingError) -> T {
        try advance(current().decode(type))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws(JSONCodingError) -> KeyedDecodingContainer<NestedKey> {
        try advance(current().container(keyedBy: type))
    }

    mutating func nestedUnkeyedContainer() throws(JSONCodingError) -> any UnkeyedDecodingContainer {
        try advance(current().unkeyedContainer())
    }

    mutating func superDecoder() throws(JSONCodingError) -> any Decoder {
        try advance(current())
    }

    /// The decoder for the element at `currentIndex`; reading past the end is the array being too short.
    private func current() throws(JSONCodingError) -> ValueDecoder {
        guard !isAtEnd else {
            throw JSONCodingError(
                path: JSONPath(codingPath), reason: .dataCorrupted("the array has no element at index \(currentIndex)"))
        }
        return ValueDecoder(
            value: elements[currentIndex], codingPath: codingPath + [IndexKey(intValue: currentIndex)], root: root)
    }

    /// Moves past the element just read; takes the result so that a failed read, which throws first, does not move.
    private mutating func advance<T>(_ result: T) -> T {
        currentIndex += 1
        return result
    }
}
