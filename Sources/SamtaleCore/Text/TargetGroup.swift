// MARK: - TargetGroup

/// The word that replaces "borger" in every text, in each of its Danish forms, and its gender.
///
/// Hjørring's dialogue cards (`Tests/SamtaleCoreTests/Seeds/000_c5eb57f69856a655.txt`) ask teams whose core task is
/// not about citizens to swap "borger" for their own target group ("brugerne", "ansatte i forvaltningen"); this type
/// holds that choice.
public struct TargetGroup: Hashable, Codable, Sendable {
    /// The grammatical gender, which decides the article before the singular ("en borger", "et barn").
    public enum Gender: String, Hashable, Codable, Sendable {
        case common
        case neuter
    }

    /// Indefinite singular, replaces "borger" (e.g. "bruger").
    public let singular: String
    /// Definite singular, replaces "borgeren" (e.g. "brugeren").
    public let singularDefinite: String
    /// Indefinite plural, replaces "borgere" (e.g. "brugere").
    public let plural: String
    /// Definite plural, replaces "borgerne" (e.g. "brugerne").
    public let pluralDefinite: String
    public let gender: Gender

    /// Uses the four forms exactly as given.
    public init(
        singular: String, singularDefinite: String, plural: String, pluralDefinite: String, gender: Gender = .common
    ) {
        self.singular = singular
        self.singularDefinite = singularDefinite
        self.plural = plural
        self.pluralDefinite = pluralDefinite
        self.gender = gender
    }

    /// Parses what the user typed: one word whose inflection is certain (see `regularEndings(of:)`), or four
    /// comma-separated forms "bruger,brugeren,brugere,brugerne" (whitespace around each trimmed).
    ///
    /// A phrase ("ansatte i forvaltningen") or an irregular noun ("barn") needs all four forms. The singular may
    /// carry its article to give the gender ("et barn,barnet,børn,børnene"); without it the gender is read from the
    /// definite singular (`gender(ofDefinite:)`). A capitalised form is lower-cased, as the texts' own capitals
    /// come back where "borger" is capitalised.
    public init(parsing spec: String) throws(TargetGroupError) {
        let forms = spec.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace }
        if forms.allSatisfy(\.isEmpty) {
            throw .empty
        }
        if forms.count == 1 {
            try self.init(inflecting: Self.lowercasingCapitalised(forms[0]))
            return
        }
        guard forms.count == 4 else {
            throw .wrongNumberOfForms(forms.count)
        }
        if let index = forms.firstIndex(where: \.isEmpty) {
            throw .emptyForm(position: index + 1)
        }
        let lowercased = forms.map(Self.lowercasingCapitalised)
        // The article comes off before lower-casing, so that "Et Barn" gives "barn" as "Barn" would.
        let (article, singular) = Self.splittingArticle(forms[0])
        let definiteGender = Self.gender(ofDefinite: lowercased[1])
        if let first = singular.split(separator: " ").first, ["den", "det", "de"].contains(first.lowercased()) {
            throw .definiteSingular(forms[0])
        }
        if let article, article != definiteGender {
            throw .genderDisagrees(article: String(forms[0].prefix { !$0.isWhitespace }), definite: forms[1])
        }
        self.init(
            singular: Self.lowercasingCapitalised(singular), singularDefinite: lowercased[1], plural: lowercased[2],
            pluralDefinite: lowercased[3], gender: definiteGender)
    }

    /// `text` with every whole-word form of "borger" replaced by the matching form of this group.
    ///
    /// Replaced: borger, borgeren, borgere, borgerne and their genitives (borgers, borgerens,
    /// borgeres, borgernes), in any case. A word is a maximal run of letters; compounds ("medborger",
    /// "Borgerservice"), hyphenated part-words, a form quoted on its own (the word mentioned, not used) and a
    /// name such as Kolding's "Borgerens Centrum" are left alone (`isLeftAlone(_:in:)`).
    /// A capitalised match gets a capitalised replacement and an all-caps match an all-caps one. Before a neuter
    /// singular the article agrees: "en borger" becomes "et barn", "den enkelte borger" "det enkelte barn".
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
            guard !Self.isLeftAlone(word, in: text), let match = replacement(for: word) else {
                continue
            }
            let before = text[copied..<wordStart]
            result += gender == .neuter && match.isSingular ? Self.neuterDeterminer(endOf: before) : String(before)
            result += Self.matchingCase(
                of: word, match.isSingular ? weakForm(of: match.form, after: before) : match.form)
            copied = index
        }
        result += text[copied...]
        return result
    }
}

// MARK: - Inflection

extension TargetGroup {
    /// Inflects `word`, a common-gender noun whose endings are certain; anything else needs its four forms.
    private init(inflecting word: String) throws(TargetGroupError) {
        guard !word.contains(where: \.isWhitespace) else {
            throw .phraseNeedsForms(word)
        }
        guard let suffixes = Self.regularEndings(of: word) else {
            throw .irregular(word)
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

    /// Nouns ending in -er that do not take -en, -e, -ne ("forælder", "forældre"; "søster", "søstre"), matched as
    /// the end of a word so that compounds ("plejeforælder", "borgmester") are refused too.
    private static let irregularErNouns = [
        "forælder", "søster", "datter", "moder", "fader", "broder", "fætter", "mester", "center", "teater", "nummer",
        "kammer", "monster", "vinter", "sommer",
    ]

    /// Person-noun endings that are common gender and take -en, -er, -erne ("patient", "direktør", "pædagog"),
    /// with the two words "elev" and "gæst" that do the same.
    private static let consonantEndings = ["ent", "ant", "ist", "eut", "ør", "olog", "agog", "elev", "gæst"]

    /// The suffixes of the definite singular, the plural and the definite plural, where the word's ending makes
    /// them certain: -er bends like borger ("bruger", "beboer"), "kunde" takes -n, -r, -rne, and the person-noun
    /// endings in `consonantEndings` (but not -ment, which is neuter: "dokument") take -en, -er, -erne.
    /// Nil for any other word, and for one with characters other than letters and inner hyphens.
    private static func regularEndings(
        of word: String
    ) -> (definite: String, plural: String, pluralDefinite: String)? {
        let lowercased = word.lowercased()
        guard lowercased.allSatisfy({ $0.isLetter || $0 == "-" }), lowercased.last?.isLetter == true,
            !irregularErNouns.contains(where: lowercased.hasSuffix)
        else {
            return nil
        }
        if lowercased.hasSuffix("er") {
            return ("en", "e", "ne")
        }
        if lowercased.hasSuffix("kunde") {
            return ("n", "r", "rne")
        }
        if consonantEndings.contains(where: lowercased.hasSuffix), !lowercased.hasSuffix("ment") {
            return ("en", "er", "erne")
        }
        return nil
    }

    /// `form` with a capitalised first letter lower-cased ("Bruger"); deliberate capitals ("IT-medarbejder",
    /// "LÆRER") are kept.
    private static func lowercasingCapitalised(_ form: String) -> String {
        let characters = Array(form)
        guard characters.count > 1, characters[0].isUppercase, characters[1].isLowercase else {
            return form
        }
        return characters[0].lowercased() + form.dropFirst()
    }

    /// The gender an article before `singular` gives ("et barn"), and the singular without it.
    private static func splittingArticle(_ singular: String) -> (Gender?, String) {
        let words = singular.split(separator: " ", maxSplits: 1)
        guard words.count == 2 else {
            return (nil, singular)
        }
        switch words[0].lowercased() {
        case "en": return (.common, String(words[1]).trimmingWhitespace)
        case "et": return (.neuter, String(words[1]).trimmingWhitespace)
        default: return (nil, singular)
        }
    }

    /// The gender shown by a definite singular: "det …" or a first word ending in t ("barnet", "medlemmet") is
    /// neuter, as common-gender nouns end in -n ("brugeren") or, made from adjectives, in -e ("den ansatte").
    private static func gender(ofDefinite definite: String) -> Gender {
        let first = definite.split(whereSeparator: \.isWhitespace).first?.lowercased() ?? ""
        return first == "det" || (first != "den" && first.hasSuffix("t")) ? .neuter : .common
    }
}

// MARK: - Replacement

extension TargetGroup {
    /// The group's form for a word that is a form of "borger" (any case), and whether it is the indefinite
    /// singular; nil for any other word.
    private func replacement(for word: Substring) -> (form: String, isSingular: Bool)? {
        let lowercased = word.lowercased()
        if let form = form(replacing: lowercased[...]) {
            return (form, lowercased == "borger")
        }
        if lowercased.hasSuffix("s"), let form = form(replacing: lowercased.dropLast()) {
            return (Self.genitive(of: form), lowercased == "borgers")
        }
        return nil
    }

    /// Whether `word` is not the noun used on its own: joined to a hyphen ("borger- og brugerinddragelse"), quoted
    /// alone as a word (Hjørring's cards: kan I erstatte ordet "borger" med målgruppen), or capitalised before a
    /// capitalised word, as in the name "Borgerens Centrum".
    private static func isLeftAlone(_ word: Substring, in text: String) -> Bool {
        let previous = word.startIndex > text.startIndex ? text[text.index(before: word.startIndex)] : nil
        let rest = text[word.endIndex...]
        if previous == "-" || rest.first == "-" {
            return true
        }
        if let previous, let next = rest.first, closingQuotes[previous] == next {
            return true
        }
        guard word.first?.isUppercase == true, !isAllCaps(word), rest.first == " " else {
            return false
        }
        let next = Array(rest.dropFirst().prefix(2))
        return next.count == 2 && next[0].isUppercase && next[1].isLowercase
    }

    /// Opening quotation marks and the mark that closes each.
    private static let closingQuotes: [Character: Character] = ["\"": "\"", "»": "«", "“": "”", "„": "“"]

    /// Determiners that agree with a common-gender singular, and their neuter forms.
    private static let neuterDeterminers = [
        "en": "et", "den": "det", "denne": "dette", "hver": "hvert", "enhver": "ethvert", "ingen": "intet",
        "nogen": "noget", "anden": "andet", "hvilken": "hvilket", "min": "mit", "din": "dit", "sin": "sit",
    ]

    /// `segment`, the text right before a neuter singular, with the determiner before it made neuter: the last
    /// word ("en" → "et"), and the one before "enkelt", "enkelte" or "anden" ("den enkelte" → "det enkelte",
    /// "en anden" → "et andet").
    private static func neuterDeterminer(endOf segment: Substring) -> String {
        var start = segment.endIndex
        while start > segment.startIndex, segment[segment.index(before: start)].isWhitespace {
            start = segment.index(before: start)
        }
        guard start < segment.endIndex else {
            return String(segment)
        }
        let wordEnd = start
        while start > segment.startIndex, segment[segment.index(before: start)].isLetter {
            start = segment.index(before: start)
        }
        let word = segment[start..<wordEnd]
        let lowercased = word.lowercased()
        let neuter = neuterDeterminers[lowercased]
        let followsADeterminer = ["enkelt", "enkelte", "anden"].contains(lowercased)
        guard neuter != nil || followsADeterminer else {
            return String(segment)
        }
        let head = followsADeterminer ? neuterDeterminer(endOf: segment[..<start]) : String(segment[..<start])
        return head + (neuter.map { matchingCase(of: word, $0) } ?? String(word)) + segment[wordEnd...]
    }

    /// `form`, a form of the singular, as it reads after "den/det enkelte": a group that bends like an adjective
    /// takes its weak form there, which its definite singular shows after the article ("den enkelte ansatte i
    /// forvaltningen"); a noun keeps its singular ("det enkelte barn").
    private func weakForm(of form: String, after before: Substring) -> String {
        guard before.split(whereSeparator: \.isWhitespace).last?.lowercased() == "enkelte",
            let article = ["den ", "det "].first(where: { singularDefinite.lowercased().hasPrefix($0) }),
            form.hasPrefix(singular)
        else {
            return form
        }
        return String(singularDefinite.dropFirst(article.count) + form.dropFirst(singular.count))
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
    /// One word whose inflection samtale cannot be sure of ("barn", "pårørende"); carries the word.
    case irregular(String)
    /// Several words without their four forms ("ansatte i forvaltningen"); carries the phrase.
    case phraseNeedsForms(String)
    /// The first form is definite ("det hold"): it must be the indefinite singular, with "en" or "et" at most.
    case definiteSingular(String)
    /// The article of the singular and the definite singular give different genders ("en barn,barnet").
    case genderDisagrees(article: String, definite: String)
}

// MARK: - Helpers

/// Whether `text` has more than one letter and no lower-case ones, i.e. is written in capitals.
private func isAllCaps(_ text: some StringProtocol) -> Bool {
    let letters = text.filter(\.isLetter)
    return letters.count > 1 && letters.allSatisfy(\.isUppercase)
}
