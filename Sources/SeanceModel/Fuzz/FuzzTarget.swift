#if canImport(Glibc)
import Glibc
#endif
/// What the fuzzer drives, and what the corpus regression test replays: any bytes read as a
/// journal, folded, then everything the commands and screens derive from a state (queries,
/// every export of the first séances, the adopted rankings, the visible form of the problems).
/// Whatever the bytes, this returns: a trap here is a journal that could never be opened.
public enum FuzzTarget {
    /// A fixed moment, so that a run is the same every time.
    static let moment = Timestamp(journalValue: "2026-11-30T10:00:00+01:00")!

    /// `SEANCE_FUZZ_FOLD_ONLY=1` stops after the fold: ten times more inputs an hour, for long runs
    /// on the parser and the fold alone.
    static let foldOnly = getenv("SEANCE_FUZZ_FOLD_ONLY").map { String(cString: $0) == "1" } ?? false

    public static func journal(_ bytes: [UInt8]) {
        var state = ProjectState()
        var problems: [Problem] = []
        let parsed = JournalParser.parseRaw(bytes) { e, line, _ in
            if let p = state.apply(e) { problems.append(Problem(line: line, p.severity, p.message)) }
        }
        for p in parsed.problems + problems { _ = VisibleText.make(p.located(in: "fuzz.seance")) }
        if !foldOnly { derive(state) }
    }

    static func derive(_ state: ProjectState) {
        _ = state.activeCommittees
        _ = state.openFollowUps
        for id in state.meetingOrder.prefix(2) {
            let options = ExportOptions(now: moment, today: moment.localDate, ranking: state.adoptedRanking(for: id))
            // The PDF is the same document laid out by pango: fuzzing it would time pango.
            for format in DocumentFormat.allCases where format != .pdf {
                _ = try? Export.minutes(state, meeting: id, format: format, options: options)
                _ = try? Export.decisions(state, .meeting(id), format: format, options: options)
            }
            _ = try? Export.decisionsCSV(state, .meeting(id))
        }
        _ = Export.calendar(state)
    }
}
