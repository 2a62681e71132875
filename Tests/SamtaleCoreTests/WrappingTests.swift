import Testing

@testable import SamtaleCore

// MARK: - Examples

struct WrappingTests {
    @Test(arguments: [
        ("en to tre fire", 7, "en to\ntre\nfire"),
        ("en to tre", 5, "en to\ntre"),
        ("en to tre", 9, "en to tre"),
        ("en to tre", 100, "en to tre"),
        ("", 10, ""),
        ("a supercalifragilistic b", 10, "a\nsupercalifragilistic\nb"),
        ("supercalifragilistic", 5, "supercalifragilistic"),
        ("en  to   tre", 80, "en to tre"),
        ("  en to  ", 80, "en to"),
        ("a b c", 0, "a\nb\nc"),
        ("a b c", -5, "a\nb\nc"),
        ("kl.\u{00A0}10 i dag", 4, "kl.\u{00A0}10\ni\ndag"),
    ])
    func wrapsAtSpaces(text: String, width: Int, expected: String) {
        #expect(wrap(text, width: width) == expected)
    }

    @Test func danishLettersAndDashesAreOneColumnEach() {
        #expect(wrap("æøå æøå", width: 7) == "æøå æøå")
        #expect(wrap("æøå æøå", width: 6) == "æøå\næøå")
        #expect(wrap("a – b", width: 5) == "a – b")
        #expect(wrap("re\u{301}el 👍🏽 ok", width: 7) == "re\u{301}el 👍🏽\nok")
    }

    @Test func newlinesAreKept() {
        #expect(wrap("a b\n\nc d", width: 3) == "a b\n\nc d")
        #expect(wrap("en to tre\nfire", width: 6) == "en to\ntre\nfire")
        #expect(wrap("a\r\nb\n", width: 10) == "a\nb\n")
    }

    @Test func indentsGoBeforeEveryLine() {
        let text = "Hvordan bidrager du til at inddrage borgeren?"
        #expect(
            wrap(text, width: 20, indent: "  ", firstIndent: "- ") == """
                - Hvordan bidrager
                  du til at inddrage
                  borgeren?
                """)
        #expect(wrap("en to tre", width: 6, indent: "> ") == "> en\n> to\n> tre")
    }

    @Test func emptyLinesLoseTheirIndent() {
        #expect(wrap("a\n\nb", width: 10, indent: "    ") == "    a\n\n    b")
        #expect(wrap("", width: 10, firstIndent: "- ") == "-")
    }

    @Test func widthBelowTheIndentHoldsOneWordPerLine() {
        #expect(wrap("a b c", width: 1, indent: "    ") == "    a\n    b\n    c")
        #expect(wrap("a b", width: 0, indent: "  ", firstIndent: "- ") == "- a\n  b")
    }

    // MARK: - Properties

    @Test func noLineExceedsTheWidthOverGeneratedInputs() {
        var generator = SplitMix64(seed: 0x5A17_A1E)
        let pieces = ["a", "b", "æ", "ø", "å", "Å", "–", "e\u{301}", "👍🏽", "🇩🇰", "x", "borger", "?", "«"]
        let indents = ["", "  ", "- ", "> ", "    "]
        for _ in 0..<1_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0..<6:
                    for _ in 0..<Int.random(in: 1...12, using: &generator) {
                        text += pieces.randomElement(using: &generator)!
                    }
                case 6..<9: text += String(repeating: " ", count: Int.random(in: 1...3, using: &generator))
                default: text += Bool.random(using: &generator) ? "\n" : "\r\n"
                }
            }
            let width = Int.random(in: -2...30, using: &generator)
            let indent = indents.randomElement(using: &generator)!
            let firstIndent = indents.randomElement(using: &generator)!
            let wrapped = wrap(text, width: width, indent: indent, firstIndent: firstIndent)
            check(wrapped, of: text, width: width, indent: indent, firstIndent: firstIndent)
        }
    }

    /// Every line fits (or is one over-long word), carries its indent, has no trailing space, and no word is lost.
    private func check(_ wrapped: String, of text: String, width: Int, indent: String, firstIndent: String) {
        let context = Comment(
            rawValue:
                "text: \(text.debugDescription) width: \(width) indents: \(firstIndent.debugDescription), "
                + "\(indent.debugDescription)"
        )
        let isBreak: (Character) -> Bool = { $0 == " " || $0.isNewline }
        var words: [Substring] = []
        for (number, line) in wrapped.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let prefix = number == 0 ? firstIndent : indent
            #expect(line.last?.isWhitespace != true, context)
            guard line.hasPrefix(prefix) else {
                #expect(
                    prefix.hasPrefix(line), "a line without its indent must be an empty one: \(line.debugDescription)")
                continue
            }
            let content = line.dropFirst(prefix.count)
            let limit = max(width, prefix.count + 1)
            #expect(line.count <= limit || !content.contains(" "), context)
            #expect(!content.hasPrefix(" ") && !content.contains("  "), context)
            words += content.split(separator: " ")
        }
        #expect(words == text.split(whereSeparator: isBreak), context)
        #expect(wrapped.count(where: { $0 == "\n" }) >= text.count(where: \.isNewline), context)
    }
}
