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
    /// The projects Equal Shares could consider (approved by someone, cost > 0). A free project
    /// is worth its cost, nothing, to its supporters: Equal Shares never funds it, as pabutools
    /// with cost satisfaction (a greedy completion may).
    let candidates: [Int]
    let cost: [Rational]

    init(_ e: ApprovalElection, tie: [Int]) {
        election = e
        self.tie = tie
        groups = e.ballotGroups
        var of = [[Int]](repeating: [], count: e.projects.count)
        for (g, group) in groups.enumerated() { for p in group.approvals { of[p].append(g) } }
        groupsOf = of
        candidates = (0..<e.projects.count).filter { e.projects[$0].cost > .zero && !of[$0].isEmpty }
        cost = e.projects.map { Rational(cents: $0.cost) }
    }

    struct Run {
        var funded: [Int]
        /// Who paid what, when asked for.
        var details: EqualSharesDetails?
    }

    /// A project priced in a round: its price per supporter who is not poor, as bounds and
    /// exactly once needed; which supporting classes are poor (pay all they have).
    struct Priced {
        var p: Int
        var lo: Int64, hi: Int64
        var exact: Rational?
        var supporters: [Int]
        var poor: [Bool]
        var rich: Int
    }

    /// One run with `b` per voter: each round, for every project its supporters can still pay for,
    /// the smallest equal price per unit of utility ρ at which they can (the poorest paying all
    /// they have); the project of least ρ is funded (ties by `tie`), each supporter paying
    /// min(her budget, ρ·cost). ρ = price / cost, so projects compare by price × the other's cost.
    func run(budgetPerVoter b: Rational, details wantDetails: Bool = false) -> Run {
        let projectCount = election.projects.count, groupCount = groups.count
        let voterCount = groups.reduce(0) { $0 + $1.voters.count }
        let costCents = election.projects.map(\.cost.cents)
        let largest = [Rational(voterCount) * b, Rational(cents: election.budget)] + cost
        let unit = MoneyBounds(largest: largest.max()!)
        let shift = unit?.shift ?? 0
        // Classes: bounds of the budget, voters, whether the budget is spent, and the rounds it
        // paid in as one who is not poor (its exact budget is b minus those prices).
        let start: (lo: Int64, hi: Int64) = unit?.bounds(b) ?? (0, 0)
        var lo = [start.lo], hi = [start.hi]
        var size = [voterCount]
        var spent = [false]
        var history: [[Int]] = [[]]
        var exactCache: [Rational?] = [b]
        // The exact prices are computed only when asked for (a comparison the bounds cannot
        // settle, or the payment table): from each round's poor classes, whose history stops there.
        var prices: [Rational?] = []
        var rounds: [(p: Int, poor: [(k: Int, voters: Int)], rich: Int)] = []
        func price(_ r: Int) -> Rational {
            if let v = prices[r] { return v }
            var poorMoney = Rational.zero
            for (k, m) in rounds[r].poor { poorMoney += budgetBefore(k) * Rational(m) }
            let v = (cost[rounds[r].p] - poorMoney) / Rational(rounds[r].rich)
            prices[r] = v
            return v
        }
        /// b minus the prices paid: the budget, or what it was before it was all spent.
        func budgetBefore(_ k: Int) -> Rational {
            if let v = exactCache[k] { return v }
            var v = b
            for r in history[k] { v -= price(r) }
            exactCache[k] = v
            return v
        }
        func exactBudget(_ k: Int) -> Rational { spent[k] ? .zero : budgetBefore(k) }
        // Each group's class; per project and class, how many of the class's voters approve it,
        // and the classes that do.
        var classOf = [Int](repeating: 0, count: groupCount)
        // Per class, the class its payers split into this round (-1: none).
        var splitInto = [Int](repeating: -1, count: max(groupCount, 1))
        var splitClasses: [Int] = []
        var count = [Int](repeating: 0, count: projectCount * max(groupCount, 1))
        var classes = [[Int]](repeating: [], count: projectCount)
        for p in candidates {
            count[p * groupCount] = groupsOf[p].reduce(0) { $0 + groups[$1].voters.count }
            classes[p] = [0]
        }

        /// The price by the bounds, nil when they do not settle a comparison (or there is no unit).
        func boundedPrice(_ p: Int, _ supporters: [Int]) -> Priced?? {
            guard unit != nil else { return nil }
            let base = p * groupCount
            let c = costCents[p] << shift
            var availableLo: Int64 = 0, availableHi: Int64 = 0
            for k in supporters {
                let m = Int64(count[base + k])
                availableLo &+= m &* lo[k]; availableHi &+= m &* hi[k]
            }
            if availableHi < c { return .some(nil) }
            if availableLo < c { return nil }
            var poor = [Bool](repeating: false, count: supporters.count)
            var poorLo: Int64 = 0, poorHi: Int64 = 0
            var rich = supporters.reduce(0) { $0 + count[base + $1] }
            while true {
                let priceLo = floorDiv(c &- poorHi, Int64(rich)), priceHi = ceilDiv(c &- poorLo, Int64(rich))
                var changed = false
                for (i, k) in supporters.enumerated() where !poor[i] {
                    if hi[k] < priceLo {
                        poor[i] = true
                        changed = true
                        let m = Int64(count[base + k])
                        poorLo &+= m &* lo[k]; poorHi &+= m &* hi[k]
                        rich -= count[base + k]
                    } else if lo[k] < priceHi {
                        return nil
                    }
                }
                if !changed { return Priced(p: p, lo: priceLo, hi: priceHi, exact: nil, supporters: supporters, poor: poor, rich: rich) }
            }
        }

        /// The price in exact rationals (nil: unaffordable).
        func exactPrice(_ p: Int, _ supporters: [Int]) -> Priced? {
            let base = p * groupCount
            var available = Rational.zero
            for k in supporters { available += exactBudget(k) * Rational(count[base + k]) }
            if available < cost[p] { return nil }
            var poor = [Bool](repeating: false, count: supporters.count)
            var poorMoney = Rational.zero
            var rich = supporters.reduce(0) { $0 + count[base + $1] }
            var price = cost[p] / Rational(rich)
            while true {
                var changed = false
                for (i, k) in supporters.enumerated() where !poor[i] && exactBudget(k) < price {
                    poor[i] = true
                    changed = true
                    poorMoney += exactBudget(k) * Rational(count[base + k])
                    rich -= count[base + k]
                }
                if !changed { break }
                price = (cost[p] - poorMoney) / Rational(rich)
            }
            let (l, h) = unit?.bounds(price) ?? (0, 0)
            return Priced(p: p, lo: l, hi: h, exact: price, supporters: supporters, poor: poor, rich: rich)
        }

        func settle(_ x: inout Priced) -> Rational {
            if let v = x.exact { return v }
            let base = x.p * groupCount
            var poorMoney = Rational.zero
            for (i, k) in x.supporters.enumerated() where x.poor[i] { poorMoney += exactBudget(k) * Rational(count[base + k]) }
            let v = (cost[x.p] - poorMoney) / Rational(x.rich)
            x.exact = v
            return v
        }

        /// Whether x comes before y: smaller ρ, or equal ρ and first in the tie order.
        func precedes(_ x: inout Priced, _ y: inout Priced) -> Bool {
            if unit != nil {
                if productLess(x.hi, costCents[y.p], y.lo, costCents[x.p]) { return true }
                if productLess(y.hi, costCents[x.p], x.lo, costCents[y.p]) { return false }
            }
            let l = settle(&x) * cost[y.p], r = settle(&y) * cost[x.p]
            return l < r || (l == r && tie[x.p] < tie[y.p])
        }

        var funded: [Int] = []
        var rows: [[Rational]] = []
        var remaining = election.voterIDs.isEmpty ? [] : candidates
        // ρ of a project only grows as budgets shrink, so the last lower bound of its price is
        // still one: projects are tried from the lowest, and the round stops at one above the best.
        var bound = [Int64](repeating: 0, count: projectCount)
        if let unit { for p in candidates { bound[p] = unit.exact(costCents[p]) / Int64(count[p * groupCount]) } }
        while true {
            remaining.sort { a, b in
                let l = bound[a].multipliedFullWidth(by: costCents[b]), r = bound[b].multipliedFullWidth(by: costCents[a])
                return l != r ? (l.high != r.high ? l.high < r.high : l.low < r.low) : tie[a] < tie[b]
            }
            var best: Priced?
            var unaffordable: [Int] = []
            for p in remaining {
                if let x = best, unit != nil, productLess(x.hi, costCents[p], bound[p], costCents[x.p]) { break }
                classes[p].removeAll { count[p * groupCount + $0] == 0 || spent[$0] }
                let priced: Priced?
                switch boundedPrice(p, classes[p]) {
                case .some(let settled): priced = settled
                case .none: priced = exactPrice(p, classes[p])
                }
                guard var y = priced else { unaffordable.append(p); continue }
                bound[p] = y.lo
                if var x = best {
                    let before = precedes(&y, &x)
                    best = before ? y : x
                } else {
                    best = y
                }
            }
            guard var x = best else { break }
            remaining.removeAll { $0 == x.p || unaffordable.contains($0) }

            // Payment: each supporting class pays, and splits from those of its voters who do not
            // approve the project.
            let (priceLo, priceHi) = (x.lo, x.hi)
            if wantDetails { _ = settle(&x) }   // before any class of the round is marked spent
            prices.append(x.exact)
            let round = prices.count - 1
            var poorPaid: [(k: Int, voters: Int)] = []
            var row = wantDetails ? [Rational](repeating: .zero, count: groupCount) : []
            var payOfClass = [Int: Rational]()
            for (i, k) in x.supporters.enumerated() {
                let paying = count[x.p * groupCount + k]
                if wantDetails { payOfClass[k] = x.poor[i] ? exactBudget(k) : x.exact! }
                var n = k
                if paying != size[k] {
                    n = lo.count
                    splitInto[k] = n
                    splitClasses.append(k)
                    lo.append(lo[k]); hi.append(hi[k]); spent.append(false)
                    history.append(history[k]); exactCache.append(exactCache[k])
                    size.append(paying)
                    size[k] -= paying
                }
                if x.poor[i] {
                    spent[n] = true
                    poorPaid.append((n, paying))
                    lo[n] = 0; hi[n] = 0
                } else {
                    lo[n] -= priceHi; hi[n] -= priceLo
                    history[n].append(round)
                    exactCache[n] = nil
                }
            }
            for g in groupsOf[x.p] {
                let k = classOf[g]
                if wantDetails, let pay = payOfClass[k] { row[g] = pay }
                let n = splitInto[k]
                if n < 0 { continue }
                classOf[g] = n
                let m = groups[g].voters.count
                for p in groups[g].approvals {
                    count[p * groupCount + k] -= m
                    if count[p * groupCount + n] == 0 { classes[p].append(n) }
                    count[p * groupCount + n] += m
                }
            }
            rounds.append((x.p, poorPaid, x.rich))
            for k in splitClasses { splitInto[k] = -1 }
            splitClasses.removeAll(keepingCapacity: true)
            funded.append(x.p)
            if wantDetails { rows.append(row) }
        }
        var details: EqualSharesDetails?
        if wantDetails {
            let table = groups.enumerated().map { g, group in
                PaymentGroup(approvals: group.approvals, voters: group.voters, paid: rows.map { $0[g] }, left: exactBudget(classOf[g]))
            }
            details = EqualSharesDetails(budgetPerVoter: b, raises: 0, funded: funded, groups: table)
        }
        return Run(funded: funded, details: details)
    }
}
