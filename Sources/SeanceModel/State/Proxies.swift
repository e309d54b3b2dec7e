/// Pouvoirs at a séance: who holds whose, who may receive one. The rules are the commands'
/// (`Commands.setAttendance`); the fold stays lenient, so that a journal written before them
/// (one member holding two pouvoirs) still reads: `proxyWarnings` says what is wrong in it.
extension ProjectState {
    /// The members whose pouvoir `holder` carries at a séance, in the committee's order (one at
    /// most when the journal kept the rules).
    public func proxiesHeld(by holder: String, in m: Meeting) -> [String] {
        guard !m.attendance.isEmpty else { return [] }
        var out: [String] = []
        for id in committees[m.committee]?.memberIDs ?? [] {
            if let a = m.attendance[id], a.status == .pouvoir, a.proxy == holder { out.append(id) }
        }
        return out
    }

    /// The members to whom `member` may give his pouvoir at a séance now: the committee's voting
    /// members present or at a distance (before the opening, those not yet recorded too), who
    /// hold no other pouvoir and have not given theirs. Empty when `member` may not give one
    /// (he holds another member's pouvoir: `Commands.proxyGiverRefusal` says why).
    public func eligibleProxyHolders(meeting: String, for member: String) -> [Member] {
        guard let m = meetings[meeting], Commands.proxyGiverRefusal(self, m, member: member) == nil else { return [] }
        return votingMembers(of: m.committee).filter { h in
            h.id != member && Commands.proxyHolderRefusal(self, m, holder: h.id, for: member) == nil
        }
    }

    /// What breaks the rules of pouvoirs in the journal as it was read (a member holding two, a
    /// mandataire who gave his own): one French sentence each, for `seance check`.
    public func proxyWarnings() -> [String] {
        var out: [String] = []
        for id in meetingOrder {
            guard let m = meetings[id], !m.attendance.isEmpty, let c = committees[m.committee] else { continue }
            let name = Fr.meetingName(c, m) + " du " + m.date.french
            var seen: Set<String> = []
            for mandant in c.memberIDs {
                guard let a = m.attendance[mandant], a.status == .pouvoir, let holder = a.proxy, seen.insert(holder).inserted else { continue }
                let held = proxiesHeld(by: holder, in: m)
                if held.count > 1 {
                    out.append("\(name) : \(ownerName(holder)) détient \(held.count) pouvoirs (\(held.map(ownerName).joined(separator: ", "))) ; un membre ne peut en détenir qu'un.")
                }
                if let h = m.attendance[holder], h.status == .pouvoir {
                    out.append("\(name) : \(ownerName(holder)) a donné pouvoir et détient celui de \(held.map(ownerName).joined(separator: ", ")).")
                }
            }
        }
        return out
    }
}
