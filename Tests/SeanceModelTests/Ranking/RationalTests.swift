import Testing
@testable import SeanceModel

@Suite("Ranking: exact numbers")
struct RationalTests {
    @Test func shareOfTheEnvelope() {
        let envelope = Rational(1_250_000)
        #expect(Rational(14) * (envelope / Rational(14)) == envelope)
        var sum = Rational.zero
        for _ in 0..<14 { sum += envelope / Rational(14) }
        #expect(sum == envelope)
        #expect(Rational(1, 3) * Rational(3) == .one)
        #expect(Rational(1, 10) + Rational(2, 10) == Rational(3, 10))
    }

    @Test func normalForm() {
        #expect(Rational(6, -4) == Rational(-3, 2))
        #expect(Rational(6, -4).description == "-3/2")
        #expect(Rational(0, 5) == .zero)
        #expect(Rational(10, 5).int64 == 2)
        #expect(Rational(Int64.min, 2).description == "-4611686018427387904")
        #expect(Rational(7, 41).percent == "17,07\u{00A0}%")
        #expect(Rational(-1, 3).decimal(3) == "-0,333")
        #expect(Rational(2, 3).decimal(0) == "1")
    }

    @Test func overflowFallsBackToBigIntegers() {
        let big = Rational(Int64.max, 3)
        let sum = big + big + big
        #expect(sum.description == "9223372036854775807")
        let product = Rational(Int64.max) * Rational(Int64.max)
        #expect(product.description == "85070591730234615847396907784232501249")
        // And comes back small when it fits again.
        #expect(product / Rational(Int64.max) == Rational(Int64.max))
        if case .small = (product / Rational(Int64.max)).storage {} else { Issue.record("not small again") }
        let tiny = Rational(1, Int64.max) * Rational(1, Int64.max - 1)
        #expect(tiny < Rational(1, Int64.max))
        #expect(tiny * Rational(Int64.max) * Rational(Int64.max - 1) == .one)
    }

    @Test func bigIntegersAgainstInt128() {
        var rng = RankingRandom(seed: 7)
        for _ in 0..<2000 {
            let a = Int64.random(in: Int64.min / 2...Int64.max / 2, using: &rng)
            let b = Int64.random(in: Int64.min / 2...Int64.max / 2, using: &rng)
            let c = Int64.random(in: 1...Int64.max, using: &rng) >> Int64.random(in: 0...62, using: &rng) | 1
            let p = Int128(a) * Int128(b)
            let bp = BigInt(a) * BigInt(b)
            #expect(bp.description == String(p))
            let (q, r) = p.quotientAndRemainder(dividingBy: Int128(c))
            let (bq, br) = bp.quotientAndRemainder(dividingBy: BigInt(c))
            #expect(bq.description == String(q) && br.description == String(r))
            #expect((bp + BigInt(c)).description == String(p + Int128(c)))
            #expect((bp < BigInt(c)) == (p < Int128(c)))
        }
        // Multi-limb divisors (Knuth D with its rare add-back step).
        let x = BigInt(UInt64.max) * BigInt(UInt64.max) * BigInt(UInt64.max)
        let y = BigInt(UInt64.max) * BigInt(Int64.max)
        let (q, r) = x.quotientAndRemainder(dividingBy: y)
        #expect(q * y + r == x)
        #expect(r < y && r.signum >= 0)
        #expect(BigInt.gcd(x, y) == BigInt(UInt64.max))
    }
}
