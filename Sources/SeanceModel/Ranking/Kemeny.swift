/// Kemeny–Young: the linear order that agrees with the most pairwise preferences
/// (maximises Σ over x above y of N[x][y]; with complete ballots, the order at the least total
/// Kendall distance to them).
///
/// First split into blocks: the strongly connected components of « x → y when N[x][y] ≥ N[y][x] ».
/// Every member of an earlier block beats every member of a later one by a strict majority, so
/// every optimal order keeps the blocks in that order (extended Condorcet) and each block is
/// solved alone. A block of at most `exactLimit` candidates is solved exactly by a dynamic program
/// over its subsets; a larger one by local search from the Borda and Schulze orders, and the
/// result says it is approximate.
enum Kemeny {
    struct Solution {
        var order: [Int]
        var details: KemenyDetails
    }

    /// Past 28 the table alone would take 1 GiB.
    static let largestExactLimit = 28

    static func solve(_ m: PairwiseMatrix, chain: TieBreakChain, exactLimit requested: Int) -> Solution {
        let exactLimit = min(requested, largestExactLimit)
        let blocks = majorityBlocks(m, chain: chain)
        var order: [Int] = []
        var count = BigInt.one
        var lowerBound = false, approximate = false
        var shortfall = 0
        for block in blocks {
            if block.count == 1 { order += block; continue }
            if block.count <= exactLimit {
                let r = exact(m, block, chain: chain)
                order += r.order
                count *= r.count
                lowerBound = lowerBound || r.saturated
            } else {
                let local = localSearch(m, block, chain: chain)
                order += local
                approximate = true
                var bound = 0
                for i in 0..<block.count { for j in (i + 1)..<block.count { bound += max(m[block[i], block[j]], m[block[j], block[i]]) } }
                shortfall += bound - m.agreement(local)
            }
        }
        let agreement = m.agreement(order)
        var disagreement = 0
        for i in 0..<order.count { for j in (i + 1)..<order.count { disagreement += m[order[j], order[i]] } }
        let details = KemenyDetails(
            agreement: agreement, disagreement: disagreement,
            optimalOrders: approximate ? nil : count, countIsLowerBound: lowerBound,
            approximate: approximate, maxShortfall: shortfall, blocks: blocks)
        return Solution(order: order, details: details)
    }

    /// Strongly connected components of « x → y when N[x][y] ≥ N[y][x] », best block first.
    /// The graph is semicomplete, so its components form a chain.
    static func majorityBlocks(_ m: PairwiseMatrix, chain: TieBreakChain) -> [[Int]] {
        let n = m.size
        var index = [Int](repeating: -1, count: n), low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int] = [], components: [[Int]] = []
        var next = 0
        func visit(_ v: Int) {
            index[v] = next; low[v] = next; next += 1
            stack.append(v); onStack[v] = true
            for w in 0..<n where w != v && m[v, w] >= m[w, v] {
                if index[w] < 0 { visit(w); low[v] = min(low[v], low[w]) } else if onStack[w] { low[v] = min(low[v], index[w]) }
            }
            if low[v] == index[v] {
                var comp: [Int] = []
                while true {
                    let w = stack.removeLast(); onStack[w] = false; comp.append(w)
                    if w == v { break }
                }
                components.append(chain.sorted(comp))
            }
        }
        for v in 0..<n where index[v] < 0 { visit(v) }
        // Tarjan emits sinks first.
        return components.reversed()
    }

    /// The exact optimum of one block, chosen among the optima by the tie-break chain from the
    /// top, and how many optimal orders the block has.
    ///
    /// f(S) = max over c in S of f(S \ c) + Σ_{s in S \ c} N[c][s], where c is the top of S. The
    /// inner sum is two table look-ups (low and high halves of the subset). Only f is stored
    /// (4 bytes per subset); the best tops of a subset are found again when walking back.
    static func exact(_ m: PairwiseMatrix, _ block: [Int], chain: TieBreakChain) -> (order: [Int], count: BigInt, saturated: Bool) {
        var pairsTotal = 0
        for a in block { for b in block where a != b { pairsTotal += m[a, b] } }
        precondition(block.count <= 32)
        if pairsTotal <= Int(Int32.max) {
            var dp = ExactKemeny<Int32>(m, block)
            return dp.solve(chain: chain)
        }
        var dp = ExactKemeny<Int64>(m, block)
        return dp.solve(chain: chain)
    }

    /// A good order of a block too large for the exact program: the better of the Borda and
    /// Schulze orders, improved by moving one candidate at a time while that gains anything.
    static func localSearch(_ m: PairwiseMatrix, _ block: [Int], chain: TieBreakChain) -> [Int] {
        let sub = restricted(m, block)
        let subChain = TieBreakChain(count: block.count, borda: nil, costs: nil)
        let bordaSub = sub.bordaPoints
        var seeds: [[Int]] = [
            (0..<block.count).sorted { bordaSub[$0] != bordaSub[$1] ? bordaSub[$0] > bordaSub[$1] : chain.prefers(block[$0], block[$1]) },
            sub.schulzeTiers(.margins, chain: subChain).flatMap { chain.sorted($0.map { block[$0] }).map { c in block.firstIndex(of: c)! } },
        ]
        seeds = seeds.map { improve(sub, $0) }
        let bestSeed = seeds.max { sub.agreement($0) < sub.agreement($1) }!
        return bestSeed.map { block[$0] }
    }

    /// Moves single candidates to their best place until no move gains.
    static func improve(_ m: PairwiseMatrix, _ start: [Int]) -> [Int] {
        var order = start
        let n = order.count
        var improved = true
        while improved {
            improved = false
            for i in 0..<n {
                let c = order[i]
                // Gain of moving c from i to j, computed by walking outwards.
                var bestGain = 0, bestJ = i
                var gain = 0
                var j = i - 1
                while j >= 0 { gain += m[c, order[j]] - m[order[j], c]; if gain > bestGain { bestGain = gain; bestJ = j }; j -= 1 }
                gain = 0
                j = i + 1
                while j < n { gain += m[order[j], c] - m[c, order[j]]; if gain > bestGain { bestGain = gain; bestJ = j }; j += 1 }
                if bestJ != i {
                    order.remove(at: i)
                    order.insert(c, at: bestJ)
                    improved = true
                }
            }
        }
        return order
    }

    static func restricted(_ m: PairwiseMatrix, _ block: [Int]) -> PairwiseMatrix {
        PairwiseMatrix(counts: block.map { x in block.map { y in m[x, y] } }, voters: m.voters)
    }
}

/// The subset dynamic program of one block (see `Kemeny.exact`).
struct ExactKemeny<V: FixedWidthInteger & SignedInteger> {
    let block: [Int]
    let k: Int, h: Int
    let loSize: Int, hiSize: Int
    /// lo[s][c] = Σ N[c][x] over the members x of the low-half subset s; hi likewise. Stored
    /// subset-major so that the k values a subset needs are contiguous.
    var lo: [V], hi: [V]
    var best: [V] = []

    init(_ m: PairwiseMatrix, _ block: [Int]) {
        self.block = block
        k = block.count
        h = k / 2
        loSize = 1 << h
        hiSize = 1 << (k - h)
        lo = [V](repeating: 0, count: k * loSize)
        hi = [V](repeating: 0, count: k * hiSize)
        for c in 0..<k {
            for s in 1..<loSize {
                lo[s * k + c] = lo[(s & (s - 1)) * k + c] + V(m[block[c], block[s.trailingZeroBitCount]])
            }
            for s in 1..<hiSize {
                hi[s * k + c] = hi[(s & (s - 1)) * k + c] + V(m[block[c], block[h + s.trailingZeroBitCount]])
            }
        }
    }

    /// What c on top of the rest of s adds: Σ N[c][x] for x in s (c itself counts 0).
    @inline(__always) func row(_ c: Int, _ s: Int) -> V {
        lo[(s & (loSize - 1)) * k + c] &+ hi[(s >> h) * k + c]
    }

    /// The members c of s with f(s \ c) + row(c, s) = f(s), as a bit set.
    func tops(_ s: Int) -> UInt32 {
        var mask: UInt32 = 0
        var rest = s
        while rest != 0 {
            let c = rest.trailingZeroBitCount
            rest &= rest - 1
            if best[s & ~(1 << c)] &+ row(c, s) == best[s] { mask |= 1 << UInt32(c) }
        }
        return mask
    }

    mutating func solve(chain: TieBreakChain) -> (order: [Int], count: BigInt, saturated: Bool) {
        let full = (1 << k) - 1
        best = [V](repeating: 0, count: full + 1)
        let (loSize, k, h) = (self.loSize, self.k, self.h)
        best.withUnsafeMutableBufferPointer { f in
            lo.withUnsafeBufferPointer { lo in
                hi.withUnsafeBufferPointer { hi in
                    let loMask = loSize - 1
                    for s in 1...full {
                        let sl = (s & loMask) * k, sh = (s >> h) * k
                        var rest = s
                        var value = V.min
                        while rest != 0 {
                            let c = rest.trailingZeroBitCount
                            rest &= rest - 1
                            let v = f[s & ~(1 << c)] &+ lo[sl + c] &+ hi[sh + c]
                            if v > value { value = v }
                        }
                        f[s] = value
                    }
                }
            }
        }
        // Walk back from the full set, taking among the best tops the one the chain prefers.
        var order: [Int] = []
        var s = full
        var unique = true
        while s != 0 {
            let mask = tops(s)
            if mask.nonzeroBitCount > 1 { unique = false }
            var choice = -1
            for c in 0..<k where mask & (1 << UInt32(c)) != 0 {
                if choice < 0 || chain.prefers(block[c], block[choice]) { choice = c }
            }
            order.append(block[choice])
            s &= ~(1 << choice)
        }
        if unique { return (order, .one, false) }
        let (count, saturated) = countOptima()
        return (order, BigInt(count), saturated)
    }

    /// count(s) = Σ over the best tops c of s of count(s \ c), saturating at 2^64 − 1: over the
    /// subsets on optimal paths only (usually few); over all subsets when there are too many.
    func countOptima() -> (UInt64, Bool) {
        let full = (1 << k) - 1
        var memo: [Int: UInt64] = [0: 1]
        var saturated = false
        var tooMany = false
        func count(_ s: Int) -> UInt64 {
            if let c = memo[s] { return c }
            if tooMany { return 0 }
            var mask = tops(s)
            var total: UInt64 = 0
            while mask != 0 {
                let c = mask.trailingZeroBitCount
                mask &= mask - 1
                let (sum, o) = total.addingReportingOverflow(count(s & ~(1 << c)))
                if o { saturated = true; total = .max } else { total = sum }
            }
            memo[s] = total
            if memo.count > 1 << 16 { tooMany = true }
            return total
        }
        let top = count(full)
        if !tooMany { return (top, saturated) }
        var all = [UInt64](repeating: 0, count: full + 1)
        all[0] = 1
        saturated = false
        for s in 1...full {
            var mask = tops(s)
            var total: UInt64 = 0
            while mask != 0 {
                let c = mask.trailingZeroBitCount
                mask &= mask - 1
                let (sum, o) = total.addingReportingOverflow(all[s & ~(1 << c)])
                if o { saturated = true; total = .max } else { total = sum }
            }
            all[s] = total
        }
        return (all[full], saturated)
    }
}

