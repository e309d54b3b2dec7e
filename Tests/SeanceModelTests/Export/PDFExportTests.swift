import Foundation
import Testing
@testable import SeanceModel

/// The PDF read back by poppler's tools (pdftotext, pdfinfo, pdffonts), as a reader's program
/// would: the text is compared, never the bytes.
@Suite("Exports: the PDF")
struct PDFExportTests {
    let st = ExportFixture.demo

    func minutes() throws -> [UInt8] {
        try Export.minutes(st, meeting: ExportFixture.copil3, format: .pdf, options: ExportFixture.options).bytes
    }

    func decisions() throws -> [UInt8] {
        try Export.decisions(st, .meeting(ExportFixture.copil3), format: .pdf, options: ExportFixture.options).bytes
    }

    /// pdftotext's output with the no-break spaces as spaces and every run of blanks as one
    /// space: a paragraph wrapped on two lines reads as one.
    static func text(_ pdf: [UInt8], layout: Bool = true) -> (raw: String, flat: String) {
        let f = ExportTempFile("doc.pdf", pdf)
        let r = ExternalTool.run("pdftotext", (layout ? ["-layout"] : []) + ["-enc", "UTF-8", f.path, "-"])
        #expect(r.status == 0, "\(r.errors)")
        let spaced = String(r.output.map { $0 == "\u{202F}" || $0 == "\u{00A0}" ? " " : $0 })
        let flat = spaced.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{0C}" }).joined(separator: " ")
        return (spaced, flat)
    }

    static func info(_ pdf: [UInt8]) -> [String: String] {
        let f = ExportTempFile("doc.pdf", pdf)
        let r = ExternalTool.run("pdfinfo", ["-isodates", f.path])
        #expect(r.status == 0, "\(r.errors)")
        var fields: [String: String] = [:]
        for line in r.output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// What a reader of the compte rendu must find (with « n° 3 »: the PDF spaces it).
    static let keyPhrases = [
        "Compte rendu de séance",
        "Comité de pilotage n° 3 – jeudi 17 décembre 2009",
        "Salle du conseil, mairie de Saint-Flour",
        "DURAND Claire",
        "Hiérarchisation des fiches actions",
        "Décision n° 3 – Validée : La fiche « épicerie sociale et solidaire » est validée, rang 1.",
        "11 pour, 0 contre, 1 abstention",
        "Relevé des décisions",
        "Suites à donner",
        "Compléter le plan de financement du portage de repas",
        "La prochaine séance aura lieu le mardi 2 février 2010",
        "Compte rendu établi par DURAND Claire, secrétaire de séance.",
    ]

    @Test("pdftotext reads the compte rendu back: its text, the running header, « page n / N »",
          .enabled(if: ExternalTool.enabled("pdftotext")))
    func minutesText() throws {
        let pdf = try minutes()
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let (raw, flat) = Self.text(pdf)
        for p in Self.keyPhrases { #expect(flat.contains(p), "pdftotext : « \(p) » manque") }
        let pages = try #require(Int(Self.info(pdf)["Pages"] ?? ""))
        #expect(pages >= 3)
        let pageTexts = raw.split(separator: "\u{0C}", omittingEmptySubsequences: false).filter { !$0.allSatisfy(\.isWhitespace) }
        #expect(pageTexts.count == pages)
        for (i, page) in pageTexts.enumerated() {
            let lines = page.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
            #expect(lines.first == "Contrat de cohésion sociale de Saint-Flour 2010–2012 Comité de pilotage n° 3 – compte rendu de séance",
                    "en-tête de la page \(i + 1)")
            #expect(lines.last == "page \(i + 1) / \(pages)")
        }
        // No line starts with the punctuation French typography keeps with its word.
        for line in raw.split(separator: "\n") {
            let t = line.drop { $0 == " " }
            #expect(!(t.first.map { ":;!?»".contains($0) } ?? false), "« \(line) »")
        }
    }

    @Test("pdftotext reads the relevé back", .enabled(if: ExternalTool.enabled("pdftotext")))
    func decisionsText() throws {
        let pdf = try decisions()
        let (raw, flat) = Self.text(pdf)
        #expect(flat.contains("Relevé de décisions"))
        #expect(flat.contains("Décision n° 10 – Amendée : Les maquettes budgétaires prévisionnelles sont validées"))
        #expect(flat.contains("Présents : 15 ; représentés : 1 ; excusés : 1"))
        let pages = try #require(Int(Self.info(pdf)["Pages"] ?? ""))
        #expect(raw.contains("page 1 / \(pages)"))
        #expect(raw.contains("Comité de pilotage n° 3 – relevé de décisions"))
    }

    @Test("pdfinfo: A4, the title, the author, the date of the export", .enabled(if: ExternalTool.enabled("pdfinfo")))
    func metadata() throws {
        let info = Self.info(try minutes())
        #expect(info["Page size"] == "595.276 x 841.89 pts (A4)")
        // The metadata is searched, not printed: ordinary spaces, « n° 3 » as the document writes it.
        #expect(info["Title"] == "Compte rendu de séance – Comité de pilotage n° 3 – jeudi 17 décembre 2009")
        #expect(info["Author"] == "DURAND Claire")
        #expect(info["Subject"] == "Contrat de cohésion sociale de Saint-Flour 2010–2012")
        #expect(info["CreationDate"]?.hasPrefix("2009-12-23T10:00:00") == true, "\(info["CreationDate"] ?? "")")
        let releve = Self.info(try decisions())
        #expect(releve["Title"] == "Relevé de décisions – Comité de pilotage n° 3 – jeudi 17 décembre 2009")
        #expect(releve["Page size"] == "595.276 x 841.89 pts (A4)")
    }

    @Test("pdffonts: every font is embedded", .enabled(if: ExternalTool.enabled("pdffonts")))
    func fontsEmbedded() throws {
        for pdf in [try minutes(), try decisions()] {
            let f = ExportTempFile("doc.pdf", pdf)
            let r = ExternalTool.run("pdffonts", [f.path])
            #expect(r.status == 0, "\(r.errors)")
            let rows = r.output.split(separator: "\n").drop { !$0.hasPrefix("---") }.dropFirst()
            #expect(rows.count >= 4)
            #expect(rows.contains { $0.contains("DejaVuSerif") } && rows.contains { $0.contains("DejaVuSans-Bold") })
            for row in rows {
                // name, type (one or two words), encoding, then emb sub uni object generation.
                let cols = row.split(separator: " ")
                #expect(cols.count >= 7 && cols[cols.count - 5] == "yes", "non incorporée : \(row)")
            }
        }
    }

    @Test("The same state and moment give the same file")
    func deterministic() throws {
        #expect(try minutes() == minutes())
    }

    @Test("Hostile journal text shows as stand-ins in the PDF", .enabled(if: ExternalTool.enabled("pdftotext")))
    func hostileText() throws {
        let n = NeutralisationExportTests.self
        for pdf in [try Export.minutes(n.state, meeting: "sea-x", format: .pdf, options: n.options).bytes,
                    try Export.decisions(n.state, .meeting("sea-x"), format: .pdf, options: n.options).bytes] {
            let (raw, flat) = Self.text(pdf, layout: false)
            #expect(flat.contains("Décision <U+202E>; \"citée\", ␛[31mROUGE␛[0m"))
            #expect(flat.contains("Salle ␛]0;titre␇"))
            #expect(!raw.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E || $0.value == 0x200B || $0.value == 0x07 })
        }
        let (_, flat) = Self.text(try Export.minutes(n.state, meeting: "sea-x", format: .pdf, options: n.options).bytes, layout: false)
        #expect(flat.contains("DUPONT<U+202E> Jean"))
        #expect(flat.contains("Ligne 1 ␛[31mROUGE␛[0m"))
        #expect(flat.contains("<U+202E>inversé <script>alert('x')</script> & co"))
        #expect(flat.contains("Titre <U+200B>caché"))
    }

    @Test("A table's minimum row height makes boxes to sign in; the header row repeats on each page")
    func tableRows() throws {
        let rows = (1...40).map { ["NOM \($0)", ""] }
        var doc = ExportDocument(kicker: "Projet", title: "Feuille", subtitle: nil, shortTitle: "Feuille")
        doc.blocks = [.table(DocTable(header: ["Membre", "Signature"], rows: rows, weights: [2, 1], minRowHeight: 1.5))]
        let canvas = PDFCanvas(.init(title: "t", author: "a", subject: nil, date: "2009-12-23T10:00:00+01:00"))
        let flow = PDFFlow(canvas)
        flow.add(doc)
        let cells = flow.pieces.suffix(40)
        #expect(cells.allSatisfy { $0.height >= 1.5 * 72 / 2.54 - 0.001 })
        let pages = PDFPage.paginate(flow.pieces)
        #expect(pages.count >= 3)
        for page in pages {
            #expect(page.allSatisfy { $0.y >= PDFPage.top - 0.001 && $0.y + $0.piece.height <= PDFPage.bottom + 0.001 })
        }
        // Every page after the first starts with the header row again.
        let headerHeight = try #require(flow.pieces.dropFirst(2).first?.height)
        for page in pages.dropFirst() { #expect(page.count > 1 && page[0].piece.height == headerHeight) }
        _ = canvas.finish()
    }
}

@Suite("French typography")
struct FrenchTypographyTests {
    @Test("Narrow no-break spaces before ; : ! ? » and inside « », no-break spaces in times, sums, n°")
    func spaces() {
        let t = FrenchTypography.apply
        #expect(t("Présents : 15 ; absents : 0 !") == "Présents\u{202F}: 15\u{202F}; absents\u{202F}: 0\u{202F}!")
        #expect(t("« épicerie »") == "«\u{202F}épicerie\u{202F}»")
        #expect(t("à 9 h 40") == "à 9\u{00A0}h\u{00A0}40")
        #expect(t("12 500 €") == "12\u{202F}500\u{00A0}€")
        #expect(t("30 %") == "30\u{00A0}%")
        #expect(t("n° 4 et n°3") == "n°\u{00A0}4 et n°\u{00A0}3")
        #expect(t("pouvoir à M. ROUCHY et à Mme MARTIN") == "pouvoir à M.\u{00A0}ROUCHY et à Mme\u{00A0}MARTIN")
        #expect(t("Programme M. et Mme X, HAMM. Puis") == "Programme M. et Mme\u{00A0}X, HAMM. Puis")
        #expect(t("1 250 000,00 €") == "1\u{202F}250\u{202F}000,00\u{00A0}€")
        // Left alone: times in figures, words ending in « n° » without a number, a lone colon.
        #expect(t("à 14:00") == "à 14:00")
        #expect(t("en 2010 la ville") == "en 2010 la ville")
        #expect(t("3 heures") == "3 heures")
        #expect(t(": début") == ": début")
    }
}

@Suite("Exports: the feuille d'émargement")
struct AttendanceSheetTests {
    @Test("Every member of the committee with a box to sign in, the guests, blank rows",
          .enabled(if: ExternalTool.enabled("pdftotext")))
    func sheet() throws {
        let file = try Export.attendanceSheet(ExportFixture.demo, meeting: ExportFixture.copil3, format: .pdf, options: ExportFixture.options)
        #expect(file.fileName.hasPrefix("feuille-emargement_") && file.fileName.hasSuffix(".pdf"))
        let (raw, flat) = PDFExportTests.text(file.bytes)
        #expect(flat.contains("Feuille d'émargement"))
        #expect(flat.contains("Membre Qualité Voix Signature"))
        // TEISSEDRE Alain gave his pouvoir to ROUCHY Jean-Paul, who carries two votes.
        #expect(flat.contains("1 + pouvoir de"), "\(flat)")
        for name in ["MARTIN Sophie", "TEISSEDRE Alain", "DELMAS Bernard", "MAGNE Élodie", "CHABRIER Nicole"] {
            #expect(flat.contains(name), "\(name) manque")
        }
        #expect(flat.contains("Nom et prénom Organisme Signature"))
        // The président certifies the count under the signatures.
        #expect(flat.contains("La présidente de séance Le secrétaire de séance"), "\(flat)")
        #expect(flat.contains("membres présents et ………… pouvoirs, certifiée exacte."), "\(flat)")
        // 17 members and 5 guest rows of 1.5 cm do not fit on one page; the header row comes back.
        let pages = try #require(Int(PDFExportTests.info(file.bytes)["Pages"] ?? ""))
        #expect(pages >= 2)
        #expect(raw.contains("page 2 / \(pages)"))
        let text = try #require(try Export.attendanceSheet(ExportFixture.demo, meeting: ExportFixture.copil3, format: .md,
                                                            options: ExportFixture.options).text)
        #expect(text.contains("| Membre | Qualité | Voix | Signature |"))
        #expect(text.contains("| 1 + pouvoir de M.\u{00A0}TEISSEDRE Alain |"), "\(text)")
        // His own row does not count his vote a second time.
        #expect(text.contains("| M.\u{00A0}TEISSEDRE Alain | élu – Ville de Saint-Flour (adjoint à l'économie et à l'emploi) | a donné pouvoir à M.\u{00A0}ROUCHY Jean-Paul |"), "\(text)")
        let cells = PDFExportTests.text(file.bytes, layout: false).flat   // cell by cell, not the columns side by side
        #expect(cells.contains("a donné pouvoir à M. ROUCHY Jean-Paul"), "\(cells)")
        let odt = readStoredZip(try Export.attendanceSheet(ExportFixture.demo, meeting: ExportFixture.copil3, format: .odt,
                                                            options: ExportFixture.options).bytes)
        let content = String(decoding: try #require(odt.first { $0.name == "content.xml" }).data, as: UTF8.self)
        #expect(content.contains("style:min-row-height=\"1.50cm\""))
    }
}
