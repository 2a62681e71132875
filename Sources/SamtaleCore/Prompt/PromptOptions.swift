// MARK: - PromptOptions

/// What picks a day's question: filters as the user typed them, the day, how to pick, and the word for the target
/// group. Parsed and checked once, by `init(_:spelling:randomSeed:)`, from the values the command line, a protocol
/// request or a targets file gives by name.
public struct PromptOptions: Equatable, Sendable {
    /// How the question is chosen.
    public enum Selection: Equatable, Sendable {
        /// The day's place in the rotation: the same on any machine, with no stored state.
        case daily
        /// A fresh pick from a seed (the caller draws one when the user gave none).
        case random(seed: UInt64)
    }

    /// The options by the names the protocol and targets files use; the command line spells them its own way.
    public enum Name: String, CaseIterable, Sendable {
        case deck, role, theme
        case audience = "for"
        case date, holidays, skipWeekends, random, seed, targetGroup

        /// What a value of the option is, so that a front door with types of its own (JSON) can check them first.
        public enum Kind: Sendable {
            /// Present or not: given as `"true"` or `"false"`.
            case flag
            /// A whole number, given as its digits.
            case number
            case text
        }

        public var kind: Kind {
            switch self {
            case .skipWeekends, .random: .flag
            case .seed: .number
            case .deck, .role, .theme, .audience, .date, .holidays, .targetGroup: .text
            }
        }
    }

    public var deck: String?
    public var role: String?
    public var theme: String?
    public var audience: Audience?
    /// The day; nil for the caller's today.
    public var date: CivilDate?
    public var dayCounting: DayCounting
    public var selection: Selection
    public var targetGroup: TargetGroup?

    public init(
        deck: String? = nil, role: String? = nil, theme: String? = nil, audience: Audience? = nil,
        date: CivilDate? = nil, dayCounting: DayCounting = .everyDay, selection: Selection = .daily,
        targetGroup: TargetGroup? = nil
    ) {
        self.deck = deck
        self.role = role
        self.theme = theme
        self.audience = audience
        self.date = date
        self.dayCounting = dayCounting
        self.selection = selection
        self.targetGroup = targetGroup
    }

    /// The options from their values by name, each checked; `spelling` names an option in an error as its source
    /// does (`--date`, `date`), and `randomSeed` is asked only for a random pick without a seed.
    public init(
        _ values: [Name: String], spelling: (Name) -> String, randomSeed: () -> UInt64
    ) throws(PromptOptionError) {
        func flag(_ name: Name) throws(PromptOptionError) -> Bool {
            guard let value = values[name] else { return false }
            guard let flag = Bool(value) else {
                throw PromptOptionError(spelling(name), value, .notOneOf(["true", "false"]))
            }
            return flag
        }
        self.init(deck: values[.deck], role: values[.role], theme: values[.theme])
        if let value = values[.audience] {
            guard let audience = Audience(rawValue: value) else {
                throw PromptOptionError(spelling(.audience), value, .notOneOf(Audience.allCases.map(\.rawValue)))
            }
            self.audience = audience
        }
        if let value = values[.date] {
            guard let date = CivilDate(iso: value) else { throw PromptOptionError(spelling(.date), value, .notADate) }
            self.date = date
        }
        if let value = values[.holidays], value != Self.danishHolidays {
            throw PromptOptionError(spelling(.holidays), value, .notOneOf([Self.danishHolidays]))
        }
        dayCounting = DayCounting(skipsWeekends: try flag(.skipWeekends), skipsDanishHolidays: values[.holidays] != nil)
        if let value = values[.seed] {
            guard let seed = UInt64(value) else { throw PromptOptionError(spelling(.seed), value, .notASeed) }
            selection = .random(seed: seed)
        } else if try flag(.random) {
            selection = .random(seed: randomSeed())
        }
        if let value = values[.targetGroup] {
            targetGroup = try Self.targetGroup(value)
        }
    }

    /// The one value `holidays` takes: Danish public holidays and customary days off.
    public static let danishHolidays = "dk"

    /// The word for the target group as written (an option, `SAMTALE_TARGET_GROUP`, a targets file, a request):
    /// the one parser every front door uses, for prompts and conversations alike.
    public static func targetGroup(_ spec: String) throws(PromptOptionError) -> TargetGroup {
        do {
            return try TargetGroup(parsing: spec)
        } catch {
            throw PromptOptionError(PromptOptions.Name.targetGroup.rawValue, spec, .targetGroup(error))
        }
    }

    /// These options (a target's) over `base` (the command line's): each filter and the target group set here win,
    /// a day that either skips is skipped, and the day and the way of picking stay `base`'s, as a target sets
    /// neither.
    public func overriding(_ base: PromptOptions) -> PromptOptions {
        var merged = base
        merged.deck = deck ?? base.deck
        merged.role = role ?? base.role
        merged.theme = theme ?? base.theme
        merged.audience = audience ?? base.audience
        merged.dayCounting = DayCounting(
            skipsWeekends: dayCounting.skipsWeekends || base.dayCounting.skipsWeekends,
            skipsDanishHolidays: dayCounting.skipsDanishHolidays || base.dayCounting.skipsDanishHolidays
        )
        merged.targetGroup = targetGroup ?? base.targetGroup
        return merged
    }
}

// MARK: - PromptOptionError

/// A prompt option whose value cannot be used, named as its source spells it.
public struct PromptOptionError: ExplainedError, Equatable {
    public enum Reason: Equatable, Sendable {
        case notADate
        case notOneOf([String])
        /// Not a whole number from 0 to 2⁶⁴−1.
        case notASeed
        case targetGroup(TargetGroupError)
    }

    /// The option as its source spells it: `--date` on the command line, `date` in a request.
    public let option: String
    public let value: String
    public let reason: Reason

    init(_ option: String, _ value: String, _ reason: Reason) {
        self.option = option
        self.value = value
        self.reason = reason
    }

    public var message: Localized {
        switch reason {
        case .notADate: Strings.invalidDate(option, value)
        case .notOneOf(let allowed): Strings.invalidChoice(option, value, allowed: allowed)
        case .notASeed: Strings.notAWholeNumber(option, value, from: "0", to: "\(UInt64.max)")
        case .targetGroup(let error): error.message
        }
    }
}
