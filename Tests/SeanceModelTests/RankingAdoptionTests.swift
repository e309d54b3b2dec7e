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
    func ranked(_ ids: CommandTests.IDs) throws -> (ProjectState, String) {
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
        let ids = CommandTests.IDs()
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
        for (a, c) in zip(adoption.selected, costs) { #expect(text.contains("\(st.actions[a]!.title) (\(c.french))")) }
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
        let ids = CommandTests.IDs()
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
        let ids = CommandTests.IDs()
        let (st, rid) = try ranked(ids)
        let adoption = try Commands.rankingAdoption(st, ranking: rid).get()
        guard case .failure(let refusal) = Commands.adoptRanking(st, ranking: rid, adoption, quorum: .required, makeID: ids.make) else {
            Issue.record("adopted without quorum"); return
        }
        #expect(refusal.code == .quorumNotMet)
        let waived = try Commands.adoptRanking(st, ranking: rid, adoption, quorum: .waived, makeID: ids.make).get()
        #expect(waived[0].value(.withoutQuorum) == "oui")
    }

    @Test("A fiche already validated or under way keeps its status at adoption")
    func keepsLaterStatuses() throws {
        let ids = CommandTests.IDs()
        var (st, rid) = try ranked(ids)
        let first = st.rankings[rid]!.actions[0]
        st = try applying(st, .success([EventDraft(.actionEdit, first, [(.status, ActionStatus.en_cours.rawValue)])]))
        let adoption = try Commands.rankingAdoption(st, ranking: rid).get()
        let drafts = try Commands.adoptRanking(st, ranking: rid, adoption, makeID: ids.make).get()
        #expect(!drafts.contains { $0.kind == "action.edit" && $0.entity == first })
    }
}
