/// How an order was obtained.
public enum RankingMethod: String, CaseIterable, Sendable {
    case schulze
    case borda
    case copeland
    case rankedPairs = "ranked-pairs"
    case kemeny
    case weighted
    case manual

    /// The methods that aggregate members' ballots, default first.
    public static let ballotMethods: [RankingMethod] = [.schulze, .borda, .copeland, .rankedPairs, .kemeny]

    /// The name on the command line (`--method ranked-pairs`).
    public var cliName: String { rawValue }

    public var frenchName: String { Fr.Ranking.methodName(self) }
}

/// Schulze's strength of a link x→y.
public enum SchulzeStrength: String, Sendable {
    /// N[x][y] − N[y][x] when positive (the default, as pref_voting's `beat_path`).
    case margins
    /// N[x][y] when it beats N[y][x].
    case winningVotes = "winning-votes"
}

public struct RankingOptions: Sendable {
    public var schulzeStrength: SchulzeStrength = .margins
    /// The largest block Kemeny solves exactly: 2^n subsets, 4 bytes each (24 → 64 MiB, about
    /// half a second); each more doubles both. Capped at 28.
    public var kemenyExactLimit: Int = 24
    /// One cost per candidate, for the tie-break chain (nil when unknown, as in PrefLib files).
    public var costs: [Money]?

    public init(schulzeStrength: SchulzeStrength = .margins, kemenyExactLimit: Int = 24, costs: [Money]? = nil) {
        self.schulzeStrength = schulzeStrength
        self.kemenyExactLimit = kemenyExactLimit
        self.costs = costs
    }
}

/// What Kemeny–Young found beyond the order.
public struct KemenyDetails: Sendable, Equatable {
    /// Σ over x above y of N[x][y] for the order shown.
    public var agreement: Int
    /// Σ over x above y of N[y][x]: the total Kendall distance to the ballots.
    public var disagreement: Int
    /// How many orders reach the optimum (nil when approximate).
    public var optimalOrders: BigInt?
    /// True when a block was so tied that its count passed 2^64 − 1: `optimalOrders` is then a lower bound.
    public var countIsLowerBound: Bool
    /// True when a block was larger than the exact limit and was solved by local search.
    public var approximate: Bool
    /// For an approximate result, how many agreements the order may at most be missing
    /// (the bound Σ max(N[x][y], N[y][x]) minus what it reaches); 0 when exact.
    public var maxShortfall: Int
    /// The blocks that beat each other by majority, best first, each solved on its own.
    public var blocks: [[Int]]
}

/// A full ranking: every candidate has a rank, tied candidates share it.
public struct RankingResult: Sendable, Equatable {
    public var method: RankingMethod
    /// Best first; within a tier, candidates are listed in tie-break order.
    public var tiers: [[Int]]
    /// The method's own score per candidate index (Borda points, Copeland wins − losses, weighted
    /// total); nil for Schulze, ranked pairs, Kemeny and manual.
    public var scores: [Rational]?
    /// The tie-break chain in words: print it with the result.
    public var tieBreak: String
    public var kemeny: KemenyDetails?
    /// Everything else worth printing with the result, in French (Kemeny's optima, approximation).
    public var notes: [String]

    public init(method: RankingMethod, tiers: [[Int]], scores: [Rational]? = nil, tieBreak: String,
                kemeny: KemenyDetails? = nil, notes: [String] = []) {
        self.method = method
        self.tiers = tiers
        self.scores = scores
        self.tieBreak = tieBreak
        self.kemeny = kemeny
        self.notes = notes
    }

    /// The linear order used down the budget: tiers in order, each in tie-break order.
    public var order: [Int] { tiers.flatMap { $0 } }

    /// Competition ranks (1, 2, 2, 4…) per tier.
    public var tierRanks: [Int] {
        var r: [Int] = []
        var next = 1
        for t in tiers { r.append(next); next += t.count }
        return r
    }

    /// The rank of each candidate index.
    public var rankOfCandidate: [Int] {
        var out = [Int](repeating: 0, count: tiers.reduce(0) { $0 + $1.count })
        for (t, r) in zip(tiers, tierRanks) { for c in t { out[c] = r } }
        return out
    }

    /// Groups candidates by equal score, highest first, each group in tie-break order.
    static func tiers<S: Comparable>(byDescending score: [S], chain: TieBreakChain) -> [[Int]] {
        let sorted = (0..<score.count).sorted { a, b in score[a] != score[b] ? score[a] > score[b] : chain.prefers(a, b) }
        var out: [[Int]] = []
        for c in sorted {
            if let last = out.last?.last, score[last] == score[c] { out[out.count - 1].append(c) } else { out.append([c]) }
        }
        return out
    }
}
