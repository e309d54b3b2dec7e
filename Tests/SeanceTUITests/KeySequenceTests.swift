import Testing
@testable import SeanceModel
@testable import SeanceTUI

/// The scalars of a sequence as the terminal sends it.
private func seq(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

@Suite("Escape sequences of real terminals, decoded whole")
struct KeySequenceTests {
    @Test("Home and End in every variant: xterm, tmux/screen, PuTTY, Linux console, rxvt, GNOME Terminal, Windows Terminal",
          arguments: [("\u{1B}[1~", Key.home), ("\u{1B}[7~", .home), ("\u{1B}[H", .home), ("\u{1B}OH", .home), ("\u{1B}[1;5H", .home),
                      ("\u{1B}[4~", .end), ("\u{1B}[8~", .end), ("\u{1B}[F", .end), ("\u{1B}OF", .end)])
    func homeEnd(_ s: String, _ key: Key) {
        #expect(KeySequence.decode(seq(s)) == .complete(key: key, length: s.unicodeScalars.count))
    }

    @Test("Arrows, word moves (Ctrl/Alt+arrow in xterm, PuTTY, rxvt, ESC-prefixed Alt), Suppr, pages")
    func moves() {
        let cases: [(String, Key)] = [
            ("\u{1B}[D", .left), ("\u{1B}[C", .right), ("\u{1B}OD", .left), ("\u{1B}OC", .right), ("\u{1B}[A", .up), ("\u{1B}OB", .down),
            ("\u{1B}[1;5D", .wordLeft), ("\u{1B}[1;5C", .wordRight), ("\u{1B}[1;3D", .wordLeft), ("\u{1B}[1;3C", .wordRight),
            ("\u{1B}[1;2D", .left), ("\u{1B}O5D", .wordLeft), ("\u{1B}O5C", .wordRight), ("\u{1B}Od", .wordLeft), ("\u{1B}Oc", .wordRight),
            ("\u{1B}\u{1B}[D", .wordLeft), ("\u{1B}\u{1B}[C", .wordRight), ("\u{1B}\u{1B}OD", .wordLeft),
            ("\u{1B}[3~", .delete), ("\u{1B}[3;5~", .delete), ("\u{1B}[2~", .insert), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown),
            ("\u{1B}[Z", .backTab), ("\u{1B}OM", .enter),
        ]
        for (s, key) in cases {
            #expect(KeySequence.decode(seq(s)) == .complete(key: key, length: s.unicodeScalars.count), "\(s.debugDescription)")
        }
    }

    @Test("F1–F12 in their variants: VT100 (ESC O P), rxvt/PuTTY (ESC[11~), Linux console (ESC[[A), VT220 (ESC[17~…), modified")
    func functionKeys() {
        let cases: [(String, Int)] = [
            ("\u{1B}OP", 1), ("\u{1B}OQ", 2), ("\u{1B}OR", 3), ("\u{1B}OS", 4),
            ("\u{1B}[11~", 1), ("\u{1B}[12~", 2), ("\u{1B}[13~", 3), ("\u{1B}[14~", 4), ("\u{1B}[15~", 5),
            ("\u{1B}[[A", 1), ("\u{1B}[[B", 2), ("\u{1B}[[C", 3), ("\u{1B}[[D", 4), ("\u{1B}[[E", 5),
            ("\u{1B}[17~", 6), ("\u{1B}[18~", 7), ("\u{1B}[19~", 8), ("\u{1B}[20~", 9), ("\u{1B}[21~", 10),
            ("\u{1B}[23~", 11), ("\u{1B}[24~", 12), ("\u{1B}[1;2P", 1), ("\u{1B}[15;5~", 5),
        ]
        for (s, n) in cases {
            #expect(KeySequence.decode(seq(s)) == .complete(key: .f(n), length: s.unicodeScalars.count), "\(s.debugDescription)")
        }
    }

    @Test("An unknown sequence is swallowed whole: no Échap, none of its letters")
    func unknown() {
        for s in ["\u{1B}[99~", "\u{1B}[200~", "\u{1B}[?1;2c", "\u{1B}[1;5X", "\u{1B}Oz", "\u{1B}[ q", "\u{1B}[=5u"] {
            #expect(KeySequence.decode(seq(s)) == .complete(key: nil, length: s.unicodeScalars.count), "\(s.debugDescription)")
        }
    }

    @Test("Alt+letter is not Échap, and types nothing; Alt+Retour arrière erases a word")
    func alt() {
        #expect(KeySequence.decode(seq("\u{1B}x")) == .complete(key: nil, length: 2))
        #expect(KeySequence.decode(seq("\u{1B}é")) == .complete(key: nil, length: 2))
        #expect(KeySequence.decode(seq("\u{1B}\u{7F}")) == .complete(key: .ctrl("w"), length: 2))
    }

    @Test("A sequence cut short waits for its end; a lone Escape is Échap only when nothing follows")
    func partial() {
        #expect(KeySequence.decode(seq("\u{1B}")) == .incomplete)
        #expect(KeySequence.decode(seq("\u{1B}"), final: true) == .complete(key: .escape, length: 1))
        #expect(KeySequence.decode(seq("\u{1B}[")) == .incomplete)
        #expect(KeySequence.decode(seq("\u{1B}[1")) == .incomplete)
        #expect(KeySequence.decode(seq("\u{1B}[1;5")) == .incomplete)
        #expect(KeySequence.decode(seq("\u{1B}[1"), final: true) == .complete(key: nil, length: 3))
        #expect(KeySequence.decode(seq("\u{1B}O")) == .incomplete)
        #expect(KeySequence.decode(seq("\u{1B}O"), final: true) == .complete(key: nil, length: 2))
        #expect(KeySequence.decode(seq("\u{1B}\u{1B}")) == .incomplete)
        #expect(KeySequence.decode(seq("\u{1B}\u{1B}"), final: true) == .complete(key: .escape, length: 1))
    }

    @Test("A broken sequence is swallowed up to the byte that broke it, which is read again")
    func broken() {
        // ESC [ 1 then a letter é: not a CSI byte; « é » stays to be typed.
        #expect(KeySequence.decode(seq("\u{1B}[1é")) == .complete(key: nil, length: 3))
        #expect(KeySequence.decode(seq("\u{1B}[1\u{1B}")) == .complete(key: nil, length: 3))
    }

    @Test("Terminfo's extended names of modified keys")
    func keyNames() {
        #expect(NcursesBackend.decodeKeyName("kLFT5") == .wordLeft)
        #expect(NcursesBackend.decodeKeyName("kRIT3") == .wordRight)
        #expect(NcursesBackend.decodeKeyName("kLFT") == .left)
        #expect(NcursesBackend.decodeKeyName("kHOM5") == .home)
        #expect(NcursesBackend.decodeKeyName("kEND3") == .end)
        #expect(NcursesBackend.decodeKeyName("kDC5") == .delete)
        #expect(NcursesBackend.decodeKeyName("kxIN") == nil)
    }

    @Test("Every variant ncurses is taught decodes to the same key here")
    func variantsAgree() {
        for (s, key) in KeySequence.variants {
            #expect(KeySequence.decode(seq(s)) == .complete(key: key, length: s.unicodeScalars.count), "\(s.debugDescription)")
        }
    }
}
