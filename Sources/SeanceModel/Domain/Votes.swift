/// Who can vote at a moment of a séance, and whether the quorum is reached.
public struct QuorumStatus: Equatable, Sendable {
    /// Voting members of the committee (active, not guests).
    public var votingMembers: Int
    /// Voting members present in the room or at a distance.
    public var present: Int
    /// Votes carried by present members for absent ones (pouvoirs).
    public var represented: Int
    public var required: Int
    public var votes: Int { present + represented }
    public var met: Bool { votes >= required }
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
    /// Voting members present or represented at a séance, in the committee's member order.
    public func presentVoters(_ meetingID: String) -> [String] {
        guard let m = meetings[meetingID] else { return [] }
        let voting = votingMembers(of: m.committee)
        let presentIDs = Set(voting.filter { [.present, .distance].contains(m.attendance[$0.id]?.status) }.map(\.id))
        return voting.filter { member in
            if presentIDs.contains(member.id) { return true }
            if let a = m.attendance[member.id], a.status == .pouvoir, let p = a.proxy { return isPresent(p, in: m) }
            return false
        }.map(\.id)
    }

    public func isPresent(_ member: String, in m: Meeting) -> Bool {
        [.present, .distance].contains(m.attendance[member]?.status)
    }

    public func quorum(_ meetingID: String) -> QuorumStatus {
        guard let m = meetings[meetingID], let c = committees[m.committee] else {
            return QuorumStatus(votingMembers: 0, present: 0, represented: 0, required: 0)
        }
        let voting = votingMembers(of: m.committee)
        let present = voting.filter { isPresent($0.id, in: m) }.count
        let represented = voting.filter { member in
            guard let a = m.attendance[member.id], a.status == .pouvoir, let p = a.proxy else { return false }
            return isPresent(p, in: m)
        }.count
        return QuorumStatus(votingMembers: voting.count, present: present, represented: represented,
                            required: c.quorum.required(outOf: voting.count))
    }

    /// Seconds spent on an agenda item, counting the current period up to `now`.
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
