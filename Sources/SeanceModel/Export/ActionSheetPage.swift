/// A fiche action as a page of the COPIL's dossier: every field, the plan de financement by
/// financer (sollicité / acquis), the indicators and the progress reported.
enum ActionSheetPage {
    static func document(_ st: ProjectState, _ a: ActionSheet) -> ExportDocument {
        let P = Fr.Paperwork.self
        let title = ExportClean.line(a.title)
        var doc = ExportDocument(
            kicker: st.project.map { ExportClean.line($0.name) }.flatMap { $0.isEmpty ? nil : $0 },
            title: P.actionTitle + " – " + title,
            subtitle: a.axis.flatMap { st.axes[$0] }.map { Fr.axis($0.number) + " – " + ExportClean.line($0.title) },
            shortTitle: P.actionTitle + " – " + title,
            // The fiche is written up by the secrétaire of the committee that proposed it.
            author: MinutesBuilder.author(st, meeting: nil, committee: a.committee.flatMap { st.committees[$0] }))
        var fields: [DocBlock.Field] = []
        func add(_ label: String, _ value: String) { if !value.isEmpty { fields.append(.init(label: label, value: value)) } }
        // The axis is the subtitle, under the title: not a field again.
        add(P.committee, a.committee.flatMap { st.committees[$0] }.map { ExportClean.line($0.name) } ?? "")
        add(P.status, Fr.actionStatus(a.status))
        add(P.porteur, ExportClean.line(a.porteur))
        add(P.maitrise, ExportClean.line(a.maitrise))
        add(P.partners, ExportClean.line(a.partners))
        add(P.cost, a.cost?.french ?? "")
        add(P.calendar, ExportClean.line(a.calendar))
        add(P.progress, a.progress.map(P.percent) ?? "")
        doc.blocks.append(.fields(fields))
        for (label, text) in [(P.description, a.description), (P.objectives, a.objectives)] {
            doc.blocks.append(.heading(level: 2, text: label))
            doc.blocks.append(text.isEmpty ? .paragraph([.emphasis(P.none)], .quiet) : .paragraph([.plain(ExportClean.text(text))], .body))
        }
        doc.blocks.append(.heading(level: 2, text: P.financing))
        if a.financing.isEmpty {
            doc.blocks.append(.paragraph([.emphasis(P.none)], .quiet))
        } else {
            let total = a.financed
            func share(_ m: Money) -> String {
                guard total.cents > 0 else { return "" }
                return String(Int((Double(m.cents) * 100 / Double(total.cents)).rounded())) + "\u{00A0}%"
            }
            var rows = a.financing.map { [ExportClean.line($0.financer), $0.amount.french, share($0.amount), P.financingState($0.state)] }
            rows.append([P.total, total.french, total.cents > 0 ? "100\u{00A0}%" : "", ""])
            doc.blocks.append(.table(DocTable(header: [P.financer, P.amount, P.share, P.financingState], rows: rows, weights: [6, 3, 2, 3])))
            if a.financing.contains(where: { $0.state != nil }) {
                let acquired = a.financing.filter { $0.state == .acquis }.reduce(Money.zero) { $0 + $1.amount }
                let asked = a.financing.filter { $0.state == .sollicite }.reduce(Money.zero) { $0 + $1.amount }
                doc.blocks.append(.paragraph([.plain(P.acquired(acquired, asked))], .body))
            }
            if let gap = a.financingGap {
                let line = gap.cents > 0 ? P.gap(gap) : gap.cents < 0 ? P.surplus(Money.zero - gap) : P.balanced
                doc.blocks.append(.paragraph([.plain(line)], .body))
            }
        }
        doc.blocks.append(.heading(level: 2, text: P.indicators))
        doc.blocks.append(a.indicators.isEmpty ? .paragraph([.emphasis(P.none)], .quiet) : .paragraph([.plain(ExportClean.text(a.indicators))], .body))
        doc.blocks.append(.heading(level: 2, text: P.history))
        if a.history.isEmpty {
            doc.blocks.append(.paragraph([.emphasis(P.none)], .quiet))
        } else {
            doc.blocks.append(.table(DocTable(header: [P.date, P.change], rows: a.history.map { h in
                var parts: [String] = []
                if let s = h.status { parts.append(P.status + " : " + Fr.actionStatus(s)) }
                if let p = h.percent { parts.append(P.progress + " : " + P.percent(p)) }
                if let i = h.indicator { parts.append(ExportClean.line(i) + (h.value.map { " : " + ExportClean.line($0) } ?? "")) }
                else if let v = h.value { parts.append(ExportClean.line(v)) }
                if let c = h.comment, !c.isEmpty { parts.append(ExportClean.text(c)) }
                return [h.date.french, parts.joined(separator: " ; ")]
            }, weights: [2, 9])))
        }
        return doc
    }
}
