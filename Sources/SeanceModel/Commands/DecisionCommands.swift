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
    public static func recordDecision(_ st: ProjectState, meeting: String, item: String?, text: String, vote: Vote,
                                      outcome chosen: DecisionOutcome?, makeID: MakeID) -> CommandResult {
        let m: Meeting
        switch changeable(st, meeting) {
        case .failure(let r): return .failure(r)
        case .success(let found): m = found
        }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return .failure(Refusal("Le texte de la décision est obligatoire.")) }
        let q = st.quorum(meeting)
        let rule = st.committees[m.committee]?.majority ?? .simple
        var computed: DecisionOutcome?
        var voteFields: [(FieldKey, String?)] = []
        switch vote {
        case .counts(let count):
            guard count.votesFor >= 0, count.against >= 0, count.abstention >= 0,
                  [count.votesFor, count.against, count.abstention].allSatisfy(FieldRange.count.contains) else {
                return .failure(Refusal("Les voix sont des nombres entiers positifs."))
            }
            guard count.total > 0 else { return .failure(Refusal("Indiquez les voix, ou choisissez « sans vote » ou « unanimité ».")) }
            guard count.total <= q.votes else {
                return .failure(Refusal("Le total des voix (\(count.total)) dépasse les votes présents ou représentés (\(q.votes))."))
            }
            computed = count.adopted(under: rule) ? .valide : .rejete
            voteFields = [(.for, String(count.votesFor)), (.against, String(count.against)), (.abstention, String(count.abstention))]
        case .unanimous:
            computed = .valide
            voteFields = [(.unanimous, "oui")]
        case .none:
            break
        }
        guard let outcome = chosen ?? computed else {
            return .failure(Refusal("Sans vote, choisissez le résultat (validé, ajourné, rejeté, amendé)."))
        }
        var fields: [(FieldKey, String?)] = [(.seance, meeting), (.item, item), (.text, text), (.outcome, outcome.rawValue)]
        fields += voteFields
        if let computed, computed != outcome { fields.append((.computed, computed.rawValue)) }
        fields += [(.votersPresent, String(q.votes)), (.quorumMet, q.met ? "oui" : "non"),
                   (.present, st.presentVoters(meeting).joined(separator: ","))]
        return .success([EventDraft(.decisionRecord, makeID("dec"), fields)])
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
