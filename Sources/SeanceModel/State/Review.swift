import Foundation
/// The questions of the review: the timeline of séances, search, follow-ups, participation.
extension ProjectState {
    public struct TimelineFilter: Equatable, Sendable {
        public var committee: String?
        public var axis: String?
        public var year: Int?
        public var status: MeetingStatus?
        public init(committee: String? = nil, axis: String? = nil, year: Int? = nil, status: MeetingStatus? = nil) {
            self.committee = committee; self.axis = axis; self.year = year; self.status = status
        }
    }

    /// Every séance of every committee, newest first, filtered.
    public func timeline(_ f: TimelineFilter = TimelineFilter()) -> [Meeting] {
        chronological(meetingOrder.compactMap { meetings[$0] }.filter { m in
            (f.committee == nil || m.committee == f.committee)
                && (f.axis == nil || committees[m.committee]?.axis == f.axis)
                && (f.year == nil || m.date.year == f.year)
                && (f.status == nil || m.state == f.status)
        }).reversed()
    }

    /// The years that have séances, newest first.
    public var meetingYears: [Int] { Array(Set(meetings.values.map(\.date.year))).sorted(by: >) }

    public struct SearchHit: Equatable, Sendable {
        /// A `member` is a seat on a committee (`committee` names it, no séance, no date); a `guest`
        /// is a guest of one séance (`meeting` names it, dated by it).
        public enum Kind: String, Sendable { case note, decision, followUp, agendaItem, meeting, action, member, guest }
        public var kind: Kind
        public var entity: String
        public var meeting: String?
        public var item: String?
        public var date: LocalDate?
        public var text: String
        /// The committee a member's seat is on.
        public var committee: String? = nil
    }

    /// Everything whose text contains all the words of `query`, case and accents aside: first the
    /// members (a seat each: name, organisation, fonction, courriel), in committee order, then the
    /// rest newest first (a follow-up is also found by its « Qui », the member's name or the text
    /// typed; a guest by the same fields as a member). Both sides are folded with `Folding`.
    public func search(_ query: String) -> [SearchHit] {
        let words: [[UInt8]] = query.split(separator: " ").map { Folding.folded(String($0)) }.filter { !$0.isEmpty }
        guard !words.isEmpty else { return [] }
        // The notes (nine texts in ten) are searched in their folded copy, on two cores; the
        // other texts are folded here, half on each core. The tables are walked directly: no
        // lookup, no hashing per text.
        var hits = notes.positions(matching: words).map { i -> SearchHit in
            let n = notes.values[i]
            return SearchHit(kind: .note, entity: n.id, meeting: n.meeting, item: n.item, date: meetings[n.meeting]?.date, text: n.text)
        }
        nonisolated(unsafe) let found = UnsafeMutableBufferPointer<[SearchHit]>.allocate(capacity: 2)
        found.initialize(repeating: [])
        defer { found.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 2) { h in
            var local: [SearchHit] = []
            var buffer: [UInt8] = []
            /// True when the texts, folded and joined by spaces, hold every word.
            func matches(_ a: String, _ b: String = "", _ c: String = "", _ d: String = "") -> Bool {
                buffer.removeAll(keepingCapacity: true)
                Folding.appendFolded(a, to: &buffer)
                if !b.isEmpty { buffer.append(0x20); Folding.appendFolded(b, to: &buffer) }
                if !c.isEmpty { buffer.append(0x20); Folding.appendFolded(c, to: &buffer) }
                if !d.isEmpty { buffer.append(0x20); Folding.appendFolded(d, to: &buffer) }
                return buffer.withUnsafeBufferPointer { Folding.holdsAll(words, in: $0) }
            }
            if h == 0 {
                for m in meetings.values where matches(m.title, m.place) {
                    local.append(SearchHit(kind: .meeting, entity: m.id, meeting: m.id, date: m.date, text: m.title.isEmpty ? m.place : m.title))
                }
                for d in decisions.values where matches(d.text) {
                    local.append(SearchHit(kind: .decision, entity: d.id, meeting: d.meeting, item: d.item, date: meetings[d.meeting]?.date, text: d.text))
                }
            } else {
                for i in agendaItems.values where matches(i.title, i.details) {
                    local.append(SearchHit(kind: .agendaItem, entity: i.id, meeting: i.meeting, item: i.id, date: meetings[i.meeting]?.date, text: i.title))
                }
                for f in followUps.values {
                    let who = f.owner.isEmpty ? "" : ownerName(f.owner)
                    guard matches(f.what, who) else { continue }
                    local.append(SearchHit(kind: .followUp, entity: f.id, meeting: f.meeting, item: f.item, date: meetings[f.meeting]?.date,
                                           text: who.isEmpty ? f.what : f.what + " — " + who))
                }
                for a in actions.values where matches(a.title, a.description, a.porteur) {
                    local.append(SearchHit(kind: .action, entity: a.id, date: a.history.first?.date, text: a.title))
                }
            }
            found[h] = local
        }
        hits += found[0] + found[1]
        /// A member's (or guest's) identity: name, organisation, fonction, courriel.
        func matches(_ m: Member) -> Bool {
            var buffer: [UInt8] = []
            for text in [m.name, m.organisation, m.function, m.email] where !text.isEmpty {
                if !buffer.isEmpty { buffer.append(0x20) }
                Folding.appendFolded(text, to: &buffer)
            }
            return buffer.withUnsafeBufferPointer { Folding.holdsAll(words, in: $0) }
        }
        // Guests are few: searched here, with their séance's date.
        for m in members.values where m.guestOf != nil && matches(m) {
            let meeting = m.guestOf!
            hits.append(SearchHit(kind: .guest, entity: m.id, meeting: meeting, date: meetings[meeting]?.date, text: memberSummary(m)))
        }
        let distantPast = LocalDate(year: 1, month: 1, day: 1)!
        hits.sort { ($0.date ?? distantPast, $0.entity) > ($1.date ?? distantPast, $1.entity) }
        // The members first, as the committees and their members are listed: a name typed is
        // most often a person looked for.
        var seats: [SearchHit] = []
        for c in committeeOrder.compactMap({ committees[$0] }) {
            for mid in c.memberIDs {
                guard let m = members[mid], matches(m) else { continue }
                seats.append(SearchHit(kind: .member, entity: m.id, text: memberSummary(m), committee: c.id))
            }
        }
        return seats + hits

    }

    /// A member as a search shows her: « Mme LHERMITTE Éloïse — adjointe, Mairie de … », and
    /// « (retirée) » for a seat given up.
    func memberSummary(_ m: Member) -> String {
        let about = [m.function, m.organisation].filter { !$0.isEmpty }.joined(separator: ", ")
        return Fr.Line.person(m) + (about.isEmpty ? "" : " — " + about) + (m.retired ? " (" + Fr.agreed("retiré(e)", m.civility) + ")" : "")
    }

    /// The name a follow-up's owner is shown with: a member's name, or the text as typed.
    /// A member named by id (with the civilité, « Mme MARTIN Sophie »), or the text given.
    public func ownerName(_ owner: String) -> String { members[owner].map(Fr.Line.person) ?? owner }

    public struct Rate: Equatable, Sendable {
        public var label: String
        public var present: Int
        public var expected: Int
        /// Of the séances missed: excused (with or without a pouvoir) and absent, kept apart.
        public var excused = 0
        public var absent = 0
        /// For a member's line: the committee of her seat (a person on two committees has a
        /// line for each seat).
        public var committee: String? = nil
        public var percent: Int { expected == 0 ? 0 : (present * 100 + expected / 2) / expected }
    }

    /// Attendance over the séances held (closed or in progress) between two dates:
    /// per committee, per member of `committee` (or of all: a line per seat, naming its
    /// committee), and per organisation.
    /// A member counts as expected at every séance held while they sat; present in the room or
    /// at a distance counts as present (a proxy does not), and so does a member who left during
    /// the séance; of the others, excused (excusé, or a pouvoir given) and absent are counted apart.
    public func participation(from: LocalDate? = nil, to: LocalDate? = nil, committee: String? = nil)
        -> (committees: [Rate], members: [Rate], organisations: [Rate]) {
        var byCommittee: [String: Rate] = [:], byMember: [String: Rate] = [:], byOrg: [String: Rate] = [:]
        for m in meetings.values where m.state == .closed || m.state == .inProgress {
            if let from, m.date < from { continue }
            if let to, to < m.date { continue }
            guard let c = committees[m.committee] else { continue }
            for mid in c.memberIDs {
                guard let member = members[mid] else { continue }
                // A member retired before this séance, or added after it, was not expected.
                if member.retired && m.attendance[mid] == nil { continue }
                let outcome = attendanceOutcome(of: mid, in: m)
                func count(_ r: inout Rate) {
                    r.expected += 1
                    switch outcome {
                    case .present: r.present += 1
                    case .excused, .proxyGiven: r.excused += 1
                    case .absent: r.absent += 1
                    }
                }
                count(&byCommittee[c.id, default: Rate(label: c.name, present: 0, expected: 0)])
                if committee == nil || committee == c.id {
                    count(&byMember[mid, default: Rate(label: member.name, present: 0, expected: 0, committee: c.id)])
                }
                let org = member.organisation.isEmpty ? Fr.noOrganisation : organisationName(member.organisation)
                count(&byOrg[org, default: Rate(label: org, present: 0, expected: 0)])
            }
        }
        let order = committeeOrder
        let cs = order.compactMap { byCommittee[$0] }
        // A person's seats with the same rate: in the order of the committees.
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let ms = byMember.values.sorted {
            ($0.percent, $0.label, $0.committee.flatMap { rank[$0] } ?? 0) < ($1.percent, $1.label, $1.committee.flatMap { rank[$0] } ?? 0)
        }
        let os = byOrg.values.sorted { ($0.percent, $0.label) < ($1.percent, $1.label) }
        return (cs, ms, os)
    }

    /// An organisation without the person's function in parentheses or after a dash.
    func organisationName(_ s: String) -> String {
        var t = Substring(s)
        if let p = t.firstIndex(of: "(") { t = t[..<p] }
        if let d = t.range(of: " – ") { t = t[..<d.lowerBound] }
        return String(t).trimmingCharacters(in: .whitespaces)
    }

    /// A decision in the life of a fiche action: one that names it, or the adoption of a ranking
    /// that ranked it (`ranking` says where it came and whether it was retenue).
    public struct ActionDecision: Equatable, Sendable {
        public var decision: Decision
        /// For a ranking's adoption: the fiche's rank (competition ranking, ties share it) and
        /// whether it was funded within the envelope (all ranked fiches are, without one).
        public var ranking: (rank: Int, retained: Bool)?
        public static func == (a: Self, b: Self) -> Bool {
            a.decision == b.decision && a.ranking?.rank == b.ranking?.rank && a.ranking?.retained == b.ranking?.retained
        }
    }

    /// Decisions that name a fiche action, and the adoptions of rankings that ranked it, oldest
    /// first.
    public func decisions(about action: String) -> [ActionDecision] {
        var out = decisions.values.filter { $0.action == action }.map { ActionDecision(decision: $0) }
        for r in rankings.values {
            guard let a = r.adopted, let id = a.decision, let d = decisions[id], d.action != action else { continue }
            var rank = 1
            for tier in a.order {
                if tier.contains(action) {
                    out.append(ActionDecision(decision: d, ranking: (rank, a.selected.contains(action))))
                    break
                }
                rank += tier.count
            }
        }
        let origin = LocalDate(year: 1, month: 1, day: 1)!
        return out.sorted { (meetings[$0.decision.meeting]?.date ?? origin, $0.decision.id) < (meetings[$1.decision.meeting]?.date ?? origin, $1.decision.id) }
    }
}
