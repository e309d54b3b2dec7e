import CNcurses
import Testing
@testable import SeanceTUI
import SeanceModel

@Suite("Display width agrees with the C library that ncurses draws with")
struct WidthTests {
    init() { _ = setlocale(LC_ALL, "C.UTF-8") }

    @Test("Every assigned printable scalar up to U+2FFFF has the width wcwidth gives it")
    func sweep() {
        var mismatches: [String] = []
        var checked = 0
        for v in UInt32(0x20)...0x2FFFF {
            guard let s = Unicode.Scalar(v), s.properties.generalCategory != .unassigned,
                  s.properties.generalCategory != .privateUse, s.properties.generalCategory != .surrogate else { continue }
            if v >= 0x7F && v < 0xA0 { continue }   // C1 controls are made visible before drawing
            let c = Int(seance_wcwidth(wchar_t(bitPattern: v)))
            if c < 0 { continue }
            checked += 1
            if c != CharWidth.of(s) { mismatches.append("U+\(String(v, radix: 16, uppercase: true)) libc=\(c) nous=\(CharWidth.of(s))") }
        }
        #expect(checked > 100_000)
        #expect(mismatches.count <= 0, "\(mismatches.count) mismatches: \(mismatches.prefix(80))")
    }

    @Test("The characters of French minutes", arguments: [
        ("é", 1), ("e\u{301}", 1), ("œ", 1), ("«", 1), ("€", 1), ("…", 1), ("—", 1), ("中", 2), ("한", 2),
        ("😀", 2), ("🎉", 2), ("✅", 2), ("Ａ", 2), ("\u{200B}", 0), ("👩‍💻", 2),
    ] as [(String, Int)])
    func known(_ text: String, _ width: Int) {
        #expect(CharWidth.of(text) == width)
        if text.unicodeScalars.count == 1 {
            #expect(Int(seance_wcwidth(wchar_t(bitPattern: text.unicodeScalars.first!.value))) == width)
        }
    }

    @Test("Text drawn scalar by scalar has the width and prefixes that the walk through graphemes gives", arguments: [
        "Épicerie solidaire « Le Panier » : 12 € — l’œuvre… ‰ ¼", "abc", "", "Noël à l'Hôtel-Dieu",
        "e\u{301}te\u{301}", "中文 et 😀", "‼ ⁉ — fin", "Ça débute\u{200D}ici", "«\u{FE0F}»",
    ])
    func simpleTextAgrees(_ text: String) {
        let walked = text.reduce(0) { $0 + CharWidth.of($1) }
        #expect(CharWidth.of(text) == walked)
        for w in 0...walked + 1 {
            var used = 0
            var end = text.startIndex
            for i in text.indices {
                let cw = CharWidth.of(text[i])
                if used + cw > w { break }
                used += cw
                end = text.index(after: i)
            }
            #expect(CharWidth.prefix(text, fitting: w) == String(text[..<end]), "\(w)")
        }
        // The grid holds one grapheme per cell (a zero-width one joins the cell before it), of
        // the text as drawn (invisible characters are shown by their code).
        let shown = VisibleText.make(text)
        var g = Grid(width: 80, height: 1)
        #expect(g.put(text, x: 0, y: 0) == CharWidth.of(shown))
        var x = 0
        for ch in shown where CharWidth.of(ch) > 0 {
            #expect(g[x, 0].text.hasPrefix(String(ch)) && Int(g[x, 0].width) == CharWidth.of(ch), "\(x)")
            x += CharWidth.of(ch)
        }
    }

    @Test("Every scalar drawn one by one is one column wide and never joins its neighbours")
    func simpleScalars() {
        var checked = 0
        for v in UInt32(0)...0x2FFFF {
            guard let sc = Unicode.Scalar(v), CharWidth.isSimple(sc) else { continue }
            checked += 1
            #expect(CharWidth.of(sc) == 1, "U+\(String(v, radix: 16))")
            var t = "a"; t.unicodeScalars.append(sc); t += "b"
            #expect(t.count == 3, "U+\(String(v, radix: 16)) joins")
            var u = ""; u.unicodeScalars.append(sc); u.unicodeScalars.append(sc)
            #expect(u.count == 2, "U+\(String(v, radix: 16)) twice")
        }
        #expect(checked > 600)
    }

    @Test func truncateAndPad() {
        #expect(CharWidth.truncate("Épicerie solidaire", to: 8) == "Épiceri…")
        #expect(CharWidth.truncate("中文中文", to: 5) == "中文…")
        #expect(CharWidth.pad("中文", to: 5) == "中文 ")
        #expect(CharWidth.prefix("a中b", fitting: 2) == "a")
        #expect(CharWidth.pad("12", to: 5, right: true) == "   12")
    }
}
