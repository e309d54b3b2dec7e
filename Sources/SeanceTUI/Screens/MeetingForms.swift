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

    /// A member's id when the text is a participant's name (accents and case aside), else the text.
    private func memberOrText(_ text: String, _ meeting: String, _ ctx: Context) -> String {
        ctx.domain.participants(of: meeting).first { Folding.fold($0.name) == Folding.fold(text) }?.id ?? text
    }

    private func value(_ key: String) -> String { fields.first { $0.key == key }?.value ?? "" }

    /// Events for the séance forms; nil for the other forms.
    func meetingDrafts(_ ctx: Context) -> Result<[EventDraft], Refusal>? {
        let now = ctx.now.localTime.journalValue
        switch purpose {
        case .newMeeting(let committee):
            guard let date = LocalDate(userInput: value("date")) else { return .failure(Refusal("Date illisible : écrivez JJ/MM/AAAA.")) }
            var fields = [("committee", committee), ("date", date.journalValue)]
            if !value("time").isEmpty {
                guard let t = LocalTime(userInput: value("time")) else { return .failure(Refusal("Heure illisible : écrivez par exemple 14h30.")) }
                fields.append(("time", t.journalValue))
            }
            for k in ["place", "title"] where !value(k).isEmpty { fields.append((k, value(k))) }
            let id = ctx.makeID("sea")
            var out = [EventDraft("seance.create", id, fields)]
            let open = ctx.domain.openFollowUps.filter { ctx.domain.meetings[$0.meeting]?.committee == committee }
            if !open.isEmpty {
                let details = open.map { f in
                    "• " + Fr.Line.followUp(what: f.what, owner: ctx.domain.ownerName(f.owner), due: f.due, done: nil)
                }.joined(separator: "\n")
                out.append(EventDraft("agenda.add", ctx.makeID("item"), [("seance", id), ("title", "Suivi des décisions précédentes"),
                                                                        ("kind", "information"), ("duration", "10"), ("details", details)]))
            }
            return .success(out)

        case .agendaItem(let meeting, let itemID):
            var fields: [(String, String)] = []
            let duration = value("duration")
            if !duration.isEmpty, Int(duration) == nil || Int(duration)! < 0 {
                return .failure(Refusal("La durée est un nombre de minutes, par exemple 20."))
            }
            if let itemID {
                for f in self.fields where f.value != f.original {
                    fields.append((f.key, f.key == "presenter" ? memberOrText(f.value, meeting, ctx) : f.value))
                }
                return .success(fields.isEmpty ? [] : [EventDraft("agenda.edit", itemID, fields)])
            }
            fields = [("seance", meeting), ("title", value("title")), ("kind", value("kind"))]
            if !value("presenter").isEmpty { fields.append(("presenter", memberOrText(value("presenter"), meeting, ctx))) }
            if !value("duration").isEmpty { fields.append(("duration", value("duration"))) }
            return .success([EventDraft("agenda.add", ctx.makeID("item"), fields)])

        case .decision(let meeting, let item):
            let q = ctx.domain.quorum(meeting)
            let rule = ctx.domain.meetings[meeting].flatMap { ctx.domain.committees[$0.committee]?.majority } ?? .simple
            var fields = [("seance", meeting)]
            if let item { fields.append(("item", item)) }
            fields.append(("text", value("text")))
            var computed: DecisionOutcome? = nil
            var voteFields: [(String, String)] = []
            switch value("mode") {
            case "vote":
                var counts: [Int] = []
                for k in ["for", "against", "abstention"] {
                    let v = value(k).isEmpty ? "0" : value(k)
                    guard let n = Int(v), n >= 0 else { return .failure(Refusal("Les voix sont des nombres entiers (« \(value(k)) »).")) }
                    counts.append(n)
                }
                let count = VoteCount(votesFor: counts[0], against: counts[1], abstention: counts[2])
                guard count.total > 0 else { return .failure(Refusal("Indiquez les voix, ou choisissez « sans vote » ou « unanimité ».")) }
                guard count.total <= q.votes else {
                    return .failure(Refusal("Le total des voix (\(count.total)) dépasse les votes présents ou représentés (\(q.votes))."))
                }
                computed = count.adopted(under: rule) ? .valide : .rejete
                voteFields = [("for", String(counts[0])), ("against", String(counts[1])), ("abstention", String(counts[2]))]
            case "unanimite":
                computed = .valide
                voteFields = [("unanimous", "oui")]
            default:
                break
            }
            let chosen = DecisionOutcome(rawValue: value("outcome"))
            guard let outcome = chosen ?? computed else {
                return .failure(Refusal("Sans vote, choisissez le résultat (validé, ajourné, rejeté, amendé)."))
            }
            fields.append(("outcome", outcome.rawValue))
            fields += voteFields
            if let computed, computed != outcome { fields.append(("computed", computed.rawValue)) }
            fields += [("voters_present", String(q.votes)), ("quorum_met", q.met ? "oui" : "non"),
                       ("present", ctx.domain.presentVoters(meeting).joined(separator: ","))]
            return .success([EventDraft("decision.record", ctx.makeID("dec"), fields)])

        case .followUp(let meeting, let item):
            var fields = [("seance", meeting)]
            if let item { fields.append(("item", item)) }
            fields.append(("what", value("what")))
            if !value("owner").isEmpty { fields.append(("owner", memberOrText(value("owner"), meeting, ctx))) }
            if !value("due").isEmpty {
                guard let d = LocalDate(userInput: value("due")) else { return .failure(Refusal("Échéance illisible : écrivez JJ/MM/AAAA.")) }
                fields.append(("due", d.journalValue))
            }
            return .success([EventDraft("followup.add", ctx.makeID("fol"), fields)])

        case .guest(let meeting):
            var fields = [("seance", meeting), ("name", value("name"))]
            if !value("organisation").isEmpty { fields.append(("organisation", value("organisation"))) }
            let id = ctx.makeID("mem")
            var out = [EventDraft("guest.add", id, fields)]
            if ctx.domain.meetings[meeting]?.state == .inProgress {
                out.append(EventDraft("attendance.set", meeting, [("member", id), ("status", "present"), ("time", now)]))
            }
            return .success(out)

        case .progress(let action):
            var fields: [(String, String)] = []
            if !value("percent").isEmpty {
                guard let p = Int(value("percent").replacingOccurrences(of: "%", with: "").trimmingSpaces), (0...100).contains(p) else {
                    return .failure(Refusal("L'avancement est un pourcentage de 0 à 100."))
                }
                fields.append(("percent", String(p)))
            }
            for k in ["indicator", "value", "comment"] where !value(k).isEmpty { fields.append((k, value(k))) }
            guard fields.contains(where: { ["percent", "value", "comment"].contains($0.0) }) else {
                return .failure(Refusal("Indiquez un pourcentage, la valeur d'un indicateur ou un commentaire."))
            }
            return .success([EventDraft("action.progress", action, fields)])

        case .correctNote(let id):
            guard value("text") != fields[0].original else { return .success([]) }
            return .success([EventDraft("note.correct", id, [("text", value("text"))])])

        default:
            return nil
        }
    }
}
