import Testing
@testable import SeanceModel
@testable import SeanceTUI

/// A vote, a follow-up and a presence read the same on the séance's screens and in its compte
/// rendu: both write them with `Fr.Line`.
@Suite("One formatter per line, for screens and documents")
struct SharedLinesTests {
    func minutes(_ st: ProjectState, _ meeting: String) throws -> String {
        String(decoding: try Export.minutes(st, meeting: meeting, format: .md, options: ExportOptions(now: fixedNow)).bytes, as: UTF8.self)
    }

    @Test("Votes and follow-ups of a closed séance: the screen shows the lines of the compte rendu")
    func votesAndFollowUps() throws {
        var h = Harness()
        h.press([.enter, .tab, .down, .enter])   // COPIL n°3
        let meeting = try #require(h.domain.meetings["sea-copil-3"])
        var screen = ""
        for _ in meeting.agenda {
            h.press([.f(9)])
            screen += App.view(h.app, h.ctx, width: 400, height: 120).text
        }
        let document = try minutes(h.domain, "sea-copil-3")
        let decisions = meeting.decisions.compactMap { h.domain.decisions[$0] }
        let followUps = meeting.followUps.compactMap { h.domain.followUps[$0] }
        #expect(!decisions.isEmpty && !followUps.isEmpty)
        for d in decisions where d.item != nil {
            #expect(screen.contains(Fr.Line.vote(d)), "\(d.id)")
            #expect(document.contains(FrenchTypography.apply(Fr.Line.vote(d))), "\(d.id)")
        }
        for f in followUps where f.item != nil {
            let line = Fr.Line.followUp(what: f.what, owner: h.domain.ownerName(f.owner), due: f.due, done: f.done)
            #expect(screen.contains(line), "\(f.id)")
            #expect(document.contains(FrenchTypography.apply(line)), "\(f.id)")
        }
    }

    @Test("Presences: the attendance screen shows the words of the compte rendu")
    func presences() throws {
        var h = Harness()
        h.press([.enter, .tab, .enter])   // COPIL n°4
        h.press([.f(4)] + Array(repeating: .char("p"), count: 3) + [.down, .char("e"), .down, .char("o")])
        let screen = App.view(h.app, h.ctx, width: 400, height: 60).text
        let meeting = try #require(h.domain.meetings["sea-copil-4"])
        let document = try minutes(h.domain, "sea-copil-4")
        #expect(meeting.attendance.count >= 4)
        for (id, a) in meeting.attendance {
            let line = Fr.Line.presence(a.status, proxy: a.proxy.map(h.domain.ownerName), since: a.time, civility: h.domain.members[id]?.civility)
            #expect(screen.contains(line), "\(id)")
            #expect(document.contains(FrenchTypography.apply(line)), "\(id)")
        }
    }
}
