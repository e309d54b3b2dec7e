/// Decisions and their votes; follow-ups.
extension Commands {
    /// How a decision was taken.
    public enum Vote: Equatable, Sendable {
        case counts(VoteCount)
        case unanimous
        /// No vote: the secretary gives the outcome.
        case none
    }

    /// A decision of the séance. With counts, the outcome follows from the committee's majority
    /// rule unless the secretary records another one (kept as an override, `computed`); the
    /// quorum and the voters present at that moment are written with it.
    ///
    /// A vote (counts or unanimity) while the quorum is not reached is refused
    /// (`Refusal.Code.quorumNotMet`) unless `quorum` is `.waived`: the decision is then « sans
    /// quorum ». The members in `recused` « ne prennent pas part au vote »: counted neither in
    /// the vote nor in its quorum. In a tie, where the committee gives the président a casting
    /// vote, `castingVote` says which way he voted (true: pour); without it the tie is refused
    /// (`Refusal.Code.tieNeedsCastingVote`).
    public static func recordDecision(_ st: ProjectState, meeting: String, item: String?, text: String, vote: Vote,
                                      outcome chosen: DecisionOutcome?, quorum check: QuorumCheck = .required,
                                      recused: [String] = [], castingVote: Bool? = nil, makeID: MakeID) -> CommandResult {
        let m: Meeting
        switch changeable(st, meeting) {
        case .failure(let r): return .failure(r)
        case .success(let found): m = found
        }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return .failure(Refusal("Le texte de la décision est obligatoire.")) }
        let voters = st.presentVoters(meeting, excluding: Set(recused))
        switch voteFields(st, m, voters: voters, recused: recused, vote: vote, outcome: chosen, check: check, castingVote: castingVote) {
        case .failure(let r): return .failure(r)
        case .success(let fields):
            return .success([EventDraft(.decisionRecord, makeID("dec"), [(.seance, meeting), (.item, item), (.text, text)] + fields)])
        }
    }

    /// The correction of a decision: its text, vote, outcome, override, recusals, all recomputed
    /// as `recordDecision` does, against who was there when it was taken (its `present`, with
    /// those who did not take part). Every vote field is written again, so the correction reads
    /// whole; a closed séance is reopened for it and closed again at its time.
    public static func correctDecision(_ st: ProjectState, decision: String, text: String, vote: Vote,
                                       outcome chosen: DecisionOutcome?, quorum check: QuorumCheck = .required,
                                       recused: [String]? = nil, castingVote: Bool? = nil) -> CommandResult {
        guard let d = st.decisions[decision], let m = st.meetings[d.meeting] else { return .failure(Refusal("Décision inconnue.")) }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return .failure(Refusal("Le texte de la décision est obligatoire.")) }
        let recused = recused ?? d.recused
        let there = d.present.isEmpty && d.recused.isEmpty ? st.presentVoters(m.id) : d.present + d.recused
        let order = st.votingMembers(of: m.committee).map(\.id)
        let voters = order.filter { there.contains($0) && !recused.contains($0) }
        switch voteFields(st, m, voters: voters, recused: recused, vote: vote, outcome: chosen, check: check, castingVote: castingVote) {
        case .failure(let r): return .failure(r)
        case .success(var fields):
            // A correction writes every vote field: what the new vote does not say is cleared.
            for key in [FieldKey.for, .against, .abstention, .computed, .casting] where !fields.contains(where: { $0.0 == key }) {
                fields.append((key, ""))
            }
            if !fields.contains(where: { $0.0 == .unanimous }) { fields.append((.unanimous, "non")) }
            if !fields.contains(where: { $0.0 == .withoutQuorum }) { fields.append((.withoutQuorum, "non")) }
            if !fields.contains(where: { $0.0 == .recused }) { fields.append((.recused, "")) }
            let textField: [(FieldKey, String?)] = text == d.text ? [] : [(.text, text)]
            return correcting(st, m.id, [EventDraft(.decisionCorrect, decision, textField + fields)])
        }
    }

    /// The outcome and vote fields of a decision taken with `voters` present or represented.
    static func voteFields(_ st: ProjectState, _ m: Meeting, voters: [String], recused: [String], vote: Vote,
                           outcome chosen: DecisionOutcome?, check: QuorumCheck, castingVote: Bool?) -> Result<[(FieldKey, String?)], Refusal> {
        let c = st.committees[m.committee]
        for r in recused where st.members[r]?.committee != m.committee || st.members[r]?.guestOf != nil {
            return .failure(Refusal("« \(st.members[r]?.name ?? r) » n'est pas membre de ce comité."))
        }
        let q = st.quorum(of: m, voters: voters)
        let rule = c?.majority ?? .simple
        var computed: DecisionOutcome?
        var fields: [(FieldKey, String?)] = []
        var voted = true
        switch vote {
        case .counts(let count):
            guard count.votesFor >= 0, count.against >= 0, count.abstention >= 0,
                  [count.votesFor, count.against, count.abstention].allSatisfy(FieldRange.count.contains) else {
                return .failure(Refusal("Les voix sont des nombres entiers positifs."))
            }
            guard count.total > 0 else { return .failure(Refusal("Indiquez les voix, ou choisissez « sans vote » ou « unanimité »."))
            }
            guard count.total <= q.votes else {
                return .failure(Refusal("Le total des voix (\(count.total)) dépasse les votes présents ou représentés (\(q.votes))."))
            }
            computed = count.adopted(under: rule) ? .valide : .rejete
            fields = [(.for, String(count.votesFor)), (.against, String(count.against)), (.abstention, String(count.abstention))]
            if count.votesFor == count.against, c?.castingVote == true, rule != .deux_tiers {
                guard let side = castingVote else {
                    return .failure(Refusal("Partage égal des voix (\(count.votesFor) pour, \(count.against) contre) : la voix du président est prépondérante. A-t-il voté pour ou contre ?",
                                            code: .tieNeedsCastingVote))
                }
                computed = side ? .valide : .rejete
                fields.append((.casting, side ? "pour" : "contre"))
            }
        case .unanimous:
            computed = .valide
            fields = [(.unanimous, "oui")]
        case .none:
            voted = false
        }
        var withoutQuorum = false
        if voted && !q.met {
            switch check {
            case .required:
                return .failure(Refusal(Fr.Line.quorumRefusal(q), code: .quorumNotMet))
            case .waived: withoutQuorum = true
            case .unchecked: break
            }
        }
        guard let outcome = chosen ?? computed else {
            return .failure(Refusal("Sans vote, choisissez le résultat (validé, ajourné, rejeté, amendé)."))
        }
        fields.insert((.outcome, outcome.rawValue), at: 0)
        if let computed, computed != outcome { fields.append((.computed, computed.rawValue)) }
        fields += [(.votersPresent, String(q.votes)), (.quorumMet, q.met ? "oui" : "non"), (.present, voters.joined(separator: ","))]
        if withoutQuorum { fields.append((.withoutQuorum, "oui")) }
        if !recused.isEmpty { fields.append((.recused, recused.joined(separator: ","))) }
        return .success(fields)
    }

    /// A suite à donner: what, who (a member's name is stored as the member), for when.
    public static func addFollowUp(_ st: ProjectState, meeting: String, item: String?, what: String, owner: String,
                                   due: LocalDate?, makeID: MakeID) -> CommandResult {
        guard st.meetings[meeting] != nil else { return .failure(Refusal("Séance inconnue « \(meeting) ».")) }
        guard !what.trimmingCharacters(in: .whitespaces).isEmpty else { return .failure(Refusal("Indiquez ce qui est à faire.")) }
        return .success([EventDraft(.followupAdd, makeID("fol"), [
            (.seance, meeting), (.item, item), (.what, what),
            (.owner, owner.isEmpty ? nil : memberOrText(st, owner, meeting: meeting)), (.due, due?.journalValue),
        ])])
    }
}

/// Follow-ups corrected, done with a date, and undone.
extension Commands {
    /// Only what changed is written; an unchanged follow-up gives no event.
    public static func editFollowUp(_ st: ProjectState, followUp: String, what: String, owner: String, due: LocalDate?) -> CommandResult {
        guard let f = st.followUps[followUp] else { return .failure(Refusal("Suite à donner inconnue.")) }
        guard !what.trimmingCharacters(in: .whitespaces).isEmpty else { return .failure(Refusal("Indiquez ce qui est à faire.")) }
        let owner = owner.isEmpty ? "" : memberOrText(st, owner, meeting: f.meeting)
        var fields: [(FieldKey, String?)] = []
        if what != f.what { fields.append((.what, what)) }
        if owner != f.owner { fields.append((.owner, owner)) }
        if due != f.due { fields.append((.due, due?.journalValue ?? "")) }
        return .success(fields.isEmpty ? [] : [EventDraft(.followupEdit, followUp, fields)])
    }

    /// « Fait » withdrawn: the follow-up is open again (the journal keeps that it was marked done).
    public static func markFollowUpOpen(_ st: ProjectState, followUp: String) -> CommandResult {
        guard let f = st.followUps[followUp] else { return .failure(Refusal("Suite à donner inconnue.")) }
        guard f.done != nil else { return .failure(Refusal("Cette suite n'est pas marquée faite.")) }
        return .success([EventDraft(.followupReopen, followUp, [])])
    }
}
