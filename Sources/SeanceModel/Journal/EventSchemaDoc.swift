/// The tables of `docs/journal-format.md` (« Entities and event kinds »), written from the schema:
/// a test keeps the document equal to this text, so the document cannot drift from the code.
extension EventSchema {
    static let groups: [(title: String, kinds: [EventKind])] = [
        ("Project (entity `project`, one per journal)", [.projectSet]),
        ("Axes", [.axisAdd, .axisEdit, .axisRetire]),
        ("Committees", [.committeeCreate, .committeeEdit, .committeeRetire]),
        ("Members", [.memberAdd, .memberEdit, .memberRetire]),
        ("Séances", [.seanceCreate, .seanceEdit, .seanceOpen, .seanceClose, .seanceReopen, .seanceCancel, .seanceUnopen, .seancePostpone, .seanceConvoke]),
        ("Agenda items", [.agendaAdd, .agendaEdit, .agendaMove, .agendaRemove, .agendaStart]),
        ("Attendance and guests", [.attendanceSet, .attendanceWithdraw, .guestAdd]),
        ("Notes", [.noteAdd, .noteCorrect, .noteDelete]),
        ("Decisions", [.decisionRecord, .decisionCorrect]),
        ("Follow-ups", [.followupAdd, .followupDone, .followupEdit, .followupReopen]),
        ("Fiches actions", [.actionCreate, .actionEdit, .actionFinancing, .actionProgress]),
        ("Rankings of fiches actions", [.rankingOpen, .rankingMethod, .rankingOrder, .rankingCriterion, .rankingScore,
                                        .rankingBallot, .rankingEnvelope, .rankingAdopt]),
    ]

    public static let documentationBegin = "<!-- Generated from EventSchema (Sources/SeanceModel/Journal/EventSchema.swift): edit the schema, not this block. -->"
    public static let documentationEnd = "<!-- End of the generated block. -->"

    /// The Markdown block, markers included.
    public static func documentation() -> String {
        var out = documentationBegin + "\n"
        for (title, kinds) in groups {
            out += "\n### \(title)\n\n| kind | entity | fields |\n|---|---|---|\n"
            for k in kinds {
                let s = k.schema
                let fields = s.fields.isEmpty ? "—" : s.fields.map(describe).joined(separator: ", ")
                out += "| `\(k.rawValue)` | \(s.entity) | \(fields) |\n"
            }
        }
        return out + "\n" + documentationEnd + "\n"
    }

    private static func describe(_ f: FieldSpec) -> String {
        var notes: [String] = []
        switch f.type {
        case .text: break
        case .money: notes.append("money")
        case .date: notes.append("date")
        case .time: notes.append("time")
        case .timeZone: notes.append("time zone")
        case .boolean: notes.append("boolean")
        case .integer(let r): notes.append("integer \(r.lowerBound)–\(r.upperBound)")
        case .reference(let what): notes.append("reference: \(what)")
        case .references(let what): notes.append("list of references: \(what)")
        case .memberOrText: notes.append("member reference or free text")
        case .choice(let values): notes.append(values.map { "`\($0)`" }.joined(separator: ", "))
        case .fraction: notes.append("exact number: `7`, `2.5` or `3/10`")
        case .tiers: notes.append("fiches in order: `=` between equals, `,` between ranks")
        case .quorum: break
        }
        if !f.doc.isEmpty { notes.append(f.doc) }
        return "`\(f.key.rawValue)`" + (f.required ? " **R**" : "") + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")")
    }
}
