/// The ranking of fiches actions worked on at a séance (hiérarchisation): its candidates, the
/// inputs of each method (manual order, weighted criteria and scores, members' ballots), the
/// envelope, and, once adopted, the order the committee retained.
public struct ActionRanking: Sendable, Equatable, Identifiable {
    public var id: String
    public var meeting: String
    public var item: String?
    /// The candidate fiches, in list order (the last link of the tie-break chain).
    public var actions: [String]
    public var method: RankingMethod = .schulze
    /// The order moved by hand (manual method); starts as the list order.
    public var manualOrder: [String]
    public var criteria: [Criterion] = WeightedGrid.sustainableDevelopment
    /// Scores per action id, per criterion id.
    public var scores: [String: [String: Rational]] = [:]
    /// Each voting member's ballot: tiers of action ids, best first; actions left out are unranked.
    public var ballots: [String: [[String]]] = [:]
    public var ballotOrder: [String] = []
    public var envelope: Money?
    public var adopted: Adoption?

    public struct Adoption: Sendable, Equatable {
        public var order: [[String]]
        public var selected: [String]
        public var method: RankingMethod
        public var parameters: String
        public var tieBreak: String
        public var decision: String?
        public var date: LocalDate
    }

    public init(id: String, meeting: String, item: String?, actions: [String]) {
        self.id = id; self.meeting = meeting; self.item = item; self.actions = actions; manualOrder = actions
    }

    /// How many places of a ballot count as approval: the first half of the candidate fiches,
    /// rounded up (3 of 5, 2 of 4, 1 of 1).
    public var approvalPlaces: Int { (actions.count + 1) / 2 }

    /// The fiches a ballot approves, for the budget methods: those it ranks in the first half of
    /// the candidates — a fiche is approved when fewer than `approvalPlaces` fiches are ranked
    /// above it, so fiches tied across the limit are all approved, and a fiche left unranked never
    /// is. A short ballot (« A > B » out of 10) approves all it ranks, as a ballot of approvals.
    /// A complete ranking approving every fiche would give every fiche the same votes and make
    /// greedy and Equal Shares blind to preferences; the top-k truncation is the usual way to read
    /// an ordinal ballot as approvals (k-approval), k being half the list.
    public func approved(from ballot: [[String]]) -> [String] {
        var out: [String] = []
        var above = 0
        for tier in ballot {
            let listed = tier.filter(actions.contains)
            guard !listed.isEmpty else { continue }
            guard above < approvalPlaces else { break }
            out += listed
            above += listed.count
        }
        return out
    }
}

/// Journal forms of ranking inputs.
public enum RankingText {
    /// Tiers as `a,b=c,d`: commas separate ranks, `=` joins tied actions.
    public static func tiers(_ t: [[String]]) -> String { t.map { $0.joined(separator: "=") }.joined(separator: ",") }
    public static func tiers(_ s: String) -> [[String]] {
        s.split(separator: ",").map { $0.split(separator: "=").map(String.init) }.filter { !$0.isEmpty }
    }
}

extension Rational {
    /// `3/10`, `0,3`, `0.3`, `30 %`, `2`: what a person types or the journal holds.
    public init?(text raw: String) {
        var s = raw.filter { !$0.isWhitespace && $0 != "\u{202F}" && $0 != "\u{00A0}" }
        var percent = false
        if s.hasSuffix("%") { percent = true; s.removeLast() }
        if let slash = s.firstIndex(of: "/") {
            guard let n = Int64(s[..<slash]), let d = Int64(s[s.index(after: slash)...]), d != 0 else { return nil }
            self.init(n, d)
        } else {
            s = s.replacingOccurrences(of: ",", with: ".")
            let parts = s.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count <= 2, let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0])) else { return nil }
            var value = Rational(whole)
            if parts.count == 2 {
                let f = parts[1]
                guard !f.isEmpty, f.count <= 12, let frac = Int64(f), f.allSatisfy(\.isNumber) else { return nil }
                var scale: Int64 = 1
                for _ in 0..<f.count { scale *= 10 }
                value = value + Rational(whole < 0 || parts[0].hasPrefix("-") ? -frac : frac, scale)
            }
            self = value
        }
        if percent { self = self / Rational(100) }
    }
}

extension ProjectState {
    /// The members' ballots as approval ballots with costs, for the budget methods (greedy by
    /// votes, Equal Shares): each member approves the fiches of the first half of her ballot
    /// (`ActionRanking.approved(from:)`), so that a complete ranking does not approve everything.
    public func approvalElection(_ r: ActionRanking) -> ApprovalElection? {
        guard let envelope = r.envelope, !r.ballots.isEmpty else { return nil }
        let projects = r.actions.map { BudgetProject(id: $0, cost: actions[$0]?.cost ?? .zero, name: actions[$0]?.title ?? $0) }
        let index = Dictionary(uniqueKeysWithValues: r.actions.enumerated().map { ($1, $0) })
        let voters = r.ballotOrder.filter { r.ballots[$0] != nil }
        let approvals = voters.map { r.approved(from: r.ballots[$0]!).compactMap { index[$0] } }
        return ApprovalElection(budget: envelope, projects: projects, voterIDs: voters, approvals: approvals)
    }

    /// The rankings worked on at a séance, in the order they were opened.
    public func rankings(of meetingID: String) -> [ActionRanking] {
        rankingOrder.compactMap { rankings[$0] }.filter { $0.meeting == meetingID }
    }

    /// The ranking computed from a ranking's inputs with its current method: what the screen
    /// shows and what adoption records. Candidates are the ranking's actions, in list order.
    public func computeRanking(_ r: ActionRanking) -> RankingResult {
        let candidates = r.actions.map { Candidate(id: $0, name: actions[$0]?.title ?? $0) }
        let costs = r.actions.map { actions[$0]?.cost ?? .zero }
        let index = Dictionary(uniqueKeysWithValues: r.actions.enumerated().map { ($1, $0) })
        switch r.method {
        case .manual:
            let order = r.manualOrder.compactMap { index[$0] }
            return RankingResult(method: .manual, tiers: order.map { [$0] }, tieBreak: Fr.Ranking.manualOrder)
        case .weighted:
            let scores = r.actions.map { a in r.criteria.map { c in r.scores[a]?[c.id] ?? Rational(0) } }
            return WeightedGrid(criteria: r.criteria, actions: candidates, scores: scores, costs: costs).ranking()
        default:
            let ballots = r.ballotOrder.compactMap { r.ballots[$0] }.map { tiers in
                Ballot(tiers: tiers.map { $0.compactMap { index[$0] } }.filter { !$0.isEmpty })
            }
            guard let profile = try? PreferenceProfile(candidates: candidates, ballots: ballots) else {
                return RankingResult(method: r.method, tiers: [Array(0..<candidates.count)], tieBreak: "")
            }
            return profile.ranking(by: r.method, options: RankingOptions(costs: costs))
        }
    }

    /// The ranking adopted at a séance, in the shape the documents print.
    public func adoptedRanking(for meetingID: String) -> AdoptedRanking? {
        guard let r = rankings(of: meetingID).last(where: { $0.adopted != nil }), let a = r.adopted else { return nil }
        var entries: [AdoptedRanking.Entry] = []
        var rank = 1
        let selected = Set(a.selected)
        for tier in a.order {
            for id in tier {
                entries.append(.init(rank: rank, title: actions[id]?.title ?? id, cost: actions[id]?.cost,
                                     retained: r.envelope == nil ? nil : selected.contains(id)))
            }
            rank += tier.count
        }
        // Said from what was adopted, not from the journal's `parameters` (older journals wrote
        // them raw: « enveloppe 300000.00 ; retenues 4 »).
        let parameters = Fr.Ranking.adoptionParameters(method: a.method, ballots: r.ballots.count, criteria: r.criteria, envelope: r.envelope,
                                                       retained: a.selected.count, equalShares: a.parameters.contains("parts égales"))
        let criteria = "Méthode : " + Fr.Ranking.methodName(a.method) + ", " + parameters + "."
        return AdoptedRanking(criteria: criteria, entries: entries, envelope: r.envelope)
    }
}
