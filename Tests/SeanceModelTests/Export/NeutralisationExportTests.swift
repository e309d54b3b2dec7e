import Foundation
import Testing
@testable import SeanceModel

/// Text from the journal never reaches a document with a control character, an escape
/// sequence or an invisible bidirectional mark: every format shows them as stand-ins.
@Suite("Exports: hostile text is neutralised and escaped")
struct NeutralisationExportTests {
    static let esc = "\u{1B}[31mROUGE\u{1B}[0m"
    static let rlo = "\u{202E}"

    /// A small journal whose every text field carries an escape sequence, a right-to-left
    /// override, a zero-width space, markup and quotes.
    static let state: ProjectState = {
        let t1 = Timestamp(journalValue: "2010-03-01T14:00:00+01:00")!
        let t2 = Timestamp(journalValue: "2010-03-01T16:00:00+01:00")!
        var n = 0
        func e(_ kind: String, _ entity: String, _ fields: [(String, String)], at t: Timestamp = t1) -> Event {
            n += 1
            return event(kind, entity, fields, n: n, at: t)
        }
        let events = [
            e("project.set", "project", [("name", "Projet \(esc) \(rlo)gnol")]),
            e("committee.create", "com-x", [("name", "Comité \(rlo)enicsam"), ("kind", "technique")]),
            e("member.add", "mem-a", [("committee", "com-x"), ("name", "DUPONT\(rlo) Jean"), ("organisation", "Asso <b>&\"'</b>"), ("role", "elu")]),
            e("member.add", "mem-b", [("committee", "com-x"), ("name", "DURAND\u{7} Zoé"), ("role", "elu")]),
            e("seance.create", "sea-x", [("committee", "com-x"), ("date", "2010-03-01"), ("time", "14:00"),
                                          ("place", "Salle \u{1B}]0;titre\u{7}"), ("title", "Titre \u{200B}caché"), ("secretary", "X\u{1B}[2J")]),
            e("seance.create", "sea-y", [("committee", "com-x"), ("date", "2010-06-01"), ("time", "14:00"),
                                          ("place", "Lieu \(esc)"), ("title", "Suite \(rlo)")]),
            e("agenda.add", "item-x", [("seance", "sea-x"), ("title", "Point \(rlo)1 <i>"), ("presenter", "mem-a"), ("duration", "30")]),
            e("agenda.add", "item-y", [("seance", "sea-y"), ("title", "Ordre \(esc)"), ("presenter", "Libre \(rlo)")]),
            e("attendance.set", "sea-x", [("member", "mem-a"), ("status", "present")]),
            e("attendance.set", "sea-x", [("member", "mem-b"), ("status", "pouvoir"), ("proxy", "mem-a")]),
            e("seance.open", "sea-x", [("time", "14:00")]),
            e("agenda.start", "item-x", [("time", "14:00")]),
            e("note.add", "note-x", [("seance", "sea-x"), ("item", "item-x"), ("speaker", "mem-a"),
                                      ("text", "Ligne 1\n\(esc)\tet \(rlo)inversé <script>alert('x')</script> & co\r\nfin")]),
            e("decision.record", "dec-x", [("seance", "sea-x"), ("item", "item-x"), ("text", "Décision \(rlo); \"citée\", \(esc)"),
                                            ("outcome", "valide"), ("for", "1"), ("against", "0"), ("abstention", "0"),
                                            ("voters_present", "2"), ("quorum_met", "oui")]),
            e("followup.add", "fol-x", [("seance", "sea-x"), ("item", "item-x"), ("what", "Faire \u{1B}[5m"), ("owner", "Quelqu'un \(rlo)"), ("due", "2010-04-01")]),
            e("seance.close", "sea-x", [("time", "16:00")], at: t2),
        ]
        let (s, problems) = ProjectState.fold(events)
        precondition(problems.isEmpty, "\(problems)")
        return s
    }()

    static let options = ExportOptions(now: Timestamp(journalValue: "2010-03-02T09:00:00+01:00")!)

    /// Every exported byte stream: the documents in four formats, the relevé, the CSV, the ICS.
    static func outputs() throws -> [(name: String, text: String)] {
        var out: [(String, String)] = []
        for f in [DocumentFormat.md, .html, .txt] {
            out.append(("minutes.\(f)", try #require(try Export.minutes(state, meeting: "sea-x", format: f, options: options).text)))
            out.append(("decisions.\(f)", try #require(try Export.decisions(state, .meeting("sea-x"), format: f, options: options).text)))
        }
        for e in readStoredZip(try Export.minutes(state, meeting: "sea-x", format: .odt, options: options).bytes) where e.name.hasSuffix(".xml") {
            out.append(("odt/\(e.name)", String(decoding: e.data, as: UTF8.self)))
        }
        out.append(("csv", try #require(try Export.decisionsCSV(state, .meeting("sea-x")).text)))
        out.append(("ics", try #require(Export.calendar(state, options: CalendarOptions(scope: .all, now: options.now)).text)))
        return out
    }

    @Test("No control character but line ends, no bidi or zero-width mark, in any format")
    func neutralised() throws {
        for (name, text) in try Self.outputs() {
            for u in text.unicodeScalars {
                let ok = u == "\n" || (u == "\r" && (name == "csv" || name == "ics"))
                #expect(!JournalEscaping.isInvisibleOrControl(u.value) || ok, "\(name): U+\(String(u.value, radix: 16, uppercase: true))")
            }
            // The package's other parts hold no journal text but the footer's title.
            guard !["odt/meta.xml", "odt/META-INF/manifest.xml"].contains(name) else { continue }
            #expect(text.contains("<U+202E>") || text.contains("&lt;U+202E&gt;") || text.contains("\\<U+202E\\>"), "\(name): the override is shown")
            if name != "odt/styles.xml" { #expect(text.contains("␛"), "\(name): the escape is shown") }
        }
    }

    @Test("HTML and XML escape markup and quotes")
    func markup() throws {
        let html = try #require(try Export.minutes(Self.state, meeting: "sea-x", format: .html, options: Self.options).text)
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
        #expect(!html.contains("<script"))
        #expect(html.contains("Asso &lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;"))
        #expect(html.contains("<strong>DUPONT&lt;U+202E&gt; Jean – élu(e) (Asso &lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;)\u{202F}:</strong>"))
        let entries = readStoredZip(try Export.minutes(Self.state, meeting: "sea-x", format: .odt, options: Self.options).bytes)
        let content = String(decoding: try #require(entries.first { $0.name == "content.xml" }).data, as: UTF8.self)
        #expect(content.contains("&lt;script&gt;"))
        #expect(!content.contains("<script"))
        let md = try #require(try Export.minutes(Self.state, meeting: "sea-x", format: .md, options: Self.options).text)
        #expect(md.contains("\\<script\\>alert(\'x\')\\</script\\> \\& co"))
    }

    @Test("A real ODT reader gets the neutralised text back", .enabled(if: ExternalTool.enabled("odt2txt")))
    func odtReadBack() throws {
        let f = ExportTempFile("x.odt", try Export.minutes(Self.state, meeting: "sea-x", format: .odt, options: Self.options).bytes)
        let r = ExternalTool.run("odt2txt", ["--encoding=UTF-8", "--width=-1", f.path])
        #expect(r.status == 0, "\(r.errors)")
        #expect(r.output.contains("␛[31mROUGE␛[0m"))
        #expect(r.output.contains("<script>alert('x')</script> & co"))
        #expect(r.output.contains("<U+202E>inversé"))
        #expect(!r.output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    }

    @Test("Non-characters that XML forbids are shown, not written")
    func nonCharacters() {
        let ffff = String(Unicode.Scalar(0xFFFF)!), fdd0 = String(Unicode.Scalar(0xFDD0)!)
        #expect(ExportClean.line("a" + ffff + "b" + fdd0) == "a<U+FFFF>b<U+FDD0>")
        #expect(ExportClean.text("x\r\ny\tz") == "x\ny z")
        #expect(ExportClean.text("é « œ » €") == "é « œ » €")
    }
}
