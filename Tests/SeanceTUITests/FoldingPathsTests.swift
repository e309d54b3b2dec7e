import Testing
@testable import SeanceModel
@testable import SeanceTUI

/// The screens fold as the model does: the member picker, the speaker's completion and the
/// `/` search find the same names.
@Suite("One folding in every screen")
struct FoldingPathsTests {
    static let latin: [Unicode.Scalar] = (0xA0...0x17F).compactMap(Unicode.Scalar.init)

    func adding(_ events: [EventDraft], to state: ProjectState = demoState) -> ProjectState {
        var st = state
        var rng = SystemRandomNumberGenerator()
        for (i, d) in events.enumerated() {
            let p = st.apply(d.stamped(at: fixedNow, id: EventID.make(milliseconds: Int64(i), using: &rng), author: "test"))
            #expect(p == nil)
        }
        return st
    }

    @Test("« hay » finds « L'Haÿ-les-Roses » in the / search and in the member picker")
    func hay() {
        let st = adding([
            EventDraft("member.add", "mem-hay", [("committee", "com-copil"), ("name", "MARCHAND Loïc (L'Haÿ-les-Roses)"), ("role", "elu")]),
            EventDraft("agenda.add", "item-hay", [("seance", "sea-copil-4"), ("title", "Visite à L'Haÿ-les-Roses")]),
        ])
        var h = Harness(domain: st)
        h.press([.char("/")])
        h.type("hay")
        guard case .search(let s) = h.app.top else { Issue.record("no search screen"); return }
        #expect(s.hits.map(\.entity) == ["mem-hay", "item-hay"])   // the member first

        h = Harness(domain: st)
        h.press([.enter, .tab, .enter])   // COPIL, séances pane, newest (n°4)
        h.press([.f(7)])
        h.type("hay")
        guard case .picker(let p) = h.app.top else { Issue.record("no picker"); return }
        #expect(p.visible.map(\.id) == ["mem-hay"])
    }

    @Test("Every scalar of U+00A0–U+017F: picker and completion find a name by the letter and by its folding")
    func latinScalars() {
        let names = Self.latin.enumerated().map { i, u in "Q\(i)X\(u)W Test" }
        let st = adding(names.enumerated().map { i, name in
            EventDraft("member.add", "mem-l\(i)", [("committee", "com-copil"), ("name", name), ("role", "elu")])
        })
        let options = names.enumerated().map { i, name in PickerState.Option(id: "mem-l\(i)", label: name) }
        for (i, u) in Self.latin.enumerated() {
            for word in ["q\(i)x\(u)w", Folding.fold("q\(i)x\(u)w")] {
                var picker = PickerState(title: "", purpose: .speaker(meeting: "sea-copil-4"), options: options)
                picker.filter.set(word)
                #expect(picker.visible.map(\.id) == ["mem-l\(i)"], "\(u) as « \(word) »")
                // Completion takes the word before the cursor: a no-break space ends it.
                guard !Character(u).isWhitespace else { continue }
                var m = MeetingState(meeting: "sea-copil-4")
                m.editor.set(word)
                App.completeSpeaker(&m, st)
                #expect(m.editor.text == st.speakerLabel("mem-l\(i)") + " : ", "\(u) as « \(word) »")
            }
        }
    }
}
