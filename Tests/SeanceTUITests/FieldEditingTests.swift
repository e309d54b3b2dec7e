import Testing
@testable import SeanceModel
@testable import SeanceTUI

@Suite("Editing keys in form fields and the notes")
struct FieldEditingTests {
    func followUpForm() -> Harness {
        var h = Harness()
        h.press([.enter, .tab, .enter, .f(6)])   // COPIL n°4, Suite à donner
        return h
    }

    func fieldText(_ h: Harness) -> String {
        guard let f = h.form, case .text(let e) = f.fields[f.focus].kind else { return "" }
        return e.text
    }

    @Test("← → Début Fin, word moves, Retour arrière and Suppr anywhere in a form field")
    func formField() {
        var h = followUpForm()
        #expect(h.form?.title == "Suite à donner")
        h.type("Envoyer le compte rendu")
        h.press([.home]); h.type("« ")
        h.press([.end]); h.type(" »")
        #expect(fieldText(h) == "« Envoyer le compte rendu »")
        h.press([.left, .left, .wordLeft, .wordLeft]); h.type("vite ")
        #expect(fieldText(h) == "« Envoyer le vite compte rendu »")
        h.press([.wordRight, .right, .delete, .delete, .delete, .delete, .delete]); h.type("rendu")
        #expect(fieldText(h) == "« Envoyer le vite compte rendu »")
        h.press([.home, .right, .right, .delete])
        #expect(fieldText(h) == "« nvoyer le vite compte rendu »")
        h.type("É"); h.press([.right, .backspace, .backspace])
        #expect(fieldText(h) == "« voyer le vite compte rendu »")
    }

    @Test("← → still change a choice field")
    func choiceField() {
        var h = Harness()
        h.press([.enter, .tab, .enter, .f(5)])
        h.press([.tab])
        guard case .choice(_, let before) = h.form!.fields[1].kind else { Issue.record("pas un choix"); return }
        h.press([.right])
        guard case .choice(_, let after) = h.form!.fields[1].kind else { Issue.record("pas un choix"); return }
        #expect(after == before + 1)
    }

    @Test("Échap on a form holding typed text asks first; n keeps the text, o abandons it")
    func escapeAsks() {
        var h = followUpForm()
        h.press([.escape])
        #expect(h.app.top.kind == .meeting)   // nothing typed: closes at once
        h.press([.f(6)]); h.type("Relancer la CAF")
        h.press([.escape])
        #expect(h.app.top.kind == .confirm)
        h.press([.char("n")])
        #expect(fieldText(h) == "Relancer la CAF")
        h.press([.escape, .escape])
        #expect(fieldText(h) == "Relancer la CAF")
        h.press([.escape, .char("o")])
        #expect(h.app.top.kind == .meeting)
        #expect(h.written.isEmpty)
    }

    @Test("Suppr deletes in the notes editor; on a chosen line it still removes the line")
    func deleteInNotes() {
        var h = Harness()
        h.press([.enter, .tab, .enter])
        h.type("abcd")
        h.press([.home, .delete, .end, .left, .left, .delete])
        #expect(h.meeting?.editor.text == "bd")
    }
}
