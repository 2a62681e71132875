import Foundation
import SamtaleCore

/// Checks each deck and flow file with the core's decoders and writes a Swift file that holds each deck as a Swift
/// value, together with its JSON text (for `samtale validate`), and each flow as its JSON text (flows are decoded
/// only by the commands that hold conversations, so they need not be values).
///
/// Usage: embed-decks OUTPUT.swift FILE.json…   (a file in a folder named `flows` is a flow, any other a deck)
/// A broken file stops the build with the same `file: path: message` lines that `samtale validate` prints.

// MARK: - Swift source for model values

/// A Swift string literal that reads back as exactly `text`.
func literal(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "\"": result += "\\\""
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += "\\u{\(String(scalar.value, radix: 16))}"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

func literal(_ texts: [String]) -> String {
    "[" + texts.map(literal).joined(separator: ", ") + "]"
}

func literal(_ texts: PerAudience<[String]>) -> String {
    "PerAudience(individual: \(literal(texts.individual)), group: \(literal(texts.group)))"
}

func literal(_ deck: Deck) -> String {
    let sections = deck.sections.map { section in
        let lists = section.lists.map { "SectionList(after: \($0.after), items: \(literal($0.items)))" }
        return "DeckSection(kind: .\(section.kind), title: \(literal(section.title)), titleOrigin: "
            + ".\(section.titleOrigin), paragraphs: \(literal(section.paragraphs)), lists: ["
            + lists.joined(separator: ", ") + "], items: \(literal(section.items)))"
    }
    let corrections = deck.corrections.map { correction in
        "Correction(original: \(literal(correction.original)), reading: \(literal(correction.reading)))"
    }
    let roles = deck.roles.map { role in
        let headings =
            role.questionHeadings.map {
                "PerAudience(individual: \(literal($0.individual)), group: \(literal($0.group)))"
            } ?? "nil"
        let group =
            role.group.map {
                "RoleGroup(name: \(literal($0.name)), heading: \(literal($0.heading)), tasks: \(literal($0.tasks)))"
            } ?? "nil"
        return
            "Role(id: \(literal(role.id)), name: \(literal(role.name)), aliases: \(literal(role.aliases)), "
            + "level: \(role.level), description: \(literal(role.description)), questionHeadings: "
            + "\(headings), group: \(group))"
    }
    let themes = deck.themes.map { theme in
        "Theme(id: \(literal(theme.id)), name: \(literal(theme.name)), aliases: \(literal(theme.aliases)), parent: \(theme.parent.map(literal) ?? "nil"), description: \(literal(theme.description)), energizers: \(literal(theme.energizers)))"
    }
    let cards = deck.cards.map { card in
        "Card(role: \(literal(card.role)), theme: \(literal(card.theme)), heading: \(card.heading.map(literal) ?? "nil"), statements: \(literal(card.statements)), quotes: \(literal(card.quotes)), pitfalls: \(literal(card.pitfalls)), questions: \(literal(card.questions)), written: \(literal(card.written)), needsContext: \(literal(card.needsContext)))"
    }
    func list(_ type: String, _ items: [String]) -> String {
        "let \(type.lowercased())s: [\(type)] = [\n" + items.map { "            \($0),\n" }.joined() + "        ]\n"
    }
    return """
                \(list("DeckSection", sections).replacingOccurrences(of: "let decksections", with: "let sections"))
                \(list("Role", roles))
                \(list("Theme", themes))
                \(list("Card", cards))
                \(list("Correction", corrections))
                let templates: Templates? = \(deck.templates.map { "Templates(card: \(literal($0.card)), statement: \(literal($0.statement)), pitfall: \(literal($0.pitfall)))" } ?? "nil")
                return Deck(
                    id: \(literal(deck.id)), title: \(literal(deck.title)), organisation: \(literal(deck.organisation)),
                    source: \(literal(deck.source)), sections: sections, roles: roles, themes: themes, cards: cards,
                    templates: templates, corrections: corrections
                )
        """
}

// MARK: - Main

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: embed-decks OUTPUT.swift DECK.json…\n".utf8))
    exit(64)
}

var entries: [String] = []
var flows: [String] = []
var functions: [String] = []
var broken = false

func report(_ issues: DataIssues, in path: String) {
    for line in DataFileError(file: path, issues: issues.issues).lines(in: .en) {
        FileHandle.standardError.write(Data("\(line)\n".utf8))
    }
}

for (index, path) in arguments.dropFirst().enumerated() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("embed-decks: cannot read \(path)\n".utf8))
        exit(66)
    }
    let url = URL(fileURLWithPath: path)
    let name = url.lastPathComponent
    if url.deletingLastPathComponent().lastPathComponent == "flows" {
        do {
            _ = try FlowDecoder.decode([UInt8](data))
            flows.append(
                "        BuiltinFlow(fileName: \(literal(name)), json: "
                    + "\(literal(String(decoding: data, as: UTF8.self)))),\n"
            )
        } catch {
            report(error, in: path)
            broken = true
        }
        continue
    }
    let deck: Deck
    do {
        deck = try DeckDecoder.decode([UInt8](data))
    } catch {
        report(error, in: path)
        broken = true
        continue
    }
    entries.append(
        "        BuiltinDeck(fileName: \(literal(name)), deck: deck\(index)(), json: "
            + "\(literal(String(decoding: data, as: UTF8.self)))),\n"
    )
    functions.append("    private static func deck\(index)() -> Deck {\n\(literal(deck))\n    }\n")
}
if broken {
    FileHandle.standardError.write(Data("embed-decks: fix the built-in files above (Dialogues/)\n".utf8))
    exit(65)
}

let source = """
    // Generated by embed-decks from Dialogues/*.json at build time. Do not edit.
    import SamtaleCore

    /// The decks built into samtale, checked when samtale was built.
    public enum BuiltinDecks {
        public static let all: [BuiltinDeck] = [
    \(entries.joined())    ]

    \(functions.joined(separator: "\n"))}

    /// The flows built into samtale, checked when samtale was built.
    public enum BuiltinFlows {
        public static let all: [BuiltinFlow] = [
    \(flows.joined())    ]
    }

    """
do {
    try source.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("embed-decks: cannot write \(output): \(error)\n".utf8))
    exit(73)
}
