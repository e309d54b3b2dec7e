/// The hiérarchisation des fiches actions: opening a ranking, adopting it as a decision.
extension Commands {
    /// A new ranking of the fiches still in play (not abandoned, not done), manual at first,
    /// under the project's envelope. Opening it opens a séance that was only planned.
    /// With `.explicit`, opening the ranking leaves the séance as it is (a ranking can be prepared
    /// before the séance opens).
    public static func openRanking(_ st: ProjectState, meeting: String, item: String?, at now: LocalTime,
                                   opening policy: Opening = .implicit, makeID: MakeID) -> CommandResult {
        if case .failure(let r) = changeable(st, meeting) { return .failure(r) }
        let candidates = st.actionSheets.filter { ![.abandonnee, .realisee].contains($0.status) }.map(\.id)
        guard !candidates.isEmpty else { return .failure(Refusal("Aucune fiche action à classer : créez-en d'abord.")) }
        let id = makeID("rnk")
        var out = policy == .implicit ? opening(st, meeting: meeting, at: now).filter { $0.eventKind == .seanceOpen } : []
        out.append(EventDraft(.rankingOpen, id, [(.seance, meeting), (.item, item), (.actions, candidates.joined(separator: ",")),
                                                 (.method, RankingMethod.manual.rawValue)]))
        if let env = st.project?.envelope { out.append(EventDraft(.rankingEnvelope, id, [(.amount, env.journalValue)])) }
        return .success(out)
    }

    /// A new ranking after an adopted one: the same fiches, method, criteria (beyond the preset)
    /// and envelope, to be taken up again.
    public static func rankAgain(_ st: ProjectState, after ranking: String, preset: [Criterion], makeID: MakeID) -> CommandResult {
        guard let r = st.rankings[ranking] else { return .failure(Refusal("Classement inconnu.")) }
        guard r.adopted != nil else {
            return .failure(Refusal("Ce classement n'est pas encore adopté : continuez-le, ou adoptez-le avant d'en reprendre un nouveau."))
        }
        if case .failure(let refusal) = changeable(st, r.meeting) { return .failure(refusal) }
        let id = makeID("rnk")
        var out = [EventDraft(.rankingOpen, id, [(.seance, r.meeting), (.item, r.item), (.actions, r.actions.joined(separator: ",")),
                                                 (.method, r.method.rawValue)])]
        for c in r.criteria where !preset.contains(c) {
            out.append(EventDraft(.rankingCriterion, id, [(.criterion, c.id), (.name, c.name), (.weight, c.weight.description)]))
        }
        if let env = r.envelope { out.append(EventDraft(.rankingEnvelope, id, [(.amount, env.journalValue)])) }
        return .success(out)
    }

    /// How the fiches funded within the envelope are chosen at adoption.
    public enum Funding: String, Equatable, Sendable {
        /// Down the adopted order: a fiche that no longer fits is skipped, the next ones tried.
        case greedy
        /// Equal Shares (method of equal shares, completed greedily) over the members' ballots,
        /// each ballot approving the fiches it ranks in the first half of the list (`ActionRanking.approved(from:)`).
        case equalShares
    }

    /// The outcome the committee adopts.
    public struct RankingAdoption: Equatable, Sendable {
        /// Fiches from first to last; several in a tier are tied.
        public var tiers: [[String]]
        /// The fiches funded within the envelope.
        public var selected: [String]
        public var tieBreak: String
        public var funding: Funding
        public init(tiers: [[String]], selected: [String], tieBreak: String, funding: Funding = .greedy) {
            self.tiers = tiers; self.selected = selected; self.tieBreak = tieBreak; self.funding = funding
        }
    }

    /// The adoption of a ranking as it stands: the order its method computes, and the fiches funded
    /// within its envelope by `funding` (all of them when there is no envelope). Equal Shares needs
    /// an envelope and ballots.
    public static func rankingAdoption(_ st: ProjectState, ranking: String, funding: Funding = .greedy) -> Result<RankingAdoption, Refusal> {
        guard let r = st.rankings[ranking] else { return .failure(Refusal("Classement inconnu.")) }
        let result = st.computeRanking(r)
        let tiers = result.tiers.map { tier in tier.map { r.actions[$0] } }
        let costs = r.actions.map { st.actions[$0]?.cost ?? .zero }
        var selected: [String]
        switch funding {
        case .greedy:
            selected = r.envelope.map { EnvelopeCut(order: result.order, costs: costs, envelope: $0).selected.map { r.actions[$0] } }
                ?? result.order.map { r.actions[$0] }
        case .equalShares:
            guard let election = st.approvalElection(r) else {
                return .failure(Refusal("Parts égales : il faut une enveloppe et au moins un bulletin."))
            }
            let funded = Set(election.outcome(.equalShares(.greedy)).selected.map { r.actions[$0] })
            selected = result.order.map { r.actions[$0] }.filter(funded.contains)
        }
        return .success(RankingAdoption(tiers: tiers, selected: selected, tieBreak: result.tieBreak, funding: funding))
    }

    /// Adopting a ranking is a decision of the séance: the decision names the fiches in order,
    /// carries the quorum of that moment, and the ranking records what was adopted.
    /// Like a vote, with `quorum: .required` an adoption while the quorum is not reached is
    /// refused unless `.waived` (« sans quorum »).
    public static func adoptRanking(_ st: ProjectState, ranking: String, _ a: RankingAdoption, quorum check: QuorumCheck = .unchecked,
                                    makeID: MakeID) -> CommandResult {
        guard let r = st.rankings[ranking] else { return .failure(Refusal("Classement inconnu.")) }
        guard r.adopted == nil else { return .failure(Refusal("Ce classement est déjà adopté.")) }
        if case .failure(let refusal) = changeable(st, r.meeting) { return .failure(refusal) }
        let parameters = Fr.Ranking.adoptionParameters(method: r.method, ballots: r.ballots.count, criteria: r.criteria, envelope: r.envelope,
                                                       retained: a.selected.count, equalShares: a.funding == .equalShares)
        var titles: [String] = []
        var rank = 1
        for tier in a.tiers {
            for action in tier { titles.append("\(rank). \(st.actions[action]?.title ?? action)") }
            rank += tier.count
        }
        // The decision names what is funded, with its amount, and the total.
        var total = Money.zero
        var funded: [String] = []
        for action in a.selected {
            let cost = st.actions[action]?.cost ?? .zero
            total += cost
            // « titre, 38 000,00 € »: a title often ends in a code in brackets (« … (CLAS) »).
            funded.append("\(st.actions[action]?.title ?? action), \(cost.french)")
        }
        var fundedText: String
        if let env = r.envelope {
            let rule = a.funding == .equalShares ? "parts égales" : "dans l'ordre du classement"
            fundedText = "Fiches retenues dans l'enveloppe de \(env.french) (\(rule)) : "
        } else {
            fundedText = "Fiches retenues (sans enveloppe) : "
        }
        fundedText += funded.isEmpty ? "aucune ; total 0,00\u{00A0}€." : funded.joined(separator: " ; ") + " ; total \(total.french)."
        let decisionID = makeID("dec")
        let q = st.quorum(r.meeting)
        if !q.met && check == .required { return .failure(Refusal(Fr.Line.quorumRefusal(q), code: .quorumNotMet)) }
        // Each fiche still being chosen (proposée, retenue, non retenue) takes the adoption's word;
        // one already validated, under way or done keeps its status.
        let chosen = Set(a.selected)
        let statuses: [EventDraft] = a.tiers.joined().compactMap { action in
            guard let sheet = st.actions[action], [.proposee, .retenue, .non_retenue].contains(sheet.status) else { return nil }
            let status: ActionStatus = chosen.contains(action) ? .retenue : .non_retenue
            return sheet.status == status ? nil : EventDraft(.actionEdit, action, [(.status, status.rawValue)])
        }
        return .success([
            EventDraft(.decisionRecord, decisionID, [
                (.seance, r.meeting), (.item, r.item),
                (.text, "Classement des fiches actions adopté (\(Fr.Ranking.methodName(r.method))) : " + titles.joined(separator: " ; ")
                        + ". " + fundedText),
                (.outcome, DecisionOutcome.valide.rawValue), (.votersPresent, String(q.votes)), (.quorumMet, q.met ? "oui" : "non"),
                (.present, st.presentVoters(r.meeting).joined(separator: ",")),
                (.withoutQuorum, !q.met && check == .waived ? "oui" : nil),
            ]),
            EventDraft(.rankingAdopt, r.id, [(.order, RankingText.tiers(a.tiers)), (.selected, a.selected.joined(separator: ",")),
                                             (.method, r.method.rawValue), (.parameters, parameters), (.tiebreak, a.tieBreak),
                                             (.decision, decisionID)]),
        ] + statuses)
    }
}

/// Changing a ranking before it is adopted: method, manual order, criteria and scores, ballots,
/// envelope. An adopted ranking refuses them all.
extension Commands {
    private static func changeableRanking(_ st: ProjectState, _ ranking: String) -> Result<ActionRanking, Refusal> {
        guard let r = st.rankings[ranking] else { return .failure(Refusal("Classement inconnu.")) }
        guard r.adopted == nil else { return .failure(Refusal("Ce classement est déjà adopté.")) }
        if case .failure(let refusal) = changeable(st, r.meeting) { return .failure(refusal) }
        return .success(r)
    }

    private static func onRanking(_ st: ProjectState, _ ranking: String, _ body: (ActionRanking) -> CommandResult) -> CommandResult {
        switch changeableRanking(st, ranking) {
        case .failure(let r): return .failure(r)
        case .success(let r): return body(r)
        }
    }

    public static func setRankingMethod(_ st: ProjectState, ranking: String, _ method: RankingMethod) -> CommandResult {
        onRanking(st, ranking) { r in
            r.method == method ? .success([]) : .success([EventDraft(.rankingMethod, ranking, [(.method, method.rawValue)])])
        }
    }

    public static func setManualOrder(_ st: ProjectState, ranking: String, _ order: [String]) -> CommandResult {
        onRanking(st, ranking) { _ in .success([EventDraft(.rankingOrder, ranking, [(.order, order.joined(separator: ","))])]) }
    }

    public static func setScore(_ st: ProjectState, ranking: String, action: String, criterion: String, _ score: Rational) -> CommandResult {
        onRanking(st, ranking) { r in
            guard r.actions.contains(action) else { return .failure(Refusal("Cette fiche n'est pas dans le classement.")) }
            return .success([EventDraft(.rankingScore, ranking, [(.action, action), (.criterion, criterion), (.score, score.description)])])
        }
    }

    /// A criterion's weight (nil removes it), with its name when it is new.
    public static func setCriterion(_ st: ProjectState, ranking: String, criterion: String, name: String?, weight: Rational?) -> CommandResult {
        onRanking(st, ranking) { _ in
            if let w = weight, w < Rational(0) { return .failure(Refusal("Un poids ne peut pas être négatif.")) }
            return .success([EventDraft(.rankingCriterion, ranking, [(.criterion, criterion), (.name, name), (.weight, weight?.description ?? "")])])
        }
    }

    public static func setEnvelope(_ st: ProjectState, ranking: String, _ amount: Money?) -> CommandResult {
        onRanking(st, ranking) { _ in .success([EventDraft(.rankingEnvelope, ranking, [(.amount, amount?.journalValue ?? "")])]) }
    }

    /// With `requirePresence`, the ballot of a member neither present nor represented is refused
    /// (`Refusal.Code.notPresent`); a withdrawal (no tiers) is always possible.
    public static func setBallot(_ st: ProjectState, ranking: String, member: String, _ tiers: [[String]],
                                 requirePresence: Bool = false) -> CommandResult {
        onRanking(st, ranking) { r in
            guard let who = st.members[member] else { return .failure(Refusal("Membre inconnu « \(member) ».")) }
            if requirePresence, !tiers.isEmpty, !st.presentVoters(r.meeting).contains(member) {
                return .failure(Refusal("\(who.name) n'est ni présent(e) ni représenté(e) : son bulletin est refusé.", code: .notPresent))
            }
            return .success([EventDraft(.rankingBallot, ranking, [(.member, member), (.order, RankingText.tiers(tiers))])])
        }
    }
}
