import ArgumentParser
import SeanceModel

/// `seance check PATH`: replay a journal, print a summary and every problem as FILE:LINE: reason.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Vérifie un journal : le relit en entier et signale chaque problème (FICHIER:LIGNE: raison).",
        discussion: "Code de sortie : 0 journal valide, 1 problèmes trouvés, 2 journal illisible."
    )

    @Argument(help: "Le journal à vérifier.")
    var path: String

    func run() throws {
        let (state, parsed, foldProblems) = try loadJournal(path)
        var problems = (parsed.problems + foldProblems).sorted { $0.line < $1.line }
        if let v = parsed.version, v > JournalParser.version {
            problems.insert(Problem(line: 1, .error, Fr.Problem.newerVersion(v)), at: 0)
        }
        if let t = parsed.tornTail {
            problems.append(Problem(line: t.line, .error, "\(t.reason) : \(t.bytes.count) octet(s) que seance mettra de côté à la prochaine ouverture"))
        }
        let errors = problems.filter { $0.severity == .error }
        print("Journal : " + Terminal.safe(path))
        print("  événements : \(parsed.eventCount) sur \(parsed.lineCount) ligne(s)")
        if let p = state.project { print("  projet : \(Terminal.safe(p.name))") }
        print("  axes : \(state.activeAxes.count)   comités : \(state.activeCommittees.count)   membres : \(state.members.values.filter { !$0.retired && $0.guestOf == nil }.count)"
              + "   personnes : \(state.persons.count)")
        print("  séances : \(state.meetings.count)   décisions : \(state.decisions.count)   suites à donner ouvertes : \(state.openFollowUps.count)")
        print("  fiches actions : \(state.actions.count)")
        for p in problems {
            print(Terminal.safe(p.located(in: path)) + (p.severity == .notice ? " (avertissement)" : ""))
        }
        // What the fold accepts but the rules forbid (two pouvoirs held by one member…).
        let warnings = state.proxyWarnings()
        for w in warnings { print(Terminal.safe(w) + " (avertissement)") }
        if errors.isEmpty {
            let notices = problems.count + warnings.count
            print(notices == 0 ? "Aucun problème." : "Journal valide (\(notices) avertissement(s)).")
        } else {
            print("\(errors.count) problème(s).")
        }
        finish(errors.isEmpty ? 0 : 1, keeping: state)
    }
}

/// `seance list PATH`: one line per séance.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Liste les séances d'un journal : identifiant, date, comité, titre."
    )

    @Argument(help: "Le journal à lire.")
    var path: String

    func run() throws {
        let (state, _, _) = try loadJournal(path)
        let meetings = state.chronological(state.meetingOrder.compactMap { state.meetings[$0] })
        for m in meetings {
            let c = state.committees[m.committee]
            let name = c.map { Fr.meetingName($0, m) } ?? m.committee
            let time = m.time.map { " " + $0.journalValue } ?? ""
            let fields = [m.id, m.date.journalValue + time, name, m.title, Fr.meetingState(m.state)]
            print(fields.map(Terminal.safe).joined(separator: "\t"))
        }
        finish(0, keeping: state)
    }
}
