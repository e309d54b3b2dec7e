import Foundation
import Testing
@testable import SeanceModel

@Suite("The event schema")
struct SchemaTests {
    static let docPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/journal-format.md").standardized.path

    @Test("docs/journal-format.md holds the schema's tables, word for word")
    func documentEqualsSchema() throws {
        var doc = try String(contentsOfFile: Self.docPath, encoding: .utf8)
        let generated = EventSchema.documentation()
        if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
            if let a = doc.range(of: EventSchema.documentationBegin), let b = doc.range(of: EventSchema.documentationEnd + "\n") {
                doc.replaceSubrange(a.lowerBound..<b.upperBound, with: generated)
            } else {
                doc = doc.replacingOccurrences(of: "@@GENERATED@@\n", with: generated)
            }
            try doc.write(toFile: Self.docPath, atomically: true, encoding: .utf8)
        }
        #expect(doc.contains(generated), "docs/journal-format.md est à régénérer : SNAPSHOT_RECORD=1 swift test --filter SchemaTests")
    }

    @Test("Every kind has a schema, listed once in the document's groups")
    func everyKindDocumented() {
        let listed = EventSchema.groups.flatMap(\.kinds)
        #expect(Set(listed) == Set(EventKind.allCases))
        #expect(listed.count == EventKind.allCases.count)
        for k in EventKind.allCases {
            let keys = k.schema.fields.map(\.key)
            #expect(Set(keys).count == keys.count, "clé répétée dans \(k.rawValue)")
        }
    }

    @Test("Each key's literal is its journal spelling")
    func spellings() {
        for key in FieldKey.allCases { #expect(key.spelling.description == key.rawValue) }
    }

    @Test("A typed draft writes the schema's keys in the order given and leaves nil values out")
    func typedDraft() {
        let d = EventDraft(.noteAdd, "note-1", [(.seance, "sea-1"), (.item, nil), (.text, "Bonjour"), (.speaker, "mem-1")])
        #expect(d.kind == "note.add")
        #expect(d.fields.map(\.key) == ["seance", "text", "speaker"])
        #expect(d.value(.text) == "Bonjour")
        #expect(d.eventKind == .noteAdd)
    }

    @Test("The fold reads only declared keys: a generated journal of every kind folds without tripping the schema check")
    func foldReadsDeclaredKeys() {
        var lines: [String] = []
        JournalGenerator(events: 3_000, seed: 7).generate { lines.append($0) }
        let bytes = Array(lines.joined().utf8)
        var state = ProjectState()
        var problems = 0
        _ = JournalParser.parseRaw(bytes) { e, _, _ in if state.apply(e) != nil { problems += 1 } }
        #expect(problems == 0)
        #expect(state.meetings.count > 10)
    }

    @Test("Integers are read within the schema's bounds, whatever the kind")
    func integerBounds() {
        for k in EventKind.allCases {
            for f in k.schema.fields {
                if case .integer(let r) = f.type {
                    #expect(r.lowerBound >= -1_000_000 && r.upperBound <= 1_000_000, "\(k.rawValue).\(f.key.rawValue)")
                }
            }
        }
    }
}

@Suite("How documents name people")
struct PeopleNamesTests {
    @Test("« Mme LE GOFF Gaëlle, chargée de mission (CAF de Seine-Saint-Denis) », and the compte rendu uses civilité and fonction")
    func designation() throws {
        var events = [
            event("project.set", "project", [("name", "P")], n: 1),
            event("committee.create", "com-1", [("name", "CA du CCAS"), ("kind", "autre")], n: 2),
            event("member.add", "mem-1", [("committee", "com-1"), ("name", "LE GOFF Gaëlle"), ("civility", "Mme"),
                                          ("function", "chargée de mission"), ("organisation", "CAF de Seine-Saint-Denis")], n: 3),
            event("member.add", "mem-2", [("committee", "com-1"), ("name", "N'DIAYE Awa")], n: 4),
            event("seance.create", "sea-1", [("committee", "com-1"), ("date", "2016-03-15"), ("time", "09:30")], n: 5),
            event("attendance.set", "sea-1", [("member", "mem-1"), ("status", "present")], n: 6),
        ]
        events.append(event("seance.open", "sea-1", [("time", "09:30")], n: 7))
        let (st, problems) = ProjectState.fold(events)
        #expect(problems.isEmpty)
        #expect(Fr.Line.designation(st.members["mem-1"]!) == "Mme LE GOFF Gaëlle, chargée de mission (CAF de Seine-Saint-Denis)")
        #expect(Fr.Line.designation(st.members["mem-2"]!) == "N'DIAYE Awa")
        let md = String(decoding: try Export.minutes(st, meeting: "sea-1", format: .md, options: ExportOptions(now: t0)).bytes, as: UTF8.self)
        #expect(md.contains("| Mme\u{00A0}LE GOFF Gaëlle | chargée de mission – CAF de Seine-Saint-Denis |"))
    }

    @Test("The words of a person agree with her civilité when it is known, and stay neutral otherwise")
    func agreement() {
        #expect(Fr.Line.presence(.present, proxy: nil, since: nil, left: LocalTime(hour: 11, minute: 5), civility: .mme) == "présente, partie à 11\u{00A0}h\u{00A0}05")
        #expect(Fr.Line.presence(.excuse, proxy: nil, since: nil, civility: .m) == "excusé")
        // Being excused has no moment (« excusée (depuis 10 h 30) » read as an arrival).
        #expect(Fr.Line.presence(.excuse, proxy: nil, since: LocalTime(hour: 10, minute: 30), civility: .mme) == "excusée")
        #expect(Fr.Line.presence(.absent, proxy: nil, since: nil) == "absent(e)")
        #expect(Fr.role(.elu, .mme) == "élue" && Fr.role(.elu, .m) == "élu" && Fr.role(.elu) == "élu(e)")
        #expect(Fr.role(.administrateur, .mme) == "administratrice CCAS" && Fr.role(.rapporteur, .mme) == "rapporteure")
        #expect(Fr.role(.expert, .mme) == "experte consultative" && Fr.role(.expert, .m) == "expert consultatif")
        #expect(Fr.agreed("Président(e) de séance", .mme) == "Présidente de séance")
        #expect(Fr.Paperwork.presidentSigns(.mme) == "La présidente de séance" && Fr.Paperwork.presidentSigns(nil) == "Le président de séance")
    }

    @Test("A président typed by name in the committee's form is the member of that name: her civilité makes « La présidente, »")
    func presidentByName() throws {
        let events = [
            event("project.set", "project", [("name", "P")], n: 1),
            event("committee.create", "com-1", [("name", "CA du CCAS"), ("kind", "autre"), ("president", "Mme Durand Sophie")], n: 2),
            event("member.add", "mem-1", [("committee", "com-1"), ("name", "DURAND Sophie"), ("civility", "Mme"), ("role", "elu")], n: 3),
            event("member.add", "mem-2", [("committee", "com-1"), ("name", "BERTRAND Paul"), ("civility", "M.")], n: 4),
            event("seance.create", "sea-1", [("committee", "com-1"), ("date", "2026-12-10"), ("time", "09:30")], n: 5),
            event("seance.create", "sea-2", [("committee", "com-1"), ("date", "2026-12-17"), ("president", "BERTRAND Paul"), ("secretary", "LEROY Anne")], n: 6),
        ]
        let (st, problems) = ProjectState.fold(events)
        #expect(problems.isEmpty)
        #expect(st.president(of: st.meetings["sea-1"]!) == "mem-1")
        #expect(st.president(of: st.meetings["sea-2"]!) == "mem-2")
        #expect(st.secretary(of: st.meetings["sea-2"]!) == "LEROY Anne")   // not a member: the text as typed
        let convocation = String(decoding: try Export.convocation(st, meeting: "sea-1", format: .txt, options: ExportOptions(now: t0)).bytes, as: UTF8.self)
        #expect(convocation.contains("La présidente,"), "\(convocation)")
        #expect(convocation.contains("Mme\u{00A0}DURAND Sophie"), "\(convocation)")
        // A secrétaire who is a member is named as one, never by her id.
        let events2 = events + [event("member.add", "mem-3", [("committee", "com-1"), ("name", "LEROY Sophie"), ("civility", "Mme")], n: 7),
                                event("committee.edit", "com-1", [("secretary", "LEROY Sophie")], n: 8)]
        let (st2, problems2) = ProjectState.fold(events2)
        #expect(problems2.isEmpty)
        for what in [SeanceDocument.minutes, .decisions, .attendanceSheet] {
            let text = String(decoding: try Export.seanceDocument(what, st2, meeting: "sea-1", format: .txt, options: ExportOptions(now: t0)).bytes, as: UTF8.self)
            #expect(!text.contains("mem-"), "\(what): \(text)")
            #expect(text.contains("Mme\u{00A0}LEROY Sophie"), "\(what): \(text)")
        }
    }

    @Test("A line whose speaker was picked, then corrected by hand, names the speaker once in the compte rendu")
    func speakerOnce() throws {
        let events = [
            event("project.set", "project", [("name", "P")], n: 1),
            event("committee.create", "com-1", [("name", "CA"), ("kind", "autre")], n: 2),
            event("member.add", "mem-1", [("committee", "com-1"), ("name", "DUPRÉ Françoise"), ("role", "elu"), ("organisation", "Secours populaire")], n: 3),
            event("seance.create", "sea-1", [("committee", "com-1"), ("date", "2016-03-15")], n: 4),
            event("seance.open", "sea-1", [("time", "09:30")], n: 5),
            event("note.add", "note-1", [("seance", "sea-1"), ("text", "DUPRÉ Françoise – élu(e) (Secours populaire) : souligne l'urgence"), ("speaker", "mem-1")], n: 6),
            event("note.correct", "note-1", [("text", "DUPRÉ Françoise (Secours pop.) : souligne l'urgence du dossier")], n: 7),
        ]
        let (st, problems) = ProjectState.fold(events)
        #expect(problems.isEmpty)
        let md = String(decoding: try Export.minutes(st, meeting: "sea-1", format: .md, options: ExportOptions(now: t0)).bytes, as: UTF8.self)
        #expect(md.contains("**DUPRÉ Françoise – élu(e) (Secours populaire)\u{202F}:** souligne l'urgence du dossier"), "\(md)")
        #expect(!md.contains("Secours pop.)"), "\(md)")
    }
}

@Suite("The compte rendu's internal timings are optional")
struct DurationOptionTests {
    @Test("« durée effective » shows by default and not with effectiveDurations off")
    func optional() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../data/demo/saint-flour.seance").standardized.path
        let st = try JournalSession.load(path: path).0
        var o = ExportOptions(now: t0)
        let with = String(decoding: try Export.minutes(st, meeting: "sea-copil-3", format: .md, options: o).bytes, as: UTF8.self)
        o.effectiveDurations = false
        let without = String(decoding: try Export.minutes(st, meeting: "sea-copil-3", format: .md, options: o).bytes, as: UTF8.self)
        #expect(with.contains("durée effective"))
        #expect(!without.contains("durée effective"))
    }
}
