import Foundation
import SeanceModel

/// A form field: free text, or a choice among labelled values (← → to change).
public struct FormField: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case text(LineEditor)
        case choice(options: [Option], selected: Int)
    }
    public struct Option: Equatable, Sendable {
        public var value: String
        public var label: String
    }
    public var key: String
    public var label: String
    public var kind: Kind
    public var required = false
    public var hint = ""
    /// The value when the form opened: an edit writes only what changed.
    public var original: String

    init(text key: String, _ label: String, _ value: String = "", required: Bool = false, hint: String = "") {
        self.key = key; self.label = label; self.kind = .text(LineEditor(value))
        self.required = required; self.hint = hint; self.original = value
    }

    init(choice key: String, _ label: String, _ options: [Option], value: String) {
        self.key = key; self.label = label
        self.kind = .choice(options: options, selected: options.firstIndex { $0.value == value } ?? 0)
        self.original = options.first { $0.value == value }?.value ?? options.first?.value ?? ""
    }

    public var value: String {
        switch kind {
        case .text(let e): e.text.trimmingSpaces
        case .choice(let o, let s): o.isEmpty ? "" : o[s].value
        }
    }
}

/// What a form is for: decides the events its values become.
public enum FormPurpose: Equatable, Sendable {
    case createProject
    case editProject
    case newAxis
    case editAxis(String)
    case newCommittee
    case editCommittee(String)
    case newMember(committee: String)
    /// A seat on `committee` for the person who holds the seat `person` elsewhere.
    case newSeat(committee: String, person: String)
    case editMember(String)
    case saveAs
    case newMeeting(committee: String)
    case agendaItem(meeting: String, item: String?)
    case decision(meeting: String, item: String?)
    /// Opening a séance at a time the secretary gives, with the line that asked for it.
    case openMeeting(meeting: String, line: PendingLine?)
    case closeMeeting(meeting: String)
    case correctDecision(String)
    case editFollowUp(String)
    case followUpDone(String)
    case editMeeting(String)
    case convocationSent(String)
    case followUp(meeting: String, item: String?)
    case guest(meeting: String)
    case correctNote(String)
    case progress(action: String)
    case export(meeting: String)
    case score(ranking: String, action: String, criterion: String)
    case weights(ranking: String)
    case envelope(ranking: String)
    case ballot(ranking: String, member: String)
    case newAction
    case editAction(String)
    case financing(action: String)
    /// Which spreadsheet to import, before its preview.
    case importFile
    /// The time of an arrival or a departure in a séance written up afterwards (`status` and
    /// `proxy` are what is recorded with it).
    case attendanceTime(meeting: String, member: String, status: AttendanceStatus, proxy: String?)
    /// Correcting the arrival (and departure) time of a member afterwards.
    case correctAttendanceTime(meeting: String, member: String)
    /// The time an agenda item starts, in a séance written up afterwards; empty: go to the
    /// item without recording a start.
    case itemStart(meeting: String, item: String)

    /// A form that corrects what exists: saved with nothing changed, it writes nothing.
    var isEdit: Bool {
        switch self {
        case .editProject, .editAxis, .editCommittee, .editMember, .correctDecision, .editFollowUp, .editMeeting,
             .correctNote, .editAction, .correctAttendanceTime: true
        case .agendaItem(_, let item): item != nil
        default: false
        }
    }
}

/// A line of the minutes typed before the séance was opened: saved with the opening.
public struct PendingLine: Equatable, Sendable {
    public var text: String
    public var item: String?
    public var speaker: String?
}

public struct FormState: Equatable, Sendable {
    public var title: String
    public var purpose: FormPurpose
    public var fields: [FormField]
    public var focus = 0
    public var error: String?
    /// The secretary confirmed that the committee deliberates without quorum.
    public var quorumWaived = false

    public var isDirty: Bool { fields.contains { $0.value != $0.original } }

    /// The form with the choice field `key` set to `value` (as if chosen when it opened).
    func choosing(_ key: String, _ value: String) -> FormState {
        var out = self
        guard let i = fields.firstIndex(where: { $0.key == key }), case .choice(let options, _) = fields[i].kind,
              let sel = options.firstIndex(where: { $0.value == value }) else { return out }
        out.fields[i].kind = .choice(options: options, selected: sel)
        out.fields[i].original = value
        return out
    }
}

/// A French reason why a form's values are refused.
extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}

// MARK: - The forms of this application

extension FormState {
    static func project(_ p: Project?, purpose: FormPurpose) -> FormState {
        FormState(title: purpose == .createProject ? "Créer le projet" : "Modifier le projet", purpose: purpose, fields: [
            FormField(text: "name", "Nom du projet", p?.name ?? "", required: true, hint: "ex. Contrat de cohésion sociale 2026–2028"),
            FormField(text: "territory", "Territoire", p?.territory ?? "", hint: "ex. Saint-Flour (Cantal)"),
            FormField(text: "start", "Début", p?.start?.french ?? "", hint: "JJ/MM/AAAA"),
            FormField(text: "end", "Fin", p?.end?.french ?? "", hint: "JJ/MM/AAAA"),
            FormField(text: "envelope", "Enveloppe budgétaire", p?.envelope.map { plainMoney($0) } ?? "", hint: "en euros, ex. 1 250 000"),
            FormField(text: "axes", "Axes", "", hint: purpose == .createProject ? "séparés par « ; », ex. Insertion ; Logement" : "nouveaux axes, séparés par « ; »"),
        ])
    }

    static func plainMoney(_ m: Money) -> String {
        m.cents % 100 == 0 ? String(m.cents / 100) : m.journalValue.replacingOccurrences(of: ".", with: ",")
    }

    static func axis(_ a: Axis?, next: Int) -> FormState {
        FormState(title: a == nil ? "Nouvel axe" : "Modifier l'axe", purpose: a.map { .editAxis($0.id) } ?? .newAxis, fields: [
            FormField(text: "number", "Numéro", String(a?.number ?? next), required: true),
            FormField(text: "title", "Intitulé", a?.title ?? "", required: true),
        ])
    }

    static func yesNo(_ yes: String, _ no: String) -> [FormField.Option] {
        [FormField.Option(value: "oui", label: yes), FormField.Option(value: "non", label: no)]
    }

    static func committee(_ c: Committee?, axes: [Axis]) -> FormState {
        let kinds = CommitteeKind.allCases.map { FormField.Option(value: $0.rawValue, label: Fr.committeeKind($0)) }
        let axisOptions = [FormField.Option(value: "", label: "aucun")]
            + axes.map { FormField.Option(value: $0.id, label: "Axe \($0.number) – \($0.title)") }
        let quorum = [QuorumRule.majority, .third, .none].map { FormField.Option(value: $0.journalValue, label: Fr.quorum($0)) }
        let majority = MajorityRule.allCases.map { FormField.Option(value: $0.rawValue, label: Fr.majority($0)) }
        return FormState(title: c == nil ? "Nouveau comité" : "Modifier le comité", purpose: c.map { .editCommittee($0.id) } ?? .newCommittee, fields: [
            FormField(text: "name", "Nom", c?.name ?? "", required: true, hint: "ex. Comité technique « Logement »"),
            FormField(choice: "kind", "Type", kinds, value: c?.kind.rawValue ?? CommitteeKind.technique.rawValue),
            FormField(choice: "axis", "Axe", axisOptions, value: c?.axis ?? ""),
            FormField(choice: "quorum", "Quorum", quorum, value: c?.quorum.journalValue ?? "majorite"),
            FormField(choice: "majority", "Majorité", majority, value: c?.majority.rawValue ?? "simple"),
            FormField(text: "president", "Président(e)", c?.president ?? "", hint: "NOM Prénom ; préside, sauf autre choix"),
            FormField(text: "secretary", "Secrétaire de séance", c?.secretary ?? "", hint: "NOM Prénom"),
            FormField(choice: "proxies_quorum", "Pouvoirs et quorum", yesNo("les pouvoirs comptent", "présents seuls (conseil municipal)"),
                      value: (c?.proxiesCountForQuorum ?? true) ? "oui" : "non"),
            FormField(choice: "casting_vote", "Voix prépondérante", yesNo("le président départage une égalité", "non"),
                      value: (c?.castingVote ?? false) ? "oui" : "non"),
            FormField(choice: "convocation", "Convocation", convocationOptions(current: c?.convocation ?? .none),
                      value: (c?.convocation ?? .none).journalValue),
        ])
    }

    /// The delays the texts set (CASF R123-16 for a CCAS board: three days; CGCT L2121-11/12 for a
    /// conseil municipal: three or five jours francs) and a few usual ones, the committee's own first.
    static func convocationOptions(current: ConvocationRule) -> [FormField.Option] {
        func option(_ r: ConvocationRule, _ note: String = "") -> FormField.Option {
            FormField.Option(value: r.journalValue, label: r == .none ? "aucun délai" + note
                                : note.isEmpty ? Fr.Paperwork.delay(r) + " avant" : Fr.Paperwork.delay(r) + note)
        }
        // Short enough for the field at 80 columns (a test renders every choice).
        var options = [option(.none, " (comité informel)"), option(.days(3), " (CA du CCAS)"),
                       option(.clearDays(3), " (CM < 3 500 hab.)"),
                       option(.clearDays(5), " (CM ≥ 3 500 hab.)"),
                       option(.days(5)), option(.days(8)), option(.days(15))]
        if !options.contains(where: { $0.value == current.journalValue }) { options.append(option(current)) }
        return options
    }

    /// `elsewhere`: the other committees where the person sits (her identity is changed there too).
    static func member(_ m: Member?, committee: String, elsewhere: [String] = []) -> FormState {
        let roles = MemberRole.allCases.map { FormField.Option(value: $0.rawValue, label: Fr.role($0)) }
        let yesNo = [FormField.Option(value: "oui", label: "oui, votant"), FormField.Option(value: "non", label: "non, consultatif")]
        // Her name and contact details are a person's: an edit on one seat changes all.
        let shared = elsewhere.isEmpty ? "" : "changé aussi au " + elsewhere.joined(separator: ", ")
        return FormState(title: m == nil ? "Nouveau membre" : "Modifier le membre",
                         purpose: m.map { .editMember($0.id) } ?? .newMember(committee: committee), fields: [
            FormField(text: "name", "Nom", m?.name ?? "", required: true, hint: shared.isEmpty ? "NOM Prénom" : shared),
            FormField(choice: "civility", "Civilité", [FormField.Option(value: "", label: "—")]
                        + Civility.allCases.map { FormField.Option(value: $0.rawValue, label: $0.rawValue) },
                      value: m?.civility?.rawValue ?? ""),
            FormField(text: "organisation", "Organisation", m?.organisation ?? "", hint: shared),
            FormField(choice: "role", "Rôle", roles, value: m?.role.rawValue ?? MemberRole.professionnel.rawValue),
            FormField(choice: "voting", "Droit de vote", yesNo, value: m.map { $0.voting ? "oui" : "non" } ?? "oui"),
            FormField(text: "function", "Fonction", m?.function ?? "", hint: shared),
            FormField(text: "email", "Courriel", m?.email ?? "", hint: shared),
            FormField(text: "phone", "Téléphone", m?.phone ?? "", hint: shared),
        ])
    }

    /// The seat of a person of another committee: her role and vote here (her name and contact
    /// details are hers, shown, not typed again).
    static func seat(_ person: Member, committee: String, _ st: ProjectState) -> FormState {
        let roles = MemberRole.allCases.map { FormField.Option(value: $0.rawValue, label: Fr.role($0)) }
        let yesNo = [FormField.Option(value: "oui", label: "oui, votant"), FormField.Option(value: "non", label: "non, consultatif")]
        let name = st.committees[committee]?.name ?? committee
        return FormState(title: "\(person.name) au \(name)", purpose: .newSeat(committee: committee, person: person.id), fields: [
            FormField(choice: "role", "Rôle", roles, value: person.role.rawValue),
            FormField(choice: "voting", "Droit de vote", yesNo, value: person.voting ? "oui" : "non"),
        ])
    }

    static func saveAs(suggestion: String) -> FormState {
        FormState(title: "Enregistrer le journal sous…", purpose: .saveAs, fields: [
            FormField(text: "path", "Nouveau fichier", suggestion, required: true, hint: "chemin complet d'un fichier qui n'existe pas"),
        ])
    }

    /// The events the form's values become, or a French reason to refuse them.
    func drafts(_ ctx: Context) -> Result<[EventDraft], Refusal> {
        for f in fields where f.required && f.value.isEmpty {
            return .failure(Refusal("« \(f.label) » est obligatoire."))
        }
        if let meetingDrafts = meetingDrafts(ctx) { return meetingDrafts }
        if let timeDrafts = timeDrafts(ctx) { return timeDrafts }
        if let rankingDrafts = rankingDrafts(ctx) { return rankingDrafts }
        if let actionDrafts = actionDrafts(ctx) { return actionDrafts }
        var values: Commands.Values = []
        for f in fields where f.key != "axes" {
            guard let key = FieldKey(rawValue: f.key) else { continue }
            let isNew: Bool
            switch purpose {
            case .createProject, .newAxis, .newCommittee, .newMember, .newSeat: isNew = true
            default: isNew = false
            }
            guard isNew ? !f.value.isEmpty : f.value != f.original else { continue }
            switch f.key {
            case "start", "end":
                if f.value.isEmpty { values.append((key, "")); continue }
                guard let d = LocalDate(userInput: f.value) else { return .failure(Refusal("Date illisible pour « \(f.label) » : écrivez JJ/MM/AAAA.")) }
                values.append((key, d.journalValue))
            case "envelope":
                if f.value.isEmpty { values.append((key, "")); continue }
                guard let m = Money(userInput: f.value) else { return .failure(Refusal("Montant illisible pour « \(f.label) » : écrivez par exemple 1 250 000 ou 28 500,50.")) }
                values.append((key, m.journalValue))
            case "number":
                guard let n = Int(f.value), n > 0 else { return .failure(Refusal("Le numéro doit être un nombre entier positif.")) }
                values.append((key, String(n)))
            default:
                values.append((key, f.value))
            }
        }
        let newAxes = (fields.first { $0.key == "axes" }?.value ?? "")
            .split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        let st = ctx.domain
        switch purpose {
        case .createProject, .editProject: return Commands.setProject(st, values, newAxes: newAxes, makeID: ctx.makeID)
        case .newAxis: return Commands.addAxis(st, values, makeID: ctx.makeID)
        case .editAxis(let id): return Commands.edit(st, .axisEdit, id, values)
        case .newCommittee: return Commands.createCommittee(st, values, makeID: ctx.makeID)
        case .editCommittee(let id): return Commands.edit(st, .committeeEdit, id, values)
        case .newMember(let c): return Commands.addMember(st, committee: c, values, makeID: ctx.makeID)
        case .newSeat(let c, let person): return Commands.addSeat(st, person: person, committee: c, values, makeID: ctx.makeID)
        case .editMember(let id): return Commands.edit(st, .memberEdit, id, values)
        default: return .success([])
        }
    }
}
