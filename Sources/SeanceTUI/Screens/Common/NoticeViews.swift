import SeanceModel

/// The screens that only say something: problems found in the journal, a journal that cannot be written.
extension App {
    static func problemsView(_ p: ProblemsState, _ g: inout Grid, _ a: Area) {
        var y = a.y + 1
        let errors = p.problems.filter { $0.severity == .error }.count
        g.put("Ce journal contient \(errors) ligne(s) illisible(s) ou refusée(s).", x: a.x + 1, y: y, role: .error); y += 1
        for l in wrap("Il est ouvert en LECTURE SEULE : rien n'est écrit ni réécrit. Corrigez ces lignes dans un éditeur de texte (après une copie de sauvegarde), ou signalez-les, puis rouvrez le journal. « seance check » donne la même liste.", width: a.width - 2) {
            g.put(l, x: a.x + 1, y: y); y += 1
        }
        y += 1
        let file = p.path.isEmpty ? "journal" : p.path
        for prob in p.problems.dropFirst(p.scroll) where y < a.y + a.height {
            let text = prob.located(in: file) + (prob.severity == .notice ? " (avertissement)" : "")
            for l in wrap(text, width: a.width - 2) where y < a.y + a.height {
                g.put(l, x: a.x + 1, y: y, role: prob.severity == .error ? .normal : .dim); y += 1
            }
        }
    }

    static func lockedView(_ l: LockedState, _ g: inout Grid, _ a: Area) {
        if let cause = l.cannotWrite {
            let lines = ["Ce journal ne peut pas être écrit :", l.path, "", "Cause : " + cause + ".", "",
                         "Rien n'y a été modifié. Vous pouvez l'ouvrir en lecture seule pour consulter",
                         "et exporter, puis F3 pour l'enregistrer ailleurs ; ou quitter ici, rendre le",
                         "fichier inscriptible (support en lecture seule, fichier protégé) et relancer.",
                         "", "o : ouvrir en lecture seule    q : quitter"]
            boxView(&g, a, title: "Journal non inscriptible", lines: lines, role: .warning)
            return
        }
        var lines = ["Ce journal est déjà ouvert en écriture par un autre seance :", l.path, ""]
        if let h = l.holder {
            lines += ["processus \(h.pid) sur la machine « \(h.host) »", Fr.lockedSince(h.since)]
        } else {
            lines += ["(le verrou ne dit pas qui le tient)"]
        }
        lines += ["", "Un seul programme à la fois peut écrire dans un journal, pour ne rien perdre.",
                  "Vous pouvez l'ouvrir en lecture seule pour consulter, ou quitter ici et",
                  "fermer l'autre fenêtre.", "", "o : ouvrir en lecture seule    q : quitter"]
        boxView(&g, a, title: "Journal déjà ouvert", lines: lines, role: .warning)
    }
}
