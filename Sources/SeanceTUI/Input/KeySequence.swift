/// Decodes what follows an Escape when ncurses did not recognise the sequence itself (its
/// terminfo entry lacks the variant the terminal sends: ESC[1~ under xterm, ESC O H under the
/// Linux console, F1 as ESC[[A…). Pure, so it is tested with byte sequences.
///
/// The rule that matters: a sequence is consumed whole. An unknown one gives no key at all, never
/// « Échap » followed by its letters (which closed a form and typed « [1~ » into the notes), and
/// Escape followed by a letter is Alt+letter, which is ignored too.
public enum KeySequence {
    public enum Outcome: Equatable, Sendable {
        /// More scalars are needed to know (the rest of the sequence is on its way).
        case incomplete
        /// The first `length` scalars are one key press: `key`, or nothing when nil (unknown).
        case complete(key: Key?, length: Int)
    }

    /// The longest sequence read before giving up on it (it is then swallowed).
    public static let maxLength = 32

    /// `input` starts with ESC (0x1B). `final`: no more scalars will come (a read timed out), so a
    /// sequence cut short is decided now: a lone Escape is Échap, a cut sequence is nothing.
    public static func decode(_ input: [UInt32], final: Bool = false) -> Outcome {
        guard input.first == 0x1B else { return .complete(key: nil, length: min(1, input.count)) }
        guard input.count >= 2 else { return final ? .complete(key: .escape, length: 1) : .incomplete }
        let second = input[1]
        switch second {
        case 0x5B: // ESC [  : CSI
            return csi(input, final: final)
        case 0x4F: // ESC O  : SS3
            return ss3(input, final: final)
        case 0x1B: // ESC ESC : Alt + a sequence, or Escape twice
            if input.count == 2 { return final ? .complete(key: .escape, length: 1) : .incomplete }
            let inner = decode(Array(input.dropFirst()), final: final)
            switch inner {
            case .incomplete: return .incomplete
            case .complete(let key, let length):
                if length == 1 { return .complete(key: .escape, length: 1) }   // ESC ESC x: Échap, then ESC x
                return .complete(key: alt(key), length: length + 1)
            }
        case 0x7F, 0x08: // Alt+Backspace: erase the word before the cursor
            return .complete(key: .ctrl("w"), length: 2)
        default:
            // Alt + a character (or a control): not Échap, and not the character either.
            return .complete(key: nil, length: 2)
        }
    }

    /// Alt + a key: Alt+← → move by words, Alt+another key is that key.
    static func alt(_ key: Key?) -> Key? {
        switch key {
        case .left?: .wordLeft
        case .right?: .wordRight
        case .backspace?: .ctrl("w")
        default: key
        }
    }

    /// ESC [ params intermediates final. Parameters 0x30–0x3F, intermediates 0x20–0x2F, the final
    /// byte 0x40–0x7E. The Linux console's F1–F5 are ESC [ [ A…E.
    static func csi(_ s: [UInt32], final: Bool) -> Outcome {
        var i = 2
        if s.count > 2 && s[2] == 0x5B {   // ESC [ [ X
            guard s.count > 3 else { return final ? .complete(key: nil, length: 3) : .incomplete }
            let key: Key? = (0x41...0x45).contains(s[3]) ? .f(Int(s[3]) - 0x40) : nil
            return .complete(key: key, length: 4)
        }
        var params = ""
        while i < s.count, (0x30...0x3F).contains(s[i]) { params.unicodeScalars.append(Unicode.Scalar(s[i])!); i += 1 }
        var intermediates = 0
        while i < s.count, (0x20...0x2F).contains(s[i]) { intermediates += 1; i += 1 }
        guard i < s.count else {
            if final || i >= maxLength { return .complete(key: nil, length: i) }
            return .incomplete
        }
        let f = s[i]
        // Not a final byte: a broken sequence. Swallow what was read; the byte that broke it is
        // read again as itself.
        guard (0x40...0x7E).contains(f) else { return .complete(key: nil, length: i) }
        let length = i + 1
        guard intermediates == 0 else { return .complete(key: nil, length: length) }
        let numbers = params.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let first = numbers.first.flatMap { $0 } ?? 1
        let modifier = numbers.count > 1 ? (numbers[1] ?? 1) : 1
        // xterm's modifiers: 1 + (1 shift, 2 alt, 4 ctrl, 8 meta).
        let wordMove = modifier > 1 && (modifier - 1) & (2 | 4 | 8) != 0
        let key: Key?
        switch f {
        case 0x41: key = .up                                     // A
        case 0x42: key = .down                                   // B
        case 0x43: key = wordMove ? .wordRight : .right          // C
        case 0x44: key = wordMove ? .wordLeft : .left            // D
        case 0x48: key = .home                                   // H
        case 0x46: key = .end                                    // F
        case 0x5A: key = .backTab                                // Z
        case 0x50, 0x51, 0x52, 0x53:                             // P Q R S: F1–F4 with a modifier
            key = .f(Int(f) - 0x4F)
        case 0x7E:                                               // ~
            key = tilde(first)
        default: key = nil
        }
        return .complete(key: key, length: length)
    }

    /// ESC [ n ~ : the VT220 keys, as xterm, tmux, screen, PuTTY, rxvt and the Linux console send them.
    static func tilde(_ n: Int) -> Key? {
        switch n {
        case 1, 7: .home
        case 4, 8: .end
        case 2: .insert
        case 3: .delete
        case 5: .pageUp
        case 6: .pageDown
        case 11...15: .f(n - 10)     // rxvt, PuTTY's default F1–F5
        case 17...21: .f(n - 11)     // F6–F10
        case 23, 24: .f(n - 12)      // F11, F12
        default: nil
        }
    }

    /// ESC O X (application mode), possibly with a modifier digit before X (old PuTTY, screen).
    static func ss3(_ s: [UInt32], final: Bool) -> Outcome {
        var i = 2
        var modifier = 1
        while i < s.count, (0x30...0x39).contains(s[i]) { modifier = Int(s[i] - 0x30); i += 1 }
        guard i < s.count else {
            // ESC O alone: Alt+O, swallowed.
            return final ? .complete(key: nil, length: i) : .incomplete
        }
        let f = s[i]
        guard (0x40...0x7E).contains(f) else { return .complete(key: nil, length: i) }
        let wordMove = modifier > 1 && (modifier - 1) & (2 | 4 | 8) != 0
        let key: Key?
        switch f {
        case 0x41: key = .up
        case 0x42: key = .down
        case 0x43: key = wordMove ? .wordRight : .right
        case 0x44: key = wordMove ? .wordLeft : .left
        case 0x48: key = .home
        case 0x46: key = .end
        case 0x4D: key = .enter                                  // keypad Entrée
        case 0x50, 0x51, 0x52, 0x53: key = .f(Int(f) - 0x4F)     // F1–F4
        case 0x63: key = .wordRight                              // rxvt Ctrl+→ (ESC O c)
        case 0x64: key = .wordLeft                               // rxvt Ctrl+← (ESC O d)
        case 0x61: key = .up                                     // rxvt Ctrl+↑
        case 0x62: key = .down
        case 0x70...0x79: key = .char(Character(Unicode.Scalar(f - 0x70 + 0x30)!))  // keypad 0–9
        case 0x6A: key = .char("*")
        case 0x6B: key = .char("+")
        case 0x6C: key = .char(",")
        case 0x6D: key = .char("-")
        case 0x6E: key = .char(".")
        case 0x6F: key = .char("/")
        default: key = nil
        }
        return .complete(key: key, length: i + 1)
    }

    /// Sequences the terminfo entries of common terminals may lack, for ncurses to decode itself
    /// (`define_key`) when its entry has none of them: Home and End in their variants, F1–F12.
    public static let variants: [(sequence: String, key: Key)] = [
        ("\u{1B}[1~", .home), ("\u{1B}[7~", .home), ("\u{1B}[H", .home), ("\u{1B}OH", .home),
        ("\u{1B}[4~", .end), ("\u{1B}[8~", .end), ("\u{1B}[F", .end), ("\u{1B}OF", .end),
        ("\u{1B}[11~", .f(1)), ("\u{1B}[12~", .f(2)), ("\u{1B}[13~", .f(3)), ("\u{1B}[14~", .f(4)), ("\u{1B}[15~", .f(5)),
        ("\u{1B}OP", .f(1)), ("\u{1B}OQ", .f(2)), ("\u{1B}OR", .f(3)), ("\u{1B}OS", .f(4)),
        ("\u{1B}[[A", .f(1)), ("\u{1B}[[B", .f(2)), ("\u{1B}[[C", .f(3)), ("\u{1B}[[D", .f(4)), ("\u{1B}[[E", .f(5)),
        ("\u{1B}[17~", .f(6)), ("\u{1B}[18~", .f(7)), ("\u{1B}[19~", .f(8)), ("\u{1B}[20~", .f(9)), ("\u{1B}[21~", .f(10)),
        ("\u{1B}[23~", .f(11)), ("\u{1B}[24~", .f(12)),
    ]
}
