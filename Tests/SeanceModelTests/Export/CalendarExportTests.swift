import Foundation
import Testing
@testable import SeanceModel

@Suite("Exports: iCalendar")
struct CalendarExportTests {
    let st = ExportFixture.demo

    /// Reads an .ics with the `icalendar` Python package: one line per VEVENT,
    /// UID|DTSTART|DTEND|SUMMARY|LOCATION|STATUS, then the DESCRIPTION of the first event.
    static let reader = """
        import sys, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
        events = [c for c in cal.walk("VEVENT")]
        for e in events:
            s, t = e.decoded("DTSTART"), e.decoded("DTEND")
            print("|".join([str(e["UID"]), s.isoformat(), t.isoformat(), str(e["SUMMARY"]), str(e.get("LOCATION", "")), str(e.get("STATUS", ""))]))
        if events:
            print(str(events[0].get("DESCRIPTION", "")).replace("\\n", "⏎"))
        """

    func parsed(_ text: String) -> (status: Int32, lines: [String], errors: String) {
        let f = ExportTempFile("s.ics", Array(text.utf8))
        let r = ExternalTool.python(Self.reader, f.path)
        return (r.status, r.output.split(separator: "\n").map(String.init), r.errors)
    }

    @Test("icalendar reads the planned séance with its time zone and agenda",
          .enabled(if: ExternalTool.underCI || ExternalTool.hasIcalendar))
    func upcoming() throws {
        let text = try #require(Export.calendar(st, options: CalendarOptions(now: ExportFixture.now)).text)
        let r = parsed(text)
        #expect(r.status == 0, "\(r.errors)")
        #expect(r.lines.first == "sea-copil-4@seance.invalid|2010-02-02T18:00:00+01:00|2010-02-02T19:50:00+01:00|Comité de pilotage n°4|Salle du conseil, mairie de Saint-Flour|CONFIRMED")
        let description = try #require(r.lines.last)
        #expect(description.contains("Ordre du jour :⏎1. Approbation du compte rendu du 17 décembre 2009 (MARTIN Sophie, 5 min)"))
        #expect(description.contains("; conventions et suivi"))
    }

    @Test("Every séance: summer times are in CEST, UIDs are stable and unique",
          .enabled(if: ExternalTool.underCI || ExternalTool.hasIcalendar))
    func all() throws {
        let text = try #require(Export.calendar(st, options: CalendarOptions(scope: .all, now: ExportFixture.now)).text)
        let r = parsed(text)
        #expect(r.status == 0, "\(r.errors)")
        let events = r.lines.filter { $0.contains("@seance.invalid|") }
        #expect(events.count == st.meetings.count)
        #expect(Set(events.map { $0.split(separator: "|")[0] }).count == events.count)
        let june = try #require(events.first { $0.hasPrefix("sea-copil-1@") })
        let start = june.split(separator: "|")[1]
        #expect(start.hasSuffix("+02:00"), "a June séance is in summer time: \(start)")
        // The same séance keeps its UID from one export to the next.
        let again = try #require(Export.calendar(st, options: CalendarOptions(scope: .all, now: ExportFixture.options.now)).text)
        #expect(again == text)
    }

    @Test("Lines are folded at 75 octets without cutting a UTF-8 sequence, and end in CR LF")
    func folding() throws {
        var s = ExportFixture.demo
        var m = s.meetings["sea-copil-4"]!
        m.title = String(repeating: "Éléphant 🐘 « œuvre », ", count: 12)
        s.meetings["sea-copil-4"] = m
        let text = try #require(Export.calendar(s, options: CalendarOptions(now: ExportFixture.now)).text)
        let bytes = Array(text.utf8)
        #expect(text.hasSuffix("\r\n"))
        var lines: [[UInt8]] = [], line: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D {
                #expect(i + 1 < bytes.count && bytes[i + 1] == 0x0A, "a CR alone")
                lines.append(line); line = []; i += 2; continue
            }
            #expect(bytes[i] != 0x0A, "a LF alone")
            line.append(bytes[i]); i += 1
        }
        for l in lines {
            #expect(l.count <= 75, "line of \(l.count) octets")
            #expect(String(validating: l, as: UTF8.self) != nil, "a line cut inside a UTF-8 sequence")
        }
        // Unfolded, the description holds the title whole (escaped).
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains(ICalendarExport.escape(m.title)))
    }

    @Test("TEXT values are escaped: backslash, semicolon, comma, line break")
    func escaping() {
        #expect(ICalendarExport.escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne")
    }

    @Test("A séance without a time is an all-day event; a cancelled one is marked; another zone goes to UTC")
    func variants() throws {
        var s = ExportFixture.demo
        var m = s.meetings["sea-copil-4"]!
        m.time = nil
        s.meetings["sea-copil-4"] = m
        var text = try #require(Export.calendar(s, options: CalendarOptions(now: ExportFixture.now)).text)
        #expect(text.contains("DTSTART;VALUE=DATE:20100202\r\nDTEND;VALUE=DATE:20100203\r\n"))

        m.time = LocalTime(hour: 9, minute: 30)
        m.state = .cancelled
        s.meetings["sea-copil-4"] = m
        s.project!.timeZone = "America/Montreal"
        text = try #require(Export.calendar(s, options: CalendarOptions(now: ExportFixture.now)).text)
        #expect(text.contains("STATUS:CANCELLED"))
        #expect(!text.contains("BEGIN:VTIMEZONE"))
        #expect(text.contains("DTSTART:20100202T143000Z"))   // 9:30 in Montréal, winter (UTC−5)

        s.project!.timeZone = "Mars/Olympus\u{1B}[2J"
        text = try #require(Export.calendar(s, options: CalendarOptions(now: ExportFixture.now)).text)
        #expect(text.contains("X-WR-TIMEZONE:Europe/Paris\r\n"))
        #expect(text.contains("DTSTART;TZID=Europe/Paris:20100202T093000"))
    }
}
