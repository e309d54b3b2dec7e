import Foundation
import SeanceModel

/// The fiche action editor: every field, the status, and the financing plan.
extension FormState {
    static func action(_ a: ActionSheet?, _ st: ProjectState) -> FormState {
        let axes = [FormField.Option(value: "", label: "aucun")] + st.activeAxes.map { FormField.Option(value: $0.id, label: "Axe \($0.number) – \($0.title)") }
        let committees = [FormField.Option(value: "", label: "aucun")] + st.activeCommittees.map { FormField.Option(value: $0.id, label: $0.name) }
        let statuses = ActionStatus.allCases.map { FormField.Option(value: $0.rawValue, label: Fr.actionStatus($0)) }
        return FormState(title: a == nil ? "Nouvelle fiche action" : "Modifier la fiche", purpose: a.map { .editAction($0.id) } ?? .newAction, fields: [
            FormField(text: "title", "Titre", a?.title ?? "", required: true),
            FormField(choice: "axis", "Axe", axes, value: a?.axis ?? ""),
            FormField(choice: "committee", "Proposée par", committees, value: a?.committee ?? ""),
            FormField(text: "description", "Description", a?.description ?? ""),
            FormField(text: "objectives", "Objectifs", a?.objectives ?? ""),
            FormField(text: "porteur", "Porteur", a?.porteur ?? "", hint: "qui porte l'action (pas toujours la Ville)"),
            FormField(text: "maitrise", "Maîtrise d'ouvrage", a?.maitrise ?? ""),
            FormField(text: "partners", "Partenaires", a?.partners ?? ""),
            FormField(text: "cost", "Coût", a?.cost.map { plainMoney($0) } ?? "", hint: "en euros, ex. 28 500"),
            FormField(text: "calendar", "Calendrier", a?.calendar ?? "", hint: "ex. 2010–2012"),
            FormField(text: "indicators", "Indicateurs", a?.indicators ?? "", hint: "méthode et indicateurs d'évaluation"),
            FormField(choice: "status", "Statut", statuses, value: a?.status.rawValue ?? ActionStatus.proposee.rawValue),
        ])
    }

    static func financing(_ a: ActionSheet) -> FormState {
        var fields = a.financing.map { line in
            FormField(text: "f:" + line.financer, line.financer, plainMoney(line.amount), hint: "vide ou 0 : retirer ce financeur")
        }
        fields.append(FormField(text: "new", "Nouveau financeur", "", hint: "financeur=montant (CAF=12 000)"))
        var title = "Plan de financement"
        if let cost = a.cost { title += " (coût \(cost.frenchRounded))" }
        return FormState(title: title, purpose: .financing(action: a.id), fields: fields)
    }

    /// Events for the fiche forms; nil for the other forms.
    func actionDrafts(_ ctx: Context) -> Result<[EventDraft], Refusal>? {
        switch purpose {
        case .newAction, .editAction:
            var values: Commands.Values = []
            let isNew = purpose == .newAction
            for f in fields where isNew ? !f.value.isEmpty : f.value != f.original {
                guard let key = FieldKey(rawValue: f.key) else { continue }
                if key == .cost {
                    if f.value.isEmpty { values.append((.cost, "")); continue }
                    guard let m = Money(userInput: f.value) else { return .failure(Refusal("Coût illisible : écrivez par exemple 28 500 ou 28 500,50.")) }
                    values.append((.cost, m.journalValue))
                } else {
                    values.append((key, f.value))
                }
            }
            if case .editAction(let id) = purpose { return Commands.edit(ctx.domain, .actionEdit, id, values) }
            return Commands.createAction(ctx.domain, values, makeID: ctx.makeID)
        case .financing(let action):
            var out: [EventDraft] = []
            for f in fields where f.key.hasPrefix("f:") && f.value != f.original {
                let amount = f.value.isEmpty ? Money.zero : Money(userInput: f.value)
                guard let amount else { return .failure(Refusal("Montant illisible pour « \(f.label) ».")) }
                switch Commands.setFinancing(ctx.domain, action: action, financer: String(f.key.dropFirst(2)), amount: amount) {
                case .success(let d): out += d
                case .failure(let r): return .failure(r)
                }
            }
            let new = fields.last!.value
            if !new.isEmpty {
                let parts = new.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
                guard parts.count == 2, !parts[0].isEmpty, let amount = Money(userInput: parts[1]) else {
                    return .failure(Refusal("Nouveau financeur : écrivez financeur=montant, ex. CAF du Cantal=12 000."))
                }
                switch Commands.setFinancing(ctx.domain, action: action, financer: parts[0], amount: amount) {
                case .success(let d): out += d
                case .failure(let r): return .failure(r)
                }
            }
            return .success(out)
        default:
            return nil
        }
    }
}
