/// An exact fraction for weights, scores and shares of a budget: a tie stays a tie and
/// 14 × (1 250 000 / 14) is 1 250 000. Int64 while it fits, `BigInt` beyond (never rounded).
///
/// Always reduced, with a positive denominator, and stored small whenever both parts fit in
/// Int64, so that equal values have equal storage (`==` and hashing are structural).
public struct Rational: Hashable, Comparable, Sendable, CustomStringConvertible {
    enum Storage: Hashable, Sendable {
        case small(Int64, Int64)
        case big(BigInt, BigInt)
    }
    var storage: Storage

    public static let zero = Rational(0)
    public static let one = Rational(1)

    public init(_ n: Int64) { storage = .small(n, 1) }
    public init(_ n: Int) { storage = .small(Int64(n), 1) }

    /// n / d, reduced. `d` must not be zero.
    public init(_ n: Int64, _ d: Int64) {
        precondition(d != 0, "zero denominator")
        if n == Int64.min || d == Int64.min {
            self = Rational(big: BigInt(n), BigInt(d))
            return
        }
        var num = n, den = d
        if den < 0 { num = -num; den = -den }
        let g = Rational.gcd(num.magnitude, den.magnitude)
        if g > 1 { num /= Int64(g); den /= Int64(g) }
        storage = .small(num, den)
    }

    public init(_ n: Int, _ d: Int) { self.init(Int64(n), Int64(d)) }

    public init(_ n: BigInt) { self.init(big: n, .one) }

    /// n / d, reduced; stored small when it fits.
    public init(big n: BigInt, _ d: BigInt) {
        precondition(!d.isZero, "zero denominator")
        var num = n, den = d
        if den.negative { num = -num; den = -den }
        let g = BigInt.gcd(num, den)
        if g != .one && !g.isZero { num = num / g; den = den / g }
        if let sn = num.int64, let sd = den.int64, sn != Int64.min {
            storage = .small(sn, sd)
        } else {
            storage = .big(num, den)
        }
    }

    /// An amount of money as a number of cents.
    public init(cents money: Money) { self.init(money.cents) }

    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var x = a, y = b
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    public var numerator: BigInt {
        switch storage { case .small(let n, _): BigInt(n); case .big(let n, _): n }
    }
    public var denominator: BigInt {
        switch storage { case .small(_, let d): BigInt(d); case .big(_, let d): d }
    }

    /// The value when it is a whole number that fits in Int64.
    public var int64: Int64? {
        if case .small(let n, 1) = storage { return n }
        return nil
    }

    public var isInteger: Bool { denominator == .one }
    public var signum: Int {
        switch storage {
        case .small(let n, _): n == 0 ? 0 : (n < 0 ? -1 : 1)
        case .big(let n, _): n.signum
        }
    }
    public var isZero: Bool { signum == 0 }

    var bigParts: (BigInt, BigInt) {
        switch storage {
        case .small(let n, let d): (BigInt(n), BigInt(d))
        case .big(let n, let d): (n, d)
        }
    }

    // MARK: arithmetic

    public static prefix func - (a: Rational) -> Rational {
        switch a.storage {
        case .small(let n, let d): Rational(storage: .small(-n, d))
        case .big(let n, let d): Rational(big: -n, d)
        }
    }

    init(storage: Storage) { self.storage = storage }

    public static func + (a: Rational, b: Rational) -> Rational {
        if case .small(let an, let ad) = a.storage, case .small(let bn, let bd) = b.storage {
            if ad == 1 && bd == 1 {
                let (s, o) = an.addingReportingOverflow(bn)
                if !o && s != Int64.min { return Rational(storage: .small(s, 1)) }
            } else {
                let g = Int64(gcd(ad.magnitude, bd.magnitude))
                let (x, o1) = an.multipliedReportingOverflow(by: bd / g)
                let (y, o2) = bn.multipliedReportingOverflow(by: ad / g)
                let (num, o3) = x.addingReportingOverflow(y)
                let (den, o4) = ad.multipliedReportingOverflow(by: bd / g)
                if !(o1 || o2 || o3 || o4) { return Rational(num, den) }
            }
        }
        let (an, ad) = a.bigParts, (bn, bd) = b.bigParts
        return Rational(big: an * bd + bn * ad, ad * bd)
    }

    public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }

    public static func * (a: Rational, b: Rational) -> Rational {
        if case .small(let an, let ad) = a.storage, case .small(let bn, let bd) = b.storage {
            // Denominators are ≥ 1, so neither gcd is 0; cross-reducing first keeps the result reduced.
            let g1 = Int64(gcd(an.magnitude, bd.magnitude)), g2 = Int64(gcd(bn.magnitude, ad.magnitude))
            let (num, o1) = (an / g1).multipliedReportingOverflow(by: bn / g2)
            let (den, o2) = (ad / g2).multipliedReportingOverflow(by: bd / g1)
            if !o1 && !o2 && num != Int64.min { return Rational(storage: .small(num, num == 0 ? 1 : den)) }
        }
        let (an, ad) = a.bigParts, (bn, bd) = b.bigParts
        return Rational(big: an * bn, ad * bd)
    }

    public static func / (a: Rational, b: Rational) -> Rational {
        precondition(!b.isZero, "division by zero")
        switch b.storage {
        case .small(let n, let d): return a * Rational(d, n)
        case .big(let n, let d): return a * Rational(big: d, n)
        }
    }

    public static func += (a: inout Rational, b: Rational) { a = a + b }
    public static func -= (a: inout Rational, b: Rational) { a = a - b }
    public static func *= (a: inout Rational, b: Rational) { a = a * b }

    public static func < (a: Rational, b: Rational) -> Bool {
        if case .small(let an, let ad) = a.storage, case .small(let bn, let bd) = b.storage {
            if ad == bd { return an < bn }
            let l = an.multipliedFullWidth(by: bd), r = bn.multipliedFullWidth(by: ad)
            return l.high != r.high ? l.high < r.high : l.low < r.low
        }
        let (an, ad) = a.bigParts, (bn, bd) = b.bigParts
        return an * bd < bn * ad
    }

    public static func min(_ a: Rational, _ b: Rational) -> Rational { b < a ? b : a }

    // MARK: text

    /// `18/5`, `-3`, `1250000`.
    public var description: String {
        switch storage {
        case .small(let n, let d): d == 1 ? String(n) : "\(n)/\(d)"
        case .big(let n, let d): d == .one ? n.description : "\(n)/\(d)"
        }
    }

    /// The value rounded half away from zero to `digits` decimals, for display only:
    /// `Rational(7, 41).decimal(2, separator: ",")` is `0,17`.
    public func decimal(_ digits: Int, separator: String = ",") -> String {
        var scale = BigInt.one
        for _ in 0..<digits { scale *= BigInt(10) }
        let (n, d) = bigParts
        let scaled = n.magnitude * scale
        var (q, r) = scaled.quotientAndRemainder(dividingBy: d)
        if r * BigInt(2) >= d { q += .one }
        var s = q.description
        if digits > 0 {
            if s.count <= digits { s = String(repeating: "0", count: digits - s.count + 1) + s }
            s.insert(contentsOf: separator, at: s.index(s.endIndex, offsetBy: -digits))
        }
        return (n.negative && !q.isZero ? "-" : "") + s
    }

    /// A fraction shown as a French percentage with two decimals: `Rational(7, 41).percent` is `17,07 %`.
    public var percent: String { (self * Rational(100)).decimal(2) + "\u{00A0}%" }
}
