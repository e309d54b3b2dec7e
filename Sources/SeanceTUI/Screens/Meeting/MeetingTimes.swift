import SeanceModel

/// The times of a séance written up afterwards. Held live, the clock gives an arrival, a
/// departure, an item's start; afterwards the secretary gives them, from a proposed value.
extension App {
    /// Whether the séance's times are asked rather than taken from the clock: it is open and
    /// not held live (`ProjectState.isHeldLive`).
    static func asksTimes(_ st: ProjectState, _ m: Meeting, _ ctx: Context) -> Bool {
        m.state == .inProgress && !st.isHeldLive(m.id, at: ctx.now)
    }

    /// For an arrival or a departure: the start of the current point, else the séance's latest time.
    static func proposedAttendanceTime(_ st: ProjectState, _ m: Meeting) -> LocalTime {
        if let item = m.currentItem, let t = m.itemLog.last(where: { $0.item == item })?.time { return t }
        return st.latestTime(of: m) ?? m.time ?? LocalTime(hour: 9, minute: 0)!
    }

    /// For the start of `item`: the last point before it that started, plus its planned
    /// minutes; else the séance's latest time.
    static func proposedItemStart(_ st: ProjectState, _ m: Meeting, item: String) -> LocalTime {
        if let index = m.agenda.firstIndex(of: item) {
            for previous in m.agenda[..<index].reversed() {
                guard let start = m.itemLog.last(where: { $0.item == previous })?.time else { continue }
                if let minutes = st.agendaItems[previous]?.plannedMinutes, minutes > 0, start.minutesOfDay + minutes < 24 * 60 {
                    let t = start.minutesOfDay + minutes
                    return LocalTime(hour: t / 60, minute: t % 60)!
                }
                break
            }
        }
        return st.latestTime(of: m) ?? m.time ?? LocalTime(hour: 9, minute: 0)!
    }

    /// The time recorded with an attendance change that is neither an arrival nor a departure,
    /// in a séance written up afterwards: the member's own arrival when she stays, else the
    /// opening (which the minutes do not repeat).
    static func unchangedAttendanceTime(_ st: ProjectState, _ m: Meeting, member: String, stays: Bool) -> LocalTime {
        (stays ? m.attendance[member]?.time : nil) ?? m.openTime ?? proposedAttendanceTime(st, m)
    }
}

extension FormState {
    /// « Arrivée à » / « Départ à » for a member, in a séance written up afterwards.
    static func attendanceTime(meeting: String, member: Member, status: AttendanceStatus, proxy: String?, proposed: LocalTime) -> FormState {
        let arrival = status.isThere
        return FormState(title: (arrival ? "Arrivée de " : "Départ de ") + member.name,
                         purpose: .attendanceTime(meeting: meeting, member: member.id, status: status, proxy: proxy), fields: [
            FormField(text: "time", arrival ? "Arrivée à" : "Départ à", proposed.french, required: true,
                      hint: "ex. 9h50 ; Échap : la présence n'est pas notée"),
        ])
    }

    /// Correcting when a member arrived (and left), afterwards.
    static func correctAttendanceTime(meeting: Meeting, member: Member, _ a: Attendance) -> FormState {
        var fields: [FormField] = []
        if let left = a.left {
            fields.append(FormField(text: "arrival", "Arrivée à", a.arrived.map(\.french) ?? "", hint: "vide : dès l'ouverture"))
            fields.append(FormField(text: "departure", "Départ à", left.french, required: true, hint: "ex. 10h30"))
        } else {
            fields.append(FormField(text: "arrival", "Arrivée à", (a.time ?? meeting.openTime)?.french ?? "", required: true,
                                    hint: "ex. 9h50 ; l'heure d'ouverture : là dès le début"))
        }
        return FormState(title: "Heures de " + member.name, purpose: .correctAttendanceTime(meeting: meeting.id, member: member.id), fields: fields)
    }

    /// « Point N commencé à », in a séance written up afterwards.
    static func itemStart(meeting: String, item: AgendaItem, number: Int, proposed: LocalTime) -> FormState {
        FormState(title: "Point \(number) : " + item.title, purpose: .itemStart(meeting: meeting, item: item.id), fields: [
            FormField(text: "time", "Point \(number) commencé à", proposed.french, hint: "vide : y aller sans noter d'heure"),
        ])
    }

    private func field(_ key: String) -> String { fields.first { $0.key == key }?.value ?? "" }

    /// Events of the forms of a séance's times; nil for the other forms.
    func timeDrafts(_ ctx: Context) -> Result<[EventDraft], Refusal>? {
        let st = ctx.domain
        let unreadable = Refusal("Heure illisible : écrivez par exemple 9h50.")
        switch purpose {
        case .attendanceTime(let meeting, let member, let status, let proxy):
            guard let t = LocalTime(userInput: field("time")) else { return .failure(unreadable) }
            return Commands.setAttendance(st, meeting: meeting, member: member, status: status, proxy: proxy, at: t)

        case .correctAttendanceTime(let meeting, let member):
            // An empty field is no time; a field that says something must be a time.
            func time(_ key: String) -> Result<LocalTime?, Refusal> {
                if field(key).isEmpty { return .success(nil) }
                return LocalTime(userInput: field(key)).map { .success($0) } ?? .failure(unreadable)
            }
            guard case .success(let arrival) = time("arrival"), case .success(let departure) = time("departure") else { return .failure(unreadable) }
            return Commands.correctAttendanceTimes(st, meeting: meeting, member: member, arrival: arrival, departure: departure)

        case .itemStart(let meeting, let item):
            guard let t = LocalTime(userInput: field("time")) else { return .failure(unreadable) }
            return Commands.startItem(st, meeting: meeting, item: item, at: t, opening: .explicit)

        default:
            return nil
        }
    }
}
