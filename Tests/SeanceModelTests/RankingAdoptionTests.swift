import Foundation
import Testing
@testable import SeanceModel

/// Adopting a ranking: greedy or Equal Shares funding, the decision's words (funded fiches, their
/// amounts, the total), the fiches' statuses, and the quorum as for any decision.
@Suite("Ranking adoption")
struct RankingAdoptionTests {
    let t = LocalTime(hour: 18, minute: 5)!

    /// COPIL n°4 of the demo opened with its ranking, the envelope lowered to 500 000 €, and
    /// ballots of four members.
    func ranked(_ ids: TestIDs) throws -> (ProjectState, String) {
        let open = Commands.openRanking(CommandTests.demo, meeting: "sea-copil-4", item: nil, at: t, makeID: ids.make)
        var st = try applying(CommandTests.demo, open)
        let rid = try open.get()[1].entity
        st = try applying(st, Commands.setRankingMethod(st, ranking: rid, .schulze))
        st = try applying(st, Commands.setEnvelope(st, ranking: rid, Money(euros: 500_000)))
        let r = try #require(st.rankings[rid])
        let members = st.votingMembers(of: st.meetings["sea-copil-4"]!.committee).map(\.id)
        let ballots: [[Int]] = [[15, 4], [15, 4], [15, 4], [0, 8]]
        for (m, b) in zip(members, ballots) {
            st = try applying(st, Commands.setBallot(st, ranking: rid, member: m, b.map { [r.actions[$0]] }))
        }
        return (st, rid)
    }

    @Test("Greedy: the decision names each funded fiche with its amount and the total; statuses follow")
    func greedy() throws {
        let ids = TestIDs()
        var (st, rid) = try ranked(ids)
        let before = st
        let adoption = try Commands.rankingAdoption(st, ranking: rid).get()
        #expect(adoption.funding == .greedy)
        let costs = adoption.selected.map { st.actions[$0]!.cost ?? .zero }
        let total = costs.reduce(Money.zero, +)
        #expect(!adoption.selected.isEmpty && !(Money(euros: 500_000) < total))
        let result = Commands.adoptRanking(st, ranking: rid, adoption, makeID: ids.make)
        let text = try #require(try result.get()[0].value(.text))
        #expect(text.contains("Fiches retenues dans l'enveloppe de 500\u{202F}000,00\u{00A0}€ (dans l'ordre du classement)"))
        // « titre, montant »: a title ending in a code in brackets gets no second pair.
        for (a, c) in zip(adoption.selected, costs) { #expect(text.contains("\(st.actions[a]!.title), \(c.french)")) }
        #expect(!text.contains(") ("))
        #expect(text.hasSuffix("total \(total.french)."))
        st = try applying(st, result)
        let r = try #require(st.rankings[rid])
        var changed = 0
        for a in r.actions {
            // The demo's fiches already validée keep that status; the others take the adoption's word.
            guard before.actions[a]!.status != .validee else { #expect(st.actions[a]!.status == .validee); continue }
            let expected: ActionStatus = adoption.selected.contains(a) ? .retenue : .non_retenue
            #expect(st.actions[a]!.status == expected, "\(a)")
            changed += 1
        }
        #expect(changed >= 10)
        #expect(Fr.actionStatus(.non_retenue) == "non retenue")
    }

    @Test("Equal Shares: the selection is the method's, recorded as such, in ranking order")
    func equalShares() throws {
        let ids = TestIDs()
        let (st, rid) = try ranked(ids)
        let r = try #require(st.rankings[rid])
        let adoption = try Commands.rankingAdoption(st, ranking: rid, funding: .equalShares).get()
        let election = try #require(st.approvalElection(r))
        let mes = Set(election.outcome(.equalShares(.greedy)).selected.map { r.actions[$0] })
        #expect(Set(adoption.selected) == mes)
        let order = adoption.tiers.joined()
        #expect(adoption.selected == order.filter(mes.contains))
        let drafts = try Commands.adoptRanking(st, ranking: rid, adoption, makeID: ids.make).get()
        #expect(drafts[0].value(.text)?.contains("(parts égales)") == true)
        #expect(drafts[1].value(.parameters)?.hasSuffix("(parts égales)") == true)
        // Without ballots there is nothing to share.
        let open = Commands.openRanking(CommandTests.demo, meeting: "sea-copil-4", item: nil, at: t, makeID: ids.make)
        let bare = try applying(CommandTests.demo, open)
        if case .failure(let refusal) = Commands.rankingAdoption(bare, ranking: try open.get()[1].entity, funding: .equalShares) {
            #expect(refusal.message.hasPrefix("Parts égales"))
        } else { Issue.record("Equal Shares without ballots was not refused") }
    }

    @Test("Without quorum the adoption is refused, then recorded « sans quorum » when waived")
    func quorum() throws {
        let ids = TestIDs()
        let (st, rid) = try ranked(ids)
        let adoption = try Commands.rankingAdoption(st, ranking: rid).get()
        guard case .failure(let refusal) = Commands.adoptRanking(st, ranking: rid, adoption, quorum: .required, makeID: ids.make) else {
            Issue.record("adopted without quorum"); return
        }
        #expect(refusal.code == .quorumNotMet)
        let waived = try Commands.adoptRanking(st, ranking: rid, adoption, quorum: .waived, makeID: ids.make).get()
        #expect(waived[0].value(.withoutQuorum) == "oui")
    }

    @Test("Parameters and the compte rendu's block are French: amounts, agreed counts, which fiches are retenues")
    func wording() throws {
        let ids = TestIDs()
        var (st, rid) = try ranked(ids)
        let adoption = try Commands.rankingAdoption(st, ranking: rid).get()
        let n = adoption.selected.count
        #expect(n > 1)
        let drafts = try Commands.adoptRanking(st, ranking: rid, adoption, makeID: ids.make).get()
        #expect(drafts[1].value(.parameters) == "4 bulletins ; enveloppe de 500\u{202F}000,00\u{00A0}€ ; \(n) fiches retenues (dans l'ordre du classement)")
        st = try applying(st, .success(drafts))
        let block = try #require(st.adoptedRanking(for: "sea-copil-4"))
        #expect(block.criteria == "Méthode : Schulze, 4 bulletins ; enveloppe de 500\u{202F}000,00\u{00A0}€ ; \(n) fiches retenues (dans l'ordre du classement).")
        #expect(block.entries.filter { $0.retained == true }.count == n)
        #expect(block.entries.contains { $0.retained == false })
        #expect(Fr.Ranking.retainedCount(1) == "1 fiche retenue" && Fr.Ranking.retainedCount(0) == "aucune fiche retenue")
        #expect(Fr.Ranking.count(1, "bulletin", "bulletins") == "1 bulletin")
        // Older journals wrote raw parameters; the block is said from what was adopted.
        st.rankings[rid]!.adopted!.parameters = "4 bulletin(s) ; enveloppe 500000.00 ; retenues \(n)"
        #expect(st.adoptedRanking(for: "sea-copil-4")?.criteria == block.criteria)
    }

    @Test("A fiche's decisions include the adoption of a ranking that ranked it, retenue or not")
    func ficheLife() throws {
        let ids = TestIDs()
        var (st, rid) = try ranked(ids)
        let adoption = try Commands.rankingAdoption(st, ranking: rid).get()
        let drafts = try Commands.adoptRanking(st, ranking: rid, adoption, makeID: ids.make).get()
        st = try applying(st, .success(drafts))
        let decision = drafts[0].entity
        let order = adoption.tiers.joined()
        let kept = adoption.selected[0]
        let left = try #require(order.first { !adoption.selected.contains($0) })
        let keptEntry = try #require(st.decisions(about: kept).first { $0.decision.id == decision })
        #expect(keptEntry.ranking?.retained == true)
        #expect(keptEntry.ranking?.rank == 1 + (adoption.tiers.firstIndex { $0.contains(kept) }.map { adoption.tiers[..<$0].joined().count } ?? 0))
        let leftEntry = try #require(st.decisions(about: left).first { $0.decision.id == decision })
        #expect(leftEntry.ranking?.retained == false)
        // A fiche the ranking did not rank gets no such line.
        if let outside = st.actionSheets.map(\.id).first(where: { !order.contains($0) }) {
            #expect(!st.decisions(about: outside).contains { $0.decision.id == decision })
        }
    }

    @Test("Approvals from ranked ballots: the first half of each ballot, ties at the limit included")
    func approvalsFromBallots() throws {
        let r = ActionRanking(id: "rnk-1", meeting: "sea-1", item: nil, actions: ["a", "b", "c", "d", "e"])
        #expect(r.approvalPlaces == 3)
        #expect(r.approved(from: [["a"], ["b"], ["c"], ["d"], ["e"]]) == ["a", "b", "c"])
        // b, c, d are tied across the limit (one fiche above them): all three are approved.
        #expect(r.approved(from: [["a"], ["b", "c", "d"], ["e"]]) == ["a", "b", "c", "d"])
        #expect(r.approved(from: [["e"], ["a", "b"], ["c", "d"]]) == ["e", "a", "b"])
        #expect(r.approved(from: [["e"], ["a"], ["b"], ["c", "d"]]) == ["e", "a", "b"])
        #expect(r.approved(from: [["b"], ["zz"], ["d"]]) == ["b", "d"])
        #expect(r.approved(from: []) == [])
        #expect(ActionRanking(id: "r", meeting: "s", item: nil, actions: ["a", "b", "c", "d"]).approvalPlaces == 2)
        #expect(Fr.Ranking.approvalRule(places: 1, of: 1) == "Approbations : la première place de chaque bulletin, sur 1 fiche.")
        #expect(Fr.Ranking.approvalRule(places: 3, of: 5)
                == "Approbations : les 3 premières places de chaque bulletin, sur 5 fiches.")
    }

    @Test("Complete ballots no longer approve everything: the fiche all rank first is funded by both budget methods")
    func completeBallots() throws {
        let ids = TestIDs()
        var (st, rid) = try ranked(ids)
        var r = try #require(st.rankings[rid])
        // Every member ranks all the fiches; the most expensive one first, so that a tie on votes
        // would leave it out (it is the last the cost tie-break takes).
        let byCost = r.actions.sorted { (st.actions[$0]?.cost ?? .zero) > (st.actions[$1]?.cost ?? .zero) }
        let top = byCost[0]
        let topCost = try #require(st.actions[top]?.cost)
        st = try applying(st, Commands.setEnvelope(st, ranking: rid, topCost + Money(euros: 50_000)))
        for (i, m) in r.ballotOrder.enumerated() {
            var rest = Array(byCost.dropFirst())
            rest = Array(rest[(i % rest.count)...] + rest[..<(i % rest.count)])
            st = try applying(st, Commands.setBallot(st, ranking: rid, member: m, ([top] + rest).map { [$0] }))
        }
        r = try #require(st.rankings[rid])
        let election = try #require(st.approvalElection(r))
        let counts = election.approvalCounts
        let ti = try #require(r.actions.firstIndex(of: top))
        #expect(counts[ti] == r.ballots.count)
        #expect(counts.reduce(0, +) < r.ballots.count * r.actions.count)
        #expect(election.approvals.allSatisfy { $0.count == r.approvalPlaces })
        #expect(election.outcome(.greedy).selected.contains(ti))
        #expect(election.outcome(.equalShares(.greedy)).selected.contains(ti))
    }

    @Test("A fiche already validated or under way keeps its status at adoption")
    func keepsLaterStatuses() throws {
        let ids = TestIDs()
        var (st, rid) = try ranked(ids)
        let first = st.rankings[rid]!.actions[0]
        st = try applying(st, .success([EventDraft(.actionEdit, first, [(.status, ActionStatus.en_cours.rawValue)])]))
        let adoption = try Commands.rankingAdoption(st, ranking: rid).get()
        let drafts = try Commands.adoptRanking(st, ranking: rid, adoption, makeID: ids.make).get()
        #expect(!drafts.contains { $0.kind == "action.edit" && $0.entity == first })
    }
}
