// MARK: - Language

/// The interface language. Content (the decks) stays Danish; this picks the words around it.
public enum Language: String, CaseIterable, Codable, Sendable {
    case da
    case en

    /// The language a locale name such as `en_GB.UTF-8` asks for: English for `en*`, Danish otherwise.
    public init(locale: String?) {
        self = locale?.lowercased().hasPrefix("en") == true ? .en : .da
    }
}

// MARK: - Localized

/// One interface text in every language; all of them live in `Strings`, so adapters hold no literals.
public struct Localized: Equatable, Sendable {
    public let da: String
    public let en: String

    public init(da: String, en: String) {
        self.da = da
        self.en = en
    }

    public subscript(language: Language) -> String {
        switch language {
        case .da: da
        case .en: en
        }
    }

    /// This text and then another, in every language: a message and what to do about it.
    public func followed(by next: Localized, separator: String = ". ") -> Localized {
        Localized(da: da + separator + next.da, en: en + separator + next.en)
    }

    /// The text changed alike in every language: to cut a secret out of all of them, for instance.
    public func map(_ transform: (String) -> String) -> Localized {
        Localized(da: transform(da), en: transform(en))
    }
}
