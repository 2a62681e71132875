import Foundation
import Testing

@testable import SamtaleCore

/// What `samtale show` gives of the frameworks' structure, compared with the files in `Goldens/`: Skanderborg's
/// shared task of a role's group before the role's cards, Socialafdelingen's forms of leadership with their
/// definitions before their cards, and the corrected typos and samtale's own headings marked.
/// Run with SAMTALE_UPDATE_GOLDENS=1 to write them anew after an intended change, then read the diff.
@Suite struct DeckViewGoldenTests {
    static let views: [(name: String, deck: String, role: String?, theme: String?, language: Language)] = [
        ("show-skanderborg-medarbejder", "skanderborg-ledelsesgrundlag", "medarbejder", nil, .da),
        ("show-socialafdelingen", "socialafdelingen", nil, nil, .da),
        ("show-socialafdelingen-personaleledelse-en", "socialafdelingen", "socialchef", "personaleledelse", .en),
    ]

    @Test(arguments: views.map(\.name))
    func showMatchesItsGoldenFiles(name: String) throws {
        let view = try #require(Self.views.first { $0.name == name })
        let deck = try #require(builtinDecks.first { $0.id == view.deck })
        let shown = DeckView(
            deck: deck, role: view.role.flatMap(deck.role(id:)), theme: view.theme.flatMap(deck.theme(id:)))
        for (format, suffix) in [(DocumentFormat.text, "txt"), (.markdown, "md")] {
            let text = shown.rendered(as: format, language: view.language, width: nil) + "\n"
            let file = ExportGoldenTests.goldens.appendingPathComponent("\(name).\(suffix)")
            if ProcessInfo.processInfo.environment["SAMTALE_UPDATE_GOLDENS"] == "1" {
                try text.write(to: file, atomically: true, encoding: .utf8)
            }
            let golden = try String(contentsOf: file, encoding: .utf8)
            #expect(text == golden, "\(file.lastPathComponent) differs; SAMTALE_UPDATE_GOLDENS=1 writes it anew")
        }
    }
}
