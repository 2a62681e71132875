import SamtaleCore

// MARK: - FormBody

/// An `application/x-www-form-urlencoded` body (the WHATWG URL standard's form format), as Slack and Mattermost send a
/// slash command: `name=value` pairs joined by `&`, `+` for a space and `%XX` for any other byte.
public struct FormBody: Sendable {
    /// The pairs in the order they came, names and values decoded.
    public let fields: [(name: String, value: String)]

    /// nil when the body is not a form: a `%` without two hexadecimal digits after it, or bytes that are not UTF-8
    /// once decoded (a platform never sends either; a forger might, and must not get a value that differs from what
    /// a signature covered).
    public init?(_ body: [UInt8]) {
        var fields: [(name: String, value: String)] = []
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = PercentEncoding.decoded(parts[0], plusIsSpace: true),
                let value = PercentEncoding.decoded(parts.count > 1 ? parts[1] : [], plusIsSpace: true)
            else { return nil }
            fields.append((name, value))
        }
        self.fields = fields
    }

    /// The value of the only field named `name`; nil when there is none or more than one, since two tokens or two
    /// texts leave open which one was meant.
    public func value(_ name: String) -> String? {
        let matching = fields.filter { $0.name == name }
        return matching.count == 1 ? matching[0].value : nil
    }
}
