extension PreferenceProfile {
    /// The members' ballots aggregated by one method: the entry point of the CLI and of the screen.
    public func ranking(by method: RankingMethod, options: RankingOptions = RankingOptions()) -> RankingResult {
        PairwiseMatrix(self).ranking(by: method, options: options)
    }
}

extension PairwiseMatrix {
    /// The chain of `TieBreakChain` for this matrix: Borda, then cost when known, then list order.
    public func tieBreakChain(costs: [Money]? = nil) -> TieBreakChain {
        TieBreakChain(count: size, borda: bordaPoints, costs: costs)
    }

    /// One of the ballot methods on this matrix. `weighted` and `manual` have their own entry
    /// points (`WeightedGrid.ranking()`, `RankingResult.manual`).
    public func ranking(by method: RankingMethod, options: RankingOptions = RankingOptions()) -> RankingResult {
        let chain = tieBreakChain(costs: options.costs)
        let tb = chain.description
        switch method {
        case .borda:
            let points = bordaPoints
            return RankingResult(method: .borda, tiers: RankingResult.tiers(byDescending: points, chain: chain),
                                 scores: points, tieBreak: tb)
        case .copeland:
            let s = copelandScores
            return RankingResult(method: .copeland, tiers: RankingResult.tiers(byDescending: s, chain: chain),
                                 scores: s.map { Rational($0) }, tieBreak: tb)
        case .schulze:
            var notes: [String] = []
            if options.schulzeStrength == .winningVotes { notes.append(Fr.Ranking.schulzeWinningVotes) }
            return RankingResult(method: .schulze, tiers: schulzeTiers(options.schulzeStrength, chain: chain),
                                 tieBreak: tb, notes: notes)
        case .rankedPairs:
            return RankingResult(method: .rankedPairs, tiers: rankedPairsOrder(chain: chain).map { [$0] }, tieBreak: tb)
        case .kemeny:
            let s = Kemeny.solve(self, chain: chain, exactLimit: options.kemenyExactLimit)
            return RankingResult(method: .kemeny, tiers: s.order.map { [$0] }, tieBreak: tb,
                                 kemeny: s.details, notes: Fr.Ranking.kemenyNotes(s.details, exactLimit: options.kemenyExactLimit))
        case .weighted, .manual:
            preconditionFailure("\(method) is not a ballot method")
        }
    }
}

extension RankingResult {
    /// The committee's own order, moved by hand: no ties, nothing to break.
    public static func manual(order: [Int]) -> RankingResult {
        RankingResult(method: .manual, tiers: order.map { [$0] }, tieBreak: Fr.Ranking.manualOrder)
    }
}

extension PairwiseMatrix {
    /// The blocks that beat each other by majority (Kemeny's decomposition), best first: every
    /// member of a block beats every member of a later one by a strict majority.
    public func majorityBlocks(costs: [Money]? = nil) -> [[Int]] {
        Kemeny.majorityBlocks(self, chain: tieBreakChain(costs: costs))
    }
}
