import Foundation
import Testing
@testable import SeanceModel
@testable import SeanceTUI

/// A person of another committee on the committee's screen: the picker, her seat's form, and
/// the question « même personne ? » when a new member bears her name (issue 14).
@Suite("Persons on the committee's screen")
struct PersonScreenTests {
    @Test("p: a picker of the persons not on this committee, filtered without accents; then her role and vote; then one member.add person=")
    func addPersonFromAnotherCommittee() throws {
        var h = Harness()
        h.press([.enter])   // the COPIL
        h.press([.char("p")])
        guard case .picker(let p) = h.app.top else { Issue.record("no picker: \(h.app.top)"); return }
        #expect(p.title == "Ajouter une personne d'un autre comité")
        // Nobody of the COPIL is offered.
        let copil = Set(demoState.members(of: "com-copil").map(\.id))
        #expect(!p.options.contains { copil.contains($0.id) })
        h.type("CROS nadine")
        guard case .picker(let filtered) = h.app.top else { Issue.record("no picker"); return }
        #expect(filtered.visible.map(\.id) == ["mem-ct1-03"])
        #expect(filtered.visible[0].label.contains("Comité technique « Aide sociale"))
        h.press([.enter])
        guard case .form(let f) = h.app.top else { Issue.record("no form: \(h.app.top)"); return }
        #expect(f.title == "CROS Nadine au Comité de pilotage")
        h.press([.right, .f(2)])
        let d = try #require(h.batches.last)
        #expect(d.map(\.kind) == ["member.add"])
        #expect(d[0].value(.person) == "mem-ct1-03" && d[0].value(.committee) == "com-copil" && d[0].value(.name) == "CROS Nadine")
        #expect(h.app.top.kind == .committee)
        #expect(h.domain.members(of: "com-copil").last?.name == "CROS Nadine")
        // The list shows where else she sits.
        let grid = App.view(h.app, h.ctx, width: 120, height: 40)
        #expect(grid.trimmedLines.contains { $0.contains("Siège aussi au") })
        #expect(grid.trimmedLines.contains { $0.contains("CROS Nadine") && $0.contains("Comité technique") })
    }

    @Test("A new member with the name of a person elsewhere: o makes a seat of hers, n another person, Échap back to the form")
    func samePersonQuestion() throws {
        for (answer, kinds) in [(Key.char("o"), ["person"]), (.char("n"), ["organisation"])] {
            var h = Harness()
            h.press([.enter, .char("n")])
            h.type("cros Nadine")
            h.press([.tab, .tab])   // past the civilité
            h.type("CG15")
            h.press([.f(2)])
            guard case .confirm(let c) = h.app.top else { Issue.record("no question: \(h.app.top)"); return }
            #expect(c.question.hasPrefix("CROS Nadine (Conseil général du Cantal (assistante sociale de secteur)) siège déjà au Comité technique « Aide sociale"))
            #expect(!c.question.contains(", au"))
            #expect(c.question.hasSuffix(" : même personne ?"))
            h.press([answer])
            let d = try #require(h.batches.last)
            #expect(d.count == 1 && kinds.allSatisfy { d[0].value(FieldKey(rawValue: $0)!) != nil })
            #expect(h.app.top.kind == .committee)
        }
        var h = Harness()
        h.press([.enter, .char("n")])
        h.type("CROS Nadine")
        h.press([.f(2), .escape])
        #expect(h.app.top.kind == .form)
        #expect(h.batches.isEmpty)
    }

    @Test("Editing a person's e-mail on one committee shows it on the other")
    func editPropagatesOnScreen() throws {
        var h = Harness()
        h.press([.enter, .char("p")])
        h.type("cros")
        h.press([.enter, .f(2)])
        // Her seat on the COPIL: the last member.
        h.press([.end, .char("e")])
        guard case .form(let f) = h.app.top else { Issue.record("no form"); return }
        #expect(f.fields.first { $0.key == "email" }?.hint.hasPrefix("changé aussi au Comité technique") == true)
        h.press([.tab, .tab, .tab, .tab, .tab, .tab, .ctrl("u")])
        h.type("n.cros@cantal.fr")
        h.press([.f(2)])
        #expect(h.batches.last?.first?.kind == "member.edit")
        #expect(h.domain.members["mem-ct1-03"]?.email == "n.cros@cantal.fr")
    }
}
