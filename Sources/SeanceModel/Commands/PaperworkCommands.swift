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

    /// Where a séance stands with its committee's convocation rule: the last day the convocation
    /// may leave, the day it left, and whether that is too late — sent after the last day, or not
    /// sent and `today` already past it. The one reading of the rule: the séance's header, the
    /// dashboard, Ctrl+N and `seance convoquer` all ask it. Nil for an unknown or cancelled
    /// séance, and for one held or closed whose sending was never recorded (nothing to say then).
    public func convocationStatus(_ meeting: String, today: LocalDate) -> ConvocationStatus? {
        guard let m = meetings[meeting], let c = committees[m.committee], m.state != .cancelled else { return nil }
        guard m.state == .planned || m.convokedOn != nil else { return nil }
        let latest = c.convocation.latestSending(for: m.date)
        let late: Bool
        if let latest { late = (m.convokedOn ?? today) > latest } else { late = false }
        return ConvocationStatus(rule: c.convocation, latest: latest, sent: m.convokedOn, isLate: late)
    }

    /// What the program warns about a séance's convocation: sent (or, not sent yet, to be sent
    /// `today`) after the last day the committee's rule allows. Nil when in time or without rule.
    public func convocationWarning(_ meeting: String, today: LocalDate) -> String? {
        guard let s = convocationStatus(meeting, today: today), s.isLate, let last = s.latest else { return nil }
        if let sent = s.sent { return Fr.Paperwork.sentTooLate(sent: sent, last: last, rule: s.rule) }
        return Fr.Paperwork.tooClose(last: last, rule: s.rule)
    }
}

/// A séance's convocation against its committee's rule (`ProjectState.convocationStatus`).
public struct ConvocationStatus: Sendable, Equatable {
    public var rule: ConvocationRule
    /// The last day the convocation may be sent; nil without a rule.
    public var latest: LocalDate?
    /// The day it was sent, when recorded.
    public var sent: LocalDate?
    /// Sent after `latest`, or not sent while today is already past it.
    public var isLate: Bool
}
