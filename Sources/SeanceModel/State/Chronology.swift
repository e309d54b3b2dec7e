/// The one order of séances in time, for every list, document and command: by date, then time
/// (a séance without a time counts as midnight), then the committee's place in the project, then
/// number, then id — so two séances never tie. Newest first is this order reversed.
public struct MeetingTime: Comparable, Sendable {
    var date: LocalDate
    var minutes: Int
    var committee: Int
    var number: Int
    var id: String

    public static func < (a: MeetingTime, b: MeetingTime) -> Bool {
        (a.date, a.minutes, a.committee, a.number, a.id) < (b.date, b.minutes, b.committee, b.number, b.id)
    }
}

extension ProjectState {
    /// Where a séance stands in time. `committeeRanks` (the committees' places) can be given
    /// when many séances are compared.
    public func time(of m: Meeting, committeeRanks: [String: Int]? = nil) -> MeetingTime {
        let rank = committeeRanks.map { $0[m.committee] } ?? committeeOrder.firstIndex(of: m.committee)
        return MeetingTime(date: m.date, minutes: m.time?.minutesOfDay ?? 0, committee: rank ?? Int.max, number: m.number, id: m.id)
    }

    /// The place of each committee in the project, by id.
    public var committeeRanks: [String: Int] {
        Dictionary(committeeOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: min)
    }

    /// True when `a` comes before `b` in time.
    public func isBefore(_ a: Meeting, _ b: Meeting) -> Bool { time(of: a) < time(of: b) }

    /// The séances oldest first.
    public func chronological(_ meetings: some Sequence<Meeting>) -> [Meeting] {
        let ranks = committeeRanks
        return meetings.map { (time(of: $0, committeeRanks: ranks), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
