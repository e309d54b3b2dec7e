import Testing
@testable import SeanceModel
@testable import SeanceTUI

@Suite("Name completion")
struct NameCompletionTests {
    let people: [NameCompletion.Candidate] = [
        .init(id: "m1", name: "N'DIAYE Awa"),
        .init(id: "m2", name: "LE GOFF Gaëlle"),
        .init(id: "m3", name: "ROUCHY Jean-Paul"),
        .init(id: "m4", name: "LEBRUN Philippe"),
        .init(id: "m5", name: "MARTIN Sophie"),
        .init(id: "m6", name: "MARTINEZ Inès", present: true),
    ]

    func complete(_ text: String) -> (String, String)? {
        NameCompletion.complete(text, cursor: text.count, people).map { (String(text.dropFirst($0.start)), $0.candidate.name) }
    }

    @Test("From any word of a name, ignoring accents, case, apostrophes and hyphens")
    func anyWord() {
        #expect(complete("ndia")?.1 == "N'DIAYE Awa")
        #expect(complete("n'dia")?.1 == "N'DIAYE Awa")
        #expect(complete("diaye")?.1 == "N'DIAYE Awa")
        #expect(complete("awa")?.1 == "N'DIAYE Awa")
        #expect(complete("le go")?.1 == "LE GOFF Gaëlle")
        #expect(complete("gaelle")?.1 == "LE GOFF Gaëlle")
        #expect(complete("GAËL")?.1 == "LE GOFF Gaëlle")
        #expect(complete("paul")?.1 == "ROUCHY Jean-Paul")
        #expect(complete("jeanpa")?.1 == "ROUCHY Jean-Paul")
        #expect(complete("x") == nil)
        #expect(complete("zorglub") == nil)
    }

    @Test("The words typed are all replaced: « LE GO » is not doubled")
    func noDoubling() {
        #expect(complete("LE GO")! == ("LE GO", "LE GOFF Gaëlle"))
        #expect(complete("Selon le go")! == ("le go", "LE GOFF Gaëlle"))
        #expect(complete("Madame Lebr")! == ("Lebr", "LEBRUN Philippe"))
    }

    @Test("Members present first")
    func presentFirst() {
        #expect(complete("mart")?.1 == "MARTINEZ Inès")
        #expect(complete("sop")?.1 == "MARTIN Sophie")
    }

    @Test("In the notes: at the start of the line the speaker form, in a sentence the name only")
    func inNotes() {
        var h = Harness()
        h.press([.enter, .tab, .enter])
        h.type("MART"); h.press([.tab])
        let label = h.domain.speakerLabel("mem-copil-01")
        #expect(h.meeting?.editor.text == label + " : ")
        #expect(h.meeting?.speaker == "mem-copil-01")
        h.type("d'accord avec rigal fr"); h.press([.tab])
        #expect(h.meeting?.editor.text == label + " : d'accord avec RIGAL Françoise")
        #expect(h.meeting?.speaker == "mem-copil-01")
        // In the middle of the line, before other words.
        h.press([.ctrl("u")]); h.type("voir avec  pour la suite")
        for _ in 0..<"  pour la suite".count - 1 { h.press([.left]) }
        h.type("sophie"); h.press([.tab])
        #expect(h.meeting?.editor.text == "voir avec MARTIN Sophie pour la suite")
    }

    @Test("« Qui » and « Présenté par » complete from the members and Tab goes on: the date typed next is the date")
    func formFields() {
        var h = Harness()
        h.press([.enter, .tab, .enter, .f(6)])
        h.type("Relancer"); h.press([.tab]); h.type("fran"); h.press([.tab])
        guard case .text(let e) = h.form!.fields[1].kind else { Issue.record("pas un texte"); return }
        #expect(e.text == "RIGAL Françoise")
        #expect(h.form?.focus == 2)
        h.type("11/12/2026")   // a tester's date once landed in the name: « LEROY Sophie11/12/2026 »
        h.press([.f(2)])
        #expect(h.written.last?.fields.contains { $0.key == "owner" && $0.value == "mem-copil-15" } == true)
        #expect(h.written.last?.fields.contains { $0.key == "due" && $0.value == "2026-12-11" } == true)
    }
}
