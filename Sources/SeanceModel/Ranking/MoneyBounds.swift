/// Amounts of an Equal Shares run as whole multiples of 2^-shift cents, rounded down and up:
/// an exact budget b lies in [lo, hi] / 2^shift. Comparisons that the bounds settle are settled
/// by them, in Int64 (products of two in 128 bits); the others go to the exact rationals. No
/// floating point: a comparison is decided only when the bounds prove it.
struct MoneyBounds: Equatable {
    /// 2^-shift cents is the unit.
    let shift: Int

    /// A unit in which `largest` cents, the most money a run handles (all the voters' budgets
    /// together, or the dearest project), stays below 2^60; nil when even cents do not.
    init?(largest: Rational) {
        let (q, _) = largest.numerator.quotientAndRemainder(dividingBy: largest.denominator)
        let bits = q.limbs.count * 32 - (q.limbs.last?.leadingZeroBitCount ?? 32)
        guard bits < 60 else { return nil }
        shift = min(60 - bits, 62)
    }

    /// ⌊r · 2^shift⌋ and ⌈r · 2^shift⌉, for r ≥ 0 within the run's money.
    func bounds(_ r: Rational) -> (lo: Int64, hi: Int64) {
        let scaled = r.numerator * BigInt(Int64(1) << shift)
        let (q, rem) = scaled.quotientAndRemainder(dividingBy: r.denominator)
        let whole = q.int64!
        return rem.isZero ? (whole, whole) : (whole, whole + 1)
    }

    /// `cents` in the unit (exact: costs are whole cents within the run's money).
    func exact(_ cents: Int64) -> Int64 { cents << shift }
}

/// a·b < c·d, in 128 bits.
@inline(__always)
func productLess(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) -> Bool {
    let l = a.multipliedFullWidth(by: b), r = c.multipliedFullWidth(by: d)
    return l.high != r.high ? l.high < r.high : l.low < r.low
}

/// ⌊n / d⌋ and ⌈n / d⌉ for d > 0.
@inline(__always)
func floorDiv(_ n: Int64, _ d: Int64) -> Int64 {
    let (q, r) = n.quotientAndRemainder(dividingBy: d)
    return r < 0 ? q - 1 : q
}

@inline(__always)
func ceilDiv(_ n: Int64, _ d: Int64) -> Int64 {
    let (q, r) = n.quotientAndRemainder(dividingBy: d)
    return r > 0 ? q + 1 : q
}
