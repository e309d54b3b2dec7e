/// Who is there: attendance, proxies, guests.
extension Commands {
    /// A member's attendance; the time is written when the séance is being held (an arrival, a
    /// departure): `now` is the séance's time (`ProjectState.proposedTime`), not the clock's when
    /// the minutes are typed afterwards. A member present who is then marked absent, excusé or
    /// giving a pouvoir during the séance has left (« parti(e) à … »). A `pouvoir` names who
    /// carries the vote.
    public static func setAttendance(_ st: ProjectState, meeting: String, member: String, status: AttendanceStatus,
                                     proxy: String? = nil, at now: LocalTime) -> CommandResult {
        let m: Meeting
        switch changeable(st, meeting) {
        case .failure(let r): return .failure(r)
        case .success(let found): m = found
        }
        guard st.members[member] != nil else { return .failure(Refusal("Membre inconnu « \(member) ».")) }
        if status == .pouvoir {
            guard let proxy else { return .failure(Refusal("Un pouvoir se donne à un membre présent : choisissez lequel.")) }
            guard proxy != member else { return .failure(Refusal("Un membre ne peut pas se donner pouvoir à lui-même.")) }
        }
        return .success([EventDraft(.attendanceSet, meeting, [
            (.member, member), (.status, status.rawValue), (.proxy, status == .pouvoir ? proxy : nil),
            (.time, m.state == .inProgress ? now.journalValue : nil),
        ])])
    }

    /// A guest of one séance (no vote), present at once when the séance is being held.
    public static func addGuest(_ st: ProjectState, meeting: String, name: String, organisation: String,
                                at now: LocalTime, makeID: MakeID) -> CommandResult {
        let m: Meeting
        switch changeable(st, meeting) {
        case .failure(let r): return .failure(r)
        case .success(let found): m = found
        }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { return .failure(Refusal("Le nom est obligatoire.")) }
        let id = makeID("mem")
        var out = [EventDraft(.guestAdd, id, [(.seance, meeting), (.name, name), (.organisation, organisation.isEmpty ? nil : organisation)])]
        if m.state == .inProgress {
            out.append(EventDraft(.attendanceSet, meeting, [(.member, id), (.status, AttendanceStatus.present.rawValue), (.time, now.journalValue)]))
        }
        return .success(out)
    }

    /// Withdraws what was recorded of a member's attendance: not recorded again.
    public static func withdrawAttendance(_ st: ProjectState, meeting: String, member: String) -> CommandResult {
        switch changeable(st, meeting) {
        case .failure(let r): return .failure(r)
        case .success(let m):
            guard m.attendance[member] != nil else { return .failure(Refusal("Rien n'est enregistré pour ce membre.")) }
            return .success([EventDraft(.attendanceWithdraw, meeting, [(.member, member)])])
        }
    }
}
