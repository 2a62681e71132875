import SamtaleCore

/// What the front door found at a secret file's path: its bytes and whether others than its owner may read them, or
/// why it could not be read.
public enum SecretFile: Sendable {
    case contents([UInt8], readableByOthers: Bool)
    case unreadable(reason: Localized)
}

extension ChatEndpoint {
    /// Every secret of the endpoint, in the order the file names them; the lookups are the caller's, so that this
    /// stays pure and a test can give any environment and any files.
    public func secretValues(
        environment: (String) -> String?, readFile: (String) -> SecretFile
    ) throws(ChatSecretError) -> [String] {
        var values: [String] = []
        for source in secrets {
            values.append(try secretValue(source, environment: environment, readFile: readFile))
        }
        return values
    }

    /// One secret, trimmed of the whitespace (above all the final newline) that an editor or `echo` leaves around it.
    public func secretValue(
        _ source: SecretSource, environment: (String) -> String?, readFile: (String) -> SecretFile
    ) throws(ChatSecretError) -> String {
        let value: String
        switch source {
        case .variable(let name):
            guard let text = environment(name) else { throw .unsetVariable(endpoint: path, name: name) }
            value = text.trimmingWhitespace
        case .file(let file):
            switch readFile(file) {
            case .unreadable(let reason):
                throw .unreadableFile(endpoint: path, file: file, reason: reason)
            case .contents(_, readableByOthers: true):
                throw .fileReadableByOthers(endpoint: path, file: file)
            case .contents(let bytes, readableByOthers: false):
                value = String(decoding: bytes, as: UTF8.self).trimmingWhitespace
            }
        }
        guard !value.isEmpty else { throw .empty(endpoint: path, source: source) }
        return value
    }
}

/// Why an endpoint's secret cannot be had, naming the endpoint and what to do.
public enum ChatSecretError: ExplainedError, Equatable, Sendable {
    /// No secret for a verifier, or an empty one.
    case missing(ChatPlatform)
    /// A Teams security token that is not standard base64, so not the key Teams signs with.
    case teamsTokenNotBase64
    case unsetVariable(endpoint: String, name: String)
    case empty(endpoint: String, source: ChatEndpoint.SecretSource)
    case unreadableFile(endpoint: String, file: String, reason: Localized)
    /// A file of secrets that group or others may read, as a session file may not.
    case fileReadableByOthers(endpoint: String, file: String)

    public var message: Localized {
        switch self {
        case .missing(let platform):
            Localized(
                da: "et endepunkt til \(platform.displayName) skal have mindst én hemmelighed, og ingen hemmelighed "
                    + "må være tom; uden hemmelighed kan samtale ikke se, om en besked kommer fra "
                    + platform.displayName,
                en: "an endpoint for \(platform.displayName) needs at least one secret, none of them empty: without "
                    + "one, samtale cannot tell whether a message comes from \(platform.displayName)")
        case .teamsTokenNotBase64:
            Localized(
                da: "sikkerhedstokenet til Microsoft Teams er ikke gyldig base64; brug det sikkerhedstoken, Teams "
                    + "viste, da den udgående webhook blev oprettet",
                en: "the Microsoft Teams security token is not written in base64; use the token Teams showed when "
                    + "the outgoing webhook was created")
        case .unsetVariable(let endpoint, let name):
            Localized(
                da: "endepunktet \(endpoint): miljøvariablen \(name) er ikke sat; sæt den til hemmeligheden fra "
                    + "chatplatformen",
                en: "endpoint \(endpoint): the environment variable \(name) is not set; set it to the secret from the "
                    + "chat platform")
        case .empty(let endpoint, .variable(let name)):
            Localized(
                da: "endepunktet \(endpoint): miljøvariablen \(name) er tom; sæt den til hemmeligheden fra "
                    + "chatplatformen",
                en: "endpoint \(endpoint): the environment variable \(name) is empty; set it to the secret from the "
                    + "chat platform")
        case .empty(let endpoint, .file(let file)):
            Localized(
                da: "endepunktet \(endpoint): filen \(file) er tom; skriv hemmeligheden fra chatplatformen i den",
                en: "endpoint \(endpoint): the file \(file) is empty; write the secret from the chat platform in it")
        case .unreadableFile(let endpoint, let file, let reason):
            Localized(
                da: "endepunktet \(endpoint): kan ikke læse hemmeligheden i \(file): \(reason.da)",
                en: "endpoint \(endpoint): cannot read the secret in \(file): \(reason.en)")
        case .fileReadableByOthers(let endpoint, let file):
            Localized(
                da: "endepunktet \(endpoint): andre end ejeren kan læse hemmeligheden i \(file); gør filen privat med "
                    + "chmod 600 \(file)",
                en: "endpoint \(endpoint): others than its owner can read the secret in \(file); make the file "
                    + "private with chmod 600 \(file)")
        }
    }
}

/// What the configuration's own rules say, in both languages.
enum ChatConfigurationStrings {
    static let secretInFile = Localized(
        da: "hemmeligheden må ikke stå i chat.json; læg den i en miljøvariabel (secretEnv) eller i en fil, som kun "
            + "ejeren kan læse (secretFile)",
        en: "the secret may not be written in chat.json; put it in an environment variable (secretEnv) or in a file "
            + "only its owner can read (secretFile)")

    static let noSecret = Localized(
        da: "endepunktet har ingen hemmelighed; angiv en miljøvariabel i secretEnv eller en fil i secretFile",
        en: "the endpoint has no secret; name the environment variable in secretEnv or the file in secretFile")

    static let relativeSecretFile = Localized(
        da: "skriv den fulde sti til filen med hemmeligheden, så den begynder med /, fx /etc/samtale/teams-secret",
        en: "write the whole path of the secret file, from /, such as /etc/samtale/teams-secret")

    static let notAVariableName = Localized(
        da:
            "skriv navnet på den miljøvariabel, der indeholder hemmeligheden (bogstaverne a-z og A-Z, tal og _, ikke "
            + "tal først, fx SAMTALE_TEAMS_SECRET), ikke selve hemmeligheden",
        en: "write the name of the environment variable that holds the secret (the letters a-z and A-Z, digits and "
            + "_, not a digit first, such as SAMTALE_TEAMS_SECRET), not the secret itself")

    static func allowedWithoutKind(_ text: String) -> Localized {
        Localized(
            da: "skriv »user:«, »channel:« eller »team:« foran »\(text)«, så det fremgår, om id'et hører til en "
                + "bruger, en kanal eller et team",
            en: "write \"user:\", \"channel:\" or \"team:\" before \"\(text)\" to show whether the id belongs to a "
                + "user, a channel or a team")
    }

    static func allowedWithoutID(_ text: String) -> Localized {
        Localized(
            da: "der mangler et id efter »\(text)«, fx »\(text)7«",
            en: "an id is missing after \"\(text)\", e.g. \"\(text)7\"")
    }

    static func allowedWithSpace(_ text: String) -> Localized {
        Localized(
            da: "»\(text)« indeholder mellemrum, og det må et id ikke",
            en: "\"\(text)\" contains a space, and an id cannot")
    }

    static func invalidPath(_ path: String) -> Localized {
        Localized(
            da: "»\(path)« kan ikke bruges som sti; en sti skal begynde med / og må kun indeholde bogstaverne a-z og "
                + "A-Z (ikke æ, ø og å), tal og tegnene - . _ ~ /, fx /teams/ledergruppe",
            en: "\"\(path)\" cannot be used as a path; a path begins with / and holds only the letters a-z and A-Z, "
                + "digits and the characters - . _ ~ /, such as /teams/ledergruppe")
    }
}
