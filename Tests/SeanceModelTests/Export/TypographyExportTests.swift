import Foundation
import Testing
@testable import SeanceModel

/// Every document, in every format, carries the unbreakable spaces of French typography, so that
/// no reader (a word processor, a browser, a mail program, pango) breaks a line before « : » or
/// inside « 12 500 € »; the journal keeps what the secretary typed.
@Suite("French typography in every document")
struct TypographyExportTests {
    let st = ExportFixture.demo
    let options = ExportFixture.options

    /// The printed text of a file: the text formats as they are, the ODT's content.xml.
    func text(_ file: ExportedFile) -> String {
        if let t = file.text { return t }
        let content = readStoredZip(file.bytes).first { $0.name == "content.xml" }
        return content.map { String(decoding: $0.data, as: UTF8.self) } ?? ""
    }

    @Test("Compte rendu, relevé, convocation, pouvoir, émargement, fiche: no ordinary space before « ; : ! ? » » nor after « « »",
          arguments: [DocumentFormat.md, .html, .txt, .odt])
    func everyDocument(_ format: DocumentFormat) throws {
        let action = try #require(st.actions.keys.sorted().first)
        let files = [
            try Export.minutes(st, meeting: ExportFixture.copil3, format: format, options: options),
            try Export.decisions(st, .meeting(ExportFixture.copil3), format: format, options: options),
            try Export.convocation(st, meeting: "sea-copil-4", format: format, options: options),
            try Export.proxyForms(st, meeting: "sea-copil-4", format: format, options: options),
            try Export.attendanceSheet(st, meeting: "sea-copil-4", format: format, options: options),
            try Export.actionSheet(st, action: action, format: format, options: options),
        ]
        for file in files {
            let t = text(file)
            for bad in [" :", " ;", " !", " ?", " »", "« "] {
                #expect(!t.contains(bad), "\(file.fileName) : « \(bad) » avec une espace ordinaire")
            }
        }
        let minutes = text(files[0])
        #expect(minutes.contains("Présents\u{202F}:"))
        #expect(minutes.contains("28\u{202F}500\u{00A0}€"))
        #expect(minutes.contains("Décision n°\u{00A0}3"))
        #expect(minutes.contains("18\u{00A0}h\u{00A0}00"))
    }

    @Test("The plain text never starts a line with a punctuation mark or a unit, nor ends one with « « »")
    func plainTextLines() throws {
        for width in [40, 56, 72] {
            let t = try #require(try Export.minutes(st, meeting: ExportFixture.copil3, format: .txt,
                                                    options: ExportOptions(now: ExportFixture.now, textWidth: width)).text)
            for line in t.split(separator: "\n") {
                let s = line.trimmingCharacters(in: .whitespaces)
                #expect(!(s.first.map { ";:!?»€%".contains($0) } ?? false), "\(width) : « \(s) »")
                #expect(!s.hasSuffix("«"), "\(width) : « \(s) »")
            }
        }
    }

    @Test("The convocation e-mail's text is typeset too")
    func email() throws {
        let file = try Export.convocationEmail(st, meeting: "sea-copil-4", options: options)
        let raw = String(decoding: file.bytes, as: UTF8.self)
        // Quoted-printable: U+202F is E2 80 AF.
        #expect(raw.contains("=E2=80=AF:"), "\(raw.prefix(2000))")
    }

    @Test("What is searched keeps ordinary spaces: the PDF's metadata, the iCalendar event")
    func searchedText() {
        #expect(FrenchTypography.plain("Présents\u{202F}: 9\u{00A0}h\u{00A0}40") == "Présents : 9 h 40")
        let doc = ExportDocument(title: "Ordre du jour : n°3", shortTitle: "x").typeset()
        #expect(doc.title == "Ordre du jour\u{202F}: n°\u{00A0}3")
        #expect(doc.typeset() == doc)   // typesetting twice changes nothing
    }
}
