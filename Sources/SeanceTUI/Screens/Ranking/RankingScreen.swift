import Foundation
import SeanceModel

/// The hiérarchisation screen: the candidate fiches ranked live by one of four ways, the
/// envelope's cut line, and adoption as a decision of the séance.
public struct RankingState: Equatable, Sendable {
    public enum Mode: Int, Equatable, Sendable, CaseIterable { case manual, criteria, ballots, budget }
    public var ranking: String
    public var mode: Mode = .manual
    public var list = ListState()
    /// The criterion column chosen in the criteria grid.
    public var criterion = 0
    /// The voting member chosen in the ballots mode.
    public var member = 0
    public var showMatrix = false
    /// The fiche the selection follows after a change re-ranked the table (a score typed).
    public var follow: String?
    public var projection = false
    /// The score being typed in the chosen cell of the criteria grid.
    public var cell: String?
    /// The row order held while scores are typed: the list does not re-sort under the cursor; it
    /// re-ranks on r or when she leaves the grid.
    public var frozen: [String]?
    /// The member whose ballot form is open, and her ballot before it: once it changed, the
    /// selection passes to the next member.
    public var ballotPending: BallotPending?
    public struct BallotPending: Equatable, Sendable { var member: String; var before: [[String]]? }
    /// The ranking last computed for this screen.
    var memo = RankingMemo()
    public init(ranking: String) { self.ranking = ranking }
}

/// The last ranking this screen computed, kept while its inputs do not change: moving the
/// selection, scrolling or a redraw of the clock does not rank again. It belongs to the screen's
/// state (each ranking screen has its own) and is keyed by everything the ranking reads — the
/// ranking itself and its fiches' titles and costs — so no other state can be mistaken for it.
final class RankingMemo: @unchecked Sendable, Equatable {
    private struct Key: Equatable {
        var ranking: ActionRanking
        var titles: [String]
        var costs: [Money]
    }
    private let lock = NSLock()
    private var last: (key: Key, view: RankingView)?

    /// A cache is not part of what the screen is: two states that differ only by it are equal.
    static func == (a: RankingMemo, b: RankingMemo) -> Bool { true }

    func view(_ r: ActionRanking, _ st: ProjectState) -> RankingView {
        let key = Key(ranking: r, titles: r.actions.map { st.actions[$0]?.title ?? $0 }, costs: r.actions.map { st.actions[$0]?.cost ?? .zero })
        lock.lock()
        if let l = last, l.key == key { lock.unlock(); return l.view }
        lock.unlock()
        let v = RankingView(compute: r, st)
        lock.lock(); last = (key, v); lock.unlock()
        return v
    }
}

/// What the screen shows, computed from the ranking's inputs.
struct RankingView {
    var result: RankingResult
    /// Action ids, best first.
    var order: [String]
    var ranks: [Int]
    var cut: EnvelopeCut?
    var costs: [Money]
    /// Per action id: its number in the ranking's list (0-based). With the running totals in
    /// rank order and the set retained within the envelope, computed once per change, not per
    /// keystroke (a COPIL may rank hundreds of fiches).
    var listIndex: [String: Int]
    /// Running total of the fiches that fit the envelope (nil on a row that does not fit).
    var cumulative: [Money?]
    var selectedIDs: Set<String>

    init(compute r: ActionRanking, _ st: ProjectState) {
        result = st.computeRanking(r)
        order = result.order.map { r.actions[$0] }
        var rk: [Int] = []
        for (tier, rank) in zip(result.tiers, result.tierRanks) { rk += Array(repeating: rank, count: tier.count) }
        ranks = rk
        let result = result, costs = r.actions.map { st.actions[$0]?.cost ?? .zero }
        self.costs = costs
        let cut = r.envelope.map { EnvelopeCut(order: result.order, costs: costs, envelope: $0) }
        self.cut = cut
        listIndex = Dictionary(r.actions.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var running = Money.zero
        cumulative = result.order.enumerated().map { pos, a in
            guard cut?.funded[pos] ?? true else { return nil }
            running += costs[a]
            return running
        }
        selectedIDs = Set(cut?.selected.map { r.actions[$0] } ?? [])
    }

    /// Actions retained within the envelope, in rank order (all when there is no envelope).
    func selected(_ r: ActionRanking) -> [String] {
        guard let cut else { return order }
        return cut.selected.map { r.actions[$0] }
    }
}

extension App {
    static func rankingModeName(_ m: RankingState.Mode) -> String {
        switch m {
        case .manual: "Manuel"
        case .criteria: "Critères pondérés"
        case .ballots: "Bulletins des membres"
        case .budget: "Budget"
        }
    }

    /// Whether digits type a score (the criteria grid, which is a spreadsheet) rather than choose
    /// a mode: then Tab changes mode, and the key bar and the mode line say so.
    static func digitsAreScores(_ rs: RankingState, _ ctx: Context) -> Bool {
        rs.mode == .criteria && !rs.showMatrix && !rs.projection && ctx.journal?.writable == true
            && ctx.domain.rankings[rs.ranking]?.adopted == nil
    }

    /// The ranking's keys for the bar: in the criteria grid, digits are scores, so Tab (not 1–4)
    /// changes mode.
    static func rankingKeysNeeded(_ rs: RankingState, _ ctx: Context) -> [Command] {
        let modes: [Command] = digitsAreScores(rs, ctx) ? [.nextMode] : [.modeManual, .modeCriteria, .modeBallots, .modeBudget]
        return modes + [.envelope, .projection, .adopt, .back]
    }

    /// The chosen member's row: once the ballot whose form was opened has changed, the next member.
    static func ballotRow(_ rs: RankingState, _ r: ActionRanking, count: Int) -> Int {
        guard let p = rs.ballotPending, r.ballots[p.member] != p.before else { return rs.list.selection }
        return min(rs.list.selection + 1, max(0, count - 1))
    }

    /// Opens the ranking of a séance, creating it (with the fiches still in play) on first use.
    static func openRanking(_ s: inout Next, meeting: String, item: String?, _ ctx: Context) -> [Effect] {
        if let existing = ctx.domain.rankings(of: meeting).last(where: { $0.adopted == nil }) ?? ctx.domain.rankings(of: meeting).last {
            var rs = RankingState(ranking: existing.id)
            rs.mode = existing.method == .manual ? .manual : existing.method == .weighted ? .criteria : .ballots
            s.push(.ranking(rs))
            return []
        }
        guard requireWritable(&s, ctx) else { return [] }
        let clock = ctx.domain.proposedTime(meeting, at: ctx.now)
        let result = Commands.openRanking(ctx.domain, meeting: meeting, item: item, at: clock, opening: .explicit, makeID: ctx.makeID)
        if case .failure(let r) = result, r.code == .notOpened {
            // Opening the ranking never opens the séance by itself.
            s.push(.form(.openMeeting(meeting, proposed: clock, line: nil)))
            s.status = StatusLine(text: "Ouvrez d'abord la séance, puis reprenez la hiérarchisation.", role: .dim)
            return []
        }
        if case .success(let drafts) = result, let id = drafts.first(where: { $0.eventKind == .rankingOpen })?.entity {
            s.push(.ranking(RankingState(ranking: id)))
        }
        return commit(&s, result)
    }

    static func rankingScreen(_ rs: RankingState, _ cmd: Command, _ ctx: Context) -> Transition<RankingState> {
        // Tab: the next mode, as its digit would (in the criteria grid digits type scores).
        if cmd == .nextMode, rs.cell == nil {
            let modes: [Command] = [.modeManual, .modeCriteria, .modeBallots, .modeBudget]
            return rankingScreen(rs, modes[(rs.mode.rawValue + 1) % modes.count], ctx)
        }
        return Transition(rs) { s, rs in
            let st = ctx.domain
            guard let r = st.rankings[rs.ranking] else {
                if cmd == .back { s.pop() }
                return []
            }
            // The ranking is computed only for the keys that need it (not for a move of the selection).
            var computed: RankingView?
            func currentView() -> RankingView {
                if let v = computed { return v }
                let v = rs.memo.view(r, st)
                computed = v
                return v
            }
            if let f = rs.follow, let i = (rs.frozen ?? currentView().order).firstIndex(of: f) { rs.list.selection = i }
            rs.follow = nil
            let voters = st.meetings[r.meeting].map { st.votingMembers(of: $0.committee) } ?? []
            rs.list.selection = ballotRow(rs, r, count: voters.count)
            rs.ballotPending = nil
            let adopted = r.adopted != nil
            // The rows as shown: held while scoring.
            func rows() -> [String] { rs.frozen ?? currentView().order }
            func unfreeze() {
                if rs.frozen != nil, rs.list.selection < rows().count { rs.follow = rows()[rs.list.selection] }
                rs.frozen = nil
            }
            var effects: [Effect] = []
            // A score typed in its cell is written when she moves or presses Entrée; Échap drops it.
            if let typed = rs.cell {
                if cmd == .back { rs.cell = nil; return [] }
                guard [.up, .down, .pageUp, .pageDown, .first, .last, .previousChoice, .nextChoice, .edit, .rerank].contains(cmd) else {
                    s.status = StatusLine(text: "Note en cours de saisie : Entrée ou une flèche l'enregistre, Échap l'abandonne.", role: .dim)
                    return []
                }
                guard let score = Rational(text: typed) else {
                    s.status = StatusLine(text: "Note illisible « \(typed) » : un nombre, ex. 7 ou 7,5.", role: .warning)
                    return []
                }
                rs.cell = nil
                let order = rows()
                guard requireWritable(&s, ctx), rs.list.selection < order.count, rs.criterion < r.criteria.count else { return [] }
                if rs.frozen == nil { rs.frozen = order }
                effects = commit(&s, Commands.setScore(st, ranking: r.id, action: order[rs.list.selection], criterion: r.criteria[rs.criterion].id, score))
                if cmd == .edit { move(&rs.list, .down, count: order.count); return effects }
            }
            func method(_ m: RankingMethod) -> [Effect] {
                guard !adopted, r.method != m else { return [] }
                return commit(&s, Commands.setRankingMethod(st, ranking: r.id, m))
            }
            switch cmd {
            case .back:
                if rs.projection { rs.projection = false } else if rs.showMatrix { rs.showMatrix = false } else { s.pop() }
            case .rerank:
                unfreeze()

            case .up, .down, .pageUp, .pageDown, .first, .last:
                if rs.mode == .ballots && !rs.showMatrix { move(&rs.list, cmd, count: voters.count) }
                else { move(&rs.list, cmd, count: r.actions.count) }
                return effects
            case .modeManual:
                rs.frozen = nil
                rs.mode = .manual; rs.list = ListState()
                return method(.manual)
            case .modeCriteria:
                rs.frozen = nil
                rs.mode = .criteria; rs.list = ListState()
                return method(.weighted)
            case .modeBallots:
                rs.frozen = nil
                rs.mode = .ballots; rs.list = ListState()
                return RankingMethod.ballotMethods.contains(r.method) ? [] : method(.schulze)
            case .modeBudget:
                rs.frozen = nil
                rs.mode = .budget; rs.list = ListState()
            case .nextMethod:
                guard rs.mode == .ballots else { break }
                let methods = RankingMethod.ballotMethods
                let i = methods.firstIndex(of: r.method) ?? -1
                return method(methods[(i + 1) % methods.count])
            case .previousChoice, .nextChoice:
                rs.criterion = max(0, min(r.criteria.count - 1, rs.criterion + (cmd == .nextChoice ? 1 : -1)))
                return effects
            case .moveUp, .moveDown:
                guard !adopted, rs.mode == .manual, rs.list.selection < r.actions.count, requireWritable(&s, ctx) else { break }
                var order = r.manualOrder
                let target = rs.list.selection + (cmd == .moveUp ? -1 : 1)
                guard order.indices.contains(target) else { break }
                order.swapAt(rs.list.selection, target)
                rs.list.selection = target
                return commit(&s, Commands.setManualOrder(st, ranking: r.id, order))
            case .edit:
                guard !adopted, requireWritable(&s, ctx) else { break }
                if rs.mode == .criteria, rs.list.selection < r.actions.count, rs.criterion < r.criteria.count {
                    let action = rows()[rs.list.selection]
                    if rs.frozen == nil { rs.frozen = rows() }
                    s.push(.form(.score(ranking: r.id, action: action, title: st.actions[action]?.title ?? action,
                                        criterion: r.criteria[rs.criterion], current: r.scores[action]?[r.criteria[rs.criterion].id])))
                } else if rs.mode == .ballots, rs.list.selection < voters.count {
                    let member = voters[rs.list.selection]
                    rs.ballotPending = RankingState.BallotPending(member: member.id, before: r.ballots[member.id])
                    let current = r.ballots[member.id].map { tiers in
                        tiers.map { $0.compactMap { a in r.actions.firstIndex(of: a).map { String($0 + 1) } }.joined(separator: "=") }.joined(separator: " ")
                    } ?? ""
                    s.push(.form(.ballot(ranking: r.id, member: member, current: current)))
                }
            case .weights:
                guard !adopted, requireWritable(&s, ctx) else { break }
                s.push(.form(.weights(ranking: r.id, criteria: r.criteria)))
            case .envelope:
                guard !adopted, requireWritable(&s, ctx) else { break }
                s.push(.form(.envelope(ranking: r.id, current: r.envelope)))
            case .matrix:
                rs.showMatrix.toggle()
                rs.list = ListState()
            case .projection:
                rs.projection.toggle()
            case .exportFiles:
                return [.exportRankingInputs(ranking: r.id)]
            case .add:
                guard requireWritable(&s, ctx) else { break }
                guard adopted else {
                    s.status = StatusLine(text: "Ce classement n'est pas encore adopté : continuez-le, ou adoptez-le avant d'en reprendre un nouveau.", role: .dim)
                    break
                }
                let result = Commands.rankAgain(st, after: r.id, preset: WeightedGrid.sustainableDevelopment, makeID: ctx.makeID)
                if case .success(let drafts) = result, let id = drafts.first?.entity {
                    rs = RankingState(ranking: id)
                    rs.mode = .criteria
                }
                return commit(&s, result)
            case .adopt:
                guard !adopted, requireWritable(&s, ctx) else {
                    if adopted { s.status = StatusLine(text: "Ce classement est déjà adopté.", role: .dim) }
                    break
                }
                // In the budget view the committee adopts the Equal Shares selection; elsewhere the
                // envelope is filled down the ranking.
                let funding: Commands.Funding = rs.mode == .budget ? .equalShares : .greedy
                let adoption: Commands.RankingAdoption
                switch Commands.rankingAdoption(st, ranking: r.id, funding: funding) {
                case .failure(let refusal): s.status = StatusLine(text: refusal.message, role: .warning); return []
                case .success(let a): adoption = a
                }
                let how = r.envelope == nil ? "sans enveloppe" : funding == .equalShares ? "parts égales" : "dans l'ordre du classement"
                let count = Fr.Ranking.retainedCount(adoption.selected.count)
                let retained = count.prefix(1).uppercased() + count.dropFirst()
                let result = Commands.adoptRanking(st, ranking: r.id, adoption, quorum: .required, makeID: ctx.makeID)
                if case .failure(let refusal) = result, refusal.code == .quorumNotMet {
                    // The rule first, then the exception the secretary confirms, as for a vote.
                    confirm(&s, refusal.message + " Adopter quand même, sans quorum ? La décision le dira.",
                            Commands.adoptRanking(st, ranking: r.id, adoption, quorum: .waived, makeID: ctx.makeID))
                } else {
                    confirm(&s, "Adopter ce classement (\(Fr.Ranking.methodName(r.method))) ? \(retained) (\(how)). Il sera enregistré comme décision de la séance ; chaque fiche sera notée retenue ou non retenue.",
                            result)
                }
            default: break
            }
            return []
        }
    }
}

extension FormState {
    static func score(ranking: String, action: String, title: String, criterion: Criterion, current: Rational?) -> FormState {
        FormState(title: "Note : \(title)", purpose: .score(ranking: ranking, action: action, criterion: criterion.id), fields: [
            FormField(text: "score", criterion.name, current.map { $0.description } ?? "", required: true, hint: "un nombre, ex. 7 ou 7,5 ou 15/2"),
        ])
    }

    static func weights(ranking: String, criteria: [Criterion]) -> FormState {
        FormState(title: "Pondération des critères", purpose: .weights(ranking: ranking), fields: criteria.map { c in
            FormField(text: "w:" + c.id, c.name, c.weight.description, hint: "ex. 3/10, 0,3 ou 30 % ; vide : retiré")
        } + [FormField(text: "new", "Nouveau critère", "", hint: "nom=poids, ex. urgence=1/5")])
    }

    static func envelope(ranking: String, current: Money?) -> FormState {
        FormState(title: "Enveloppe budgétaire", purpose: .envelope(ranking: ranking), fields: [
            FormField(text: "amount", "Enveloppe", current.map { plainMoney($0) } ?? "", hint: "en euros, ex. 1 250 000 ; vide : pas d'enveloppe"),
        ])
    }

    static func ballot(ranking: String, member: Member, current: String) -> FormState {
        FormState(title: "Bulletin de \(member.name)", purpose: .ballot(ranking: ranking, member: member.id), fields: [
            FormField(text: "order", "Ordre", current, hint: "n° du premier au dernier : « 3 1 2=5 » (= : ex aequo)"),
        ])
    }

    /// Events for the ranking forms; nil for the other forms.
    func rankingDrafts(_ ctx: Context) -> Result<[EventDraft], Refusal>? {
        switch purpose {
        case .score(let ranking, let action, let criterion):
            let v = fields[0].value
            guard let score = Rational(text: v) else { return .failure(Refusal("Note illisible « \(v) » : un nombre, ex. 7 ou 7,5.")) }
            return Commands.setScore(ctx.domain, ranking: ranking, action: action, criterion: criterion, score)
        case .weights(let ranking):
            var out: [EventDraft] = []
            for f in fields where f.key.hasPrefix("w:") && f.value != f.original {
                let cid = String(f.key.dropFirst(2))
                if f.value.isEmpty {
                    switch Commands.setCriterion(ctx.domain, ranking: ranking, criterion: cid, name: nil, weight: nil) {
                    case .success(let d): out += d
                    case .failure(let r): return .failure(r)
                    }
                    continue
                }
                guard let w = Rational(text: f.value), w >= Rational(0) else { return .failure(Refusal("Poids illisible pour « \(f.label) » : ex. 3/10, 0,3 ou 30 %.")) }
                switch Commands.setCriterion(ctx.domain, ranking: ranking, criterion: cid, name: nil, weight: w) {
                case .success(let d): out += d
                case .failure(let r): return .failure(r)
                }
            }
            let new = fields.last!.value
            if !new.isEmpty {
                let parts = new.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
                guard parts.count == 2, !parts[0].isEmpty, let w = Rational(text: parts[1]) else {
                    return .failure(Refusal("Nouveau critère : écrivez nom=poids, ex. urgence=1/5."))
                }
                let cid = Folding.fold(parts[0]).filter { $0.isLetter || $0.isNumber }
                switch Commands.setCriterion(ctx.domain, ranking: ranking, criterion: cid.isEmpty ? ctx.makeID("crit") : cid, name: parts[0], weight: w) {
                case .success(let d): out += d
                case .failure(let r): return .failure(r)
                }
            }
            return .success(out)
        case .envelope(let ranking):
            let v = fields[0].value
            if v.isEmpty { return Commands.setEnvelope(ctx.domain, ranking: ranking, nil) }
            guard let m = Money(userInput: v) else { return .failure(Refusal("Montant illisible : écrivez par exemple 1 250 000.")) }
            return Commands.setEnvelope(ctx.domain, ranking: ranking, m)
        case .ballot(let ranking, let member):
            guard let r = ctx.domain.rankings[ranking] else { return .success([]) }
            var tiers: [[String]] = []
            var seen = Set<Int>()
            for group in fields[0].value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }) {
                var tier: [String] = []
                for n in group.split(separator: "=") {
                    guard let i = Int(n), i >= 1, i <= r.actions.count else {
                        return .failure(Refusal("« \(n) » n'est pas un n° du tableau (1 à \(r.actions.count)).")) }
                    guard seen.insert(i).inserted else { return .failure(Refusal("Le n° \(i) apparaît deux fois.")) }
                    tier.append(r.actions[i - 1])
                }
                if !tier.isEmpty { tiers.append(tier) }
            }
            return Commands.setBallot(ctx.domain, ranking: ranking, member: member, tiers, requirePresence: true)
        default:
            return nil
        }
    }
}
