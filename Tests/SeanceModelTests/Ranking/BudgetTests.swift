import Testing
@testable import SeanceModel

/// P1, P2 of shared/notes/ranking.md §3.3 and three real Pabulib elections, against pabutools
/// 1.2.3 (tools/pabutools_oracle.py in the scratch package printed the expected lines).
@Suite("Ranking: budget rules")
struct BudgetTests {
    static func ids(_ o: BudgetOutcome, _ e: ApprovalElection) -> [String] { o.selected.map { e.projects[$0].id } }

    static let add1 = BudgetRule.equalShares(.add1(increment: EqualSharesCompletion.defaultIncrement))
    static let add1Greedy = BudgetRule.equalShares(.add1ThenGreedy(increment: EqualSharesCompletion.defaultIncrement))

    @Test func p1() throws {
        let e = try PabulibFormat.parse(rankingFixture("notes/ranking-example-P1.pb"))
        #expect(e.budget == Money(euros: 1250))
        let cases: [(BudgetRule, [String], Int64)] = [
            (.greedy, ["X1", "X2", "X3"], 1200),
            (.equalShares(.none), ["X1", "Y1"], 800),
            (.equalShares(.greedy), ["X1", "Y1", "X2"], 1200),
            (Self.add1, ["X1", "X3", "Y1"], 1100),
            (Self.add1Greedy, ["X1", "X3", "Y1"], 1100),
        ]
        for (rule, expected, cost) in cases {
            let o = e.outcome(rule)
            #expect(Self.ids(o, e) == expected, "\(rule)")
            #expect(o.totalCost == Money(euros: cost), "\(rule)")
        }
    }

    @Test func p1EqualSharesTrace() throws {
        let e = try PabulibFormat.parse(rankingFixture("notes/ranking-example-P1.pb"))
        let d = try #require(e.outcome(.equalShares(.none)).equalShares)
        #expect(d.budgetPerVoter == Rational(62_500, 7))           // 625/7 per voter, in cents
        #expect(d.groups.map(\.voters.count) == [7, 1, 1, 4, 1])
        let x1 = Rational(50_000, 9), y1 = Rational(6_000)         // 500/9 and 60 each
        #expect(d.groups.map(\.paid) == [[x1, .zero], [x1, .zero], [x1, .zero], [.zero, y1], [.zero, y1]])
        #expect(d.groups.map(\.left) == [Rational(212_500, 63)] * 3 + [Rational(20_500, 7)] * 2)
        // Everyone's budget is accounted for, exactly.
        var total = Rational.zero
        for g in d.groups { total += Rational(g.voters.count) * (g.paid.reduce(.zero, +) + g.left) }
        #expect(total == Rational(cents: e.budget))
    }

    static let p2Text = """
        META
        key;value
        description;P2
        budget;1250000
        vote_type;approval
        PROJECTS
        project_id;cost
        F1;600000
        F2;350000
        F3;450000
        F4;150000
        F5;40000
        F6;120000
        F7;200000
        F8;180000
        F9;90000
        F10;60000
        VOTES
        voter_id;vote

        """ + ([(4, "F1,F3,F4,F6"), (3, "F1,F3,F4,F9"), (2, "F1,F4,F9"), (3, "F2,F5,F7,F8,F10"), (2, "F2,F5,F8,F10,F6")]
            .flatMap { Array(repeating: $0.1, count: $0.0) }.enumerated().map { "\($0 + 1);\($1)\n" }.joined())

    @Test func p2TieBreaking() throws {
        let e = try PabulibFormat.parse(Self.p2Text)
        let mes = BudgetRule.equalShares(.none)
        #expect(Self.ids(e.outcome(mes), e) == ["F1", "F4", "F10", "F2"])
        #expect(e.outcome(mes).totalCost == Money(euros: 1_160_000))
        #expect(Self.ids(e.outcome(mes, tieBreak: .natural), e) == ["F1", "F4", "F2", "F5"])
        #expect(Self.ids(e.outcome(mes, tieBreak: .minCost), e) == ["F4", "F1", "F5", "F10", "F8"])
        #expect(e.outcome(mes, tieBreak: .minCost).totalCost == Money(euros: 1_030_000))
        #expect(Self.ids(e.outcome(mes, tieBreak: .maxCost), e) == ["F1", "F4", "F2", "F10"])
        for t in BudgetTieBreak.allCases {
            #expect(Set(Self.ids(e.outcome(.greedy, tieBreak: t), e)) == ["F1", "F3", "F4", "F5"], "\(t)")
        }
        #expect(Self.ids(e.outcome(Self.add1), e) == ["F1", "F4", "F10", "F2", "F5"])
        #expect(Self.ids(e.outcome(Self.add1, tieBreak: .minCost), e) == ["F4", "F1", "F6", "F5", "F10", "F9", "F8"])
        #expect(Self.ids(e.outcome(.equalShares(.greedy), tieBreak: .minCost), e) == ["F4", "F1", "F5", "F10", "F8", "F6", "F9"])
        #expect(Self.ids(e.outcome(.equalShares(.greedy), tieBreak: .maxCost), e) == ["F1", "F4", "F2", "F10", "F9"])
    }

    @Test("Real elections, as pabutools", arguments: [
        ("poland_gdynia_2020_babie-doly-small.pb", BudgetTieBreak.lexicographic, ["4", "2", "1", "5", "3"], ["4", "2", "1", "5", "3"]),
        ("poland_gdynia_2020_babie-doly-small.pb", .minCost, ["4", "2", "5", "1", "3"], ["4", "2", "5", "1", "3"]),
        ("poland_gdynia_2020_chylonia-small.pb", .lexicographic, ["6", "10", "5", "9", "7", "3", "2", "8", "4", "1"],
         ["6", "10", "5", "9", "7", "3", "2", "8", "4", "1"]),
        ("poland_lodz_2022_zdrowie-mania.pb", .lexicographic, ["P123ZM", "P113ZM", "P171ZM", "P194ZM"],
         ["P123ZM", "P113ZM", "P171ZM", "P200ZM", "P132ZM", "P103ZM", "P196ZM"]),
        ("poland_lodz_2022_zdrowie-mania.pb", .minCost, ["P123ZM", "P113ZM", "P171ZM", "P200ZM", "P199ZM", "P132ZM", "P042ZM"],
         ["P123ZM", "P113ZM", "P171ZM", "P200ZM", "P132ZM", "P103ZM", "P196ZM"]),
    ])
    func realElection(_ file: String, _ tie: BudgetTieBreak, _ greedy: [String], _ mes: [String]) throws {
        let e = try PabulibFormat.parse(rankingFixture("data/pabulib/" + file))
        #expect(Self.ids(e.outcome(.greedy, tieBreak: tie), e) == greedy)
        #expect(Self.ids(e.outcome(.equalShares(.none), tieBreak: tie), e) == mes)
    }

    @Test func lodzCompletions() throws {
        let e = try PabulibFormat.parse(rankingFixture("data/pabulib/poland_lodz_2022_zdrowie-mania.pb"))
        #expect(e.voterIDs.count == 460 && e.projects.count == 14 && e.budget == Money(euros: 433_000))
        #expect(e.outcome(.greedy).totalCost == Money(euros: 429_250))
        #expect(e.outcome(.equalShares(.none)).totalCost == Money(euros: 234_250))
        let add1 = ["P123ZM", "P113ZM", "P171ZM", "P200ZM", "P132ZM", "P197ZM", "P164ZM", "P108ZM", "P042ZM", "P103ZM", "P196ZM"]
        // One run of add1 (969 raises of 1 zł) serves both: its Equal Shares part is add1's outcome.
        let o = e.outcome(Self.add1Greedy)
        #expect(o.equalShares?.funded.map { e.projects[$0].id } == add1)
        #expect(o.equalShares?.raises == 969)
        #expect(Self.ids(o, e) == add1)
        #expect(o.totalCost == Money(euros: 421_250))
        #expect(Self.ids(e.outcome(.equalShares(.greedy)), e)
                == ["P123ZM", "P113ZM", "P171ZM", "P200ZM", "P132ZM", "P103ZM", "P196ZM", "P197ZM", "P108ZM", "P164ZM", "P042ZM"])
    }

    /// As pabutools' method_of_equal_shares with Cost_Sat (checked on its test file
    /// poland_gdynia_2020_grabowek-large.pb, where project 5 costs 0): a free project is worth
    /// nothing to its supporters, so Equal Shares never funds it; a greedy completion takes it.
    @Test func freeProjectIsNotFundedByEqualShares() throws {
        let e = try PabulibFormat.parse("""
            META
            key;value
            budget;1000
            vote_type;approval
            PROJECTS
            project_id;cost
            A;600
            B;400
            F;0
            VOTES
            voter_id;vote
            1;A,F
            2;A,F
            3;B
            4;A

            """)
        #expect(Self.ids(e.outcome(.equalShares(.none)), e) == ["A"])
        #expect(Self.ids(e.outcome(Self.add1), e) == ["A", "B"])
        #expect(e.outcome(Self.add1).equalShares?.groups.allSatisfy { $0.paid.count == 2 } == true)
        #expect(Self.ids(e.outcome(.equalShares(.greedy)), e) == ["A", "F", "B"])
    }

    @Test func envelopeCutLine() {
        let costs = [500, 400, 300, 300, 200].map { Money(euros: $0) }
        let skip = EnvelopeCut(order: [0, 1, 2, 3, 4], costs: costs, envelope: Money(euros: 1000))
        #expect(skip.selected == [0, 1])
        #expect(skip.cumulative.map(\.cents) == [500, 900, 1200, 1500, 1700].map { Int64($0) * 100 })
        #expect(skip.cutPosition == 2)
        #expect(skip.funded == [true, true, false, false, false])
        let fill = EnvelopeCut(order: [0, 2, 1, 4, 3], costs: costs, envelope: Money(euros: 1000))
        #expect(fill.selected == [0, 2, 4])           // 400 skipped, 200 still fits
        #expect(fill.total == Money(euros: 1000) && fill.remaining == .zero)
        let stop = EnvelopeCut(order: [0, 2, 1, 4, 3], costs: costs, envelope: Money(euros: 1000), policy: .stopAtFirstMisfit)
        #expect(stop.selected == [0, 2])
        #expect(stop.remaining == Money(euros: 200))
    }

    @Test func cliOutput() throws {
        let e = try PabulibFormat.parse(rankingFixture("notes/ranking-example-P1.pb"))
        let out = RankingOutput(e.outcome(.equalShares(.none)), election: e)
        #expect(out.text == "X1\nY1\n800\n")
        #expect(out.notes.contains("Budget par votant : 89,29 (exactement 625/7)."))
        #expect(out.notes.contains { $0.contains("« F10 » avant « F2 »") })
    }
}

private func * <T>(a: [T], n: Int) -> [T] { Array(repeating: a, count: n).flatMap { $0 } }
