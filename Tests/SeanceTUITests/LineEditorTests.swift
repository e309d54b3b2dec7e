import Foundation
import Testing
@testable import SeanceTUI

@Suite("The line editor works on whole characters")
struct LineEditorTests {
    func typed(_ s: String) -> LineEditor {
        var e = LineEditor()
        for scalar in s.unicodeScalars { _ = e.handle(.char(Character(scalar))) }
        return e
    }

    @Test("A combining accent typed after its letter makes one character")
    func combining() {
        var e = typed("cafe\u{301}")
        #expect(e.text == "café" || e.text == "cafe\u{301}")
        #expect(e.text.count == 4 && e.cursor == 4)
        _ = e.handle(.backspace)
        #expect(e.text == "caf")
    }

    @Test("Arrows, Home, End, Backspace and Delete move and delete by character")
    func moves() {
        var e = typed("œuvre « €»")
        _ = e.handle(.home); #expect(e.cursor == 0)
        _ = e.handle(.delete); #expect(e.text == "uvre « €»")
        _ = e.handle(.end); _ = e.handle(.left); _ = e.handle(.backspace)
        #expect(e.text == "uvre « »")
        _ = e.handle(.char("€")); #expect(e.text == "uvre « €»")
    }

    @Test("Word moves and word deletion")
    func words() {
        var e = typed("le comité de pilotage")
        _ = e.handle(.wordLeft); #expect(e.cursor == 13)
        _ = e.handle(.wordLeft); #expect(e.cursor == 10)
        _ = e.handle(.wordRight); #expect(e.cursor == 12)
        _ = e.handle(.end); _ = e.handle(.ctrl("w"))
        #expect(e.text == "le comité de ")
    }

    @Test("A long line scrolls so the cursor stays visible, wide characters whole")
    func scrolling() {
        var e = typed("Épicerie solidaire 中文中文中文 fin")
        let (text, col) = e.visible(width: 10)
        #expect(CharWidth.of(text) <= 10)
        #expect(text.hasSuffix("fin"))
        #expect(col == CharWidth.of(text))
        _ = e.handle(.home)
        let (t2, c2) = e.visible(width: 10)
        #expect(t2.hasPrefix("Épicerie") && c2 == 0)
    }

    @Test("Pasted control characters never enter the text")
    func paste() {
        var e = LineEditor()
        e.insert("a\tb\nc\u{1B}d")
        #expect(e.text == "a b c d")
    }
}

@Suite("Soft wrap of the line being typed")
struct WrapTests {
    @Test("Long lines wrap at spaces, wide characters whole, cursor on the right row")
    func wrap() {
        var e = LineEditor()
        e.insert("Le comité valide le diagnostic partagé 中文中文")
        let (rows, row, col) = e.wrapped(width: 12)
        for r in rows { #expect(CharWidth.of(r) <= 12) }
        #expect(rows.joined() == e.text)
        #expect(rows[0] == "Le comité ")
        #expect(row == rows.count - 1 && col == CharWidth.of(rows.last!))
        _ = e.handle(.home)
        let (_, r0, c0) = e.wrapped(width: 12)
        #expect(r0 == 0 && c0 == 0)
    }

    @Test("A paste of several thousand characters is one insertion")
    func bigPaste() {
        var e = LineEditor()
        let text = String(repeating: "Épicerie solidaire « Le Panier » – ", count: 200)
        e.insert(text)
        #expect(e.text.count == text.count)
        let (rows, row, _) = e.wrapped(width: 70)
        #expect(rows.count > 90 && row == rows.count - 1)
    }
}

@Suite("Lines wrap where French allows")
struct FrenchWrapTests {
    @Test("Neither the screen's wrap nor the line being typed breaks before « : » or inside « 40 % », « 9 h 40 », « 12 500 € »")
    func unbreakable() {
        let text = "Pondération : social 40 %, économique 30 % ; ouverture à 9 h 40 ; « épicerie » pour 12 500 € !"
        // From the widest unbreakable unit (« Pondération : », 13 columns) up.
        for width in 14...40 {
            for rows in [App.wrap(text, width: width), {
                var e = LineEditor(); e.insert(text); return e.wrapped(width: width).rows.map { $0.trimmingCharacters(in: .whitespaces) }
            }()] {
                for r in rows {
                    let s = r.trimmingCharacters(in: .whitespaces)
                    #expect(!(s.first.map { ";:!?»%€h".contains($0) } ?? false), "\(width) : « \(s) »")
                    #expect(!s.hasSuffix("«"), "\(width) : « \(s) »")
                }
            }
        }
        // The characters on screen are those typed: no hidden no-break space.
        #expect(App.wrap(text, width: 200) == [text])
    }
}
