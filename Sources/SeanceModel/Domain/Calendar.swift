import Foundation

/// A calendar date without a time zone (`2009-12-15`).
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init?(journalValue s: Substring) {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
              let y = parseDigits(u[0..<4]), let m = parseDigits(u[5..<7]), let d = parseDigits(u[8..<10])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `15/12/2009` or `15/12/09` or `2009-12-15`, as a person types it.
    public init?(userInput: String) {
        let t = userInput.trimmingCharacters(in: .whitespaces)
        if let d = LocalDate(journalValue: Substring(t)) { self = d; return }
        let parts = t.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), var y = Int(parts[2]) else { return nil }
        if parts[2].count == 2 { y += 2000 }
        self.init(year: y, month: m, day: d)
    }

    public var journalValue: String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }
    public var description: String { journalValue }

    /// `15/12/2009`
    public var french: String { pad(day, 2) + "/" + pad(month, 2) + "/" + pad(year, 4) }

    /// Days since 1970-01-01 (proleptic Gregorian).
    public var daysSinceEpoch: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64((month + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(daysSinceEpoch z0: Int64) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = Int(yoe + era * 400 + (m <= 2 ? 1 : 0)); month = Int(m); day = Int(d)
    }

    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int { Int(((daysSinceEpoch % 7) + 7 + 3) % 7) }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// A wall-clock time (`14:30`), local to the séance's time zone.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var hour: Int, minute: Int
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour; self.minute = minute
    }
    public init?(journalValue s: Substring) {
        var s = s
        guard let t = s.withUTF8({ LocalTime(bytes: $0) }) else { return nil }
        self = t
    }

    /// `HH:MM` read from the bytes of a journal line.
    init?(bytes u: UnsafeBufferPointer<UInt8>) {
        guard u.count == 5, u[2] == UInt8(ascii: ":"),
              let h = parseDigits(u[0..<2]), let m = parseDigits(u[3..<5]) else { return nil }
        self.init(hour: h, minute: m)
    }
    /// `14:30`, `14h30`, `14h`, `9:05`.
    public init?(userInput: String) {
        // « 9 h 40 » as the program writes it (no-break spaces) reads back: spaces are dropped.
        let t = String(userInput.lowercased().filter { !$0.isWhitespace })
        let parts = t.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "h" })
        guard (1...2).contains(parts.count), let h = Int(parts[0]) else { return nil }
        let m = parts.count == 2 ? (parts[1].isEmpty ? 0 : Int(parts[1])) : 0
        guard let mm = m else { return nil }
        self.init(hour: h, minute: mm)
    }
    public var minutesOfDay: Int { hour * 60 + minute }
    public var journalValue: String { pad(hour, 2) + ":" + pad(minute, 2) }
    public var description: String { journalValue }
    /// `14 h 30`
    public var french: String { String(hour) + "\u{00A0}h\u{00A0}" + pad(minute, 2) }
    public static func < (a: LocalTime, b: LocalTime) -> Bool { a.minutesOfDay < b.minutesOfDay }
}

/// An instant with the UTC offset it was written with (`2009-12-15T14:32:10+01:00`).
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var epochSeconds: Int64
    public var offsetMinutes: Int

    public init(epochSeconds: Int64, offsetMinutes: Int) {
        self.epochSeconds = epochSeconds; self.offsetMinutes = offsetMinutes
    }

    /// Now, with the offset of `timeZone` (Europe/Paris by default).
    public static func now(in timeZone: String = "Europe/Paris") -> Timestamp {
        let d = Date()
        let tz = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "Europe/Paris")!
        return Timestamp(epochSeconds: Int64(d.timeIntervalSince1970.rounded(.down)),
                         offsetMinutes: tz.secondsFromGMT(for: d) / 60)
    }

    public var localDate: LocalDate {
        let local = epochSeconds + Int64(offsetMinutes) * 60
        return LocalDate(daysSinceEpoch: local >= 0 ? local / 86400 : (local - 86399) / 86400)
    }
    public var localTime: LocalTime {
        let local = epochSeconds + Int64(offsetMinutes) * 60
        let s = ((local % 86400) + 86400) % 86400
        return LocalTime(hour: Int(s / 3600), minute: Int((s % 3600) / 60))!
    }

    public init?(journalValue s: Substring) {
        var copy = String(s)
        guard let t = copy.withUTF8({ Timestamp(bytes: $0) }) else { return nil }
        self = t
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS` then `Z` or `±HH:MM`, from bytes.
    public init?(bytes u: UnsafeBufferPointer<UInt8>) {
        guard u.count == 20 || u.count == 25, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
              u[10] == UInt8(ascii: "T"), u[13] == UInt8(ascii: ":"), u[16] == UInt8(ascii: ":"),
              let y = parseDigits(u[0..<4]), let mo = parseDigits(u[5..<7]), let d = parseDigits(u[8..<10]),
              let date = LocalDate(year: y, month: mo, day: d),
              let hh = parseDigits(u[11..<13]), let mi = parseDigits(u[14..<16]), let ss = parseDigits(u[17..<19]),
              hh < 24, mi < 60, ss < 61
        else { return nil }
        var offset = 0
        if u.count == 20 {
            guard u[19] == UInt8(ascii: "Z") else { return nil }
        } else {
            guard u[19] == UInt8(ascii: "+") || u[19] == UInt8(ascii: "-"), u[22] == UInt8(ascii: ":"),
                  let oh = parseDigits(u[20..<22]), let om = parseDigits(u[23..<25]), oh < 15, om < 60
            else { return nil }
            offset = (oh * 60 + om) * (u[19] == UInt8(ascii: "-") ? -1 : 1)
        }
        let local = date.daysSinceEpoch * 86400 + Int64(hh * 3600 + mi * 60 + ss)
        self.init(epochSeconds: local - Int64(offset) * 60, offsetMinutes: offset)
    }

    public var journalValue: String {
        let local = epochSeconds + Int64(offsetMinutes) * 60
        let s = ((local % 86400) + 86400) % 86400
        let base = localDate.journalValue + "T" + pad(Int(s / 3600), 2) + ":" + pad(Int((s % 3600) / 60), 2)
            + ":" + pad(Int(s % 60), 2)
        if offsetMinutes == 0 { return base + "Z" }
        let m = abs(offsetMinutes)
        return base + (offsetMinutes < 0 ? "-" : "+") + pad(m / 60, 2) + ":" + pad(m % 60, 2)
    }
    public var description: String { journalValue }
    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.epochSeconds < b.epochSeconds }
}

@inline(__always)
func parseDigits<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
    var v = 0
    for b in bytes {
        guard b >= 48 && b <= 57 else { return nil }
        v = v * 10 + Int(b - 48)
    }
    return v
}

@inline(__always)
func pad(_ v: Int, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
