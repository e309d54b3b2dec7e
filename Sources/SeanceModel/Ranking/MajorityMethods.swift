extension PairwiseMatrix {
    /// Borda points, on the classic scale (n − 1 for a first place on a complete ballot):
    /// Σ_y N[x][y] + ½·(V − N[x][y] − N[y][x]); a tie or a pair left out is worth half a point to each.
    /// This is (pref_voting's symmetric Borda + V·(n − 1)) / 2, so the order is pref_voting's.
    public var bordaPoints: [Rational] {
        (0..<size).map { x in
            var doubled = 0
            for y in 0..<size where y != x { doubled += voters + margin(x, y) }
            return Rational(doubled, 2)
        }
    }

    /// Copeland's score as pref_voting reports it: majority wins minus majority losses.
    public var copelandScores: [Int] {
        (0..<size).map { x in
            (0..<size).reduce(0) { s, y in
                let m = y == x ? 0 : margin(x, y)
                return s + (m > 0 ? 1 : (m < 0 ? -1 : 0))
            }
        }
    }

    /// Schulze's strongest paths: `p[x][y]` is the strength of the strongest path from x to y,
    /// the strength of a path being its weakest link.
    public func strongestPaths(_ strength: SchulzeStrength = .margins) -> [[Int]] {
        let n = size
        var p = [Int](repeating: 0, count: n * n)
        for x in 0..<n {
            for y in 0..<n where x != y {
                let m = margin(x, y)
                if m > 0 { p[x * n + y] = strength == .margins ? m : self[x, y] }
            }
        }
        // k must be the outer loop (Floyd–Warshall).
        p.withUnsafeMutableBufferPointer { p in
            for k in 0..<n {
                for i in 0..<n where i != k {
                    let pik = p[i * n + k]
                    if pik == 0 { continue }
                    for j in 0..<n where j != i && j != k {
                        let via = Swift.min(pik, p[k * n + j])
                        if via > p[i * n + j] { p[i * n + j] = via }
                    }
                }
            }
        }
        return (0..<n).map { Array(p[($0 * n)..<($0 * n + n)]) }
    }

    /// Schulze's order in layers: take the candidates no remaining one beats (p[y][x] > p[x][y]),
    /// then again. Candidates of a layer share a rank (some of them are just incomparable).
    func schulzeTiers(_ strength: SchulzeStrength, chain: TieBreakChain) -> [[Int]] {
        let p = strongestPaths(strength)
        var remaining = Array(0..<size)
        var tiers: [[Int]] = []
        while !remaining.isEmpty {
            let top = remaining.filter { x in !remaining.contains { y in p[y][x] > p[x][y] } }
            tiers.append(chain.sorted(top))
            remaining.removeAll { top.contains($0) }
        }
        return tiers
    }

    /// Tideman's ranked pairs, as pref_voting's `ranked_pairs_tb`: pairs by margin, largest first,
    /// pairs of zero margin last in both directions; equal margins by the tie-break chain's place
    /// of the winner, then of the loser. A pair is locked unless it closes a cycle. The locked
    /// graph is then complete, so the result is a linear order.
    func rankedPairsOrder(chain: TieBreakChain) -> [Int] {
        let n = size
        var pairs: [(x: Int, y: Int, m: Int)] = []
        for x in 0..<n {
            for y in 0..<n where x != y && margin(x, y) >= 0 { pairs.append((x, y, margin(x, y))) }
        }
        pairs.sort { a, b in
            if a.m != b.m { return a.m > b.m }
            if a.x != b.x { return chain.prefers(a.x, b.x) }
            return chain.prefers(a.y, b.y)
        }
        // reach[a] = what a reaches through locked pairs, as a bit set.
        let words = (n + 63) / 64
        var reach = [UInt64](repeating: 0, count: n * words)
        func reaches(_ a: Int, _ b: Int) -> Bool { reach[a * words + b / 64] & (1 << UInt64(b % 64)) != 0 }
        for (x, y, _) in pairs {
            if x == y || reaches(y, x) || reaches(x, y) { continue }
            // Lock x → y: everything that reaches x (and x) now reaches y and what y reaches.
            for a in 0..<n where a == x || reaches(a, x) {
                for w in 0..<words { reach[a * words + w] |= reach[y * words + w] }
                reach[a * words + y / 64] |= 1 << UInt64(y % 64)
            }
        }
        let below = (0..<n).map { a in (0..<words).reduce(0) { $0 + reach[a * words + $1].nonzeroBitCount } }
        return (0..<n).sorted { below[$0] != below[$1] ? below[$0] > below[$1] : chain.prefers($0, $1) }
    }
}
