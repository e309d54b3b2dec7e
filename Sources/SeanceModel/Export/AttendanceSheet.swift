/// La feuille d'émargement of a séance: the committee's members, each with a box to sign in,
/// then the guests and a few blank rows for those who come unannounced.
extension MinutesBuilder {
    /// Rows of the signature tables: 1.5 cm, room for a signature.
    static let signatureRowHeight = 1.5

    func attendanceSheet() -> ExportDocument {
        var doc = header(title: Fr.Export.attendanceSheetTitle)
        doc.blocks.append(.fields(headerFields().filter { $0.label != Fr.Export.state }))
        doc.blocks.append(.heading(level: 2, text: Fr.Export.attendanceSheetMembers))
        let members = seatedMembers.map { [ExportClean.line(Fr.Line.person($0)), quality($0), votes($0), ""] }
        doc.blocks.append(.table(DocTable(header: [Fr.Export.member, Fr.Export.quality, Fr.Export.votes, Fr.Export.signature], rows: members,
                                          weights: [3, 5, 2, 3], minRowHeight: Self.signatureRowHeight)))
        doc.blocks.append(.heading(level: 2, text: Fr.Export.attendanceSheetGuests))
        var guests = m.guests.compactMap { st.members[$0] }.map { [ExportClean.line($0.name), ExportClean.line($0.organisation), ""] }
        guests += Array(repeating: ["", "", ""], count: Fr.Export.attendanceSheetBlankRows)
        doc.blocks.append(.table(DocTable(header: [Fr.Export.name, Fr.Export.organisation, Fr.Export.signature], rows: guests,
                                          weights: [3, 5, 3], minRowHeight: Self.signatureRowHeight)))
        doc.blocks += signatureBlock()
        doc.blocks.append(.paragraph([.plain(Fr.Export.attendanceSheetClosing)], .body))
        return doc
    }

    /// « 1 », « 1 + pouvoir de VERDIER Monique » for a member who carries a pouvoir, « a donné
    /// pouvoir à ROUCHY Jean-Paul » for one who gave it (the vote is counted with the mandataire,
    /// not twice), « — » without a vote: what the sheet lets the secretary check against the
    /// attendance typed.
    func votes(_ member: Member) -> String {
        guard member.voting else { return "—" }
        if let a = m.attendance[member.id], a.status == .pouvoir {
            return a.proxy.map { Fr.Export.proxyGiven(to: person($0)) } ?? Fr.attendance(.pouvoir)
        }
        let mandants = seatedMembers.filter { m.attendance[$0.id]?.status == .pouvoir && m.attendance[$0.id]?.proxy == member.id }
        return (["1"] + mandants.map { Fr.Export.proxyOf(ExportClean.line(Fr.Line.person($0))) }).joined(separator: " + ")
    }
}
