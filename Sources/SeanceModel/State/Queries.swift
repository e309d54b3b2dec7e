/// Questions the screens ask of the state.
extension ProjectState {
    public var activeCommittees: [Committee] {
        committeeOrder.compactMap { committees[$0] }.filter { !$0.retired }
    }

    public var activeAxes: [Axis] {
        axisOrder.compactMap { axes[$0] }.filter { !$0.retired }.sorted { $0.number < $1.number }
    }

    /// Active members of a committee, in the order they were added.
    public func members(of committee: String) -> [Member] {
        (committees[committee]?.memberIDs ?? []).compactMap { members[$0] }.filter { !$0.retired }
    }

    /// Séances of a committee, newest first.
    public func meetings(of committee: String) -> [Meeting] {
        chronological((committees[committee]?.meetingIDs ?? []).compactMap { meetings[$0] }).reversed()
    }

    /// The most recent séance held or being held.
    public func lastMeeting(of committee: String) -> Meeting? {
        extremeMeeting(of: committee, latest: true) { $0 == .closed || $0 == .inProgress }
    }

    /// The soonest séance still to be held.
    public func nextMeeting(of committee: String) -> Meeting? {
        extremeMeeting(of: committee, latest: false) { $0 == .planned }
    }

    /// The latest (or earliest) séance of a committee in a given state, in the order of
    /// `MeetingTime`: one pass reading the séances in place (the dashboard asks it of every
    /// committee each second, and a long history has hundreds of séances per committee).
    private func extremeMeeting(of committee: String, latest: Bool, _ state: (MeetingStatus) -> Bool) -> Meeting? {
        var best: (position: Int, key: MeetingTime)?
        for id in committees[committee]?.meetingIDs ?? [] {
            guard let p = meetings.position(of: id), state(meetings[position: p].state) else { continue }
            // One committee: its place in the project is the same for all.
            let key = MeetingTime(date: meetings[position: p].date, minutes: meetings[position: p].time?.minutesOfDay ?? 0,
                                  committee: 0, number: meetings[position: p].number, id: meetings[position: p].id)
            if let b = best, latest ? key < b.key : b.key < key { continue }
            best = (p, key)
        }
        return best.map { meetings.values[$0.position] }
    }

    public var openFollowUps: [FollowUp] {
        followUpOrder.compactMap { followUps[$0] }.filter(\.isOpen)
    }

    public func openFollowUps(of committee: String) -> [FollowUp] {
        openFollowUps.filter { meetings[$0.meeting]?.committee == committee }
    }

    public var actionSheets: [ActionSheet] { actionOrder.compactMap { actions[$0] } }

    public func axisLabel(_ id: String?) -> String {
        guard let id, let a = axes[id] else { return "" }
        return Fr.axis(a.number)
    }

    /// Voting members of a committee (active, not guests).
    public func votingMembers(of committee: String) -> [Member] {
        members(of: committee).filter { $0.voting && $0.guestOf == nil }
    }

    /// The séance's decisions as they are numbered (« Décision n°3 »): point by point in the
    /// order of the agenda, then those outside it; the screen and the documents number alike.
    public func decisionOrder(of m: Meeting) -> [String] {
        let decisions = m.decisions.compactMap { self.decisions[$0] }
        var order: [String] = []
        for item in m.agenda { order += decisions.filter { $0.item == item }.map(\.id) }
        order += decisions.filter { d in d.item.map { !m.agenda.contains($0) } ?? true }.map(\.id)
        return order
    }

    /// « Mme NOM Prénom – fonction ou rôle (organisation) », the usual French form of a speaker in minutes:
    /// what the séance screen writes and the documents print.
    public func speakerLabel(_ memberID: String) -> String {
        guard let m = members[memberID] else { return memberID }
        // « Mme LE GOFF Gaëlle – chargée de mission (CAF…) »: her fonction when it is known, else
        // her role in the committee (« autre » says nothing and is left out).
        var s = Fr.Line.person(m)
        let quality = m.function.isEmpty ? (m.role == .autre ? "" : Fr.role(m.role, m.civility)) : m.function
        if !quality.isEmpty { s += " – " + quality }
        if !m.organisation.isEmpty { s += " (\(m.organisation))" }
        return s
    }
}

/// A person and her seats: one entry per person, whatever the number of committees she sits on.
public struct Person: Sendable, Equatable, Identifiable {
    /// The id of her first seat.
    public var id: String
    /// Her identity (name, organisation, contact details), as on every seat.
    public var identity: Member
    /// Her active seats, in the project's order of committees.
    public var seats: [Member]
}

/// People across committees.
extension ProjectState {
    /// The person a seat belongs to (the id of her first seat); nil for an unknown id.
    public func personID(of member: String) -> String? { members[member]?.personID }

    /// Every seat of a person, retired ones included, in the order they were added.
    public func seats(ofPerson person: String) -> [Member] {
        (personSeats[person] ?? [person]).compactMap { members[$0] }
    }

    /// The other active seats of the person who holds this seat.
    public func otherSeats(of member: String) -> [Member] {
        guard let m = members[member], personSeats[m.personID] != nil else { return [] }
        return seats(ofPerson: m.personID).filter { $0.id != member && !$0.retired && committees[$0.committee]?.retired == false }
    }

    /// The people who sit on an active committee, one entry each, in the order of the committees
    /// and of their first seat there; guests are not among them.
    public var persons: [Person] {
        var out: [Person] = []
        var index: [String: Int] = [:]
        for c in activeCommittees {
            for mid in c.memberIDs {
                guard let m = members[mid], !m.retired, m.guestOf == nil else { continue }
                if let i = index[m.personID] { out[i].seats.append(m); continue }
                index[m.personID] = out.count
                out.append(Person(id: m.personID, identity: m, seats: [m]))
            }
        }
        return out
    }

    /// The people who could take a seat on `committee`: those who sit elsewhere and not there.
    public func personsNotOn(_ committee: String) -> [Person] {
        persons.filter { p in !p.seats.contains { $0.committee == committee } }
    }

    /// A person sitting elsewhere whose name is this one, accents and case aside (the question
    /// « même personne ? » when a member is added).
    public func person(named name: String, notOn committee: String) -> Person? {
        let key = Folding.fold(name).split(separator: " ").joined(separator: " ")
        guard !key.isEmpty else { return nil }
        return personsNotOn(committee).first { Folding.fold($0.identity.name).split(separator: " ").joined(separator: " ") == key }
    }
}
