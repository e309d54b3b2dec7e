/// The ordre du jour of a séance.
extension Commands {
    public struct AgendaFields: Equatable, Sendable {
        public var title: String
        public var kind: AgendaKind
        /// A member's name (stored as the member) or free text.
        public var presenter: String
        public var minutes: Int?
        public init(title: String, kind: AgendaKind = .information, presenter: String = "", minutes: Int? = nil) {
            self.title = title; self.kind = kind; self.presenter = presenter; self.minutes = minutes
        }
    }

    public static func addAgendaItem(_ st: ProjectState, meeting: String, _ f: AgendaFields, makeID: MakeID) -> CommandResult {
        if case .failure(let r) = changeable(st, meeting) { return .failure(r) }
        if let r = check(f) { return .failure(r) }
        return .success([EventDraft(.agendaAdd, makeID("item"), [
            (.seance, meeting), (.title, f.title), (.kind, f.kind.rawValue),
            (.presenter, f.presenter.isEmpty ? nil : memberOrText(st, f.presenter, meeting: meeting)),
            (.duration, f.minutes.map(String.init)),
        ])])
    }

    /// Only what changed is written; an unchanged item gives no event.
    public static func editAgendaItem(_ st: ProjectState, item: String, _ f: AgendaFields) -> CommandResult {
        guard let old = st.agendaItems[item] else { return .failure(Refusal("Point inconnu.")) }
        if case .failure(let r) = changeable(st, old.meeting) { return .failure(r) }
        if let r = check(f) { return .failure(r) }
        let presenter = f.presenter.isEmpty ? "" : memberOrText(st, f.presenter, meeting: old.meeting)
        var fields: [(FieldKey, String?)] = []
        if f.title != old.title { fields.append((.title, f.title)) }
        if f.kind != old.kind { fields.append((.kind, f.kind.rawValue)) }
        if presenter != old.presenter { fields.append((.presenter, presenter)) }
        if f.minutes != old.plannedMinutes { fields.append((.duration, f.minutes.map(String.init) ?? "")) }
        return .success(fields.isEmpty ? [] : [EventDraft(.agendaEdit, item, fields)])
    }

    public static func moveAgendaItem(_ st: ProjectState, item: String, to position: Int) -> CommandResult {
        guard let old = st.agendaItems[item] else { return .failure(Refusal("Point inconnu.")) }
        if case .failure(let r) = changeable(st, old.meeting) { return .failure(r) }
        guard position >= 1 else { return .failure(Refusal("Position impossible.")) }
        return .success([EventDraft(.agendaMove, item, [(.position, String(position))])])
    }

    public static func removeAgendaItem(_ st: ProjectState, item: String) -> CommandResult {
        guard let old = st.agendaItems[item] else { return .failure(Refusal("Point inconnu.")) }
        if case .failure(let r) = changeable(st, old.meeting) { return .failure(r) }
        return .success([EventDraft(.agendaRemove, item, [])])
    }

    private static func check(_ f: AgendaFields) -> Refusal? {
        if f.title.trimmingCharacters(in: .whitespaces).isEmpty { return Refusal("L'intitulé est obligatoire.") }
        if let m = f.minutes, !FieldRange.minutes.contains(m) { return Refusal("La durée est un nombre de minutes, par exemple 20.") }
        return nil
    }
}
