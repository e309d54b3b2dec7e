import Foundation
import Testing
@testable import SeanceModel

/// Pouvoirs as the texts say (CASF R123-19 for a CCAS board, CGCT L2121-20 for a conseil
/// municipal): one per mandataire, given to a member there, never passed on.
@Suite("Pouvoirs: one per member, to a member present")
struct ProxyTests {
    static let demo = CommandTests.demo
    let seance = "sea-copil-4"   // planned; mem-copil-06 (M. TEISSEDRE) gave his pouvoir to mem-copil-04 (M. ROUCHY)
    let t = LocalTime(hour: 18, minute: 10)!

    func refusal(_ r: CommandResult) -> String? { if case .failure(let f) = r { f.message } else { nil } }

    func give(_ st: ProjectState, _ member: String, to proxy: String) -> CommandResult {
        Commands.setAttendance(st, meeting: seance, member: member, status: .pouvoir, proxy: proxy, at: t)
    }

    func mark(_ st: ProjectState, _ member: String, _ status: AttendanceStatus) throws -> ProjectState {
        try applying(st, Commands.setAttendance(st, meeting: seance, member: member, status: status, at: t))
    }

    /// The séance opened at 18:10 with members 01 to 05 present.
    func held() throws -> ProjectState {
        var st = try applying(Self.demo, Commands.openMeeting(Self.demo, meeting: seance, at: t))
        for i in 1...5 { st = try mark(st, "mem-copil-0\(i)", .present) }
        return st
    }

    @Test("A member holds one pouvoir at most: the second is refused, naming both")
    func onePerHolder() throws {
        let st = try held()
        #expect(refusal(give(st, "mem-copil-07", to: "mem-copil-04"))
                == "M. ROUCHY Jean-Paul détient déjà le pouvoir de M. TEISSEDRE Alain : un membre ne peut détenir qu'un seul pouvoir.")
        // Before the séance too.
        #expect(refusal(give(Self.demo, "mem-copil-07", to: "mem-copil-04"))?.hasPrefix("M. ROUCHY Jean-Paul détient déjà le pouvoir") == true)
        // Given again to the same mandataire, or moved to another one: allowed.
        #expect(refusal(give(st, "mem-copil-06", to: "mem-copil-04")) == nil)
        let moved = try applying(st, give(st, "mem-copil-06", to: "mem-copil-02"))
        #expect(st.proxiesHeld(by: "mem-copil-04", in: st.meetings[seance]!) == ["mem-copil-06"])
        #expect(moved.proxiesHeld(by: "mem-copil-04", in: moved.meetings[seance]!).isEmpty)
        // ROUCHY is free again.
        #expect(refusal(give(moved, "mem-copil-07", to: "mem-copil-04")) == nil)
    }

    @Test("The mandataire is present or at a distance: not excusé, absent, gone, nor having given his own")
    func holderMustBeThere() throws {
        var st = try held()
        st = try mark(st, "mem-copil-08", .excuse)
        st = try mark(st, "mem-copil-09", .absent)
        st = try mark(st, "mem-copil-03", .distance)
        #expect(refusal(give(st, "mem-copil-07", to: "mem-copil-08")) == "Mme LAPEYRE Josiane est excusée : un pouvoir se confie à un membre présent ou à distance.")
        #expect(refusal(give(st, "mem-copil-07", to: "mem-copil-09"))?.hasSuffix("est absent : un pouvoir se confie à un membre présent ou à distance.") == true)
        #expect(refusal(give(st, "mem-copil-07", to: "mem-copil-03")) == nil)
        // Not recorded while the séance is held: refused; before the opening: allowed (the replies to the convocation).
        #expect(refusal(give(st, "mem-copil-07", to: "mem-copil-10"))?.contains("n'est pas notée présente") == true)
        #expect(refusal(give(Self.demo, "mem-copil-07", to: "mem-copil-10")) == nil)
        // Gone during the séance.
        st = try mark(st, "mem-copil-05", .excuse)
        #expect(refusal(give(st, "mem-copil-07", to: "mem-copil-05")) == "Mme FALGOUX Nathalie est partie : un pouvoir se confie à un membre présent ou à distance.")
        // Having given his own: TEISSEDRE gave his to ROUCHY.
        #expect(refusal(give(st, "mem-copil-07", to: "mem-copil-06"))
                == "M. TEISSEDRE Alain a lui-même donné pouvoir à M. ROUCHY Jean-Paul : il ne peut pas recevoir celui de Mme BOUDON Martine.")
    }

    @Test("A member who holds a pouvoir cannot give his own until it is withdrawn or moved")
    func holderCannotGive() throws {
        var st = try held()
        #expect(refusal(give(st, "mem-copil-04", to: "mem-copil-01"))
                == "M. ROUCHY Jean-Paul détient le pouvoir de M. TEISSEDRE Alain : il ne peut donner le sien qu'une fois ce pouvoir retiré ou confié à un autre membre.")
        #expect(Commands.proxyGiverRefusal(st, meeting: seance, member: "mem-copil-04") != nil)
        #expect(st.eligibleProxyHolders(meeting: seance, for: "mem-copil-04").isEmpty)
        st = try applying(st, Commands.withdrawAttendance(st, meeting: seance, member: "mem-copil-06"))
        #expect(refusal(give(st, "mem-copil-04", to: "mem-copil-01")) == nil)
    }

    @Test("The eligible mandataires: voting members there who hold no pouvoir and gave none")
    func eligible() throws {
        var st = try held()
        st = try mark(st, "mem-copil-03", .excuse)
        let ids = st.eligibleProxyHolders(meeting: seance, for: "mem-copil-07").map(\.id)
        // 01, 02, 05 present; 03 gone; 04 holds TEISSEDRE's pouvoir; 06 gave his; the others not there.
        #expect(ids == ["mem-copil-01", "mem-copil-02", "mem-copil-05"])
        // For TEISSEDRE himself, ROUCHY still qualifies (the pouvoir he holds is his).
        #expect(st.eligibleProxyHolders(meeting: seance, for: "mem-copil-06").map(\.id).contains("mem-copil-04"))
        // Before the opening, members not yet recorded qualify; excusés do not.
        let planned = Self.demo.eligibleProxyHolders(meeting: seance, for: "mem-copil-08").map(\.id)
        #expect(planned.contains("mem-copil-10") && !planned.contains("mem-copil-07") && !planned.contains("mem-copil-04"))
        // Every eligible one is accepted by the command, every other voting member refused.
        for m in st.votingMembers(of: "com-copil") where m.id != "mem-copil-07" {
            #expect((refusal(give(st, "mem-copil-07", to: m.id)) == nil) == ids.contains(m.id))
        }
    }

    @Test("A journal where one member holds two pouvoirs still reads; the check warns")
    func lenientFold() throws {
        let e = EventDraft(.attendanceSet, seance, [(.member, "mem-copil-07"), (.status, "pouvoir"), (.proxy, "mem-copil-04")])
        let st = try applying(Self.demo, .success([e]))
        let m = st.meetings[seance]!
        #expect(m.attendance["mem-copil-07"]?.proxy == "mem-copil-04")
        #expect(st.proxiesHeld(by: "mem-copil-04", in: m) == ["mem-copil-06", "mem-copil-07"])
        let w = st.proxyWarnings()
        #expect(w.count == 1)
        #expect(w.first?.contains("M. ROUCHY Jean-Paul détient 2 pouvoirs (M. TEISSEDRE Alain, Mme BOUDON Martine)") == true)
        #expect(Self.demo.proxyWarnings().isEmpty)
    }
}
