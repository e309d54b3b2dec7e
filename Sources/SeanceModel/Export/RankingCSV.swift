extension Export {
    /// An adopted ranking for a spreadsheet: `;`-separated, UTF-8, decimal comma, one row per
    /// fiche in rank order (ex aequo share a rank), with its cost, the cumulative cost and
    /// whether it is retained within the envelope.
    public static func rankingCSV(_ state: ProjectState, ranking id: String) throws(ExportError) -> ExportedFile {
        guard let r = state.rankings[id] else { throw .unknownRanking(id) }
        guard let a = r.adopted else { throw .rankingNotAdopted(id) }
        var w = CSVWriter()
        w.row(["rang", "identifiant", "titre", "axe", "porteur", "cout", "cout_cumule", "retenue", "methode", "seance", "date"])
        let meeting = state.meetings[r.meeting]
        let meetingName = meeting.flatMap { m in state.committees[m.committee].map { Fr.meetingName($0, m) } } ?? r.meeting
        var rank = 1
        var cumulative = Money.zero
        for tier in a.order {
            for action in tier {
                let sheet = state.actions[action]
                let cost = sheet?.cost ?? .zero
                cumulative += cost
                w.row([String(rank), action, ExportClean.line(sheet?.title ?? action), state.axisLabel(sheet?.axis),
                       ExportClean.line(sheet?.porteur ?? ""), CSVWriter.number(cost), CSVWriter.number(cumulative),
                       a.selected.contains(action) ? "oui" : "non", Fr.Ranking.methodName(a.method),
                       ExportClean.line(meetingName), a.date.journalValue])
            }
            rank += tier.count
        }
        return ExportedFile(text: w.text, fileName: "classement_\(id).csv", mediaType: "text/csv; charset=utf-8")
    }
}
