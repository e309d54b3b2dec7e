#if canImport(Glibc)
import Glibc
#endif

/// The event kinds this version knows (docs/journal-format.md). The fold switches on these
/// cases; the parser finds a line's kind from its bytes, without making a String.
enum EventKind: String, CaseIterable, Sendable {
    case projectSet = "project.set"
    case axisAdd = "axis.add", axisEdit = "axis.edit", axisRetire = "axis.retire"
    case committeeCreate = "committee.create", committeeEdit = "committee.edit", committeeRetire = "committee.retire"
    case memberAdd = "member.add", memberEdit = "member.edit", memberRetire = "member.retire"
    case seanceCreate = "seance.create", seanceEdit = "seance.edit", seanceOpen = "seance.open"
    case seanceClose = "seance.close", seanceReopen = "seance.reopen", seanceCancel = "seance.cancel"
    case agendaAdd = "agenda.add", agendaEdit = "agenda.edit", agendaMove = "agenda.move"
    case agendaRemove = "agenda.remove", agendaStart = "agenda.start"
    case attendanceSet = "attendance.set", guestAdd = "guest.add"
    case noteAdd = "note.add", noteCorrect = "note.correct", noteDelete = "note.delete"
    case decisionRecord = "decision.record", decisionCorrect = "decision.correct"
    case followupAdd = "followup.add", followupDone = "followup.done", followupEdit = "followup.edit"
    case actionCreate = "action.create", actionEdit = "action.edit"
    case actionFinancing = "action.financing", actionProgress = "action.progress"
    case rankingOpen = "ranking.open", rankingMethod = "ranking.method", rankingOrder = "ranking.order"
    case rankingCriterion = "ranking.criterion", rankingScore = "ranking.score", rankingBallot = "ranking.ballot"
    case rankingEnvelope = "ranking.envelope", rankingAdopt = "ranking.adopt"

    /// The known kind written in `bytes`, or nil for a kind of a newer version.
    static func find(_ bytes: UnsafeBufferPointer<UInt8>) -> EventKind? {
        let mask = table.count - 1
        var i = Int(hash(bytes)) & mask
        while true {
            let k = table[i]
            if k < 0 { return nil }
            let name = spelled[Int(k)]
            if name.count == bytes.count, name.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
                return allCases[Int(k)]
            }
            i = (i + 1) & mask
        }
    }

    private static let spelled: [[UInt8]] = allCases.map { Array($0.rawValue.utf8) }

    /// Open addressing over the case indices, a quarter full; -1 is an empty slot.
    private static let table: [Int8] = {
        var t = [Int8](repeating: -1, count: 256)
        for (k, name) in spelled.enumerated() {
            var i = name.withUnsafeBufferPointer { Int(hash($0)) } & (t.count - 1)
            while t[i] >= 0 { i = (i + 1) & (t.count - 1) }
            t[i] = Int8(k)
        }
        return t
    }()

    @inline(__always) private static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for c in b { h = (h ^ UInt32(c)) &* 16_777_619 }
        return h ^ (h >> 16)
    }
}
