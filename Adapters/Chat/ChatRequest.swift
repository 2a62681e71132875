import SamtaleCore

// MARK: - ChatRequest

/// What a platform sent, as the front door received it: the headers in their order and the body's raw bytes, which
/// are what a signature covers (a parsed and re-written body would no longer verify).
public struct ChatRequest: Sendable {
    public let headers: [(name: String, value: String)]
    public let body: [UInt8]

    public init(headers: [(name: String, value: String)], body: [UInt8]) {
        self.headers = headers
        self.body = body
    }

    /// The value of the header named `name` in any case, without surrounding whitespace; nil when it is missing or
    /// given more than once, since two signatures or two timestamps leave open which one was meant.
    func header(_ name: String) -> String? {
        let matching = headers.filter { $0.name.lowercased() == name.lowercased() }
        guard matching.count == 1 else { return nil }
        return matching[0].value.trimmingWhitespace
    }

    /// Whether the body is a form (`application/x-www-form-urlencoded`) rather than JSON, by its content type.
    var isForm: Bool {
        header("Content-Type")?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false
    }
}
