import CNcurses
import Testing
@testable import SeanceTUI

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

    @Test func truncateAndPad() {
        #expect(CharWidth.truncate("Épicerie solidaire", to: 8) == "Épiceri…")
        #expect(CharWidth.truncate("中文中文", to: 5) == "中文…")
        #expect(CharWidth.pad("中文", to: 5) == "中文 ")
        #expect(CharWidth.prefix("a中b", fitting: 2) == "a")
        #expect(CharWidth.pad("12", to: 5, right: true) == "   12")
    }
}
