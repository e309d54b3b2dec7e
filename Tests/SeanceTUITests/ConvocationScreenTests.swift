import Testing
@testable import SeanceModel
@testable import SeanceTUI

/// The convocation's delay shown all the time on a séance to come (not only at Ctrl+N), and the
/// dashboard's ⚠ on a next séance whose convocation is late: both read
/// `ProjectState.convocationStatus`.
@Suite("The convocation's delay on the séance screen and the dashboard")
struct ConvocationScreenTests {
    /// The demo with one more séance: `committee`'s on `date`, convoked on `sent` if given.
    static func with(_ id: String, committee: String, date: String, number: Int, sent: String? = nil) -> ProjectState {
        var st = demoState
        _ = st.apply(event("seance.create", id, [("committee", committee), ("date", date), ("time", "18:00"),
                                                 ("place", "Salle du conseil, mairie de Saint-Flour"),
                                                 ("title", "Bilan du premier trimestre"), ("number", String(number))]))
        if let sent { _ = st.apply(event("seance.convoke", id, [("date", sent)])) }
        return st
    }

    /// The COPIL n°5 on Tuesday 23 February 2010; five jours francs: the 17th at the latest.
    static func copil5(sent: String? = nil) -> ProjectState {
        with("sea-copil-5", committee: "com-copil", date: "2010-02-23", number: 5, sent: sent)
    }

    func screen(_ st: ProjectState, _ meeting: String, today: String, width: Int = 80, height: Int = 24) -> Grid {
        let h = Harness(domain: st, screens: [.dashboard(DashboardState()), .meeting(MeetingState(meeting: meeting))],
                        now: Timestamp(journalValue: today + "T10:00:00+01:00")!)
        return App.view(h.app, h.ctx, width: width, height: height)
    }

    /// The row under the state line.
    func convocationRow(_ g: Grid) -> String { g.trimmedLines[3] }

    @Test("Not convoked, in time: the last day to send it, with the rule")
    func due() {
        let g = screen(Self.copil5(), "sea-copil-5", today: "2010-01-15")
        expectSnapshot(g, "meeting-convocation-due-80x24")
        #expect(convocationRow(g) == " Convocation à envoyer au plus tard le 17/02/2010 (5 jours francs)")
        #expect(!g.text.contains("⚠"))
        // The last day itself is still in time.
        #expect(!screen(Self.copil5(), "sea-copil-5", today: "2010-02-17").text.contains("⚠"))
    }

    @Test("Not convoked, the last day passed: a warning in the warning style")
    func passed() {
        let g = screen(Self.copil5(), "sea-copil-5", today: "2010-02-18")
        expectSnapshot(g, "meeting-convocation-late-80x24")
        #expect(convocationRow(g) == " ⚠ Délai de convocation dépassé : au plus tard le 17/02/2010 (5 jours francs)")
        #expect(g[1, 3].role == .warning && g[40, 3].role == .warning)
    }

    @Test("Convoked: the day it was sent, and ⚠ when the delay was not kept")
    func convoked() {
        let late = screen(Self.copil5(sent: "2010-02-19"), "sea-copil-5", today: "2010-02-20", width: 120, height: 40)
        expectSnapshot(late, "meeting-convoked-late-120x40")
        #expect(convocationRow(late) == " Convoquée le 19/02/2010 · ⚠ délai de 5 jours francs non respecté")
        let x = CharWidth.of(" Convoquée le 19/02/2010 · ")
        #expect(late[1, 3].role == .dim && late[x, 3].role == .warning)
        // In time: the day only (the demo's COPIL n°4, sent on 20 January for 2 February).
        let inTime = screen(demoState, "sea-copil-4", today: "2010-01-25")
        #expect(convocationRow(inTime) == " Convoquée le 20/01/2010")
        #expect(!inTime.text.contains("⚠"))
        // A rule of days, not jours francs: Monday 18 January, three days: Friday the 15th.
        let ct1 = Self.with("sea-ct1-06", committee: "com-ct1", date: "2010-01-18", number: 6)
        #expect(convocationRow(screen(ct1, "sea-ct1-06", today: "2010-01-15")) == " Convocation à envoyer au plus tard le 15/01/2010 (3 jours)")
    }

    @Test("Nothing is said of a séance held or closed, nor without a rule and not sent")
    func nothingToSay() {
        // The demo's COPIL n°3 is closed: its header goes straight to the agenda.
        let closed = screen(demoState, "sea-copil-3", today: "2010-01-15")
        #expect(!closed.text.contains("Convoc") && closed.trimmedLines[3].isEmpty)
        var noRule = Self.copil5()
        _ = noRule.apply(event("committee.edit", "com-copil", [("convocation", "aucun")]))
        #expect(screen(noRule, "sea-copil-5", today: "2010-02-20").trimmedLines[3].isEmpty)
    }

    @Test("The dashboard marks ⚠ the next séance whose convocation is late")
    func dashboard() {
        // The technical committee n°1 meets on Monday 18 January 2010 (three days: the 15th).
        let st = Self.with("sea-ct1-06", committee: "com-ct1", date: "2010-01-18", number: 6)
        func row(_ today: String) -> String {
            let h = Harness(domain: st, now: Timestamp(journalValue: today + "T10:00:00+01:00")!)
            return App.view(h.app, h.ctx, width: 80, height: 24).trimmedLines.first { $0.contains("18 janv.") } ?? ""
        }
        #expect(row("2010-01-15").contains("18 janv. 2010") && !row("2010-01-15").contains("⚠"))
        #expect(row("2010-01-16").contains("18 janv. 2010 ⚠"), "\(row("2010-01-16"))")
        let h = Harness(domain: st, now: Timestamp(journalValue: "2010-01-16T10:00:00+01:00")!)
        expectSnapshot(App.view(h.app, h.ctx, width: 80, height: 24), "dashboard-convocation-late-80x24")
    }
}
