import Testing
@testable import SeanceModel
@testable import SeanceTUI

@Suite("The fiche action editor")
struct ActionFormTests {
    @Test("A new fiche with its fields, then its financing plan flagged until it adds up")
    func newFiche() {
        var h = Harness()
        h.press([.char("f"), .char("n")])
        #expect(h.form?.title == "Nouvelle fiche action")
        h.type("Jardins partagés « Les Planchettes »")
        h.press([.tab, .right, .right, .right])              // axe 3
        h.press([.tab, .tab]); h.type("Cultiver ensemble, rompre l'isolement")
        h.press([.tab, .tab]); h.type("Centre social")
        h.press([.tab, .tab, .tab]); h.type("24 000")
        h.press([.f(2)])
        let id = h.domain.actionOrder.last!
        let a = h.domain.actions[id]!
        #expect(a.title == "Jardins partagés « Les Planchettes »" && a.axis == "axis-3" && a.porteur == "Centre social")
        #expect(a.cost == Money(euros: 24_000) && a.status == .proposee)
        #expect(a.financingGap == Money(euros: 24_000))
        h.press([.end, .char("b")])
        h.type("Ville de Saint-Flour=14 000"); h.press([.f(2)])
        h.press([.char("b")])
        h.press([.tab]); h.type("CAF du Cantal=10 000"); h.press([.f(2)])
        #expect(h.domain.actions[id]!.financingGap == .zero)
        #expect(h.domain.actions[id]!.financing.map(\.financer) == ["Ville de Saint-Flour", "CAF du Cantal"])
        // Removing a financer: its amount emptied.
        h.press([.char("b"), .ctrl("u"), .f(2)])
        #expect(h.domain.actions[id]!.financing.map(\.financer) == ["CAF du Cantal"])
        #expect(h.domain.actions[id]!.financingGap == Money(euros: 14_000))
    }

    @Test("Editing writes only what changed, the status included; the life of the fiche records it")
    func edit() {
        var h = Harness()
        h.press([.char("f"), .home, .char("e")])
        #expect(h.form?.title == "Modifier la fiche")
        for _ in 0..<8 { h.press([.tab]) }
        h.press([.ctrl("u")]); h.type("55 000")
        h.press([.tab, .tab, .tab, .right])
        h.press([.f(2)])
        let first = h.domain.actionOrder.first!
        let edit = h.written.last!
        #expect(edit.kind == "action.edit" && edit.entity == first)
        #expect(edit.fields.map(\.key) == ["cost", "status"])
        #expect(h.domain.actions[first]!.cost == Money(euros: 55_000))
        #expect(h.domain.actions[first]!.history.last?.status == h.domain.actions[first]!.status)
    }

    @Test("A bad amount is refused in French")
    func badAmount() {
        var h = Harness()
        h.press([.char("f"), .char("n")]); h.type("X")
        for _ in 0..<8 { h.press([.tab]) }
        h.type("beaucoup"); h.press([.f(2)])
        #expect(h.form?.error?.contains("Coût illisible") == true)
    }
}
