import CNcurses
#if canImport(Glibc)
import Glibc
#endif

/// The only code that talks to ncurses: starts and restores the terminal, reads keys, and draws
/// the difference between the grid on screen and the next one.
public final class NcursesBackend {
    private var screen: UnsafeMutablePointer<WINDOW>?
    private var previous: Grid?
    private var pairs: [Role: (pair: Int16, attr: attr_t)] = [:]
    public private(set) var active = false

    public init() {}

    public var size: (width: Int, height: Int) {
        guard let screen else { return (80, 24) }
        return (Int(getmaxx(screen)), Int(getmaxy(screen)))
    }

    public func start() {
        _ = seance_setlocale_all()
        screen = initscr()
        active = true
        raw()
        noecho()
        nonl()
        keypad(screen, true)
        set_escdelay(25)
        defineVariants()
        setupColours()
        previous = nil
    }

    /// Leaves the terminal as it was; safe to call twice.
    public func stop() {
        guard active else { return }
        active = false
        endwin()
    }

    private func setupColours() {
        let mono = getenv("NO_COLOR").map { String(cString: $0).isEmpty == false } ?? false
        let B = seance_a_bold(), R = seance_a_reverse(), U = seance_a_underline(), D = seance_a_dim(), N = seance_a_normal()
        if !mono && has_colors() {
            start_color()
            use_default_colors()
            let spec: [(Role, Int16, Int16, attr_t)] = [
                (.title, Int16(COLOR_WHITE), Int16(COLOR_BLUE), B),
                (.header, Int16(COLOR_CYAN), -1, B),
                (.selected, Int16(COLOR_BLACK), Int16(COLOR_CYAN), N),
                (.dim, -1, -1, D),
                (.keyName, Int16(COLOR_BLACK), Int16(COLOR_CYAN), B),
                (.keyLabel, -1, -1, N),
                (.ok, Int16(COLOR_GREEN), -1, B),
                (.error, Int16(COLOR_WHITE), Int16(COLOR_RED), B),
                (.warning, Int16(COLOR_YELLOW), -1, B),
                (.banner, Int16(COLOR_BLACK), Int16(COLOR_YELLOW), N),
                (.field, -1, -1, U),
                (.fieldFocused, Int16(COLOR_BLACK), Int16(COLOR_WHITE), N),
                (.accent, Int16(COLOR_CYAN), -1, B),
            ]
            for (i, (role, fg, bg, attr)) in spec.enumerated() {
                init_pair(Int16(i + 1), fg, bg)
                pairs[role] = (Int16(i + 1), attr)
            }
        } else {
            // Monochrome: meaning carried by bold, reverse and underline alone.
            let spec: [(Role, attr_t)] = [
                (.title, R | B), (.header, B), (.selected, R), (.dim, N), (.keyName, R), (.keyLabel, N),
                (.ok, B), (.error, R | B), (.warning, B), (.banner, R), (.field, U), (.fieldFocused, R | U), (.accent, B),
            ]
            for (role, attr) in spec { pairs[role] = (0, attr) }
        }
        pairs[.normal] = (0, N)
    }

    /// Draws `grid`, sending only the cells that changed since the last frame.
    public func draw(_ grid: Grid) {
        guard let screen else { return }
        let full = previous == nil || previous!.width != grid.width || previous!.height != grid.height
        if full { werase(screen) }
        var cc = cchar_t()
        for y in 0..<grid.height {
            var x = 0
            while x < grid.width {
                let cell = grid[x, y]
                if cell.isContinuation { x += 1; continue }
                let changed = full || previous![x, y] != cell
                    || (cell.width == 2 && x + 1 < grid.width && previous![x + 1, y] != grid[x + 1, y])
                if changed {
                    if cell.width == 2 && x + 1 >= grid.width { break }
                    let (pair, attr) = pairs[cell.role] ?? (0, 0)
                    var wchars = drawable(cell.text)
                    wchars.withUnsafeMutableBufferPointer { buf in
                        _ = setcchar(&cc, buf.baseAddress, attr, pair, nil)
                    }
                    _ = mvwadd_wch(screen, Int32(y), Int32(x), &cc)
                }
                x += max(1, Int(cell.width))
            }
        }
        if let c = grid.cursor {
            _ = curs_set(1)
            _ = wmove(screen, Int32(c.y), Int32(c.x))
        } else {
            _ = curs_set(0)
        }
        wnoutrefresh(screen)
        doupdate()
        previous = grid
    }

    /// Forget what is on screen: the next draw repaints everything (after a resize).
    public func invalidate() { previous = nil }

    /// The scalars ncurses can put in one cell: the spacing character and up to four
    /// non-spacing marks after it, NUL-terminated.
    private func drawable(_ text: String) -> [wchar_t] {
        var out: [wchar_t] = []
        for s in text.unicodeScalars {
            if out.isEmpty { out.append(wchar_t(bitPattern: s.value)); continue }
            if out.count < 5 && CharWidth.of(s) == 0 && s.properties.generalCategory != .format {
                out.append(wchar_t(bitPattern: s.value))
            }
        }
        if out.isEmpty { out.append(32) }
        out.append(0)
        return out
    }

    public enum Input: Equatable {
        case key(Key)
        case resize
        case timeout
        /// Nothing more to read: the terminal is gone (closed window).
        case end
    }

    /// Waits for a key for at most `timeoutMs` milliseconds (-1: forever).
    public func read(timeoutMs: Int32) -> Input {
        guard let screen else { return .end }
        wtimeout(screen, timeoutMs)
        var ch: wint_t = 0
        let r = wget_wch(screen, &ch)
        if r == ERR { return timeoutMs >= 0 && !Self.terminalGone() ? .timeout : .end }
        if r == KEY_CODE_YES {
            let code = Int32(ch)
            if code == KEY_RESIZE { return .resize }
            if let k = Self.decodeKeyCode(code) { return .key(k) }
            return .timeout
        }
        let v = UInt32(ch)
        if v == 0x1B { return readEscape(screen).map { .key($0) } ?? .timeout }
        return .key(Self.decodeChar(v))
    }

    /// Teaches ncurses the Home, End and F-key variants its terminfo entry lacks (ESC[1~ under
    /// xterm, ESC O H under the Linux console…), so it decodes them itself; a sequence it already
    /// knows, or that would hide one it knows, is left alone. What is still unknown reaches
    /// `readEscape` and `KeySequence`.
    private func defineVariants() {
        for (sequence, key) in KeySequence.variants {
            let code: Int32
            switch key {
            case .home: code = KEY_HOME
            case .end: code = KEY_END
            case .f(let n): code = seance_key_f(Int32(n))
            default: continue
            }
            if key_defined(sequence) == 0 { _ = define_key(sequence, code) }
        }
    }

    /// After an Escape that ncurses did not turn into a key: the rest of the sequence, read
    /// without waiting for the user (its bytes are already there, or a few milliseconds away), and
    /// decoded whole. nil: a sequence to ignore.
    private func readEscape(_ screen: UnsafeMutablePointer<WINDOW>) -> Key? {
        var seq: [UInt32] = [0x1B]
        // The first byte after Escape: already read by ncurses while it tried to match a key,
        // or not coming at all (Échap alone; ncurses waited ESCDELAY for it).
        var wait: Int32 = 0
        while true {
            let outcome = KeySequence.decode(seq)
            if case .complete(let key, let length) = outcome {
                // A byte that broke the sequence is read again as itself.
                for s in seq[length...].reversed() { _ = unget_wch(wchar_t(bitPattern: s)) }
                return key
            }
            if seq.count >= KeySequence.maxLength { return nil }
            wtimeout(screen, wait)
            var next: wint_t = 0
            let r = wget_wch(screen, &next)
            if r == ERR {
                if case .complete(let key, let length) = KeySequence.decode(seq, final: true) {
                    for s in seq[length...].reversed() { _ = unget_wch(wchar_t(bitPattern: s)) }
                    return key
                }
                return nil
            }
            if r == KEY_CODE_YES {
                let code = Int32(next)
                // Escape then a key ncurses knows: Alt+that key (Alt+← → move by words).
                if seq.count == 1 {
                    if code == KEY_RESIZE { _ = ungetch(code); return .escape }
                    return KeySequence.alt(Self.decodeKeyCode(code))
                }
                // A known key inside a broken sequence: keep the key, drop the broken part.
                _ = ungetch(code)
                return nil
            }
            seq.append(UInt32(next))
            // Once a sequence has begun, its bytes follow within milliseconds.
            wait = 25
        }
    }

    /// True when the terminal has gone (its window closed without a SIGHUP reaching us, as under
    /// a tracer): reads then fail at once, and the loop would spin instead of ending.
    static func terminalGone() -> Bool {
        var p = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, 0) >= 0 else { return false }
        return p.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    static func decodeChar(_ v: UInt32) -> Key {
        switch v {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(v + 96)!))
        default:
            guard let s = Unicode.Scalar(v) else { return .char("\u{FFFD}") }
            return .char(Character(s))
        }
    }

    /// A key from terminfo's extended name: `kLFT5` (Ctrl+←), `kRIT3` (Alt+→), `kHOM2`…
    /// The digit is xterm's modifier: 2 Maj, 3 Alt, 5 Ctrl.
    static func decodeKeyName(_ name: String) -> Key? {
        let base = String(name.prefix { !$0.isNumber })
        let modifier = Int(name.drop { !$0.isNumber }) ?? 2
        let word = modifier > 2
        switch base {
        case "kLFT": return word ? .wordLeft : .left
        case "kRIT": return word ? .wordRight : .right
        case "kUP": return .up
        case "kDN": return .down
        case "kHOM": return .home
        case "kEND": return .end
        case "kDC": return .delete
        case "kPRV": return .pageUp
        case "kNXT": return .pageDown
        default: return nil
        }
    }

    static func decodeKeyCode(_ c: Int32) -> Key? {
        switch c {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        case KEY_SLEFT: return .left
        case KEY_SRIGHT: return .right
        case KEY_SHOME, KEY_BEG, KEY_A1, KEY_FIND: return .home     // ESC[1~ is « find » in some entries
        case KEY_SEND, KEY_C1, KEY_SELECT: return .end              // ESC[4~ is « select »
        case KEY_SDC: return .delete
        default:
            if c > KEY_F0 && c <= KEY_F0 + 12 { return .f(Int(c - KEY_F0)) }
            // Modified keys have no fixed codes: terminfo's extended names tell them apart
            // (kLFT5 is Ctrl+←, kRIT3 Alt+→, kHOM5 Ctrl+Début…).
            guard let name = keyname(c).map({ String(cString: $0) }) else { return nil }
            return decodeKeyName(name)
        }
    }
}
