import Foundation
import SeanceModel

/// The forms of a séance: creating it, its agenda items, decisions, follow-ups, guests, corrections.
extension FormState {
    static func newMeeting(committee: String, today: LocalDate) -> FormState {
        FormState(title: "Nouvelle séance", purpose: .newMeeting(committee: committee), fields: [
            FormField(text: "date", "Date", today.french, required: true, hint: "JJ/MM/AAAA"),
            FormField(text: "time", "Heure de début", "14h00", hint: "ex. 14h30"),
            FormField(text: "place", "Lieu", "", hint: "ex. Salle du conseil, mairie"),
            FormField(text: "title", "Titre", "", hint: "ex. Validation du diagnostic"),
        ])
    }

    static func agendaItem(meeting: String, _ item: AgendaItem?) -> FormState {
        let kinds = AgendaKind.allCases.map { FormField.Option(value: $0.rawValue, label: Fr.agendaKind($0)) }
        return FormState(title: item == nil ? "Nouveau point de l'ordre du jour" : "Modifier le point",
                         purpose: .agendaItem(meeting: meeting, item: item?.id), fields: [
            FormField(text: "title", "Intitulé", item?.title ?? "", required: true),
            FormField(choice: "kind", "Type", kinds, value: item?.kind.rawValue ?? AgendaKind.information.rawValue),
            FormField(text: "presenter", "Présenté par", item?.presenter ?? "", hint: "nom d'un membre (NOM Prénom) ou texte libre"),
            FormField(text: "duration", "Durée prévue (min)", item?.plannedMinutes.map(String.init) ?? "15"),
        ])
    }

    static func decision(meeting: String, item: String?) -> FormState {
        FormState(title: "Décision", purpose: .decision(meeting: meeting, item: item), fields: decisionFields(nil, nil))
    }

    /// The decision form filled with what was recorded: the correction is written whole.
    static func correctDecision(_ d: Decision, _ st: ProjectState) -> FormState {
        FormState(title: "Corriger la décision", purpose: .correctDecision(d.id), fields: decisionFields(d, st))
    }

    private static func decisionFields(_ d: Decision?, _ st: ProjectState?) -> [FormField] {
        let modes = [FormField.Option(value: "vote", label: "vote (pour, contre, abstention)"),
                     FormField.Option(value: "unanimite", label: "unanimité"),
                     FormField.Option(value: "sans", label: "sans vote")]
        let outcomes = [FormField.Option(value: "", label: "selon le vote")]
            + DecisionOutcome.allCases.map { FormField.Option(value: $0.rawValue, label: Fr.outcome($0)) }
        let mode = d.map { $0.unanimous ? "unanimite" : ($0.votesFor != nil ? "vote" : "sans") } ?? "vote"
        // An outcome chosen by hand (an override, or no vote) is shown; one the votes gave is « selon le vote ».
        let outcome = d.map { $0.computedOutcome != nil || mode == "sans" ? $0.outcome.rawValue : "" } ?? ""
        let recused = d.map { d in d.recused.map { st?.members[$0]?.name ?? $0 }.joined(separator: ", ") } ?? ""
        let casting = d?.casting.map { $0 ? "pour" : "contre" } ?? ""
        return [
            FormField(text: "text", "Décision", d?.text ?? "", required: true, hint: "ex. Le comité valide le diagnostic"),
            FormField(choice: "mode", "Vote", modes, value: mode),
            FormField(text: "for", "Pour", d?.votesFor.map(String.init) ?? ""),
            FormField(text: "against", "Contre", d?.votesAgainst.map(String.init) ?? ""),
            FormField(text: "abstention", "Abstention", d?.abstentions.map(String.init) ?? ""),
            FormField(choice: "outcome", "Résultat", outcomes, value: outcome),
            FormField(text: "recused", "Sans part au vote", recused, hint: "conflit d'intérêts : noms, séparés par « , »"),
            FormField(choice: "casting", "Voix prépondérante",
                      [FormField.Option(value: "", label: "—"), FormField.Option(value: "pour", label: "pour"),
                       FormField.Option(value: "contre", label: "contre")], value: casting),
        ]
    }

    static func editFollowUp(_ f: FollowUp, _ st: ProjectState) -> FormState {
        FormState(title: "Modifier la suite à donner", purpose: .editFollowUp(f.id), fields: [
            FormField(text: "what", "Quoi", f.what, required: true),
            FormField(text: "owner", "Qui", st.members[f.owner]?.name ?? f.owner, hint: "un membre ou une organisation"),
            FormField(text: "due", "Pour le", f.due?.french ?? "", hint: "JJ/MM/AAAA"),
        ])
    }

    /// « Fait » asks its date (today by default).
    static func followUpDone(_ f: FollowUp, today: LocalDate) -> FormState {
        FormState(title: "Suite faite : " + f.what, purpose: .followUpDone(f.id), fields: [
            FormField(text: "date", "Faite le", today.french, required: true, hint: "JJ/MM/AAAA"),
        ])
    }

    /// The séance itself: when and where, who presides and writes, its times once held; a
    /// postponement or a cancellation.
    static func editMeeting(_ m: Meeting, _ st: ProjectState) -> FormState {
        var fields = [
            FormField(text: "date", "Date", m.date.french, required: true, hint: "JJ/MM/AAAA"),
            FormField(text: "time", "Heure prévue", m.time?.french ?? ""),
            FormField(text: "place", "Lieu", m.place),
            FormField(text: "title", "Titre", m.title),
            FormField(text: "president", "Président(e)", st.president(of: m).isEmpty ? "" : (st.members[st.president(of: m)]?.name ?? st.president(of: m)),
                      hint: "NOM Prénom ; vide : celui du comité"),
            FormField(text: "secretary", "Secrétaire", st.members[st.secretary(of: m)]?.name ?? st.secretary(of: m), hint: "NOM Prénom"),
        ]
        if let t = m.openTime { fields.append(FormField(text: "opening", "Ouverte à", t.french)) }
        if let t = m.endTime { fields.append(FormField(text: "closing", "Close à", t.french)) }
        // Each point taken up: when it started (its duration counts from it), to correct.
        for (i, item) in m.agenda.enumerated() {
            guard let start = m.itemLog.last(where: { $0.item == item })?.time else { continue }
            fields.append(FormField(text: Self.itemStartKey + item, "Point \(i + 1) commencé à", start.french))
        }
        if m.state == .planned {
            fields.append(FormField(text: "postpone", "Reporter au", "", hint: "JJ/MM/AAAA : la séance est reportée"))
        }
        if m.state == .planned || m.state == .inProgress {
            fields.append(FormField(choice: "cancel", "Annuler", [FormField.Option(value: "non", label: "non"),
                                                                 FormField.Option(value: "oui", label: "oui, la séance n'a pas lieu")], value: "non"))
        }
        return FormState(title: "Modifier la séance", purpose: .editMeeting(m.id), fields: fields)
    }

    /// The key of a « Point N commencé à » field of the séance's form: this prefix and the item's id.
    static let itemStartKey = "start:"

    /// The séance opens at the time she gives: now when it is held live, else its planned start.
    static func openMeeting(_ meeting: String, proposed: LocalTime, line: PendingLine?) -> FormState {
        FormState(title: "Ouvrir la séance", purpose: .openMeeting(meeting: meeting, line: line), fields: [
            FormField(text: "time", "Ouverture à", proposed.french, required: true,
                      hint: line == nil ? "la séance commence (« en cours »)" : "la ligne tapée est enregistrée avec l'ouverture"),
        ])
    }

    static func closeMeeting(_ meeting: String, proposed: LocalTime) -> FormState {
        FormState(title: "Clôturer la séance", purpose: .closeMeeting(meeting: meeting), fields: [
            FormField(text: "time", "Clôture à", proposed.french, required: true,
                      hint: "plus modifiable ensuite, sauf réouverture (Ctrl+R)"),
        ])
    }

    /// The day the convocation was sent (today by default): the committee's rule is checked.
    static func convocationSent(_ meeting: String, today: LocalDate) -> FormState {
        FormState(title: "Convocation envoyée", purpose: .convocationSent(meeting), fields: [
            FormField(text: "date", "Envoyée le", today.french, required: true, hint: "JJ/MM/AAAA ; Ctrl+P : la convocation (PDF, e-mail)"),
        ])
    }

    static func followUp(meeting: String, item: String?) -> FormState {
        FormState(title: "Suite à donner", purpose: .followUp(meeting: meeting, item: item), fields: [
            FormField(text: "what", "Quoi", "", required: true, hint: "ex. Envoyer le compte rendu aux partenaires"),
            FormField(text: "owner", "Qui", "", hint: "un membre ou une organisation"),
            FormField(text: "due", "Pour le", "", hint: "JJ/MM/AAAA"),
        ])
    }

    static func guest(meeting: String) -> FormState {
        FormState(title: "Invité", purpose: .guest(meeting: meeting), fields: [
            FormField(text: "name", "Nom", "", required: true, hint: "NOM Prénom"),
            FormField(text: "organisation", "Organisation", ""),
        ])
    }

    static func correctNote(_ note: Note) -> FormState {
        FormState(title: "Corriger la ligne", purpose: .correctNote(note.id), fields: [
            FormField(text: "text", "Texte", note.text, required: true, hint: "le journal garde aussi l'ancien texte"),
        ])
    }

    private func value(_ key: String) -> String { fields.first { $0.key == key }?.value ?? "" }

    /// What the decision form says of the vote, parsed.
    private func decisionInput(_ st: ProjectState, meeting: String)
        -> Result<(vote: Commands.Vote, outcome: DecisionOutcome?, recused: [String], casting: Bool?), Refusal> {
        let vote: Commands.Vote
        switch value("mode") {
        case "vote":
            var counts: [Int] = []
            for k in ["for", "against", "abstention"] {
                let v = value(k).isEmpty ? "0" : value(k)
                guard let n = Int(v), n >= 0 else { return .failure(Refusal("Les voix sont des nombres entiers (« \(value(k)) »).")) }
                counts.append(n)
            }
            vote = .counts(VoteCount(votesFor: counts[0], against: counts[1], abstention: counts[2]))
        case "unanimite": vote = .unanimous
        default: vote = .none
        }
        var recused: [String] = []
        for name in value("recused").split(separator: ",").map({ String($0).trimmingSpaces }) where !name.isEmpty {
            let id = Commands.memberOrText(st, name, meeting: meeting)
            guard st.members[id] != nil else { return .failure(Refusal("« \(name) » n'est pas un membre de la séance.")) }
            recused.append(id)
        }
        let casting: Bool? = value("casting") == "pour" ? true : value("casting") == "contre" ? false : nil
        return .success((vote, DecisionOutcome(rawValue: value("outcome")), recused, casting))
    }

    /// Events for the séance forms (what was typed, parsed, handed to the model's commands);
    /// nil for the other forms.
    func meetingDrafts(_ ctx: Context) -> Result<[EventDraft], Refusal>? {
        let st = ctx.domain, now = ctx.now.localTime
        switch purpose {
        case .newMeeting(let committee):
            guard let date = LocalDate(userInput: value("date")) else { return .failure(Refusal(Fr.impossibleOrUnreadableDate(value("date")))) }
            var time: LocalTime?
            if !value("time").isEmpty {
                guard let t = LocalTime(userInput: value("time")) else { return .failure(Refusal("Heure illisible : écrivez par exemple 14h30.")) }
                time = t
            }
            return Commands.prepareMeeting(st, committee: committee, date: date, time: time, place: value("place"),
                                           title: value("title"), makeID: ctx.makeID)

        case .agendaItem(let meeting, let itemID):
            let duration = value("duration")
            var minutes: Int?
            if !duration.isEmpty {
                guard let m = Int(duration), m >= 0 else { return .failure(Refusal("La durée est un nombre de minutes, par exemple 20.")) }
                minutes = m
            }
            let f = Commands.AgendaFields(title: value("title"), kind: AgendaKind(rawValue: value("kind")) ?? .information,
                                          presenter: value("presenter"), minutes: minutes)
            if let itemID { return Commands.editAgendaItem(st, item: itemID, f) }
            return Commands.addAgendaItem(st, meeting: meeting, f, makeID: ctx.makeID)

        case .decision(let meeting, let item):
            switch decisionInput(st, meeting: meeting) {
            case .failure(let r): return .failure(r)
            case .success(let v):
                return Commands.recordDecision(st, meeting: meeting, item: item, text: value("text"), vote: v.vote, outcome: v.outcome,
                                               quorum: quorumWaived ? .waived : .required, recused: v.recused, castingVote: v.casting,
                                               makeID: ctx.makeID)
            }

        case .correctDecision(let id):
            guard let d = st.decisions[id] else { return .failure(Refusal("Décision inconnue.")) }
            switch decisionInput(st, meeting: d.meeting) {
            case .failure(let r): return .failure(r)
            case .success(let v):
                return Commands.correctDecision(st, decision: id, text: value("text"), vote: v.vote, outcome: v.outcome,
                                                quorum: quorumWaived ? .waived : .required, recused: v.recused, castingVote: v.casting)
            }

        case .editFollowUp(let id):
            guard let f = st.followUps[id] else { return .failure(Refusal("Suite à donner inconnue.")) }
            var due: LocalDate?
            if !value("due").isEmpty {
                guard let d = LocalDate(userInput: value("due")) else { return .failure(Refusal(Fr.impossibleOrUnreadableDate(value("due")))) }
                due = d
            }
            return Commands.editFollowUp(st, followUp: f.id, what: value("what"), owner: value("owner"), due: due)

        case .convocationSent(let id):
            guard let d = LocalDate(userInput: value("date")) else { return .failure(Refusal(Fr.impossibleOrUnreadableDate(value("date")))) }
            return Commands.recordConvocation(st, meeting: id, sentOn: d)

        case .followUpDone(let id):
            guard let d = LocalDate(userInput: value("date")) else { return .failure(Refusal(Fr.impossibleOrUnreadableDate(value("date")))) }
            return Commands.markFollowUpDone(st, followUp: id, on: d)

        case .editMeeting(let id):
            guard st.meetings[id] != nil else { return .failure(Refusal("Séance inconnue.")) }
            if value("cancel") == "oui" { return Commands.cancelMeeting(st, meeting: id, reason: "annulée") }
            guard let date = LocalDate(userInput: value("date")) else { return .failure(Refusal(Fr.impossibleOrUnreadableDate(value("date")))) }
            func time(_ key: String) -> Result<LocalTime?, Refusal> {
                if value(key).isEmpty { return .success(nil) }
                guard let t = LocalTime(userInput: value(key)) else { return .failure(Refusal("Heure illisible : écrivez par exemple 14h30.")) }
                return .success(t)
            }
            guard case .success(let planned) = time("time"), case .success(let opening) = time("opening"),
                  case .success(let closing) = time("closing") else { return .failure(Refusal("Heure illisible : écrivez par exemple 14h30.")) }
            if !value("postpone").isEmpty {
                guard let to = LocalDate(userInput: value("postpone")) else { return .failure(Refusal(Fr.impossibleOrUnreadableDate(value("postpone")))) }
                return Commands.postponeMeeting(st, meeting: id, to: to, time: planned, reason: "")
            }
            // Only what was changed in the form: the president and secrétaire it shows may be the
            // committee's, which are not the séance's own.
            func changed(_ key: String) -> Bool { fields.first { $0.key == key }.map { $0.value != $0.original } ?? false }
            var drafts: [EventDraft] = []
            for f in fields where f.key.hasPrefix(FormState.itemStartKey) && f.value != f.original {
                guard let t = LocalTime(userInput: f.value) else { return .failure(Refusal("Heure illisible pour « \(f.label) » : écrivez par exemple 14h30.")) }
                switch Commands.correctItemStart(st, item: String(f.key.dropFirst(FormState.itemStartKey.count)), to: t) {
                case .success(let d): drafts += d
                case .failure(let r): return .failure(r)
                }
            }
            return Commands.editMeeting(st, meeting: id, Commands.MeetingChanges(
                date: changed("date") ? date : nil, time: changed("time") ? planned : nil,
                place: changed("place") ? value("place") : nil, title: changed("title") ? value("title") : nil,
                president: changed("president") ? value("president") : nil,
                secretary: changed("secretary") ? value("secretary") : nil,
                opening: changed("opening") ? opening : nil, closing: changed("closing") ? closing : nil)).map { $0 + drafts }

        case .openMeeting(let meeting, let line):
            guard let t = LocalTime(userInput: value("time")) else { return .failure(Refusal("Heure illisible : écrivez par exemple 9h30.")) }
            if let line {
                return Commands.addNote(st, meeting: meeting, item: line.item, text: line.text, speaker: line.speaker,
                                        at: t, opening: .implicit, makeID: ctx.makeID)
            }
            return Commands.openMeeting(st, meeting: meeting, at: t)

        case .closeMeeting(let meeting):
            guard let t = LocalTime(userInput: value("time")) else { return .failure(Refusal("Heure illisible : écrivez par exemple 12h15.")) }
            return Commands.close(st, meeting: meeting, at: t, opening: .implicit)

        case .followUp(let meeting, let item):
            var due: LocalDate?
            if !value("due").isEmpty {
                guard let d = LocalDate(userInput: value("due")) else { return .failure(Refusal(Fr.impossibleOrUnreadableDate(value("due")))) }
                due = d
            }
            return Commands.addFollowUp(st, meeting: meeting, item: item, what: value("what"), owner: value("owner"), due: due, makeID: ctx.makeID)

        case .guest(let meeting):
            return Commands.addGuest(st, meeting: meeting, name: value("name"), organisation: value("organisation"),
                                     at: st.proposedTime(meeting, at: ctx.now), makeID: ctx.makeID)

        case .progress(let action):
            var percent: Int?
            if !value("percent").isEmpty {
                guard let p = Int(value("percent").replacingOccurrences(of: "%", with: "").trimmingSpaces) else {
                    return .failure(Refusal("L'avancement est un pourcentage de 0 à 100."))
                }
                percent = p
            }
            return Commands.recordProgress(st, action: action, percent: percent, indicator: value("indicator"),
                                           value: value("value"), comment: value("comment"))

        case .correctNote(let id):
            guard value("text") != fields[0].original else { return .success([]) }
            return Commands.correctNote(st, note: id, text: value("text"))

        default:
            return nil
        }
    }
}
