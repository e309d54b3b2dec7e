/// The paperwork around a séance: the convocation with its pouvoir, the pouvoirs alone, and the
/// life of the compte rendu (numbered délibérations, attendance per decision, signatures, projet
/// until approved).
extension MinutesBuilder {
    // MARK: - Convocation

    /// The committee's name as it follows « du » (« du comité de pilotage »).
    var bodyName: String {
        let name = ExportClean.line(c.name)
        return name.prefix(1).lowercased() + name.dropFirst()
    }

    /// The date to answer by: two days before the séance, brought back to the Friday before
    /// when it falls on a weekend.
    var replyBy: LocalDate {
        var d = LocalDate(daysSinceEpoch: m.date.daysSinceEpoch - 2)
        while d.weekday >= 5 { d = LocalDate(daysSinceEpoch: d.daysSinceEpoch - 1) }
        return d
    }

    func convocationFields() -> [DocBlock.Field] {
        var f = headerFields().filter { $0.label != Fr.Export.state && $0.label != Fr.Export.secretary }
        if c.convocation != .none { f.append(.init(label: Fr.Paperwork.convocationRule, value: Fr.Paperwork.ruleAfterLabel(c.convocation))) }
        f.append(.init(label: Fr.Paperwork.sentOn, value: m.convokedOn.map(Fr.longDate) ?? Fr.Paperwork.notSent))
        return f
    }

    func convocation() -> ExportDocument {
        var doc = header(title: Fr.Paperwork.convocationTitle)
        doc.blocks.append(.fields(convocationFields()))
        doc.blocks.append(.paragraph([.plain(Fr.Paperwork.salutation)], .body))
        doc.blocks.append(.paragraph([.plain(Fr.Paperwork.invitation(bodyName, number: m.number, date: m.date, time: m.time,
                                                                      place: ExportClean.line(m.place)))], .body))
        doc.blocks.append(.heading(level: 2, text: Fr.Export.agenda))
        if items.isEmpty {
            doc.blocks.append(.paragraph([.emphasis(Fr.Paperwork.none)], .quiet))
        } else {
            doc.blocks.append(.table(DocTable(
                header: [Fr.Paperwork.number, Fr.Paperwork.item, Fr.Paperwork.kind, Fr.Paperwork.presenter, Fr.Paperwork.plannedTime],
                rows: items.enumerated().map { i, item in
                    [String(i + 1), ExportClean.line(item.title), Fr.agendaKind(item.kind),
                     item.presenter.isEmpty ? "" : person(item.presenter), item.plannedMinutes.map(Fr.Export.duration) ?? ""]
                },
                weights: [1, 8, 3, 4, 2])))
            let total = items.compactMap(\.plannedMinutes).reduce(0, +)
            if total > 0 { doc.blocks.append(.paragraph([.plain(Fr.Export.plannedTotal(total))], .quiet)) }
        }
        doc.blocks.append(.paragraph([.plain(Fr.Paperwork.reply(by: replyBy))], .body))
        let voting = seatedMembers.contains { $0.voting }
        if voting { doc.blocks.append(.paragraph([.plain(Fr.Paperwork.proxyAttached)], .body)) }
        doc.blocks.append(.paragraph([.plain(Fr.Paperwork.courtesy)], .body))
        let president = st.president(of: m)
        doc.blocks.append(.paragraph([.plain(Fr.Paperwork.convener(st.members[president]?.civility) + "\n"),
                                      // « La présidente, MARTIN Sophie »: the title already says the civilité.
                                      .strong(president.isEmpty ? Fr.Paperwork.blank : ExportClean.line(st.members[president]?.name ?? president))], .body))
        let recipients = seatedMembers.map { member -> [DocSpan] in
            [.plain(ExportClean.line(Fr.Line.person(member))), .emphasis(" – " + quality(member) + (member.email.isEmpty ? "" : " – " + ExportClean.line(member.email)))]
        }
        if !recipients.isEmpty {
            doc.blocks.append(.heading(level: 2, text: Fr.Paperwork.recipients))
            doc.blocks.append(.list(recipients, numbered: false))
        }
        if voting {
            doc.blocks.append(.pageBreak)
            doc.blocks.append(.heading(level: 2, text: Fr.Paperwork.proxyTitle))
            doc.blocks += proxyBlocks(nil)
        }
        return doc
    }

    // MARK: - Pouvoir

    /// « Mme DURAND Claire »
    func addressed(_ member: Member) -> String {
        (member.civility.map { $0.rawValue + " " } ?? "") + ExportClean.line(member.name)
    }

    /// How a member signs: their fonction, else their role and organisation.
    func signingQuality(_ member: Member) -> String {
        let f = ExportClean.line(member.function)
        return f.isEmpty ? quality(member) : f
    }

    /// The form of one pouvoir: the mandant printed (or left to fill), the mandataire chosen
    /// (the pouvoir recorded for this séance) or left to fill.
    func proxyBlocks(_ mandant: Member?) -> [DocBlock] {
        let mandataire = mandant.flatMap { m.attendance[$0.id]?.proxy }.map(person) ?? Fr.Paperwork.blank
        let text = Fr.Paperwork.proxyText(
            mandant: mandant.map(addressed) ?? Fr.Paperwork.blank,
            civility: mandant?.civility,
            quality: mandant.map(signingQuality) ?? "",
            mandataire: mandataire,
            meeting: "n°\(m.number)", body: bodyName, date: m.date)
        return [
            .paragraph([.plain(text)], .body),
            .paragraph([.plain(Fr.Paperwork.madeAt)], .body),
            .paragraph([.plain(Fr.Paperwork.signatureMention)], .body),
            .table(DocTable(header: [Fr.Export.signature], rows: [[""]], weights: [1], minRowHeight: 3.0)),
            .paragraph([.emphasis(Fr.Paperwork.proxyRules)], .quiet),
        ]
    }

    /// One page per voting member (the mandant printed), or the one member asked for.
    func proxyForms(member: String?) -> ExportDocument {
        var doc = header(title: Fr.Paperwork.proxyTitle)
        doc.blocks.append(.fields(convocationFields().filter { $0.label != Fr.Paperwork.sentOn && $0.label != Fr.Paperwork.convocationRule }))
        let mandants: [Member?]
        if let member { mandants = [st.members[member]] } else {
            let voting = seatedMembers.filter(\.voting)
            mandants = voting.isEmpty ? [nil] : voting
        }
        for (i, mandant) in mandants.enumerated() {
            if i > 0 { doc.blocks.append(.pageBreak); doc.blocks.append(.heading(level: 2, text: Fr.Paperwork.proxyTitle)) }
            doc.blocks += proxyBlocks(mandant)
        }
        return doc
    }

    // MARK: - The compte rendu's life

    /// « 2009-03-07 »: the séance's year, its number and the decision's, as délibérations are numbered.
    func deliberationNumber(_ n: Int) -> String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(m.date.year)-\(two(m.number))-\(two(n))"
    }

    /// The convocation's date and whether the compte rendu is approved (a closed séance).
    func lifeFields() -> [DocBlock.Field] {
        var f: [DocBlock.Field] = []
        if let d = m.convokedOn { f.append(.init(label: Fr.Paperwork.sentOn, value: Fr.longDate(d))) }
        guard m.state == .closed else { return f }
        if let a = st.approval(of: m.id), let ac = st.committees[a.at.committee] {
            let b = MinutesBuilder(st, a.at, ac, options)
            let n = b.decisionNumber[a.decision.id] ?? 0
            var state = Fr.Paperwork.approved(a.at.date, at: ExportClean.line(Fr.meetingName(ac, a.at)), deliberation: b.deliberationNumber(n))
            if let d = m.modifiedAfterApproval { state += Fr.Paperwork.modifiedAfterApproval(d) }
            f.append(.init(label: Fr.Paperwork.minutesState, value: state))
        } else {
            f.append(.init(label: Fr.Paperwork.minutesState, value: Fr.Paperwork.draft))
        }
        return f
    }

    /// « Votants présents ou représentés : 10 (points 1 à 3), 11 (points 4 à 6). » when the number
    /// changed between decisions; nil when it did not or was not recorded.
    func attendanceByDecision() -> String? {
        let decisions = decisionOrder.compactMap { st.decisions[$0] }.filter { !$0.present.isEmpty || $0.votersPresent != nil }
        guard decisions.count > 1 else { return nil }
        let pointOf: (Decision) -> Int? = { d in d.item.flatMap { self.m.agenda.firstIndex(of: $0) }.map { $0 + 1 } }
        func count(_ d: Decision) -> Int { d.present.isEmpty ? d.votersPresent ?? 0 : d.present.count }
        // By point when each point's decisions were taken with one number; else by decision.
        var perPoint: [Int: Set<Int>] = [:]
        for d in decisions { if let p = pointOf(d) { perPoint[p, default: []].insert(count(d)) } }
        let byPoint = decisions.allSatisfy { pointOf($0) != nil } && perPoint.values.allSatisfy { $0.count == 1 }
        var groups: [(count: Int, from: Int, to: Int)] = []
        for d in decisions {
            let count = count(d)
            let key = byPoint ? pointOf(d)! : decisionNumber[d.id] ?? 0
            if let last = groups.last, last.count == count { groups[groups.count - 1].to = key } else { groups.append((count, key, key)) }
        }
        guard groups.count > 1 else { return nil }
        let parts = groups.map { g in
            "\(g.count) (" + (byPoint ? Fr.Paperwork.pointsRange(g.from, g.to) : Fr.Paperwork.decisionsRange(g.from, g.to)) + ")"
        }
        return Fr.Paperwork.attendanceByDecision + " : " + parts.joined(separator: ", ") + "."
    }

    /// The président's and the secretary's names over room to sign.
    func signatureBlock() -> [DocBlock] {
        let president = st.president(of: m), secretary = st.secretary(of: m)
        return [
            .heading(level: 2, text: Fr.Paperwork.signatures),
            .table(DocTable(header: [Fr.Paperwork.presidentSigns(st.members[president]?.civility),
                                     Fr.Paperwork.secretarySigns(st.members[secretary]?.civility)],
                            rows: [[president.isEmpty ? "" : person(president), secretary.isEmpty ? "" : person(secretary)]],
                            weights: [1, 1], minRowHeight: 3.0)),
        ]
    }
}
