import Foundation
import Testing
@testable import SeanceModel

/// The paperwork of issue 15: the convocation rule, the approval of the previous compte rendu,
/// and each document read back by the programs a reader would use (poppler, odt2txt, Python's
/// `email` and `icalendar`).
@Suite("Paperwork: convocation, pouvoir, procès-verbal, fiche action")
struct PaperworkTests {
    let st = ExportFixture.demo
    static let copil4 = "sea-copil-4"
    static let options = ExportOptions(now: Timestamp(journalValue: "2010-01-20T09:00:00+01:00")!,
                                       today: LocalDate(year: 2010, month: 1, day: 20))

    func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

    /// The demo with more events (as the journal would read them back).
    static func with(_ st: ProjectState, _ events: [(String, String, [(String, String)])]) -> ProjectState {
        var s = st
        for (i, (kind, entity, fields)) in events.enumerated() {
            let e = event(kind, entity, fields, n: i, at: Timestamp(journalValue: "2010-02-02T18:30:00+01:00")!)
            if let p = s.apply(e) { Issue.record(Comment(rawValue: "refusé : " + p.message)) }
        }
        return s
    }

    // MARK: - The rule

    @Test("Convocation delays: N jours against N jours francs, across a weekend and a month's end")
    func rule() {
        // Five jours francs before Tuesday 2 February 2010: the 27th of January at the latest.
        #expect(ConvocationRule.clearDays(5).latestSending(for: day(2010, 2, 2)) == day(2010, 1, 27))
        // Three jours francs before Monday 1 March 2010 (February has 28 days; the weekend counts):
        // the 25th of February; three days (CCAS, R123-16): the 26th.
        #expect(ConvocationRule.clearDays(3).latestSending(for: day(2010, 3, 1)) == day(2010, 2, 25))
        #expect(ConvocationRule.days(3).latestSending(for: day(2010, 3, 1)) == day(2010, 2, 26))
        #expect(ConvocationRule.clearDays(3).isRespected(sent: day(2010, 2, 25), meeting: day(2010, 3, 1)))
        #expect(!ConvocationRule.clearDays(3).isRespected(sent: day(2010, 2, 26), meeting: day(2010, 3, 1)))
        #expect(ConvocationRule.days(3).isRespected(sent: day(2010, 2, 26), meeting: day(2010, 3, 1)))
        // Across a year's end: one jour franc before the 1st of January.
        #expect(ConvocationRule.clearDays(1).latestSending(for: day(2010, 1, 1)) == day(2009, 12, 30))
        #expect(ConvocationRule.none.latestSending(for: day(2010, 1, 1)) == nil)
        #expect(ConvocationRule(journalValue: "5f") == .clearDays(5))
        #expect(ConvocationRule(journalValue: "3") == .days(3))
        #expect(ConvocationRule(journalValue: "aucun") == ConvocationRule.none)
        #expect(ConvocationRule(journalValue: "trois") == nil)
        // Across a weekend: three jours francs before Monday 8 February 2010 are Friday,
        // Saturday and Sunday, so Thursday the 4th at the latest; three days: Friday the 5th.
        #expect(ConvocationRule.clearDays(3).latestSending(for: day(2010, 2, 8)) == day(2010, 2, 4))
        #expect(ConvocationRule.days(3).latestSending(for: day(2010, 2, 8)) == day(2010, 2, 5))
        // Across a month's end: five jours francs before Tuesday 2 March 2010 are 25, 26, 27,
        // 28 February and 1 March: the 24th; a leap year's 29 February counts as one.
        #expect(ConvocationRule.clearDays(5).latestSending(for: day(2010, 3, 2)) == day(2010, 2, 24))
        #expect(ConvocationRule.clearDays(1).latestSending(for: day(2012, 3, 1)) == day(2012, 2, 28))
        #expect(ConvocationRule.clearDays(0).latestSending(for: day(2010, 3, 1)) == day(2010, 2, 28))
    }

    /// A COPIL séance (rule: five jours francs) prepared for `date`, convoked on `sent` if given.
    func copil(on date: LocalDate, sent: LocalDate? = nil, then more: [(String, String, [(String, String)])] = []) throws -> ProjectState {
        let prepared = try Commands.prepareMeeting(st, committee: "com-copil", date: date, time: nil, place: "", title: "",
                                                   makeID: { "\($0)-new" }).get()
        var s = st
        for (i, d) in prepared.enumerated() { _ = s.apply(d.stamped(at: t0, id: EventID.make(milliseconds: 9_000_000 + Int64(i), using: &rngForTests), author: "t")) }
        if let sent { s = Self.with(s, [("seance.convoke", "sea-new", [("date", sent.journalValue)])]) }
        return Self.with(s, more)
    }

    @Test("One reading of the rule: the last day to send, the day sent, late or not — the warnings are read from it")
    func status() throws {
        // Monday 15 March 2010, five jours francs: Tuesday 9 March at the latest (the weekend counts).
        let planned = try copil(on: day(2010, 3, 15))
        let inTime = try #require(planned.convocationStatus("sea-new", today: day(2010, 3, 9)))
        #expect(inTime == ConvocationStatus(rule: .clearDays(5), latest: day(2010, 3, 9), sent: nil, isLate: false))
        #expect(planned.convocationWarning("sea-new", today: day(2010, 3, 9)) == nil)
        let passed = try #require(planned.convocationStatus("sea-new", today: day(2010, 3, 10)))
        #expect(passed.isLate && passed.sent == nil)
        #expect(planned.convocationWarning("sea-new", today: day(2010, 3, 10)) == Fr.Paperwork.tooClose(last: day(2010, 3, 9), rule: .clearDays(5)))
        // Sent in time: not late, whatever today is.
        let sent = try copil(on: day(2010, 3, 15), sent: day(2010, 3, 9))
        #expect(sent.convocationStatus("sea-new", today: day(2010, 3, 14))?.isLate == false)
        #expect(sent.convocationStatus("sea-new", today: day(2010, 3, 14))?.sent == day(2010, 3, 9))
        // Sent a day too late: late for good, and the warning says so.
        let late = try copil(on: day(2010, 3, 15), sent: day(2010, 3, 10))
        #expect(late.convocationStatus("sea-new", today: day(2010, 3, 1))?.isLate == true)
        #expect(late.convocationWarning("sea-new", today: day(2010, 3, 1))?.contains("trop tard") == true)
        // Across a month's end: Tuesday 2 March 2010, the 24th of February at the latest.
        let march = try copil(on: day(2010, 3, 2))
        #expect(march.convocationStatus("sea-new", today: day(2010, 2, 24))?.latest == day(2010, 2, 24))
        #expect(march.convocationStatus("sea-new", today: day(2010, 2, 25))?.isLate == true)
        // Nothing to say of a cancelled séance, nor of one held without a recorded sending.
        let cancelled = try copil(on: day(2010, 3, 15), then: [("seance.cancel", "sea-new", [("reason", "report")])])
        #expect(cancelled.meetings["sea-new"]?.state == .cancelled)
        #expect(cancelled.convocationStatus("sea-new", today: day(2010, 3, 10)) == nil)
        #expect(st.convocationStatus("sea-copil-3", today: day(2010, 1, 1)) == nil)
        // Without a rule: the sending still shows, never late.
        let noRule = try copil(on: day(2010, 3, 15), sent: day(2010, 3, 14), then: [("committee.edit", "com-copil", [("convocation", "aucun")])])
        #expect(noRule.convocationStatus("sea-new", today: day(2010, 3, 14)) == ConvocationStatus(rule: .none, latest: nil, sent: day(2010, 3, 14), isLate: false))
        #expect(noRule.convocationWarning("sea-new", today: day(2010, 3, 14)) == nil)
    }

    @Test("The demo's rules; the program warns when the convocation left too late or the séance is too close")
    func warnings() throws {
        #expect(st.committees["com-copil"]?.convocation == .clearDays(5))
        #expect(st.committees["com-ct1"]?.convocation == .days(3))
        #expect(st.meetings[Self.copil4]?.convokedOn == day(2010, 1, 20))
        #expect(st.convocationWarning(Self.copil4, today: day(2010, 1, 30)) == nil)
        let late = Self.with(st, [("seance.convoke", Self.copil4, [("date", "2010-01-28")])])
        #expect(late.convocationWarning(Self.copil4, today: day(2010, 1, 30))?.contains("trop tard") == true)
        // Not sent yet: too close from the 28th on.
        let prepared = try Commands.prepareMeeting(st, committee: "com-copil", date: day(2010, 3, 16), time: nil, place: "", title: "",
                                                   makeID: { "\($0)-new" }).get()
        var s = st
        for (i, d) in prepared.enumerated() { _ = s.apply(d.stamped(at: t0, id: EventID.make(milliseconds: 9_000_000 + Int64(i), using: &rngForTests), author: "t")) }
        #expect(s.convocationWarning("sea-new", today: day(2010, 3, 10)) == nil)
        #expect(s.convocationWarning("sea-new", today: day(2010, 3, 11))?.contains("trop proche") == true)
        // Recording the sending: refused after the séance.
        #expect(throws: Refusal.self) { try Commands.recordConvocation(st, meeting: Self.copil4, sentOn: day(2010, 2, 3)).get() }
        #expect(try Commands.recordConvocation(st, meeting: Self.copil4, sentOn: day(2010, 1, 21)).get().map(\.kind) == ["seance.convoke"])
    }

    // MARK: - The compte rendu's life

    @Test("A new séance's agenda starts with the approval of the last compte rendu; approving it there makes it « approuvé le … »")
    func approval() throws {
        // The technical committee n°1's last séance (1 December 2009) is not approved.
        let drafts = try Commands.prepareMeeting(st, committee: "com-ct1", date: day(2010, 1, 12), time: nil, place: "", title: "",
                                                 makeID: { "\($0)-new" }).get()
        try #require(drafts.count >= 2)
        #expect(drafts[1].value(.title) == "Approbation du compte rendu de la séance du 1er décembre 2009")
        #expect(drafts[1].value(.approves) == "sea-ct1-05")
        #expect(drafts.count >= 2 && drafts.dropFirst(2).allSatisfy { $0.value(.title) == "Suivi des décisions précédentes" })
        // The December COPIL: « projet » until the February séance approves it on its first item.
        let before = try #require(try Export.minutes(st, meeting: ExportFixture.copil3, format: .txt, options: ExportFixture.options).text)
        #expect(before.contains("Compte rendu\u{202F}: projet (soumis à l'approbation de la prochaine séance)"))
        let approved = Self.with(st, [
            ("seance.open", Self.copil4, [("time", "18:00")]),
            ("decision.record", "dec-approval", [("seance", Self.copil4), ("item", "item-copil-4-1"),
                                                 ("text", "Le compte rendu de la séance du 17 décembre 2009 est approuvé."),
                                                 ("outcome", "valide"), ("unanimous", "oui")]),
        ])
        #expect(approved.approval(of: ExportFixture.copil3)?.decision.id == "dec-approval")
        let after = try #require(try Export.minutes(approved, meeting: ExportFixture.copil3, format: .txt, options: ExportFixture.options).text)
        let flat = after.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("Compte rendu : approuvé le mardi 2 février 2010 (Comité de pilotage n° 4, délibération 2010-04-01)"))
        // An adjourned approval approves nothing.
        let adjourned = Self.with(st, [
            ("seance.open", Self.copil4, [("time", "18:00")]),
            ("decision.record", "dec-approval", [("seance", Self.copil4), ("item", "item-copil-4-1"), ("text", "Reporté."), ("outcome", "ajourne")]),
        ])
        #expect(adjourned.approval(of: ExportFixture.copil3) == nil)
    }

    @Test("The compte rendu: délibérations numbered by year and séance, attendance per decision, signatures")
    func minutesLife() throws {
        let pdf = try Export.minutes(st, meeting: ExportFixture.copil3, format: .pdf, options: ExportFixture.options).bytes
        let flat = PDFExportTests.text(pdf).flat
        for p in ["Délibération 2009-03-01.", "Délibération 2009-03-10.",
                  "Votants présents ou représentés : 12 (décision 1), 13 (décision 2), 12 (décisions 3 à 11).",
                  "Signatures", "La présidente de séance", "Le secrétaire de séance", "MARTIN Sophie", "DURAND Claire",
                  "Compte rendu projet (soumis à l'approbation de la prochaine séance)"] {
            #expect(flat.contains(p), "« \(p) » manque")
        }
    }

    // MARK: - Documents read back

    @Test("Golden text of the convocation, a pouvoir and the fiche action")
    func golden() throws {
        expectExportSnapshot(try #require(try Export.convocation(st, meeting: Self.copil4, format: .txt, options: Self.options).text), "convocation-copil-4.txt")
        expectExportSnapshot(try #require(try Export.proxyForms(st, meeting: Self.copil4, member: "mem-copil-03", format: .md, options: Self.options).text), "pouvoir-copil-4.md")
        expectExportSnapshot(try #require(try Export.actionSheet(st, action: "act-epicerie", format: .txt, options: Self.options).text), "fiche-epicerie.txt")
    }

    static func fonts(_ pdf: [UInt8]) -> [Substring] {
        let f = ExportTempFile("doc.pdf", pdf)
        let r = ExternalTool.run("pdffonts", [f.path])
        #expect(r.status == 0, "\(r.errors)")
        return Array(r.output.split(separator: "\n").drop { !$0.hasPrefix("---") }.dropFirst())
    }

    @Test("The PDFs read back: pdftotext finds the words, pdfinfo the pages, pdffonts every font embedded",
          .enabled(if: ExternalTool.enabled("pdftotext") && ExternalTool.enabled("pdffonts")))
    func pdfs() throws {
        let convocation = try Export.convocation(st, meeting: Self.copil4, format: .pdf, options: Self.options).bytes
        let proxies = try Export.proxyForms(st, meeting: Self.copil4, format: .pdf, options: Self.options).bytes
        let fiche = try Export.actionSheet(st, action: "act-epicerie", format: .pdf, options: Self.options).bytes
        let c = PDFExportTests.text(convocation).flat
        for p in ["Convocation", "Comité de pilotage n° 4 – mardi 2 février 2010", "Madame, Monsieur,",
                  "le mardi 2 février 2010 à 18 h 00, Salle du conseil, mairie de Saint-Flour",
                  "Approbation du compte rendu du 17 décembre", "Calendrier de démarrage des actions en 2010", "Rapporteur", "Durée prévue",
                  "Délai de convocation 5 jours francs avant la séance", "Convocation envoyée le mercredi 20 janvier 2010",
                  "avant le vendredi 29 janvier 2010", "La présidente, MARTIN Sophie",
                  "pour me représenter et voter en mon nom lors de la séance n° 4 du comité de pilotage du mardi 2 février 2010",
                  "sophie.martin@exemple.invalid"] {
            #expect(c.contains(p), "convocation : « \(p) » manque")
        }
        #expect(PDFExportTests.info(convocation)["Pages"] == "3")
        // One page per voting member of the COPIL (14), each with the mandant printed.
        let p = PDFExportTests.text(proxies)
        #expect(PDFExportTests.info(proxies)["Pages"] == "14")
        #expect(p.flat.contains("Je soussignée Mme VERDIER Monique, élue"))
        #expect(p.flat.contains("Je soussigné M. ROUCHY Jean-Paul"))
        // TEISSEDRE Alain gave his pouvoir to ROUCHY Jean-Paul: the mandataire is printed.
        #expect(p.flat.contains("M. TEISSEDRE Alain, élu – Ville de Saint-Flour (adjoint à l'économie et à l'emploi), donne pouvoir à M. ROUCHY Jean-Paul"))
        let f = PDFExportTests.text(fiche).flat
        for w in ["Fiche action – Épicerie sociale et solidaire", "Plan de financement", "Ville de Saint-Flour 46 000,00 € 25 % acquis",
                  "CAF du Cantal 24 000,00 € 13 % sollicité", "Total 186 000,00 €", "Acquis : 76 000,00 € ; sollicité : 110 000,00 €.",
                  "Indicateurs d'évaluation", "Suivi"] {
            #expect(f.contains(w), "fiche : « \(w) » manque")
        }
        for pdf in [convocation, proxies, fiche] {
            let rows = Self.fonts(pdf)
            #expect(!rows.isEmpty)
            for row in rows {
                let cols = row.split(separator: " ")
                #expect(cols.count >= 7 && cols[cols.count - 5] == "yes", "non incorporée : \(row)")
            }
        }
    }

    @Test("The fiche action names its axis once, under its title (it was a field again)",
          .enabled(if: ExternalTool.enabled("pdftotext") && ExternalTool.enabled("odt2txt")))
    func axisOnce() throws {
        let axis = "Rationaliser l'aide sociale"
        func count(_ text: String) -> Int { text.components(separatedBy: axis).count - 1 }
        let pdf = PDFExportTests.text(try Export.actionSheet(st, action: "act-epicerie", format: .pdf, options: Self.options).bytes).flat
        #expect(count(pdf) == 1, "\(pdf.prefix(400))")
        #expect(pdf.contains("Fiche action – Épicerie sociale et solidaire Axe 1 – Rationaliser l'aide sociale"))
        let f = ExportTempFile("fiche.odt", try Export.actionSheet(st, action: "act-epicerie", format: .odt, options: Self.options).bytes)
        let odt = ExternalTool.run("odt2txt", ["--encoding=UTF-8", "--width=-1", f.path]).output
        #expect(count(String(odt.map { $0 == "\u{00A0}" || $0 == "\u{202F}" ? " " : $0 })) == 1)
        for format in [DocumentFormat.txt, .md, .html] {
            let text = try #require(try Export.actionSheet(st, action: "act-epicerie", format: format, options: Self.options).text)
            #expect(count(text.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&apos;", with: "'")) == 1, "\(format)")
        }
    }

    @Test("PDF Author: the séance's secrétaire, else the committee's usual one, else none (never the project's name)",
          .enabled(if: ExternalTool.enabled("pdfinfo")))
    func author() throws {
        func author(_ s: ProjectState, _ meeting: String) throws -> String? {
            PDFExportTests.info(try Export.convocation(s, meeting: meeting, format: .pdf, options: Self.options).bytes)["Author"]
        }
        // The demo's séances name their secrétaire.
        #expect(try author(st, Self.copil4) == "DURAND Claire")
        #expect(PDFExportTests.info(try Export.attendanceSheet(st, meeting: Self.copil4, format: .pdf, options: Self.options).bytes)["Author"] == "DURAND Claire")
        // A séance prepared without one, in a committee without one: no Author at all.
        let bare = try copil(on: day(2010, 3, 15))
        #expect(bare.meetings["sea-new"]?.secretary == "")
        #expect(try author(bare, "sea-new") == nil)
        // The committee's usual secrétaire, a member's id read as the member's name.
        let member = try #require(st.members["mem-copil-02"]?.name)
        let usual = Self.with(bare, [("committee.edit", "com-copil", [("secretary", "mem-copil-02")])])
        #expect(try author(usual, "sea-new") == member)
        // The séance's own secrétaire comes first.
        let own = Self.with(usual, [("seance.edit", "sea-new", [("secretary", "PONS Hélène")])])
        #expect(try author(own, "sea-new") == "PONS Hélène")
        // The fiche: the secrétaire of the committee that proposed it, else nobody.
        func ficheAuthor(_ s: ProjectState) throws -> String? {
            PDFExportTests.info(try Export.actionSheet(s, action: "act-epicerie", format: .pdf, options: Self.options).bytes)["Author"]
        }
        #expect(try ficheAuthor(st) == nil)
        #expect(try ficheAuthor(Self.with(st, [("committee.edit", "com-ct1", [("secretary", "DURAND Claire")])])) == "DURAND Claire")
        // The relevé over a period: the committee's usual secrétaire when one committee is asked.
        let period = DecisionScope.period(from: day(2009, 10, 1), to: day(2009, 12, 31), committee: "com-copil")
        #expect(PDFExportTests.info(try Export.decisions(usual, period, format: .pdf, options: Self.options).bytes)["Author"] == member)
    }

    @Test("odt2txt reads the convocation, the pouvoir and the fiche", .enabled(if: ExternalTool.enabled("odt2txt")))
    func odt() throws {
        let docs: [([UInt8], [String])] = [
            (try Export.convocation(st, meeting: Self.copil4, format: .odt, options: Self.options).bytes,
             ["Convocation", "Madame, Monsieur,", "Calendrier de démarrage des actions en 2010", "pour me représenter et voter en mon nom"]),
            (try Export.proxyForms(st, meeting: Self.copil4, member: "mem-copil-03", format: .odt, options: Self.options).bytes,
             ["Je soussignée Mme VERDIER Monique", "Bon pour pouvoir"]),
            (try Export.actionSheet(st, action: "act-epicerie", format: .odt, options: Self.options).bytes,
             ["Plan de financement", "sollicité", "acquis"]),
        ]
        for (bytes, phrases) in docs {
            let f = ExportTempFile("doc.odt", bytes)
            let r = ExternalTool.run("odt2txt", ["--encoding=UTF-8", "--width=-1", f.path])
            #expect(r.status == 0, "\(r.errors)")
            let flat = String(r.output.map { $0 == "\u{202F}" || $0 == "\u{00A0}" ? " " : $0 }).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for p in phrases { #expect(flat.contains(p), "odt : « \(p) » manque") }
        }
    }

    /// Reads an .eml with Python's `email` package and prints what a mail program would see.
    static let emailScript = """
    import sys, email, email.policy
    msg = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
    print('TO', len(msg['To'].addresses))
    for a in msg['To'].addresses: print('ADDR', a.display_name, '|', a.addr_spec)
    print('SUBJECT', msg['Subject'])
    print('UNSENT', msg['X-Unsent'])
    print('BCC', msg['Bcc'])
    print('DEFECTS', len(msg.defects) + sum(len(p.defects) for p in msg.walk()))
    body = msg.get_body(preferencelist=('plain',))
    text = body.get_content()
    print('BODY', 'Madame, Monsieur,' in text, '\\x1b' in text, '\\u202e' in text)
    for part in msg.iter_attachments():
        data = part.get_payload(decode=True)
        print('ATTACH', part.get_content_type(), part.get_filename(), data[:5])
        if part.get_content_type() == 'text/calendar':
            try:
                import icalendar
                cal = icalendar.Calendar.from_ical(data)
                ev = [c for c in cal.walk('VEVENT')][0]
                print('ICS', ev['SUMMARY'], ev.decoded('DTSTART'))
            except ImportError:
                print('ICS', data.decode().count('BEGIN:VEVENT'))
    raw = open(sys.argv[1], 'rb').read()
    print('LONGEST', max(len(l) for l in raw.split(b'\\r\\n')))
    print('BARELF', raw.replace(b'\\r\\n', b'').count(b'\\n'))
    """

    @Test("The .eml read by Python's email package: addresses, subject, a PDF and a valid iCalendar attached",
          .enabled(if: ExternalTool.enabled("python3")))
    func eml() throws {
        let file = try Export.convocationEmail(st, meeting: Self.copil4, options: Self.options)
        #expect(file.fileName == "convocation_comite-de-pilotage-n4_2010-02-02.eml")
        let f = ExportTempFile("c.eml", file.bytes)
        let r = ExternalTool.python(Self.emailScript, f.path)
        #expect(r.status == 0, "\(r.errors)")
        let out = r.output
        #expect(out.contains("TO 17\n"))
        #expect(out.contains("ADDR RIGAL Françoise | francoise.rigal@exemple.invalid"))
        #expect(out.contains("ADDR MARTIN Sophie | sophie.martin@exemple.invalid"))
        #expect(out.contains("SUBJECT Convocation – Comité de pilotage n° 4 du mardi 2 février 2010\n"))
        #expect(out.contains("UNSENT 1"))
        #expect(out.contains("DEFECTS 0"))
        #expect(out.contains("BODY True False False"))
        #expect(out.contains("ATTACH application/pdf convocation_comite-de-pilotage-n4_2010-02-02.pdf b'%PDF-'"))
        #expect(out.contains("ATTACH text/calendar seance_comite-de-pilotage-n4_2010-02-02.ics b'BEGIN'"))
        if ExternalTool.hasIcalendar { #expect(out.contains("ICS Comité de pilotage n°4 2010-02-02 18:00:00+01:00"), "\(out)") }
        let longest = try #require(out.split(separator: "\n").first { $0.hasPrefix("LONGEST") }.flatMap { Int($0.split(separator: " ")[1]) })
        #expect(longest <= 78)
        #expect(out.contains("BARELF 0"))
    }

    // MARK: - Hostile text

    @Test("Hostile text stays neutralised in the convocation's PDF and in the e-mail; a forged address is left out",
          .enabled(if: ExternalTool.enabled("python3") && ExternalTool.enabled("pdftotext")))
    func hostile() throws {
        let esc = NeutralisationExportTests.esc, rlo = NeutralisationExportTests.rlo
        let st = Self.with(NeutralisationExportTests.state, [
            ("member.edit", "mem-a", [("email", "dupont@exemple.invalid"), ("civility", "M.")]),
            ("member.edit", "mem-b", [("email", "durand@exemple.invalid\r\nBcc: espion@exemple.invalid")]),
        ])
        let pdf = try Export.convocation(st, meeting: "sea-y", format: .pdf, options: Self.options).bytes
        let text = PDFExportTests.text(pdf).raw
        #expect(!text.contains("\u{1B}") && !text.contains(rlo))
        #expect(text.contains("␛[31mROUGE"))
        #expect(text.contains("<U+202E>"))
        let file = try Export.convocationEmail(st, meeting: "sea-y", options: Self.options)
        let raw = String(decoding: file.bytes, as: UTF8.self)
        // The forged address never reaches a header (the body lists it, made visible: « ␍␊Bcc »).
        let headers = try #require(raw.components(separatedBy: "\r\n\r\n").first)
        #expect(!headers.contains("Bcc") && !headers.contains("espion"))
        #expect(!raw.contains("\u{1B}"))
        #expect(Export.membersWithoutAddress(st, meeting: "sea-y").count == 1)
        let f = ExportTempFile("h.eml", file.bytes)
        let r = ExternalTool.python(Self.emailScript, f.path)
        #expect(r.status == 0, "\(r.errors)")
        #expect(r.output.contains("TO 1\n"))
        #expect(r.output.contains("ADDR DUPONT<U+202E> Jean | dupont@exemple.invalid"))
        #expect(r.output.contains("BODY True False False"))
        #expect(r.output.contains("DEFECTS 0"))
        #expect(r.output.contains("BCC None"))
        _ = esc
    }
}

nonisolated(unsafe) var rngForTests = SplitMix64(seed: 15)
