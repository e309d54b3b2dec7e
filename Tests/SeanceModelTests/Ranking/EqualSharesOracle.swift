@testable import SeanceModel

/// The first exact Equal Shares, kept as the oracle of the fast one (EqualShares.swift): every
/// ballot group on its own, rationals throughout, every raise of add1 run.
extension ApprovalElection {
    /// `outcome(.equalShares(completion))`'s Equal Shares part, by the oracle.
    func oracleEqualSharesDetails(_ completion: EqualSharesCompletion, tieBreak: BudgetTieBreak = .lexicographic) -> EqualSharesDetails {
        let tie = tieBreak.positions(projects)
        switch completion {
        case .none, .greedy: return oracleEqualShares(budgetPerVoter: initialShare, tie: tie).details
        case .add1(let d), .add1ThenGreedy(let d): return oracleEqualSharesAdd1(increment: d, tie: tie).details
        }
    }

    /// One run of the Method of Equal Shares with cost utilities, as pabutools'
    /// `method_of_equal_shares` (notes §3.1): each round, for every project its supporters can
    /// still pay for, the smallest equal price per unit of utility ρ at which they can (the
    /// poorest pay all they have); the project of least ρ is funded (ties by `tie`), each
    /// supporter paying min(her budget, ρ·cost).
    func oracleEqualShares(budgetPerVoter: Rational, tie: [Int], groups given: [(approvals: [Int], voters: [Int])]? = nil) -> EqualSharesRun {
        let groups = given ?? ballotGroups
        var left = [Rational](repeating: budgetPerVoter, count: groups.count)
        var supporters = [[Int]](repeating: [], count: projects.count)
        for (g, group) in groups.enumerated() { for p in group.approvals { supporters[p].append(g) } }
        var funded: [Int] = []
        var paid: [[Rational]] = []   // per funded project, per group
        // A free project is worth its cost, nothing, to its supporters: never funded (as pabutools
        // with Cost_Sat, whose first implementation here took them first).
        let candidates = (0..<projects.count).filter { projects[$0].cost > .zero && !supporters[$0].isEmpty }
        var remaining = voterIDs.isEmpty ? [] : candidates
        // ρ of a project only grows as budgets shrink, so the last ρ computed is a lower bound:
        // projects are tried from the lowest bound, and the round stops at a bound above the best.
        var bound = [Rational](repeating: .zero, count: projects.count)
        for p in candidates { bound[p] = Rational(1, supporters[p].reduce(0) { $0 + groups[$1].voters.count }) }
        while true {
            remaining.sort { bound[$0] != bound[$1] ? bound[$0] < bound[$1] : tie[$0] < tie[$1] }
            var best: (p: Int, rho: Rational, price: Rational)?
            var unaffordable: [Int] = []
            for p in remaining {
                if let b = best, b.rho < bound[p] { break }
                let cost = Rational(cents: projects[p].cost)
                // The supporters' budgets take few distinct values: work on those.
                var values: [Rational] = [], counts: [Int] = []
                for g in supporters[p] {
                    if let i = values.firstIndex(of: left[g]) { counts[i] += groups[g].voters.count } else {
                        values.append(left[g]); counts.append(groups[g].voters.count)
                    }
                }
                var available = Rational.zero
                for (v, c) in zip(values, counts) { available += v * Rational(c) }
                if available < cost { unaffordable.append(p); continue }
                var spent = Rational.zero
                var count = counts.reduce(0, +)
                var price = Rational.zero
                for i in values.indices.sorted(by: { values[$0] < values[$1] }) {
                    price = (cost - spent) / Rational(count)
                    if price <= values[i] { break }
                    spent += values[i] * Rational(counts[i])
                    count -= counts[i]
                }
                let rho = price / cost
                bound[p] = rho
                if let b = best, !(rho < b.rho || (rho == b.rho && tie[p] < tie[b.p])) { continue }
                best = (p, rho, price)
            }
            remaining.removeAll { unaffordable.contains($0) }
            guard let b = best else { break }
            var row = [Rational](repeating: .zero, count: groups.count)
            for g in supporters[b.p] {
                let pay = Rational.min(left[g], b.price)
                row[g] = pay
                left[g] -= pay
            }
            funded.append(b.p)
            paid.append(row)
            remaining.removeAll { $0 == b.p }
        }
        let table = groups.enumerated().map { g, group in
            PaymentGroup(approvals: group.approvals, voters: group.voters, paid: paid.map { $0[g] }, left: left[g])
        }
        return EqualSharesRun(
            details: EqualSharesDetails(budgetPerVoter: budgetPerVoter, raises: 0, funded: funded, groups: table),
            candidates: candidates)
    }

    /// Equal Shares with budgets raised by `increment` per voter until the outcome is exhaustive
    /// (no project it could consider still fits: keep it) or overspends (keep the previous one).
    func oracleEqualSharesAdd1(increment: Money, tie: [Int]) -> EqualSharesRun {
        precondition(increment > .zero, "the increment must be positive")
        var share = initialShare
        var previous: EqualSharesRun?
        var raises = 0
        let groups = ballotGroups
        while true {
            var run = oracleEqualShares(budgetPerVoter: share, tie: tie, groups: groups)
            run.details.raises = raises
            let spent = cost(of: run.details.funded)
            if budget < spent {
                return previous ?? EqualSharesRun(
                    details: EqualSharesDetails(budgetPerVoter: initialShare, raises: 0, funded: [], groups: []),
                    candidates: run.candidates)
            }
            let chosen = Set(run.details.funded)
            let exhaustive = !run.candidates.contains { !chosen.contains($0) && !(budget < spent + projects[$0].cost) }
            if exhaustive || voterIDs.isEmpty { return run }
            previous = run
            share += Rational(cents: increment)
            raises += 1
        }
    }
}
