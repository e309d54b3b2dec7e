/// The lists the program keeps, for the spreadsheets partners and financers expect: the
/// members' directory, the tableau de suivi des suites à donner, participation per member and
/// committee, the fiches actions with their financing plan. Each is a `SheetTable` written as
/// CSV (French Excel: BOM, `;`, CR LF, decimal comma), ODS or XLSX (typed cells).
/// The directory and the fiches carry their identifiant, so that importing them back updates
/// the same records (`Commands.importTable`).
public enum ListKind: String, Sendable, CaseIterable {
    case members = "membres"
    case followUps = "suivi"
    case participation
    case actions = "fiches"
    /// The decisions of every séance (the SCDL CSV stays for open data).
    case decisions = "decisions"
}

extension Export {
    public static func list(_ state: ProjectState, _ kind: ListKind, format: SpreadsheetFormat, committee: String? = nil,
                            from: LocalDate? = nil, to: LocalDate? = nil, modified: Timestamp = .now()) throws(ExportError) -> ExportedFile {
        if let committee, state.committees[committee] == nil { throw .unknownCommittee(committee) }
        if let from, let to, to < from { throw .emptyPeriod(from, to) }
        let table: SheetTable
        let stem: String
        switch kind {
        case .members: table = ListTables.members(state, committee: committee); stem = "annuaire"
        case .followUps: table = ListTables.followUps(state, committee: committee, from: from, to: to); stem = "suivi"
        case .participation:
            table = ListTables.participation(state, committee: committee, from: from, to: to)
            stem = "participation_" + DecisionScope.periodStem(from: from, to: to)
        case .actions: table = ListTables.actions(state, committee: committee); stem = "fiches-actions"
        case .decisions:
            table = ListTables.decisions(state, committee: committee, from: from, to: to)
            stem = "decisions_" + DecisionScope.periodStem(from: from, to: to)
        }
        return ExportedFile(bytes: Spreadsheet.write(table, as: format, modified: modified), fileName: stem + "." + format.rawValue,
                            mediaType: format.mediaType)
    }
}

enum ListTables {
    static let memberColumns = ["Identifiant", "Civilité", "Nom", "Prénom", "Organisme", "Fonction", "Courriel", "Téléphone",
                                "Comité", "Rôle", "Droit de vote", "Ses comités"]

    /// « DUPONT Marie » → (« DUPONT », « Marie »): the leading words in capitals are the Nom.
    /// A name not written that way stays whole in Nom (importing it back gives it unchanged).
    static func split(_ name: String) -> (String, String) {
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        var n = 0
        for w in words {
            guard w.contains(where: \.isLetter), w == w.uppercased() else { break }
            n += 1
        }
        guard n > 0, n < words.count else { return (name, "") }
        let first = words[n...].joined(separator: " ")
        guard !first.isEmpty else { return (name, "") }
        return (words[..<n].joined(separator: " "), first)
    }

    static func members(_ st: ProjectState, committee: String?) -> SheetTable {
        var rows: [[CellValue]] = []
        for cid in st.committeeOrder where committee == nil || committee == cid {
            guard let c = st.committees[cid], !c.retired else { continue }
            for mid in c.memberIDs {
                guard let m = st.members[mid], !m.retired, m.guestOf == nil else { continue }
                let (last, first) = split(m.name)
                // One person is visible as one: every line of hers names all her committees.
                let all = ([m] + st.otherSeats(of: m.id)).compactMap { s in st.committees[s.committee].map { (st.committeeOrder.firstIndex(of: $0.id) ?? 0, $0.name) } }
                    .sorted { $0.0 < $1.0 }.map(\.1).joined(separator: " ; ")
                rows.append([.text(m.id), t(m.civility?.rawValue ?? ""), .text(last), t(first), t(m.organisation), t(m.function),
                             t(m.email), t(m.phone), .text(c.name), .text(Fr.role(m.role)), .text(m.voting ? "oui" : "non"), t(all)])
            }
        }
        return SheetTable(name: "Annuaire", columns: memberColumns, rows: rows)
    }

    static func followUps(_ st: ProjectState, committee: String?, from: LocalDate?, to: LocalDate?) -> SheetTable {
        var rows: [[CellValue]] = []
        for fid in st.followUpOrder {
            guard let f = st.followUps[fid], let m = st.meetings[f.meeting], let c = st.committees[m.committee] else { continue }
            if let committee, committee != c.id { continue }
            if let from, m.date < from { continue }
            if let to, to < m.date { continue }
            let state = f.done != nil ? "fait" : ((f.due.map { $0 < Timestamp.now().localDate } ?? false) ? "en retard" : "à faire")
            rows.append([.text(f.id), .text(f.what), t(st.ownerName(f.owner)), f.due.map(CellValue.date) ?? .empty, .text(state),
                         f.done.map(CellValue.date) ?? .empty, .text(Fr.meetingName(c, m)), .date(m.date)])
        }
        return SheetTable(name: "Suivi", columns: ["Identifiant", "Quoi", "Qui", "Échéance", "État", "Fait le", "Séance d'origine", "Date de la séance"],
                          rows: rows)
    }

    /// One row per decision, in the order of the séances: votes as numbers, the date as a date.
    static func decisions(_ st: ProjectState, committee: String?, from: LocalDate?, to: LocalDate?) -> SheetTable {
        var rows: [[CellValue]] = []
        let meetings = st.meetings.values.filter { m in
            (committee == nil || m.committee == committee) && (from.map { m.date >= $0 } ?? true) && (to.map { m.date <= $0 } ?? true)
        }.sorted(by: st.isBefore)
        for m in meetings {
            guard let c = st.committees[m.committee] else { continue }
            for (n, d) in m.decisions.compactMap({ st.decisions[$0] }).enumerated() {
                func count(_ v: Int?) -> CellValue { v.map(CellValue.integer) ?? .empty }
                rows.append([.text(d.id), .date(m.date), .text(Fr.meetingName(c, m)), .integer(n + 1), t(d.text), .text(Fr.outcome(d.outcome)),
                             count(d.votesFor), count(d.votesAgainst), count(d.abstentions), .boolean(d.unanimous),
                             count(d.votersPresent), .boolean(d.quorumMet ?? false), .boolean(d.withoutQuorum)])
            }
        }
        return SheetTable(name: "Décisions", columns: ["Identifiant", "Date", "Séance", "N°", "Décision", "Résultat", "Pour", "Contre",
                                                     "Abstention", "Unanimité", "Votants", "Quorum atteint", "Sans quorum"], rows: rows)
    }

    /// One row per member and committee: séances held in the period while they sat, and how
    /// they attended (present in the room or at a distance counts as present, and so does one
    /// who left during the séance: `ProjectState.attended`, as the Participation screen).
    static func participation(_ st: ProjectState, committee: String?, from: LocalDate?, to: LocalDate?) -> SheetTable {
        var rows: [[CellValue]] = []
        for cid in st.committeeOrder where committee == nil || committee == cid {
            guard let c = st.committees[cid] else { continue }
            let held = c.meetingIDs.compactMap { st.meetings[$0] }.filter { (s: Meeting) -> Bool in
                guard s.state == .closed || s.state == .inProgress else { return false }
                if let from, s.date < from { return false }
                if let to, to < s.date { return false }
                return true
            }
            for mid in c.memberIDs {
                guard let m = st.members[mid], m.guestOf == nil else { continue }
                var expected = 0, present = 0, excused = 0, proxy = 0, absent = 0
                for s in held {
                    let a: Attendance? = s.attendance[mid]
                    if m.retired && a == nil { continue }
                    expected += 1
                    switch st.attendanceOutcome(of: mid, in: s) {
                    case .present: present += 1
                    case .excused: excused += 1
                    case .proxyGiven: proxy += 1
                    case .absent: absent += 1
                    }
                }
                guard expected > 0 || !m.retired else { continue }
                let rate: CellValue = expected == 0 ? .empty : .integer((present * 100 + expected / 2) / expected)
                rows.append([.text(c.name), .text(m.name), t(m.organisation), .integer(expected), .integer(present), .integer(excused),
                             .integer(proxy), .integer(absent), rate])
            }
        }
        return SheetTable(name: "Participation", columns: ["Comité", "Membre", "Organisme", "Séances", "Présent", "Excusé", "Pouvoir donné",
                                                            "Absent", "Taux de présence (%)"], rows: rows)
    }

    static func actions(_ st: ProjectState, committee: String?) -> SheetTable {
        var rows: [[CellValue]] = []
        for id in st.actionOrder {
            guard let a = st.actions[id] else { continue }
            if let committee, a.committee != committee { continue }
            let plan = a.financing.map { "\($0.financer) : \($0.amount.french)" }.joined(separator: " ; ")
            rows.append([.text(a.id), .text(a.title), t(st.axisLabel(a.axis)), t(a.committee.flatMap { st.committees[$0]?.name } ?? ""),
                         t(a.porteur), t(a.maitrise), t(a.partners), t(a.description), t(a.objectives), t(a.calendar), t(a.indicators),
                         .text(Fr.actionStatus(a.status)), a.cost.map(CellValue.money) ?? .empty, t(plan), .money(a.financed),
                         a.financingGap.map(CellValue.money) ?? .empty, a.progress.map(CellValue.integer) ?? .empty])
        }
        return SheetTable(name: "Fiches actions", columns: ["Identifiant", "Intitulé", "Axe", "Comité", "Porteur", "Maîtrise d'ouvrage", "Partenaires",
                                                             "Description", "Objectifs", "Calendrier", "Indicateurs", "Statut", "Coût",
                                                             "Financeurs", "Financé", "Reste à financer", "Avancement (%)"], rows: rows)
    }

    static func t(_ s: String) -> CellValue { s.isEmpty ? .empty : .text(s) }
}
