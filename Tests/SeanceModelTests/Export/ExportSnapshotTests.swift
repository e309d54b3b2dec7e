import Foundation
import Testing
@testable import SeanceModel

/// Golden files of every export of the December COPIL of the demo (sea-copil-3).
@Suite("Exports: snapshots of the demo's December COPIL")
struct ExportSnapshotTests {
    let st = ExportFixture.demo
    let id = ExportFixture.copil3
    let options = ExportFixture.options

    @Test("Compte rendu in Markdown, HTML and plain text", arguments: [DocumentFormat.md, .html, .txt])
    func minutes(_ format: DocumentFormat) throws {
        let file = try Export.minutes(st, meeting: id, format: format, options: options)
        #expect(file.fileName == "compte-rendu_comite-de-pilotage-n3_2009-12-17.\(format.rawValue)")
        expectExportSnapshot(try #require(file.text), "compte-rendu-copil-3.\(format.rawValue)")
    }

    @Test("Compte rendu in ODT: its content.xml and styles.xml")
    func minutesODT() throws {
        let file = try Export.minutes(st, meeting: id, format: .odt, options: options)
        let entries = readStoredZip(file.bytes)
        let content = try #require(entries.first { $0.name == "content.xml" })
        let styles = try #require(entries.first { $0.name == "styles.xml" })
        expectExportSnapshot(String(decoding: content.data, as: UTF8.self), "compte-rendu-copil-3.content.xml")
        expectExportSnapshot(String(decoding: styles.data, as: UTF8.self), "compte-rendu-copil-3.styles.xml")
    }

    @Test("Relevé de décisions of the séance", arguments: [DocumentFormat.md, .txt])
    func decisions(_ format: DocumentFormat) throws {
        let file = try Export.decisions(st, .meeting(id), format: format, options: options)
        expectExportSnapshot(try #require(file.text), "releve-copil-3.\(format.rawValue)")
    }

    @Test("Relevé de décisions of the autumn 2009, all committees")
    func periodDecisions() throws {
        let scope = DecisionScope.period(from: LocalDate(year: 2009, month: 10, day: 1), to: LocalDate(year: 2009, month: 12, day: 31))
        let file = try Export.decisions(st, scope, format: .md, options: options)
        expectExportSnapshot(try #require(file.text), "releve-2009-10-01_2009-12-31.md")
    }

    @Test("Decisions as SCDL CSV")
    func csv() throws {
        let file = try Export.decisionsCSV(st, .meeting(id))
        #expect(file.fileName == "deliberations_comite-de-pilotage-n3_2009-12-17.csv")
        expectExportSnapshot(try #require(file.text), "deliberations-copil-3.csv")
    }

    @Test("Planned séances as iCalendar")
    func ics() throws {
        let file = Export.calendar(st, options: CalendarOptions(now: ExportFixture.now))
        expectExportSnapshot(try #require(file.text), "seances-a-venir.ics")
    }
}
