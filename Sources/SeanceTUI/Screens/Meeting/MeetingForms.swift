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
        let modes = [FormField.Option(value: "vote", label: "vote (pour, contre, abstention)"),
                     FormField.Option(value: "unanimite", label: "unanimité"),
                     FormField.Option(value: "sans", label: "sans vote")]
        let outcomes = [FormField.Option(value: "", label: "selon le vote")]
            + DecisionOutcome.allCases.map { FormField.Option(value: $0.rawValue, label: Fr.outcome($0)) }
        return FormState(title: "Décision", purpose: .decision(meeting: meeting, item: item), fields: [
            FormField(text: "text", "Décision", "", required: true, hint: "ex. Le comité valide le diagnostic"),
            FormField(choice: "mode", "Vote", modes, value: "vote"),
            FormField(text: "for", "Pour", ""),
            FormField(text: "against", "Contre", ""),
            FormField(text: "abstention", "Abstention", ""),
            FormField(choice: "outcome", "Résultat", outcomes, value: ""),
            FormField(text: "recused", "Sans part au vote", "", hint: "ne prennent pas part au vote (conflit d'intérêts) : noms séparés par des virgules"),
            FormField(choice: "casting", "Voix prépondérante",
                      [FormField.Option(value: "", label: "—"), FormField.Option(value: "pour", label: "pour"),
                       FormField.Option(value: "contre", label: "contre")], value: ""),
        ])
    }

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
                      hint: "elle ne sera plus modifiable, sauf réouverture (Ctrl+R)"),
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

    /// Events for the séance forms (what was typed, parsed, handed to the model's commands);
    /// nil for the other forms.
    func meetingDrafts(_ ctx: Context) -> Result<[EventDraft], Refusal>? {
        let st = ctx.domain, now = ctx.now.localTime
        switch purpose {
        case .newMeeting(let committee):
            guard let date = LocalDate(userInput: value("date")) else { return .failure(Refusal("Date illisible : écrivez JJ/MM/AAAA.")) }
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
            return Commands.recordDecision(st, meeting: meeting, item: item, text: value("text"), vote: vote,
                                           outcome: DecisionOutcome(rawValue: value("outcome")),
                                           quorum: quorumWaived ? .waived : .required, recused: recused, castingVote: casting,
                                           makeID: ctx.makeID)

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
                guard let d = LocalDate(userInput: value("due")) else { return .failure(Refusal("Échéance illisible : écrivez JJ/MM/AAAA.")) }
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
