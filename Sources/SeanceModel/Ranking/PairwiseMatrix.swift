/// The pairwise majority matrix: `self[x, y]` is the number of members who rank x strictly above y.
///
/// Conventions of pref_voting (`ProfileWithTies` with extended strict preference): a ballot that
/// ties x and y counts for neither; candidates a ballot leaves out are tied with each other,
/// below every candidate it ranks. Every method except weighted criteria reads only this matrix.
public struct PairwiseMatrix: Sendable, Equatable {
    /// The number of candidates.
    public let size: Int
    /// The number of members (ballots with their multiplicity), V.
    public let voters: Int
    var cells: [Int]

    public init(_ profile: PreferenceProfile) {
        let n = profile.candidates.count
        size = n
        voters = profile.voterCount
        cells = [Int](repeating: 0, count: n * n)
        var level = [Int](repeating: 0, count: n)
        for b in profile.ballots {
            for i in 0..<n { level[i] = b.tiers.count }
            for (t, tier) in b.tiers.enumerated() { for c in tier { level[c] = t } }
            for x in 0..<n {
                let lx = level[x]
                for y in 0..<n where lx < level[y] { cells[x * n + y] += b.count }
            }
        }
    }

    /// A matrix given directly (rows are x, columns y); the diagonal is ignored.
    public init(counts: [[Int]], voters: Int) {
        size = counts.count
        self.voters = voters
        cells = counts.enumerated().flatMap { x, row in row.enumerated().map { y, v in x == y ? 0 : v } }
    }

    public subscript(x: Int, y: Int) -> Int { cells[x * size + y] }

    /// N[x][y] − N[y][x].
    public func margin(_ x: Int, _ y: Int) -> Int { cells[x * size + y] - cells[y * size + x] }

    /// The candidate that beats every other one by a strict majority of those who express a
    /// preference, if there is one.
    public var condorcetWinner: Int? {
        (0..<size).first { x in (0..<size).allSatisfy { $0 == x || margin(x, $0) > 0 } }
    }

    /// Σ over ordered pairs x above y of N[x][y]: what a linear order agrees with (Kemeny's score).
    public func agreement(_ order: [Int]) -> Int {
        var s = 0
        for i in 0..<order.count { for j in (i + 1)..<order.count { s += self[order[i], order[j]] } }
        return s
    }

    /// Total disagreement of a ranking with the ballots, counted twice to stay an integer: for x
    /// ranked above y, 2·N[y][x]; for x and y in one tier, N[x][y] + N[y][x] (half of each
    /// strict preference, the mean over the tier's linear orders). Kemeny's order minimises it.
    public func doubledDisagreement(_ tiers: [[Int]]) -> Int {
        var s = 0
        let flat = tiers.flatMap { $0 }
        var tierOf = [Int](repeating: 0, count: size)
        for (t, tier) in tiers.enumerated() { for c in tier { tierOf[c] = t } }
        for i in 0..<flat.count {
            for j in (i + 1)..<flat.count {
                let x = flat[i], y = flat[j]
                s += tierOf[x] == tierOf[y] ? self[x, y] + self[y, x] : 2 * self[y, x]
            }
        }
        return s
    }
}
