/// The event kinds this version knows (docs/journal-format.md). The fold switches on these
/// cases; the parser finds a line's kind from its bytes, without making a String.
public enum EventKind: String, CaseIterable, Sendable {
    case projectSet = "project.set"
    case axisAdd = "axis.add", axisEdit = "axis.edit", axisRetire = "axis.retire"
    case committeeCreate = "committee.create", committeeEdit = "committee.edit", committeeRetire = "committee.retire"
    case memberAdd = "member.add", memberEdit = "member.edit", memberRetire = "member.retire"
    case seanceCreate = "seance.create", seanceEdit = "seance.edit", seanceOpen = "seance.open"
    case seanceClose = "seance.close", seanceReopen = "seance.reopen", seanceCancel = "seance.cancel"
    case seanceUnopen = "seance.unopen", seancePostpone = "seance.postpone", seanceConvoke = "seance.convoke"
    case agendaAdd = "agenda.add", agendaEdit = "agenda.edit", agendaMove = "agenda.move"
    case agendaRemove = "agenda.remove", agendaStart = "agenda.start"
    case attendanceSet = "attendance.set", attendanceWithdraw = "attendance.withdraw", guestAdd = "guest.add"
    case noteAdd = "note.add", noteCorrect = "note.correct", noteDelete = "note.delete"
    case decisionRecord = "decision.record", decisionCorrect = "decision.correct"
    case followupAdd = "followup.add", followupDone = "followup.done", followupEdit = "followup.edit"
    case followupReopen = "followup.reopen"
    case actionCreate = "action.create", actionEdit = "action.edit"
    case actionFinancing = "action.financing", actionProgress = "action.progress"
    case rankingOpen = "ranking.open", rankingMethod = "ranking.method", rankingOrder = "ranking.order"
    case rankingCriterion = "ranking.criterion", rankingScore = "ranking.score", rankingBallot = "ranking.ballot"
    case rankingEnvelope = "ranking.envelope", rankingAdopt = "ranking.adopt"

    /// The known kind written in `bytes`, or nil for a kind of a newer version.
    static func find(_ bytes: UnsafeBufferPointer<UInt8>) -> EventKind? {
        var i = slot(bytes)
        while true {
            let k = Int(table[i])
            if k < 0 { return nil }
            // Compared with the spellings as bytes: a case's `rawValue` is made at each call.
            if spelled[k].count == bytes.count,
               spelled[k].withUnsafeBufferPointer({ RawText.same($0.baseAddress!, bytes.baseAddress!, bytes.count) }) {
                return cases[k]
            }
            i = (i + 1) & (table.count - 1)
        }
    }

    private static let cases = allCases
    private static let spelled: [[UInt8]] = cases.map { Array($0.rawValue.utf8) }

    /// Open addressing over the case indices, a quarter full; -1 is an empty slot.
    private static let table: [Int8] = {
        var t = [Int8](repeating: -1, count: 256)
        for (k, name) in spelled.enumerated() {
            var i = name.withUnsafeBufferPointer { slot($0) }
            while t[i] >= 0 { i = (i + 1) & (t.count - 1) }
            t[i] = Int8(k)
        }
        return t
    }()

    /// The home slot of a spelling in `table` (256 slots: the hash's top eight bits).
    @inline(__always) private static func slot(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        Int(truncatingIfNeeded: RawText.hash(b) >> 56)
    }
}
