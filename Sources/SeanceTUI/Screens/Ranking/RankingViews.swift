import SeanceModel

extension ProjectState {
    /// The ballots as a profile (for the pairwise matrix and the PrefLib export).
    func profile(_ r: ActionRanking) -> PreferenceProfile? {
        let index = Dictionary(uniqueKeysWithValues: r.actions.enumerated().map { ($1, $0) })
        let ballots = r.ballotOrder.compactMap { r.ballots[$0] }.map { Ballot(tiers: $0.map { $0.compactMap { index[$0] } }.filter { !$0.isEmpty }) }
        return try? PreferenceProfile(candidates: r.actions.map { Candidate(id: $0, name: actions[$0]?.title ?? $0) }, ballots: ballots)
    }
}

extension App {
    static func rankingView(_ rs: RankingState, _ g: inout Grid, _ a: Area, _ ctx: Context) {
        let st = ctx.domain
        guard let r = st.rankings[rs.ranking] else {
            g.put(" Ouverture du classement…", x: a.x, y: a.y + 1, role: .dim)
            return
        }
        let view = rs.memo.view(r, st)
        if rs.projection { projectionView(r, view, &g, a, st); return }
        var y = a.y
        let meetingName = st.meetings[r.meeting].map { m in st.committees[m.committee].map { Fr.meetingName($0, m) } ?? m.id } ?? ""
        var head = " Hiérarchisation — " + meetingName
        if let ad = r.adopted { head += " — ADOPTÉ le \(ad.date.french)" }
        g.put(head, x: a.x, y: y, role: r.adopted == nil ? .header : .ok, maxWidth: a.width); y += 1
        var x = a.x + 1
        // In the criteria grid digits type scores: the modes are reached by Tab, not by their digit.
        let scores = digitsAreScores(rs, ctx)
        for m in RankingState.Mode.allCases {
            let label = scores ? " \(rankingModeName(m)) " : " \(m.rawValue + 1) \(rankingModeName(m)) "
            x = g.put(label, x: x, y: y, role: m == rs.mode ? .selected : .dim) + 1
        }
        if scores { g.put(" Tab : mode suivant", x: x, y: y, role: .dim, maxWidth: max(0, a.x + a.width - x)) }
        y += 1
        var info = "Méthode : " + Fr.Ranking.methodName(r.method)
        if let env = r.envelope, let cut = view.cut {
            info += " · enveloppe \(env.frenchRounded) · retenues \(cut.selected.count)/\(r.actions.count) pour \(cut.total.frenchRounded)"
        }
        g.put(" " + info, x: a.x, y: y, role: .dim, maxWidth: a.width); y += 1
        g.put(" " + view.result.tieBreak, x: a.x, y: y, role: .dim, maxWidth: a.width); y += 1
        let bottom = a.y + a.height
        if rs.showMatrix, let profile = st.profile(r) { matrixView(r, profile, &g, Area(x: a.x, y: y + 1, width: a.width, height: bottom - y - 1), st, selection: rs.list.selection); return }

        var tableHeight = bottom - y
        var extra: [String] = []
        switch rs.mode {
        case .criteria:
            // Whether two neighbours swap depends on their two scores only: the top four fiches
            // in rank order make a grid of their own, and the sentences cost nothing per keystroke.
            let top = Array(view.order.prefix(4))
            let grid = WeightedGrid(criteria: r.criteria, actions: top.map { Candidate(id: $0, name: st.actions[$0]?.title ?? $0) },
                                    scores: top.map { act in r.criteria.map { c in r.scores[act]?[c.id] ?? Rational(0) } })
            // The weights as the totals use them; when they do not sum to 100 %, the shares the
            // sensitivity sentences speak of are shown too, never silently put in their place.
            let weights = r.criteria.enumerated().map { i, c in (i == rs.criterion ? "▸" : "") + "\(c.name) \(Fr.Ranking.weight(c.weight))" }
            let sum = r.criteria.reduce(Rational.zero) { $0 + $1.weight }
            var line = "Poids : " + weights.joined(separator: " · ")
            if sum != .one && !sum.isZero {
                line += " — somme \(Fr.Ranking.weight(sum)) ; ramenés à 100\u{00A0}% pour les bascules ci-dessous : "
                    + r.criteria.enumerated().map { i, c in "\(c.name) \(grid.shares[i].percent)" }.joined(separator: " · ")
            }
            extra.append(line)
            if rs.frozen != nil { extra.append("Ordre figé pendant la saisie des notes : r reclasse (ou changez de mode).") }
            let inOrder = RankingResult(method: .weighted, tiers: top.indices.map { [$0] }, tieBreak: "")
            for swap in grid.neighbourSwaps(inOrder).prefix(3) {
                guard let p = swap.closest, let share = p.share else { continue }
                extra.append(Fr.Ranking.swapSentence(upper: st.actions[top[swap.upper]]?.title ?? "", lower: st.actions[top[swap.lower]]?.title ?? "",
                                                     criterion: r.criteria[p.criterion].name, share: share, current: grid.shares[p.criterion]))
            }
        case .ballots:
            tableHeight = max(6, (bottom - y) * 3 / 5)
        case .budget:
            tableHeight = max(6, (bottom - y) / 2)
        case .manual:
            extra.append("+ et - déplacent la fiche choisie ; a adopte le classement.")
        }
        var extraLines: [String] = []
        for e in extra { extraLines += wrap(e, width: a.width - 2) }
        if rs.mode == .criteria || rs.mode == .manual { tableHeight = max(4, bottom - y - extraLines.count - 1) }

        // The ranking table: only the rows on screen are formatted (a COPIL may rank hundreds).
        // While scores are typed the rows keep their places (rs.frozen); rank, running total and ✓
        // are still those of the live ranking.
        let cumulative = view.cumulative, selected = view.selectedIDs
        let shown = rs.frozen ?? view.order
        let position: [String: Int]? = rs.frozen.map { _ in Dictionary(view.order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
        let followed = rs.follow.flatMap { shown.firstIndex(of: $0) } ?? rs.list.selection
        let selectable = rs.mode != .ballots && rs.mode != .budget
        let start = selectable ? scrollStart(selection: followed, count: shown.count, rows: tableHeight - 1) : 0
        let visible = start..<min(shown.count, start + max(0, tableHeight - 1))
        let listIndex = view.listIndex
        let rows: [[String]] = visible.map { line in
            let act = shown[line]
            let i = position?[act] ?? line
            let sheet = st.actions[act]
            var row = [String(view.ranks[i]), String((listIndex[act] ?? 0) + 1), sheet?.title ?? act, st.axisLabel(sheet?.axis),
                       sheet?.porteur ?? "", (sheet?.cost ?? .zero).frenchRounded, cumulative[i]?.frenchRounded ?? "—"]
            if let scores = view.result.scores, let k = listIndex[act], k < scores.count {
                row.append(scores[k].decimal(2))
            } else { row.append("") }
            if rs.mode == .criteria, rs.criterion < r.criteria.count {
                if line == followed, let typed = rs.cell { row.append(typed + "▏") }
                else { row.append((r.scores[act]?[r.criteria[rs.criterion].id]).map { $0.decimal(1) } ?? "—") }
            }
            row.append(r.envelope == nil ? "" : (selected.contains(act) ? "✓" : "✗"))
            return row
        }
        var columns = [Column(title: "Rang", width: 4, right: true), Column(title: "N°", width: 3, right: true), Column(title: "Fiche", width: 0),
                       Column(title: "Axe", width: 5), Column(title: "Porteur", width: a.width >= 110 ? 18 : 10),
                       Column(title: "Coût", width: 11, right: true), Column(title: "Cumulé", width: 12, right: true),
                       Column(title: "Score", width: 8, right: true)]
        if rs.mode == .criteria { columns.append(Column(title: CharWidth.truncate(r.criteria[safe: rs.criterion]?.name ?? "", to: 10), width: 10, right: true)) }
        columns.append(Column(title: "Env.", width: 4))
        // A narrow screen keeps the fiche's title readable: no axis, no porteur.
        let narrow = a.width < 100
        let shownRows = narrow ? rows.map { r in r.enumerated().filter { $0.offset != 3 && $0.offset != 4 }.map(\.element) } : rows
        if narrow { columns.remove(at: 4); columns.remove(at: 3) }
        let tableSelection: Int? = selectable ? followed - start : nil
        table(&g, Area(x: a.x, y: y, width: a.width, height: tableHeight), columns: columns, rows: shownRows, selection: tableSelection,
              empty: "Aucune fiche.")
        y += tableHeight
        for l in extraLines where y < bottom { g.put(" " + l, x: a.x, y: y, role: .dim); y += 1 }

        if rs.mode == .ballots {
            let voters = st.meetings[r.meeting].map { st.votingMembers(of: $0.committee) } ?? []
            let present = Set(st.presentVoters(r.meeting))
            let ballotRows: [[String]] = voters.map { m in
                let b = r.ballots[m.id].map { tiers in
                    tiers.map { $0.compactMap { act in r.actions.firstIndex(of: act).map { String($0 + 1) } }.joined(separator: "=") }.joined(separator: " ")
                }
                let absent = !present.contains(m.id)
                return [m.name + (absent ? " (absent·e)" : ""), b ?? (absent ? "— pas de bulletin : ni présent(e) ni représenté(e)" : "— (Entrée pour saisir)")]
            }
            g.put(" Bulletins : \(r.ballots.count) sur \(voters.count) votants ; m : méthode suivante ; t : matrice des duels", x: a.x, y: y, role: .accent, maxWidth: a.width)
            table(&g, Area(x: a.x, y: y + 1, width: a.width, height: bottom - y - 1),
                  columns: [Column(title: "Membre", width: 28), Column(title: "Ordre (n° du tableau)", width: 0)],
                  rows: ballotRows, selection: ballotRow(rs, r, count: voters.count), empty: "Aucun membre votant.")
        }
        if rs.mode == .budget { budgetView(r, &g, Area(x: a.x, y: y, width: a.width, height: bottom - y), st) }
    }

    /// Greedy and Equal Shares side by side, with who paid for what.
    static func budgetView(_ r: ActionRanking, _ g: inout Grid, _ whole: Area, _ st: ProjectState) {
        guard let election = st.approvalElection(r) else {
            g.put(" Parts égales : il faut une enveloppe (e) et des bulletins (mode 3).", x: whole.x, y: whole.y, role: .dim, maxWidth: whole.width)
            return
        }
        let greedy = election.outcome(.greedy)
        let mes = election.outcome(.equalShares(.greedy))
        // Both methods count approvals, not ranks: say how the ballots were read.
        g.put(" " + Fr.Ranking.approvalRule(places: r.approvalPlaces, of: r.actions.count), x: whole.x, y: whole.y, role: .dim, maxWidth: whole.width)
        let a = Area(x: whole.x, y: whole.y + 1, width: whole.width, height: whole.height - 1)
        let half = a.width / 2
        func names(_ o: BudgetOutcome) -> [String] { o.selected.map { election.projects[$0].name } }
        g.put(" Glouton (voix) : \(greedy.totalCost.frenchRounded)", x: a.x, y: a.y, role: .accent, maxWidth: half)
        g.put(" Parts égales + glouton : \(mes.totalCost.frenchRounded)", x: a.x + half, y: a.y, role: .accent, maxWidth: a.width - half)
        for (i, n) in names(greedy).prefix(a.height / 2).enumerated() { g.put("  • " + n, x: a.x, y: a.y + 1 + i, maxWidth: half - 1) }
        for (i, n) in names(mes).prefix(a.height / 2).enumerated() { g.put("  • " + n, x: a.x + half, y: a.y + 1 + i, maxWidth: a.width - half) }
        guard let details = mes.equalShares else { return }
        var y = a.y + 2 + min(a.height / 2, max(greedy.selected.count, mes.selected.count))
        guard y < a.y + a.height else { return }
        g.put(" Qui a payé quoi (par votant, parts égales) :", x: a.x, y: y, role: .dim); y += 1
        for group in details.groups where y < a.y + a.height {
            let who = group.voters.map { st.members[election.voterIDs[$0]]?.name ?? "" }.joined(separator: ", ")
            let paid = zip(details.funded, group.paid).filter { !$0.1.isZero }.map { "\(election.projects[$0.0].name) \(frenchAmount($0.1))" }
            g.put("  " + CharWidth.truncate(who, to: 30) + " : " + (paid.isEmpty ? "rien" : paid.joined(separator: " ; ")), x: a.x, y: y, maxWidth: a.width - 1)
            y += 1
        }
    }

    /// An exact amount of cents, in the French way: `62 000,00 €` (rounded to the cent for display).
    static func frenchAmount(_ cents: Rational) -> String {
        let s = (cents / Rational(100)).decimal(2)
        let parts = s.split(separator: ",")
        var whole = String(parts[0])
        let negative = whole.hasPrefix("-")
        if negative { whole.removeFirst() }
        var grouped = ""
        for (i, ch) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { grouped.append("\u{202F}") }
            grouped.append(ch)
        }
        return (negative ? "-" : "") + grouped + "," + (parts.count > 1 ? String(parts[1]) : "00") + "\u{00A0}€"
    }

    /// The pairwise matrix; ↑ ↓ choose a fiche, and the rows and columns scroll to keep it in view.
    static func matrixView(_ r: ActionRanking, _ p: PreferenceProfile, _ g: inout Grid, _ a: Area, _ st: ProjectState, selection: Int) {
        let count = r.actions.count
        let n = min(count, max(1, (a.width - 24) / 5))
        let rows = max(1, min(count, a.height - 3))
        let sel = min(max(0, selection), count - 1)
        let col0 = scrollStart(selection: sel, count: count, rows: n)
        let row0 = scrollStart(selection: sel, count: count, rows: rows)
        let m = PairwiseMatrix(p)
        var hint = " Matrice des duels"
        if n < count || rows < count { hint += " (lignes \(row0 + 1)–\(row0 + rows), colonnes \(col0 + 1)–\(col0 + n) sur \(count), ↑ ↓)" }
        hint += " : la case (ligne, colonne) dit combien de membres préfèrent la fiche de la ligne."
        g.put(hint, x: a.x, y: a.y, role: .dim, maxWidth: a.width)
        var header = CharWidth.pad("", to: 24)
        for j in col0..<(col0 + n) { header += CharWidth.pad(String(j + 1), to: 5, right: true) }
        g.put(header, x: a.x, y: a.y + 1, role: .header)
        for (k, i) in (row0..<(row0 + rows)).enumerated() where a.y + 2 + k < a.y + a.height {
            let y = a.y + 2 + k
            var line = CharWidth.pad(CharWidth.truncate("\(i + 1). " + (st.actions[r.actions[i]]?.title ?? ""), to: 23), to: 24)
            for j in col0..<(col0 + n) { line += CharWidth.pad(i == j ? "·" : String(m[i, j]), to: 5, right: true) }
            g.put(line, x: a.x, y: y, role: i == sel ? .selected : .normal)
            for j in col0..<(col0 + n) where i != j && m[i, j] > m[j, i] { g.paint(x: a.x + 24 + (j - col0) * 5, y: y, width: 5, role: .ok) }
        }
    }

    /// The ranking alone, large and clean, for the wall.
    static func projectionView(_ r: ActionRanking, _ view: RankingView, _ g: inout Grid, _ a: Area, _ st: ProjectState) {
        g.fill(x: a.x, y: a.y, width: a.width, height: a.height, role: .normal)
        let title = "Classement des fiches actions"
        g.put(title, x: a.x + (a.width - CharWidth.of(title)) / 2, y: a.y + 1, role: .header)
        let selected = Set(view.cut?.selected.map { r.actions[$0] } ?? r.actions)
        let rows = min(view.order.count, max(1, (a.height - 4) / (a.height >= 2 * view.order.count + 4 ? 2 : 1)))
        let step = a.height >= 2 * view.order.count + 4 ? 2 : 1
        // Ranks are right-aligned so the titles start in one column from rank 10 up.
        let rankWidth = String(view.ranks.max() ?? 1).count + 1
        for (i, act) in view.order.prefix(rows).enumerated() {
            let line = CharWidth.pad("\(view.ranks[i]).", to: rankWidth, right: true) + "  " + (st.actions[act]?.title ?? act)
            let y = a.y + 3 + i * step
            g.put(CharWidth.truncate(line, to: a.width - 8), x: a.x + 4, y: y, role: selected.contains(act) ? .normal : .dim)
            if r.envelope != nil && !selected.contains(act) { g.put("hors enveloppe", x: a.x + a.width - 16, y: y, role: .dim) }
        }
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
