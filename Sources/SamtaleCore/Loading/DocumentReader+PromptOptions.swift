// MARK: - Prompt options in a file

/// The day's question as a file sets it: the prompt options and the weekdays of a target in `targets.json`, and of
/// an endpoint's `reflection` in `chat.json`, read by one parser so that both files mean the same by the same keys.
extension DocumentReader {
    /// The prompt options a file may set, by the names `PromptOptions` gives them; the day and the way of picking
    /// are the command line's alone.
    package static let promptNames: [PromptOptions.Name] = [
        .deck, .role, .theme, .audience, .skipWeekends, .holidays, .targetGroup,
    ]

    /// The keys of `weekdays`, Monday first.
    package static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    package mutating func promptOptions(_ fields: Fields) -> PromptOptions {
        var values: [PromptOptions.Name: String] = [:]
        for name in Self.promptNames {
            switch name.kind {
            case .flag: if flag(fields, name.rawValue) { values[name] = "true" }
            case .number, .text: values[name] = text(fields, name.rawValue)
            }
        }
        do {
            // No random pick among the names read, so no seed is ever drawn.
            return try PromptOptions(values, spelling: \.rawValue, randomSeed: { 0 })
        } catch {
            if case .notOneOf(let allowed) = error.reason {
                report(.notOneOf(error.value, allowed: allowed), at: .key(error.option))
            } else {
                report(.invalidValue(error.message), at: .key(error.option))
            }
            return PromptOptions()
        }
    }

    /// The days of `weekdays` by their English names; Monday to Friday when the key is missing.
    package mutating func weekdays(_ fields: Fields) -> [Weekday] {
        guard fields["weekdays"] != nil else { return Array(Weekday.allCases.prefix(5)) }
        return texts(fields, "weekdays").compactMap { name in
            guard let index = Self.weekdayNames.firstIndex(of: name) else {
                report(.notOneOf(name, allowed: Self.weekdayNames), at: .key("weekdays"))
                return nil
            }
            return Weekday(rawValue: index + 1)
        }
    }

    private mutating func flag(_ fields: Fields, _ key: String) -> Bool {
        guard let value = fields[key] else { return false }
        guard case .bool(let flag) = value else {
            report(.wrongType(expected: .bool, found: value.kind), at: .key(key))
            return false
        }
        return flag
    }
}
