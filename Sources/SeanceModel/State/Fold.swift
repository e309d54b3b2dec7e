extension ProjectState {
    /// The event kinds this version knows.
    public static let knownKinds: Set<String> = Set(EventKind.allCases.map(\.rawValue))

    /// Applies one event, as it will be read back from the journal: the event is written as its
    /// line and that line is read (what cannot be written faithfully is refused the same way).
    public mutating func apply(_ e: Event) -> ApplyProblem? {
        var line = e.line
        line.removeLast()
        return line.withUTF8 { b in
            switch JournalParser.parseEvent(b) {
            case .event(let raw, _):
                return apply(raw)
            case .bad(let reason, _):
                eventCount += 1
                return ApplyProblem(reason)
            case .header, .skip:
                eventCount += 1
                return ApplyProblem(Fr.Problem.badEntity(e.entity))
            }
        }
    }

    /// Applies one event line read in place (with its text already prepared, for a note's
    /// line read from a block). On a problem the state is left as it was.
    mutating func apply(_ e: RawEvent, note: PreparedText? = nil) -> ApplyProblem? {
        eventCount += 1
        do {
            try applyOrThrow(e, note)
            return nil
        } catch {
            return error
        }
    }

    private mutating func applyOrThrow(_ e: RawEvent, _ note: PreparedText?) throws(ApplyProblem) {
        guard let kind = e.kind else {
            unknownEvents.append(e.event)
            throw ApplyProblem(Fr.Problem.unknownKind(e.kindName), .notice)
        }
        let f = e.fields
        lazy var id = e.entity
        switch kind {
        // The hot kinds find séances, items and members from the line's bytes (no String is made
        // for a lookup), reuse the ids the tables hold, and change séances in place.
        case .noteAdd:
            let mi = try writableIndex(try f.rawRequired(.seance))
            let mid = meetings.keys[mi]
            let item = try optionalItem(f, in: mid)
            let text = note?.text ?? f.text(.text) ?? ""
            guard !text.isEmpty else { throw ApplyProblem(Fr.Problem.missingField("text")) }
            let speaker = f.text(.speaker).flatMap { $0.isEmpty ? nil : $0 }
            let noteID = note?.id ?? id
            let added = Note(id: noteID, meeting: mid, item: item, text: text, speaker: speaker, timestamp: e.timestamp)
            guard notes.insertNew(added, folded: note?.folded) else {
                throw ApplyProblem(Fr.Problem.alreadyExists(noteID))
            }
            meetings[position: mi].notes.append(noteID)
        case .attendanceSet:
            let mi = try writableIndex(e.entityBytes)
            let mem = try member(try f.rawRequired(.member))
            guard let st = try f.choice(.status, AttendanceStatus.self) else { throw ApplyProblem(Fr.Problem.missingField("status")) }
            var proxy: String?
            if let p = f.raw(.proxy), !p.isEmpty { proxy = try member(p) }
            if st != .pouvoir { proxy = nil }
            if proxy == mem { throw ApplyProblem(Fr.Problem.proxyToSelf) }
            let time = (try f.time(.time)) ?? nil
            if meetings[position: mi].attendance.isEmpty {
                // Room for the whole committee at once: the log grown one doubling at a time
                // made and dropped five arrays per séance.
                let members = committees[meetings[position: mi].committee]?.memberIDs.count ?? 0
                meetings[position: mi].attendance.reserveCapacity(members)
                meetings[position: mi].attendanceLog.reserveCapacity(members)
            }
            var a = Attendance(status: st, proxy: proxy, time: time)
            if let before = meetings[position: mi].attendance[mem], !st.isThere {
                if before.status.isThere, let t = time {
                    // There, then gone while the séance is held: a departure, not an absence.
                    a.left = t
                    a.arrived = before.time
                } else if before.left != nil {
                    a.left = before.left
                    a.arrived = before.arrived
                }
            }
            meetings[position: mi].attendance[mem] = a
            meetings[position: mi].attendanceLog.append(AttendanceChange(member: mem, status: st, time: time, at: e.timestamp, proxy: proxy))

        case .agendaStart:
            guard let ai = agendaItems.position(of: e.entityBytes) else { throw ApplyProblem(Fr.Problem.unknownEntity(id)) }
            let mi = try writableIndex(agendaItems[position: ai].meeting)
            guard let t = try f.time(.time) ?? nil else { throw ApplyProblem(Fr.Problem.missingField("time")) }
            if agendaItems[position: ai].startedAt == nil { agendaItems[position: ai].startedAt = t }
            let itemID = agendaItems.keys[ai]
            meetings[position: mi].currentItem = itemID
            meetings[position: mi].itemLog.append(ItemStart(item: itemID, at: e.timestamp, time: t))

        case .agendaAdd:
            try mustBeNew(id, agendaItems.position(of: e.entityBytes) != nil)
            let mi = try writableIndex(try f.rawRequired(.seance))
            var item = AgendaItem(id: id, meeting: meetings.keys[mi], title: try f.required(.title))
            try applyAgendaFields(&item, f)
            let position = try f.int(.position) ?? nil
            agendaItems.insertNew(id, item)
            if let p = position, p >= 1, p <= meetings[position: mi].agenda.count {
                meetings[position: mi].agenda.insert(id, at: p - 1)
            } else {
                meetings[position: mi].agenda.append(id)
            }
        case .decisionRecord:
            try mustBeNew(id, decisions[id] != nil)
            let mi = try writableIndex(try f.rawRequired(.seance))
            let mid = meetings.keys[mi]
            guard let outcome = try f.choice(.outcome, DecisionOutcome.self) else { throw ApplyProblem(Fr.Problem.missingField("outcome")) }
            var d = Decision(id: id, meeting: mid, item: try optionalItem(f, in: mid), text: try f.required(.text), outcome: outcome)
            try applyDecisionFields(&d, f)
            d.notesBefore = meetings[position: mi].notes.count
            decisions[id] = d
            meetings[position: mi].decisions.append(id)
        case .followupAdd:
            try mustBeNew(id, followUps[id] != nil)
            let seance = try f.rawRequired(.seance)
            guard let mi = meetings.position(ofWritten: seance) else { throw ApplyProblem(Fr.Problem.unknownMeeting(RawText.string(seance))) }
            let mid = meetings.keys[mi]
            var fu = FollowUp(id: id, meeting: mid, item: try optionalItem(f, in: mid), what: try f.required(.what))
            fu.owner = f.text(.owner) ?? ""
            if let d = try f.date(.due) { fu.due = d }
            followUps[id] = fu
            followUpOrder.append(id)
            meetings[position: mi].followUps.append(id)
        case .projectSet:
            var p = project ?? Project()
            if project == nil { p.name = try f.required(.name) }
            if let v = f.text(.name) { p.name = v }
            if let v = f.text(.territory) { p.territory = v }
            if let v = try f.date(.start) { p.start = v }
            if let v = try f.date(.end) { p.end = v }
            if let v = try f.money(.envelope) { p.envelope = v }
            if let v = f.text(.tz) { p.timeZone = v.isEmpty ? "Europe/Paris" : v }
            if let v = f.text(.description) { p.description = v }
            project = p

        case .axisAdd:
            try mustBeNew(id, axes[id] != nil)
            guard let n = try f.int(.number) ?? nil else { throw ApplyProblem(Fr.Problem.missingField("number")) }
            axes[id] = Axis(id: id, number: n, title: try f.required(.title))
            axisOrder.append(id)
        case .axisEdit:
            var a = try existing(axes, id)
            if let v = try f.int(.number), let n = v { a.number = n }
            if let v = f.text(.title), !v.isEmpty { a.title = v }
            axes[id] = a
        case .axisRetire:
            axes[id] = modify(try existing(axes, id)) { $0.retired = true }

        case .committeeCreate:
            try mustBeNew(id, committees[id] != nil)
            guard let kind = try f.choice(.kind, CommitteeKind.self) else { throw ApplyProblem(Fr.Problem.missingField("kind")) }
            var c = Committee(id: id, name: try f.required(.name), kind: kind)
            try applyCommitteeFields(&c, f)
            committees[id] = c
            committeeOrder.append(id)
        case .committeeEdit:
            var c = try existing(committees, id)
            if let k = try f.choice(.kind, CommitteeKind.self) { c.kind = k }
            if let v = f.text(.name), !v.isEmpty { c.name = v }
            try applyCommitteeFields(&c, f)
            committees[id] = c
        case .committeeRetire:
            committees[id] = modify(try existing(committees, id)) { $0.retired = true }

        case .memberAdd, .guestAdd:
            try mustBeNew(id, members[id] != nil)
            var m: Member
            if kind == .guestAdd {
                let mid = try f.required(.seance)
                guard let committee = meetings[mid]?.committee else { throw ApplyProblem(Fr.Problem.unknownMeeting(mid)) }
                m = Member(id: id, committee: committee, name: try f.required(.name), role: .invite, voting: false)
                m.guestOf = mid
            } else {
                let cid = try f.required(.committee)
                guard committees[cid] != nil else { throw ApplyProblem(Fr.Problem.unknownCommittee(cid)) }
                m = Member(id: id, committee: cid, name: try f.required(.name))
                if let p = f.text(.person), !p.isEmpty {
                    // Another seat of a person: her identity is hers, the line gives the seat.
                    let first = try existing(members, p, Fr.Problem.unknownMember)
                    guard first.guestOf == nil else { throw ApplyProblem(Fr.Problem.guestIsNotPerson(p)) }
                    let person = first.person ?? first.id
                    for sid in personSeats[person] ?? [person] {
                        if let other = members[sid], other.committee == cid, !other.retired {
                            throw ApplyProblem(Fr.Problem.alreadySeated(person, cid))
                        }
                    }
                    m.person = person
                    if let p = members[person] { m.takeIdentity(of: p) }
                    try applySeatFields(&m, f)
                    members[id] = m
                    personSeats[person, default: [person]].append(id)
                    committees[cid]!.memberIDs.append(id)
                    return
                }
            }
            try applyMemberFields(&m, f)
            members[id] = m
            if let mid = m.guestOf { meetings[mid]!.guests.append(id) } else { committees[m.committee]!.memberIDs.append(id) }
        case .memberEdit:
            var m = try existing(members, id)
            if let v = f.text(.name), !v.isEmpty { m.name = v }
            try applyMemberFields(&m, f)
            members[id] = m
            // An identity changed on one seat changes on all the person's seats.
            if let seats = personSeats[m.person ?? m.id] {
                for sid in seats where sid != id { members[sid]?.takeIdentity(of: m) }
            }
        case .memberRetire:
            members[id] = modify(try existing(members, id)) { $0.retired = true }

        case .seanceCreate:
            try mustBeNew(id, meetings[id] != nil)
            let cid = try f.required(.committee)
            guard committees[cid] != nil else { throw ApplyProblem(Fr.Problem.unknownCommittee(cid)) }
            guard let date = try f.date(.date) ?? nil else { throw ApplyProblem(Fr.Problem.missingField("date")) }
            let highest = committees[cid]!.highestMeetingNumber
            // `highest` is at most FieldRange.number's bound: the increment cannot overflow.
            let number = (try f.int(.number) ?? nil) ?? highest + 1
            var m = Meeting(id: id, committee: cid, number: number, date: date)
            try applyMeetingFields(&m, f)
            meetings[id] = m
            meetingOrder.append(id)
            committees[cid]!.meetingIDs.append(id)
            committees[cid]!.highestMeetingNumber = max(highest, number)
        case .seanceEdit:
            var m = try existing(meetings, id)
            if let d = try f.date(.date), let date = d { m.date = date }
            if let v = try f.int(.number), let n = v, n != m.number {
                // Numbers follow the dates of séances to come; one opened or held keeps its own.
                guard m.openedAt == nil, m.decisions.isEmpty else { throw ApplyProblem(Fr.Problem.heldMeetingRenumbered) }
                m.number = n
                committees[m.committee]!.highestMeetingNumber = max(committees[m.committee]!.highestMeetingNumber, n)
            }
            try applyMeetingFields(&m, f)
            if let t = try f.time(.opening) {
                guard m.openedAt != nil else { throw ApplyProblem(Fr.Problem.meetingNotOpened) }
                if let t { m.openTime = t }
            }
            if let t = try f.time(.closing) {
                guard m.endTime != nil else { throw ApplyProblem(Fr.Problem.meetingNotClosed) }
                if let t { m.endTime = t }
            }
            meetings[id] = m
        case .seanceUnopen:
            var m = try existing(meetings, id)
            guard canUndoOpening(m) else { throw ApplyProblem(Fr.Problem.openingNotUndoable) }
            for start in m.itemLog {
                if let p = agendaItems.position(of: start.item) { agendaItems[position: p].startedAt = nil }
            }
            m.itemLog = []
            m.currentItem = nil
            m.state = .planned
            m.openedAt = nil
            m.openTime = nil
            if m.timeFromOpening { m.time = nil; m.timeFromOpening = false }
            meetings[id] = m
        case .seancePostpone:
            var m = try existing(meetings, id)
            guard m.state == .planned || m.state == .cancelled else { throw ApplyProblem(Fr.Problem.meetingNotPlanned) }
            guard let d = try f.date(.date) ?? nil else { throw ApplyProblem(Fr.Problem.missingField("date")) }
            m.postponedFrom.append(m.date)
            m.date = d
            if let t = try f.time(.time) { m.time = t }
            m.state = .planned
            meetings[id] = m
        case .seanceConvoke:
            var m = try existing(meetings, id)
            guard let d = try f.date(.date) ?? nil else { throw ApplyProblem(Fr.Problem.missingField("date")) }
            m.convokedOn = d
            meetings[id] = m
        case .seanceOpen:
            var m = try existing(meetings, id)
            guard m.state == .planned || m.state == .inProgress else { throw ApplyProblem(Fr.Problem.meetingNotOpenable) }
            let time = try f.time(.time) ?? nil
            if let time, m.time == nil { m.time = time; m.timeFromOpening = true }
            if m.openedAt == nil {
                m.openedAt = e.timestamp
                // The séance's own time; a line without one (none the program writes) keeps the old reading.
                m.openTime = time ?? e.timestamp.localTime
            }
            m.state = .inProgress
            meetings[id] = m
        case .seanceClose:
            var m = try existing(meetings, id)
            guard let t = try f.time(.time) ?? nil else { throw ApplyProblem(Fr.Problem.missingField("time")) }
            guard m.state != .closed else { throw ApplyProblem(Fr.Problem.meetingClosed(id)) }
            m.state = .closed
            m.endTime = t
            m.closedAt = e.timestamp
            meetings[id] = m
        case .seanceReopen:
            var m = try existing(meetings, id)
            guard m.state == .closed || m.state == .cancelled else { throw ApplyProblem(Fr.Problem.meetingNotClosed) }
            m.state = .inProgress
            m.reopenings += 1
            m.closedAt = nil
            // Reopened once its compte rendu was approved: what is changed now was not approved.
            if m.modifiedAfterApproval == nil, approval(of: id) != nil { m.modifiedAfterApproval = e.timestamp.localDate }
            meetings[id] = m
        case .seanceCancel:
            meetings[id] = modify(try existing(meetings, id)) { $0.state = .cancelled }

        case .agendaEdit:
            var item = try existing(agendaItems, id)
            _ = try writableIndex(item.meeting)
            if let v = f.text(.title), !v.isEmpty { item.title = v }
            try applyAgendaFields(&item, f)
            if let t = try f.time(.started), let time = t {
                // The correction of the item's last start: its duration counts from the new time.
                let mi = meetings.position(of: item.meeting)!
                guard let last = meetings[position: mi].itemLog.lastIndex(where: { $0.item == id }) else {
                    throw ApplyProblem(Fr.Problem.itemNotStarted)
                }
                meetings[position: mi].itemLog[last].time = time
                if meetings[position: mi].itemLog.firstIndex(where: { $0.item == id }) == last { item.startedAt = time }
            }
            agendaItems[id] = item
        case .agendaMove:
            let item = try existing(agendaItems, id)
            let mi = try writableIndex(item.meeting)
            guard let p = try f.int(.position) ?? nil, p >= 1 else { throw ApplyProblem(Fr.Problem.missingField("position")) }
            meetings[position: mi].agenda.removeAll { $0 == id }
            meetings[position: mi].agenda.insert(id, at: min(p - 1, meetings[position: mi].agenda.count))
        case .agendaRemove:
            let item = try existing(agendaItems, id)
            let mi = try writableIndex(item.meeting)
            meetings[position: mi].agenda.removeAll { $0 == id }
            agendaItems[id] = nil
        case .noteCorrect:
            guard let meetingID = notes[id]?.meeting else { throw ApplyProblem(Fr.Problem.unknownEntity(id)) }
            _ = try writableIndex(meetingID)
            let text = try f.required(.text)
            _ = notes.modify(id, folded: note?.folded) { $0.text = text; $0.corrections += 1 }
        case .noteDelete:
            guard let meetingID = notes[id]?.meeting else { throw ApplyProblem(Fr.Problem.unknownEntity(id)) }
            _ = try writableIndex(meetingID)
            notes.modify(id) { $0.deleted = true }

        case .decisionCorrect:
            var d = try existing(decisions, id)
            _ = try writableIndex(d.meeting)
            if let v = f.text(.text), !v.isEmpty { d.text = v }
            if let o = try f.choice(.outcome, DecisionOutcome.self) { d.outcome = o }
            try applyDecisionFields(&d, f)
            d.corrections += 1
            decisions[id] = d

        case .followupDone:
            guard followUps[id] != nil else { throw ApplyProblem(Fr.Problem.unknownEntity(id)) }
            let done = (try f.date(.date) ?? nil) ?? e.timestamp.localDate
            followUps[id]!.done = done
        case .followupReopen:
            guard followUps[id] != nil else { throw ApplyProblem(Fr.Problem.unknownEntity(id)) }
            followUps[id]!.done = nil
        case .attendanceWithdraw:
            let mi = try writableIndex(e.entityBytes)
            let mem = try member(try f.rawRequired(.member))
            meetings[position: mi].attendance[mem] = nil
            // Not recorded: what the log said of the member goes too (the attendance at the
            // opening is rebuilt from it). Rare, and one séance's log is short.
            meetings[position: mi].attendanceLog.removeAll { $0.member == mem }
        case .followupEdit:
            var fu = try existing(followUps, id)
            if let v = f.text(.what), !v.isEmpty { fu.what = v }
            if let v = f.text(.owner) { fu.owner = v }
            if let d = try f.date(.due) { fu.due = d }
            followUps[id] = fu

        case .actionCreate:
            try mustBeNew(id, actions[id] != nil)
            var a = ActionSheet(id: id, title: try f.required(.title))
            try applyActionFields(&a, f)
            a.history.append(ActionChange(at: e.timestamp, date: e.timestamp.localDate, status: a.status))
            actions[id] = a
            actionOrder.append(id)
        case .actionEdit:
            var a = try existing(actions, id)
            if let v = f.text(.title), !v.isEmpty { a.title = v }
            let before = a.status
            try applyActionFields(&a, f)
            if a.status != before { a.history.append(ActionChange(at: e.timestamp, date: e.timestamp.localDate, status: a.status)) }
            actions[id] = a
        case .actionProgress:
            var a = try existing(actions, id)
            var change = ActionChange(at: e.timestamp, date: (try f.date(.date) ?? nil) ?? e.timestamp.localDate)
            if let p = try f.int(.percent) ?? nil {
                change.percent = p
                a.progress = p
            }
            change.indicator = f.text(.indicator)
            change.value = f.text(.value)
            change.comment = f.text(.comment)
            guard change.percent != nil || change.value != nil || change.comment != nil else { throw ApplyProblem(Fr.Problem.missingField("percent")) }
            a.history.append(change)
            actions[id] = a
        case .actionFinancing:
            var a = try existing(actions, id)
            let financer = try f.required(.financer)
            guard let amount = try f.money(.amount) ?? nil else { throw ApplyProblem(Fr.Problem.missingField("amount")) }
            let state = try f.choice(.status, FinancingState.self)
            if let i = a.financing.firstIndex(where: { $0.financer == financer }) {
                if amount == .zero { a.financing.remove(at: i) } else {
                    a.financing[i].amount = amount
                    if let state { a.financing[i].state = state }
                }
            } else if amount != .zero {
                a.financing.append(FinancingLine(financer: financer, amount: amount, state: state))
            }
            actions[id] = a

        case .rankingOpen:
            try mustBeNew(id, rankings[id] != nil)
            let mid = try f.required(.seance)
            _ = try writableIndex(mid)
            let item = try optionalItem(f, in: mid)
            let list = try f.required(.actions).split(separator: ",").map(String.init)
            for a in list { try mustExist(actions, a, Fr.Problem.unknownAction) }
            var r = ActionRanking(id: id, meeting: mid, item: item, actions: list)
            if let m = f.text(.method) { r.method = try rankingMethod(m) }
            rankings[id] = r
            rankingOrder.append(id)
        case .rankingMethod, .rankingOrder, .rankingCriterion, .rankingScore, .rankingBallot, .rankingEnvelope, .rankingAdopt:
            guard var r = rankings[id] else { throw ApplyProblem(Fr.Problem.unknownEntity(id)) }
            _ = try writableIndex(r.meeting)
            if r.adopted != nil && kind != .rankingAdopt { throw ApplyProblem(Fr.Problem.rankingAdopted) }
            try applyRanking(&r, kind, f, e.timestamp)
            rankings[id] = r

        }
    }

    // MARK: - Field groups shared by create and edit
    // These are `mutating` although most only read: `self` is then passed by reference, where a
    // non-mutating call from the fold may copy the whole state (every table retained) per event.

    private mutating func applyCommitteeFields(_ c: inout Committee, _ f: FieldReader) throws(ApplyProblem) {
        if let v = f.text(.axis) {
            if v.isEmpty { c.axis = nil } else { try mustExist(axes, v, Fr.Problem.unknownAxis); c.axis = v }
        }
        if let v = f.text(.quorum) {
            guard let q = QuorumRule(journalValue: v) else { throw ApplyProblem(Fr.Problem.badValue("quorum", v, "majorite, tiers, aucun ou un nombre")) }
            c.quorum = q
        }
        if let m = try f.choice(.majority, MajorityRule.self) { c.majority = m }
        if let v = f.text(.description) { c.description = v }
        if let v = f.text(.president) { c.president = v }
        if let v = f.text(.secretary) { c.secretary = v }
        if let v = try f.bool(.proxiesQuorum) { c.proxiesCountForQuorum = v }
        if let v = try f.bool(.castingVote) { c.castingVote = v }
        if let v = f.text(.convocation) {
            guard let r = ConvocationRule(journalValue: v) else {
                throw ApplyProblem(Fr.Problem.badValue("convocation", v, "aucun, un nombre de jours (3) ou de jours francs (5f)"))
            }
            c.convocation = r
        }
    }

    private mutating func applyMemberFields(_ m: inout Member, _ f: FieldReader) throws(ApplyProblem) {
        try applySeatFields(&m, f)
        if let v = f.text(.organisation) { m.organisation = v }
        if let v = f.text(.civility) {
            if v.isEmpty { m.civility = nil } else { m.civility = try f.choice(.civility, Civility.self) }
        }
        if let v = f.text(.function) { m.function = v }
        if let v = f.text(.email) { m.email = v }
        if let v = f.text(.phone) { m.phone = v }
    }

    /// What belongs to a seat, not to the person: role and vote.
    private mutating func applySeatFields(_ m: inout Member, _ f: FieldReader) throws(ApplyProblem) {
        if let r = try f.choice(.role, MemberRole.self) { m.role = r }
        if let v = try f.bool(.voting) { m.voting = v }
    }

    private mutating func applyMeetingFields(_ m: inout Meeting, _ f: FieldReader) throws(ApplyProblem) {
        if let t = try f.time(.time) { m.time = t }
        if let v = f.text(.place) { m.place = v }
        if let v = f.text(.title) { m.title = v }
        if let v = f.text(.secretary) { m.secretary = v }
        if let d = try f.date(.nextDate) { m.nextDate = d }
        if let v = f.text(.president) { m.president = v }
    }

    private mutating func applyAgendaFields(_ item: inout AgendaItem, _ f: FieldReader) throws(ApplyProblem) {
        if let k = try f.choice(.kind, AgendaKind.self) { item.kind = k }
        if let v = f.text(.presenter) { item.presenter = v }
        if let d = try f.int(.duration) { item.plannedMinutes = d }
        if let v = f.text(.details) { item.details = v }
        if let v = f.text(.followups) {
            let ids = v.split(separator: ",").map(String.init)
            for fu in ids { try mustExist(followUps, fu, Fr.Problem.unknownEntity) }
            item.followUps = ids
        }
        if let v = f.text(.approves) {
            if v.isEmpty { item.approves = nil } else { try mustExist(meetings, v, Fr.Problem.unknownEntity); item.approves = v }
        }
    }

    private mutating func applyDecisionFields(_ d: inout Decision, _ f: FieldReader) throws(ApplyProblem) {
        if let v = try f.int(.`for`) { d.votesFor = v }
        if let v = try f.int(.against) { d.votesAgainst = v }
        if let v = try f.int(.abstention) { d.abstentions = v }
        if let v = try f.bool(.unanimous) { d.unanimous = v }
        if let v = try f.int(.votersPresent) { d.votersPresent = v }
        if let v = try f.bool(.quorumMet) { d.quorumMet = v }
        if let v = f.text(.action) {
            if v.isEmpty { d.action = nil } else { try mustExist(actions, v, Fr.Problem.unknownAction); d.action = v }
        }
        if let v = f.text(.present) {
            let ids = v.split(separator: ",").map(String.init)
            for m in ids { try mustExist(members, m, Fr.Problem.unknownMember) }
            d.present = ids
        }
        if let b = f.raw(.computed), b.isEmpty { d.computedOutcome = nil }
        else if let v = try f.choice(.computed, DecisionOutcome.self) { d.computedOutcome = v }
        if let v = try f.bool(.withoutQuorum) { d.withoutQuorum = v }
        if let v = f.text(.recused) {
            let ids = v.split(separator: ",").map(String.init)
            for m in ids { try mustExist(members, m, Fr.Problem.unknownMember) }
            d.recused = ids
        }
        if let b = f.raw(.casting) {
            switch RawText.string(b) {
            case "pour": d.casting = true
            case "contre": d.casting = false
            case "": d.casting = nil
            case let v: throw ApplyProblem(Fr.Problem.badValue("casting", v, "pour ou contre"))
            }
        }
    }

    private mutating func applyActionFields(_ a: inout ActionSheet, _ f: FieldReader) throws(ApplyProblem) {
        if let v = f.text(.axis) {
            if v.isEmpty { a.axis = nil } else { try mustExist(axes, v, Fr.Problem.unknownAxis); a.axis = v }
        }
        if let v = f.text(.committee) {
            if v.isEmpty { a.committee = nil } else { try mustExist(committees, v, Fr.Problem.unknownCommittee); a.committee = v }
        }
        if let v = f.text(.description) { a.description = v }
        if let v = f.text(.objectives) { a.objectives = v }
        if let v = f.text(.porteur) { a.porteur = v }
        if let v = f.text(.maitrise) { a.maitrise = v }
        if let v = f.text(.partners) { a.partners = v }
        if let v = try f.money(.cost) { a.cost = v }
        if let v = f.text(.calendar) { a.calendar = v }
        if let v = f.text(.indicators) { a.indicators = v }
        if let s = try f.choice(.status, ActionStatus.self) { a.status = s }
    }

    private mutating func rankingMethod(_ v: String) throws(ApplyProblem) -> RankingMethod {
        guard let m = RankingMethod(rawValue: v) else {
            throw ApplyProblem(Fr.Problem.badValue("method", v, RankingMethod.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        return m
    }

    private mutating func rankedActions(_ r: ActionRanking, _ text: String) throws(ApplyProblem) -> [[String]] {
        let tiers = RankingText.tiers(text)
        for a in tiers.joined() where !r.actions.contains(a) { throw ApplyProblem(Fr.Problem.notInRanking(a)) }
        return tiers
    }

    private mutating func applyRanking(_ r: inout ActionRanking, _ kind: EventKind, _ f: FieldReader, _ timestamp: Timestamp) throws(ApplyProblem) {
        switch kind {
        case .rankingMethod:
            r.method = try rankingMethod(try f.required(.method))
        case .rankingOrder:
            let order = try rankedActions(r, try f.required(.order)).joined()
            r.manualOrder = Array(order) + r.actions.filter { !order.contains($0) }
        case .rankingCriterion:
            let cid = try f.required(.criterion)
            let weightText = f.text(.weight) ?? ""
            if weightText.isEmpty { r.criteria.removeAll { $0.id == cid }; return }
            guard let w = Rational(text: weightText), w >= Rational(0) else { throw ApplyProblem(Fr.Problem.badValue("weight", weightText, "une fraction, ex. 3/10")) }
            if let i = r.criteria.firstIndex(where: { $0.id == cid }) {
                r.criteria[i].weight = w
                if let n = f.text(.name), !n.isEmpty { r.criteria[i].name = n }
            } else {
                r.criteria.append(Criterion(id: cid, name: f.text(.name) ?? cid, weight: w))
            }
        case .rankingScore:
            let a = try f.required(.action), c = try f.required(.criterion), v = try f.required(.score)
            guard r.actions.contains(a) else { throw ApplyProblem(Fr.Problem.notInRanking(a)) }
            guard r.criteria.contains(where: { $0.id == c }) else { throw ApplyProblem(Fr.Problem.unknownEntity(c)) }
            guard let score = Rational(text: v) else { throw ApplyProblem(Fr.Problem.badValue("score", v, "un nombre, ex. 7 ou 3/2")) }
            r.scores[a, default: [:]][c] = score
        case .rankingBallot:
            let member = try f.required(.member)
            try mustExist(members, member, Fr.Problem.unknownMember)
            let order = f.text(.order) ?? ""
            if order.isEmpty { r.ballots[member] = nil; r.ballotOrder.removeAll { $0 == member }; return }
            let tiers = try rankedActions(r, order)
            if r.ballots[member] == nil { r.ballotOrder.append(member) }
            r.ballots[member] = tiers
        case .rankingEnvelope:
            r.envelope = try f.money(.amount) ?? nil
        default: // .rankingAdopt
            guard r.adopted == nil else { throw ApplyProblem(Fr.Problem.rankingAdopted) }
            let order = try rankedActions(r, try f.required(.order))
            let selected = (f.text(.selected) ?? "").split(separator: ",").map(String.init)
            for a in selected where !r.actions.contains(a) { throw ApplyProblem(Fr.Problem.notInRanking(a)) }
            var decision: String?
            if let d = f.text(.decision), !d.isEmpty { try mustExist(decisions, d, Fr.Problem.unknownEntity); decision = d }
            r.adopted = ActionRanking.Adoption(order: order, selected: selected, method: try rankingMethod(try f.required(.method)),
                                               parameters: f.text(.parameters) ?? "", tieBreak: f.text(.tiebreak) ?? "",
                                               decision: decision, date: meetings[r.meeting]?.date ?? timestamp.localDate)
        }
    }

    // MARK: - Lookups

    /// The position of a séance that may still change (a closed séance is read-only until it is
    /// reopened), for in-place changes with one lookup.
    private mutating func writableIndex(_ id: String) throws(ApplyProblem) -> Int {
        guard let i = meetings.position(of: id) else { throw ApplyProblem(Fr.Problem.unknownMeeting(id)) }
        return try writable(i)
    }

    /// The same, for a séance named by a value of the line.
    private mutating func writableIndex(_ id: UnsafeBufferPointer<UInt8>) throws(ApplyProblem) -> Int {
        guard let i = meetings.position(ofWritten: id) else { throw ApplyProblem(Fr.Problem.unknownMeeting(RawText.string(id))) }
        return try writable(i)
    }

    private mutating func writable(_ i: Int) throws(ApplyProblem) -> Int {
        if meetings[position: i].state == .closed { throw ApplyProblem(Fr.Problem.meetingClosed(meetings.keys[i])) }
        return i
    }

    /// The agenda item named by the field `item`, which must belong to `meeting`.
    private mutating func optionalItem(_ f: FieldReader, in meeting: String) throws(ApplyProblem) -> String? {
        guard let v = f.raw(.item), !v.isEmpty else { return nil }
        guard let ai = agendaItems.position(ofWritten: v) else { throw ApplyProblem(Fr.Problem.unknownItem(RawText.string(v))) }
        guard agendaItems[position: ai].meeting == meeting else { throw ApplyProblem(Fr.Problem.itemOfOtherMeeting(agendaItems.keys[ai])) }
        return agendaItems.keys[ai]
    }

    /// The id of the member named by a value of the line, as the table holds it.
    private mutating func member(_ v: UnsafeBufferPointer<UInt8>) throws(ApplyProblem) -> String {
        guard let p = members.position(ofWritten: v) else { throw ApplyProblem(Fr.Problem.unknownMember(RawText.string(v))) }
        return members.keys[p]
    }
}

// The lookups are free functions, not methods: a method called on `self` from a mutating one
// may copy the whole state (every table retained and released) for each event.

private func mustBeNew(_ id: String, _ exists: Bool) throws(ApplyProblem) {
    if exists { throw ApplyProblem(Fr.Problem.alreadyExists(id)) }
}

/// The state's tables of entities by id, whichever their kind: what the lookups below need.
private protocol EntitiesByID {
    associatedtype Entity
    func entity(_ id: String) -> Entity?
    /// Whether `id` is there, without copying its entity out.
    func holds(_ id: String) -> Bool
}

extension Dictionary: EntitiesByID where Key == String {
    func entity(_ id: String) -> Value? { self[id] }
    func holds(_ id: String) -> Bool { index(forKey: id) != nil }
}

extension EntityTable: EntitiesByID {
    func entity(_ id: String) -> Value? { self[id] }
    func holds(_ id: String) -> Bool { position(of: id) != nil }
}

private func existing<T: EntitiesByID>(_ table: T, _ id: String, _ message: (String) -> String = Fr.Problem.unknownEntity) throws(ApplyProblem) -> T.Entity {
    guard let v = table.entity(id) else { throw ApplyProblem(message(id)) }
    return v
}

private func mustExist<T: EntitiesByID>(_ table: T, _ id: String, _ message: (String) -> String) throws(ApplyProblem) {
    if !table.holds(id) { throw ApplyProblem(message(id)) }
}

private func modify<T>(_ v: T, _ change: (inout T) -> Void) -> T {
    var v = v
    change(&v)
    return v
}
