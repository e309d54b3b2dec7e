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

    /// One run of the Method of Equal Shares with cost utilities (`EqualSharesRunner.run`).
    func equalShares(budgetPerVoter: Rational, tie: [Int]) -> EqualSharesRun {
        let runner = EqualSharesRunner(self, tie: tie)
        return EqualSharesRun(details: runner.run(budgetPerVoter: budgetPerVoter, details: true).details!, candidates: runner.candidates)
    }

    /// Equal Shares with budgets raised by `increment` per voter until the outcome is exhaustive
    /// (no project it could consider still fits: keep it) or overspends (keep the previous one).
    func equalSharesAdd1(increment: Money, tie: [Int]) -> EqualSharesRun {
        precondition(increment > .zero, "the increment must be positive")
        let runner = EqualSharesRunner(self, tie: tie)
        let step = Rational(cents: increment)
        func share(_ raises: Int) -> Rational { initialShare + Rational(raises) * step }
        func kept(_ raises: Int) -> EqualSharesRun {
            var details = runner.run(budgetPerVoter: share(raises), details: true).details!
            details.raises = raises
            return EqualSharesRun(details: details, candidates: runner.candidates)
        }
        var raises = 0
        while true {
            let funded = runner.run(budgetPerVoter: share(raises)).funded
            let spent = cost(of: funded)
            if budget < spent {
                guard raises > 0 else {
                    return EqualSharesRun(
                        details: EqualSharesDetails(budgetPerVoter: initialShare, raises: 0, funded: [], groups: []),
                        candidates: runner.candidates)
                }
                return kept(raises - 1)
            }
            let chosen = Set(funded)
            let exhaustive = !runner.candidates.contains { !chosen.contains($0) && !(budget < spent + projects[$0].cost) }
            if exhaustive || voterIDs.isEmpty { return kept(raises) }
            raises += 1
        }
    }
}
