/// Options of the decisions CSV in the SCDL « Délibérations » schema (Socle commun des données
/// locales, schema.data.gouv.fr/scdl/deliberations, version 2.1): what the journal does not
/// know about the body that publishes.
public struct SCDLOptions: Sendable {
    /// COLL_NOM: the official name of the publishing body; by default the project's name.
    public var collectivite: String?
    /// COLL_SIRET: 14 digits (required by the schema: left empty when unknown).
    public var siret: String
    /// DELIB_MATIERE_CODE / DELIB_MATIERE_NOM: the subject in the nomenclature of the « Actes »
    /// (level 2). By default 8.2, « Domaines de compétences par thèmes/Aide sociale ».
    public var matiereCode: String
    public var matiereNom: String
    /// DELIB_URL: when given, the decision's id is appended to it.
    public var urlPrefix: String?
    /// A text starting with `=`, `+`, `-` or `@` is prefixed with `'` so that a spreadsheet never
    /// runs it as a formula (CSV injection).
    public var guardFormulas: Bool
    /// A byte order mark first: Excel then reads UTF-8 without asking. Off by default, since
    /// validators and open-data portals expect plain UTF-8.
    public var byteOrderMark: Bool

    public init(collectivite: String? = nil, siret: String = "", matiereCode: String = "8.2",
                matiereNom: String = "Domaines de compétences par thèmes/Aide sociale", urlPrefix: String? = nil,
                guardFormulas: Bool = true, byteOrderMark: Bool = false) {
        self.collectivite = collectivite; self.siret = siret; self.matiereCode = matiereCode
        self.matiereNom = matiereNom; self.urlPrefix = urlPrefix
        self.guardFormulas = guardFormulas; self.byteOrderMark = byteOrderMark
    }
}

/// The decisions as the SCDL « Délibérations » table: one row per decision of the séances
/// given (in their order), the 17 columns of the schema in its order.
enum SCDLDeliberations {
    static let columns = [
        "COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM",
        "DELIB_OBJET", "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID", "PREF_DATE", "VOTE_EFFECTIF", "VOTE_REEL",
        "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION", "DELIB_URL",
    ]

    static func csv(_ st: ProjectState, meetings: [Meeting], options: SCDLOptions) -> String {
        var w = CSVWriter(guardFormulas: options.guardFormulas)
        w.row(columns)
        let coll = ExportClean.line(options.collectivite ?? st.project?.name ?? "")
        for m in meetings {
            guard let c = st.committees[m.committee] else { continue }
            let b = MinutesBuilder(st, m, c, ExportOptions(now: Timestamp(epochSeconds: 0, offsetMinutes: 0)))
            // Members of the body with a deliberative vote at that séance.
            let effectif = c.memberIDs.compactMap { st.members[$0] }
                .filter { $0.voting && $0.guestOf == nil && (!$0.retired || m.attendance[$0.id] != nil) }.count
            for id in b.decisionOrder {
                guard let d = st.decisions[id] else { continue }
                let counted = d.votesFor != nil || d.votesAgainst != nil || d.abstentions != nil
                var pour = d.votesFor, contre = d.votesAgainst, abst = d.abstentions
                if d.unanimous && !counted, let v = d.votersPresent { pour = v; contre = 0; abst = 0 }
                if counted { pour = pour ?? 0; contre = contre ?? 0; abst = abst ?? 0 }
                let reel = d.votersPresent ?? (counted ? (pour ?? 0) + (contre ?? 0) + (abst ?? 0) : nil)
                var objet = ExportClean.text(d.text).exportReplacingNewlines(with: " ")
                if d.withoutQuorum { objet += " " + Fr.Export.withoutQuorumCSV }
                w.row([
                    coll, ExportClean.line(options.siret), d.id, m.date.journalValue,
                    ExportClean.line(options.matiereCode), ExportClean.line(options.matiereNom),
                    objet, "", "", "", "",
                    effectif > 0 ? String(effectif) : "", reel.map(String.init) ?? "",
                    pour.map(String.init) ?? "", contre.map(String.init) ?? "", abst.map(String.init) ?? "",
                    options.urlPrefix.map { ExportClean.line($0) + d.id } ?? "",
                ])
            }
        }
        return (options.byteOrderMark ? "\u{FEFF}" : "") + w.text
    }
}

/// CSV the way French spreadsheets read it: `;` between fields, UTF-8, a decimal comma,
/// fields quoted as RFC 4180 says (when they hold `;`, `"`, a line break or edge spaces, with
/// `"` doubled), lines ended by CR LF as RFC 4180 asks (Excel, LibreOffice and every CSV
/// library read it; a LF-only file shows as one line in some Windows tools).
struct CSVWriter {
    private(set) var text = ""
    var guardFormulas = true

    mutating func row(_ fields: [String]) {
        text += fields.map(field).joined(separator: ";") + "\r\n"
    }

    func field(_ raw: String) -> String {
        var s = raw
        if guardFormulas, let f = s.first, "=+-@".contains(f) { s = "'" + s }
        let needsQuotes = s.contains { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || s.first == " " || s.last == " "
        guard needsQuotes else { return s }
        return "\"" + s.replacingQuotes + "\""
    }

    /// `28500,00`: a decimal comma, no thousands separator (the spreadsheet groups digits itself).
    static func number(_ m: Money) -> String {
        let j = m.journalValue
        return String(j.map { $0 == "." ? "," : $0 })
    }
}

private extension String {
    var replacingQuotes: String {
        var out = ""
        for ch in self { if ch == "\"" { out += "\"\"" } else { out.append(ch) } }
        return out
    }
}
