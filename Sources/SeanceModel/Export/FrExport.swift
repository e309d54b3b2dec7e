/// The French words of the exported documents (compte rendu, relevé de décisions, CSV, agenda).
extension Fr {
    public enum Export {
        public static let minutesTitle = "Compte rendu de séance"
        public static let decisionsTitle = "Relevé de décisions"
        public static let attendanceSheetTitle = "Feuille d'émargement"
        public static let attendanceSheetMembers = "Membres du comité"
        public static let attendanceSheetGuests = "Invités et autres participants"
        public static let attendanceSheetBlankRows = 4
        /// Under the signatures: the count the président certifies, filled in by hand.
        public static let attendanceSheetClosing = "Feuille arrêtée à ………… membres présents et ………… pouvoirs, certifiée exacte."
        public static let signature = "Signature"
        public static let name = "Nom et prénom"
        public static let organisation = "Organisme"
        public static func periodDecisionsSubtitle(from: LocalDate?, to: LocalDate?) -> String {
            switch (from, to) {
            case let (f?, t?): "Séances du \(Fr.longDate(f)) au \(Fr.longDate(t))"
            case let (f?, nil): "Séances à partir du \(Fr.longDate(f))"
            case let (nil, t?): "Séances jusqu'au \(Fr.longDate(t))"
            case (nil, nil): "Toutes les séances"
            }
        }

        // Header fields
        public static let instance = "Instance"
        public static let project = "Projet"
        public static let meeting = "Séance"
        public static let date = "Date"
        public static let time = "Horaire"
        public static let place = "Lieu"
        public static let secretary = "Secrétaire de séance"
        public static let state = "État"
        public static func stateNote(_ s: MeetingStatus) -> String {
            switch s {
            case .planned: "séance à venir (document préparatoire)"
            case .inProgress: "séance en cours (compte rendu provisoire)"
            case .closed: "séance close"
            case .cancelled: "séance annulée"
            }
        }
        public static func schedule(start: LocalTime?, opened: LocalTime?, end: LocalTime?) -> String? {
            var s: String
            switch (start ?? opened, end) {
            case let (b?, e?): s = "de \(b.french) à \(e.french)"
            case let (b?, nil): s = "à partir de \(b.french)"
            case let (nil, e?): s = "clôture à \(e.french)"
            case (nil, nil): return nil
            }
            if let o = opened, let b = start, o != b { s += " (ouverture de la séance à \(o.french))" }
            return s
        }

        // Attendance
        public static let attendance = "Présences"
        public static let member = "Membre"
        public static let quality = "Qualité"
        public static let presence = "Présence"
        public static let consultative = "voix consultative"
        public static let guest = "invité(e)"
        public static let guests = "Invités"
        public static let notRecorded = "non renseigné"
        public static func presenceLabel(_ s: AttendanceStatus) -> String {
            switch s {
            case .present: "présent(e)"
            case .distance: "à distance"
            case .excuse: "excusé(e)"
            case .absent: "absent(e)"
            case .pouvoir: "a donné pouvoir"
            }
        }
        public static func proxyGiven(to name: String) -> String { "a donné pouvoir à \(name)" }
        public static func since(_ t: LocalTime) -> String { "depuis \(t.french)" }
        public static func left(_ t: LocalTime) -> String { "parti(e) à \(t.french)" }
        public static let president = "Président(e) de séance"
        public static let postponed = "Report"
        public static func postponedFrom(_ dates: [LocalDate]) -> String {
            "séance initialement prévue le " + dates.map(\.french).joined(separator: ", puis le ")
        }
        public static func attendanceSummary(present: Int, distance: Int, proxies: Int, excused: Int, absent: Int, guests: Int) -> String {
            var parts = ["présents : \(present)"]
            if distance > 0 { parts.append("à distance : \(distance)") }
            parts.append("représentés : \(proxies)")
            parts.append("excusés : \(excused)")
            parts.append("absents : \(absent)")
            if guests > 0 { parts.append("invités : \(guests)") }
            let s = parts.joined(separator: " ; ")
            return s.prefix(1).uppercased() + s.dropFirst() + "."
        }
        /// The quorum line; `atOpening`: counted at the séance's opening, and said so.
        public static func quorumSummary(_ q: QuorumStatus, rule: QuorumRule, atOpening: Bool = false) -> String {
            if case .none = rule { return "Quorum : aucun quorum requis." }
            let quorum = atOpening ? "Quorum à l'ouverture" : "Quorum"
            let voices = "\(q.votes) voix délibérative\(q.votes > 1 ? "s" : "") sur \(q.votingMembers)"
            let detail = "\(q.present) présent\(q.present > 1 ? "s" : "")" + (q.represented > 0 ? ", \(q.represented) pouvoir\(q.represented > 1 ? "s" : "")" : "")
            if !q.proxiesCount {
                return "\(quorum) (\(Fr.quorum(rule)), membres présents) : \(q.present) présent\(q.present > 1 ? "s" : "") sur \(q.votingMembers)"
                    + (q.represented > 0 ? " (\(q.represented) pouvoir\(q.represented > 1 ? "s" : "") ne compt\(q.represented > 1 ? "ent" : "e") pas)" : "")
                    + " pour \(q.required) requis : \(q.met ? "atteint" : "non atteint")."
            }
            return "\(quorum) (\(Fr.quorum(rule))) : \(voices) (\(detail)) pour \(q.required) requise\(q.required > 1 ? "s" : "") : \(q.met ? "atteint" : "non atteint")."
        }

        // Agenda
        public static let agenda = "Ordre du jour"
        public static let proceedings = "Déroulement de la séance"
        public static let outsideAgenda = "Hors ordre du jour"
        public static func point(_ n: Int) -> String { "Point \(n)" }
        public static func presentedBy(_ who: String) -> String { "présenté par \(who)" }
        public static func planned(_ minutes: Int) -> String { "prévu : \(duration(minutes))" }
        public static func spent(_ minutes: Int) -> String { "durée effective : \(duration(minutes))" }
        public static func plannedTotal(_ minutes: Int) -> String { "Durée prévue : \(duration(minutes))." }
        public static func duration(_ minutes: Int) -> String {
            let h = minutes / 60, m = minutes % 60
            if h == 0 { return "\(m)\u{00A0}min" }
            if m == 0 { return "\(h)\u{00A0}h" }
            return "\(h)\u{00A0}h\u{00A0}" + (m < 10 ? "0" : "") + String(m)
        }
        public static let noRecord = "Aucune note ni décision pour ce point."
        public static let discussion = "Débats"

        // Decisions
        public static let allDecisions = "Relevé des décisions"
        public static let noDecision = "Aucune décision n'a été prise."
        public static let votes = "Voix"
        public static func proxyOf(_ name: String) -> String { "pouvoir de " + name }
        public static func decisionLabel(_ n: Int) -> String { "Décision n°\(n)" }
        /// The outcome after « Décision n°1 – »: agreed with « décision » (« Validée », « Rejetée »).
        public static func outcomeLabel(_ o: DecisionOutcome) -> String {
            let s = Fr.outcome(o) + "e"
            return s.prefix(1).uppercased() + s.dropFirst()
        }
        public static func onPoint(_ n: Int, _ title: String) -> String { "point \(n) – \(title)" }
        public static let unanimity = "unanimité"
        public static func votes(for p: Int, against c: Int, abstention a: Int) -> String {
            "\(p) pour, \(c) contre, \(a) abstention\(a > 1 ? "s" : "")"
        }
        public static func voters(_ n: Int) -> String { "\(n) votant\(n > 1 ? "s" : "") présent\(n > 1 ? "s" : "") ou représenté\(n > 1 ? "s" : "")" }
        public static let noVote = "sans vote"
        public static let quorumMet = "quorum atteint"
        public static let quorumNotMet = "quorum non atteint"
        public static let withoutQuorum = "sans quorum (le comité a délibéré sans que le quorum soit atteint)"
        public static func castingVote(for side: Bool, president c: Civility? = nil) -> String {
            "partage égal des voix : voix prépondérante \(c == .mme ? "de la présidente" : "du président") (\(side ? "pour" : "contre"))"
        }
        public static func recused(_ names: [String]) -> String { "Ne prend\(names.count > 1 ? "nent" : "") pas part au vote : \(names.joined(separator: ", "))." }
        public static let withoutQuorumCSV = "(délibéré sans quorum)"
        public static func vote(_ s: String) -> String { "Vote : \(s)." }
        public static func override(computed: DecisionOutcome, recorded: DecisionOutcome) -> String {
            "Résultat des votes : \(Fr.outcome(computed)) ; résultat retenu par la séance : \(Fr.outcome(recorded))."
        }
        public static func action(_ title: String) -> String { "Fiche action : \(title)." }

        // Follow-ups
        public static let followUps = "Suites à donner"
        public static let noFollowUp = "Aucune suite à donner."
        public static let what = "Action"
        public static let owner = "Responsable"
        public static let due = "Échéance"
        public static let followUpState = "État"
        public static func done(_ d: LocalDate) -> String { "réalisée le \(d.french)" }
        public static let open = "à faire"
        public static let overdue = "en retard"
        public static func beforeDate(_ d: LocalDate) -> String { "pour le \(d.french)" }

        // Ranking
        public static let ranking = "Classement adopté"
        public static let rank = "Rang"
        public static let actionSheet = "Fiche action"
        public static let score = "Note"
        public static let cost = "Coût"
        public static let retainedColumn = "Retenue"
        public static func retained(_ yes: Bool) -> String { yes ? "retenue" : "non retenue" }
        public static func retainedTotal(_ total: Money, envelope: Money?) -> String {
            "Total des fiches retenues : \(total.french)" + (envelope.map { " pour une enveloppe de \($0.french)" } ?? "") + "."
        }
        public static func rankingTotal(_ total: Money, envelope: Money?) -> String {
            "Total des fiches classées : \(total.french)" + (envelope.map { " pour une enveloppe de \($0.french)" } ?? "") + "."
        }

        // Next séance, signature
        public static let nextMeeting = "Prochaine séance"
        public static let nextToBeSet = "Date à fixer."
        public static func nextOn(_ d: LocalDate, time: LocalTime?, place: String?) -> String {
            var s = "La prochaine séance aura lieu le \(Fr.longDate(d))"
            if let time { s += " à \(time.french)" }
            if let place, !place.isEmpty { s += ", \(place)" }
            return s + "."
        }
        public static func writtenBy(_ secretary: String) -> String { "Compte rendu établi par \(secretary), secrétaire de séance." }

        // Period relevé
        public static let noDecisionInPeriod = "Aucune décision sur la période."
        public static func meetingHeading(_ name: String, _ date: LocalDate) -> String { "\(name) – \(Fr.longDate(date))" }

        // Calendar
        public static let calendarAgenda = "Ordre du jour :"
        public static func calendarName(_ project: String) -> String { project.isEmpty ? "Séances" : "Séances – \(project)" }

        // Errors
        public static func unknownMeeting(_ id: String) -> String { "séance inconnue « \(id) »" }
        public static let noHeldMeeting = "aucune séance tenue ou en cours dans ce journal"
        public static func badPeriod(_ from: LocalDate, _ to: LocalDate) -> String {
            "période vide : le \(from.french) est après le \(to.french)"
        }
    }
}
