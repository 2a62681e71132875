import Foundation
import SamtaleDecks
import Testing

@testable import SamtaleCore

/// The built-in decks, as samtale holds them.
let builtinDecks: [Deck] = BuiltinDecks.all.map(\.deck)

/// The source documents of the built-in decks, as extracted from their PDFs (`Seeds/`, where its README says whose).
enum Seeds {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Seeds")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// The seed with what the PDF extraction added taken out: markup, and line breaks inside paragraphs;
    /// plus the word the extraction split at a hyphen, mended as the deck mends it.
    static func normalized(_ name: String) throws -> String {
        var text = try self.text(name)
        for markup in ["**", "*", "<p>", "</p>", "<i>", "</i>"] {
            text = text.replacingOccurrences(of: markup, with: "")
        }
        text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        text = text.replacingOccurrences(of: "balance-rede", with: "balancerede")
        return text
    }

    /// What a failure says about the texts a seed lacks: where each parts from the seed, not the texts themselves,
    /// which run to pages. At most `limit` of them.
    static func report(missing texts: [String], from seed: String, limit: Int = 5) -> String {
        var lines = texts.prefix(limit).map { "- " + difference(of: $0, from: seed) }
        if texts.count > limit { lines.append("- and \(texts.count - limit) more") }
        return lines.joined(separator: "\n")
    }

    /// The longest start of `text` that `seed` holds, then what the text goes on with and what the seed has there
    /// instead, each cut to `width` characters.
    static func difference(of text: String, from seed: String, width: Int = 40) -> String {
        let characters = Array(text)
        // Longer starts are held only if shorter ones are: search for the longest.
        var held = 0
        var notHeld = characters.count + 1
        while notHeld - held > 1 {
            let middle = (held + notHeld) / 2
            if seed.contains(String(characters[..<middle])) { held = middle } else { notHeld = middle }
        }
        let deckGoesOn = "»" + cut(characters[held...], to: width) + "«"
        guard held > 0, let match = seed.range(of: String(characters[..<held])) else {
            return "nothing of \(deckGoesOn) is in the seed"
        }
        let start = characters[..<held].suffix(width)
        let shared = (start.count < held ? "…" : "") + String(start)
        let seedGoesOn = "»" + cut(seed[match.upperBound...], to: width) + "«"
        return "after »\(shared)« the deck has \(deckGoesOn), the seed \(seedGoesOn)"
    }

    private static func cut(_ text: some Collection<Character>, to width: Int) -> String {
        text.count > width ? String(text.prefix(width)) + "…" : String(text)
    }
}

extension Deck {
    /// Every text this deck says it takes word for word from its source, as the source wrote it (its typos too).
    var sourceTexts: [String] {
        originalTexts.map(original)
    }

    private var originalTexts: [String] {
        var texts = sections.flatMap { $0.paragraphs + $0.lists.flatMap(\.items) + $0.items }
        texts += roles.flatMap { ($0.group.map { [$0.name] + $0.tasks } ?? []) + $0.description }
        texts += themes.flatMap(\.description)
        texts += cards.flatMap { card in
            [card.heading].compactMap { $0 } + card.statements + card.quotes + card.pitfalls
                + card.questions.individual + card.questions.group
        }
        return texts
    }
}

/// A deck is named by its id in test output: its whole value runs to tens of kilobytes.
extension Deck: CustomTestStringConvertible {
    public var testDescription: String { id }
}

@Suite struct BuiltinDeckTests {
    /// The values built in at build time are exactly what the JSON files decode to at run time.
    @Test func theEmbeddedDecksEqualTheirJSON() throws {
        for builtin in BuiltinDecks.all {
            #expect(try DeckDecoder.decode(Array(builtin.json.utf8)) == builtin.deck, "\(builtin.fileName)")
        }
    }

    @Test func allFiveSeedsAreBuiltIn() {
        #expect(
            builtinDecks.map(\.source).sorted() == [
                "000_c5eb57f69856a655.txt", "001_baa56de520c026f7.txt", "002_04dc522c6614ef68.txt",
                "003_0e9eb2002118627b.txt", "004_8f8e8746924e2aa8.txt",
            ])
        #expect(Set(builtinDecks.map(\.id)).count == 5)
    }

    @Test(arguments: builtinDecks)
    func everySourceTextIsInTheSeedWordForWord(deck: Deck) throws {
        let seed = try Seeds.normalized(deck.source)
        let missing = deck.sourceTexts.filter { !seed.contains($0) }
        if !missing.isEmpty {
            let count = "\(missing.count) of \(deck.sourceTexts.count) texts"
            Issue.record(
                Comment(
                    rawValue: "not in \(deck.source) word for word (\(count)):\n"
                        + Seeds.report(missing: missing, from: seed)))
        }
        #expect(deck.sourceTexts.count > 10)
    }

    @Test func aMissingTextIsReportedByWhereItPartsFromTheSeed() {
        let seed = "Ledelse er lederens pligt snarere end lederens ret, og et spørgsmål om at motivere."
        #expect(
            Seeds.difference(of: "Ledelse er lederens ret snarere end lederens pligt.", from: seed, width: 12)
                == "after »…er lederens « the deck has »ret snarere …«, the seed »pligt snarer…«")
        #expect(
            Seeds.difference(of: "Ledelse er lederens pligt!", from: seed) == "after »Ledelse er lederens pligt« "
                + "the deck has »!«, the seed » snarere end lederens ret, og et spørgsm…«")
        #expect(Seeds.difference(of: "Æble", from: seed) == "nothing of »Æble« is in the seed")
        let page = String(repeating: "Ledelse er lederens pligt, ", count: 2_000)
        let report = Seeds.report(missing: Array(repeating: page, count: 8), from: seed)
        #expect(report.count < 1_000 && report.split(separator: "\n").count == 6 && report.hasSuffix("and 3 more"))
    }

    @Test(arguments: builtinDecks)
    func everyCardYieldsQuestionsForTheIndividualAndTheGroup(deck: Deck) {
        for card in deck.cards {
            for audience in Audience.allCases {
                let questions = deck.questions(on: card, for: audience)
                #expect(!questions.isEmpty, "\(deck.id) \(card.role)/\(card.theme) has no \(audience) question")
                for question in questions {
                    #expect(!question.text.contains("{") && !question.text.contains("}"), "\(question.text)")
                    #expect(question.text.hasSuffix("?"), "\(question.text)")
                }
            }
        }
    }

    @Test(arguments: builtinDecks)
    func rolesRunFromTheEmployeeUpAndEveryRoleAndThemeHasCards(deck: Deck) {
        let ranked = deck.roles.filter { $0.level != Role.sharedLevel }
        #expect(ranked.map(\.level) == ranked.map(\.level).sorted())
        #expect(ranked.first?.level == 1)
        for role in deck.roles { #expect(deck.cards.contains { $0.role == role.id }, "\(role.id)") }
        for theme in deck.themes {
            #expect(deck.cards.contains { deck.themeIDs(within: theme).contains($0.theme) }, "\(theme.id)")
        }
    }
}

// MARK: - Counting against the seeds

@Suite struct SeedCountTests {
    /// Hjørring's dialogue cards (`Seeds/000_c5eb57f69856a655.txt`) read card by card: how many questions each role's
    /// card per perspective has for each audience.
    static func dialogueCardQuestionCounts() throws -> [String: Int] {
        let roleHeadings = [
            "FÆLLES": "faelles", "MEDARBEJDER": "medarbejder", "LEDER AF MEDARBEJDER": "leder-af-medarbejder",
            "LEDER AF LEDER": "leder-af-leder", "LEDER AF LEDE": "leder-af-leder", "CHEF": "chef",
            "DIREKTØR": "direktoer",
        ]
        let themes = [
            "SIKRER": "sammen-sikrer-vi-driften", "STYRKER": "sammen-styrker-vi-resultaterne",
            "SKABER": "sammen-skaber-vi-loesninger", "UDVIKLER": "sammen-udvikler-vi-en-baeredygtig-organisation",
        ]
        var counts: [String: Int] = [:]
        var role = ""
        var theme = ""
        var audience = ""
        for line in try Seeds.text("000_c5eb57f69856a655.txt").split(separator: "\n").map(String.init) {
            if let id = roleHeadings[line] {
                role = id
                audience = ""
                continue
            }
            if line.hasPrefix("Mit bidrag til") || line.hasPrefix("Vores bidrag til") {
                theme = themes.first { line.contains($0.key) }?.value ?? "?"
                audience = ""
            } else if line.hasPrefix("SPØRGSMÅL TIL ") {
                audience = line.contains("GRUPPEN") ? "group" : "individual"
            } else if !audience.isEmpty, line.range(of: #"^(- )?\d\. "#, options: .regularExpression) != nil {
                counts["\(role)/\(theme)/\(audience)", default: 0] += 1
            }
        }
        return counts
    }

    @Test func theDialogueCardDeckHoldsTheSeedsQuestionsPerRoleThemeAndAudience() throws {
        let deck = try #require(builtinDecks.first { $0.source == "000_c5eb57f69856a655.txt" })
        let seedCounts = try Self.dialogueCardQuestionCounts()
        var deckCounts: [String: Int] = [:]
        for card in deck.cards {
            for audience in Audience.allCases where !card.questions[audience].isEmpty {
                deckCounts["\(card.role)/\(card.theme)/\(audience.rawValue)"] = card.questions[audience].count
            }
        }
        #expect(deckCounts == seedCounts)
        #expect(seedCounts.values.reduce(0, +) == 107)
        #expect(deck.cards.count == 24)
    }

    @Test func theSkanderborgDeckHoldsEveryBulletOfTheSeed() throws {
        let deck = try #require(builtinDecks.first { $0.source == "001_baa56de520c026f7.txt" })
        let bullets = try Seeds.text(deck.source).split(separator: "\n").filter { $0.hasPrefix("- ") }.count
        let held =
            deck.cards.reduce(0) { $0 + $1.statements.count + $1.pitfalls.count }
            + deck.roles.reduce(0) { $0 + ($1.group?.tasks.count ?? 0) }
        #expect(held == bullets)
        #expect(deck.roles.count == 6)
        #expect(
            deck.roles.compactMap(\.group).map(\.name) == [
                "Personalegrupper", "Ledergrupper", "Ledergrupper inden for en enhed/institution",
                "Faglige fællesskaber",
                "Koncernledelsen", "Direktion",
            ])
        #expect(deck.cards.filter { !$0.pitfalls.isEmpty }.count == 6)
    }

    @Test func theSocialDeckHasEveryRoleForEverySubTheme() throws {
        let deck = try #require(builtinDecks.first { $0.source == "003_0e9eb2002118627b.txt" })
        let forms = deck.themes.filter { $0.parent == nil }
        #expect(forms.map(\.name) == ["Personaleledelse", "Implementeringsledelse", "Tværgående ledelse"])
        #expect(forms.allSatisfy { !$0.description.isEmpty })
        let subThemes = deck.themes.filter { $0.parent != nil }
        #expect(subThemes.count == 9)
        #expect(deck.roles.map(\.name) == ["Medarbejder", "Funktionsleder", "Centerleder", "Socialchef"])
        for role in deck.roles {
            for theme in subThemes {
                #expect(deck.cards.contains { $0.role == role.id && $0.theme == theme.id && !$0.statements.isEmpty })
            }
        }
    }

    /// The source's typos stay in the files (the fidelity test above reads them there), and samtale reads them
    /// otherwise wherever a text is shown or asked: no name, heading, statement or question holds one.
    @Test func theSourcesTyposAreReadCorrectedInEveryTextAndQuestion() throws {
        let social = try #require(builtinDecks.first { $0.id == "socialafdelingen" })
        #expect(social.themes.contains { $0.name == "Understøtter en tryg og tillidsbaseret kultur" })
        #expect(social.themes.contains { $0.id == "understoetter-en-tryk-og-tillidsbaseret-kultur" })
        // A name copied from the document finds the theme as the reading does.
        for name in ["Understøtter en tryk og tillidsbaseret kultur", "understøtter en tryg"] {
            #expect(try social.resolveTheme(name).id == "understoetter-en-tryk-og-tillidsbaseret-kultur")
        }
        let hjoerring = try #require(builtinDecks.first { $0.id == "hjoerring-dialogkort" })
        let own = hjoerring.cards.flatMap { $0.questions.individual + $0.questions.group }
        #expect(own.contains { $0.hasPrefix("Hvordan udfordrer vi hinanden både fagligt og professionelt, så vi") })
        #expect(own.contains { $0.contains("i endnu højere grad at kunne bidrage til en fleksibel") })
        let corrected = builtinDecks.filter { !$0.corrections.isEmpty }.map(\.id)
        #expect(corrected == ["hjoerring-dialogkort", "skanderborg-ledelsesgrundlag", "socialafdelingen"])
        for deck in builtinDecks {
            let questions = deck.cards.flatMap { card in
                Audience.allCases.flatMap { deck.questions(on: card, for: $0).map(\.text) }
            }
            let texts = questions + deck.themes.map(\.name) + deck.cards.compactMap(\.heading)
            for correction in deck.corrections {
                #expect(!texts.contains { $0.contains(correction.original) }, "\(deck.id): \(correction.original)")
                #expect(deck.sourceTexts.contains { $0.contains(correction.original) }, "\(deck.id)")
            }
        }
    }

    /// Socialafdelingen's foreword lists the three forms where the source does, and the socialchef's statement on
    /// implementation is one, as the source has it, not cut after its first sentence.
    @Test func theSocialDeckKeepsItsForewordsListAndItsStatementsWhole() throws {
        let social = try #require(builtinDecks.first { $0.id == "socialafdelingen" })
        let foreword = try #require(social.sections.first { $0.kind == .foreword })
        #expect(
            foreword.blocks.prefix(2).last
                == .list(["Personaleledelse", "Implementeringsledelse", "Tværgående ledelse"]))
        let card = try #require(
            social.cards.first {
                $0.role == "socialchef" && $0.theme == "arbejder-maalrettet-og-fleksibelt-med-implementering"
            })
        #expect(card.statements.count == 1)
        #expect(card.statements.allSatisfy { !$0.hasPrefix("Det sker") })
        #expect(
            card.statements[0].hasSuffix(
                "sikre løbende fremdrift. Det sker med udgangspunkt i centerledergruppens aftalte værdier."))
    }

    /// The headings samtale gave texts the source leaves without one.
    @Test func headingsTheSourceDoesNotHaveAreMarkedAsSamtales() {
        let marked = builtinDecks.flatMap { deck in
            deck.sections.filter { $0.titleOrigin == .samtale }.map { "\(deck.id): \($0.title)" }
        }
        #expect(
            marked == [
                "hjoerring-ledelse-af-kerneopgaven: Vores værdier", "hjoerring-ledelse-af-kerneopgaven: Vippebrættet",
                "kolding-sammen-om-ledelse: Sammen designer vi livet",
                "socialafdelingen: Formål", "socialafdelingen: Ledelses- og medarbejdergrundlaget",
            ])
    }

    @Test func theSeesawAndKoldingDecksHaveTheirAreasAndThemes() throws {
        let seesaw = try #require(builtinDecks.first { $0.source == "002_04dc522c6614ef68.txt" })
        #expect(
            seesaw.themes.map(\.name) == [
                "Optimer med blik for helheden", "Ha' styr på driften",
                "Vær i samspil med omgivelserne", "Se langt, og sæt det stærkeste hold",
            ])
        #expect(seesaw.sections.first { $0.kind == .values }?.items == ["tillid", "dialog", "arbejdsglæde"])
        #expect(seesaw.sections.contains { $0.kind == .model && $0.paragraphs.joined().contains("vippebræt") })
        let kolding = try #require(builtinDecks.first { $0.source == "004_8f8e8746924e2aa8.txt" })
        #expect(
            kolding.themes.map(\.name) == ["Mennesker først", "Ledelse tæt på", "Træning", "Fællesskab", "Resultater"])
        #expect(kolding.cards.allSatisfy { !$0.statements.isEmpty && !$0.quotes.isEmpty })
        #expect(kolding.sections.contains { $0.kind == .vision })
        let howToUse = try #require(
            builtinDecks.first { $0.id == "hjoerring-dialogkort" }?.sections.first { $0.kind == .howToUse })
        #expect(howToUse.paragraphs.contains { $0.contains("erstatte ordet \"borger\"") })
    }
}
