// MARK: - TargetGroup

/// The word that replaces "borger" in every text, in each of its Danish forms.
///
/// Hjørring's dialogue cards (`Tests/SamtaleCoreTests/Seeds/000_c5eb57f69856a655.txt`) ask teams whose core task is
/// not about citizens to swap "borger" for their own target group ("brugerne", "ansatte i forvaltningen"); this type
/// holds that choice.
public struct TargetGroup: Hashable, Codable, Sendable {
    /// Indefinite singular, replaces "borger" (e.g. "bruger").
    public let singular: String
    /// Definite singular, replaces "borgeren" (e.g. "brugeren").
    public let singularDefinite: String
    /// Indefinite plural, replaces "borgere" (e.g. "brugere").
    public let plural: String
    /// Definite plural, replaces "borgerne" (e.g. "brugerne").
    public let pluralDefinite: String

    /// Uses the four forms exactly as given.
    public init(singular: String, singularDefinite: String, plural: String, pluralDefinite: String) {
        self.singular = singular
        self.singularDefinite = singularDefinite
        self.plural = plural
        self.pluralDefinite = pluralDefinite
    }

    /// Parses what the user typed: one word (inflected as a regular Danish noun), or four comma-separated forms
    /// "bruger,brugeren,brugere,brugerne" (whitespace around each trimmed).
    ///
    /// A single word must be the indefinite singular, as a dictionary lists it; irregular nouns
    /// ("barn") need all four forms. Text containing whitespace ("ansatte i forvaltningen") is a
    /// phrase and is used unchanged for all four forms, since a phrase cannot be inflected by rule.
    public init(parsing spec: String) throws(TargetGroupError) {
        let forms = spec.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace }
        if forms.allSatisfy(\.isEmpty) {
            throw .empty
        }
        if forms.count == 1 {
            self.init(inflecting: forms[0])
            return
        }
        guard forms.count == 4 else {
            throw .wrongNumberOfForms(forms.count)
        }
        if let index = forms.firstIndex(where: \.isEmpty) {
            throw .emptyForm(position: index + 1)
        }
        self.init(singular: forms[0], singularDefinite: forms[1], plural: forms[2], pluralDefinite: forms[3])
    }

    /// `text` with every whole-word form of "borger" replaced by the matching form of this group.
    ///
    /// Replaced: borger, borgeren, borgere, borgerne and their genitives (borgers, borgerens,
    /// borgeres, borgernes), in any case. A word is a maximal run of letters, so compounds
    /// ("medborger", "Borgerservice", "borgerrepræsentationen") are left alone. A capitalised
    /// match gets a capitalised replacement and an all-caps match an all-caps one; otherwise the
    /// group's forms are used as given.
    public func apply(to text: String) -> String {
        guard Self.mentionsBorger(text) else {
            return text
        }
        var result = ""
        var copied = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index].isLetter else {
                index = text.index(after: index)
                continue
            }
            let wordStart = index
            while index < text.endIndex, text[index].isLetter {
                index = text.index(after: index)
            }
            let word = text[wordStart..<index]
            if let replacement = replacement(for: word) {
                result += text[copied..<wordStart]
                result += Self.matchingCase(of: word, replacement)
                copied = index
            }
        }
        result += text[copied...]
        return result
    }
}

// MARK: - Inflection

extension TargetGroup {
    /// Inflects `word` as a regular Danish common-gender noun; a phrase is used for all four forms.
    private init(inflecting word: String) {
        guard !word.contains(where: \.isWhitespace) else {
            self.init(singular: word, singularDefinite: word, plural: word, pluralDefinite: word)
            return
        }
        let suffixes: (definite: String, plural: String, pluralDefinite: String)
        let lowercased = word.lowercased()
        if lowercased.hasSuffix("er") {
            suffixes = ("en", "e", "ne")  // bruger, brugeren, brugere, brugerne
        } else if lowercased.hasSuffix("e") {
            suffixes = ("n", "r", "rne")  // kunde, kunden, kunder, kunderne
        } else {
            suffixes = ("en", "er", "erne")  // elev, eleven, elever, eleverne
        }
        // "LÆRER" should become "LÆREREN", not "LÆREREn".
        let adjust: (String) -> String = isAllCaps(word) ? { $0.uppercased() } : { $0 }
        self.init(
            singular: word,
            singularDefinite: word + adjust(suffixes.definite),
            plural: word + adjust(suffixes.plural),
            pluralDefinite: word + adjust(suffixes.pluralDefinite)
        )
    }
}

// MARK: - Replacement

extension TargetGroup {
    /// The group's form for a word that is a form of "borger" (any case), or nil for any other word.
    private func replacement(for word: Substring) -> String? {
        let lowercased = word.lowercased()
        if let form = form(replacing: lowercased[...]) {
            return form
        }
        if lowercased.hasSuffix("s"), let form = form(replacing: lowercased.dropLast()) {
            return Self.genitive(of: form)
        }
        return nil
    }

    /// The group's form for a lower-cased non-genitive form of "borger".
    private func form(replacing borgerForm: Substring) -> String? {
        switch borgerForm {
        case "borger": singular
        case "borgeren": singularDefinite
        case "borgere": plural
        case "borgerne": pluralDefinite
        default: nil
        }
    }

    /// The genitive of `form`: "s" appended, or an apostrophe after a final s, x or z.
    ///
    /// Danish spelling rules write the genitive of words ending in s, x or z with an apostrophe
    /// ("proces'", "Lars'"), so "borgers" becomes "proces'" rather than "processs" or "proces".
    /// A phrase takes the s at its end (group genitive): "ansatte i forvaltningens".
    private static func genitive(of form: String) -> String {
        switch form.last {
        case "s", "S", "x", "X", "z", "Z": form + "'"
        default: form + "s"
        }
    }

    /// `replacement` in the case of `match`: all caps, capitalised, or as given.
    private static func matchingCase(of match: Substring, _ replacement: String) -> String {
        if isAllCaps(match) {
            return replacement.uppercased()
        }
        if let first = match.first, first.isUppercase, let replacementFirst = replacement.first {
            return replacementFirst.uppercased() + replacement.dropFirst()
        }
        return replacement
    }

    /// Whether `text` contains "borger" in any ASCII case; scans bytes so texts without it cost no allocation.
    private static func mentionsBorger(_ text: String) -> Bool {
        let pattern: [UInt8] = Array("borger".utf8)
        var matched = 0
        for byte in text.utf8 {
            // Setting bit 5 lower-cases ASCII letters and never turns another byte into one.
            let lowered = byte | 0x20
            if lowered == pattern[matched] {
                matched += 1
                if matched == pattern.count {
                    return true
                }
            } else {
                // "b" occurs only first in "borger", so a mismatch can only restart at a "b".
                matched = lowered == pattern[0] ? 1 : 0
            }
        }
        return false
    }
}

// MARK: - TargetGroupError

/// Why a target group typed by the user could not be used.
public enum TargetGroupError: Error, Hashable, Sendable {
    /// Nothing (or only spaces and commas) was given.
    case empty
    /// Commas were given, but not exactly four forms; carries the number of forms found.
    case wrongNumberOfForms(Int)
    /// One of the four forms is empty; carries its 1-based position.
    case emptyForm(position: Int)
}

// MARK: - Helpers

/// Whether `text` has more than one letter and no lower-case ones, i.e. is written in capitals.
private func isAllCaps(_ text: some StringProtocol) -> Bool {
    let letters = text.filter(\.isLetter)
    return letters.count > 1 && letters.allSatisfy(\.isUppercase)
}
