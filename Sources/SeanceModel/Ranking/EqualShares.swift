/// The Method of Equal Shares with cost utilities, as pabutools' `method_of_equal_shares`
/// (notes §3.1), and its add1 completion, exact throughout.
///
/// Voters are handled in classes: those who approve the same funded projects have the same
/// budget (they paid the same, or all ran out together), so a project's price is computed over
/// its supporters' classes, few in the first rounds, rather than over every ballot.
struct EqualSharesRunner {
    let election: ApprovalElection
    let tie: [Int]
    /// Distinct ballots with their voters, in order of first voter.
    let groups: [(approvals: [Int], voters: [Int])]
    /// Per project, the groups that approve it.
    let groupsOf: [[Int]]
    /// The projects Equal Shares could consider (approved by someone, cost > 0).
    let candidates: [Int]
    /// Free projects with supporters, in tie order: taken first, as pabutools does.
    let free: [Int]
    let cost: [Rational]

    init(_ e: ApprovalElection, tie: [Int]) {
        election = e
        self.tie = tie
        groups = e.ballotGroups
        var of = [[Int]](repeating: [], count: e.projects.count)
        for (g, group) in groups.enumerated() { for p in group.approvals { of[p].append(g) } }
        groupsOf = of
        candidates = (0..<e.projects.count).filter { e.projects[$0].cost > .zero && !of[$0].isEmpty }
        free = e.voterIDs.isEmpty ? [] : (0..<e.projects.count)
            .filter { e.projects[$0].cost == .zero && !of[$0].isEmpty }
            .sorted { tie[$0] < tie[$1] }
        cost = e.projects.map { Rational(cents: $0.cost) }
    }

    struct Run {
        var funded: [Int]
        /// The budgets per voter from this run's up to which the run would fund the same projects.
        var stability: Stability
        /// Who paid what, when asked for.
        var details: EqualSharesDetails?
    }

    /// One run with `b` per voter: each round, for every project its supporters can still pay for,
    /// the smallest equal price per unit of utility ρ at which they can (the poorest paying all
    /// they have); the project of least ρ is funded (ties by `tie`), each supporter paying
    /// min(her budget, ρ·cost).
    func run(budgetPerVoter b: Rational, details wantDetails: Bool = false) -> Run {
        let projectCount = election.projects.count, groupCount = groups.count
        var stability = Stability(b: b)
        // Classes: budget, voters, whether the budget is spent; each group's class; per project
        // and class, how many of the class's voters approve it, and the classes that do.
        var budget: [AffineInBudget] = [.budget(b)]
        var size = [groups.reduce(0) { $0 + $1.voters.count }]
        var spent = [false]
        var classOf = [Int](repeating: 0, count: groupCount)
        var count = [Int](repeating: 0, count: projectCount * max(groupCount, 1))
        var classes = [[Int]](repeating: [], count: projectCount)
        for p in candidates {
            count[p * groupCount] = groupsOf[p].reduce(0) { $0 + groups[$1].voters.count }
            classes[p] = [0]
        }
        var funded = free
        var rows: [[Rational]] = wantDetails ? free.map { _ in [Rational](repeating: .zero, count: groupCount) } : []
        var remaining = election.voterIDs.isEmpty ? [] : candidates
        // ρ of a project only grows as budgets shrink, so the last ρ computed is a lower bound:
        // projects are tried from the lowest bound, and the round stops at a bound above the best.
        var bound = [AffineInBudget](repeating: .zero, count: projectCount)
        for p in candidates { bound[p] = .constant(Rational(1, count[p * groupCount])) }

        struct Priced { var p: Int; var rho: AffineInBudget; var price: AffineInBudget; var poor: [Bool] }
        while true {
            remaining.sort { bound[$0].value != bound[$1].value ? bound[$0].value < bound[$1].value : tie[$0] < tie[$1] }
            var best: Priced?
            var priced: [Priced] = []
            var unaffordable: [Int] = []
            var skippedFrom = remaining.count
            for (i, p) in remaining.enumerated() {
                if let x = best, x.rho.value < bound[p].value { skippedFrom = i; break }
                classes[p].removeAll { count[p * groupCount + $0] == 0 || spent[$0] }
                let supporters = classes[p]
                var available = AffineInBudget.zero
                for c in supporters { available = available + budget[c].times(count[p * groupCount + c]) }
                let c = AffineInBudget.constant(cost[p])
                if available.value < cost[p] {
                    stability.keep(c - available, valueSign: 1)
                    unaffordable.append(p)
                    continue
                }
                // The poor pay all they have, the rich the price: mark as poor whoever cannot pay
                // the price of the rich, until no one else is.
                var poor = [Bool](repeating: false, count: supporters.count)
                var poorMoney = AffineInBudget.zero
                var rich = supporters.reduce(0) { $0 + count[p * groupCount + $1] }
                var price = c.times(Rational(1, rich))
                while true {
                    var changed = false
                    for (i, k) in supporters.enumerated() where !poor[i] && budget[k].value < price.value {
                        poor[i] = true
                        changed = true
                        poorMoney = poorMoney + budget[k].times(count[p * groupCount + k])
                        rich -= count[p * groupCount + k]
                    }
                    if !changed { break }
                    price = (c - poorMoney).times(Rational(1, rich))
                }
                for (i, k) in supporters.enumerated() {
                    stability.keep(budget[k], minus: price, valueSign: poor[i] ? -1 : (budget[k].value == price.value ? 0 : 1))
                }
                let rho = price.times(Rational(1) / cost[p])
                bound[p] = rho
                let candidate = Priced(p: p, rho: rho, price: price, poor: poor)
                priced.append(candidate)
                if let x = best, !(rho.value < x.rho.value || (rho.value == x.rho.value && tie[p] < tie[x.p])) { continue }
                best = candidate
            }
            guard let x = best else { break }
            // The same project wins at a larger b as long as every other one still loses to it.
            for q in priced where q.p != x.p {
                stability.keep(q.rho, minus: x.rho, valueSign: q.rho.value == x.rho.value ? 0 : 1)
            }
            for q in remaining[skippedFrom...] {
                stability.keep(bound[q], minus: x.rho, valueSign: 1)
            }
            remaining.removeAll { $0 == x.p || unaffordable.contains($0) }

            // Payment: each supporting class pays, and splits from those of its voters who do not
            // approve the project.
            let supporters = classes[x.p]
            var row = wantDetails ? [Rational](repeating: .zero, count: groupCount) : []
            var splitInto = [Int: Int]()
            var payOfClass = [Int: Rational]()
            for (i, k) in supporters.enumerated() {
                let paying = count[x.p * groupCount + k]
                let pay = x.poor[i] ? budget[k] : x.price
                payOfClass[k] = pay.value
                let after = x.poor[i] ? AffineInBudget.zero : budget[k] - x.price
                if paying == size[k] {
                    budget[k] = after
                    spent[k] = x.poor[i]
                } else {
                    splitInto[k] = budget.count
                    budget.append(after)
                    size.append(paying)
                    spent.append(x.poor[i])
                    size[k] -= paying
                }
            }
            for g in groupsOf[x.p] {
                let k = classOf[g]
                if wantDetails, let pay = payOfClass[k] { row[g] = pay }
                guard let n = splitInto[k] else { continue }
                classOf[g] = n
                let m = groups[g].voters.count
                for p in groups[g].approvals {
                    count[p * groupCount + k] -= m
                    if count[p * groupCount + n] == 0 { classes[p].append(n) }
                    count[p * groupCount + n] += m
                }
            }
            funded.append(x.p)
            if wantDetails { rows.append(row) }
        }
        var details: EqualSharesDetails?
        if wantDetails {
            let table = groups.enumerated().map { g, group in
                PaymentGroup(approvals: group.approvals, voters: group.voters, paid: rows.map { $0[g] }, left: budget[classOf[g]].value)
            }
            details = EqualSharesDetails(budgetPerVoter: b, raises: 0, funded: funded, groups: table)
        }
        return Run(funded: funded, stability: stability, details: details)
    }
}
