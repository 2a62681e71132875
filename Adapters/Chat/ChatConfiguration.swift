import SamtaleCore

/// One address a chat platform sends its requests to: the platform, where the secrets that verify them are kept,
/// what a conversation started there is set up with, and who may use it. Read from `chat.json`.
public struct ChatEndpoint: Equatable, Sendable {
    /// The platforms that can reply inside their own request (the issue's table).
    /// Where one secret is kept: in the environment or in a file of its own, never in `chat.json`.
    public enum SecretSource: Equatable, Sendable {
        case variable(String)
        case file(String)
    }

    /// Starts with "/"; unique in the file.
    public var path: String
    public var platform: ChatPlatform
    /// Every secret a request may be verified with, so that a new one can be added before the old one goes.
    public var secrets: [SecretSource]
    /// The setup fields of the protocol's `start`, as names not yet resolved; what is left out is asked in the chat.
    public var flow: String?
    public var deck: String?
    public var roles: [String]
    public var themes: [String]
    public var participants: [String]?
    public var targetGroup: TargetGroup?
    public var language: Language?
    /// The users, channels and teams that may use the endpoint; empty for everyone the platform lets reach it.
    public var allowed: [AllowedID]
    /// The day's question people answer here; nil where the endpoint holds only guided conversations.
    public var reflection: ChatReflection? = nil

    /// One id of `allow`, written `user:ID`, `channel:ID` or `team:ID`: platforms number users, channels and teams
    /// each on their own, so a bare id would let in a channel that shares a person's number.
    public struct AllowedID: Equatable, Sendable {
        public enum Kind: String, Sendable {
            case user, channel, team
        }

        public var kind: Kind
        public var id: String
    }

    /// Whether the message may use the endpoint: there is no allow-list, or an id in it names the message's author,
    /// its channel or its team, each only as what it is.
    public func allows(_ message: ChatMessage) -> Bool {
        allowed.isEmpty
            || allowed.contains { entry in
                switch entry.kind {
                case .user: message.author.id == entry.id
                case .channel: message.channelID == entry.id
                case .team: message.teamID == entry.id
                }
            }
    }
}

/// `chat.json`: `{"endpoints": [ … ], "inactiveDays": 30}`, checked like a targets file, every issue with its path.
public struct ChatConfiguration: Equatable, Sendable {
    public static let format = 1
    /// Sessions started in chat are deleted after this many days without activity unless the file says otherwise.
    public static let defaultInactiveDays = 30
    /// Ten years: anything longer is no longer data minimisation.
    static let inactiveDaysRange = 1...3650

    public var endpoints: [ChatEndpoint]
    public var inactiveDays: Int

    public static func decode(_ bytes: [UInt8]) throws(DataIssues) -> ChatConfiguration {
        try DocumentReader.read(bytes) { reader, json in
            guard
                let fields = reader.object(
                    json, required: ["endpoints"], optional: ["$schema", "format", "inactiveDays"])
            else { return nil }
            reader.checkHeader(fields, format: format)
            var inactiveDays = defaultInactiveDays
            if let days = reader.integer(fields, "inactiveDays") {
                if inactiveDaysRange.contains(days) {
                    inactiveDays = days
                } else {
                    reader.report(
                        .outOfRange(
                            String(days), lowest: inactiveDaysRange.lowerBound,
                            highest: inactiveDaysRange.upperBound),
                        at: .key("inactiveDays"))
                }
            }
            let endpoints = reader.list(fields, "endpoints", nonEmpty: true) { reader, value in
                endpoint(&reader, value)
            }
            reader.inside(.key("endpoints")) { reader in
                var seen: Set<String> = []
                for (index, endpoint) in endpoints where !seen.insert(endpoint.path).inserted {
                    reader.report(.duplicateID(endpoint.path), at: .index(index), .key("path"))
                }
            }
            return ChatConfiguration(endpoints: endpoints.map(\.element), inactiveDays: inactiveDays)
        }
    }

    private static let setupNames = ["flow", "deck", "role", "theme", "participants", "targetGroup", "lang"]

    private static func endpoint(_ reader: inout DocumentReader, _ value: JSONValue) -> ChatEndpoint? {
        // `secret` is known only to be refused with what to do instead, rather than as an unknown key.
        let optional = ["secretEnv", "secretFile", "secret", "allow", "reflection"] + setupNames
        guard let fields = reader.object(value, required: ["path", "platform"], optional: optional) else {
            return nil
        }
        if fields["secret"] != nil {
            reader.report(.invalidValue(ChatConfigurationStrings.secretInFile), at: .key("secret"))
        }
        let path = reader.text(fields, "path")
        if let path, !isValidPath(path) {
            reader.report(.invalidValue(ChatConfigurationStrings.invalidPath(path)), at: .key("path"))
        }
        let platform = reader.text(fields, "platform").flatMap { raw in
            let platform = ChatPlatform(rawValue: raw)
            if platform == nil {
                reader.report(
                    .notOneOf(raw, allowed: ChatPlatform.allCases.map(\.rawValue)), at: .key("platform"))
            }
            return platform
        }
        let secrets =
            variableNames(&reader, fields, "secretEnv").map(ChatEndpoint.SecretSource.variable)
            + absolutePaths(&reader, fields, "secretFile").map(ChatEndpoint.SecretSource.file)
        if fields["secretEnv"] == nil && fields["secretFile"] == nil {
            reader.report(.invalidValue(ChatConfigurationStrings.noSecret))
        }
        var targetGroup: TargetGroup?
        if let spec = reader.text(fields, "targetGroup") {
            do {
                targetGroup = try TargetGroup(parsing: spec)
            } catch {
                reader.report(.invalidValue(error.message), at: .key("targetGroup"))
            }
        }
        let language = reader.text(fields, "lang").flatMap { raw in
            let language = Language(rawValue: raw)
            if language == nil {
                reader.report(.notOneOf(raw, allowed: Language.allCases.map(\.rawValue)), at: .key("lang"))
            }
            return language
        }
        var endpoint = ChatEndpoint(
            path: path ?? "", platform: platform ?? .teams, secrets: secrets, flow: reader.text(fields, "flow"),
            deck: reader.text(fields, "deck"), roles: textOrTexts(&reader, fields, "role"),
            themes: textOrTexts(&reader, fields, "theme"),
            participants: fields["participants"] == nil ? nil : participants(&reader, fields),
            targetGroup: targetGroup, language: language, allowed: allowedIDs(&reader, fields))
        if let value = fields["reflection"] {
            endpoint.reflection = reader.inside(.key("reflection")) { reader in ChatReflection.decode(&reader, value) }
        }
        return path == nil || platform == nil ? nil : endpoint
    }

    /// `allow`'s ids, each with the kind before it; an id without one is refused rather than guessed.
    private static func allowedIDs(
        _ reader: inout DocumentReader, _ fields: DocumentReader.Fields
    ) -> [ChatEndpoint.AllowedID] {
        reader.texts(fields, "allow", nonEmpty: true).compactMap { text in
            let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard let kind = ChatEndpoint.AllowedID.Kind(rawValue: String(parts[0])), parts.count == 2 else {
                reader.report(.invalidValue(ChatConfigurationStrings.allowedWithoutKind(text)), at: .key("allow"))
                return nil
            }
            guard !parts[1].isEmpty else {
                reader.report(.invalidValue(ChatConfigurationStrings.allowedWithoutID(text)), at: .key("allow"))
                return nil
            }
            // No platform's ids have spaces: `user: 7` would allow no one, silently.
            guard !parts[1].contains(where: \.isWhitespace) else {
                reader.report(.invalidValue(ChatConfigurationStrings.allowedWithSpace(text)), at: .key("allow"))
                return nil
            }
            return ChatEndpoint.AllowedID(kind: kind, id: String(parts[1]))
        }
    }

    /// A path as a URL carries it without escaping: "/", then letters, digits and `-._~/`.
    static func isValidPath(_ path: String) -> Bool {
        path.utf8.first == UInt8(ascii: "/")
            && path.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                    UInt8(ascii: "~"), UInt8(ascii: "/"):
                    true
                default: false
                }
            }
    }

    /// A string or a non-empty list of strings, as the protocol's `start` takes roles and themes.
    private static func textOrTexts(
        _ reader: inout DocumentReader, _ fields: DocumentReader.Fields, _ key: String
    ) -> [String] {
        guard let value = fields[key] else { return [] }
        if case .array = value { return reader.texts(fields, key, nonEmpty: true) }
        return reader.text(fields, key).map { [$0] } ?? []
    }

    /// Environment variables by their names as a shell writes them; anything else may be the secret itself, pasted
    /// in the wrong place, so the value is never repeated.
    private static func variableNames(
        _ reader: inout DocumentReader, _ fields: DocumentReader.Fields, _ key: String
    ) -> [String] {
        let names = textOrTexts(&reader, fields, key)
        for name in names where !isVariableName(name) {
            reader.report(.invalidValue(ChatConfigurationStrings.notAVariableName), at: .key(key))
        }
        return names
    }

    /// Letters, digits and `_`, not beginning with a digit.
    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        return name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                true
            default: false
            }
        }
    }

    /// Secret files by absolute path: the server's working folder is the service manager's to choose. A relative
    /// one may be the secret itself, so it is not repeated either.
    private static func absolutePaths(
        _ reader: inout DocumentReader, _ fields: DocumentReader.Fields, _ key: String
    ) -> [String] {
        let paths = textOrTexts(&reader, fields, key)
        for path in paths where !path.hasPrefix("/") {
            reader.report(.invalidValue(ChatConfigurationStrings.relativeSecretFile), at: .key(key))
        }
        return paths
    }

    /// A list of names, or one string of names separated by commas, taken as the protocol's `start` takes them.
    private static func participants(_ reader: inout DocumentReader, _ fields: DocumentReader.Fields) -> [String] {
        let names: [String]
        if case .string = fields["participants"] {
            names = (reader.text(fields, "participants") ?? "").split(separator: ",").map(String.init)
        } else {
            names = reader.texts(fields, "participants")
        }
        do {
            return try SetupPlanner.participants(names)
        } catch {
            reader.report(.invalidValue(error.message), at: .key("participants"))
            return names
        }
    }
}
