/// A quantity of an Equal Shares run seen as a function of the budget per voter b:
/// `constant + slope·b`, with its exact value at the b the run is made for.
///
/// While a run takes the same decisions (which project is funded, which supporters pay all they
/// have), every budget, price and ρ in it is such a function of b; so the comparisons it made
/// tell for which larger b it would take them again (`Stability`), and add1 can skip those raises.
struct AffineInBudget {
    var constant: Rational
    var slope: Rational
    /// `constant + slope·b` at the run's b.
    var value: Rational

    static let zero = AffineInBudget(constant: .zero, slope: .zero, value: .zero)

    /// b itself.
    static func budget(_ b: Rational) -> AffineInBudget { AffineInBudget(constant: .zero, slope: .one, value: b) }

    static func constant(_ c: Rational) -> AffineInBudget { AffineInBudget(constant: c, slope: .zero, value: c) }

    static func + (x: AffineInBudget, y: AffineInBudget) -> AffineInBudget {
        AffineInBudget(constant: x.constant + y.constant, slope: sum(x.slope, y.slope), value: x.value + y.value)
    }

    static func - (x: AffineInBudget, y: AffineInBudget) -> AffineInBudget {
        AffineInBudget(constant: x.constant - y.constant, slope: sum(x.slope, -y.slope), value: x.value - y.value)
    }

    /// The slopes are mostly 0 or 1: spare the arithmetic then.
    private static func sum(_ a: Rational, _ b: Rational) -> Rational {
        if a.isZero { return b }
        if b.isZero { return a }
        return a + b
    }

    func times(_ r: Rational) -> AffineInBudget {
        AffineInBudget(constant: constant * r, slope: slope.isZero ? .zero : slope * r, value: value * r)
    }

    func times(_ n: Int) -> AffineInBudget {
        n == 1 ? self : times(Rational(n))
    }
}

/// The budgets per voter from the run's b up to `limit` (excluded; no end when nil) for which
/// every comparison the run recorded comes out as it did at b.
struct Stability {
    let b: Rational
    private(set) var limit: Rational?

    init(b: Rational) { self.b = b }

    /// Nothing beyond b is certain any more.
    var closed: Bool { limit == b }

    /// Records a comparison as the sign of `d` (the difference of the two sides): the interval
    /// ends where d reaches zero. A zero at b itself ends it at once (which side wins a tie is
    /// not worth tracking); `valueSign` is d's sign at b when the caller already knows it.
    mutating func keep(_ d: AffineInBudget, valueSign: Int? = nil) {
        if closed || d.slope.isZero { return }
        let s = valueSign ?? d.value.signum
        if s == 0 { limit = b; return }
        if s == d.slope.signum { return }   // moving away from zero as b grows
        let zero = -d.constant / d.slope
        if limit.map({ zero < $0 }) ?? true { limit = zero }
    }

    /// `keep(x - y)` where the caller knows how x and y compare at b, without computing the
    /// difference unless the slopes say the order can change.
    mutating func keep(_ x: AffineInBudget, minus y: AffineInBudget, valueSign s: Int) {
        if closed { return }
        let slopeSign = x.slope == y.slope ? 0 : (x.slope < y.slope ? -1 : 1)
        if slopeSign == 0 || (s != 0 && s == slopeSign) { return }
        keep(x - y, valueSign: s)
    }
}
