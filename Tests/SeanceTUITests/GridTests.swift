import Testing
@testable import SeanceTUI

@Suite("The cell grid")
struct GridTests {
    @Test("Wide characters take two cells and are never split at the edge")
    func wide() {
        var g = Grid(width: 6, height: 1)
        let end = g.put("a中b", x: 0, y: 0)
        #expect(end == 4)
        #expect(g[1, 0].text == "中" && g[1, 0].width == 2 && g[2, 0].isContinuation)
        #expect(g.text == "a中b  ")
        var h = Grid(width: 4, height: 1)
        h.put("abc中", x: 0, y: 0)
        #expect(h.text == "abc ")
    }

    @Test("Combining accents stay with their letter")
    func combining() {
        var g = Grid(width: 5, height: 1)
        g.put("e\u{301}te\u{301}", x: 0, y: 0)
        #expect(g[0, 0].text == "e\u{301}")
        #expect(g[2, 0].text == "e\u{301}")
        #expect(g.trimmedLines == ["e\u{301}te\u{301}"])
    }

    @Test("Control characters and bidi marks from the journal are shown, never sent raw")
    func untrusted() {
        var g = Grid(width: 30, height: 1)
        g.put("a\u{1B}[2Jb\u{202E}c\u{07}", x: 0, y: 0)
        #expect(g.trimmedLines == ["a␛[2Jb<U+202E>c␇"])
        for c in g.cells { for s in c.text.unicodeScalars { #expect(s.value >= 0x20 && s.value != 0x7F && s.value != 0x202E) } }
    }

    @Test("Overwriting half of a wide character clears the other half")
    func overwriteWide() {
        var g = Grid(width: 4, height: 1)
        g.put("中中", x: 0, y: 0)
        g.put("x", x: 1, y: 0)
        #expect(g.text == " x中")
        #expect(!g[2, 0].isContinuation && g[3, 0].isContinuation)
    }
}
