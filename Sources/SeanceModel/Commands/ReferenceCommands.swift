/// The project and what it is made of: axes, committees, members, fiches actions. Their forms
/// give values already in journal form (dates, amounts parsed by the screen); the commands check
/// them against the schema and the state.
extension Commands {
    /// Values typed in a form, by key, in the journal's form.
    public typealias Values = [(FieldKey, String)]

    public static func setProject(_ st: ProjectState, _ values: Values, newAxes: [String], makeID: MakeID) -> CommandResult {
        if st.project == nil, !values.contains(where: { $0.0 == .name && !$0.1.isEmpty }) {
            return .failure(Refusal("Le nom du projet est obligatoire."))
        }
        var out: [EventDraft] = []
        if !values.isEmpty { out.append(draft(.projectSet, "project", values)) }
        let first = (st.axes.values.map(\.number).max() ?? 0) + 1
        for (i, title) in newAxes.enumerated() {
            out.append(EventDraft(.axisAdd, makeID("axis"), [(.number, String(first + i)), (.title, title)]))
        }
        return .success(out)
    }

    public static func addAxis(_ st: ProjectState, _ values: Values, makeID: MakeID) -> CommandResult {
        create(.axisAdd, makeID("axis"), values)
    }

    public static func createCommittee(_ st: ProjectState, _ values: Values, makeID: MakeID) -> CommandResult {
        create(.committeeCreate, makeID("com"), values)
    }

    public static func addMember(_ st: ProjectState, committee: String, _ values: Values, makeID: MakeID) -> CommandResult {
        guard let c = st.committees[committee], !c.retired else { return .failure(Refusal("Comité inconnu « \(committee) ».")) }
        return create(.memberAdd, makeID("mem"), [(.committee, committee)] + values)
    }

    /// A seat on `committee` for a person who sits elsewhere (any of her seats names her): one
    /// person, not a second record. `values` are the seat's own: role and vote; her name is
    /// written for the reader of the journal, her identity stays hers.
    public static func addSeat(_ st: ProjectState, person member: String, committee: String, _ values: Values = [],
                               makeID: MakeID) -> CommandResult {
        guard let c = st.committees[committee], !c.retired else { return .failure(Refusal("Comité inconnu « \(committee) ».")) }
        guard let m = st.members[member], m.guestOf == nil else { return .failure(Refusal("Personne inconnue « \(member) ».")) }
        let seats = st.seats(ofPerson: m.personID)
        guard let identity = seats.first(where: { !$0.retired }) else {
            return .failure(Refusal("\(m.name) a été retiré(e) de tous ses comités : ajoutez-la comme nouveau membre."))
        }
        if seats.contains(where: { $0.committee == committee && !$0.retired }) {
            return .failure(Refusal("\(identity.name) siège déjà au comité « \(c.name) »."))
        }
        for (key, _) in values where key != .role && key != .voting {
            return .failure(Refusal("« \(key.rawValue) » est propre à la personne : modifiez-le sur l'un de ses sièges."))
        }
        return .success([draft(.memberAdd, makeID("mem"), [(.committee, committee), (.name, identity.name), (.person, m.personID)] + values)])
    }

    public static func createAction(_ st: ProjectState, _ values: Values, makeID: MakeID) -> CommandResult {
        create(.actionCreate, makeID("act"), values)
    }

    /// The changes of an edit form (only what changed): nothing changed, no event.
    public static func edit(_ st: ProjectState, _ kind: EventKind, _ entity: String, _ values: Values) -> CommandResult {
        guard exists(st, kind, entity) else { return .failure(Refusal("« \(entity) » n'existe pas (ou plus).")) }
        return .success(values.isEmpty ? [] : [draft(kind, entity, values)])
    }

    /// Retiring an axis, a committee or a member: past séances keep them.
    public static func retire(_ st: ProjectState, _ kind: EventKind, _ entity: String) -> CommandResult {
        guard [.axisRetire, .committeeRetire, .memberRetire].contains(kind), exists(st, kind, entity) else {
            return .failure(Refusal("« \(entity) » n'existe pas (ou plus)."))
        }
        return .success([EventDraft(kind, entity, [])])
    }

    /// A financer's share of a fiche (zero removes the line).
    public static func setFinancing(_ st: ProjectState, action: String, financer: String, amount: Money) -> CommandResult {
        guard st.actions[action] != nil else { return .failure(Refusal("Fiche action inconnue.")) }
        guard !financer.trimmingCharacters(in: .whitespaces).isEmpty else { return .failure(Refusal("Nommez le financeur.")) }
        return .success([EventDraft(.actionFinancing, action, [(.financer, financer), (.amount, amount.journalValue)])])
    }

    /// Progress of a fiche: a percentage, an indicator's value, a comment (at least one).
    public static func recordProgress(_ st: ProjectState, action: String, percent: Int?, indicator: String,
                                      value: String, comment: String) -> CommandResult {
        guard st.actions[action] != nil else { return .failure(Refusal("Fiche action inconnue.")) }
        if let p = percent, !FieldRange.percent.contains(p) { return .failure(Refusal("L'avancement est un pourcentage de 0 à 100.")) }
        guard percent != nil || !value.isEmpty || !comment.isEmpty else {
            return .failure(Refusal("Indiquez un pourcentage, la valeur d'un indicateur ou un commentaire."))
        }
        func opt(_ s: String) -> String? { s.isEmpty ? nil : s }
        return .success([EventDraft(.actionProgress, action, [(.percent, percent.map(String.init)), (.indicator, opt(indicator)),
                                                              (.value, opt(value)), (.comment, opt(comment))])])
    }

    public static func markFollowUpDone(_ st: ProjectState, followUp: String, on date: LocalDate) -> CommandResult {
        guard let f = st.followUps[followUp] else { return .failure(Refusal("Suite à donner inconnue.")) }
        guard f.done == nil else { return .failure(Refusal("Cette suite est déjà faite.")) }
        if let decided = st.meetings[f.meeting]?.date, date < decided {
            return .failure(Refusal("Cette suite a été décidée le \(decided.french) : elle ne peut pas avoir été faite le \(date.french)."))
        }
        return .success([EventDraft(.followupDone, followUp, [(.date, date.journalValue)])])
    }

    // MARK: - Shared

    private static func create(_ kind: EventKind, _ entity: String, _ values: Values) -> CommandResult {
        for key in kind.schema.required where !values.contains(where: { $0.0 == key && !$0.1.isEmpty }) {
            return .failure(Refusal("Le champ « \(key.rawValue) » est obligatoire."))
        }
        return .success([draft(kind, entity, values)])
    }

    private static func draft(_ kind: EventKind, _ entity: String, _ values: Values) -> EventDraft {
        EventDraft(kind, entity, values.map { ($0.0, Optional($0.1)) })
    }

    private static func exists(_ st: ProjectState, _ kind: EventKind, _ entity: String) -> Bool {
        switch kind {
        case .axisEdit, .axisRetire: st.axes[entity].map { !$0.retired } ?? false
        case .committeeEdit, .committeeRetire: st.committees[entity].map { !$0.retired } ?? false
        case .memberEdit, .memberRetire: st.members[entity].map { !$0.retired } ?? false
        case .actionEdit: st.actions[entity] != nil
        case .seanceEdit: st.meetings[entity] != nil
        case .followupEdit: st.followUps[entity] != nil
        case .decisionCorrect: st.decisions[entity] != nil
        default: false
        }
    }
}
