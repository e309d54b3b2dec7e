/// The paperwork around a séance: its convocation (sent when, and whether in time for the
/// committee's rule) and the approval of the previous compte rendu.
extension Commands {
    /// Records that the convocation of a séance was sent on `date` (« convocation envoyée le »).
    /// A convocation too late for the committee's rule is still recorded — it was sent — and
    /// `ProjectState.convocationWarning` says so.
    public static func recordConvocation(_ st: ProjectState, meeting: String, sentOn date: LocalDate) -> CommandResult {
        guard let m = st.meetings[meeting] else { return .failure(Refusal("Séance inconnue « \(meeting) ».")) }
        guard m.state != .cancelled else { return .failure(Refusal("Cette séance est annulée.")) }
        guard date <= m.date else {
            return .failure(Refusal("La convocation ne peut être envoyée après la séance (\(Fr.longDate(m.date)))."))
        }
        if m.convokedOn == date { return .success([]) }
        return .success([EventDraft(.seanceConvoke, meeting, [(.date, date.journalValue)])])
    }

    /// The agenda item « Approbation du compte rendu de la séance du … » for the committee's last
    /// séance held before `date` whose compte rendu is neither approved nor already on an agenda.
    static func approvalItem(_ st: ProjectState, committee: String, before date: LocalDate, seance: String, makeID: MakeID) -> EventDraft? {
        let held = st.meetings(of: committee).filter { $0.state == .closed && $0.date < date }
        guard let previous = held.max(by: st.isBefore) else { return nil }
        guard st.approval(of: previous.id) == nil, !st.agendaItems.values.contains(where: { $0.approves == previous.id }) else { return nil }
        return EventDraft(.agendaAdd, makeID("item"), [(.seance, seance), (.title, Fr.Paperwork.approvalItem(previous.date)),
                                                      (.kind, AgendaKind.decision.rawValue), (.duration, "5"), (.approves, previous.id)])
    }
}

extension ProjectState {
    /// The decision that approved the compte rendu of a séance, and the séance it was taken at.
    public func approval(of meeting: String) -> (decision: Decision, at: Meeting)? {
        guard let m = meetings[meeting] else { return nil }
        var found: [(Decision, Meeting)] = []
        for later in self.meetings(of: m.committee) where later.id != m.id && later.state != .cancelled {
            for itemID in later.agenda {
                guard let item = agendaItems[itemID], item.approves == meeting else { continue }
                for d in later.decisions.compactMap({ decisions[$0] }) where d.item == itemID && (d.outcome == .valide || d.outcome == .amende) {
                    found.append((d, later))
                }
            }
        }
        return found.min { isBefore($0.1, $1.1) }.map { (decision: $0.0, at: $0.1) }
    }

    /// What the program warns about a séance's convocation: sent (or, not sent yet, to be sent
    /// `today`) after the last day the committee's rule allows. Nil when in time or without rule.
    public func convocationWarning(_ meeting: String, today: LocalDate) -> String? {
        guard let m = meetings[meeting], let c = committees[m.committee], m.state == .planned || m.convokedOn != nil else { return nil }
        guard let last = c.convocation.latestSending(for: m.date) else { return nil }
        if let sent = m.convokedOn {
            return sent <= last ? nil : Fr.Paperwork.sentTooLate(sent: sent, last: last, rule: c.convocation)
        }
        return today <= last ? nil : Fr.Paperwork.tooClose(last: last, rule: c.convocation)
    }
}
