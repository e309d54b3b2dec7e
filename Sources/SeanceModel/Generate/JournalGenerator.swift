/// A realistic synthetic journal for benchmarks and for trying the program at scale:
/// committees of an intercommunal centre, their séances with agendas, attendance, French notes,
/// decisions, follow-ups, fiches actions and corrections. Deterministic for a seed.
public struct JournalGenerator {
    public var targetEvents: Int
    public var seed: UInt64

    public init(events: Int, seed: UInt64 = 1) {
        targetEvents = max(50, events); self.seed = seed
    }

    static let communes = ["Saint-Flour", "Murat", "Allanche", "Massiac", "Neussargues", "Pierrefort", "Chaudes-Aigues",
                           "Ruynes-en-Margeride", "Talizat", "Andelat", "Coltines", "Valuéjols", "Paulhac", "Tanavelle"]
    static let themes = ["Accès aux droits", "Vie sociale et vivre ensemble", "Insertion, ESS et développement économique",
                         "Autonomie des personnes âgées", "Participation des habitants", "Petite enfance, jeunesse, parentalité",
                         "Cadre de vie et développement durable", "Logement et précarité énergétique", "Santé et prévention",
                         "Mobilité solidaire"]
    static let firstNames = ["Claire", "Sophie", "Bernard", "Monique", "Jean-Paul", "Nathalie", "Alain", "Martine", "Josiane",
                             "Roger", "Valérie", "Didier", "Isabelle", "Sylvie", "Thierry", "Françoise", "Hervé", "Élodie",
                             "Anaïs", "Loïc", "Gaëlle", "Noël", "Chloé", "Benoît", "Héloïse", "Jérôme", "Céline", "François"]
    static let lastNames = ["MARTIN", "DELMAS", "VERDIER", "ROUCHY", "FALGOUX", "TEISSEDRE", "BOUDON", "LAPEYRE", "COMBES",
                            "MOURGUES", "BARBAT", "CHAMBON", "PRADAL", "ESTIVAL", "RIGAL", "BONNEFOY", "MAGNE", "LEFÈVRE",
                            "PEYRAC", "VIDAL", "CROZET", "AMARGER", "BRUNEL", "CHASSANG", "FOURNIER", "GIBERT", "ROCHE"]
    static let organisations = ["CCAS", "CAF du Cantal", "MSA Auvergne", "Pôle Emploi", "Conseil départemental du Cantal",
                                "DDETSPP du Cantal", "Secours populaire", "Restos du cœur", "Emmaüs", "Mission locale",
                                "ADMR", "Logisens", "Centre social", "Mairie", "Communauté de communes"]
    static let phrases = [
        "Le président ouvre la séance et remercie les partenaires présents.",
        "Le diagnostic fait apparaître une hausse des demandes d'aide alimentaire de 15 % sur l'année.",
        "L'épicerie solidaire a accueilli 312 familles ; la participation demandée reste de 10 % du prix.",
        "Les permanences d'accès aux droits sont saturées le lundi matin : une seconde plage est proposée.",
        "« Nous devons aller vers les personnes isolées, pas attendre qu'elles viennent à nous. »",
        "La CAF rappelle le calendrier des appels à projets et les critères d'éligibilité.",
        "Le groupe s'interroge sur la mobilité des jeunes sans permis dans les communes rurales.",
        "Le bilan du chantier d'insertion est positif : 8 sorties vers l'emploi sur 12 salariés.",
        "Les bailleurs signalent 24 logements énergivores ; un diagnostic à 160 € par ménage est envisagé.",
        "Le plan de financement doit être complété avant le prochain comité de pilotage.",
        "La commission souhaite associer davantage les habitants, notamment les jeunes parents.",
        "Un point d'étape sur les indicateurs d'évaluation sera présenté au trimestre suivant.",
        "Les élus insistent sur l'équité territoriale entre le bourg-centre et les communes rurales.",
        "Le référent propose de mutualiser les transports avec le service de portage de repas.",
        "Tour de table : chacun présente les actions engagées depuis la dernière séance.",
        "Le compte rendu de la séance précédente est approuvé sans modification.",
    ]
    static let actionTitles = ["Épicerie solidaire", "Antenne Emmaüs", "Aide au permis de conduire", "Guide du logement",
                               "Centre social", "Précarité énergétique", "Portage de repas", "Cinéma en plein air",
                               "Point d'accès au numérique", "Jardins partagés", "Accueil de jour", "Plateforme mobilité",
                               "Café des parents", "Chantier d'insertion", "Halte-répit des aidants"]

    /// Writes the journal through `emit`, one line at a time (header first). Returns the event count.
    @discardableResult
    public func generate(_ emit: (String) -> Void) -> Int {
        var rng = SplitMix64(seed: seed)
        var idRandom = SplitMix64(seed: seed ^ 0xA5A5_5A5A_1234_5678)
        var count = 0
        var clock: Int64 = 1_104_537_600   // 2005-01-01T00:00:00Z
        let author = "secretariat"
        func write(_ kind: EventKind, _ entity: String, _ fields: [(FieldKey, String?)], advance: Int64 = 60) {
            clock += advance
            let date = LocalDate(daysSinceEpoch: (clock + 3600) / 86400)
            let summer = date.month > 3 && date.month < 11
            let t = Timestamp(epochSeconds: clock, offsetMinutes: summer ? 120 : 60)
            let id = EventID.make(milliseconds: clock * 1000 + Int64(count % 1000), using: &idRandom)
            emit(EventDraft(kind, entity, fields).stamped(at: t, id: id, author: author).line)
            count += 1
        }
        emit(JournalParser.header)

        let committeeCount = min(60, max(3, targetEvents / 15_000 + 3))
        write(.projectSet, "project", [(.name, "Projet social de territoire du CIAS des Trois Vallées"),
                                          (.territory, "CIAS des Trois Vallées (\(Self.communes.count) communes)"),
                                          (.start, "2005-01-01"), (.end, "2030-12-31"), (.envelope, "12500000.00"), (.tz, "Europe/Paris")])
        for (i, t) in Self.themes.enumerated() { write(.axisAdd, "axis-\(i + 1)", [(.number, String(i + 1)), (.title, t)]) }

        struct Com { var id: String; var members: [String]; var voting: [String]; var number = 0 }
        var coms: [Com] = []
        var memberCounter = 0
        for c in 0..<committeeCount {
            let id = c == 0 ? "com-copil" : "com-\(c)"
            let axis = c == 0 ? nil : "axis-\((c - 1) % Self.themes.count + 1)"
            var fields: [(FieldKey, String?)] = [(.name, c == 0 ? "Comité de pilotage" : "Comité technique « \(Self.themes[(c - 1) % Self.themes.count]) » – \(Self.communes[c % Self.communes.count])"),
                          (.kind, c == 0 ? "pilotage" : "technique"), (.quorum, c == 0 ? "majorite" : "tiers")]
            if let axis { fields.append((.axis, axis)) }
            write(.committeeCreate, id, fields)
            var com = Com(id: id, members: [], voting: [])
            for _ in 0..<(8 + rng.int(8)) {
                memberCounter += 1
                let mid = "mem-\(memberCounter)"
                let voting = rng.chance(80)
                let org = rng.pick(Self.organisations) + " de " + rng.pick(Self.communes)
                write(.memberAdd, mid, [(.committee, id), (.name, rng.pick(Self.lastNames) + " " + rng.pick(Self.firstNames)),
                                          (.organisation, org), (.role, voting ? rng.pick(["elu", "professionnel", "referent", "rapporteur"]) : "expert"),
                                          (.voting, voting ? "oui" : "non")])
                com.members.append(mid)
                if voting { com.voting.append(mid) }
            }
            coms.append(com)
        }
        var actionIDs: [String] = []
        for a in 0..<max(5, min(400, targetEvents / 2_000)) {
            let id = "act-\(a + 1)"
            let cost = Int64(5 + rng.int(200)) * 1_000_00
            write(.actionCreate, id, [(.title, "\(Self.actionTitles[a % Self.actionTitles.count]) – \(Self.communes[a % Self.communes.count])"),
                                         (.axis, "axis-\(a % Self.themes.count + 1)"), (.committee, coms[1 + a % (coms.count - 1)].id),
                                         (.porteur, rng.pick(Self.organisations)), (.cost, Money(cents: cost).journalValue),
                                         (.indicators, "Nombre de personnes accompagnées ; taux de satisfaction")])
            let share = cost * Int64(40 + rng.int(50)) / 100
            write(.actionFinancing, id, [(.financer, "CIAS"), (.amount, Money(cents: share).journalValue)])
            write(.actionFinancing, id, [(.financer, rng.pick(["CAF du Cantal", "État", "Département", "Europe (FSE)"])), (.amount, Money(cents: cost - share).journalValue)])
            actionIDs.append(id)
        }

        var meetingCounter = 0, noteCounter = 0, openFollowUps: [String] = []
        while count < targetEvents {
            var com = coms[rng.int(coms.count)]
            com.number += 1
            meetingCounter += 1
            let mid = "sea-\(meetingCounter)"
            clock += Int64(86_400 * (1 + rng.int(3)))
            let date = LocalDate(daysSinceEpoch: (clock + 7200) / 86400)
            write(.seanceCreate, mid, [(.committee, com.id), (.date, date.journalValue), (.time, rng.chance(50) ? "14:00" : "18:00"),
                                         (.place, "Salle du conseil, mairie de " + rng.pick(Self.communes)),
                                         (.title, "Séance de travail – " + rng.pick(Self.themes)), (.secretary, "DURAND Claire")])
            var items: [String] = []
            for i in 0..<(3 + rng.int(4)) {
                let iid = "item-\(meetingCounter)-\(i + 1)"
                write(.agendaAdd, iid, [(.seance, mid), (.title, rng.pick(Self.themes) + " : point d'étape"),
                                          (.kind, rng.pick(["information", "debat", "decision"])), (.duration, String(10 + 5 * rng.int(6)))])
                items.append(iid)
            }
            write(.seanceOpen, mid, [(.time, "14:05")], advance: 3600)
            for m in com.members {
                let r = rng.int(100)
                let status = r < 70 ? "present" : r < 78 ? "distance" : r < 90 ? "excuse" : "absent"
                write(.attendanceSet, mid, [(.member, m), (.status, status)], advance: 5)
            }
            for iid in items {
                write(.agendaStart, iid, [(.time, "14:10")], advance: 120)
                for _ in 0..<(2 + rng.int(6)) {
                    noteCounter += 1
                    var fields: [(FieldKey, String?)] = [(.seance, mid), (.item, iid), (.text, rng.pick(Self.phrases))]
                    if rng.chance(30) { fields.append((.speaker, rng.pick(com.members))) }
                    write(.noteAdd, "note-\(noteCounter)", fields, advance: 45)
                    if rng.chance(3) { write(.noteCorrect, "note-\(noteCounter)", [(.text, rng.pick(Self.phrases) + " (corrigé)")], advance: 20) }
                }
                if rng.chance(40) {
                    let voters = com.voting.count
                    let f = max(1, voters * (50 + rng.int(50)) / 100)
                    var fields: [(FieldKey, String?)] = [(.seance, mid), (.item, iid), (.text, "Le comité valide le point : " + rng.pick(Self.themes).lowercased()),
                                  (.outcome, "valide"), (.`for`, String(f)), (.against, "0"), (.abstention, String(max(0, voters - f) / 2)),
                                  (.votersPresent, String(voters)), (.quorumMet, "oui")]
                    if rng.chance(20) { fields.append((.action, rng.pick(actionIDs))) }
                    write(.decisionRecord, "dec-\(meetingCounter)-\(iid.split(separator: "-").last!)", fields, advance: 60)
                }
                if rng.chance(25) {
                    let fid = "fol-\(meetingCounter)-\(iid.split(separator: "-").last!)"
                    write(.followupAdd, fid, [(.seance, mid), (.item, iid), (.what, "Transmettre les éléments du point à la commission"),
                                                (.owner, rng.pick(com.members)), (.due, LocalDate(daysSinceEpoch: date.daysSinceEpoch + 30).journalValue)])
                    openFollowUps.append(fid)
                }
            }
            write(.seanceClose, mid, [(.time, "16:30")], advance: 600)
            if openFollowUps.count > 40 {
                for fid in openFollowUps.prefix(20) { write(.followupDone, fid, [(.date, date.journalValue)], advance: 30) }
                openFollowUps.removeFirst(20)
            }
            if rng.chance(10), let act = actionIDs.randomElement(using: &rng) {
                write(.actionProgress, act, [(.percent, String(rng.int(101))), (.indicator, "Nombre de personnes accompagnées"),
                                               (.value, String(rng.int(300)))])
            }
            coms[coms.firstIndex { $0.id == com.id }!] = com
        }
        return count
    }
}
