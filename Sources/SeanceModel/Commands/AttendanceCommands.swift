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
            if let r = proxyGiverRefusal(st, m, member: member) ?? proxyHolderRefusal(st, m, holder: proxy, for: member) {
                return .failure(r)
            }
        }
        // A departure during the séance: after her arrival and after the opening.
        if m.state == .inProgress, let before = m.attendance[member], before.status.isThere, !status.isThere,
           let r = departureRefusal(now, arrived: before.time, opening: m.openTime) {
            return .failure(r)
        }
        return .success([attendanceDraft(m, member: member, status: status, proxy: proxy, at: now)])
    }

    /// Corrects when a member arrived and, if she left during the séance, when she left: both
    /// recorded again as they happened (there from `arrival`, gone at `departure`). Without an
    /// arrival, one who left was there from the opening.
    public static func correctAttendanceTimes(_ st: ProjectState, meeting: String, member: String,
                                              arrival: LocalTime?, departure: LocalTime?) -> CommandResult {
        let m: Meeting
        switch changeable(st, meeting) {
        case .failure(let r): return .failure(r)
        case .success(let found): m = found
        }
        guard let a = m.attendance[member] else { return .failure(Refusal("Rien n'est noté pour ce membre.")) }
        guard a.left != nil else {
            guard let arrival else { return .failure(Refusal("« Arrivée à » est obligatoire.")) }
            return .success([attendanceDraft(m, member: member, status: a.status, proxy: a.proxy, at: arrival)])
        }
        guard let departure else { return .failure(Refusal("« Départ à » est obligatoire.")) }
        let arrived = arrival ?? m.openTime ?? departure
        if let r = departureRefusal(departure, arrived: arrived, opening: m.openTime) { return .failure(r) }
        return .success([attendanceDraft(m, member: member, status: .present, proxy: nil, at: arrived),
                         attendanceDraft(m, member: member, status: a.status, proxy: a.proxy, at: departure)])
    }

    static func departureRefusal(_ t: LocalTime, arrived: LocalTime?, opening: LocalTime?) -> Refusal? {
        if let arrived, t < arrived { return Refusal("Le départ (\(t.french)) ne peut précéder l'arrivée (\(arrived.french)).") }
        if let opening, t < opening { return Refusal("Le départ (\(t.french)) ne peut précéder l'ouverture (\(opening.french)).") }
        return nil
    }

    private static func attendanceDraft(_ m: Meeting, member: String, status: AttendanceStatus, proxy: String?, at now: LocalTime) -> EventDraft {
        EventDraft(.attendanceSet, m.id, [
            (.member, member), (.status, status.rawValue), (.proxy, status == .pouvoir ? proxy : nil),
            (.time, m.state == .inProgress ? now.journalValue : nil),
        ])
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

    // MARK: - Pouvoirs (CASF R123-19 for a CCAS board, CGCT L2121-20 for a conseil municipal)

    /// Why `member` cannot give a pouvoir now, or nil: a member who holds another's pouvoir
    /// cannot give his own away until that one is withdrawn or given to someone else (the vote
    /// he carries would be passed on, and the mandataire would hold two).
    public static func proxyGiverRefusal(_ st: ProjectState, meeting: String, member: String) -> Refusal? {
        guard let m = st.meetings[meeting] else { return Refusal("Séance inconnue « \(meeting) ».") }
        return proxyGiverRefusal(st, m, member: member)
    }

    static func proxyGiverRefusal(_ st: ProjectState, _ m: Meeting, member: String) -> Refusal? {
        guard let mandant = st.proxiesHeld(by: member, in: m).first else { return nil }
        let who = st.ownerName(member), whose = st.ownerName(mandant)
        let pronoun = st.members[member]?.civility == .mme ? "elle" : "il"
        return Refusal("\(who) détient le pouvoir de \(whose) : \(pronoun) ne peut donner le sien qu'une fois ce pouvoir retiré ou confié à un autre membre.")
    }

    /// Why `holder` cannot carry the pouvoir of `mandant`, or nil. The mandataire is a voting
    /// member of the committee; present or at a distance (before the opening, a member not yet
    /// recorded may be named: pouvoirs come with the replies to the convocation), not excusé,
    /// absent, gone, nor having given his own pouvoir; and he holds no other member's pouvoir:
    /// one pouvoir per member (CASF R123-19, CGCT L2121-20).
    static func proxyHolderRefusal(_ st: ProjectState, _ m: Meeting, holder: String, for mandant: String) -> Refusal? {
        guard let h = st.members[holder] else { return Refusal("Membre inconnu « \(holder) ».") }
        let who = st.ownerName(holder), pronoun = h.civility == .mme ? "elle" : "il"
        guard h.committee == m.committee, h.guestOf == nil, !h.retired, h.voting else {
            return Refusal("\(who) n'a pas voix délibérative dans ce comité : \(pronoun) ne peut pas recevoir de pouvoir.")
        }
        if let other = st.proxiesHeld(by: holder, in: m).first(where: { $0 != mandant }) {
            return Refusal("\(who) détient déjà le pouvoir de \(st.ownerName(other)) : un membre ne peut détenir qu'un seul pouvoir.")
        }
        switch m.attendance[holder]?.status {
        case .present?, .distance?:
            return nil
        case nil:
            if m.state == .planned { return nil }
            return Refusal("\(who) n'est pas \(Fr.agreed("noté(e) présent(e)", h.civility)) : un pouvoir se confie à un membre présent ou à distance ; marquez d'abord son arrivée.")
        case .pouvoir?:
            let to = m.attendance[holder]?.proxy.map { " à " + st.ownerName($0) } ?? ""
            return Refusal("\(who) a \(h.civility == .mme ? "elle" : "lui")-même donné pouvoir\(to) : \(pronoun) ne peut pas recevoir celui de \(st.ownerName(mandant)).")
        case let s?:
            let a = m.attendance[holder]!
            let state = a.hasLeft ? Fr.agreed("parti(e)", h.civility) : Fr.agreed(Fr.Export.presenceLabel(s), h.civility)
            return Refusal("\(who) est \(state) : un pouvoir se confie à un membre présent ou à distance.")
        }
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
