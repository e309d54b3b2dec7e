/// Preparing, holding and closing a séance; its notes.
extension Commands {
    /// A new séance of a committee. The open follow-ups of the committee's séances become its
    /// first agenda item, « Suivi des décisions précédentes ».
    public static func prepareMeeting(_ st: ProjectState, committee: String, date: LocalDate, time: LocalTime?,
                                      place: String, title: String, makeID: MakeID) -> CommandResult {
        guard let c = st.committees[committee], !c.retired else { return .failure(Refusal("Comité inconnu « \(committee) ».")) }
        let id = makeID("sea")
        var out = [EventDraft(.seanceCreate, id, [(.committee, committee), (.date, date.journalValue), (.time, time?.journalValue),
                                                  (.place, place.isEmpty ? nil : place), (.title, title.isEmpty ? nil : title)])]
        let open = st.openFollowUps.filter { st.meetings[$0.meeting]?.committee == committee }
        if !open.isEmpty {
            let details = open.map { f in
                "• " + Fr.Line.followUp(what: f.what, owner: st.ownerName(f.owner), due: f.due, done: nil)
            }.joined(separator: "\n")
            out.append(EventDraft(.agendaAdd, makeID("item"), [(.seance, id), (.title, "Suivi des décisions précédentes"),
                                                              (.kind, AgendaKind.information.rawValue), (.duration, "10"), (.details, details)]))
        }
        return .success(out)
    }

    /// What starts a séance held live when the first thing is recorded in it: its opening, and
    /// its first agenda item becoming current.
    public static func opening(_ st: ProjectState, meeting: String, at now: LocalTime) -> [EventDraft] {
        guard let m = st.meetings[meeting] else { return [] }
        var out: [EventDraft] = []
        if m.state == .planned { out.append(EventDraft(.seanceOpen, meeting, [(.time, now.journalValue)])) }
        if m.currentItem == nil, let first = m.agenda.first { out.append(EventDraft(.agendaStart, first, [(.time, now.journalValue)])) }
        return out
    }

    /// A line of the minutes, attributed to a speaker or not (the séance opens if it was not).
    public static func addNote(_ st: ProjectState, meeting: String, item: String?, text: String, speaker: String?,
                               at now: LocalTime, makeID: MakeID) -> CommandResult {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return .failure(Refusal("Ligne vide : rien à enregistrer.")) }
        if case .failure(let r) = changeable(st, meeting) { return .failure(r) }
        return .success(opening(st, meeting: meeting, at: now)
                        + [EventDraft(.noteAdd, makeID("note"), [(.seance, meeting), (.item, item), (.text, text), (.speaker, speaker)])])
    }

    public static func correctNote(_ st: ProjectState, note: String, text: String) -> CommandResult {
        guard let n = st.notes[note] else { return .failure(Refusal("Ligne inconnue.")) }
        if case .failure(let r) = changeable(st, n.meeting) { return .failure(r) }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return .failure(Refusal("Le texte ne peut pas être vide : supprimez la ligne plutôt.")) }
        guard text != n.text else { return .success([]) }
        return .success([EventDraft(.noteCorrect, note, [(.text, text)])])
    }

    public static func deleteNote(_ st: ProjectState, note: String) -> CommandResult {
        guard let n = st.notes[note] else { return .failure(Refusal("Ligne inconnue.")) }
        if case .failure(let r) = changeable(st, n.meeting) { return .failure(r) }
        return .success([EventDraft(.noteDelete, note, [])])
    }

    /// Makes an agenda item the current one (the séance opens if it was not).
    public static func startItem(_ st: ProjectState, meeting: String, item: String, at now: LocalTime) -> CommandResult {
        guard case .success(let m) = changeable(st, meeting), m.agenda.contains(item) else {
            return .failure(Refusal("Ce point n'est pas à l'ordre du jour de la séance."))
        }
        let open = opening(st, meeting: meeting, at: now).filter { $0.eventKind != .agendaStart }
        return .success(open + [EventDraft(.agendaStart, item, [(.time, now.journalValue)])])
    }

    /// The clôture (opening it first if nothing was recorded yet).
    public static func close(_ st: ProjectState, meeting: String, at time: LocalTime) -> CommandResult {
        if case .failure(let r) = changeable(st, meeting) { return .failure(r) }
        let open = opening(st, meeting: meeting, at: time).filter { $0.eventKind == .seanceOpen }
        return .success(open + [EventDraft(.seanceClose, meeting, [(.time, time.journalValue)])])
    }

    public static func reopen(_ st: ProjectState, meeting: String, reason: String) -> CommandResult {
        guard let m = st.meetings[meeting] else { return .failure(Refusal("Séance inconnue « \(meeting) ».")) }
        guard m.state == .closed || m.state == .cancelled else { return .failure(Refusal("Cette séance n'est pas close.")) }
        return .success([EventDraft(.seanceReopen, meeting, [(.reason, reason)])])
    }
}
