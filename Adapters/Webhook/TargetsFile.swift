import SamtaleCore

/// A named place to post the day's question: a channel's webhook, the prompt options for its team, and the weekdays
/// it gets a question on. Read from `targets.json` ($XDG_CONFIG_HOME/samtale, or `--config FILE`).
public struct WebhookTarget: Equatable, Sendable {
    /// Where the webhook URL is: the environment variable that holds it (the usual way), or the file itself.
    public enum URLSource: Equatable, Sendable {
        case variable(String)
        case inline(String)
    }

    public var name: String
    public var platform: Platform?
    public var url: URLSource
    /// The target's own prompt options, which win over the command line's (`PromptOptions.overriding`).
    public var prompt: PromptOptions
    /// The days it posts on; Monday to Friday unless the file says otherwise.
    public var weekdays: [Weekday]
    public var language: Language?
}

/// The targets file: `{"format": 1, "targets": [ … ]}`, checked like a deck, every issue with its JSON path.
public enum TargetsFile {
    public static let format = 1

    public static func decode(_ bytes: [UInt8]) throws(DataIssues) -> [WebhookTarget] {
        try DocumentReader.read(bytes) { reader, json in
            guard let fields = reader.object(json, required: ["format", "targets"], optional: ["$schema"]) else {
                return nil
            }
            reader.checkHeader(fields, format: format)
            let targets = reader.list(fields, "targets") { reader, value in target(&reader, value) }.map(\.element)
            reader.inside(.key("targets")) { reader in
                var seen: Set<String> = []
                for (index, target) in targets.enumerated() where !seen.insert(target.name).inserted {
                    reader.report(.duplicateID(target.name), at: .index(index), .key("name"))
                }
            }
            return targets
        }
    }

    /// Each deck, role or theme name of the targets that `catalog` does not know, or knows more than once, at its
    /// JSON path, as `post` would find them with nothing given on its command line.
    public static func nameIssues(_ targets: [WebhookTarget], in catalog: Catalog) -> [DataIssue] {
        var issues: [DataIssue] = []
        for (index, target) in targets.enumerated() {
            do throws(NameError) {
                _ = try catalog.resolveNames(of: target.prompt)
            } catch {
                // A kind's raw value is the key the target names it by.
                let kind: NameKind
                switch error {
                case .unknown(let named, _, _), .ambiguous(let named, _, _): kind = named
                }
                let path = JSONPath.root.appending("targets").appending(index).appending(kind.rawValue)
                issues.append(DataIssue(.invalidValue(error.message), at: path))
            }
        }
        return issues
    }

    private static func target(_ reader: inout DocumentReader, _ value: JSONValue) -> WebhookTarget? {
        let optional =
            ["platform", "url", "urlVariable", "weekdays", "lang"] + DocumentReader.promptNames.map(\.rawValue)
        guard let fields = reader.object(value, required: ["name"], optional: optional) else { return nil }
        let name = reader.slug(fields, "name")
        let platform = choice(&reader, fields, "platform", as: Platform.self)
        let url: WebhookTarget.URLSource?
        switch (reader.text(fields, "urlVariable"), reader.text(fields, "url")) {
        case (let variable?, nil): url = .variable(variable)
        case (nil, let text?):
            url = .inline(text)
            do {
                _ = try WebhookAddress(parsing: text, platform: platform)
            } catch {
                reader.report(.invalidWebhook(error.message), at: .key("url"))
            }
        default:
            reader.report(.exactlyOneOf(["urlVariable", "url"]))
            url = nil
        }
        let weekdays = reader.weekdays(fields)
        let target = WebhookTarget(
            name: name ?? "", platform: platform, url: url ?? .variable(""), prompt: reader.promptOptions(fields),
            weekdays: weekdays, language: choice(&reader, fields, "lang", as: Language.self)
        )
        return name == nil || url == nil ? nil : target
    }

    private static func choice<Choice: RawRepresentable & CaseIterable>(
        _ reader: inout DocumentReader, _ fields: DocumentReader.Fields, _ key: String, as type: Choice.Type
    ) -> Choice? where Choice.RawValue == String {
        guard let raw = reader.text(fields, key) else { return nil }
        guard let choice = Choice(rawValue: raw) else {
            reader.report(.notOneOf(raw, allowed: Choice.allCases.map(\.rawValue)), at: .key(key))
            return nil
        }
        return choice
    }
}
