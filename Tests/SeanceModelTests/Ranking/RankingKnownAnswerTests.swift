import Testing
@testable import SeanceModel

/// The worked examples of shared/notes/ranking.md §1.3, checked there with pref_voting.
@Suite("Ranking: known answers (R1–R4)")
struct RankingKnownAnswerTests {
    /// R1, Wikipedia's Schulze example: 45 voters, A–E.
    static let r1 = letterProfile([("ACBED", 5), ("ADECB", 5), ("BEDAC", 8), ("CABED", 3), ("CAEBD", 7),
                                   ("CBADE", 2), ("DCEBA", 7), ("EBADC", 8)], candidates: "ABCDE")

    @Test func r1Matrix() {
        let m = PairwiseMatrix(Self.r1)
        let expected = [[0, 20, 26, 30, 22], [25, 0, 16, 33, 18], [19, 29, 0, 17, 24], [15, 12, 28, 0, 14], [23, 27, 21, 31, 0]]
        for x in 0..<5 { for y in 0..<5 { #expect(m[x, y] == expected[x][y]) } }
        #expect(m.voters == 45)
        #expect(m.condorcetWinner == nil)
    }

    @Test func r1Schulze() {
        let m = PairwiseMatrix(Self.r1)
        #expect(m.strongestPaths(.winningVotes) == [[0, 28, 28, 30, 24], [25, 0, 28, 33, 24], [25, 29, 0, 29, 24],
                                                    [25, 28, 28, 0, 24], [25, 28, 28, 31, 0]])
        for s in [SchulzeStrength.margins, .winningVotes] {
            let r = Self.r1.ranking(by: .schulze, options: RankingOptions(schulzeStrength: s))
            #expect(orderIDs(r, Self.r1) == "EACBD")
            #expect(r.tiers.allSatisfy { $0.count == 1 })
        }
    }

    @Test func r1Borda() {
        let r = Self.r1.ranking(by: .borda)
        #expect(orderIDs(r, Self.r1) == "EABCD")
        #expect(r.scores == [98, 92, 89, 69, 102].map { Rational($0) })
    }

    @Test func r1Copeland() {
        let r = Self.r1.ranking(by: .copeland)
        // Wins + ½ ties: E 3, A 2, B 2, C 2, D 1; pref_voting reports wins − losses.
        #expect(r.scores == [0, 0, 0, -2, 2].map { Rational($0) })
        #expect(tierIDs(r, Self.r1) == [["E"], ["A", "B", "C"], ["D"]])
        #expect(r.tierRanks == [1, 2, 5])
    }

    @Test func r1RankedPairs() {
        let r = Self.r1.ranking(by: .rankedPairs)
        #expect(orderIDs(r, Self.r1) == "ACEBD")
    }

    @Test func r1Kemeny() throws {
        let r = Self.r1.ranking(by: .kemeny)
        #expect(orderIDs(r, Self.r1) == "EBADC")
        let k = try #require(r.kemeny)
        #expect(k.agreement == 260)
        #expect(k.disagreement == 190)
        #expect(k.optimalOrders == .one)
        #expect(!k.approximate)
    }

    /// R2, Tennessee's capital, per 100 voters.
    static let r2 = letterProfile([("MNCK", 42), ("NCKM", 26), ("CKNM", 15), ("KCNM", 17)], candidates: "MNCK")

    @Test func r2AllMethods() throws {
        let p = Self.r2
        let m = PairwiseMatrix(p)
        #expect((0..<4).map { x in (0..<4).map { m[x, $0] } } == [[0, 42, 42, 42], [58, 0, 68, 68], [58, 32, 0, 83], [58, 32, 17, 0]])
        #expect(m.condorcetWinner == 1)
        #expect(p.ranking(by: .borda).scores == [126, 194, 173, 107].map { Rational($0) })
        #expect(orderIDs(p.ranking(by: .borda), p) == "NCMK")
        // Copeland wins − losses: N 3, C 1, K −1, M −3 (wins: N 3, C 2, K 1, M 0).
        #expect(p.ranking(by: .copeland).scores == [-3, 3, 1, -1].map { Rational($0) })
        for method in [RankingMethod.copeland, .schulze, .rankedPairs, .kemeny] {
            #expect(orderIDs(p.ranking(by: method), p) == "NCKM", "\(method)")
        }
        let k = try #require(p.ranking(by: .kemeny).kemeny)
        #expect(k.agreement == 393)
        #expect(k.disagreement == 207)
    }

    /// R3: Borda is not Condorcet-consistent.
    @Test func r3() {
        let p = letterProfile([("ABC", 3), ("BCA", 2)], candidates: "ABC")
        #expect(p.ranking(by: .borda).scores == [6, 7, 2].map { Rational($0) })
        #expect(PairwiseMatrix(p).condorcetWinner == 0)
        #expect(orderIDs(p.ranking(by: .schulze), p) == "ABC")
    }

    /// R4: truncated ballots, where winning votes and margins differ.
    static let r4: PreferenceProfile = {
        let c = ["A", "B", "C"].map { Candidate(id: $0, name: $0) }
        return try! PreferenceProfile(candidates: c, ballots: [
            Ballot(order: [0, 1], count: 3), Ballot(order: [1, 2, 0], count: 2), Ballot(order: [2, 0], count: 2), Ballot(order: [2], count: 1),
        ])
    }()

    @Test func r4() {
        let p = Self.r4
        let m = PairwiseMatrix(p)
        #expect((0..<3).map { x in (0..<3).map { m[x, $0] } } == [[0, 5, 3], [2, 0, 5], [5, 3, 0]])
        let wv = p.ranking(by: .schulze, options: RankingOptions(schulzeStrength: .winningVotes))
        #expect(wv.tiers.count == 1)
        #expect(Set(wv.tiers[0]) == [0, 1, 2])
        let margins = p.ranking(by: .schulze)
        #expect(tierIDs(margins, p).map { Set($0) } == [["A", "C"], ["B"]])
        #expect(margins.tierRanks == [1, 3])
        // Borda with halves for the pairs a ballot leaves unordered: (symmetric + V(n−1)) / 2.
        #expect(m.bordaPoints == [Rational(17, 2), Rational(15, 2), Rational(16, 2)])
    }

    @Test func tieBreakChainIsPrintedAndTotal() {
        let r = Self.r1.ranking(by: .copeland)
        #expect(r.tieBreak == "Ex aequo départagés par : le score de Borda le plus élevé, puis l'ordre de la liste initiale.")
        // Within the tied tier, Borda decides: A 98, B 92, C 89.
        #expect(r.order.map { Self.r1.candidates[$0].id } == ["E", "A", "B", "C", "D"])
        let withCost = Self.r1.ranking(by: .schulze, options: RankingOptions(costs: [1, 2, 3, 4, 5].map { Money(euros: $0) }))
        #expect(withCost.tieBreak.contains("le coût le plus bas"))
    }

    @Test func kemenyCountsOptima() throws {
        // Two members with opposite orders: every one of the 3! orders is optimal.
        let p = letterProfile([("ABC", 1), ("CBA", 1)], candidates: "ABC")
        let k = try #require(p.ranking(by: .kemeny).kemeny)
        #expect(k.optimalOrders == BigInt(6))
        #expect(p.ranking(by: .kemeny).notes.first?.contains("6 ordres optimaux") == true)
        // Ties everywhere (a ballot that ranks nothing): 13 candidates in one block, 13! optima,
        // more than 32 bits. (Past 20 candidates the count saturates; the benchmark checks that.)
        let tied = try PreferenceProfile(candidates: (0..<13).map { Candidate(id: "\($0)", name: "") }, ballots: [Ballot(tiers: [])])
        let r = tied.ranking(by: .kemeny)
        #expect(r.kemeny?.optimalOrders == BigInt(6_227_020_800))
        #expect(r.kemeny?.countIsLowerBound == false)
        #expect(r.order == Array(0..<13))
    }

    @Test func kemenyBeyondTheLimitIsLabelledApproximate() throws {
        let r = Self.r1.ranking(by: .kemeny, options: RankingOptions(kemenyExactLimit: 3))
        let k = try #require(r.kemeny)
        #expect(k.approximate)
        #expect(k.optimalOrders == nil)
        #expect(r.notes.first?.hasPrefix("Kemeny–Young APPROCHÉ") == true)
        // Here local search finds the optimum anyway.
        #expect(k.agreement == 260)
    }
}
