import SamtaleCore

// MARK: - PayloadFields

/// The fields of a request body, a form's or a JSON object's, read alike: Mattermost sends either, by the content
/// type its administrator chose.
enum PayloadFields {
    case form(FormBody)
    case json(JSONValue)

    /// nil when the body is neither a form (by its content type) nor a JSON object.
    init?(_ request: ChatRequest) {
        if request.isForm {
            guard let form = FormBody(request.body) else { return nil }
            self = .form(form)
        } else {
            guard let value = try? JSONParser.parse(request.body), case .object = value else { return nil }
            self = .json(value)
        }
    }

    /// Whether the field is there at all, whatever its value.
    func has(_ name: String) -> Bool {
        switch self {
        case .form(let form): form.fields.contains { $0.name == name }
        case .json(let value): value.member(name) != nil
        }
    }

    /// The field as text: a form's value, a JSON string, or a JSON number as written (platforms give ids as either);
    /// nil when it is missing or anything else.
    func string(_ name: String) -> String? {
        switch self {
        case .form(let form): form.value(name)
        case .json(let value): Self.text(value.member(name))
        }
    }

    /// A JSON string or number as text.
    static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text), .number(let text): text
        default: nil
        }
    }
}
