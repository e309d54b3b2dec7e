/// Who can vote at a moment of a séance, and whether the quorum is reached.
public struct QuorumStatus: Equatable, Sendable {
    /// Voting members of the committee (active, not guests).
    public var votingMembers: Int
    /// Voting members present in the room or at a distance.
    public var present: Int
    /// Votes carried by present members for absent ones (pouvoirs).
    public var represented: Int
    public var required: Int
    /// Whether the pouvoirs count toward the quorum (the committee's rule; not for a conseil municipal).
    public var proxiesCount = true
    /// The votes that can be cast: present and represented.
    public var votes: Int { present + represented }
    /// What the quorum counts: the votes, or only the members present when pouvoirs do not count.
    public var counted: Int { proxiesCount ? votes : present }
    public var met: Bool { counted >= required }
}

/// The count of a vote: pour, contre, abstention.
public struct VoteCount: Equatable, Sendable {
    public var votesFor: Int
    public var against: Int
    public var abstention: Int
    public init(votesFor: Int, against: Int, abstention: Int) {
        self.votesFor = votesFor; self.against = against; self.abstention = abstention
    }
    public var total: Int { votesFor + against + abstention }

    /// Whether the motion is adopted under a majority rule:
    /// simple — more for than against; absolue — more than half of the votes cast (abstentions
    /// count as cast); deux_tiers — at least two thirds of the votes cast.
    public func adopted(under rule: MajorityRule) -> Bool {
        switch rule {
        case .simple: votesFor > against
        case .absolue: 2 * votesFor > total
        case .deux_tiers: 3 * votesFor >= 2 * total && total > 0
        }
    }
}

extension ProjectState {
    /// Voting members present or represented at a séance, in the committee's member order;
    /// those in `excluded` (who do not take part in a vote) left out.
    public func presentVoters(_ meetingID: String, excluding excluded: Set<String> = []) -> [String] {
        guard let m = meetings[meetingID] else { return [] }
        return votingMembers(of: m.committee).filter { member in
            if excluded.contains(member.id) { return false }
            if isPresent(member.id, in: m) { return true }
            if let a = m.attendance[member.id], a.status == .pouvoir, let p = a.proxy { return isPresent(p, in: m) }
            return false
        }.map(\.id)
    }

    public func isPresent(_ member: String, in m: Meeting) -> Bool {
        m.attendance[member]?.status.isThere ?? false
    }

    /// Who can vote now and whether the quorum is reached, under the committee's rules (whether
    /// pouvoirs count); the members in `excluded` (« ne prend pas part au vote ») are counted
    /// neither in the vote nor in the quorum.
    public func quorum(_ meetingID: String, excluding excluded: Set<String> = []) -> QuorumStatus {
        guard let m = meetings[meetingID] else {
            return QuorumStatus(votingMembers: 0, present: 0, represented: 0, required: 0)
        }
        return quorum(of: m, voters: presentVoters(meetingID, excluding: excluded))
    }

    /// The quorum given the voting members present or represented (a decision's `present`).
    public func quorum(of m: Meeting, voters: [String]) -> QuorumStatus {
        guard let c = committees[m.committee] else { return QuorumStatus(votingMembers: 0, present: 0, represented: 0, required: 0) }
        let voting = votingMembers(of: m.committee)
        let inRoom = voters.filter { m.attendance[$0]?.status != .pouvoir }.count
        return QuorumStatus(votingMembers: voting.count, present: inRoom, represented: voters.count - inRoom,
                            required: c.quorum.required(outOf: voting.count), proxiesCount: c.proxiesCountForQuorum)
    }

    /// The attendance as it stood when the séance was opened (nil before): for each member, the
    /// last change recorded before the opening or at its time. An arrival after the opening does
    /// not count; a member who left later does (he was there). Rebuilt from the attendance log,
    /// whose changes carry the séance's time when it is being held (none before the opening).
    public func attendanceAtOpening(_ m: Meeting) -> [String: Attendance]? {
        guard let open = m.openTime else { return nil }
        var out: [String: Attendance] = [:]
        for c in m.attendanceLog {
            if let t = c.time, t > open { continue }
            out[c.member] = Attendance(status: c.status, proxy: c.status == .pouvoir ? c.proxy : nil, time: c.time)
        }
        return out
    }

    /// The quorum at the séance's opening (nil before it was opened): the voting members present
    /// or represented then, under the committee's rules. What the compte rendu states; each
    /// decision keeps its own voters.
    public func quorumAtOpening(_ meetingID: String) -> QuorumStatus? {
        guard let m = meetings[meetingID], let c = committees[m.committee], let at = attendanceAtOpening(m) else { return nil }
        let voting = votingMembers(of: m.committee)
        func there(_ id: String) -> Bool { at[id]?.status.isThere ?? false }
        var present = 0, represented = 0
        for member in voting {
            if there(member.id) { present += 1 }
            else if let a = at[member.id], a.status == .pouvoir, let p = a.proxy, there(p) { represented += 1 }
        }
        return QuorumStatus(votingMembers: voting.count, present: present, represented: represented,
                            required: c.quorum.required(outOf: voting.count), proxiesCount: c.proxiesCountForQuorum)
    }

    /// Seconds spent on an agenda item measured with the events' timestamps, counting the current
    /// period up to `now`: the screen's live clock before issue 14, kept while the séance screen
    /// still calls it. Deprecated: the screens are to call `timeSpent(on:until:)`, which counts
    /// with the séance's own times (a séance written up afterwards has no clock to read).
    public func timeSpent(on itemID: String, now: Timestamp) -> Int64 {
        guard let item = agendaItems[itemID], let m = meetings[item.meeting] else { return 0 }
        var total: Int64 = 0
        for (i, start) in m.itemLog.enumerated() where start.item == itemID {
            let end: Timestamp
            if i + 1 < m.itemLog.count { end = m.itemLog[i + 1].at }
            else if let closed = m.closedAt { end = closed }
            else if m.state == .inProgress { end = now }
            else { continue }
            total += max(0, end.epochSeconds - start.at.epochSeconds)
        }
        return total
    }

    /// Seconds spent on an agenda item, from the séance's times; the item being discussed in a
    /// séance in progress counts up to `until` (nil: up to the last clôture, if any, else not at all).
    public func timeSpent(on itemID: String, until: LocalTime?) -> Int64 {
        guard let item = agendaItems[itemID], let m = meetings[item.meeting] else { return 0 }
        var total = 0
        for (i, start) in m.itemLog.enumerated() where start.item == itemID {
            let from = start.time ?? start.at.localTime
            let end: LocalTime?
            if i + 1 < m.itemLog.count { end = m.itemLog[i + 1].time ?? m.itemLog[i + 1].at.localTime }
            else if m.state == .closed { end = m.endTime }
            else if m.state == .inProgress { end = until ?? m.endTime }
            else { end = nil }
            guard let end else { continue }
            total += max(0, end.minutesOfDay - from.minutesOfDay)
        }
        return Int64(total) * 60
    }

    /// Notes of a séance (not deleted), optionally of one agenda item, in the order taken.
    public func notes(of meetingID: String, item: String?? = .none) -> [Note] {
        (meetings[meetingID]?.notes ?? []).compactMap { notes[$0] }.filter { n in
            !n.deleted && (item == .none || n.item == item!)
        }
    }

    /// Members who may speak at a séance: the committee's active members and the séance's guests.
    public func participants(of meetingID: String) -> [Member] {
        guard let m = meetings[meetingID] else { return [] }
        return members(of: m.committee) + m.guests.compactMap { members[$0] }
    }

    /// Open follow-ups from earlier séances of the same committee.
    public func openFollowUps(before meetingID: String) -> [FollowUp] {
        guard let m = meetings[meetingID] else { return [] }
        return openFollowUps.filter { f in f.meeting != meetingID && meetings[f.meeting]?.committee == m.committee }
    }
}
