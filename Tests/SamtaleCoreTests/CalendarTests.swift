import Testing

@testable import SamtaleCore

// MARK: - Helpers

/// Makes a date from an ISO string the test knows to be valid.
private func date(_ iso: String) -> CivilDate {
    guard let date = CivilDate(iso: iso) else { fatalError("invalid test date \(iso)") }
    return date
}

/// Easter Sunday by Gauss's algorithm with the Gregorian corrections, independent of Meeus/Jones/Butcher.
private func gaussEaster(year: Int) -> (month: Int, day: Int) {
    let a = year % 19
    let b = year % 4
    let c = year % 7
    let k = year / 100
    let p = (13 + 8 * k) / 25
    let q = k / 4
    let m = (15 - p + k - q) % 30
    let n = (4 + k - q) % 7
    let d = (19 * a + m) % 30
    let e = (2 * b + 4 * c + 6 * d + n) % 7
    if d == 29 && e == 6 {
        return (4, 19)
    }
    if d == 28 && e == 6 && (11 * m + 11) % 30 < 19 {
        return (4, 18)
    }
    let marchDay = 22 + d + e
    return marchDay > 31 ? (4, marchDay - 31) : (3, marchDay)
}

// MARK: - CivilDate

@Suite struct CivilDateTests {
    @Test(arguments: ["1583-01-01", "1970-01-01", "2000-02-29", "2024-02-29", "2026-11-26", "9999-12-31"])
    func parsesAndPrintsISO(_ iso: String) throws {
        let parsed = try #require(CivilDate(iso: iso))
        #expect(parsed.description == iso)
    }

    @Test func parsesParts() throws {
        let parsed = try #require(CivilDate(iso: "2026-02-03"))
        #expect(parsed.year == 2026)
        #expect(parsed.month == 2)
        #expect(parsed.day == 3)
        #expect(parsed == CivilDate(year: 2026, month: 2, day: 3))
    }

    @Test(arguments: [
        "2026-2-3", "2026-02-30", "26-02-03", "2026-02-03x", "", "2026-13-01", "2026-00-10", "2026-01-00",
        "2023-02-29", "1900-02-29", "1582-12-31", "2026/02/03", "+026-02-03", "2026-0a-03", " 2026-02-03",
        "２０２６-02-03",
    ])
    func rejectsMalformedISO(_ iso: String) {
        #expect(CivilDate(iso: iso) == nil)
    }

    @Test func validatesParts() {
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2026, month: 4, day: 31) == nil)
        #expect(CivilDate(year: 2026, month: 12, day: 31) != nil)
        #expect(CivilDate(year: 2026, month: 13, day: 1) == nil)
        #expect(CivilDate(year: 2026, month: 0, day: 1) == nil)
        #expect(CivilDate(year: 2026, month: 1, day: 0) == nil)
        #expect(CivilDate(year: 1582, month: 12, day: 31) == nil)
        #expect(CivilDate(year: 10000, month: 1, day: 1) == nil)
    }

    @Test func knownDaysSinceEpoch() {
        #expect(date("1970-01-01").daysSinceEpoch == 0)
        #expect(date("1969-12-31").daysSinceEpoch == -1)
        #expect(date("2000-01-01").daysSinceEpoch == 10957)
        #expect(date("2000-03-01").daysSinceEpoch == 11017)
        #expect(CivilDate(daysSinceEpoch: 0) == date("1970-01-01"))
        #expect(CivilDate(daysSinceEpoch: 19723) == date("2024-01-01"))
    }

    @Test func knownWeekdays() {
        #expect(date("1970-01-01").weekday == .thursday)
        #expect(date("1969-12-29").weekday == .monday)
        #expect(date("2000-01-01").weekday == .saturday)
        #expect(date("2026-11-26").weekday == .thursday)
        #expect(date("1583-01-01").weekday == .saturday)
        #expect(date("9999-12-31").weekday == .friday)
        #expect(Weekday.allCases.filter(\.isWeekend) == [.saturday, .sunday])
    }

    /// Walks every day from 1583 to 9999 against a naive calendar that only knows month lengths.
    @Test func roundTripsEveryDay() {
        var expected = date("1583-01-01")
        let first = expected.daysSinceEpoch
        let last = date("9999-12-31").daysSinceEpoch
        var weekday = expected.weekday.rawValue
        var mismatches = 0
        for days in first...last {
            let made = CivilDate(daysSinceEpoch: days)
            if made != expected || made.daysSinceEpoch != days || made.weekday.rawValue != weekday {
                mismatches += 1
            }
            let monthLength = CivilDate.daysInMonth(expected.month, year: expected.year)
            if expected.day < monthLength {
                expected = CivilDate(uncheckedYear: expected.year, month: expected.month, day: expected.day + 1)
            } else if expected.month < 12 {
                expected = CivilDate(uncheckedYear: expected.year, month: expected.month + 1, day: 1)
            } else {
                expected = CivilDate(uncheckedYear: expected.year + 1, month: 1, day: 1)
            }
            weekday = weekday % 7 + 1
        }
        #expect(mismatches == 0)
        // 8417 years of 365 days plus 2041 leap days (2424 up to 9999 less 383 up to 1582).
        #expect(last - first + 1 == 8417 * 365 + 2041)
    }

    @Test func addsDaysAcrossLeapDaysAndYears() {
        #expect(date("2024-02-28").adding(days: 1) == date("2024-02-29"))
        #expect(date("2023-02-28").adding(days: 1) == date("2023-03-01"))
        #expect(date("2026-12-31").adding(days: 1) == date("2027-01-01"))
        #expect(date("2026-01-01").adding(days: -1) == date("2025-12-31"))
        #expect(date("2000-01-01").adding(days: 366) == date("2001-01-01"))
        #expect(date("2026-11-26").adding(days: 0) == date("2026-11-26"))
    }

    @Test func ordersChronologically() {
        #expect(date("2025-12-31") < date("2026-01-01"))
        #expect(date("2026-01-31") < date("2026-02-01"))
        #expect(date("2026-02-01") < date("2026-02-02"))
        #expect(!(date("2026-02-02") < date("2026-02-02")))
        let shuffled = [date("2026-03-01"), date("1999-12-31"), date("2026-02-28")]
        #expect(shuffled.sorted() == [date("1999-12-31"), date("2026-02-28"), date("2026-03-01")])
    }
}

// MARK: - DanishHolidays

@Suite struct DanishHolidaysTests {
    /// Easter Sundays from published tables.
    @Test(arguments: [
        (1818, "1818-03-22"), (1943, "1943-04-25"), (1954, "1954-04-18"), (1961, "1961-04-02"),
        (1981, "1981-04-19"), (1999, "1999-04-04"), (2000, "2000-04-23"), (2001, "2001-04-15"),
        (2002, "2002-03-31"), (2008, "2008-03-23"), (2010, "2010-04-04"), (2011, "2011-04-24"),
        (2013, "2013-03-31"), (2016, "2016-03-27"), (2018, "2018-04-01"), (2019, "2019-04-21"),
        (2020, "2020-04-12"), (2021, "2021-04-04"), (2022, "2022-04-17"), (2023, "2023-04-09"),
        (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"),
        (2028, "2028-04-16"), (2029, "2029-04-01"), (2030, "2030-04-21"), (2038, "2038-04-25"),
        (2049, "2049-04-18"), (2285, "2285-03-22"),
    ])
    func knownEasterSundays(year: Int, iso: String) {
        #expect(DanishHolidays.easterSunday(year: year) == date(iso))
    }

    @Test func easterAgreesWithGaussEverywhere() {
        var disagreements: [Int] = []
        for year in CivilDate.validYears {
            let easter = DanishHolidays.easterSunday(year: year)
            let gauss = gaussEaster(year: year)
            if easter.month != gauss.month || easter.day != gauss.day || easter.weekday != .sunday {
                disagreements.append(year)
            }
        }
        #expect(disagreements.isEmpty)
    }

    /// The published Danish holidays, as (date, name), for the last year with Store bededag and three without.
    static let publishedHolidays: [Int: [(String, String)]] = [
        2023: [
            ("2023-01-01", "nytårsdag"), ("2023-04-06", "skærtorsdag"), ("2023-04-07", "langfredag"),
            ("2023-04-09", "påskedag"), ("2023-04-10", "2. påskedag"), ("2023-05-05", "store bededag"),
            ("2023-05-18", "Kristi himmelfartsdag"), ("2023-05-28", "pinsedag"), ("2023-05-29", "2. pinsedag"),
            ("2023-06-05", "grundlovsdag"), ("2023-12-24", "juleaftensdag"), ("2023-12-25", "juledag"),
            ("2023-12-26", "2. juledag"), ("2023-12-31", "nytårsaftensdag"),
        ],
        2024: [
            ("2024-01-01", "nytårsdag"), ("2024-03-28", "skærtorsdag"), ("2024-03-29", "langfredag"),
            ("2024-03-31", "påskedag"), ("2024-04-01", "2. påskedag"), ("2024-05-09", "Kristi himmelfartsdag"),
            ("2024-05-19", "pinsedag"), ("2024-05-20", "2. pinsedag"), ("2024-06-05", "grundlovsdag"),
            ("2024-12-24", "juleaftensdag"), ("2024-12-25", "juledag"), ("2024-12-26", "2. juledag"),
            ("2024-12-31", "nytårsaftensdag"),
        ],
        2025: [
            ("2025-01-01", "nytårsdag"), ("2025-04-17", "skærtorsdag"), ("2025-04-18", "langfredag"),
            ("2025-04-20", "påskedag"), ("2025-04-21", "2. påskedag"), ("2025-05-29", "Kristi himmelfartsdag"),
            ("2025-06-05", "grundlovsdag"), ("2025-06-08", "pinsedag"), ("2025-06-09", "2. pinsedag"),
            ("2025-12-24", "juleaftensdag"), ("2025-12-25", "juledag"), ("2025-12-26", "2. juledag"),
            ("2025-12-31", "nytårsaftensdag"),
        ],
        2026: [
            ("2026-01-01", "nytårsdag"), ("2026-04-02", "skærtorsdag"), ("2026-04-03", "langfredag"),
            ("2026-04-05", "påskedag"), ("2026-04-06", "2. påskedag"), ("2026-05-14", "Kristi himmelfartsdag"),
            ("2026-05-24", "pinsedag"), ("2026-05-25", "2. pinsedag"), ("2026-06-05", "grundlovsdag"),
            ("2026-12-24", "juleaftensdag"), ("2026-12-25", "juledag"), ("2026-12-26", "2. juledag"),
            ("2026-12-31", "nytårsaftensdag"),
        ],
    ]

    @Test(arguments: [2023, 2024, 2025, 2026])
    func fullHolidayList(year: Int) throws {
        let expected = try #require(Self.publishedHolidays[year])
        let holidays = DanishHolidays.holidays(in: year)
        #expect(holidays == expected.map { DanishHoliday(date: date($0.0), name: $0.1) })
        for holiday in holidays {
            #expect(DanishHolidays.holiday(on: holiday.date) == holiday)
        }
    }

    @Test func storeBededagEndsWith2023() {
        #expect(DanishHolidays.holidays(in: 2023).contains { $0.name == "store bededag" })
        #expect(!DanishHolidays.holidays(in: 2024).contains { $0.name == "store bededag" })
        #expect(DanishHolidays.holiday(on: date("2024-04-26")) == nil)
    }

    @Test func holidaysAreSortedInEveryYear() {
        for year in 1900...2200 {
            let dates = DanishHolidays.holidays(in: year).map(\.date)
            #expect(dates == dates.sorted(), "year \(year)")
        }
    }

    @Test func sharedDayReportsTheEasterHoliday() {
        // In 2022 Pinsedag fell on Grundlovsdag; in 2017 2. pinsedag did.
        #expect(DanishHolidays.holiday(on: date("2022-06-05"))?.name == "pinsedag")
        #expect(DanishHolidays.holiday(on: date("2017-06-05"))?.name == "2. pinsedag")
        #expect(
            DanishHolidays.holidays(in: 2022).filter { $0.date == date("2022-06-05") }.map(\.name)
                == ["pinsedag", "grundlovsdag"])
    }

    @Test func ordinaryDayIsNoHoliday() {
        #expect(DanishHolidays.holiday(on: date("2026-11-26")) == nil)
        #expect(DanishHolidays.holiday(on: date("2026-12-23")) == nil)
    }
}

// MARK: - DayCounting

@Suite struct DayCountingTests {
    static let allRules = [
        DayCounting.everyDay,
        DayCounting(skipsWeekends: true),
        DayCounting(skipsDanishHolidays: true),
        DayCounting(skipsWeekends: true, skipsDanishHolidays: true),
    ]

    /// The count in [from, to) by looking at every day.
    private func bruteForce(_ rule: DayCounting, from: CivilDate, to: CivilDate) -> Int {
        let start = min(from, to).daysSinceEpoch
        let end = max(from, to).daysSinceEpoch
        var count = 0
        for days in start..<end where rule.exclusion(of: CivilDate(daysSinceEpoch: days)) == nil {
            count += 1
        }
        return from <= to ? count : -count
    }

    @Test func exclusionReasons() {
        let both = DayCounting(skipsWeekends: true, skipsDanishHolidays: true)
        let saturday = date("2026-11-28")
        let boxingDayOnSaturday = date("2026-12-26")
        let christmasOnFriday = date("2026-12-25")
        #expect(both.exclusion(of: saturday) == .weekend(.saturday))
        #expect(both.exclusion(of: date("2026-11-29")) == .weekend(.sunday))
        #expect(both.exclusion(of: date("2026-11-26")) == nil)
        #expect(
            both.exclusion(of: boxingDayOnSaturday)
                == .holiday(DanishHoliday(date: boxingDayOnSaturday, name: "2. juledag")))
        #expect(
            both.exclusion(of: christmasOnFriday)
                == .holiday(DanishHoliday(date: christmasOnFriday, name: "juledag")))
        #expect(DayCounting(skipsWeekends: true).exclusion(of: boxingDayOnSaturday) == .weekend(.saturday))
        #expect(DayCounting(skipsWeekends: true).exclusion(of: christmasOnFriday) == nil)
        #expect(DayCounting(skipsDanishHolidays: true).exclusion(of: saturday) == nil)
        #expect(DayCounting.everyDay.exclusion(of: boxingDayOnSaturday) == nil)
    }

    @Test func knownCounts() {
        let weekdays = DayCounting(skipsWeekends: true)
        let workdays = DayCounting(skipsWeekends: true, skipsDanishHolidays: true)
        #expect(DayCounting.everyDay.countingDays(from: date("2026-01-01"), to: date("2027-01-01")) == 365)
        #expect(weekdays.countingDays(from: date("2026-11-23"), to: date("2026-11-30")) == 5)
        #expect(weekdays.countingDays(from: date("2026-11-30"), to: date("2026-11-23")) == -5)
        #expect(weekdays.countingDays(from: date("2026-11-28"), to: date("2026-11-30")) == 0)
        // Christmas week 2026: Thursday 24th and Friday 25th off, Saturday 26th already a weekend.
        #expect(workdays.countingDays(from: date("2026-12-21"), to: date("2026-12-28")) == 3)
        // 2022: Pinsedag and Grundlovsdag share Sunday 5 June; 2. pinsedag is Monday 6 June.
        let holidaysOnly = DayCounting(skipsDanishHolidays: true)
        #expect(holidaysOnly.countingDays(from: date("2022-06-01"), to: date("2022-06-08")) == 5)
        #expect(workdays.countingDays(from: date("2022-06-01"), to: date("2022-06-08")) == 4)
        #expect(workdays.countingDays(from: date("2026-03-03"), to: date("2026-03-03")) == 0)
    }

    @Test(arguments: allRules)
    func matchesBruteForceOnRandomRanges(rule: DayCounting) {
        var generator = SplitMix64(seed: 0x5A4D_7A1E)
        let low = date("1995-01-01").daysSinceEpoch
        let high = date("2060-12-31").daysSinceEpoch
        var mismatches: [String] = []
        for round in 0..<400 {
            let start = Int.random(in: low...high, using: &generator)
            // Mostly short spans, sometimes several years; the sign makes about half of them reversed.
            let reach = round % 10 == 0 ? 2000 : 60
            let end = start + Int.random(in: -reach...reach, using: &generator)
            let from = CivilDate(daysSinceEpoch: start)
            let to = CivilDate(daysSinceEpoch: end)
            if rule.countingDays(from: from, to: to) != bruteForce(rule, from: from, to: to) {
                mismatches.append("\(from)..<\(to)")
            }
        }
        #expect(mismatches.isEmpty)
    }

    @Test(arguments: allRules)
    func matchesBruteForceAroundYearEnds(rule: DayCounting) {
        var mismatches: [String] = []
        for year in 2020...2028 {
            let newYear = date("\(year)-01-01")
            for before in [0, 1, 2, 7, 8] {
                for after in [0, 1, 2, 5, 370] {
                    let from = newYear.adding(days: -before)
                    let to = newYear.adding(days: after)
                    if rule.countingDays(from: from, to: to) != bruteForce(rule, from: from, to: to)
                        || rule.countingDays(from: to, to: from) != bruteForce(rule, from: to, to: from)
                    {
                        mismatches.append("\(from)..<\(to)")
                    }
                }
            }
        }
        #expect(mismatches.isEmpty)
    }
}
