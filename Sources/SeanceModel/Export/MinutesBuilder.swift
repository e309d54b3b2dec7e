/// Builds the compte rendu and the relevé de décisions of a séance as an `ExportDocument`,
/// in the usual French shape: instance, date, place, secretary; attendance; ordre du jour; per
/// point the discussion, the decisions with their votes and the follow-ups; relevé des
/// décisions; suites à donner; adopted ranking; next séance.
struct MinutesBuilder {
    let st: ProjectState
    let m: Meeting
    let c: Committee
    let options: ExportOptions
    /// Decision ids in document order (agenda order, then those outside the agenda), numbered from 1.
    let decisionOrder: [String]
    let decisionNumber: [String: Int]

    init(_ st: ProjectState, _ meetingID: String, _ options: ExportOptions) throws(ExportError) {
        guard let m = st.meetings[meetingID] else { throw .unknownMeeting(meetingID) }
        guard let c = st.committees[m.committee] else { throw .unknownMeeting(meetingID) }
        self.init(st, m, c, options)
    }

    init(_ st: ProjectState, _ m: Meeting, _ c: Committee, _ options: ExportOptions) {
        self.st = st; self.m = m; self.c = c; self.options = options
        let order = st.decisionOrder(of: m)
        decisionOrder = order
        var numbers: [String: Int] = [:]
        for (i, id) in order.enumerated() { numbers[id] = i + 1 }
        decisionNumber = numbers
    }

    // MARK: - Documents

    func minutes() -> ExportDocument {
        var doc = header(title: Fr.Export.minutesTitle)
        doc.blocks.append(.fields(headerFields() + lifeFields()))
        doc.blocks += attendance()
        doc.blocks += agenda()
        doc.blocks += proceedings()
        doc.blocks.append(.heading(level: 2, text: Fr.Export.allDecisions))
        doc.blocks += allDecisions(withPoint: true)
        doc.blocks += followUpTable()
        doc.blocks += ranking()
        doc.blocks += nextMeeting()
        let secretary = st.secretary(of: m)
        if !secretary.isEmpty {
            doc.blocks.append(.paragraph([.emphasis(Fr.Export.writtenBy(person(secretary)))], .body))
        }
        if held { doc.blocks += signatureBlock() }
        return doc
    }

    func decisionsOnly() -> ExportDocument {
        var doc = header(title: Fr.Export.decisionsTitle)
        doc.blocks.append(.fields(headerFields()))
        for line in attendanceSummary() { doc.blocks.append(.paragraph([.plain(line)], .quiet)) }
        doc.blocks.append(.heading(level: 2, text: Fr.Export.allDecisions))
        doc.blocks += allDecisions(withPoint: true)
        return doc
    }

    static func periodDecisions(_ st: ProjectState, _ meetings: [Meeting], from: LocalDate?, to: LocalDate?,
                                committee: String?, options: ExportOptions) -> ExportDocument {
        var doc = ExportDocument(
            kicker: st.project.map { ExportClean.line($0.name) },
            title: Fr.Export.decisionsTitle,
            subtitle: (committee.flatMap { st.committees[$0] }.map { ExportClean.line($0.name) + " – " } ?? "")
                + Fr.Export.periodDecisionsSubtitle(from: from, to: to),
            shortTitle: Fr.Export.decisionsTitle,
            author: MinutesBuilder.author(st, meeting: nil, committee: committee.flatMap { st.committees[$0] }))
        var any = false
        for m in meetings where !m.decisions.isEmpty {
            guard let c = st.committees[m.committee] else { continue }
            any = true
            let b = MinutesBuilder(st, m, c, options)
            doc.blocks.append(.heading(level: 2, text: Fr.Export.meetingHeading(ExportClean.line(Fr.meetingName(c, m)), m.date)))
            var facts: [String] = []
            if !m.title.isEmpty { facts.append(ExportClean.line(m.title)) }
            if !m.place.isEmpty { facts.append(ExportClean.line(m.place)) }
            if !facts.isEmpty { doc.blocks.append(.paragraph([.emphasis(facts.joined(separator: " – "))], .quiet)) }
            for line in b.attendanceSummary() { doc.blocks.append(.paragraph([.plain(line)], .quiet)) }
            doc.blocks += b.allDecisions(withPoint: true)
        }
        if !any { doc.blocks.append(.paragraph([.emphasis(Fr.Export.noDecisionInPeriod)], .quiet)) }
        return doc
    }

    // MARK: - Header

    func header(title: String) -> ExportDocument {
        let name = ExportClean.line(Fr.meetingName(c, m))
        return ExportDocument(
            kicker: st.project.map { ExportClean.line($0.name) }.flatMap { $0.isEmpty ? nil : $0 },
            title: title,
            subtitle: name + " – " + Fr.longDate(m.date),
            shortTitle: name + " – " + title.prefix(1).lowercased() + title.dropFirst(),
            author: Self.author(st, meeting: m, committee: c))
    }

    /// Who a document names as its author in the file's metadata: the séance's secrétaire,
    /// else the committee's usual one (a member's id read as the member's name). The project
    /// records no holder (structure porteuse) the state could name after them, so then nobody:
    /// the project's name is not a person, and an absent author is truer than a wrong one.
    static func author(_ st: ProjectState, meeting: Meeting?, committee: Committee?) -> String? {
        let ref = meeting.map { st.secretary(of: $0) } ?? committee?.secretary ?? ""
        let name = ExportClean.line(st.members[ref]?.name ?? ref)
        return name.isEmpty ? nil : name
    }

    var instanceLabel: String {
        let kind = Fr.committeeKind(c.kind)
        let name = ExportClean.line(c.name)
        if name.lowercased().hasPrefix(kind.lowercased()) { return name + " (" + Fr.committeeKindShort(c.kind) + ")" }
        return name + " (" + kind.prefix(1).lowercased() + kind.dropFirst() + ")"
    }

    func headerFields() -> [DocBlock.Field] {
        var f: [DocBlock.Field] = [.init(label: Fr.Export.instance, value: instanceLabel)]
        f.append(.init(label: Fr.Export.meeting, value: "n°\(m.number)" + (m.title.isEmpty ? "" : " – " + ExportClean.line(m.title))))
        f.append(.init(label: Fr.Export.date, value: Fr.longDate(m.date)))
        if !m.postponedFrom.isEmpty { f.append(.init(label: Fr.Export.postponed, value: Fr.Export.postponedFrom(m.postponedFrom))) }
        // The séance's own times (its opening and clôture), never the moments they were typed.
        if let s = Fr.Export.schedule(start: m.time, opened: m.openTime, end: m.endTime) {
            f.append(.init(label: Fr.Export.time, value: s))
        }
        if !m.place.isEmpty { f.append(.init(label: Fr.Export.place, value: ExportClean.line(m.place))) }
        let president = st.president(of: m)
        if !president.isEmpty { f.append(.init(label: Fr.agreed(Fr.Export.president, st.members[president]?.civility), value: person(president))) }
        let secretary = st.secretary(of: m)
        if !secretary.isEmpty { f.append(.init(label: Fr.Export.secretary, value: person(secretary))) }
        if m.state != .closed { f.append(.init(label: Fr.Export.state, value: Fr.Export.stateNote(m.state))) }
        return f
    }

    // MARK: - Attendance

    var held: Bool { m.state == .closed || m.state == .inProgress }

    /// Members of the committee at this séance: the active ones, and the retired ones recorded here.
    var seatedMembers: [Member] {
        c.memberIDs.compactMap { st.members[$0] }.filter { $0.guestOf == nil && (!$0.retired || m.attendance[$0.id] != nil) }
    }

    /// A member who left during the séance counts with those present (they were, for what was decided before).
    func status(_ member: Member) -> AttendanceStatus? {
        if m.attendance[member.id]?.hasLeft == true { return .present }
        return m.attendance[member.id]?.status ?? (held ? .absent : nil)
    }

    func attendance() -> [DocBlock] {
        var blocks: [DocBlock] = [.heading(level: 2, text: Fr.Export.attendance)]
        for line in attendanceSummary() { blocks.append(.paragraph([.plain(line)], .body)) }
        let groups: [AttendanceStatus?] = [.present, .distance, .pouvoir, .excuse, .absent, nil]
        var rows: [[String]] = []
        let members = seatedMembers
        for g in groups {
            for member in members where status(member) == g {
                rows.append([ExportClean.line(Fr.Line.person(member)), quality(member), presence(member)])
            }
        }
        for g in m.guests.compactMap({ st.members[$0] }) {
            let org = ExportClean.line(g.organisation)
            rows.append([ExportClean.line(g.name), org.isEmpty ? Fr.Export.guest : Fr.Export.guest + " – " + org, Fr.Export.guest])
        }
        if !rows.isEmpty {
            blocks.append(.table(DocTable(header: [Fr.Export.member, Fr.Export.quality, Fr.Export.presence], rows: rows, weights: [3, 6, 3])))
        }
        return blocks
    }

    /// « chargée de mission – CAF de Seine-Saint-Denis » when the fonction is known, else the role.
    func quality(_ member: Member) -> String {
        var s = member.function.isEmpty ? Fr.role(member.role, member.civility) : ExportClean.line(member.function)
        if !member.voting && member.role != .expert && member.role != .invite { s += " (" + Fr.Export.consultative + ")" }
        let org = ExportClean.line(member.organisation)
        if !org.isEmpty { s += " – " + org }
        return s
    }

    func presence(_ member: Member) -> String {
        guard status(member) != nil else { return Fr.Export.notRecorded }
        let a = m.attendance[member.id]
        if let a, let left = a.left {
            return Fr.Line.presence(a.status, proxy: a.proxy.map(person), since: arrival(a.arrived), left: left, civility: member.civility)
        }
        return Fr.Line.presence(a?.status ?? .absent, proxy: a?.proxy.map(person), since: arrival(a?.time), civility: member.civility)
    }

    /// An arrival time worth saying: after the opening (one marked at the opening was there from the start).
    func arrival(_ t: LocalTime?) -> LocalTime? {
        guard let t else { return nil }
        if let o = m.openTime, t <= o { return nil }
        return t
    }

    /// « Présents : 15 ; représentés : 1 ; … » and the quorum, for a séance held; nothing before.
    func attendanceSummary() -> [String] {
        guard held else { return [] }
        let members = seatedMembers
        func count(_ s: AttendanceStatus) -> Int { members.filter { status($0) == s }.count }
        // A pouvoir represents its mandant only when its holder is there; otherwise he was excused.
        let idle = members.filter { status($0) == .pouvoir && !(m.attendance[$0.id]?.proxy.map { st.isPresent($0, in: m) } ?? false) }.count
        var lines = [Fr.Export.attendanceSummary(present: count(.present), distance: count(.distance), proxies: count(.pouvoir) - idle,
                                                 excused: count(.excuse) + idle, absent: count(.absent), guests: m.guests.count)]
        // At the opening, as it stood then (arrivals after it do not count, departures later
        // do): the state at the clôture contradicted a decision taken « sans quorum » before.
        // Each decision says its own voters. A séance without an opening time: as it stands.
        let opening = st.quorumAtOpening(m.id)
        let q = opening ?? st.quorum(m.id)
        if q.votingMembers > 0 { lines.append(Fr.Export.quorumSummary(q, rule: c.quorum, atOpening: opening != nil)) }
        if let changed = attendanceByDecision() { lines.append(changed) }
        return lines
    }

    // MARK: - Agenda and proceedings

    var items: [AgendaItem] { m.agenda.compactMap { st.agendaItems[$0] } }

    func itemFacts(_ item: AgendaItem) -> String {
        var facts = [Fr.agendaKind(item.kind)]
        if !item.presenter.isEmpty { facts.append(Fr.Export.presentedBy(person(item.presenter))) }
        return facts.joined(separator: ", ")
    }

    func agenda() -> [DocBlock] {
        var blocks: [DocBlock] = [.heading(level: 2, text: Fr.Export.agenda)]
        guard !items.isEmpty else { return blocks + [.paragraph([.emphasis("néant")], .quiet)] }
        blocks.append(.list(items.map { item in
            var facts = itemFacts(item)
            if let d = item.plannedMinutes, d > 0 { facts += ", " + Fr.Export.duration(d) }
            return [.plain(ExportClean.line(item.title)), .emphasis(" (" + facts + ")")]
        }, numbered: true))
        let total = items.compactMap(\.plannedMinutes).reduce(0, +)
        if total > 0 { blocks.append(.paragraph([.plain(Fr.Export.plannedTotal(total))], .quiet)) }
        return blocks
    }

    func proceedings() -> [DocBlock] {
        var blocks: [DocBlock] = [.heading(level: 2, text: Fr.Export.proceedings)]
        // Notes and decisions in the order they were typed: a note after a vote reads after it.
        let record = st.record(of: m.id)
        let followUps = m.followUps.compactMap { st.followUps[$0] }
        for (i, item) in items.enumerated() {
            blocks.append(.heading(level: 3, text: Fr.Export.point(i + 1) + " – " + ExportClean.line(item.title)))
            var facts = itemFacts(item)
            facts = facts.prefix(1).uppercased() + facts.dropFirst()
            var times: [String] = []
            if let d = item.plannedMinutes, d > 0 { times.append(Fr.Export.planned(d)) }
            // From the séance's times; the current item of a séance held live runs to now.
            let live = st.isHeldLive(m.id, at: options.now) ? st.local(options.now).localTime : nil
            let spent = Int((st.timeSpent(on: item.id, until: live) + 30) / 60)
            if spent > 0 && options.effectiveDurations { times.append(Fr.Export.spent(spent)) }
            if !times.isEmpty { facts += " ; " + times.joined(separator: ", ") }
            blocks.append(.paragraph([.emphasis(facts + ".")], .quiet))
            let carried = item.followUps.compactMap { st.followUps[$0] }
            if !carried.isEmpty {
                // The follow-ups taken up, as they stand now: one done since shows done.
                blocks.append(.list(carried.map { [.plain(followUpLine($0))] }, numbered: false))
            } else if !item.details.isEmpty {
                blocks.append(.paragraph([.plain(ExportClean.text(item.details))], .body))
            }
            let content = pointContent(record.filter { $0.item == item.id },
                                       followUps: followUps.filter { $0.item == item.id })
            blocks += content.isEmpty ? [.paragraph([.emphasis(Fr.Export.noRecord)], .quiet)] : content
        }
        let inAgenda = Set(m.agenda)
        let outside: (String?) -> Bool = { $0.map { !inAgenda.contains($0) } ?? true }
        let rest = pointContent(record.filter { outside($0.item) },
                                followUps: followUps.filter { outside($0.item) })
        if !rest.isEmpty {
            blocks.append(.heading(level: 3, text: Fr.Export.outsideAgenda))
            blocks += rest
        }
        return blocks
    }

    func pointContent(_ record: [RecordEntry], followUps: [FollowUp]) -> [DocBlock] {
        var blocks: [DocBlock] = []
        for entry in record {
            switch entry {
            case .note(let n): blocks.append(.paragraph(noteSpans(n), .note))
            case .decision(let d): blocks += decisionBlocks(d, withPoint: false)
            }
        }
        if !followUps.isEmpty {
            blocks.append(.paragraph([.strong(Fr.Export.followUps + " :")], .body))
            blocks.append(.list(followUps.map { [.plain(followUpLine($0))] }, numbered: false))
        }
        return blocks
    }

    /// A note as the minutes show it: « NOM Prénom – rôle (organisation) : texte ».
    func noteSpans(_ n: Note) -> [DocSpan] {
        let text = n.text
        guard let speaker = n.speaker else { return [.plain(ExportClean.text(text))] }
        let label = speakerLabel(speaker)
        // A note typed with the speaker's completion already starts with the label.
        for prefix in [label + " : ", label + " :", label + ": ", label + ":"] where text.hasPrefix(prefix) {
            return [.strong(ExportClean.line(label) + " :"), .plain(" " + ExportClean.text(String(text.dropFirst(prefix.count))))]
        }
        // A line corrected by hand may start with another form of the speaker's name (the label
        // of the day it was typed, without the civilité…): the speaker is still written once.
        if let m = st.members[speaker], let colon = text.range(of: ":") {
            let head = text[..<colon.lowerBound]
            if head.hasPrefix(m.name) || head.hasPrefix(Fr.Line.person(m)) {
                let rest = text[colon.upperBound...].drop { $0 == " " }
                return [.strong(ExportClean.line(label) + " :"), .plain(" " + ExportClean.text(String(rest)))]
            }
        }
        return [.strong(ExportClean.line(label) + " :"), .plain(" " + ExportClean.text(text))]
    }

    // MARK: - Decisions

    func decisionBlocks(_ d: Decision, withPoint: Bool) -> [DocBlock] {
        let n = decisionNumber[d.id] ?? 0
        var detail: [String] = [Fr.Paperwork.deliberation(deliberationNumber(n))]
        if withPoint, let item = d.item, let i = m.agenda.firstIndex(of: item), let it = st.agendaItems[item] {
            let p = Fr.Export.onPoint(i + 1, ExportClean.line(it.title))
            detail.append(p.prefix(1).uppercased() + p.dropFirst() + ".")
        }
        detail.append(Fr.Line.vote(d, president: st.members[st.president(of: m)]?.civility))
        if let r = Fr.Line.recusal(d.recused.map(person)) { detail.append(r) }
        if let computed = d.computedOutcome, computed != d.outcome {
            detail.append(Fr.Export.override(computed: computed, recorded: d.outcome))
        }
        if let a = d.action, let sheet = st.actions[a] { detail.append(Fr.Export.action(ExportClean.line(sheet.title))) }
        return [
            .paragraph([.strong(Fr.Line.decisionHeading(n, d) + " :"),
                        .plain(" " + ExportClean.text(d.text))], .decision),
            .paragraph([.plain(detail.joined(separator: " "))], .decisionDetail),
        ]
    }

    func allDecisions(withPoint: Bool) -> [DocBlock] {
        let decisions = decisionOrder.compactMap { st.decisions[$0] }
        if decisions.isEmpty { return [.paragraph([.emphasis(Fr.Export.noDecision)], .quiet)] }
        return decisions.flatMap { decisionBlocks($0, withPoint: withPoint) }
    }

    // MARK: - Follow-ups, ranking, next séance

    func followUpState(_ f: FollowUp) -> String {
        if let d = f.done { return Fr.Export.done(d) }
        if let today = options.today, let due = f.due, due < today { return Fr.Export.overdue }
        return Fr.Export.open
    }

    func followUpLine(_ f: FollowUp) -> String {
        Fr.Line.followUp(what: ExportClean.text(f.what), owner: f.owner.isEmpty ? "" : person(f.owner), due: f.due, done: f.done)
    }

    func followUpTable() -> [DocBlock] {
        let followUps = m.followUps.compactMap { st.followUps[$0] }
        var blocks: [DocBlock] = [.heading(level: 2, text: Fr.Export.followUps)]
        guard !followUps.isEmpty else { return blocks + [.paragraph([.emphasis(Fr.Export.noFollowUp)], .quiet)] }
        blocks.append(.table(DocTable(
            header: [Fr.Export.what, Fr.Export.owner, Fr.Export.due, Fr.Export.followUpState],
            rows: followUps.map { f in
                [ExportClean.text(f.what), f.owner.isEmpty ? "" : person(f.owner), f.due?.french ?? "", followUpState(f)]
            },
            weights: [7, 3, 2, 3])))
        return blocks
    }

    func ranking() -> [DocBlock] {
        guard let r = options.ranking, !r.entries.isEmpty else { return [] }
        var blocks: [DocBlock] = [.heading(level: 2, text: Fr.Export.ranking)]
        if let crit = r.criteria, !crit.isEmpty { blocks.append(.paragraph([.plain(ExportClean.text(crit))], .body)) }
        let hasScore = r.entries.contains { $0.score != nil }, hasCost = r.entries.contains { $0.cost != nil }
        var header = [Fr.Export.rank, Fr.Export.actionSheet], weights = [1, 7]
        if hasScore { header.append(Fr.Export.score); weights.append(2) }
        if hasCost { header.append(Fr.Export.cost); weights.append(3) }
        let hasRetained = r.entries.contains { $0.retained != nil }
        if hasRetained { header.append(Fr.Export.retainedColumn); weights.append(3) }
        blocks.append(.table(DocTable(header: header, rows: r.entries.map { e in
            var row = [String(e.rank), ExportClean.line(e.title)]
            if hasScore { row.append(e.score.map(ExportClean.line) ?? "") }
            if hasCost { row.append(e.cost?.french ?? "") }
            if hasRetained { row.append(e.retained.map(Fr.Export.retained) ?? "") }
            return row
        }, weights: weights)))
        if hasCost {
            // With an envelope, the total that matters is the retained fiches'.
            let counted = hasRetained ? r.entries.filter { $0.retained == true } : r.entries
            let total = counted.compactMap(\.cost).reduce(Money.zero, +)
            blocks.append(.paragraph([.plain(hasRetained ? Fr.Export.retainedTotal(total, envelope: r.envelope)
                                                         : Fr.Export.rankingTotal(total, envelope: r.envelope))], .body))
        }
        return blocks
    }

    /// The next séance: the date the séance set (`next_date`), else the committee's next planned séance.
    func nextMeeting() -> [DocBlock] {
        let later = st.meetings(of: c.id).filter { $0.id != m.id && $0.state == .planned && $0.date > m.date }
        let next = later.min(by: st.isBefore)
        let text: String
        if let d = m.nextDate {
            let same = later.first { $0.date == d }
            text = Fr.Export.nextOn(d, time: same?.time, place: same.map { ExportClean.line($0.place) })
        } else if let n = next {
            text = Fr.Export.nextOn(n.date, time: n.time, place: ExportClean.line(n.place))
        } else {
            text = Fr.Export.nextToBeSet
        }
        return [.heading(level: 2, text: Fr.Export.nextMeeting), .paragraph([.plain(text)], .body)]
    }

    // MARK: - Names

    /// A member reference as a name; free text (a presenter, an owner typed by hand) as written.
    func person(_ ref: String) -> String { ExportClean.line(st.members[ref].map(Fr.Line.person) ?? ref) }

    func speakerLabel(_ memberID: String) -> String { st.speakerLabel(memberID) }

    // MARK: - Names of files

    var fileStem: String { Self.fileStem(st, m) }

    /// `comite-de-pilotage-n3_2009-12-17`
    static func fileStem(_ st: ProjectState, _ m: Meeting) -> String {
        let name = st.committees[m.committee].map { Fr.meetingName($0, m) } ?? m.id
        return slug(name) + "_" + m.date.journalValue
    }

    /// Lower-case ASCII letters and digits joined by dashes: the text folded (`Folding`), then
    /// every other character a dash.
    static func slug(_ s: String) -> String {
        var out = ""
        var dash = false
        for u in Folding.fold(s).unicodeScalars where u.properties.generalCategory != .nonspacingMark {
            switch u {
            case "a"..."z", "0"..."9":
                if dash && !out.isEmpty { out.append("-") }
                dash = false
                out.unicodeScalars.append(u)
            case "°": continue   // « n°3 » → n3
            default: dash = true
            }
        }
        return String(out.prefix(60))
    }
}
