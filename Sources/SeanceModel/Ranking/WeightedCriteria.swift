/// A criterion of the weighted grid (« économiquement viable », « urgence »…).
public struct Criterion: Hashable, Sendable {
    public var id: String
    public var name: String
    /// Any non-negative exact weight; a percentage typed on screen is `Rational(p, 100)`. The
    /// totals use the weights as given, the sensitivity analysis their shares (w / Σw).
    public var weight: Rational

    public init(id: String, name: String, weight: Rational) {
        self.id = id
        self.name = name
        self.weight = weight
    }
}

/// The weighted-criteria grid: a score per action per criterion, totals computed exactly.
public struct WeightedGrid: Sendable, Equatable {
    public var criteria: [Criterion]
    public var actions: [Candidate]
    /// `scores[action][criterion]`.
    public var scores: [[Rational]]
    /// One cost per action, for the tie-break chain; nil when unknown.
    public var costs: [Money]?

    public init(criteria: [Criterion], actions: [Candidate], scores: [[Rational]], costs: [Money]? = nil) {
        precondition(scores.count == actions.count && scores.allSatisfy { $0.count == criteria.count })
        self.criteria = criteria
        self.actions = actions
        self.scores = scores
        self.costs = costs
    }

    /// The preset « développement durable »: three criteria of equal weight (1/3 each).
    public static let sustainableDevelopment: [Criterion] = [
        Criterion(id: "eco", name: Fr.Ranking.criterionEconomic, weight: Rational(1, 3)),
        Criterion(id: "soc", name: Fr.Ranking.criterionSocial, weight: Rational(1, 3)),
        Criterion(id: "env", name: Fr.Ranking.criterionEcological, weight: Rational(1, 3)),
    ]

    /// Σ_k w_k · s_{a,k} for every action.
    public func totals() -> [Rational] {
        scores.map { row in
            var t = Rational.zero
            for (k, s) in row.enumerated() where !s.isZero { t += criteria[k].weight * s }
            return t
        }
    }

    /// The ranking by total, ties broken by the chain (lower cost, then list order).
    public func ranking() -> RankingResult {
        let t = totals()
        let chain = TieBreakChain(count: actions.count, borda: nil, costs: costs)
        return RankingResult(method: .weighted, tiers: RankingResult.tiers(byDescending: t, chain: chain),
                             scores: t, tieBreak: chain.description)
    }

    /// The weights as shares of their sum (all zero if they sum to zero).
    public var shares: [Rational] {
        let sum = criteria.reduce(Rational.zero) { $0 + $1.weight }
        return criteria.map { sum.isZero ? .zero : $0.weight / sum }
    }
}

/// Where a pair of actions swaps when one weight moves.
public struct SwapPoint: Sendable, Equatable {
    public var criterion: Int
    /// The change of this weight alone (others unchanged, in the units of the weights) that makes
    /// the two totals equal: (S_b − S_a) / d_k. Nil when it cannot (d_k = 0, or the weight would go below 0).
    public var shift: Rational?
    /// The share of this criterion (others rescaled in proportion so the shares still sum to 1) at
    /// which the two tie: R / (R − d_k), R = Σ_{m≠k} w_m d_m / (1 − w_k). Nil when outside [0, 1].
    public var share: Rational?
}

/// How fragile the place of two neighbours is.
public struct NeighbourSwap: Sendable, Equatable {
    /// The action above, and the one just below it.
    public var upper: Int
    public var lower: Int
    public var points: [SwapPoint]
    /// The criterion whose share has to move the least for them to swap, and that share.
    public var closest: SwapPoint?
}

/// The range of one criterion's share over which the whole ranking stays as it is.
public struct StabilityInterval: Sendable, Equatable {
    public var criterion: Int
    public var current: Rational
    public var lower: Rational
    public var upper: Rational
}

extension WeightedGrid {
    /// For each pair of neighbours in `ranking` (default: this grid's own), how far each weight
    /// must move for them to swap (notes §2.4). Exact.
    public func neighbourSwaps(_ ranking: RankingResult? = nil) -> [NeighbourSwap] {
        let order = (ranking ?? self.ranking()).order
        let t = totals()
        let w = shares
        guard order.count > 1 else { return [] }
        return (0..<(order.count - 1)).map { i in
            let a = order[i], b = order[i + 1]
            let pts = (0..<criteria.count).map { k in swapPoint(a, b, k, totals: t, shares: w) }
            let closest = pts.filter { $0.share != nil }.min { p, q in
                distance(p.share!, w[p.criterion]) < distance(q.share!, w[q.criterion])
            }
            return NeighbourSwap(upper: a, lower: b, points: pts, closest: closest)
        }
    }

    /// For each criterion, the interval of its share where no pair of actions changes order: the
    /// closest crossovers below and above the current share. Only neighbours in the current order
    /// need checking: when a weight moves, the first pair to tie is always a pair of neighbours
    /// (anything ranked between two tying actions ties with them).
    public func stabilityIntervals() -> [StabilityInterval] {
        let order = ranking().order
        return stabilityIntervals(pairs: order.indices.dropLast().map { (order[$0], order[$0 + 1]) })
    }

    func stabilityIntervals(pairs: [(Int, Int)]) -> [StabilityInterval] {
        let t = totals()
        let w = shares
        return (0..<criteria.count).map { k in
            var lower = Rational.zero, upper = Rational.one
            for (a, b) in pairs {
                guard let x = swapPoint(a, b, k, totals: t, shares: w).share else { continue }
                if x <= w[k] && x > lower { lower = x }
                if x >= w[k] && x < upper { upper = x }
            }
            return StabilityInterval(criterion: k, current: w[k], lower: lower, upper: upper)
        }
    }

    func swapPoint(_ a: Int, _ b: Int, _ k: Int, totals t: [Rational], shares w: [Rational]) -> SwapPoint {
        let d = (0..<criteria.count).map { scores[a][$0] - scores[b][$0] }
        var shift: Rational?
        if !d[k].isZero {
            let s = (t[b] - t[a]) / d[k]
            if !(criteria[k].weight + s < .zero) { shift = s }
        }
        var share: Rational?
        if w[k] != .one {
            var r = Rational.zero
            for m in 0..<criteria.count where m != k { r += w[m] * d[m] }
            r = r / (.one - w[k])
            if r != d[k] {
                let x = r / (r - d[k])
                if x >= .zero && x <= .one { share = x }
            }
        }
        return SwapPoint(criterion: k, shift: shift, share: share)
    }

    func distance(_ x: Rational, _ y: Rational) -> Rational { x < y ? y - x : x - y }
}
