import Testing
@testable import SeanceModel
@testable import SeanceTUI

@Suite("The hiérarchisation screen")
struct RankingScreenTests {
    /// COPIL n°4 of the demo, its ranking opened with the key c from the committee screen.
    func opened() -> Harness {
        var h = Harness()
        h.press([.enter, .char("c")])
        return h
    }

    var rankingID: String { "rnk-t1" }

    /// Ballots are refused from members neither present nor represented: the tests that enter
    /// ballots first mark the first `count` voting members of COPIL n°4 present, as the
    /// attendance screen does.
    func markPresent(_ h: inout Harness, count: Int) {
        let voters = h.domain.votingMembers(of: h.domain.meetings["sea-copil-4"]!.committee)
        var rng = SystemRandomNumberGenerator()
        for m in voters.prefix(count) {
            let drafts = try! Commands.setAttendance(h.domain, meeting: "sea-copil-4", member: m.id, status: .present,
                                                     at: LocalTime(hour: 18, minute: 0)!).get()
            for d in drafts { #expect(h.domain.apply(d.stamped(at: h.now, id: EventID.make(milliseconds: 0, using: &rng), author: "test")) == nil) }
        }
    }

    func ranking(_ h: Harness) -> ActionRanking { h.domain.rankings[rankingID]! }

    @Test("Opening creates the ranking with the fiches still in play and the project's envelope")
    func open() {
        let h = opened()
        #expect(h.app.top.kind == .ranking)
        let r = ranking(h)
        #expect(r.meeting == "sea-copil-4")
        #expect(r.actions.count == 20)   // the abandoned mobility platform is left out
        #expect(!r.actions.contains("act-mobilite"))
        #expect(r.envelope == Money(euros: 1_750_000))
        // Opening the ranking never opens the séance by itself.
        #expect(h.written.map(\.kind) == ["ranking.open", "ranking.envelope"])
        #expect(h.domain.meetings["sea-copil-4"]?.state == .planned)
    }

    @Test("The ranking memo is the screen's own and keyed by what the ranking reads: two states with as many events do not collide")
    func memoKeyedByInputs() {
        let h = opened()
        let r = ranking(h)
        var cheap = h.domain, dear = h.domain
        _ = cheap.apply(event("action.edit", r.actions[0], [("cost", "1.00")]))
        _ = dear.apply(event("action.edit", r.actions[0], [("cost", "900000.00")]))
        #expect(cheap.eventCount == dear.eventCount)
        let memo = RankingMemo()
        let a = memo.view(r, cheap), b = memo.view(r, dear)
        #expect(a.costs[0] == Money(cents: 100))
        #expect(b.costs[0] == Money(euros: 900_000))
        #expect(a.cumulative != b.cumulative)
        // Two screens have two memos.
        #expect(RankingState(ranking: "x").memo !== RankingState(ranking: "x").memo)
    }

    @Test("Manual: + and - move the chosen fiche, the order is the ranking")
    func manual() {
        var h = opened()
        let first = ranking(h).manualOrder[0]
        h.press([.char("+")])
        #expect(ranking(h).manualOrder[1] == first)
        let view = RankingView(compute: ranking(h), h.domain)
        #expect(view.order[1] == first)
    }

    @Test("Criteria: a spreadsheet; digits type the score in its cell, arrows write it and move; the rows hold still until r")
    func criteria() {
        var h = opened()
        h.press([.char("2")])
        #expect(ranking(h).method == .weighted)
        // Give the 5th row 9 on the first criterion, in place.
        h.press([.down, .down, .down, .down])
        let fifth = RankingView(compute: ranking(h), h.domain).order[4]
        h.type("9")
        #expect(App.view(h.app, h.ctx, width: 120, height: 40).text.contains("9▏"))
        h.press([.right])                      // written, and the next criterion
        #expect(ranking(h).scores[fifth]?[ranking(h).criteria[0].id] == Rational(9))
        h.type("7,5"); h.press([.enter])        // written, and down one row
        #expect(ranking(h).scores[fifth]?[ranking(h).criteria[1].id] == Rational(15, 2))
        #expect(RankingView(compute: ranking(h), h.domain).order[0] == fifth)
        guard case .ranking(var rs) = h.app.top else { Issue.record("left the screen"); return }
        // The list did not re-sort under the cursor: the fiche is still on the 5th row, the cursor on the 6th.
        #expect(rs.frozen?[4] == fifth)
        #expect(rs.list.selection == 5)
        #expect(App.view(h.app, h.ctx, width: 120, height: 40).text.contains("Ordre figé"))
        h.press([.up, .char("r"), .down])     // r re-ranks; the selection followed the fiche, now first
        guard case .ranking(let after) = h.app.top else { Issue.record("left the screen"); return }
        rs = after
        #expect(rs.frozen == nil)
        #expect(rs.list.selection == 1)
        // In the grid digits are scores: the key bar and the mode line say Tab, not « 4 Budget ».
        let grid = App.view(h.app, h.ctx, width: 120, height: 40)
        let bar = grid.text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(bar.contains("Tab Mode suivant") && bar.contains("0–9 Note"))
        #expect(!bar.contains("4 Budget") && !bar.contains("1 Manuel"))
        #expect(grid.text.contains("Tab : mode suivant") && !grid.text.contains(" 4 Budget "))
        // A score typed and then Échap is dropped; Tab goes to the next mode.
        h.type("3"); h.press([.escape])
        #expect(h.app.top.kind == .ranking)
        h.press([.tab])
        guard case .ranking(let ballots) = h.app.top else { Issue.record("left the screen"); return }
        #expect(ballots.mode == .ballots)
        // Out of the grid the digits choose the mode again.
        let other = App.view(h.app, h.ctx, width: 120, height: 40).text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(other.contains("4 Budget") && !other.contains("Tab Mode suivant"))
    }

    @Test("Ballot entry moves on to the next member")
    func ballotNext() {
        var h = opened()
        markPresent(&h, count: 3)
        h.press([.char("3"), .enter]); h.type("1 2"); h.press([.f(2)])
        h.press([.enter])
        #expect(h.form?.title.contains(h.domain.votingMembers(of: h.domain.meetings["sea-copil-4"]!.committee)[1].name) == true)
        h.type("2 1"); h.press([.f(2)])
        #expect(ranking(h).ballots.count == 2)
    }

    @Test("Weights: exact fractions, percentages and a new criterion")
    func weights() {
        var h = opened()
        h.press([.char("2"), .char("p")])
        #expect(h.form?.title == "Pondération des critères")
        h.press([.ctrl("u")]); h.type("30 %")
        h.press([.tab, .ctrl("u")]); h.type("0,4")
        h.press([.tab, .ctrl("u")]); h.type("3/10")
        h.press([.tab]); h.type("urgence=1/5")
        h.press([.f(2)])
        let c = ranking(h).criteria
        #expect(c.map(\.weight) == [Rational(3, 10), Rational(2, 5), Rational(3, 10), Rational(1, 5)])
        #expect(c.last?.name == "urgence")
        // The weights shown are the weights used; their sum of 120 % is rescaled in plain sight.
        let g = App.view(h.app, h.ctx, width: 200, height: 40)
        #expect(g.text.contains("Poids : ▸économiquement viable 30\u{00A0}% · "))
        #expect(g.text.contains("urgence 20\u{00A0}% — somme 120\u{00A0}% ; ramenés à 100\u{00A0}% pour les bascules"))
    }

    @Test("The sensitivity sentence never reads « pèse moins de 0,00 % »")
    func sensitivityWording() {
        let tiny = Fr.Ranking.swapSentence(upper: "A", lower: "B", criterion: "c", share: Rational(1, 1_000_000), current: Rational(1, 3))
        #expect(!tiny.contains("0,00\u{00A0}%"))
        #expect(tiny.contains("pèse moins de 0,0001\u{00A0}%"))
        let none = Fr.Ranking.swapSentence(upper: "A", lower: "B", criterion: "c", share: .zero, current: Rational(1, 3))
        #expect(none == "A et B s'échangent si « c » ne compte plus (actuellement 33,33\u{00A0}%)")
        #expect(Fr.Ranking.weight(Rational(1, 3)) == "1/3")
        #expect(Fr.Ranking.weight(Rational(1, 8)) == "12,50\u{00A0}%")
    }

    @Test("The pairwise matrix scrolls: the last of the 20 fiches is reachable")
    func matrixScrolls() {
        var h = opened()
        markPresent(&h, count: 2)
        h.press([.char("3"), .enter]); h.type("20 1"); h.press([.f(2)])
        h.press([.char("t")])
        var g = App.view(h.app, h.ctx, width: 80, height: 24)
        #expect(!g.text.contains("20. "))
        h.press([.end])
        g = App.view(h.app, h.ctx, width: 80, height: 24)
        #expect(g.text.contains("20. "))
        #expect(g.text.contains("sur 20"))
    }

    @Test("Ballots: typed as list numbers with ties; Schulze by default, m changes the method")
    func ballots() {
        var h = opened()
        markPresent(&h, count: 4)
        h.press([.char("3")])
        #expect(ranking(h).method == .schulze)
        for (i, order) in ["5 16 1", "5 1 16", "16 5=1", "5 16"].enumerated() {
            h.press([.home] + Array(repeating: .down, count: i) + [.enter])
            h.type(order); h.press([.f(2)])
        }
        let r = ranking(h)
        #expect(r.ballots.count == 4)
        #expect(r.ballots["mem-copil-03"] == [["act-centre-social"], ["act-epicerie", "act-thermique"]])
        let view = RankingView(compute: r, h.domain)
        #expect(view.order[0] == "act-epicerie")
        h.press([.char("m")])
        #expect(ranking(h).method == .borda)
        h.press([.char("t")])
        let g = App.view(h.app, h.ctx, width: 120, height: 40)
        #expect(g.text.contains("Matrice des duels"))
    }

    @Test("The ballot of a member neither present nor represented is refused, and the form says why")
    func absentBallot() {
        var h = opened()
        h.press([.char("3"), .enter]); h.type("1 2"); h.press([.f(2)])
        #expect(h.form?.error?.contains("n'est ni présent(e) ni représenté(e) : son bulletin est refusé.") == true)
        #expect(ranking(h).ballots.isEmpty)
        h.press([.escape])
        if h.app.top.kind == .confirm { h.press([.char("o")]) }
        let g = App.view(h.app, h.ctx, width: 120, height: 40)
        #expect(g.text.contains("(absent·e)"))
    }

    @Test("A ballot naming a number twice or out of the list is refused")
    func badBallot() {
        var h = opened()
        h.press([.char("3"), .enter]); h.type("1 1"); h.press([.f(2)])
        #expect(h.form?.error == "Le n° 1 apparaît deux fois.")
        h.press([.ctrl("u")]); h.type("99"); h.press([.f(2)])
        #expect(h.form?.error?.contains("n'est pas un n° du tableau") == true)
    }

    @Test("The envelope draws the cut line; Equal Shares shows beside greedy in the budget view")
    func envelope() {
        var h = opened()
        markPresent(&h, count: 5)
        h.press([.char("3")])
        for (i, order) in ["16 5", "16 5", "16 5", "1 9", "1 9"].enumerated() {
            h.press([.home] + Array(repeating: .down, count: i) + [.enter]); h.type(order); h.press([.f(2)])
        }
        h.press([.char("e"), .ctrl("u")]); h.type("500 000"); h.press([.f(2)])
        #expect(ranking(h).envelope == Money(euros: 500_000))
        let view = RankingView(compute: ranking(h), h.domain)
        #expect(view.cut!.total <= Money(euros: 500_000))
        h.press([.char("4")])
        let g = App.view(h.app, h.ctx, width: 120, height: 40)
        #expect(g.text.contains("Glouton"))
        #expect(g.text.contains("Parts égales"))
        #expect(g.text.contains("Qui a payé quoi"))
        // Ranked ballots become approvals by a rule the screen states (20 fiches: the first 10).
        #expect(g.text.contains("Approbations : les 10 premières places de chaque bulletin, sur 20 fiches."))
        expectSnapshot(g, "ranking-budget-120x40")
    }

    @Test("Adopting records a decision of the séance and the full order; the minutes show it")
    func adopt() {
        var h = opened()
        h.press([.char("2"), .enter]); h.type("10"); h.press([.f(2)])
        h.press([.char("a")])
        // Nobody is marked present at this séance: the quorum is not met, and she confirms « sans quorum ».
        guard case .confirm(let c) = h.app.top else { Issue.record("no confirmation"); return }
        #expect(c.question.contains("sans quorum"))
        h.press([.char("o")])
        let r = ranking(h)
        let adoption = try! #require(r.adopted)
        #expect(h.domain.decisions[adoption.decision!]?.withoutQuorum == true)
        #expect(adoption.method == .weighted)
        #expect(adoption.order.joined().count == 20)
        let decision = h.domain.decisions[adoption.decision!]!
        #expect(decision.meeting == "sea-copil-4" && decision.outcome == .valide)
        #expect(decision.text.hasPrefix("Classement des fiches actions adopté (critères pondérés)"))
        #expect(h.domain.adoptedRanking(for: "sea-copil-4")?.entries.count == 20)
        let text = try! Export.minutes(h.domain, meeting: "sea-copil-4", format: .md,
                                       options: ExportOptions(ranking: h.domain.adoptedRanking(for: "sea-copil-4"))).text!
        #expect(text.contains("Classement adopté"))
        // An adopted ranking takes no more inputs.
        h.press([.char("1"), .char("+")])
        #expect(ranking(h).method == .weighted)
    }

    @Test("Projection: the ranking alone, large, for the wall", arguments: [(80, 24), (120, 40)])
    func projection(_ w: Int, _ hgt: Int) {
        var h = Harness()
        h.press([.enter, .tab, .down, .enter])   // COPIL n°3, whose ranking the demo adopted
        h.press([.ctrl("o")])
        h.press([.char("v")])
        let g = App.view(h.app, h.ctx, width: w, height: hgt)
        expectSnapshot(g, "ranking-projection-\(w)x\(hgt)")
        #expect(g.text.contains("1.  Épicerie sociale et solidaire"))
        #expect(g.text.contains("2.  Création d'un centre social municipal"))
    }

    @Test("Projection aligns the ranks from 10 up")
    func projectionAligned() {
        var h = opened()
        h.press([.char("v")])
        let lines = App.view(h.app, h.ctx, width: 120, height: 50).text.split(separator: "\n").map(String.init)
        let nine = try! #require(lines.first { $0.contains(" 9.  ") }), ten = try! #require(lines.first { $0.contains("10.  ") })
        #expect(nine.range(of: " 9.  ")!.upperBound.utf16Offset(in: nine) == ten.range(of: "10.  ")!.upperBound.utf16Offset(in: ten))
    }

    @Test("The demo's December ranking", arguments: [(80, 24), (120, 40)])
    func demoRanking(_ w: Int, _ hgt: Int) {
        var h = Harness()
        h.press([.enter, .tab, .down, .enter, .ctrl("o")])
        let g = App.view(h.app, h.ctx, width: w, height: hgt)
        expectSnapshot(g, "ranking-copil-3-\(w)x\(hgt)")
        #expect(g.text.contains("ADOPTÉ le 17/12/2009"))
    }

    @Test("Rational text: fractions, decimals with a comma, percentages")
    func rationalText() {
        #expect(Rational(text: "3/10") == Rational(3, 10))
        #expect(Rational(text: "0,3") == Rational(3, 10))
        #expect(Rational(text: "30 %") == Rational(3, 10))
        #expect(Rational(text: "7,5") == Rational(15, 2))
        #expect(Rational(text: "abc") == nil)
        #expect(Rational(text: "1/0") == nil)
    }
}
