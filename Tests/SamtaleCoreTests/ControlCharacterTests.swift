import Testing

@testable import SamtaleCore

/// What reaches a terminal: text as it is, without anything a terminal would act on.
struct ControlCharacterTests {
    @Test(arguments: [
        ("plain text, æøå – »citat« and kl.\u{00A0}10", "plain text, æøå – »citat« and kl.\u{00A0}10"),
        ("two\nlines\tand a tab", "two\nlines\tand a tab"),
        ("\u{1B}[2J\u{1B}[1;31mred\u{1B}[0m", "red"),
        ("title \u{1B}]0;pwned\u{07}gone", "title gone"),
        ("link \u{1B}]8;;https://x\u{1B}\\here\u{1B}]8;;\u{1B}\\", "link here"),
        ("unended \u{1B}]0;rest", "unended 0;rest"),
        ("C1 \u{9B}31m and \u{85}next", "C1 31m and next"),
        ("del\u{7F} bell\u{07} back\u{08} cr\r nul\u{0}", "del bell back cr nul"),
        ("esc at end \u{1B}", "esc at end "),
        ("keypad \u{1B}=on \u{1B}7saved", "keypad on saved"),
        ("emoji 👍🏽 and e\u{301}", "emoji 👍🏽 and e\u{301}"),
        // A right-to-left override shows "invoice_exe.txt" written as "invoice_txt.exe".
        ("invoice_\u{202E}txt.exe", "invoice_txt.exe"),
        ("\u{202A}lre\u{202B}rle\u{202C}pdf\u{202D}lro\u{202E}rlo", "lrerlepdflrorlo"),
        ("\u{2066}lri\u{2067}rli\u{2068}fsi\u{2069}pdi", "lrirlifsipdi"),
        ("marks \u{200E}lrm \u{200F}rlm \u{061C}alm and שלום", "marks \u{200E}lrm \u{200F}rlm \u{061C}alm and שלום"),
        // The characters on either side of the two ranges stay.
        ("neighbours \u{2029}\u{2065}\u{206A}\u{2029}\u{202F}", "neighbours \u{2029}\u{2065}\u{206A}\u{2029}\u{202F}"),
    ])
    func removesWhatATerminalWouldActOn(text: String, expected: String) {
        #expect(text.withoutControlCharacters == expected)
    }
}
