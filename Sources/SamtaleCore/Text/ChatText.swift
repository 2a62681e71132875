// MARK: - ChatText

/// How one platform's markup is written so that untrusted text shows as typed and can mention no one.
///
/// Text is escaped one Character at a time and every Character becomes one unit that is never split: a cut can then
/// fall only between units, so it never leaves half an emoji, a dangling backslash or half an entity. Inside a
/// Character each Unicode scalar is looked at, because a Character may hide an `@` behind a prepended scalar.
public struct ChatText: Sendable {
    /// Characters that take a backslash wherever they are (emphasis, code, links). Parentheses are left alone: with
    /// the brackets escaped they can never close a link, and ordinary text such as "(1:1)" stays as it is.
    var backslashed: Set<Unicode.Scalar> = []
    /// Characters that take a backslash only as the first thing on a line after indentation (headings, quotes).
    var lineMarkers: Set<Unicode.Scalar> = []
    /// Characters followed by a zero-width space (U+200B), so that `@here`, `<!channel>` or `<users/all>` no longer
    /// parse as a mention or a link while the text looks the same.
    var defanged: Set<Unicode.Scalar> = []
    /// Characters written as entities.
    var entities: [Unicode.Scalar: String] = [:]
    /// What a line break becomes.
    var lineBreak = "\n"
    /// Put on both sides of a title.
    public internal(set) var strong = ""
    /// Put on both sides of a context or footer line.
    public internal(set) var subtle = ""
}

// MARK: - Platforms

extension ChatText {
    /// Adaptive Card TextBlocks: a Markdown subset that cannot mention anyone; a single line break does not show, so
    /// each one becomes an empty line.
    public static let teams = ChatText(backslashed: scalars(#"\*_[]`"#), lineMarkers: scalars("#"), lineBreak: "\n\n")

    /// The text of a Teams message (a bot's reply), which takes Markdown and some HTML: the Markdown marks take a
    /// backslash and the HTML characters are entities, so no `<at>` mention, link or tag can be written.
    public static let teamsMessage = ChatText(
        backslashed: scalars(#"\*_[]`"#), lineMarkers: scalars("#"),
        entities: ["&": "&amp;", "<": "&lt;", ">": "&gt;"], lineBreak: "\n\n")

    /// Slack's three control characters as entities, in mrkdwn and plain_text alike; this also neutralises
    /// `<!channel>`, `<!here>`, `<@U…>` and `<url|label>`. mrkdwn has no escapes for the rest.
    public static let slack = ChatText(entities: ["&": "&amp;", "<": "&lt;", ">": "&gt;"])

    /// CommonMark with strikethrough. `<` is defanged rather than escaped: Mattermost turns `<!channel>` and `<@id>`
    /// into mentions in the raw text, before any Markdown, where a backslash would not stop it.
    public static let mattermost = ChatText(
        backslashed: scalars(#"\*_~[]`"#), lineMarkers: scalars("#>"),
        defanged: scalars("@<"), strong: "**", subtle: "_")

    /// Discord's Markdown, which takes a backslash before any punctuation; `|` for spoilers. Mentions are also
    /// switched off in the payload (`allowed_mentions`), so defanging is a second line of defence.
    public static let discord = ChatText(
        backslashed: scalars(#"\*_~|[]`"#), lineMarkers: scalars("#>"),
        defanged: scalars("@<"), subtle: "_")

    /// An embed footer: Discord shows it without Markdown, so it gets only the invisible defanging.
    public static let discordFooter = ChatText(defanged: scalars("@<"))

    /// Google Chat's text has no escapes: `<` is defanged, which stops `<users/all>` and `<url|label>`; `*` and `_`
    /// from the message still format, which can neither mention nor link.
    public static let googleChat = ChatText(defanged: scalars("<"), strong: "*", subtle: "_")

    /// Rocket.Chat's parser takes a backslash only before `* _ ~ ` # .`, so a backslash before anything else would
    /// show; `]` is defanged instead, which breaks `[label](url)`.
    public static let rocketChat = ChatText(
        backslashed: scalars("*_~`"), lineMarkers: scalars("#"),
        defanged: scalars("@<]"), strong: "*", subtle: "_")

    /// Zulip Markdown (Python-Markdown escapes, no `~` or `|`). Its Slack-compatible hook rewrites `*x*` to bold and
    /// `_x_` to italics, so samtale's own marks are Slack's (an escaped pair from the message may still come out
    /// partly italic there, with every word kept); `<` is defanged because the hook turns `<url|label>` into a link,
    /// and `@` because `@**all**`, `@*group*` and `@_**name**` are mentions.
    public static let zulip = ChatText(
        backslashed: scalars(#"\*_[]`"#), lineMarkers: scalars("#>"),
        defanged: scalars("@<"), strong: "*", subtle: "_")

    private static func scalars(_ characters: String) -> Set<Unicode.Scalar> {
        Set(characters.unicodeScalars)
    }
}

// MARK: - Limits

/// What each platform takes in one message, as its documentation gives it, for `post` and the replies of a chat
/// alike; "characters" are counted as UTF-16 code units (`TextMeasure`).
public enum ChatLimit {
    /// Titles, contexts and footers are names, longer than this only by mistake; capping them leaves the room to
    /// the body.
    public static let name = 256
    /// Bytes of the whole Teams request ("about 28 KB").
    public static let teamsRequest = 28_000
    public static let slackText = 4_000
    public static let slackHeader = 150
    public static let slackSection = 3_000
    public static let mattermost = 16_383
    public static let discordTitle = 256
    public static let discordDescription = 4_096
    /// Bytes.
    public static let googleChat = 32_000
    public static let rocketChat = 5_000
    /// Bytes.
    public static let zulip = 10_000
}

// MARK: - Escaping and cutting

extension ChatText {
    /// `text` escaped, on one line when `singleLine` (titles, context and footers are names, and a line break would
    /// end the markup around them). When it does not fit within `limit`, it is cut after the last whole Character
    /// that leaves room for `marker`, and the marker is put after it.
    public func escaped(
        _ text: String, singleLine: Bool = false, fitting limit: Int, in measure: TextMeasure,
        marker: String
    ) -> String {
        let markerSize = measure.size(of: marker)
        var output = ""
        var used = 0
        /// How many UTF-8 bytes of `output` still leave room for the marker.
        var fittingLength = 0
        var atLineStart = true
        for character in text {
            let unit = escaped(character, singleLine: singleLine, atLineStart: &atLineStart)
            used += measure.size(of: unit)
            if used > limit {
                return String(decoding: output.utf8.prefix(fittingLength), as: UTF8.self) + marker
            }
            output += unit
            if used + markerSize <= limit { fittingLength = output.utf8.count }
        }
        return output
    }

    /// One Character as written on the platform; `atLineStart` follows the text so that line markers are known.
    private func escaped(_ character: Character, singleLine: Bool, atLineStart: inout Bool) -> String {
        if character.isNewline {
            atLineStart = !singleLine
            return singleLine ? " " : lineBreak
        }
        var unit = ""
        for scalar in character.unicodeScalars {
            if let entity = entities[scalar] {
                unit += entity
            } else {
                if backslashed.contains(scalar) || (atLineStart && lineMarkers.contains(scalar)) { unit += "\\" }
                unit.unicodeScalars.append(scalar)
            }
            if defanged.contains(scalar) { unit += "\u{200B}" }
            if scalar != " " && scalar != "\t" { atLineStart = false }
        }
        return unit
    }
}

// MARK: - TextMeasure

/// How a platform counts text against its limits.
public enum TextMeasure: Sendable {
    /// UTF-16 code units: what JavaScript counts, and never fewer than the Unicode scalars that Go and Python count,
    /// so a "characters" limit holds whichever the platform means.
    case utf16
    /// UTF-8 bytes.
    case utf8
    /// UTF-8 bytes once written inside a JSON string, with its escapes: Teams limits the size of the whole request.
    case json

    public func size(of text: String) -> Int {
        switch self {
        case .utf16: text.utf16.count
        case .utf8: text.utf8.count
        case .json: JSONWriter.bytes(.string(text)).count - 2
        }
    }
}
