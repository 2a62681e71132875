// MARK: - DayCounting

/// Which days count in a daily rotation: every day, or only working days.
public struct DayCounting: Hashable, Sendable {
    /// Whether Saturdays and Sundays are left out.
    public var skipsWeekends: Bool
    /// Whether the days in `DanishHolidays` are left out.
    public var skipsDanishHolidays: Bool

    /// Makes a rule; by default every day counts.
    public init(skipsWeekends: Bool = false, skipsDanishHolidays: Bool = false) {
        self.skipsWeekends = skipsWeekends
        self.skipsDanishHolidays = skipsDanishHolidays
    }

    /// Every day counts.
    public static let everyDay = DayCounting()

    // MARK: - Single days

    /// Why `date` does not count, or nil when it counts.
    public func exclusion(of date: CivilDate) -> DayExclusion? {
        // The holiday is the more telling reason, so it wins when a holiday falls on a weekend.
        if skipsDanishHolidays, let holiday = DanishHolidays.holiday(on: date) {
            return .holiday(holiday)
        }
        let weekday = date.weekday
        if skipsWeekends, weekday.isWeekend {
            return .weekend(weekday)
        }
        return nil
    }

    // MARK: - Ranges

    /// How many counting days lie in [from, to) — negative when `to` is before `from` (then it is minus the count in
    /// [to, from)).
    public func countingDays(from: CivilDate, to: CivilDate) -> Int {
        if to < from {
            return -countingDays(from: to, to: from)
        }
        let start = from.daysSinceEpoch
        let end = to.daysSinceEpoch
        var count =
            skipsWeekends
            ? Self.weekdaysBefore(end) - Self.weekdaysBefore(start)
            : end - start
        if skipsDanishHolidays {
            // O(years): visit each year's holidays once, and each holiday date once even when two share it.
            var previous: CivilDate?
            for year in from.year...to.year {
                for holiday in DanishHolidays.holidays(in: year)
                where holiday.date != previous && holiday.date >= from && holiday.date < to {
                    previous = holiday.date
                    if !(skipsWeekends && holiday.date.weekday.isWeekend) {
                        count -= 1
                    }
                }
            }
        }
        return count
    }

    /// The number of Monday-to-Friday days before day `daysSinceEpoch`, counted from Monday 1970-01-05 (negative before
    /// it).
    private static func weekdaysBefore(_ daysSinceEpoch: Int) -> Int {
        let daysSinceMonday = daysSinceEpoch - 4
        let weeks = daysSinceMonday >= 0 ? daysSinceMonday / 7 : (daysSinceMonday - 6) / 7
        let rest = daysSinceMonday - weeks * 7
        return weeks * 5 + min(rest, 5)
    }
}

// MARK: - DayExclusion

/// Why a day does not count in a rotation.
public enum DayExclusion: Hashable, Sendable {
    /// The day is a Saturday or Sunday.
    case weekend(Weekday)
    /// The day is a Danish holiday.
    case holiday(DanishHoliday)
}
