// Equal Shares with add1 on a real city's budget, against pabutools run on the same file.
import Foundation
import SeanceModel
import ChildProcess

/// The repository, from this file's place in it (for Scripts/pabutools_mes.py).
let benchRepositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// Wieliczka 2023 from a git copy of pabutools (PABUTOOLS_GIT, read with `git show`), or else a
/// small generated election so that the measure still runs (CI).
func equalSharesElection() -> (name: String, text: String) {
    if let git = ProcessInfo.processInfo.environment["PABUTOOLS_GIT"], !git.isEmpty {
        let r = runChild(["git", "--git-dir=" + git, "show", "HEAD:analysis/poland_wieliczka_2023.pb"])
        if r.code == 0 { return ("Wieliczka 2023 (pabutools, analysis/poland_wieliczka_2023.pb)", r.out) }
        say("        PABUTOOLS_GIT=\(git) : lecture impossible (\(r.err.trimmingCharacters(in: .whitespacesAndNewlines))), élection générée à la place")
    }
    // 40 projects, 800 voters each approving 1 to 6 of them, a budget for about a third.
    var seed: UInt64 = 17
    func next(_ n: Int) -> Int {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Int((seed >> 33) % UInt64(n))
    }
    let projects = (0..<40).map { BudgetProject(id: String($0 + 1), cost: Money(euros: Int64(5 + next(60)) * 1000)) }
    let approvals = (0..<800).map { _ in Array(Set((0...next(6)).map { _ in min(next(40), next(40)) })).sorted() }
    let e = ApprovalElection(budget: Money(euros: 400_000), projects: projects, voterIDs: (0..<800).map { String($0 + 1) },
                             approvals: approvals, meta: [MetaField("vote_type", "approval")])
    return ("élection générée (40 projets, 800 votants ; PABUTOOLS_GIT pour Wieliczka)", PabulibFormat.export(e))
}

func equalSharesMeasure() {
    let (name, text) = equalSharesElection()
    let e = try! PabulibFormat.parse(text)
    let rule = BudgetRule.equalShares(.add1(increment: EqualSharesCompletion.defaultIncrement))
    var outcome: BudgetOutcome?
    let times = (0..<5).map { _ in seconds { outcome = e.outcome(rule) } }
    let ours = percentile(times, 0.5)
    let ids = outcome!.selected.map { e.projects[$0].id }
    say("\n[parts égales] \(name) : \(e.projects.count) projets, \(e.voterIDs.count) votants, add1")
    say("        seance : \(ms(ours)) (médiane de 5, lecture du fichier exclue) ; \(ids.count) projets, \(outcome!.equalShares!.raises) relèvements")
    guard let python = ProcessInfo.processInfo.environment["PABUTOOLS_PYTHON"], !python.isEmpty else {
        say("        base : pabutools non mesuré (PABUTOOLS_PYTHON absent ; Scripts/bench-equal-shares.sh le prépare)")
        return
    }
    let file = dir + "/equal-shares.pb"
    try! text.write(toFile: file, atomically: true, encoding: .utf8)
    let r = runChild([python, benchRepositoryRoot + "/Scripts/pabutools_mes.py", file])
    let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard r.code == 0, lines.count >= 3, let theirs = Double(lines[1]) else {
        say("        base : pabutools a échoué (\(r.err.split(separator: "\n").last ?? "")) : échec")
        return
    }
    let same = lines[0].split(separator: " ").map(String.init) == ids
    say("        base : pabutools \(lines[2]) (Python), même calcul : \(ms(theirs)) ; rapport pabutools / seance \(String(format: "%.0f", theirs / ours))×")
    say("        même résultat que pabutools : \(same ? "oui" : "NON, échec")")
}
