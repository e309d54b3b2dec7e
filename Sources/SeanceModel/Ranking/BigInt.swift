/// A signed integer of any size: the fallback of `Rational` when Int64 overflows, and the count of
/// Kemeny optima (24! does not fit in 64 bits). Small and plain, not fast: it is rarely reached.
public struct BigInt: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Magnitude, least significant limb first, no leading zero limb; zero is `[]`.
    var limbs: [UInt32]
    /// Never true for zero.
    var negative: Bool

    public static let zero = BigInt(limbs: [], negative: false)
    public static let one = BigInt(1)

    init(limbs: [UInt32], negative: Bool) {
        var l = limbs
        while l.last == 0 { l.removeLast() }
        self.limbs = l
        self.negative = l.isEmpty ? false : negative
    }

    public init(_ value: Int64) {
        var m = value.magnitude
        var l: [UInt32] = []
        while m > 0 { l.append(UInt32(truncatingIfNeeded: m)); m >>= 32 }
        self.init(limbs: l, negative: value < 0)
    }

    public init(_ value: Int) { self.init(Int64(value)) }

    public init(_ value: UInt64) {
        self.init(limbs: [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)], negative: false)
    }

    public var isZero: Bool { limbs.isEmpty }
    public var signum: Int { isZero ? 0 : (negative ? -1 : 1) }
    public var magnitude: BigInt { BigInt(limbs: limbs, negative: false) }

    /// The value as an Int64, or nil when it does not fit.
    public var int64: Int64? {
        if limbs.count > 2 { return nil }
        var m: UInt64 = 0
        for (i, l) in limbs.enumerated() { m |= UInt64(l) << (32 * UInt64(i)) }
        if negative {
            if m <= UInt64(Int64.max) { return -Int64(m) }
            return m == UInt64(Int64.max) + 1 ? Int64.min : nil
        }
        return m <= UInt64(Int64.max) ? Int64(m) : nil
    }

    // MARK: magnitudes

    static func compareMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var i = a.count - 1
        while i >= 0 {
            if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            i -= 1
        }
        return 0
    }

    static func addMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        var out = [UInt32](); out.reserveCapacity(long.count + 1)
        var carry: UInt64 = 0
        for i in 0..<long.count {
            let s = UInt64(long[i]) + (i < short.count ? UInt64(short[i]) : 0) + carry
            out.append(UInt32(truncatingIfNeeded: s)); carry = s >> 32
        }
        if carry > 0 { out.append(UInt32(carry)) }
        return out
    }

    /// a − b, with a ≥ b.
    static func subtractMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out = [UInt32](); out.reserveCapacity(a.count)
        var borrow: Int64 = 0
        for i in 0..<a.count {
            var d = Int64(a[i]) - (i < b.count ? Int64(b[i]) : 0) - borrow
            if d < 0 { d += 1 << 32; borrow = 1 } else { borrow = 0 }
            out.append(UInt32(d))
        }
        while out.last == 0 { out.removeLast() }
        return out
    }

    static func multiplyMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        if a.isEmpty || b.isEmpty { return [] }
        var out = [UInt32](repeating: 0, count: a.count + b.count)
        for i in 0..<a.count {
            var carry: UInt64 = 0
            let ai = UInt64(a[i])
            for j in 0..<b.count {
                let t = ai * UInt64(b[j]) + UInt64(out[i + j]) + carry
                out[i + j] = UInt32(truncatingIfNeeded: t); carry = t >> 32
            }
            out[i + b.count] = UInt32(carry)
        }
        while out.last == 0 { out.removeLast() }
        return out
    }

    /// Quotient and remainder of magnitudes (Knuth's algorithm D, as in Hacker's Delight `divmnu`).
    static func divideMagnitudes(_ u: [UInt32], _ v: [UInt32]) -> (q: [UInt32], r: [UInt32]) {
        precondition(!v.isEmpty, "division by zero")
        if compareMagnitudes(u, v) < 0 { return ([], u) }
        if v.count == 1 {
            let d = UInt64(v[0])
            var q = [UInt32](repeating: 0, count: u.count)
            var r: UInt64 = 0
            for i in stride(from: u.count - 1, through: 0, by: -1) {
                let cur = (r << 32) | UInt64(u[i])
                q[i] = UInt32(cur / d); r = cur % d
            }
            while q.last == 0 { q.removeLast() }
            return (q, r == 0 ? [] : [UInt32(r)])
        }
        let b: UInt64 = 1 << 32
        let n = v.count, m = u.count - n
        let s = UInt32(v[n - 1].leadingZeroBitCount)
        var vn = [UInt32](repeating: 0, count: n)
        for i in stride(from: n - 1, to: 0, by: -1) {
            vn[i] = s == 0 ? v[i] : (v[i] << s) | (v[i - 1] >> (32 - s))
        }
        vn[0] = v[0] << s
        var un = [UInt32](repeating: 0, count: u.count + 1)
        un[u.count] = s == 0 ? 0 : u[u.count - 1] >> (32 - s)
        for i in stride(from: u.count - 1, to: 0, by: -1) {
            un[i] = s == 0 ? u[i] : (u[i] << s) | (u[i - 1] >> (32 - s))
        }
        un[0] = u[0] << s
        var q = [UInt32](repeating: 0, count: m + 1)
        for j in stride(from: m, through: 0, by: -1) {
            let num = (UInt64(un[j + n]) << 32) | UInt64(un[j + n - 1])
            var qhat = num / UInt64(vn[n - 1])
            var rhat = num % UInt64(vn[n - 1])
            while qhat >= b || qhat * UInt64(vn[n - 2]) > ((rhat << 32) | UInt64(un[j + n - 2])) {
                qhat -= 1; rhat += UInt64(vn[n - 1])
                if rhat >= b { break }
            }
            var k: Int64 = 0
            var t: Int64 = 0
            for i in 0..<n {
                let p = qhat * UInt64(vn[i])
                t = Int64(un[i + j]) - k - Int64(p & 0xFFFF_FFFF)
                un[i + j] = UInt32(truncatingIfNeeded: t)
                k = Int64(p >> 32) - (t >> 32)
            }
            t = Int64(un[j + n]) - k
            un[j + n] = UInt32(truncatingIfNeeded: t)
            if t < 0 {
                qhat -= 1
                var carry: UInt64 = 0
                for i in 0..<n {
                    let sum = UInt64(un[i + j]) + UInt64(vn[i]) + carry
                    un[i + j] = UInt32(truncatingIfNeeded: sum); carry = sum >> 32
                }
                un[j + n] = UInt32(truncatingIfNeeded: UInt64(un[j + n]) + carry)
            }
            q[j] = UInt32(truncatingIfNeeded: qhat)
        }
        var r = [UInt32](repeating: 0, count: n)
        for i in 0..<n {
            r[i] = s == 0 ? un[i] : (un[i] >> s) | (un[i + 1] << (32 - s))
        }
        while q.last == 0 { q.removeLast() }
        while r.last == 0 { r.removeLast() }
        return (q, r)
    }

    // MARK: arithmetic

    public static prefix func - (a: BigInt) -> BigInt { BigInt(limbs: a.limbs, negative: !a.negative) }

    public static func + (a: BigInt, b: BigInt) -> BigInt {
        if a.negative == b.negative { return BigInt(limbs: addMagnitudes(a.limbs, b.limbs), negative: a.negative) }
        let c = compareMagnitudes(a.limbs, b.limbs)
        if c == 0 { return .zero }
        return c > 0
            ? BigInt(limbs: subtractMagnitudes(a.limbs, b.limbs), negative: a.negative)
            : BigInt(limbs: subtractMagnitudes(b.limbs, a.limbs), negative: b.negative)
    }

    public static func - (a: BigInt, b: BigInt) -> BigInt { a + (-b) }

    public static func * (a: BigInt, b: BigInt) -> BigInt {
        BigInt(limbs: multiplyMagnitudes(a.limbs, b.limbs), negative: a.negative != b.negative)
    }

    public static func += (a: inout BigInt, b: BigInt) { a = a + b }
    public static func *= (a: inout BigInt, b: BigInt) { a = a * b }

    /// Truncating division, as Swift's integers: the remainder has the sign of the dividend.
    public func quotientAndRemainder(dividingBy d: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        let (q, r) = BigInt.divideMagnitudes(limbs, d.limbs)
        return (BigInt(limbs: q, negative: negative != d.negative), BigInt(limbs: r, negative: negative))
    }

    public static func / (a: BigInt, b: BigInt) -> BigInt { a.quotientAndRemainder(dividingBy: b).quotient }
    public static func % (a: BigInt, b: BigInt) -> BigInt { a.quotientAndRemainder(dividingBy: b).remainder }

    /// The greatest common divisor of the magnitudes (0 only when both are 0).
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        var x = a.limbs, y = b.limbs
        while !y.isEmpty { (x, y) = (y, divideMagnitudes(x, y).r) }
        return BigInt(limbs: x, negative: false)
    }

    public static func < (a: BigInt, b: BigInt) -> Bool {
        if a.negative != b.negative { return a.negative }
        let c = compareMagnitudes(a.limbs, b.limbs)
        return a.negative ? c > 0 : c < 0
    }

    public var description: String {
        if isZero { return "0" }
        var chunks: [UInt32] = []
        var m = limbs
        let billion: [UInt32] = [1_000_000_000]
        while !m.isEmpty {
            let (q, r) = BigInt.divideMagnitudes(m, billion)
            chunks.append(r.first ?? 0); m = q
        }
        var s = negative ? "-" : ""
        s += String(chunks.removeLast())
        for c in chunks.reversed() {
            let part = String(c)
            s += String(repeating: "0", count: 9 - part.count) + part
        }
        return s
    }
}
