/// Something to rank: a candidate action, or an alternative of a PrefLib file.
public struct Candidate: Hashable, Sendable {
    /// Stable identifier (the action's id, or the PrefLib alternative number as text).
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// One member's order, possibly cast by several members: a weak order (ties allowed) that may
/// leave candidates out. Candidates are indices into the profile's `candidates`.
public struct Ballot: Hashable, Sendable {
    /// Best first; the candidates of one tier are ranked equal. Candidates in no tier are unranked:
    /// they count as tied with each other, below every ranked candidate.
    public var tiers: [[Int]]
    /// How many members cast this very order.
    public var count: Int

    public init(tiers: [[Int]], count: Int = 1) {
        self.tiers = tiers
        self.count = count
    }

    /// A strict order: `Ballot(order: [2, 0, 1])` ranks candidate 2 first.
    public init(order: [Int], count: Int = 1) {
        self.init(tiers: order.map { [$0] }, count: count)
    }

    public var hasTies: Bool { tiers.contains { $0.count > 1 } }
    public var rankedCount: Int { tiers.reduce(0) { $0 + $1.count } }
}

/// The candidates and the ballots of one ranking.
public struct PreferenceProfile: Sendable, Equatable {
    public private(set) var candidates: [Candidate]
    public private(set) var ballots: [Ballot]

    public enum InvalidInput: Error, Equatable, Sendable {
        case duplicateCandidate(String)
        case badBallot(index: Int, reason: String)
    }

    /// Checks every ballot: known candidates, each at most once, no empty tier, a count ≥ 1.
    public init(candidates: [Candidate], ballots: [Ballot]) throws(InvalidInput) {
        var seen = Set<String>()
        for c in candidates where !seen.insert(c.id).inserted { throw .duplicateCandidate(c.id) }
        for (i, b) in ballots.enumerated() {
            if let reason = Self.problem(b, candidateCount: candidates.count) { throw .badBallot(index: i, reason: reason) }
        }
        self.candidates = candidates
        self.ballots = ballots
    }

    /// The French reason a ballot is refused, or nil.
    static func problem(_ b: Ballot, candidateCount n: Int) -> String? {
        if b.count < 1 { return Fr.Ranking.ballotCount(b.count) }
        var seen = [Bool](repeating: false, count: n)
        for tier in b.tiers {
            if tier.isEmpty { return Fr.Ranking.emptyTier }
            for c in tier {
                guard c >= 0 && c < n else { return Fr.Ranking.unknownCandidateIndex(c) }
                if seen[c] { return Fr.Ranking.repeatedCandidate(c) }
                seen[c] = true
            }
        }
        return nil
    }

    /// The number of members (ballots counted with their multiplicity).
    public var voterCount: Int { ballots.reduce(0) { $0 + $1.count } }

    /// The same profile with candidates renamed and reordered: candidate `i` becomes
    /// `permutation[i]` (used to check that a method does not depend on names or order).
    public func permuted(_ permutation: [Int], renamed: (Candidate) -> Candidate = { $0 }) -> PreferenceProfile {
        var cands = candidates
        for (i, c) in candidates.enumerated() { cands[permutation[i]] = renamed(c) }
        let bs = ballots.map { Ballot(tiers: $0.tiers.map { $0.map { permutation[$0] } }, count: $0.count) }
        return try! PreferenceProfile(candidates: cands, ballots: bs)
    }
}
