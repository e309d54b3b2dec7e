/// An exact amount of euros, in integer cents: never a binary float.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }
    public init(euros: Int64) { self.cents = euros * 100 }
    public static let zero = Money(cents: 0)

    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }
    /// What a journal may hold: up to 100 milliards d'euros either way, so that sums of a
    /// journal's amounts stay far from Int64's limits.
    public static let journalRange: ClosedRange<Int64> = -10_000_000_000_000...10_000_000_000_000

    // Saturating: no amount read from a file, however large, can make the program trap.
    public static func + (a: Money, b: Money) -> Money {
        let (r, o) = a.cents.addingReportingOverflow(b.cents)
        return Money(cents: o ? (b.cents > 0 ? .max : .min) : r)
    }
    public static func - (a: Money, b: Money) -> Money {
        let (r, o) = a.cents.subtractingReportingOverflow(b.cents)
        return Money(cents: o ? (b.cents < 0 ? .max : .min) : r)
    }
    public static func += (a: inout Money, b: Money) { a = a + b }

    /// The journal form: `1250000.00`.
    public var journalValue: String {
        let neg = cents < 0
        let m = cents.magnitude
        let frac = m % 100
        return (neg ? "-" : "") + String(m / 100) + "." + (frac < 10 ? "0" : "") + String(frac)
    }

    public var description: String { journalValue }

    /// Parses the journal form, strictly: digits, a dot, exactly two digits.
    public init?(journalValue s: Substring) {
        var u = s.utf8[...]
        var neg = false
        if u.first == UInt8(ascii: "-") { neg = true; u = u.dropFirst() }
        guard let dot = u.firstIndex(of: UInt8(ascii: ".")) else { return nil }
        let whole = u[..<dot], frac = u[u.index(after: dot)...]
        guard !whole.isEmpty, whole.count <= 15, frac.count == 2 else { return nil }
        var v: Int64 = 0
        for b in whole { guard b >= 48 && b <= 57 else { return nil }; v = v * 10 + Int64(b - 48) }
        for b in frac { guard b >= 48 && b <= 57 else { return nil }; v = v * 10 + Int64(b - 48) }
        cents = neg ? -v : v
    }

    /// Parses what a person types: `1 250 000`, `1250000,50`, `28 500 €`, `12.5`.
    public init?(userInput: String) {
        var digits = ""
        var fraction: String? = nil
        var neg = false
        for ch in userInput {
            switch ch {
            case " ", "\u{00A0}", "\u{202F}", "€", "'": continue
            case "-" where digits.isEmpty && fraction == nil: neg = true
            case ",", ".":
                if fraction != nil { return nil }
                fraction = ""
            case "0"..."9":
                if fraction != nil { fraction!.append(ch) } else { digits.append(ch) }
            default: return nil
            }
        }
        if digits.isEmpty { digits = "0" }
        guard digits.count <= 15, let whole = Int64(digits) else { return nil }
        let f = fraction ?? ""
        guard f.count <= 2 else { return nil }
        let fracCents = Int64((f + String(repeating: "0", count: 2 - f.count))) ?? 0
        if userInput.allSatisfy({ $0 == " " }) { return nil }
        let c = (whole * 100 + fracCents) * (neg ? -1 : 1)
        guard Money.journalRange.contains(c) else { return nil }
        cents = c
    }

    /// The French form: `1 250 000,00 €` (narrow no-break spaces between thousands).
    public var french: String {
        let neg = cents < 0
        let m = cents.magnitude
        let whole = String(m / 100)
        var grouped = ""
        for (i, ch) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { grouped.append("\u{202F}") }
            grouped.append(ch)
        }
        let frac = m % 100
        return (neg ? "-" : "") + grouped + "," + (frac < 10 ? "0" : "") + String(frac) + "\u{00A0}€"
    }

    /// Whole euros, French grouping, for tight columns: `1 250 000 €`.
    public var frenchRounded: String {
        let euros = (cents.magnitude + 50) / 100
        let whole = String(euros)
        var grouped = ""
        for (i, ch) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { grouped.append("\u{202F}") }
            grouped.append(ch)
        }
        return (cents < 0 ? "-" : "") + grouped + "\u{00A0}€"
    }
}
