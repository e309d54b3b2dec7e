/// What `seance rank` prints: `text` on standard output, exactly in the format of the issue;
/// `notes` (method, tie-break chain, Kemeny's optima, approximation) for standard error, so that
/// the output stays machine-readable and the result never travels without its tie-break.
public struct RankingOutput: Sendable, Equatable {
    public var text: String
    public var notes: [String]

    /// PrefLib methods: one line per candidate, `RANK<TAB>ID<TAB>NAME`, best first; tied
    /// candidates share a rank (1, 2, 2, 4…) and are listed in tie-break order.
    public init(_ result: RankingResult, candidates: [Candidate]) {
        var t = ""
        for (tier, rank) in zip(result.tiers, result.tierRanks) {
            for c in tier {
                t += "\(rank)\t\(RankingOutput.oneLine(candidates[c].id))\t\(RankingOutput.oneLine(candidates[c].name))\n"
            }
        }
        text = t
        notes = [Fr.Ranking.methodLine(result.method)] + result.notes + [result.tieBreak]
    }

    /// Pabulib methods: the selected project ids, one per line in the order of selection, then
    /// the total cost (`1200`, or `1200.50` with cents).
    public init(_ outcome: BudgetOutcome, election: ApprovalElection) {
        var t = ""
        for p in outcome.selected { t += RankingOutput.oneLine(election.projects[p].id) + "\n" }
        t += fileAmount(outcome.totalCost) + "\n"
        text = t
        notes = Fr.Ranking.budgetNotes(outcome, election: election)
    }

    /// Tabs and line ends would break the one-line-per-candidate format.
    static func oneLine(_ s: String) -> String {
        String(s.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}
