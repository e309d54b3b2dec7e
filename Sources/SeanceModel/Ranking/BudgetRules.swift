/// What Equal Shares does with the budget it leaves unspent.
public enum EqualSharesCompletion: Sendable, Equatable {
    /// Nothing: pure Method of Equal Shares.
    case none
    /// Raise every voter's budget by `increment` and run again, until the outcome spends all it
    /// can (keep it) or would overspend (keep the previous one): pabutools' `voter_budget_increment`.
    case add1(increment: Money)
    /// Fill the rest greedily by number of approvals (pabutools' `completion_by_rule_combination`).
    case greedy
    /// `add1`, then `greedy` (equalshares.net's default).
    case add1ThenGreedy(increment: Money)

    /// One unit of the election's money (1 € or 1 zł) per voter and run, as `voter_budget_increment=1`.
    public static let defaultIncrement = Money(cents: 100)
}

/// A rule that selects projects under the budget.
public enum BudgetRule: Sendable, Equatable {
    /// By number of approvals, most first; a project that does not fit is skipped, the next tried.
    case greedy
    /// The Method of Equal Shares with cost utilities (a voter's utility for a project she
    /// approves is its cost), with an optional completion.
    case equalShares(EqualSharesCompletion)
}

/// What one group of identical ballots paid under Equal Shares (voters with the same ballot
/// always pay the same).
public struct PaymentGroup: Sendable, Equatable {
    /// The projects these voters approve.
    public var approvals: [Int]
    /// The voters (indices) who cast this ballot.
    public var voters: [Int]
    /// Per voter, in cents, for each project of `EqualSharesDetails.funded` (zero if not a supporter).
    public var paid: [Rational]
    /// Per voter, in cents, what was left of her budget at the end.
    public var left: Rational
}

public struct EqualSharesDetails: Sendable, Equatable {
    /// Each voter's budget in the run kept, in cents (B / n, plus the raises of `add1`).
    public var budgetPerVoter: Rational
    /// How many times `add1` raised the budgets.
    public var raises: Int
    /// The projects Equal Shares itself funded, in order; a greedy completion comes after them.
    public var funded: [Int]
    /// Who paid for what, one row per distinct ballot, in order of first voter.
    public var groups: [PaymentGroup]
}

public struct BudgetOutcome: Sendable, Equatable {
    public var rule: BudgetRule
    public var tieBreak: BudgetTieBreak
    /// Selected projects, in the order they were selected.
    public var selected: [Int]
    public var totalCost: Money
    public var equalShares: EqualSharesDetails?
}

extension ApprovalElection {
    /// Runs a rule. Exact throughout: budgets and payments are rationals of cents.
    public func outcome(_ rule: BudgetRule, tieBreak: BudgetTieBreak = .lexicographic) -> BudgetOutcome {
        let tie = tieBreak.positions(projects)
        switch rule {
        case .greedy:
            let sel = greedy(from: [], tie: tie)
            return BudgetOutcome(rule: rule, tieBreak: tieBreak, selected: sel, totalCost: cost(of: sel))
        case .equalShares(let completion):
            var run: EqualSharesRun
            switch completion {
            case .none, .greedy: run = equalShares(budgetPerVoter: initialShare, tie: tie)
            case .add1(let d), .add1ThenGreedy(let d): run = equalSharesAdd1(increment: d, tie: tie)
            }
            var sel = run.details.funded
            switch completion {
            case .greedy, .add1ThenGreedy: sel = greedy(from: sel, tie: tie)
            case .none, .add1: break
            }
            return BudgetOutcome(rule: rule, tieBreak: tieBreak, selected: sel, totalCost: cost(of: sel), equalShares: run.details)
        }
    }

    var initialShare: Rational {
        voterIDs.isEmpty ? .zero : Rational(cents: budget) / Rational(voterIDs.count)
    }

    /// Greedy by approvals (pabutools' `greedy_utilitarian_welfare` with cost satisfaction: votes
    /// per cost × cost), continuing after `start`: every other project in order of most approvals
    /// (a free project with approvals first), ties by `tie`; taken if it still fits.
    func greedy(from start: [Int], tie: [Int]) -> [Int] {
        let votes = approvalCounts
        let taken = Set(start)
        let order = (0..<projects.count).filter { !taken.contains($0) }.sorted { a, b in
            let fa = projects[a].cost == .zero && votes[a] > 0, fb = projects[b].cost == .zero && votes[b] > 0
            if fa != fb { return fa }
            if votes[a] != votes[b] { return votes[a] > votes[b] }
            return tie[a] < tie[b]
        }
        var sel = start
        var left = budget - cost(of: start)
        for p in order where !(left < projects[p].cost) {
            sel.append(p)
            left = left - projects[p].cost
        }
        return sel
    }

    struct EqualSharesRun {
        var details: EqualSharesDetails
        /// The projects Equal Shares could consider (approved by someone, cost > 0).
        var candidates: [Int]
    }

    /// Distinct ballots with their voters, in order of first voter.
    var ballotGroups: [(approvals: [Int], voters: [Int])] {
        var index: [[Int]: Int] = [:]
        var groups: [(approvals: [Int], voters: [Int])] = []
        for (v, a) in approvals.enumerated() {
            let key = a.sorted()
            if let g = index[key] { groups[g].voters.append(v) } else {
                index[key] = groups.count
                groups.append((a, [v]))
            }
        }
        return groups
    }

    /// One run of the Method of Equal Shares with cost utilities, as pabutools'
    /// `method_of_equal_shares` (notes §3.1): each round, for every project its supporters can
    /// still pay for, the smallest equal price per unit of utility ρ at which they can (the
    /// poorest pay all they have); the project of least ρ is funded (ties by `tie`), each
    /// supporter paying min(her budget, ρ·cost).
    func equalShares(budgetPerVoter: Rational, tie: [Int], groups given: [(approvals: [Int], voters: [Int])]? = nil) -> EqualSharesRun {
        let groups = given ?? ballotGroups
        var left = [Rational](repeating: budgetPerVoter, count: groups.count)
        var supporters = [[Int]](repeating: [], count: projects.count)
        for (g, group) in groups.enumerated() { for p in group.approvals { supporters[p].append(g) } }
        var funded: [Int] = []
        var paid: [[Rational]] = []   // per funded project, per group
        // Free projects with supporters are taken first (as pabutools does), in tie order.
        for p in (0..<projects.count).sorted(by: { tie[$0] < tie[$1] })
        where projects[p].cost == .zero && !supporters[p].isEmpty && !voterIDs.isEmpty {
            funded.append(p)
            paid.append([Rational](repeating: .zero, count: groups.count))
        }
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
    func equalSharesAdd1(increment: Money, tie: [Int]) -> EqualSharesRun {
        precondition(increment > .zero, "the increment must be positive")
        var share = initialShare
        var previous: EqualSharesRun?
        var raises = 0
        let groups = ballotGroups
        while true {
            var run = equalShares(budgetPerVoter: share, tie: tie, groups: groups)
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
