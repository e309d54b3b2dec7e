import Testing
@testable import SeanceModel

/// The fast Equal Shares (voter classes, bounds in fixed point, exact prices only when needed)
/// against the oracle, rationals on every ballot group: same projects, same payments exactly.
@Suite("Ranking: fast Equal Shares equals the oracle")
struct EqualSharesFastTests {
    /// A small election where ties are common: few distinct costs, repeated ballots, some free
    /// projects and empty ballots.
    static func randomElection(_ rng: inout RankingRandom, _ i: Int) -> ApprovalElection {
        let m = 2 + i % 9, n = i % 17 == 0 ? 0 : 1 + (i * 7) % 40
        let costs: [Int64] = i % 3 == 0 ? [0, 10, 20, 30] : [10, 20, 25, 40, 60, 75]
        let projects = (0..<m).map { BudgetProject(id: "P\($0 + 1)", cost: Money(euros: costs.randomElement(using: &rng)! * 1000)) }
        let kinds = (0..<(1 + i % 6)).map { _ in (0..<m).filter { _ in Int.random(in: 0..<3, using: &rng) == 0 } }
        let approvals = (0..<n).map { _ in kinds.randomElement(using: &rng)! }
        let total = projects.reduce(Int64(0)) { $0 + $1.cost.cents } / 100
        return ApprovalElection(budget: Money(euros: max(1, total * Int64.random(in: 20...90, using: &rng) / 100)), projects: projects,
                                voterIDs: (0..<n).map { "v\($0)" }, approvals: approvals)
    }

    @Test func randomElectionsWithTies() {
        var rng = RankingRandom(seed: 17)
        var raised = 0
        for i in 0..<400 {
            let e = Self.randomElection(&rng, i)
            let tie = BudgetTieBreak.allCases[i % BudgetTieBreak.allCases.count]
            let increment = Money(euros: [1, 7, 50, 300][i % 4])
            for completion in [EqualSharesCompletion.none, .greedy, .add1(increment: increment), .add1ThenGreedy(increment: increment)] {
                let fast = e.outcome(.equalShares(completion), tieBreak: tie).equalShares
                let oracle = e.oracleEqualSharesDetails(completion, tieBreak: tie)
                #expect(fast == oracle, "election \(i), \(completion), \(tie)")
                raised += fast?.raises ?? 0
            }
        }
        #expect(raised > 1000)   // add1 went through many raises
    }

    @Test("The real elections of shared/data, with add1", arguments: [
        "poland_gdynia_2020_babie-doly-small.pb", "poland_gdynia_2020_chylonia-small.pb", "poland_lodz_2022_zdrowie-mania.pb",
    ])
    func realElections(_ file: String) throws {
        let e = try PabulibFormat.parse(rankingFixture("data/pabulib/" + file))
        for tie in [BudgetTieBreak.lexicographic, .minCost] {
            for completion in [EqualSharesCompletion.none, .add1(increment: EqualSharesCompletion.defaultIncrement)] {
                #expect(e.outcome(.equalShares(completion), tieBreak: tie).equalShares == e.oracleEqualSharesDetails(completion, tieBreak: tie))
            }
        }
    }
}

extension EqualSharesFastTests {
    /// Amounts beyond 2^60 cents leave no room for fixed-point bounds: the run is exact throughout.
    @Test func moneyTooLargeForBounds() {
        let huge = Int64(1) << 61
        let projects = [BudgetProject(id: "A", cost: Money(cents: huge / 3)), BudgetProject(id: "B", cost: Money(cents: huge / 5)),
                        BudgetProject(id: "C", cost: Money(cents: huge / 2))]
        let approvals = [[0, 1], [0, 2], [1, 2], [2], [0]]
        let e = ApprovalElection(budget: Money(cents: huge), projects: projects, voterIDs: (0..<5).map { "v\($0)" }, approvals: approvals)
        #expect(MoneyBounds(largest: Rational(cents: e.budget)) == nil)
        let completion = EqualSharesCompletion.add1(increment: Money(cents: huge / 50))
        #expect(e.outcome(.equalShares(completion)).equalShares == e.oracleEqualSharesDetails(completion))
        #expect(e.outcome(.equalShares(.none)).equalShares == e.oracleEqualSharesDetails(.none))
    }
}
