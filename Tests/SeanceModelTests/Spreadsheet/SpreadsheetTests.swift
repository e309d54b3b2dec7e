import Foundation
import Testing
@testable import SeanceModel

/// A small project: two committees, two axes, no member, no fiche.
enum ImportFixture {
    static let base: ProjectState = ExportFixture.state([
        event("project.set", "project", [("name", "PST de Saint-Flour")]),
        event("committee.create", "com-copil", [("name", "Comité de pilotage"), ("kind", "pilotage")], n: 1),
        event("committee.create", "com-logement", [("name", "Comité technique Logement"), ("kind", "technique")], n: 2),
        event("axis.add", "axis-1", [("number", "1"), ("title", "Accès aux droits")], n: 3),
        event("axis.add", "axis-2", [("number", "2"), ("title", "Logement")], n: 4),
    ])

    static func ids(from start: Int = 0) -> MakeID {
        nonisolated(unsafe) var n = start
        return { prefix in n += 1; return "\(prefix)-\(n)" }
    }

    static func plan(_ st: ProjectState, _ bytes: [UInt8], _ name: String, _ kind: ImportKind, committee: String? = nil) throws -> ImportPlan {
        let table = try Spreadsheet.read(bytes, fileName: name)
        let plan = Commands.importTable(st, table, ImportOptions(kind: kind, committee: committee), makeID: ids(from: st.eventCount * 1000))
        #expect(plan.problems.isEmpty || plan.drafts.isEmpty)
        return plan
    }

    /// The state with the plan's events applied.
    static func applied(_ st: ProjectState, _ plan: ImportPlan) -> ProjectState {
        var s = st
        var rng = SeededRandom(UInt64(st.eventCount) &+ 7)
        for (i, d) in plan.drafts.enumerated() {
            let p = s.apply(d.stamped(at: t0, id: EventID.make(milliseconds: t0.epochSeconds * 1000 + Int64(i), using: &rng), author: "test"))
            _ = i
            #expect(p == nil, "\(p?.message ?? "")")
        }
        return s
    }

    /// Runs a Python producer that writes argv[1]; returns the file's bytes.
    static func produce(_ script: String, _ name: String) throws -> [UInt8] {
        let dir = TempDir()
        let path = dir.file(name)
        let r = ExternalTool.python(script, path)
        try #require(r.status == 0, "\(r.errors)")
        return try JournalStorage.readAll(path)
    }

    /// The members as comparable lines (no ids).
    static func memberLines(_ st: ProjectState) -> [String] {
        st.members.values.filter { !$0.retired && $0.guestOf == nil }.map { m in
            [m.committee, m.name, m.civility?.rawValue ?? "", m.organisation, m.function, m.email, m.phone, m.role.rawValue, m.voting ? "oui" : "non"]
                .joined(separator: "|")
        }.sorted()
    }

    static func actionLines(_ st: ProjectState) -> [String] {
        st.actions.values.map { a in
            ([a.title, a.axis ?? "", a.committee ?? "", a.porteur, a.maitrise, a.partners, a.description, a.objectives, a.calendar,
              a.indicators, a.status.rawValue, a.cost?.journalValue ?? ""] + a.financing.map { "\($0.financer)=\($0.amount.journalValue)" }.sorted())
                .joined(separator: "|")
        }.sorted()
    }
}

@Suite("Spreadsheets: encodings and CSV")
struct CSVReadingTests {
    @Test("Windows-1252 is decoded by our table, the 0x80–0x9F block included; a BOM or valid UTF-8 wins")
    func encodings() {
        let cp: [UInt8] = [0x80, 0x20, 0x8C, 0x9C, 0x20, 0xE9, 0xE8, 0xE0, 0x20, 0x92, 0x85]
        let d = TextDecoding.decode(cp)
        #expect(d.text == "€ Œœ éèà ’…")
        #expect(d.encoding == "Windows-1252")
        #expect(TextDecoding.encodeWindows1252(d.text) == cp)
        // Foundation's decoding, where it works, agrees with ours.
        if let f = String(bytes: cp, encoding: .windowsCP1252) { #expect(f == d.text) }
        #expect(TextDecoding.decode(Array("é".utf8)) == ("é", "UTF-8"))
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("é".utf8)) == ("é", "UTF-8 avec BOM"))
        #expect(TextDecoding.decode([0xFF, 0xFE, 0xE9, 0x00]) == ("é", "UTF-16 LE"))
    }

    @Test("RFC 4180: quotes doubled, line breaks in quotes, CR LF, the line each record starts on")
    func rfc4180() throws {
        let text = "Nom;Note\r\n\"DUPONT\";\"deux\r\nlignes ; et \"\"cité\"\"\"\r\n;;\r\nMARTIN;x\r\n"
        let t = try Spreadsheet.read(Array(text.utf8), fileName: "a.csv")
        #expect(t.separator == ";")
        #expect(t.rows.map(\.line) == [1, 2, 5])
        #expect(t.rows[1].cells == [.text("DUPONT"), .text("deux\r\nlignes ; et \"cité\"")])
        #expect(try Spreadsheet.read(Array("a,b\n1,\"2,5\"\n".utf8), fileName: "b.csv").rows[1].cells == [.text("1"), .text("2,5")])
        #expect(throws: SpreadsheetError("c.csv", line: 2, column: 2, "guillemet ouvert jamais fermé : le fichier est tronqué ou un guillemet n'est pas doublé.")) {
            try Spreadsheet.read(Array("a;b\n1;\"2\n3\n".utf8), fileName: "c.csv")
        }
    }

    @Test("Python's csv module in cp1252 with `;`: read, recognised, imported", .enabled(if: ExternalTool.enabled("python3")))
    func windows1252FromPython() throws {
        let b = try ImportFixture.produce("""
            import sys, csv
            with open(sys.argv[1], "w", newline="", encoding="cp1252") as f:
                w = csv.writer(f, delimiter=";")
                w.writerow(["Civilité", "NOM", "Prénom", "Structure", "Qualité", "E-mail", "Tél.", "Comité(s)", "Votant"])
                w.writerow(["Mme", "Lœuillet", "Élodie", "CCAS – « Épicerie »", "Directrice", "e.loeuillet@ccas.fr", "04 71 60 00 00", "Comité de pilotage, Comité technique Logement", "oui"])
                w.writerow(["M.", "Durand", "Rémi", "Mission locale\\nantenne de Murat", "Conseiller", "", "", "comite de pilotage", "non"])
            """, "partenaires.csv")
        #expect(b.contains(0x9C) && b.contains(0x96))   // œ and – in Windows-1252
        let plan = try ImportFixture.plan(ImportFixture.base, b, "partenaires.csv", .members)
        #expect(plan.problems == [])
        #expect(plan.howRead == "CSV, Windows-1252, séparateur « ; »")
        #expect(plan.columns.map(\.field) == [.civility, .lastName, .firstName, .organisation, .function, .email, .phone, .committees, .voting])
        #expect(plan.created == 2 && plan.seats == 1, "Élodie is one person with two seats")
        let st = ImportFixture.applied(ImportFixture.base, plan)
        let elodie = st.members.values.filter { $0.name == "LŒUILLET Élodie" }
        #expect(elodie.count == 2)
        #expect(Set(elodie.map(\.personID)).count == 1)
        #expect(elodie.first?.organisation == "CCAS – « Épicerie »")
        #expect(elodie.first?.civility == .mme)
        let remi = try #require(st.members.values.first { $0.name == "DURAND Rémi" })
        #expect(remi.voting == false && remi.committee == "com-copil")
        // The same file again: nothing.
        let again = try ImportFixture.plan(st, b, "partenaires.csv", .members)
        #expect(again.drafts.isEmpty && again.unchanged == 3 && again.created == 0)
    }

    @Test("A person already on another committee gets a seat, not a second record; « COPIL ; COTECH » is one person, two seats")
    func persons() throws {
        let v1 = "Nom;Prénom;Organisme;Courriel;Comité\nDUPONT;Marie;CAF;m.dupont@caf.fr;Comité de pilotage\nMARTIN;Paul;Ville;;Comité de pilotage\n"
        let p1 = try ImportFixture.plan(ImportFixture.base, Array(v1.utf8), "v1.csv", .members)
        let st = ImportFixture.applied(ImportFixture.base, p1)
        // Same name (accents and case aside) and e-mail; same name and organisation; a namesake elsewhere is another person.
        let v2 = "Nom;Prénom;Organisme;Courriel;Téléphone;Comité;Rôle\n"
            + "Dupont;Marie;CAF du Cantal;M.Dupont@caf.fr;04 71 00 00 00;Comité technique Logement;Rapporteur\n"
            + "MARTIN;Paul;Ville;;;Comité technique Logement;\n"
            + "MARTIN;Paul;Département;;;Comité technique Logement;\n"
        let p2 = try ImportFixture.plan(st, Array(v2.utf8), "v2.csv", .members)
        #expect(p2.problems == [])
        #expect((p2.created, p2.seats, p2.updated, p2.unchanged) == (1, 2, 1, 0))
        #expect(p2.summary == "1 membre créé, 2 sièges ajoutés à une personne d'un autre comité, 1 membre mis à jour, 0 membre inchangé")
        #expect(p2.drafts.map(\.kind) == ["member.edit", "member.add", "member.add", "member.add"])
        let st2 = ImportFixture.applied(st, p2)
        let marie = try #require(st2.persons.first { $0.identity.name == "DUPONT Marie" })
        #expect(marie.seats.map(\.committee) == ["com-copil", "com-logement"])
        #expect(marie.seats.allSatisfy { $0.phone == "04 71 00 00 00" && $0.organisation == "CAF du Cantal" })
        #expect(marie.seats[1].role == .rapporteur && marie.seats[0].role != .rapporteur)
        #expect(st2.persons.filter { $0.identity.name == "MARTIN Paul" }.map(\.seats.count) == [2, 1])
        // One row, two committees: one person, two seats; the same file again changes nothing.
        let v3 = "Nom;Prénom;Courriel;Comité\nROUX;Léa;lea.roux@ccas.fr;\"Comité de pilotage ; Comité technique Logement\"\n"
        let p3 = try ImportFixture.plan(st2, Array(v3.utf8), "v3.csv", .members)
        #expect((p3.created, p3.seats) == (1, 1))
        let st3 = ImportFixture.applied(st2, p3)
        #expect(st3.persons.first { $0.identity.name == "ROUX Léa" }?.seats.count == 2)
        let again = try ImportFixture.plan(st3, Array(v3.utf8), "v3.csv", .members)
        #expect(again.drafts.isEmpty && again.unchanged == 2)
        // The directory shows her committees on each of her lines.
        let csv = String(decoding: try Export.list(st3, .members, format: .csv, modified: ExportFixture.now).bytes.dropFirst(3), as: UTF8.self)
        #expect(csv.contains("Ses comités"))
        #expect(csv.split(separator: "\r\n").filter { $0.contains("ROUX") }.allSatisfy { $0.contains("Comité de pilotage ; Comité technique Logement") })
        let again2 = try ImportFixture.plan(st3, Array(csv.utf8), "annuaire.csv", .members)
        #expect(again2.problems == [] && again2.drafts.isEmpty, "the directory read back changes nothing")
    }

    @Test("An updated file updates the people it matches (by e-mail, else name and organisation)")
    func updates() throws {
        let v1 = "Nom;Prénom;Organisme;Courriel;Fonction\nDUPONT;Marie;CAF;m.dupont@caf.fr;Conseillère\nMARTIN;Paul;Ville;;Élu\n"
        let p1 = try ImportFixture.plan(ImportFixture.base, Array(v1.utf8), "v1.csv", .members, committee: "com-copil")
        #expect(p1.created == 2)
        let st = ImportFixture.applied(ImportFixture.base, p1)
        let v2 = "Nom;Prénom;Organisme;Courriel;Fonction\nDUPONT;Marie;CAF du Cantal;m.dupont@caf.fr;Directrice\nMARTIN;Paul;Ville;;Élu\nNOUVEAU;Léa;CCAS;;\n"
        let p2 = try ImportFixture.plan(st, Array(v2.utf8), "v2.csv", .members, committee: "com-copil")
        #expect(p2.problems == [])
        #expect((p2.created, p2.updated, p2.unchanged) == (1, 1, 1))
        #expect(p2.summary == "1 membre créé, 1 membre mis à jour, 1 membre inchangé")
        let st2 = ImportFixture.applied(st, p2)
        #expect(st2.members.values.first { $0.email == "m.dupont@caf.fr" }?.function == "Directrice")
    }
}

@Suite("Spreadsheets: XLSX and ODS from real producers")
struct ProducerTests {
    static let hasOpenpyxl = ExternalTool.has("python3") && ExternalTool.run("python3", ["-c", "import openpyxl"]).status == 0
    static let hasOdfpy = ExternalTool.has("python3") && ExternalTool.run("python3", ["-c", "import odf"]).status == 0

    @Test("openpyxl's XLSX: shared strings, numbers, dates, a second sheet by name", .enabled(if: ExternalTool.underCI || hasOpenpyxl))
    func openpyxlFiches() throws {
        let b = try ImportFixture.produce("""
            import sys, datetime, openpyxl
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "Notes"
            ws.append(["rien ici"])
            ws2 = wb.create_sheet("Fiches")
            ws2.append(["Programme d'actions 2010"])
            ws2.append(["N°", "Intitulé de l'action", "Axe", "Porteur", "Coût total (€)", "Financeurs", "Date"])
            ws2.append([1, "Épicerie sociale", "Axe 1", "CCAS", 186000.5, "CAF : 24 000 € ; Ville : 46 000,50 €", datetime.date(2016, 3, 15)])
            ws2.append([2, "Logements passerelles", "Logement", "CLAJ", 60000, "", None])
            wb.save(sys.argv[1])
            """, "fiches.xlsx")
        let table = try Spreadsheet.read(b, fileName: "fiches.xlsx", sheet: "fiches")
        #expect(table.sheetName == "Fiches")
        #expect(table.rows[2].cells[4] == .number("186000.5"))
        #expect(table.rows[2].cells[6] == .date(LocalDate(year: 2016, month: 3, day: 15)!))
        let plan = Commands.importTable(ImportFixture.base, table, ImportOptions(kind: .actions), makeID: ImportFixture.ids())
        #expect(plan.problems == [])
        #expect(plan.headerLine == 2)
        #expect(plan.created == 2)
        let st = ImportFixture.applied(ImportFixture.base, plan)
        let e = try #require(st.actions.values.first { $0.title == "Épicerie sociale" })
        #expect(e.cost == Money(cents: 18_600_050) && e.axis == "axis-1" && e.porteur == "CCAS")
        #expect(e.financing == [FinancingLine(financer: "CAF", amount: Money(euros: 24_000)), FinancingLine(financer: "Ville", amount: Money(cents: 4_600_050))])
        #expect(st.actions.values.first { $0.title == "Logements passerelles" }?.axis == "axis-2")
    }

    @Test("odfpy's ODS: floats, repeated columns, multi-line text", .enabled(if: ExternalTool.underCI || hasOdfpy))
    func odfpyMembers() throws {
        let b = try ImportFixture.produce("""
            import sys
            from odf.opendocument import OpenDocumentSpreadsheet
            from odf.table import Table, TableRow, TableCell
            from odf.text import P
            doc = OpenDocumentSpreadsheet()
            t = Table(name="Partenaires")
            def row(values):
                tr = TableRow()
                for v in values:
                    if isinstance(v, (int, float)):
                        c = TableCell(valuetype="float", value=v); c.addElement(P(text=str(v)))
                    elif v is None:
                        c = TableCell(numbercolumnsrepeated=3)
                    else:
                        c = TableCell(valuetype="string")
                        for line in v.split("\\n"): c.addElement(P(text=line))
                    tr.addElement(c)
                t.addElement(tr)
            row(["Nom", "Prénom", "Organisme", None, "Téléphone", "Comité"])
            row(["GARCIA", "Ana", "Secours populaire\\nSaint-Flour", None, 471600000, "Comité technique Logement"])
            doc.spreadsheet.addElement(t)
            doc.save(sys.argv[1])
            """, "partenaires.ods")
        let plan = try ImportFixture.plan(ImportFixture.base, b, "partenaires.ods", .members)
        #expect(plan.problems == [])
        let st = ImportFixture.applied(ImportFixture.base, plan)
        let ana = try #require(st.members.values.first)
        #expect(ana.name == "GARCIA Ana" && ana.phone == "471600000" && ana.committee == "com-logement")
        #expect(ana.organisation == "Secours populaire Saint-Flour")
    }

    @Test("The decisions as XLSX read by openpyxl: votes are numbers, the date a date", .enabled(if: ExternalTool.underCI || hasOpenpyxl))
    func decisionsInOpenpyxl() throws {
        let file = try Export.list(ExportFixture.demo, .decisions, format: .xlsx, modified: ExportFixture.now)
        let f = ExportTempFile("d.xlsx", file.bytes)
        let r = ExternalTool.run("python3", ["-c", """
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).active
            head = [c.value for c in ws[1]]
            rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[head.index("Pour")] is not None]
            print(ws.title, len(rows) > 0, type(rows[0][head.index("Pour")]).__name__, type(rows[0][head.index("Date")]).__name__)
            """, f.path])
        #expect(r.status == 0, "\(r.errors)")
        #expect(r.output.trimmingCharacters(in: .whitespacesAndNewlines) == "Décisions True int datetime", "\(r.output)")
    }

    @Test("Our XLSX read by openpyxl: a cost is a number, a date a date, amounts in euros", .enabled(if: ExternalTool.underCI || hasOpenpyxl))
    func ourXLSXInOpenpyxl() throws {
        let fiches = try Export.list(ExportFixture.demo, .actions, format: .xlsx, modified: ExportFixture.now)
        let suivi = try Export.list(ExportFixture.demo, .followUps, format: .xlsx, modified: ExportFixture.now)
        let f1 = ExportTempFile("f.xlsx", fiches.bytes), f2 = ExportTempFile("s.xlsx", suivi.bytes)
        let r = ExternalTool.run("python3", ["-c", """
            import sys, openpyxl, datetime
            ws = openpyxl.load_workbook(sys.argv[1]).active
            head = [c.value for c in ws[1]]
            cost = ws.cell(row=2, column=head.index("Coût") + 1)
            print(type(cost.value).__name__, "€" in cost.number_format, ws.title)
            ws = openpyxl.load_workbook(sys.argv[2]).active
            head = [c.value for c in ws[1]]
            d = ws.cell(row=2, column=head.index("Date de la séance") + 1)
            print(type(d.value).__name__, d.value.date().isoformat())
            """, f1.path, f2.path])
        #expect(r.status == 0, "\(r.errors)")
        let lines = r.output.split(separator: "\n").map(String.init)
        #expect(["float True Fiches actions", "int True Fiches actions"].contains(lines.first ?? ""))
        #expect(lines.dropFirst().first?.hasPrefix("datetime 2009-") == true)
    }

    @Test("Our ODS read by odfpy: currency and date cells", .enabled(if: ExternalTool.underCI || hasOdfpy))
    func ourODSInOdfpy() throws {
        let fiches = try Export.list(ExportFixture.demo, .actions, format: .ods, modified: ExportFixture.now)
        let suivi = try Export.list(ExportFixture.demo, .followUps, format: .ods, modified: ExportFixture.now)
        let f1 = ExportTempFile("f.ods", fiches.bytes), f2 = ExportTempFile("s.ods", suivi.bytes)
        let r = ExternalTool.run("python3", ["-c", """
            import sys
            from odf.opendocument import load
            from odf.table import TableRow, TableCell
            for path in sys.argv[1:]:
                rows = load(path).spreadsheet.getElementsByType(TableRow)
                types = [c.getAttribute("valuetype") for c in rows[1].getElementsByType(TableCell)]
                print(" ".join(t or "-" for t in types))
            """, f1.path, f2.path])
        #expect(r.status == 0, "\(r.errors)")
        let lines = r.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("currency") == true)
        #expect(lines.dropFirst().first?.contains("date") == true)
    }
}

@Suite("Spreadsheets: round trips and hostile files")
struct RoundTripTests {
    @Test("Export then import gives back the same members and fiches, in every format", arguments: SpreadsheetFormat.allCases)
    func roundTrip(_ format: SpreadsheetFormat) throws {
        let demo = ExportFixture.demo
        // Into the demo itself: nothing changes.
        for kind in [(ListKind.members, ImportKind.members), (.actions, .actions)] {
            let f = try Export.list(demo, kind.0, format: format, modified: ExportFixture.now)
            let plan = try ImportFixture.plan(demo, f.bytes, f.fileName, kind.1)
            #expect(plan.problems == [], "\(plan.problems)")
            #expect(plan.drafts.isEmpty && plan.created == 0 && plan.updated == 0, "\(plan.drafts.prefix(3))")
        }
        // Into the demo without its members and fiches: the same ones come back.
        var empty = demo
        for id in empty.members.keys { empty.members[id]?.retired = true }
        for c in empty.committeeOrder { empty.committees[c]?.memberIDs = [] }
        empty.actions = [:]
        empty.actionOrder = []
        let m = try Export.list(demo, .members, format: format, modified: ExportFixture.now)
        let mp = try ImportFixture.plan(empty, m.bytes, m.fileName, .members)
        #expect(mp.problems == [])
        let a = try Export.list(demo, .actions, format: format, modified: ExportFixture.now)
        let ap = try ImportFixture.plan(empty, a.bytes, a.fileName, .actions)
        #expect(ap.problems == [])
        var back = ImportFixture.applied(empty, mp)
        back = ImportFixture.applied(back, ap)
        // The demo's people typed twice (same name and e-mail) come back as one person each,
        // with the identity of her first line and a seat per committee.
        #expect(ImportFixture.memberLines(back) == Self.mergedLines(demo))
        #expect(Self.mergedLines(demo) != ImportFixture.memberLines(demo), "the demo has people typed twice")
        #expect(back.personSeats.count == 10)
        #expect(ImportFixture.actionLines(back) == ImportFixture.actionLines(demo))
    }

    /// The demo's members as the import makes them: a line whose name and e-mail (or name and
    /// organisation) are an earlier line's is a seat of that person, with her identity.
    static func mergedLines(_ st: ProjectState) -> [String] {
        var first: [String: Member] = [:]
        var merged = ProjectState()
        for c in st.activeCommittees {
            for var m in st.members(of: c.id) where m.guestOf == nil {
                let n = Commands.headerKey(m.name)
                let keys = (m.email.isEmpty ? [] : [n + "|@" + Folding.fold(m.email)]) + (m.organisation.isEmpty ? [] : [n + "|o" + Commands.headerKey(m.organisation)])
                if let p = keys.lazy.compactMap({ first[$0] }).first { m.takeIdentity(of: p) } else { for k in keys where first[k] == nil { first[k] = m } }
                merged.members[m.id] = m
            }
        }
        return ImportFixture.memberLines(merged)
    }

    @Test("The CSV export opens in French Excel: BOM, `;`, CR LF, decimal comma, dates as 15/03/2016")
    func csvShape() throws {
        let f = try Export.list(ExportFixture.demo, .actions, format: .csv, modified: ExportFixture.now)
        #expect(f.bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: f.bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("Identifiant;Intitulé;Axe;"))
        #expect(text.contains(";186000,00;"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n") || text.contains("\""))
        let s = try Export.list(ExportFixture.demo, .followUps, format: .csv, modified: ExportFixture.now)
        #expect(s.text?.contains(";03/04/2009;") == true)
    }

    func problems(_ bytes: [UInt8], _ name: String, _ kind: ImportKind = .members) -> [String] {
        do {
            let plan = try ImportFixture.plan(ImportFixture.base, bytes, name, kind, committee: "com-copil")
            #expect(plan.drafts.isEmpty)
            return plan.problems.map(\.description)
        } catch {
            return [(error as! SpreadsheetError).description]
        }
    }

    @Test("Hostile and broken files: each a clear message, nothing written")
    func hostile() throws {
        #expect(problems([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "photo.csv")
                == ["photo.csv: fichier binaire : ce n'est ni un CSV, ni un classeur XLSX ou ODS."])
        let xlsx = try Export.list(ExportFixture.demo, .members, format: .xlsx, modified: ExportFixture.now).bytes
        #expect(problems(Array(xlsx.prefix(xlsx.count / 2)), "coupé.xlsx").first?.hasPrefix("coupé.xlsx: ") == true)
        #expect(problems([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "vieux.xls").first?.contains(".xls") == true)
        #expect(problems(Array("Nom;Prénom\nDUPONT;Marie;en trop\n".utf8), "r.csv")
                == ["r.csv:2:3: ligne de 3 champs, l'en-tête en a 2 : un séparateur en trop ou un guillemet manquant ?"])
        #expect(problems(Array("Nom;Courriel\nDUPONT;marie.dupont.caf.fr\n;x@y.fr\n".utf8), "e.csv")
                == ["e.csv:2:2: adresse électronique sans @ « marie.dupont.caf.fr ».", "e.csv:3:1: nom manquant."])
        #expect(problems(Array("Nom\n\u{1B}]0:pwned\u{07}\u{1B}[31mEVIL\n".utf8), "esc.csv")
                == ["esc.csv:2:1: Nom : caractère de contrôle U+001B dans « ␛]0:pwned␇␛[31mEVIL » (séquence d'échappement ?)."])
        #expect(problems(Array("Nom;Comité\nDUPONT;Comité fantôme\n".utf8), "c.csv").first?.hasPrefix("c.csv:2:2: comité inconnu « Comité fantôme »") == true)
        #expect(problems(Array("Intitulé;Coût\nÉpicerie;12 5OO €\n".utf8), "f.csv", .actions)
                == ["f.csv:2:2: coût illisible « 12 5OO € » : un montant comme 12 500,00 €."])
        #expect(problems(Array("Nom;Prénom\n=HYPERLINK(\"http://x\");Marie\n".utf8), "h.csv").first?.hasPrefix("h.csv:2:1: Nom : « =HYPERLINK") == true)
    }

    @Test("A formula cell in an XLSX is refused with its place", .enabled(if: ExternalTool.underCI || ProducerTests.hasOpenpyxl))
    func formula() throws {
        let b = try ImportFixture.produce("""
            import sys, openpyxl
            wb = openpyxl.Workbook(); ws = wb.active
            ws.append(["Intitulé", "Coût"]); ws.append(["Épicerie", "=1000*2"])
            wb.save(sys.argv[1])
            """, "formule.xlsx")
        #expect(problems(b, "formule.xlsx", .actions)
                == ["formule.xlsx:2:2: Coût : formule « =1000*2 » ; collez plutôt sa valeur (Collage spécial › Valeurs)."])
    }
}
