import Testing
@testable import SeanceModel

/// W1 of shared/notes/ranking.md §2: weighted sum and weight sensitivity, exact.
@Suite("Ranking: weighted criteria (W1)")
struct WeightedCriteriaTests {
    static let w1: WeightedGrid = {
        let criteria = [("econ", "économiquement viable", 25), ("soc", "socialement équitable", 20), ("eco", "écologique", 25),
                        ("urg", "urgence", 15), ("feas", "faisabilité", 15)]
            .map { Criterion(id: $0.0, name: $0.1, weight: Rational($0.2, 100)) }
        let actions = [("A1", "Rénovation école"), ("A2", "Piste cyclable"), ("A3", "Maison de santé"), ("A4", "Éclairage LED")]
            .map { Candidate(id: $0.0, name: $0.1) }
        let scores = [[3, 4, 4, 5, 2], [2, 3, 5, 2, 4], [4, 5, 2, 4, 3], [5, 1, 4, 2, 5]].map { $0.map { Rational($0) } }
        return WeightedGrid(criteria: criteria, actions: actions, scores: scores)
    }()

    @Test func totalsAndRanking() {
        #expect(Self.w1.totals() == [Rational(18, 5), Rational(13, 4), Rational(71, 20), Rational(7, 2)])
        let r = Self.w1.ranking()
        #expect(r.order.map { Self.w1.actions[$0].id } == ["A1", "A3", "A4", "A2"])
        #expect(r.method == .weighted)
        #expect(r.tieBreak == "Ex aequo départagés par : l'ordre de la liste initiale.")
    }

    @Test func stabilityIntervals() {
        let got = Self.w1.stabilityIntervals().map { [$0.lower, $0.upper] }
        let expected: [[Rational]] = [[Rational(2, 11), Rational(2, 7)], [Rational(15, 79), Rational(5, 21)],
                                      [Rational(3, 13), Rational(11, 41)], [Rational(5, 39), .one], [.zero, Rational(7, 41)]]
        #expect(got == expected)
        #expect(Self.w1.stabilityIntervals().map(\.current) == [25, 20, 25, 15, 15].map { Rational($0, 100) })
    }

    @Test func neighbourSwaps() throws {
        let swaps = Self.w1.neighbourSwaps()
        #expect(swaps.map { [$0.upper, $0.lower] } == [[0, 2], [2, 3], [3, 1]])
        // A3 and A4 tie when feasibility weighs 7/41: the others become (10, 8, 10, 6)/41, both total 145/41.
        let feas = swaps[1].points[4]
        #expect(feas.share == Rational(7, 41))
        var g = Self.w1
        g.criteria = zip(g.criteria, [10, 8, 10, 6, 7]).map { c, w in Criterion(id: c.id, name: c.name, weight: Rational(w, 41)) }
        #expect(g.totals()[2] == Rational(145, 41))
        #expect(g.totals()[3] == Rational(145, 41))
        // Without renormalisation: (S_A4 − S_A3) / d = (7/2 − 71/20) / (3 − 5) = 1/40.
        #expect(feas.shift == Rational(1, 40))
        let sentence = Fr.Ranking.swapSentence(upper: "A3", lower: "A4", criterion: "faisabilité", share: feas.share!, current: Rational(15, 100))
        #expect(sentence == "A3 et A4 s'échangent si « faisabilité » pèse plus de 17,07\u{00A0}% (actuellement 15,00\u{00A0}%)")
        // The most fragile weight for this pair is « socialement équitable »: 20 % → 15/79 ≈ 18.99 %.
        let closest = try #require(swaps[1].closest)
        #expect(closest.criterion == 1 && closest.share == Rational(15, 79))
    }

    @Test func tiesStayTies() {
        // With Double, weights (0.1, 0.2, 0.3) score (1, 1, 0) as 0.30000000000000004 > 0.3.
        let c = [1, 2, 3].map { Criterion(id: "k\($0)", name: "", weight: Rational($0, 10)) }
        let a = [Candidate(id: "x", name: "x"), Candidate(id: "y", name: "y")]
        let g = WeightedGrid(criteria: c, actions: a, scores: [[1, 1, 0], [0, 0, 1]].map { $0.map { Rational($0) } },
                             costs: [Money(euros: 20), Money(euros: 10)])
        #expect(g.totals()[0] == g.totals()[1])
        let r = g.ranking()
        #expect(r.tiers == [[1, 0]])   // one tier, the cheaper first
        #expect(r.tieBreak.contains("le coût le plus bas"))
    }

    @Test func neighboursGiveTheSameIntervalsAsAllPairs() {
        var rng = RankingRandom(seed: 41)
        for _ in 0..<40 {
            let k = Int.random(in: 2...5, using: &rng), n = Int.random(in: 2...12, using: &rng)
            let c = (0..<k).map { Criterion(id: "k\($0)", name: "", weight: Rational(Int.random(in: 0...10, using: &rng), 10)) }
            let a = (0..<n).map { Candidate(id: "a\($0)", name: "") }
            let s = (0..<n).map { _ in (0..<k).map { _ in Rational(Int.random(in: 0...5, using: &rng)) } }
            let g = WeightedGrid(criteria: c, actions: a, scores: s)
            let all = (0..<n).flatMap { x in ((x + 1)..<n).map { (x, $0) } }
            #expect(g.stabilityIntervals() == g.stabilityIntervals(pairs: all))
        }
    }

    @Test func presetSharesAreEqual() {
        #expect(Set(WeightedGrid.sustainableDevelopment.map(\.weight)) == [Rational(1, 3)])
    }
}
