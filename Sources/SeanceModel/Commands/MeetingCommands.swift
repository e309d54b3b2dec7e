/// Preparing, holding and closing a séance; its notes.
extension Commands {
    /// A new séance of a committee. Its agenda starts with « Approbation du compte rendu de la
    /// séance du … » when the committee's last séance held has a compte rendu not yet approved;
    /// then the open follow-ups of the committee's séances, « Suivi des décisions précédentes ».
    /// Séances are numbered in date order: a séance prepared for a date before séances still to
    /// come (never opened, no decision) takes its number in that order, and they are renumbered
    /// after it (`seance.edit number=`); a séance opened, held or convoked keeps its number.
    public static func prepareMeeting(_ st: ProjectState, committee: String, date: LocalDate, time: LocalTime?,
                                      place: String, title: String, makeID: MakeID) -> CommandResult {
        guard let c = st.committees[committee], !c.retired else { return .failure(Refusal("Comité inconnu « \(committee) ».")) }
        let id = makeID("sea")
        let (number, renumbered) = numbering(st, c, date: date, time: time)
        var out = [EventDraft(.seanceCreate, id, [(.committee, committee), (.date, date.journalValue), (.time, time?.journalValue),
                                                  (.place, place.isEmpty ? nil : place), (.title, title.isEmpty ? nil : title),
                                                  (.number, number.map(String.init))])]
        out += renumbered.map { EventDraft(.seanceEdit, $0.meeting, [(.number, String($0.number))]) }
        if let approval = approvalItem(st, committee: committee, before: date, seance: id, makeID: makeID) { out.append(approval) }
        let open = st.openFollowUps.filter { st.meetings[$0.meeting]?.committee == committee }
        if !open.isEmpty {
            // The item names the follow-ups (shown live: one marked done later shows done); the
            // text is kept for the versions that read only `details`.
            let details = open.map { f in
                "• " + Fr.Line.followUp(what: f.what, owner: st.ownerName(f.owner), due: f.due, done: nil)
            }.joined(separator: "\n")
            out.append(EventDraft(.agendaAdd, makeID("item"), [(.seance, id), (.title, "Suivi des décisions précédentes"),
                                                              (.kind, AgendaKind.information.rawValue), (.duration, "10"), (.details, details),
                                                              (.followups, open.map(\.id).joined(separator: ","))]))
        }
        return .success(out)
    }

    /// The number of a séance prepared for `date` (nil: the default, one more than the highest)
    /// and the séances to renumber. The séances still to come dated after it — never opened, no
    /// decision — and the new one share their numbers and the next free one, in date order.
    static func numbering(_ st: ProjectState, _ c: Committee, date: LocalDate, time: LocalTime?)
        -> (number: Int?, renumbered: [(meeting: String, number: Int)]) {
        let at = (date, time?.minutesOfDay ?? 0)
        let later = st.chronological(c.meetingIDs.compactMap { st.meetings[$0] }.filter { m in
            m.state == .planned && m.openedAt == nil && m.decisions.isEmpty && (m.date, m.time?.minutesOfDay ?? 0) > at
        })
        // A convocation already sent carries its séance's number: then nothing is renumbered and
        // the new séance takes the next number, as before.
        guard !later.isEmpty, !later.contains(where: { $0.convokedOn != nil }) else { return (nil, []) }
        let numbers = (later.map(\.number) + [c.highestMeetingNumber + 1]).sorted()
        var renumbered: [(meeting: String, number: Int)] = []
        for (m, n) in zip(later, numbers.dropFirst()) where m.number != n { renumbered.append((m.id, n)) }
        return (numbers[0], renumbered)
    }

    /// What starts a séance held live when the first thing is recorded in it: its opening, and
    /// its first agenda item becoming current. (Used by the acts called with `Opening.implicit`.)
    public static func opening(_ st: ProjectState, meeting: String, at now: LocalTime) -> [EventDraft] {
        guard let m = st.meetings[meeting] else { return [] }
        var out: [EventDraft] = []
        if m.state == .planned { out.append(EventDraft(.seanceOpen, meeting, [(.time, now.journalValue)])) }
        if m.currentItem == nil, let first = m.agenda.first { out.append(EventDraft(.agendaStart, first, [(.time, now.journalValue)])) }
        return out
    }

    /// The secretary opens the séance, at its time (now when it is held live, else the time she
    /// gives; `ProjectState.proposedTime` is the value to prefill): the séance is « en cours »
    /// and its first agenda item becomes current at the same time.
    public static func openMeeting(_ st: ProjectState, meeting: String, at time: LocalTime) -> CommandResult {
        switch changeable(st, meeting) {
        case .failure(let r): return .failure(r)
        case .success(let m):
            guard m.state == .planned else { return .failure(Refusal("La séance est déjà ouverte.")) }
            return .success(opening(st, meeting: meeting, at: time))
        }
    }

    /// Undoes an opening with nothing recorded after it: the séance is planned again.
    public static func undoOpening(_ st: ProjectState, meeting: String) -> CommandResult {
        guard let m = st.meetings[meeting] else { return .failure(Refusal("Séance inconnue « \(meeting) ».")) }
        guard m.state == .inProgress else { return .failure(Refusal("La séance n'est pas ouverte.")) }
        guard st.canUndoOpening(m) else {
            return .failure(Refusal("Des éléments ont été enregistrés depuis l'ouverture : elle ne peut plus être annulée."))
        }
        return .success([EventDraft(.seanceUnopen, meeting, [])])
    }

    /// A line of the minutes, attributed to a speaker or not. With `.implicit` the séance opens
    /// if it was not; with `.explicit` a planned séance refuses (`Refusal.Code.notOpened`).
    public static func addNote(_ st: ProjectState, meeting: String, item: String?, text: String, speaker: String?,
                               at now: LocalTime, opening policy: Opening = .implicit, makeID: MakeID) -> CommandResult {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return .failure(Refusal("Ligne vide : rien à enregistrer.")) }
        if case .failure(let r) = opened(st, meeting, policy) { return .failure(r) }
        let open = policy == .implicit ? opening(st, meeting: meeting, at: now) : []
        return .success(open + [EventDraft(.noteAdd, makeID("note"), [(.seance, meeting), (.item, item), (.text, text), (.speaker, speaker)])])
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

    /// Makes an agenda item the current one at the séance's time `now` (with `.implicit` the
    /// séance opens if it was not; with `.explicit` a planned séance refuses).
    public static func startItem(_ st: ProjectState, meeting: String, item: String, at now: LocalTime,
                                 opening policy: Opening = .implicit) -> CommandResult {
        guard case .success(let m) = changeable(st, meeting), m.agenda.contains(item) else {
            return .failure(Refusal("Ce point n'est pas à l'ordre du jour de la séance."))
        }
        if case .failure(let r) = opened(st, meeting, policy) { return .failure(r) }
        let open = policy == .implicit ? opening(st, meeting: meeting, at: now).filter { $0.eventKind != .agendaStart } : []
        return .success(open + [EventDraft(.agendaStart, item, [(.time, now.journalValue)])])
    }

    /// Corrects the time an item (last) became current: its duration counts from it.
    public static func correctItemStart(_ st: ProjectState, item: String, to time: LocalTime) -> CommandResult {
        guard let it = st.agendaItems[item], let m = st.meetings[it.meeting] else { return .failure(Refusal("Point inconnu.")) }
        guard let last = m.itemLog.last(where: { $0.item == item }) else {
            return .failure(Refusal("Ce point n'a pas encore été abordé : il n'a pas d'heure de début."))
        }
        if last.time == time { return .success([]) }
        return correcting(st, m.id, [EventDraft(.agendaEdit, item, [(.started, time.journalValue)])])
    }

    /// The clôture at the séance's time (with `.implicit`, opening it first if nothing was
    /// recorded yet; with `.explicit` a planned séance refuses). The item clock stops there.
    public static func close(_ st: ProjectState, meeting: String, at time: LocalTime, opening policy: Opening = .implicit) -> CommandResult {
        switch opened(st, meeting, policy) {
        case .failure(let r): return .failure(r)
        case .success(let m):
            // (Checked for the séance's own times only: the screens still pass the clock with `.implicit`.)
            if policy == .explicit, let o = m.openTime, time < o {
                return .failure(Refusal("La clôture (\(time.french)) ne peut précéder l'ouverture (\(o.french))."))
            }
        }
        let open = opening(st, meeting: meeting, at: time).filter { $0.eventKind == .seanceOpen }
        return .success(open + [EventDraft(.seanceClose, meeting, [(.time, time.journalValue)])])
    }

    public static func reopen(_ st: ProjectState, meeting: String, reason: String) -> CommandResult {
        guard let m = st.meetings[meeting] else { return .failure(Refusal("Séance inconnue « \(meeting) ».")) }
        guard m.state == .closed || m.state == .cancelled else { return .failure(Refusal("Cette séance n'est pas close.")) }
        return .success([EventDraft(.seanceReopen, meeting, [(.reason, reason)])])
    }

    /// What the secretary may correct of a séance; nil leaves a field as it is.
    public struct MeetingChanges: Equatable, Sendable {
        public var date: LocalDate?
        public var time: LocalTime?
        public var place: String?
        public var title: String?
        /// A member's name (stored as the member) or free text; empty: the committee's.
        public var president: String?
        public var secretary: String?
        public var nextDate: LocalDate?
        /// The opening and closing times (only for a séance opened, and closed).
        public var opening: LocalTime?
        public var closing: LocalTime?
        public init(date: LocalDate? = nil, time: LocalTime? = nil, place: String? = nil, title: String? = nil,
                    president: String? = nil, secretary: String? = nil, nextDate: LocalDate? = nil,
                    opening: LocalTime? = nil, closing: LocalTime? = nil) {
            self.date = date; self.time = time; self.place = place; self.title = title; self.president = president
            self.secretary = secretary; self.nextDate = nextDate; self.opening = opening; self.closing = closing
        }
    }

    /// Corrects a séance (any state but cancelled): only what changed is written.
    public static func editMeeting(_ st: ProjectState, meeting: String, _ c: MeetingChanges) -> CommandResult {
        guard let m = st.meetings[meeting] else { return .failure(Refusal("Séance inconnue « \(meeting) ».")) }
        var fields: [(FieldKey, String?)] = []
        if let d = c.date, d != m.date { fields.append((.date, d.journalValue)) }
        if let t = c.time, t != m.time { fields.append((.time, t.journalValue)) }
        if let v = c.place, v != m.place { fields.append((.place, v)) }
        if let v = c.title, v != m.title { fields.append((.title, v)) }
        if let v = c.president {
            let p = v.isEmpty ? "" : memberOrText(st, v, meeting: meeting)
            if p != m.president { fields.append((.president, p)) }
        }
        if let v = c.secretary, v != m.secretary { fields.append((.secretary, v)) }
        if let d = c.nextDate, d != m.nextDate { fields.append((.nextDate, d.journalValue)) }
        if let t = c.opening, t != m.openTime {
            guard m.openedAt != nil else { return .failure(Refusal("La séance n'a pas été ouverte : pas d'heure d'ouverture à corriger.")) }
            fields.append((.opening, t.journalValue))
        }
        if let t = c.closing, t != m.endTime {
            guard m.endTime != nil else { return .failure(Refusal("La séance n'est pas close : pas d'heure de clôture à corriger.")) }
            fields.append((.closing, t.journalValue))
        }
        if let o = c.opening ?? m.openTime, let e = c.closing ?? m.endTime, e < o {
            return .failure(Refusal("La clôture (\(e.french)) ne peut précéder l'ouverture (\(o.french))."))
        }
        return .success(fields.isEmpty ? [] : [EventDraft(.seanceEdit, meeting, fields)])
    }

    /// Cancels a séance not yet held (a planned one, or one opened by mistake).
    public static func cancelMeeting(_ st: ProjectState, meeting: String, reason: String) -> CommandResult {
        guard let m = st.meetings[meeting] else { return .failure(Refusal("Séance inconnue « \(meeting) ».")) }
        switch m.state {
        case .closed: return .failure(Refusal("Une séance tenue ne peut pas être annulée."))
        case .cancelled: return .failure(Refusal("Cette séance est déjà annulée."))
        case .planned, .inProgress:
            return .success([EventDraft(.seanceCancel, meeting, [(.reason, reason.isEmpty ? nil : reason)])])
        }
    }

    /// Postpones a planned (or cancelled) séance to another date: the séance keeps the dates it
    /// was planned for.
    public static func postponeMeeting(_ st: ProjectState, meeting: String, to date: LocalDate, time: LocalTime?, reason: String) -> CommandResult {
        guard let m = st.meetings[meeting] else { return .failure(Refusal("Séance inconnue « \(meeting) ».")) }
        guard m.state == .planned || m.state == .cancelled else { return .failure(Refusal("Seule une séance à venir peut être reportée.")) }
        guard date != m.date || (time != nil && time != m.time) else { return .failure(Refusal("Indiquez une autre date.")) }
        return .success([EventDraft(.seancePostpone, meeting, [(.date, date.journalValue), (.time, time?.journalValue),
                                                               (.reason, reason.isEmpty ? nil : reason)])])
    }
}
