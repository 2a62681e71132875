import SamtaleCore

// MARK: - ProtocolError

/// One `error` line: a stable code for programs, a message for people.
struct ProtocolError: Error {
    /// The codes of protocol version 1, as documented in PROTOCOL.md.
    enum Code: String {
        case invalidJSON = "invalid-json"
        case invalidUTF8 = "invalid-utf8"
        case lineTooLong = "line-too-long"
        case notAnObject = "not-an-object"
        case unknownType = "unknown-type"
        case missingField = "missing-field"
        case invalidField = "invalid-field"
        case unknownName = "unknown-name"
        case invalidSetup = "invalid-setup"
        case unknownSession = "unknown-session"
        case sessionExists = "session-exists"
        case sessionFinished = "session-finished"
        case invalidToken = "invalid-token"
        case damagedSession = "damaged-session"
        case cannotSave = "cannot-save"
    }

    let code: Code
    let message: Localized

    init(_ code: Code, _ message: Localized) {
        self.code = code
        self.message = message
    }

    init(_ code: Code, detail: String = "") {
        self.code = code
        message = Strings.protocolError(code.rawValue, detail)
    }
}

// MARK: - Request

/// The members of one request object, read with errors that name the field.
struct Request {
    let members: [JSONMember]

    subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    func string(_ key: String) throws(ProtocolError) -> String? {
        guard let value = self[key], value != .null else { return nil }
        guard case .string(let text) = value else { throw ProtocolError(.invalidField, detail: "\(key): a string") }
        return text
    }

    func requiredString(_ key: String) throws(ProtocolError) -> String {
        guard let text = try string(key) else { throw ProtocolError(.missingField, detail: key) }
        return text
    }

    func bool(_ key: String) throws(ProtocolError) -> Bool {
        guard let value = self[key], value != .null else { return false }
        guard case .bool(let flag) = value else { throw ProtocolError(.invalidField, detail: "\(key): true or false") }
        return flag
    }

    func integer(_ key: String) throws(ProtocolError) -> Int? {
        guard let value = self[key], value != .null else { return nil }
        guard case .number(let literal) = value, let number = Int(literal) else {
            throw ProtocolError(.invalidField, detail: "\(key): a whole number")
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
                guard case .string(let text) = element else { throw ProtocolError(.invalidField, detail: "\(key): strings") }
                texts.append(text)
            }
            return texts
        default:
            throw ProtocolError(.invalidField, detail: "\(key): a string or a list of strings")
        }
    }

    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, as type: Choice.Type) throws(ProtocolError) -> Choice?
    where Choice.RawValue == String {
        guard let raw = try string(key) else { return nil }
        guard let choice = Choice(rawValue: raw) else {
            throw ProtocolError(.invalidField, detail: "\(key): one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return choice
    }

    func sessionID(_ key: String = "session") throws(ProtocolError) -> SessionID {
        let text = try requiredString(key)
        guard let id = SessionID(validating: text) else { throw ProtocolError(.invalidField, detail: "\(key): a session id") }
        return id
    }
}
