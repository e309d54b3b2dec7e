/// The one tie-break chain, used by every method and printed with every result:
///
/// 1. the higher Borda score (when there are ballots),
/// 2. the lower cost (when costs are known),
/// 3. the earlier place in the initial list (the committee's prior order, or the file's order).
///
/// It never splits a tie the method itself found (tied candidates keep sharing a rank); it says
/// in which order they are listed and taken down the budget, which pairs ranked pairs locks
/// first when margins are equal, and which optimal order Kemeny shows. The last step makes it a
/// total order: no hash or dictionary order can leak in.
public struct TieBreakChain: Sendable, Equatable {
    /// Candidate index → place in the chain's total order (0 is preferred).
    public let position: [Int]
    public let usesBorda: Bool
    public let usesCost: Bool

    public init(count: Int, borda: [Rational]? = nil, costs: [Money]? = nil) {
        let order = (0..<count).sorted { a, b in
            if let borda, borda[a] != borda[b] { return borda[a] > borda[b] }
            if let costs, costs[a] != costs[b] { return costs[a] < costs[b] }
            return a < b
        }
        var pos = [Int](repeating: 0, count: count)
        for (i, c) in order.enumerated() { pos[c] = i }
        position = pos
        usesBorda = borda != nil
        usesCost = costs != nil
    }

    /// True when `a` goes before `b`.
    public func prefers(_ a: Int, _ b: Int) -> Bool { position[a] < position[b] }

    /// Orders candidates by the chain alone.
    public func sorted(_ candidates: [Int]) -> [Int] { candidates.sorted { position[$0] < position[$1] } }

    /// The chain in words, e.g. « Ex aequo départagés par : le score de Borda le plus élevé, puis
    /// le coût le plus bas, puis l'ordre de la liste initiale. »
    public var description: String { Fr.Ranking.tieBreakChain(borda: usesBorda, cost: usesCost) }
}
