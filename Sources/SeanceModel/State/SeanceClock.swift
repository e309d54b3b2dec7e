import Foundation

/// A séance keeps its own times. The journal's timestamps say when a line was typed (the audit
/// trail); the séance's opening, arrivals and departures, item starts and clôture are data of the
/// séance, given by the secretary. When the séance is held live the clock gives them; when its
/// minutes are typed afterwards she does, from a proposed value.
extension ProjectState {
    /// How long before its planned start a séance may be opened live.
    public static let liveBefore = 60
    /// How long after its planned start a séance is still taken as being held live.
    public static let liveAfter = 12 * 60

    /// The project's time zone (`Europe/Paris` by default).
    public var timeZoneName: String { project?.timeZone ?? "Europe/Paris" }

    /// `now` with the UTC offset of the project's time zone at that instant.
    public func local(_ now: Timestamp) -> Timestamp {
        let tz = TimeZone(identifier: timeZoneName) ?? TimeZone(identifier: "Europe/Paris")!
        let offset = tz.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(now.epochSeconds))) / 60
        return Timestamp(epochSeconds: now.epochSeconds, offsetMinutes: offset)
    }

    /// Whether the séance is held live at `now`: its date is today in the project's time zone and
    /// now is from one hour before its planned start to twelve hours after it (any time of that
    /// day when no start is planned). Then the clock gives its times; otherwise the secretary does.
    public func isHeldLive(_ meetingID: String, at now: Timestamp) -> Bool {
        guard let m = meetings[meetingID], m.state == .planned || m.state == .inProgress else { return false }
        let here = local(now)
        guard here.localDate == m.date else { return false }
        guard let start = m.time else { return true }
        let minutes = here.localTime.minutesOfDay - start.minutesOfDay
        return minutes >= -Self.liveBefore && minutes <= Self.liveAfter
    }

    /// The time to propose for the next act of a séance (opening, arrival, departure, item start,
    /// clôture): now when it is held live; otherwise, before the opening, its planned start (9 h
    /// when none); after it, the latest time the séance already holds (the opening, an item's
    /// start, an arrival or departure, a clôture), which the secretary corrects.
    public func proposedTime(_ meetingID: String, at now: Timestamp) -> LocalTime {
        if isHeldLive(meetingID, at: now) { return local(now).localTime }
        guard let m = meetings[meetingID] else { return LocalTime(hour: 9, minute: 0)! }
        return latestTime(of: m) ?? m.time ?? LocalTime(hour: 9, minute: 0)!
    }

    /// The latest of the séance's own times, once it was opened.
    public func latestTime(of m: Meeting) -> LocalTime? {
        guard m.openTime != nil || m.state == .closed else { return nil }
        var times: [LocalTime] = []
        if let t = m.openTime { times.append(t) }
        times += m.itemLog.compactMap(\.time)
        times += m.attendanceLog.compactMap(\.time)
        if let t = m.endTime { times.append(t) }
        return times.max()
    }

    /// Whether an opening can be undone: the séance is in progress, was never closed, and nothing
    /// was recorded since it opened (no note, decision, follow-up or ranking; no item started
    /// after the first one). Attendance recorded stays; it is valid for a planned séance too.
    public func canUndoOpening(_ m: Meeting) -> Bool {
        m.state == .inProgress && m.endTime == nil && m.reopenings == 0 && m.notes.isEmpty && m.decisions.isEmpty
            && m.followUps.isEmpty && m.itemLog.count <= 1 && !rankingOrder.contains { rankings[$0]?.meeting == m.id }
    }

    /// Whether a member was there at some point of a held séance (in the room, at a distance, or
    /// there and gone): what participation counts as present.
    public func attended(_ member: String, _ m: Meeting) -> Bool {
        guard let a = m.attendance[member] else { return false }
        return a.status.isThere || a.hasLeft
    }

    /// How a member took part in a held séance, as participation counts it (the screen and the
    /// spreadsheet alike): there at some point, excused, excused with a pouvoir given, or absent.
    public enum AttendanceOutcome: Sendable { case present, excused, proxyGiven, absent }

    public func attendanceOutcome(of member: String, in m: Meeting) -> AttendanceOutcome {
        if attended(member, m) { return .present }
        switch m.attendance[member]?.status {
        case .excuse?: return .excused
        case .pouvoir?: return .proxyGiven
        default: return .absent
        }
    }

    /// The président(e) of a séance: its own, else the committee's (a member's id or a name; empty when none).
    public func president(of m: Meeting) -> String {
        memberReference(m.president.isEmpty ? committees[m.committee]?.president ?? "" : m.president, on: m.committee)
    }

    /// The secrétaire of a séance: its own, else the committee's usual one.
    public func secretary(of m: Meeting) -> String {
        memberReference(m.secretary.isEmpty ? committees[m.committee]?.secretary ?? "" : m.secretary, on: m.committee)
    }

    /// A member's id as it is; a name typed in a form (« DURAND Sophie », « Mme Durand Sophie ») that
    /// is the name of exactly one member of the committee becomes her id, so that her civilité and
    /// fonction follow (« La présidente, »); any other text stays as typed.
    public func memberReference(_ ref: String, on committee: String) -> String {
        guard !ref.isEmpty, members[ref] == nil, let c = committees[committee] else { return ref }
        var name = ref.trimmingCharacters(in: .whitespaces)
        for title in ["Madame ", "Monsieur ", "Mme ", "M. "] where name.hasPrefix(title) {
            name = String(name.dropFirst(title.count)).trimmingCharacters(in: .whitespaces)
        }
        let wanted = Folding.fold(name)
        let matches = c.memberIDs.filter { id in members[id].map { !$0.retired && Folding.fold($0.name) == wanted } ?? false }
        return matches.count == 1 ? matches[0] : ref
    }
}
