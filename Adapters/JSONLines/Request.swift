import SamtaleCore

// MARK: - Request

/// The members of one request object, read with errors that name the field.
struct Request {
    let members: [JSONMember]

    subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    func string(_ key: String) throws(ProtocolError) -> String? {
        guard let value = self[key], value != .null else { return nil }
        guard case .string(let text) = value else { throw .invalidField(key, .string) }
        return text
    }

    func requiredString(_ key: String) throws(ProtocolError) -> String {
        guard let text = try string(key) else { throw .missingField(key) }
        return text
    }

    func bool(_ key: String) throws(ProtocolError) -> Bool {
        guard let value = self[key], value != .null else { return false }
        guard case .bool(let flag) = value else { throw .invalidField(key, .trueOrFalse) }
        return flag
    }

    /// A whole number within `range`; anything else (a fraction, a number too large for any integer) names the range.
    func integer(_ key: String, in range: ClosedRange<Int>) throws(ProtocolError) -> Int? {
        guard let value = self[key], value != .null else { return nil }
        guard case .number(let literal) = value, let number = Int(literal), range.contains(number) else {
            throw .invalidField(key, .wholeNumber(range))
        }
        return number
    }

    /// A string, or a list of strings (also given as one comma-separated string): roles, themes, participants.
    func strings(_ key: String) throws(ProtocolError) -> [String] {
        guard let value = self[key], value != .null else { return [] }
        switch value {
        case .string(let text):
            return text.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        case .array(let elements):
            var texts: [String] = []
            for element in elements {
                guard case .string(let text) = element else { throw .invalidField(key, .strings) }
                texts.append(text)
            }
            return texts
        default:
            throw .invalidField(key, .stringOrStrings)
        }
    }

    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, as type: Choice.Type) throws(ProtocolError)
        -> Choice?
    where Choice.RawValue == String {
        guard let raw = try string(key) else { return nil }
        guard let choice = Choice(rawValue: raw) else {
            throw .invalidField(key, .oneOf(Choice.allCases.map(\.rawValue)))
        }
        return choice
    }

    func sessionID(_ key: String = "session") throws(ProtocolError) -> SessionID {
        let text = try requiredString(key)
        guard let id = SessionID(validating: text) else { throw .invalidField(key, .sessionID) }
        return id
    }
}
