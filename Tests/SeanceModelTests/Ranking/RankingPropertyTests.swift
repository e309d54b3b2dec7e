import Testing
@testable import SeanceModel

/// Properties on many generated profiles (seeded, so every run checks the same ones).
@Suite("Ranking: properties on generated profiles")
struct RankingPropertyTests {
    /// 400 profiles: 3 to 9 candidates, 1 to 15 members, half with ties and gaps.
    static let profiles: [PreferenceProfile] = {
        var rng = RankingRandom(seed: 2009)
        return (0..<400).map { i in
            randomProfile(&rng, candidates: 3 + i % 7, voters: 1 + (i / 7) % 15, ties: i % 2 == 1)
        }
    }()

    @Test func condorcetWinnerComesFirst() {
        var seen = 0
        for p in Self.profiles {
            guard let w = PairwiseMatrix(p).condorcetWinner else { continue }
            seen += 1
            for method in [RankingMethod.schulze, .rankedPairs, .copeland, .kemeny] {
                #expect(p.ranking(by: method).tiers.first == [w], "\(method)")
            }
        }
        #expect(seen > 150)
    }

    @Test func kemenyDisagreesLeast() {
        for p in Self.profiles {
            let m = PairwiseMatrix(p)
            let kemeny = p.ranking(by: .kemeny)
            let best = m.doubledDisagreement(kemeny.tiers)
            for method in [RankingMethod.schulze, .borda, .copeland, .rankedPairs] {
                let r = p.ranking(by: method)
                #expect(best <= m.doubledDisagreement(r.tiers), "\(method), ties counted half")
                #expect(best <= m.doubledDisagreement(r.order.map { [$0] }), "\(method), tie-broken")
            }
        }
    }

    /// Against every permutation, for up to 6 candidates: the optimum and the number of optima.
    @Test func kemenyMatchesBruteForce() {
        for p in Self.profiles where p.candidates.count <= 6 {
            let m = PairwiseMatrix(p)
            var best = -1, count = 0
            forEachPermutation(Array(0..<p.candidates.count)) { order in
                let s = m.agreement(order)
                if s > best { best = s; count = 1 } else if s == best { count += 1 }
            }
            let k = p.ranking(by: .kemeny).kemeny!
            #expect(k.agreement == best)
            #expect(k.optimalOrders == BigInt(count))
        }
    }

    @Test func renamingChangesNothing() {
        for p in Self.profiles.prefix(100) {
            let renamed = p.permuted(Array(0..<p.candidates.count)) { Candidate(id: "x" + $0.id, name: "Fiche " + $0.name) }
            for method in RankingMethod.ballotMethods {
                #expect(renamed.ranking(by: method) == p.ranking(by: method))
            }
        }
    }

    @Test func reorderingPermutesTheResult() {
        var rng = RankingRandom(seed: 14)
        for p in Self.profiles {
            let n = p.candidates.count
            let perm = Array(0..<n).shuffled(using: &rng)
            let q = p.permuted(perm)
            let borda = PairwiseMatrix(p).bordaPoints
            // When Borda separates everyone, the whole tie-break chain follows the candidates.
            let chainFollows = Set(borda).count == n
            for method in RankingMethod.ballotMethods {
                let a = p.ranking(by: method), b = q.ranking(by: method)
                if chainFollows || method == .borda || method == .copeland || method == .schulze {
                    #expect(b.tiers.map { Set($0) } == a.tiers.map { Set($0.map { perm[$0] }) }, "\(method)")
                }
                if chainFollows { #expect(b.order == a.order.map { perm[$0] }, "\(method)") }
                #expect(b.scores == a.scores.map { s in (0..<n).map { c in s[perm.firstIndex(of: c)!] } })
            }
            let ka = p.ranking(by: .kemeny).kemeny!, kb = q.ranking(by: .kemeny).kemeny!
            #expect(ka.agreement == kb.agreement && ka.optimalOrders == kb.optimalOrders)
        }
    }

    @Test func blocksBeatEachOtherByMajority() {
        var rng = RankingRandom(seed: 24)
        for _ in 0..<20 {
            let p = randomProfile(&rng, candidates: 14, voters: 15, ties: false)
            let m = PairwiseMatrix(p)
            let k = p.ranking(by: .kemeny).kemeny!
            for (i, upper) in k.blocks.enumerated() {
                for lower in k.blocks[(i + 1)...] {
                    for x in upper { for y in lower { #expect(m.margin(x, y) > 0) } }
                }
            }
            // Local search alone never beats the exact optimum.
            let approx = p.ranking(by: .kemeny, options: RankingOptions(kemenyExactLimit: 1)).kemeny!
            #expect(approx.agreement <= k.agreement)
            #expect(approx.agreement + approx.maxShortfall >= k.agreement)
        }
    }

    @Test func equalSharesNeverOverspendsAndAccountsForEveryCent() {
        var rng = RankingRandom(seed: 1250)
        for i in 0..<60 {
            let m = 3 + i % 8, n = 1 + (i * 7) % 20
            let projects = (0..<m).map { BudgetProject(id: "P\($0 + 1)", cost: Money(euros: Int64.random(in: 1...60, using: &rng) * 1000)) }
            let approvals = (0..<n).map { _ in (0..<m).filter { _ in Bool.random(using: &rng) } }
            let e = ApprovalElection(budget: Money(euros: Int64.random(in: 50...200, using: &rng) * 1000), projects: projects,
                                     voterIDs: (0..<n).map { "v\($0)" }, approvals: approvals)
            for rule in [BudgetRule.greedy, .equalShares(.none), .equalShares(.greedy),
                         .equalShares(.add1ThenGreedy(increment: Money(euros: 500)))] {
                let o = e.outcome(rule)
                #expect(!(e.budget < o.totalCost))
                #expect(Set(o.selected).count == o.selected.count)
                if let d = o.equalShares {
                    var total = Rational.zero
                    for g in d.groups {
                        #expect(g.left >= .zero)
                        total += Rational(g.voters.count) * (g.paid.reduce(.zero, +) + g.left)
                    }
                    #expect(total == Rational(n) * d.budgetPerVoter)
                    for (j, p) in d.funded.enumerated() where projects[p].cost > .zero {
                        let paid = d.groups.reduce(Rational.zero) { $0 + Rational($1.voters.count) * $1.paid[j] }
                        #expect(paid == Rational(cents: projects[p].cost))
                    }
                }
            }
        }
    }
}

func forEachPermutation(_ items: [Int], _ body: ([Int]) -> Void) {
    var a = items
    func go(_ k: Int) {
        if k == a.count { body(a); return }
        for i in k..<a.count {
            a.swapAt(k, i); go(k + 1); a.swapAt(k, i)
        }
    }
    go(0)
}
