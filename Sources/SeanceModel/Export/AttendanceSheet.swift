/// La feuille d'émargement of a séance: the committee's members, each with a box to sign in,
/// then the guests and a few blank rows for those who come unannounced.
extension MinutesBuilder {
    /// Rows of the signature tables: 1.5 cm, room for a signature.
    static let signatureRowHeight = 1.5

    func attendanceSheet() -> ExportDocument {
        var doc = header(title: Fr.Export.attendanceSheetTitle)
        doc.blocks.append(.fields(headerFields().filter { $0.label != Fr.Export.state }))
        doc.blocks.append(.heading(level: 2, text: Fr.Export.attendanceSheetMembers))
        let members = seatedMembers.map { [ExportClean.line($0.name), quality($0), ""] }
        doc.blocks.append(.table(DocTable(header: [Fr.Export.member, Fr.Export.quality, Fr.Export.signature], rows: members,
                                          weights: [3, 5, 3], minRowHeight: Self.signatureRowHeight)))
        doc.blocks.append(.heading(level: 2, text: Fr.Export.attendanceSheetGuests))
        var guests = m.guests.compactMap { st.members[$0] }.map { [ExportClean.line($0.name), ExportClean.line($0.organisation), ""] }
        guests += Array(repeating: ["", "", ""], count: Fr.Export.attendanceSheetBlankRows)
        doc.blocks.append(.table(DocTable(header: [Fr.Export.name, Fr.Export.organisation, Fr.Export.signature], rows: guests,
                                          weights: [3, 5, 3], minRowHeight: Self.signatureRowHeight)))
        return doc
    }
}
