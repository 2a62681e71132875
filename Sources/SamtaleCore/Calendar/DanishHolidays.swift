// MARK: - DanishHoliday

/// A Danish public holiday ("helligdag") or one of the days off that Danish workplaces keep.
public struct DanishHoliday: Hashable, Sendable {
    /// The day it falls on.
    public let date: CivilDate
    /// Its Danish name, for example "2. påskedag".
    public let name: String

    /// Makes a holiday from its date and name.
    public init(date: CivilDate, name: String) {
        self.date = date
        self.name = name
    }

    /// Whether it is a day off by custom and agreement (grundlovsdag, juleaftensdag, nytårsaftensdag) rather than a
    /// public holiday, which English must not call it.
    public var isCustomaryDayOff: Bool {
        DanishHolidays.customaryDaysOff.contains(name)
    }
}

// MARK: - DanishHolidays

/// The Danish holidays of a year, most of them moving with Easter.
public enum DanishHolidays {
    /// The days off that are no public holiday, by name: 5 June, 24 December and 31 December.
    static let customaryDaysOff = ["grundlovsdag", "juleaftensdag", "nytårsaftensdag"]

    /// The last year that kept Store bededag; the Folketing abolished it from 2024.
    static let lastYearWithStoreBededag = 2023

    /// Easter Sunday of `year` in the Gregorian calendar (the anonymous Meeus/Jones/Butcher algorithm).
    public static func easterSunday(year: Int) -> CivilDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let monthAndDay = h + l - 7 * m + 114
        return CivilDate(uncheckedYear: year, month: monthAndDay / 31, day: monthAndDay % 31 + 1)
    }

    /// The holidays of `year`, sorted by date; two on one day (Pinsedag on Grundlovsdag) keep Easter's first.
    public static func holidays(in year: Int) -> [DanishHoliday] {
        let easter = easterSunday(year: year)
        var movable: [(offset: Int, name: String)] = [
            (-3, "skærtorsdag"),
            (-2, "langfredag"),
            (0, "påskedag"),
            (1, "2. påskedag"),
        ]
        if year <= lastYearWithStoreBededag {
            movable.append((26, "store bededag"))
        }
        movable += [
            (39, "Kristi himmelfartsdag"),
            (49, "pinsedag"),
            (50, "2. pinsedag"),
        ]
        let fixed: [(month: Int, day: Int, name: String)] = [
            (6, 5, customaryDaysOff[0]),
            (12, 24, customaryDaysOff[1]),
            (12, 25, "juledag"),
            (12, 26, "2. juledag"),
            (12, 31, customaryDaysOff[2]),
        ]
        let all =
            [DanishHoliday(date: CivilDate(uncheckedYear: year, month: 1, day: 1), name: "nytårsdag")]
            + movable.map { DanishHoliday(date: easter.adding(days: $0.offset), name: $0.name) }
            + fixed.map {
                DanishHoliday(date: CivilDate(uncheckedYear: year, month: $0.month, day: $0.day), name: $0.name)
            }
        // Sorting on (date, position) keeps the order above for ties, whatever the sort's stability.
        return all.enumerated()
            .sorted { ($0.element.date.daysSinceEpoch, $0.offset) < ($1.element.date.daysSinceEpoch, $1.offset) }
            .map(\.element)
    }

    /// The holiday on `date`, or nil on an ordinary day; on a shared day, the one `holidays(in:)` lists first.
    public static func holiday(on date: CivilDate) -> DanishHoliday? {
        holidays(in: date.year).first { $0.date == date }
    }
}
