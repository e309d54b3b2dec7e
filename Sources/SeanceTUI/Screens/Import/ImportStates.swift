import SeanceModel

/// What the secretary asked to import: the file as typed, members or fiches, and for members
/// the committee of rows that name none.
public struct ImportRequest: Equatable, Sendable {
    public var path: String
    public var kind: ImportKind
    public var committee: String?
    public init(path: String, kind: ImportKind, committee: String? = nil) {
        self.path = path; self.kind = kind; self.committee = committee
    }
}

/// The import screen: the file as read, the meanings the secretary fixed, and the plan they
/// give (recomputed at each change, never written until Entrée).
public struct ImportState: Equatable, Sendable {
    public var request: ImportRequest
    public var table: ReadTable
    /// Meanings chosen by hand, by column index (`.some(nil)`: the column is ignored).
    public var chosen: [Int: ImportField?] = [:]
    /// The column chosen for ← →.
    public var selection = 0
    /// First line of the preview shown when paged with PgSuiv/PgPréc; nil: the chosen column stays in view.
    public var scroll: Int?
    public var plan: ImportPlan
    /// Once imported: what was done (« 12 membres créés, … »).
    public var done: String?

    init(request: ImportRequest, table: ReadTable, ctx: Context) {
        self.request = request
        self.table = table
        plan = Self.plan(request, table, [:], ctx)
    }

    /// The plan for these meanings, against the journal as it is now.
    static func plan(_ request: ImportRequest, _ table: ReadTable, _ chosen: [Int: ImportField?], _ ctx: Context) -> ImportPlan {
        let columns = chosen.keys.sorted().map { (String($0 + 1), chosen[$0]!) }
        return Commands.importTable(ctx.domain, table, ImportOptions(kind: request.kind, committee: request.committee, columns: columns),
                                    makeID: ctx.makeID)
    }

    mutating func recompute(_ ctx: Context) {
        plan = Self.plan(request, table, chosen, ctx)
        selection = min(selection, max(0, plan.columns.count - 1))
    }

    /// The meanings a column may take here, « ignorée » first.
    var meanings: [ImportField?] { [nil] + ImportField.fields(request.kind).map(Optional.some) }
}

extension FormState {
    /// The form that opens the import screen: which file, what it lists, which committee.
    static func importFile(committees: [Committee], selected: String?) -> FormState {
        let kinds = [FormField.Option(value: ImportKind.members.rawValue, label: "membres des comités"),
                     FormField.Option(value: ImportKind.actions.rawValue, label: "fiches actions")]
        let options = [FormField.Option(value: "", label: "selon la colonne Comité(s) du fichier")]
            + committees.map { FormField.Option(value: $0.id, label: $0.name) }
        return FormState(title: "Importer un tableur", purpose: .importFile, fields: [
            FormField(text: "path", "Fichier", "", required: true, hint: "un .csv, .xlsx ou .ods (aperçu d'abord)"),
            FormField(choice: "what", "Liste de", kinds, value: ImportKind.members.rawValue),
            FormField(choice: "committee", "Comité des membres", options, value: selected ?? ""),
        ])
    }

    /// The request the import form makes, or why not.
    var importRequest: Result<ImportRequest, Refusal> {
        let path = fields[0].value
        guard !path.isEmpty else { return .failure(Refusal("« Fichier » est obligatoire.")) }
        let kind = ImportKind(rawValue: fields[1].value) ?? .members
        let committee = fields[2].value
        return .success(ImportRequest(path: path, kind: kind, committee: kind == .members && !committee.isEmpty ? committee : nil))
    }
}
