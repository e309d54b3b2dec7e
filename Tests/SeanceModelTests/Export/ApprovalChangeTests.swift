import Foundation
import Testing
@testable import SeanceModel

@Suite("An approved compte rendu changed afterwards")
struct ApprovedThenChangedTests {
    @Test("Reopening a séance whose compte rendu was approved is asked knowingly, and the compte rendu says it was modified after")
    func modifiedAfterApproval() throws {
        // The February séance approves the December compte rendu on its first point.
        let st = PaperworkTests.with(ExportFixture.demo, [
            ("seance.open", "sea-copil-4", [("time", "18:00")]),
            ("decision.record", "dec-approval", [("seance", "sea-copil-4"), ("item", "item-copil-4-1"),
                                                 ("text", "Le compte rendu de la séance du 17 décembre 2009 est approuvé."),
                                                 ("outcome", "valide"), ("unanimous", "oui")]),
        ])
        let copil3 = ExportFixture.copil3
        let approval = try #require(st.approval(of: copil3))
        // Before: « approuvé le … » alone.
        let before = try #require(try Export.minutes(st, meeting: copil3, format: .txt, options: ExportFixture.options).text)
        #expect(!before.contains("modifié après son approbation"))
        var after = st
        #expect(after.apply(event("seance.reopen", copil3, [("reason", "correction")], n: 900_001,
                                  at: Timestamp(journalValue: "2010-03-01T10:00:00+01:00")!)) == nil)
        #expect(after.meetings[copil3]?.modifiedAfterApproval == LocalDate(year: 2010, month: 3, day: 1))
        #expect(after.apply(event("seance.close", copil3, [("time", "21:09")], n: 900_002,
                                  at: Timestamp(journalValue: "2010-03-01T10:05:00+01:00")!)) == nil)
        let text = FrenchTypography.plain(try #require(try Export.minutes(after, meeting: copil3, format: .txt, options: ExportFixture.options).text))
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("approuvé le \(Fr.longDate(approval.at.date))"))
        #expect(flat.contains("; modifié après son approbation, le 01/03/2010"), "\(flat.prefix(1500))")
        #expect(Fr.Paperwork.reopenApproved(approval.at.date).contains("approuvé le 02/02/2010"))
    }
}

@Suite("Who a pouvoir represents")
struct IdleProxyTests {
    @Test("A pouvoir whose holder is not there represents nobody: its mandant is counted excused")
    func idleProxy() throws {
        let st = ExportFixture.demo
        func summary(_ s: ProjectState) throws -> String {
            FrenchTypography.plain(try #require(try Export.minutes(s, meeting: ExportFixture.copil3, format: .txt, options: ExportFixture.options).text))
        }
        #expect(try summary(st).contains("représentés : 1 ; excusés : 1 ;"))
        // ROUCHY, who holds TEISSEDRE's pouvoir, marked absent (a journal written before the rule).
        var s = st
        #expect(s.apply(event("seance.reopen", ExportFixture.copil3, [("reason", "x")], n: 900_009)) == nil)
        #expect(s.apply(event("attendance.set", ExportFixture.copil3, [("member", "mem-copil-04"), ("status", "absent")], n: 900_010)) == nil)
        #expect(s.apply(event("seance.close", ExportFixture.copil3, [("time", "21:09")], n: 900_011)) == nil)
        let after = try summary(s)
        #expect(after.contains("représentés : 0 ; excusés : 2 ;"), "\(after.prefix(900))")
    }
}
