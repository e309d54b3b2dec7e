/// Importing a list from a spreadsheet: the partners (members of the committees) or the fiches
/// actions. The columns are recognised by their French and usual names; every row is checked,
/// and the result is either one batch of events (all of them, checked against the state) or
/// the list of problems, each as FICHIER:LIGNE:COLONNE. Importing the same file again gives no
/// event; an updated file updates the records it matches — a member by its identifiant, else
/// by e-mail, else by name and organisation, in the same committee; a fiche by its identifiant,
/// else by its intitulé.
///
/// A person on several committees is one person with a seat on each: a row naming two
/// committees (« COPIL ; COTECH ») makes one person and two seats, and a row whose person
/// already sits on another committee — same name (accents and case aside) and same e-mail, or
/// same name and organisation — adds a seat to that person instead of a second record.
public enum ImportKind: String, Sendable, CaseIterable {
    case members = "membres"
    case actions = "fiches"
}

/// What a column means.
public enum ImportField: String, Sendable, CaseIterable {
    case id = "identifiant"
    case civility = "civilite", lastName = "nom", firstName = "prenom", fullName = "nom-complet"
    case organisation = "organisme", function = "fonction", email = "courriel", phone = "telephone"
    case committees = "comite", voting = "vote", role = "role"
    case number = "numero", title = "intitule", axis = "axe", porteur = "porteur", maitrise = "maitrise"
    case partners = "partenaires", description = "description", objectives = "objectifs", cost = "cout"
    case financers = "financeurs", calendar = "calendrier", indicators = "indicateurs", status = "statut"

    public var label: String {
        switch self {
        case .id: "Identifiant"
        case .civility: "Civilité"
        case .lastName: "Nom"
        case .firstName: "Prénom"
        case .fullName: "Nom et prénom"
        case .organisation: "Organisme"
        case .function: "Fonction"
        case .email: "Courriel"
        case .phone: "Téléphone"
        case .committees: "Comité(s)"
        case .voting: "Droit de vote"
        case .role: "Rôle"
        case .number: "N° (lu, non conservé)"
        case .title: "Intitulé"
        case .axis: "Axe"
        case .porteur: "Porteur"
        case .maitrise: "Maîtrise d'ouvrage"
        case .partners: "Partenaires"
        case .description: "Description"
        case .objectives: "Objectifs"
        case .cost: "Coût"
        case .financers: "Financeurs"
        case .calendar: "Calendrier"
        case .indicators: "Indicateurs"
        case .status: "Statut"
        }
    }

    public static func fields(_ kind: ImportKind) -> [ImportField] {
        switch kind {
        case .members: [.id, .civility, .lastName, .firstName, .fullName, .organisation, .function, .email, .phone, .committees, .voting, .role]
        case .actions: [.id, .number, .title, .axis, .committees, .porteur, .maitrise, .partners, .description, .objectives,
                        .cost, .financers, .calendar, .indicators, .status]
        }
    }

    /// The names a column of this meaning goes by, folded to letters and digits.
    func synonyms(_ kind: ImportKind) -> [String] {
        switch self {
        case .id: kind == .members ? ["identifiant", "id", "ref", "reference"] : ["identifiant", "id"]
        case .civility: ["civilite", "civ", "madamemonsieur", "mmem"]
        case .lastName: ["nom", "noms", "nomdefamille", "nomdusage"]
        case .firstName: ["prenom", "prenoms"]
        case .fullName: ["nomprenom", "nometprenom", "prenomnom", "nomcomplet", "personne", "participant", "membre", "nomsprenoms"]
        case .organisation: ["organisme", "structure", "organisation", "institution", "etablissement", "collectivite", "partenaire",
                             "employeur", "nomdelorganisme", "nomdelastructure", "organismestructure"]
        case .function: ["fonction", "poste", "qualite", "fonctions"]
        case .email: ["courriel", "email", "mail", "adressemail", "adresseemail", "adressecourriel", "adresseelectronique", "mel", "emel"]
        case .phone: ["telephone", "tel", "portable", "mobile", "telportable", "numerodetelephone", "telephoneportable", "telephonefixe"]
        case .committees: kind == .members ? ["comite", "comites", "instance", "instances", "commission", "commissions"] : ["comite", "comiteproposant"]
        case .voting: ["droitdevote", "votant", "vote", "voix", "voixdeliberative", "deliberative"]
        case .role: ["role", "college", "categorie"]
        case .number: ["n", "no", "num", "numero", "numerodefiche", "nfiche", "ref", "reference", "nodefiche"]
        case .title: ["intitule", "titre", "action", "nomdelaction", "libelle", "fiche", "ficheaction", "intituledelaction", "intituledelafiche"]
        case .axis: ["axe", "axes", "axestrategique", "orientation"]
        case .porteur: ["porteur", "porteurdeprojet", "porteurdelaction", "pilote", "responsable", "referent"]
        case .maitrise: ["maitrisedouvrage", "moa", "maitredouvrage"]
        case .partners: ["partenaires", "partenairesassocies"]
        case .description: ["description", "descriptif", "contenu"]
        case .objectives: ["objectif", "objectifs", "objectifsoperationnels"]
        case .cost: ["cout", "couttotal", "montant", "budget", "couttotalprevisionnel", "budgetprevisionnel", "coutestime", "coutprevisionnel"]
        case .financers: ["financeurs", "financements", "financement", "plandefinancement", "cofinanceurs", "financeur"]
        case .calendar: ["calendrier", "echeancier", "planning", "periode"]
        case .indicators: ["indicateurs", "indicateur", "indicateursdevaluation", "evaluation"]
        case .status: ["statut", "etat"]
        }
    }

    /// The field of a member's event this column fills, when it is one to one.
    var memberKey: FieldKey? {
        switch self {
        case .organisation: .organisation
        case .function: .function
        case .email: .email
        case .phone: .phone
        default: nil
        }
    }

    var actionKey: FieldKey? {
        switch self {
        case .porteur: .porteur
        case .maitrise: .maitrise
        case .partners: .partners
        case .description: .description
        case .objectives: .objectives
        case .calendar: .calendar
        case .indicators: .indicators
        default: nil
        }
    }

    /// A text that may hold line breaks.
    var multiline: Bool { [.partners, .description, .objectives, .calendar, .indicators, .financers, .maitrise].contains(self) }
}

/// A column of the file and what it was taken to mean.
public struct ImportColumn: Sendable, Equatable {
    public var index: Int
    public var header: String
    public var field: ImportField?
    /// Set by the secretary rather than recognised.
    public var byHand = false
    public var letter: String { XLSXReader.columnName(index) }
}

/// A problem of the file: where (the row's line, the column, 1-based) and why, in French.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var reason: String
    public var description: String { "\(file):\(line):\(column): \(reason)" }
}

public struct ImportOptions: Sendable {
    public var kind: ImportKind
    /// The committee of members whose row names none (or when the file has no Comité column).
    public var committee: String?
    /// Columns whose meaning the secretary fixed: by header, letter (`C`) or number (`3`); nil ignores the column.
    public var columns: [(String, ImportField?)]
    public init(kind: ImportKind, committee: String? = nil, columns: [(String, ImportField?)] = []) {
        self.kind = kind; self.committee = committee; self.columns = columns
    }
}

/// What an import would do: shown before anything is written.
public struct ImportPlan: Sendable, Equatable {
    public var kind: ImportKind
    public var file: String
    public var howRead: String
    public var headerLine: Int
    public var columns: [ImportColumn]
    /// The first rows, as read, for the preview.
    public var preview: [[String]]
    public var rowCount: Int
    /// The whole batch, empty when there are problems.
    public var drafts: [EventDraft]
    public var created = 0, updated = 0, unchanged = 0
    /// Seats added to a person who sits on another committee (or on another committee of the same row).
    public var seats = 0
    public var problems: [ImportProblem]

    public var summary: String {
        let what = kind == .members ? ("membre", "membres") : ("fiche", "fiches")
        func n(_ k: Int, _ adj: String) -> String { "\(k) \(k > 1 ? what.1 : what.0) \(adj)\(k > 1 ? "s" : "")" }
        var parts = [n(created, what.0 == "fiche" ? "créée" : "créé")]
        if seats > 0 { parts.append("\(seats) siège\(seats > 1 ? "s" : "") ajouté\(seats > 1 ? "s" : "") à une personne d'un autre comité") }
        parts += [n(updated, what.0 == "fiche" ? "mise à jour" : "mis à jour"), n(unchanged, what.0 == "fiche" ? "inchangée" : "inchangé")]
        return parts.joined(separator: ", ").replacingOccurrences(of: "à jours", with: "à jour")
    }
}

extension Commands {
    /// The batch of events that brings the file's list in, or its problems (and no event).
    public static func importTable(_ st: ProjectState, _ table: ReadTable, _ options: ImportOptions, makeID: MakeID) -> ImportPlan {
        var importer = Importer(st: st, table: table, options: options)
        return importer.run(makeID: makeID)
    }

    /// A header folded to its letters and digits: « Comité(s) » → `comites`, « E-mail » → `email`.
    public static func headerKey(_ s: String) -> String {
        String(Folding.fold(s).unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }.map(Character.init))
    }
}

private struct Importer {
    let st: ProjectState
    let table: ReadTable
    let options: ImportOptions
    var problems: [ImportProblem] = []
    var columns: [ImportColumn] = []
    var drafts: [EventDraft] = []
    var draftLines: [Int] = []
    var created = 0, updated = 0, unchanged = 0, seats = 0

    init(st: ProjectState, table: ReadTable, options: ImportOptions) {
        self.st = st; self.table = table; self.options = options
    }

    mutating func problem(_ line: Int, _ column: Int, _ reason: String) {
        problems.append(ImportProblem(file: table.fileName, line: line, column: column, reason: reason))
    }

    /// The header is the row, among the first ten, where most columns are recognised (a title
    /// row above it is common).
    func recognise(_ row: TableRow) -> [ImportColumn] {
        var taken = Set<ImportField>()
        let fields = ImportField.fields(options.kind)
        return row.cells.enumerated().map { i, cell in
            let key = Commands.headerKey(cell.display)
            var field: ImportField?
            if !key.isEmpty {
                field = fields.first { $0.synonyms(options.kind).contains(key) }
                if field == nil {
                    // « Coût total TTC » → Coût: the longest name the header starts with.
                    var best = 0
                    for f in fields { for s in f.synonyms(options.kind) where s.count >= 3 && key.hasPrefix(s) && s.count > best { best = s.count; field = f } }
                }
            }
            if let f = field, taken.contains(f) { field = nil }
            if let f = field { taken.insert(f) }
            return ImportColumn(index: i, header: cell.display, field: field)
        }
    }

    mutating func run(makeID: MakeID) -> ImportPlan {
        var plan = ImportPlan(kind: options.kind, file: table.fileName, howRead: table.howRead, headerLine: 0, columns: [], preview: [],
                              rowCount: 0, drafts: [], problems: [])
        guard !table.rows.isEmpty else {
            problem(1, 1, "fichier vide : aucune ligne à importer.")
            plan.problems = problems
            return plan
        }
        var headerIndex = 0, best = -1
        for (i, r) in table.rows.prefix(10).enumerated() {
            let n = recognise(r).filter { $0.field != nil }.count
            if n > best { best = n; headerIndex = i }
        }
        let header = table.rows[headerIndex]
        columns = recognise(header)
        for (spec, field) in options.columns {
            let key = Commands.headerKey(spec)
            let idx: Int? = Int(spec).map { $0 - 1 } ?? (spec.count <= 3 && spec.allSatisfy(\.isLetter) && spec == spec.uppercased()
                ? XLSXReader.columnIndex(spec) : nil) ?? columns.firstIndex { Commands.headerKey($0.header) == key }
            guard let i = idx, columns.indices.contains(i) else {
                problem(header.line, 1, "colonne « \(spec) » introuvable dans l'en-tête.")
                continue
            }
            if let field { for j in columns.indices where columns[j].field == field { columns[j].field = nil } }
            columns[i].field = field
            columns[i].byHand = true
        }
        let dataRows = Array(table.rows[(headerIndex + 1)...])
        plan.headerLine = header.line
        plan.columns = columns
        plan.rowCount = dataRows.count
        plan.preview = dataRows.prefix(5).map { r in columns.indices.map { r[$0].display } }
        if table.format == .csv {
            for r in dataRows where r.cells.count != header.cells.count {
                problem(r.line, min(r.cells.count, header.cells.count) + 1,
                        "ligne de \(r.cells.count) champs, l'en-tête en a \(header.cells.count) : un séparateur en trop ou un guillemet manquant ?")
            }
        }
        if problems.isEmpty {
            switch options.kind {
            case .members: members(dataRows, makeID: makeID)
            case .actions: actions(dataRows, makeID: makeID)
            }
        }
        if problems.isEmpty { check() }
        plan.problems = problems
        plan.created = created; plan.updated = updated; plan.unchanged = unchanged; plan.seats = seats
        plan.drafts = problems.isEmpty ? drafts : []
        return plan
    }

    /// The batch applied to a copy of the state: what the journal would refuse is a problem now.
    mutating func check() {
        var copy = st
        let now = Timestamp(epochSeconds: 0, offsetMinutes: 0)
        var rng = SplitMix64(seed: 1)
        for (i, d) in drafts.enumerated() {
            if let p = copy.apply(d.stamped(at: now, id: EventID.make(milliseconds: Int64(i), using: &rng), author: "import")) {
                problem(draftLines[i], 1, p.message)
                return
            }
        }
    }

    func column(_ f: ImportField) -> Int? { columns.first { $0.field == f }?.index }

    /// A cell's text, checked: no formula, no control character, trimmed.
    mutating func text(_ row: TableRow, _ f: ImportField) -> String? {
        guard let c = column(f) else { return nil }
        let cell = row[c]
        var s: String
        switch cell {
        case .formula(let t):
            problem(row.line, c + 1, "\(f.label) : formule « \(VisibleText.make(t)) » ; collez plutôt sa valeur (Collage spécial › Valeurs).")
            return ""
        case .number(let n):
            // A whole number stored as a float (a phone typed without its 0, an N°): no « .0 ».
            s = n.hasSuffix(".0") ? String(n.dropLast(2)) : n
        default: s = cell.display
        }
        if s.hasPrefix("'"), let second = s.dropFirst().first, "=+-@".contains(second) { s.removeFirst() }
        else if s.hasPrefix("=") {
            problem(row.line, c + 1, "\(f.label) : « \(VisibleText.make(s)) » commence par = : une formule ? Collez sa valeur.")
            return ""
        }
        for u in s.unicodeScalars where u.value < 0x20 || (0x7F...0x9F).contains(u.value) || (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value) {
            if (u == "\n" || u == "\r" || u == "\t") && f.multiline { continue }
            if u == "\n" || u == "\r" || u == "\t" { continue } else {
                problem(row.line, c + 1, "\(f.label) : caractère de contrôle U+\(String(u.value, radix: 16, uppercase: true).leftPadded(4)) dans « \(VisibleText.make(s)) » (séquence d'échappement ?).")
            }
            return ""
        }
        s = s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        // A line break typed in a one-line cell (Alt+Entrée) is a space.
        if !f.multiline { s = s.split(whereSeparator: { $0 == "\n" || $0 == "\t" }).joined(separator: " ") }
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - Members

    mutating func members(_ rows: [TableRow], makeID: MakeID) {
        guard column(.lastName) != nil || column(.fullName) != nil else {
            problem(rows.first?.line ?? 1, 1, "aucune colonne Nom (ni « Nom et prénom ») : indiquez laquelle avec --colonne ENTÊTE=nom.")
            return
        }
        // The members of each committee by identity: e-mail, then name and organisation.
        var byEmail: [String: [String: String]] = [:], byName: [String: [String: String]] = [:]
        for c in st.committees.values {
            for mid in c.memberIDs {
                guard let m = st.members[mid], !m.retired, m.guestOf == nil else { continue }
                if !m.email.isEmpty { byEmail[c.id, default: [:]][Folding.fold(m.email)] = mid }
                byName[c.id, default: [:]][nameKey(m.name, m.organisation)] = mid
            }
        }
        // The persons already there, and those this file creates, by name and e-mail and by
        // name and organisation: a row of one of them is a seat of hers, not a second person.
        var knownPersons: [String: String] = [:]
        for p in st.persons {
            for k in personKeys(p.identity.name, p.identity.email, p.identity.organisation) where knownPersons[k] == nil { knownPersons[k] = p.id }
        }
        /// The persons whose identity this file already changed (one edit for all her seats).
        var identityDone = Set<String>()
        var seen: [String: Int] = [:]
        for row in rows {
            let before = problems.count
            let last = text(row, .lastName) ?? "", first = text(row, .firstName) ?? "", full = text(row, .fullName) ?? ""
            var name = full
            if name.isEmpty { name = first.isEmpty ? last : (last.uppercased() + " " + first) }
            else if !last.isEmpty || !first.isEmpty { name = [last.uppercased(), first].filter { !$0.isEmpty }.joined(separator: " ") }
            if name.isEmpty && problems.count == before { problem(row.line, (column(.lastName) ?? column(.fullName)!) + 1, "nom manquant.") }
            var values: [(FieldKey, String)] = []
            if let v = text(row, .civility) {
                if v.isEmpty { values.append((.civility, "")) } else if let c = civility(v) { values.append((.civility, c.rawValue)) } else {
                    problem(row.line, column(.civility)! + 1, "civilité « \(VisibleText.make(v)) » inconnue : Mme ou M.")
                }
            }
            for f in [ImportField.organisation, .function, .phone] { if let v = text(row, f) { values.append((f.memberKey!, v)) } }
            if let v = text(row, .email) {
                if !v.isEmpty && !isEmail(v) {
                    problem(row.line, column(.email)! + 1, v.contains("@") ? "adresse électronique invalide « \(VisibleText.make(v)) »."
                                                                           : "adresse électronique sans @ « \(VisibleText.make(v)) ».")
                }
                values.append((.email, v))
            }
            if let v = text(row, .voting), !v.isEmpty {
                if let b = yesNo(v) { values.append((.voting, b ? "oui" : "non")) } else {
                    problem(row.line, column(.voting)! + 1, "droit de vote « \(VisibleText.make(v)) » illisible : oui ou non.")
                }
            }
            if let v = text(row, .role), !v.isEmpty {
                // The neutral form or either agreed one (« élue », « rapporteure », « administratrice CCAS »).
                let wanted = Folding.fold(v)
                if let r = MemberRole.allCases.first(where: { r in
                    Folding.fold(r.rawValue) == wanted || [nil, Civility.mme, .m].contains { Folding.fold(Fr.role(r, $0)) == wanted }
                }) {
                    values.append((.role, r.rawValue))
                } else {
                    problem(row.line, column(.role)! + 1, "rôle « \(VisibleText.make(v)) » inconnu : \(MemberRole.allCases.map { Fr.role($0) }.joined(separator: ", ")) (ou faites de cette colonne la Fonction).")
                }
            }
            var committees: [String] = []
            let cell = text(row, .committees) ?? ""
            if cell.isEmpty {
                if let c = options.committee { committees = [c] } else {
                    problem(row.line, (column(.committees) ?? 0) + 1, column(.committees) == nil
                            ? "aucune colonne Comité : indiquez le comité avec --comite ID." : "comité manquant (et pas de --comite).")
                }
            } else {
                for part in cell.split(whereSeparator: { ",;/\n+".contains($0) }) {
                    let p = part.trimmingCharacters(in: .whitespaces)
                    if p.isEmpty { continue }
                    if let c = committee(p) { committees.append(c) } else {
                        problem(row.line, column(.committees)! + 1, "comité inconnu « \(VisibleText.make(p)) » ; comités : \(st.committeeOrder.compactMap { st.committees[$0]?.name }.joined(separator: ", ")).")
                    }
                }
            }
            guard problems.count == before else { continue }
            let email = values.first { $0.0 == .email }?.1 ?? ""
            let org = values.first { $0.0 == .organisation }?.1 ?? ""
            let idCell = text(row, .id) ?? ""
            let byID = idCell.isEmpty ? nil : st.members[idCell].flatMap { $0.retired || $0.guestOf != nil ? nil : $0 }
            // The row's seats where they exist; the person, found by a seat, else by her name.
            var found: [(String, Member?)] = []
            for cid in committees {
                var existing: Member?
                if let m = byID { existing = st.seats(ofPerson: m.personID).first { $0.committee == cid && !$0.retired } }
                else if !email.isEmpty, let mid = byEmail[cid]?[Folding.fold(email)] { existing = st.members[mid] }
                else if let mid = byName[cid]?[nameKey(name, org)] { existing = st.members[mid] }
                found.append((cid, existing))
            }
            var person = byID?.personID ?? found.lazy.compactMap { $0.1?.personID }.first
            if person == nil { person = personKeys(name, email, org).lazy.compactMap { knownPersons[$0] }.first }
            for (cid, existing) in found {
                let identity = existing?.id ?? (cid + "|" + (person ?? (email.isEmpty ? nameKey(name, org) : Folding.fold(email))))
                if let l = seen[identity] {
                    problem(row.line, (column(.email) ?? column(.lastName) ?? column(.fullName)!) + 1, "même personne, même comité qu'à la ligne \(l).")
                    continue
                }
                seen[identity] = row.line
                if let m = existing {
                    // Her identity once for all her seats; role and vote on each seat.
                    var changes: [(FieldKey, String)] = []
                    let identityOnce = !identityDone.contains(m.personID)
                    if identityOnce {
                        identityDone.insert(m.personID)
                        if m.name != name { changes.append((.name, name)) }
                    }
                    for (k, v) in values where current(m, k) != v && (identityOnce || k == .role || k == .voting) { changes.append((k, v)) }
                    if changes.isEmpty { unchanged += 1 } else {
                        updated += 1
                        add(EventDraft(.memberEdit, m.id, changes.map { ($0.0, Optional($0.1)) }), row.line)
                    }
                } else if let p = person {
                    // A seat of a person who sits elsewhere (or was made by this row or an earlier one).
                    seats += 1
                    if !identityDone.contains(p), let m = st.members[p] {
                        identityDone.insert(p)
                        var changes: [(FieldKey, String)] = []
                        if m.name != name { changes.append((.name, name)) }
                        for (k, v) in values where k != .role && k != .voting && current(m, k) != v { changes.append((k, v)) }
                        if !changes.isEmpty {
                            updated += 1
                            add(EventDraft(.memberEdit, p, changes.map { ($0.0, Optional($0.1)) }), row.line)
                        }
                    }
                    let seat = values.filter { ($0.0 == .role || $0.0 == .voting) && !$0.1.isEmpty }
                    add(EventDraft(.memberAdd, makeID("mem"), [(.committee, cid), (.name, name), (.person, p)] + seat.map { ($0.0, Optional($0.1)) }), row.line)
                } else {
                    created += 1
                    let id = makeID("mem")
                    add(EventDraft(.memberAdd, id, [(.committee, cid), (.name, name)] + values.filter { !$0.1.isEmpty }.map { ($0.0, Optional($0.1)) }), row.line)
                    person = id
                    identityDone.insert(id)
                    for k in personKeys(name, email, org) where knownPersons[k] == nil { knownPersons[k] = id }
                }
            }
        }
    }

    /// The keys a person is found by: her name with her e-mail, her name with her organisation.
    func personKeys(_ name: String, _ email: String, _ org: String) -> [String] {
        let n = Commands.headerKey(name)
        guard !n.isEmpty else { return [] }
        var keys: [String] = []
        if !email.isEmpty { keys.append(n + "|@" + Folding.fold(email)) }
        if !org.isEmpty { keys.append(n + "|o" + Commands.headerKey(org)) }
        return keys
    }

    func current(_ m: Member, _ k: FieldKey) -> String {
        switch k {
        case .civility: m.civility?.rawValue ?? ""
        case .organisation: m.organisation
        case .function: m.function
        case .email: m.email
        case .phone: m.phone
        case .voting: m.voting ? "oui" : "non"
        case .role: m.role.rawValue
        default: ""
        }
    }

    mutating func add(_ d: EventDraft, _ line: Int) { drafts.append(d); draftLines.append(line) }

    func nameKey(_ name: String, _ org: String) -> String { Commands.headerKey(name) + "|" + Commands.headerKey(org) }

    func civility(_ v: String) -> Civility? {
        switch Commands.headerKey(v) {
        case "mme", "madame", "mlle", "mademoiselle", "mm": .mme
        case "m", "monsieur", "mr": .m
        default: nil
        }
    }

    func isEmail(_ v: String) -> Bool {
        let parts = v.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !v.contains { $0 == " " || $0 == "," || $0 == ";" || $0 == "<" || $0 == ">" }
    }

    func yesNo(_ v: String) -> Bool? {
        switch Commands.headerKey(v) {
        case "oui", "o", "x", "1", "vrai", "yes", "y", "true", "votant", "voixdeliberative", "deliberative": true
        case "non", "n", "0", "faux", "no", "false", "nonvotant", "voixconsultative", "consultative", "consultatif": false
        default: nil
        }
    }

    func committee(_ v: String) -> String? {
        if let c = st.committees[v], !c.retired { return c.id }
        let k = Commands.headerKey(v)
        return st.committeeOrder.first { id in
            guard let c = st.committees[id], !c.retired else { return false }
            return Commands.headerKey(c.name) == k
        }
    }

    // MARK: - Fiches actions

    mutating func actions(_ rows: [TableRow], makeID: MakeID) {
        guard column(.title) != nil else {
            problem(rows.first?.line ?? 1, 1, "aucune colonne Intitulé : indiquez laquelle avec --colonne ENTÊTE=intitule.")
            return
        }
        var byTitle: [String: String] = [:]
        for a in st.actions.values { byTitle[Commands.headerKey(a.title)] = a.id }
        var seen: [String: Int] = [:]
        for row in rows {
            let before = problems.count
            _ = text(row, .number)
            let title = text(row, .title) ?? ""
            if title.isEmpty { problem(row.line, column(.title)! + 1, "intitulé manquant.") }
            var values: [(FieldKey, String)] = []
            for f in [ImportField.porteur, .maitrise, .partners, .description, .objectives, .calendar, .indicators] {
                if let v = text(row, f) { values.append((f.actionKey!, v)) }
            }
            if let v = text(row, .axis) {
                if v.isEmpty { values.append((.axis, "")) } else if let a = axis(v) { values.append((.axis, a)) } else {
                    problem(row.line, column(.axis)! + 1, "axe inconnu « \(VisibleText.make(v)) » ; axes : \(st.axes.values.filter { !$0.retired }.sorted { $0.number < $1.number }.map { Fr.axis($0.number) }.joined(separator: ", ")).")
                }
            }
            if let v = text(row, .committees) {
                if v.isEmpty { values.append((.committee, "")) } else if let c = committee(v) { values.append((.committee, c)) } else {
                    problem(row.line, column(.committees)! + 1, "comité inconnu « \(VisibleText.make(v)) ».")
                }
            }
            if let c = column(.cost) {
                switch row[c] {
                case .number(let n):
                    if let m = money(number: n) { values.append((.cost, m.journalValue)) } else { problem(row.line, c + 1, "coût « \(n) » hors limites.") }
                case .formula: _ = text(row, .cost)
                default:
                    let v = text(row, .cost) ?? ""
                    if v.isEmpty { values.append((.cost, "")) } else if let m = Money(userInput: v) { values.append((.cost, m.journalValue)) } else {
                        problem(row.line, c + 1, "coût illisible « \(VisibleText.make(v)) » : un montant comme 12 500,00 €.")
                    }
                }
            }
            if let v = text(row, .status), !v.isEmpty {
                if let s = ActionStatus.allCases.first(where: { Commands.headerKey($0.rawValue) == Commands.headerKey(v) || Commands.headerKey(Fr.actionStatus($0)) == Commands.headerKey(v) }) {
                    values.append((.status, s.rawValue))
                } else {
                    problem(row.line, column(.status)! + 1, "statut « \(VisibleText.make(v)) » inconnu : \(ActionStatus.allCases.map(Fr.actionStatus).joined(separator: ", ")).")
                }
            }
            var plan: [(String, Money)]?
            if let v = text(row, .financers) {
                plan = []
                for part in v.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
                    let p = part.trimmingCharacters(in: .whitespaces)
                    if p.isEmpty { continue }
                    guard let colon = p.lastIndex(of: ":") else {
                        problem(row.line, column(.financers)! + 1, "financeur sans montant « \(VisibleText.make(p)) » : écrivez « CAF : 5 000 € ; Commune : 3 000 € ».")
                        continue
                    }
                    let who = p[..<colon].trimmingCharacters(in: .whitespaces), amount = p[p.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    guard !who.isEmpty, let m = Money(userInput: amount) else {
                        problem(row.line, column(.financers)! + 1, "montant illisible pour « \(VisibleText.make(who)) » : « \(VisibleText.make(amount)) ».")
                        continue
                    }
                    if plan!.contains(where: { $0.0 == who }) {
                        problem(row.line, column(.financers)! + 1, "financeur « \(VisibleText.make(who)) » nommé deux fois.")
                        continue
                    }
                    plan!.append((who, m))
                }
            }
            guard problems.count == before else { continue }
            let idCell = text(row, .id) ?? ""
            let existing: ActionSheet? = (!idCell.isEmpty ? st.actions[idCell] : nil) ?? byTitle[Commands.headerKey(title)].flatMap { st.actions[$0] }
            let identity = existing?.id ?? Commands.headerKey(title)
            if let l = seen[identity] { problem(row.line, column(.title)! + 1, "même fiche qu'à la ligne \(l)."); continue }
            seen[identity] = row.line
            var financing: [EventDraft] = []
            let id = existing?.id ?? makeID("act")
            if let plan {
                for (who, m) in plan where existing?.financing.first(where: { $0.financer == who })?.amount != m {
                    financing.append(EventDraft(.actionFinancing, id, [(.financer, who), (.amount, m.journalValue)]))
                }
                for line in existing?.financing ?? [] where !plan.contains(where: { $0.0 == line.financer }) {
                    financing.append(EventDraft(.actionFinancing, id, [(.financer, line.financer), (.amount, Money.zero.journalValue)]))
                }
            }
            if let a = existing {
                var changes: [(FieldKey, String)] = []
                if a.title != title { changes.append((.title, title)) }
                for (k, v) in values where current(a, k) != v { changes.append((k, v)) }
                if changes.isEmpty && financing.isEmpty { unchanged += 1; continue }
                updated += 1
                if !changes.isEmpty { add(EventDraft(.actionEdit, id, changes.map { ($0.0, Optional($0.1)) }), row.line) }
            } else {
                created += 1
                add(EventDraft(.actionCreate, id, [(.title, title)] + values.filter { !$0.1.isEmpty }.map { ($0.0, Optional($0.1)) }), row.line)
            }
            for d in financing { add(d, row.line) }
        }
    }

    func current(_ a: ActionSheet, _ k: FieldKey) -> String {
        switch k {
        case .porteur: a.porteur
        case .maitrise: a.maitrise
        case .partners: a.partners
        case .description: a.description
        case .objectives: a.objectives
        case .calendar: a.calendar
        case .indicators: a.indicators
        case .axis: a.axis ?? ""
        case .committee: a.committee ?? ""
        case .cost: a.cost?.journalValue ?? ""
        case .status: a.status.rawValue
        default: ""
        }
    }

    func money(number n: String) -> Money? {
        guard let d = Double(n), d.isFinite else { return nil }
        let c = (d * 100).rounded()
        guard abs(c) <= Double(Money.journalRange.upperBound) else { return nil }
        return Money(cents: Int64(c))
    }

    /// « 2 », « Axe 2 », « Axe 2 – Titre », the title, or the id.
    func axis(_ v: String) -> String? {
        let live = st.axes.values.filter { !$0.retired }
        if let a = st.axes[v], !a.retired { return a.id }
        let k = Commands.headerKey(v)
        var digits = k.hasPrefix("axe") ? String(k.dropFirst(3)) : k
        digits = String(digits.prefix { $0.isNumber })
        if let n = Int(digits), k == digits || k.hasPrefix("axe" + digits) || k.hasPrefix(digits), let a = live.first(where: { $0.number == n }) { return a.id }
        return live.first { Commands.headerKey($0.title) == k || Commands.headerKey(Fr.axis($0.number) + $0.title) == k }?.id
    }
}

private extension String {
    func leftPadded(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}

/// The preview of an import, as lines: how the file was read, each column's meaning, the first
/// rows, what would be done. The command line prints it; the import screen shows it.
public enum ImportPreview {
    public static func lines(_ plan: ImportPlan) -> [String] {
        var out = ["Lu : \(plan.howRead) ; en-tête ligne \(plan.headerLine), \(plan.rowCount) ligne(s) de données.", "Colonnes :"]
        let w = min(30, plan.columns.map { VisibleText.make($0.header).count }.max() ?? 0)
        for c in plan.columns {
            let h = VisibleText.make(c.header)
            let meaning = c.field.map { $0.label + (c.byHand ? " (choisi)" : "") } ?? "(ignorée)"
            out.append("  \(c.letter.padding(toLength: 3, withPad: " ", startingAt: 0))\(h.padding(toLength: w, withPad: " ", startingAt: 0)) → \(meaning)")
        }
        if !plan.preview.isEmpty {
            out.append("Premières lignes :")
            for r in plan.preview { out.append("  " + r.map { short(VisibleText.make($0)) }.joined(separator: " | ")) }
        }
        if plan.problems.isEmpty { out.append("Résultat : \(plan.summary).") }
        return out
    }

    static func short(_ s: String) -> String { s.count > 24 ? String(s.prefix(23)) + "…" : s }
}
