import Foundation

/// Which séances go into the calendar file.
public struct CalendarOptions: Sendable {
    public enum Scope: Sendable, Equatable {
        /// Séances planned or in progress, and the cancelled ones not yet past (marked
        /// CANCELLED, so a calendar that imported them before drops them).
        case upcoming
        /// Every séance, the closed ones included.
        case all
    }
    public var scope: Scope
    /// DTSTAMP: when the file is made; also what `upcoming` counts from.
    public var now: Timestamp
    /// The right-hand side of every UID: `sea-copil-4@seance.invalid`. A séance keeps its UID
    /// from one export to the next, so a calendar updates the event instead of adding a copy.
    public var uidDomain: String
    /// Only the séances of one committee.
    public var committee: String?
    /// The length of a séance whose agenda has no planned durations.
    public var defaultMinutes: Int

    public init(scope: Scope = .upcoming, now: Timestamp = .now(), uidDomain: String = "seance.invalid",
                committee: String? = nil, defaultMinutes: Int = 120) {
        self.scope = scope; self.now = now; self.uidDomain = uidDomain
        self.committee = committee; self.defaultMinutes = defaultMinutes
    }
}

/// The séances as an iCalendar file (RFC 5545): one VEVENT per séance, times in the project's
/// time zone (Europe/Paris with its VTIMEZONE; another zone is written in UTC), lines ended by
/// CR LF and folded at 75 octets without cutting a UTF-8 sequence.
enum ICalendarExport {
    static func calendar(_ st: ProjectState, options: CalendarOptions) -> String {
        // A zone this system does not know is taken as Europe/Paris, the program's default.
        let named = st.project?.timeZone ?? "Europe/Paris"
        let tz = TimeZone(identifier: named) == nil ? "Europe/Paris" : named
        let today = options.now.localDate
        let meetings = st.chronological(st.meetings.values.filter { m in
            if let c = options.committee, m.committee != c { return false }
            switch options.scope {
            case .all: return true
            case .upcoming:
                switch m.state {
                case .planned, .inProgress: return true
                case .cancelled: return m.date >= today
                case .closed: return false
                }
            }
        })

        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//seance//Séances des comités//FR",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(Fr.Export.calendarName(ExportClean.line(st.project?.name ?? ""))),
        ]
        lines.append("X-WR-TIMEZONE:" + escape(ExportClean.line(tz)))
        let paris = tz == "Europe/Paris"
        if paris { lines += europeParis }
        for m in meetings {
            guard let c = st.committees[m.committee] else { continue }
            lines += event(st, m, c, options: options, tz: tz, paris: paris)
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// One séance's event alone (attached to its convocation). METHOD:PUBLISH: the file names no
    /// organizer nor attendees, which a REQUEST would need (RFC 5546); a calendar adds it as is.
    static func single(_ st: ProjectState, _ m: Meeting, _ c: Committee, options: CalendarOptions) -> String {
        let named = st.project?.timeZone ?? "Europe/Paris"
        let tz = TimeZone(identifier: named) == nil ? "Europe/Paris" : named
        let paris = tz == "Europe/Paris"
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//seance//Séances des comités//FR", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        if paris { lines += europeParis }
        lines += event(st, m, c, options: options, tz: tz, paris: paris)
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func event(_ st: ProjectState, _ m: Meeting, _ c: Committee, options: CalendarOptions, tz: String, paris: Bool) -> [String] {
        var ev = ["BEGIN:VEVENT", "UID:" + m.id + "@" + options.uidDomain, "DTSTAMP:" + utc(options.now.epochSeconds)]
        let items = m.agenda.compactMap { st.agendaItems[$0] }
        let planned = items.compactMap(\.plannedMinutes).filter { $0 > 0 }.reduce(0, +)
        let minutes = planned > 0 ? planned : options.defaultMinutes
        if let t = m.time {
            let startLocal = m.date.daysSinceEpoch * 86400 + Int64(t.minutesOfDay) * 60
            let endLocal = startLocal + Int64(minutes) * 60
            if paris {
                ev.append("DTSTART;TZID=Europe/Paris:" + localStamp(startLocal))
                ev.append("DTEND;TZID=Europe/Paris:" + localStamp(endLocal))
            } else {
                ev.append("DTSTART:" + utc(toUTC(startLocal, tz)))
                ev.append("DTEND:" + utc(toUTC(endLocal, tz)))
            }
        } else {
            // No time set: an all-day event.
            ev.append("DTSTART;VALUE=DATE:" + compactDate(m.date))
            ev.append("DTEND;VALUE=DATE:" + compactDate(LocalDate(daysSinceEpoch: m.date.daysSinceEpoch + 1)))
        }
        ev.append("SUMMARY:" + escape(ExportClean.line(Fr.meetingName(c, m))))
        if !m.place.isEmpty { ev.append("LOCATION:" + escape(ExportClean.line(m.place))) }
        var desc: [String] = []
        if !m.title.isEmpty { desc.append(ExportClean.line(m.title)) }
        if !items.isEmpty {
            if !desc.isEmpty { desc.append("") }
            desc.append(Fr.Export.calendarAgenda)
            for (i, item) in items.enumerated() {
                var line = "\(i + 1). " + ExportClean.line(item.title)
                var facts: [String] = []
                if !item.presenter.isEmpty { facts.append(ExportClean.line(st.members[item.presenter]?.name ?? item.presenter)) }
                if let d = item.plannedMinutes, d > 0 { facts.append(FrenchTypography.plain(Fr.Export.duration(d))) }
                if !facts.isEmpty { line += " (" + facts.joined(separator: ", ") + ")" }
                desc.append(line)
            }
        }
        if !m.secretary.isEmpty { desc.append(""); desc.append(Fr.Export.secretary + " : " + ExportClean.line(m.secretary)) }
        if !desc.isEmpty { ev.append("DESCRIPTION:" + escape(desc.joined(separator: "\n"))) }
        ev.append("CATEGORIES:" + escape(Fr.committeeKindShort(c.kind)))
        switch m.state {
        case .cancelled: ev.append("STATUS:CANCELLED")
        default: ev.append("STATUS:CONFIRMED")
        }
        ev.append("TRANSP:OPAQUE")
        ev.append("END:VEVENT")
        return ev
    }

    /// Europe/Paris since 1996: CEST from the last Sunday of March at 02:00, CET from the last
    /// Sunday of October at 03:00.
    static let europeParis = [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Paris",
        "X-LIC-LOCATION:Europe/Paris",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]

    /// TEXT values: `\` `;` `,` escaped, a line break as `\n` (RFC 5545 §3.3.11).
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Folds a content line at 75 octets (RFC 5545 §3.1): the next line starts with a space;
    /// a cut falls between characters, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = ""
        var count = 0
        var limit = 75
        for u in line.unicodeScalars {
            let n = String(u).utf8.count
            if count + n > limit {
                out += "\r\n "
                count = 0
                limit = 74   // the leading space counts
            }
            out.unicodeScalars.append(u)
            count += n
        }
        return out
    }

    static func localStamp(_ localSeconds: Int64) -> String {
        let day = LocalDate(daysSinceEpoch: floorDiv(localSeconds, 86400))
        let s = localSeconds - floorDiv(localSeconds, 86400) * 86400
        return compactDate(day) + "T" + two(Int(s / 3600)) + two(Int(s % 3600 / 60)) + "00"
    }

    static func utc(_ epoch: Int64) -> String { localStamp(epoch) + "Z" }

    static func compactDate(_ d: LocalDate) -> String { d.journalValue.replacingDashes }

    /// A wall-clock time of `tz` as seconds since the epoch (Foundation's zone data).
    static func toUTC(_ localSeconds: Int64, _ tz: String) -> Int64 {
        guard let zone = TimeZone(identifier: tz) else { return localSeconds }
        // Two passes settle the offset around a change of time.
        var guess = localSeconds - Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(localSeconds))))
        guess = localSeconds - Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess))))
        return guess
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : (a - b + 1) / b }
    static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}

private extension String {
    var replacingDashes: String { String(filter { $0 != "-" }) }
}
