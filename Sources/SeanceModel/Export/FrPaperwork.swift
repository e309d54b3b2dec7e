/// The words of the paperwork around a séance: convocation, pouvoir, procès-verbal's life, fiche action.
extension Fr {
    public enum Paperwork {
        /// `17 décembre 2009`
        public static func dayDate(_ d: LocalDate) -> String {
            "\(d.day == 1 ? "1er" : String(d.day)) \(Fr.months[d.month - 1]) \(d.year)"
        }

        // The convocation rule
        public static func rule(_ r: ConvocationRule) -> String {
            switch r {
            case .none: "aucun délai de convocation"
            case .days(let n): "convocation \(n) jour\(n > 1 ? "s" : "") au moins avant la séance"
            case .clearDays(let n): "convocation \(n) jour\(n > 1 ? "s" : "") franc\(n > 1 ? "s" : "") avant la séance"
            }
        }
        /// The delay alone, as the séance's screen quotes it: « 5 jours francs », « 3 jours ».
        public static func delay(_ r: ConvocationRule) -> String {
            switch r {
            case .none: "aucun délai"
            case .days(let n): "\(n) jour\(n > 1 ? "s" : "")"
            case .clearDays(let n): "\(n) jour\(n > 1 ? "s" : "") franc\(n > 1 ? "s" : "")"
            }
        }
        /// The rule after « Délai de convocation : » (« 5 jours francs avant la séance »).
        public static func ruleAfterLabel(_ r: ConvocationRule) -> String {
            let s = rule(r)
            return s.hasPrefix("convocation ") ? String(s.dropFirst("convocation ".count)) : s
        }
        public static func sentTooLate(sent: LocalDate, last: LocalDate, rule r: ConvocationRule) -> String {
            "Convocation envoyée le \(sent.french), après le \(last.french) : trop tard pour la règle du comité (\(rule(r)))."
        }
        public static func tooClose(last: LocalDate, rule r: ConvocationRule) -> String {
            "La séance est trop proche : la convocation devait partir le \(last.french) au plus tard (\(rule(r)))."
        }
        public static func approvalItem(_ d: LocalDate) -> String { "Approbation du compte rendu de la séance du \(dayDate(d))" }

        // Convocation
        public static let convocationTitle = "Convocation"
        public static let salutation = "Madame, Monsieur,"
        public static func invitation(_ body: String, number: Int, date: LocalDate, time: LocalTime?, place: String) -> String {
            var s = "J'ai l'honneur de vous convier à la séance n°\(number) du \(body), le \(Fr.longDate(date))"
            if let time { s += " à \(time.french)" }
            if !place.isEmpty { s += ", \(place)" }
            return s + "."
        }
        public static let agendaFollows = "L'ordre du jour est le suivant :"
        public static let number = "N°"
        public static let item = "Point"
        public static let kind = "Nature"
        public static let presenter = "Rapporteur"
        public static let plannedTime = "Durée prévue"
        public static func reply(by d: LocalDate) -> String {
            "Je vous remercie de me faire savoir avant le \(Fr.longDate(d)) si vous serez présent(e), excusé(e), ou si vous donnez pouvoir à un autre membre."
        }
        public static let proxyAttached = "Si vous ne pouvez assister à la séance, vous pouvez vous faire représenter au moyen du pouvoir joint."
        public static let courtesy = "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."
        public static func convener(_ c: Civility?) -> String {
            switch c { case .mme?: "La présidente,"; case .m?: "Le président,"; case nil: "Le président / La présidente," }
        }
        public static let recipients = "Destinataires"
        public static let sentOn = "Convocation envoyée le"
        public static let notSent = "non encore envoyée"
        public static let convocationRule = "Délai de convocation"
        public static func convocationSubject(_ meeting: String, _ date: LocalDate) -> String {
            "Convocation – \(meeting) du \(Fr.longDate(date))"
        }

        // Pouvoir
        public static let proxyTitle = "Pouvoir"
        public static let blank = "……………………………………………………"
        /// « Je soussignée Mme … », « Je soussigné M. … »; « soussigné(e) » when the civilité is
        /// not known or the name is left to fill.
        public static func proxyText(mandant: String, civility: Civility? = nil, quality: String, mandataire: String, meeting: String,
                                     body: String, date: LocalDate) -> String {
            let signed = switch civility { case .mme?: "soussignée"; case .m?: "soussigné"; case nil: "soussigné(e)" }
            return "Je \(signed) \(mandant)" + (quality.isEmpty ? "" : ", \(quality),")
                + " donne pouvoir à \(mandataire) pour me représenter et voter en mon nom lors de la séance \(meeting) du \(body) du \(Fr.longDate(date))."
        }
        public static let madeAt = "Fait à ……………………………………, le ……………………………"
        public static let signatureMention = "Signature, précédée de la mention manuscrite « Bon pour pouvoir » :"
        public static let proxyRules = "Un membre ne peut détenir qu'un seul pouvoir. Le pouvoir est toujours révocable."

        // Procès-verbal
        public static let minutesState = "Compte rendu"
        public static let draft = "projet (soumis à l'approbation de la prochaine séance)"
        public static func approved(_ d: LocalDate, at meeting: String, deliberation: String) -> String {
            "approuvé le \(Fr.longDate(d)) (\(meeting), délibération \(deliberation))"
        }
        public static func modifiedAfterApproval(_ d: LocalDate) -> String { " ; modifié après son approbation, le \(d.french)" }
        public static func reopenApproved(_ d: LocalDate) -> String {
            "Le compte rendu de cette séance a été approuvé le \(d.french) : le rouvrir le modifie après son approbation, et le compte rendu le dira. Rouvrir ?"
        }
        public static func deliberation(_ number: String) -> String { "Délibération \(number)." }
        public static let attendanceByDecision = "Votants présents ou représentés"
        public static func pointsRange(_ a: Int, _ b: Int) -> String { a == b ? "point \(a)" : "points \(a) à \(b)" }
        public static func decisionsRange(_ a: Int, _ b: Int) -> String { a == b ? "décision \(a)" : "décisions \(a) à \(b)" }
        public static let signatures = "Signatures"
        public static func presidentSigns(_ c: Civility?) -> String { c == .mme ? "La présidente de séance" : "Le président de séance" }
        public static func secretarySigns(_ c: Civility?) -> String { c == .mme ? "La secrétaire de séance" : "Le secrétaire de séance" }

        // Fiche action
        public static let actionTitle = "Fiche action"
        public static let axis = "Axe"
        public static let committee = "Comité"
        public static let status = "Statut"
        public static let porteur = "Porteur"
        public static let maitrise = "Maîtrise d'ouvrage"
        public static let partners = "Partenaires"
        public static let cost = "Coût"
        public static let calendar = "Calendrier"
        public static let progress = "Avancement"
        public static let description = "Description"
        public static let objectives = "Objectifs"
        public static let financing = "Plan de financement"
        public static let financer = "Financeur"
        public static let amount = "Montant"
        public static let share = "Part"
        public static let financingState = "État"
        public static func financingState(_ s: FinancingState?) -> String {
            switch s { case .sollicite?: "sollicité"; case .acquis?: "acquis"; case nil: "" }
        }
        public static let total = "Total"
        public static func gap(_ m: Money) -> String { "Reste à financer : \(m.french)." }
        public static func surplus(_ m: Money) -> String { "Le plan dépasse le coût de \(m.french)." }
        public static let balanced = "Le plan de financement équilibre le coût."
        public static func acquired(_ m: Money, _ asked: Money) -> String { "Acquis : \(m.french) ; sollicité : \(asked.french)." }
        public static let indicators = "Indicateurs d'évaluation"
        public static let history = "Suivi"
        public static let none = "néant"
        public static let date = "Date"
        public static let change = "Évolution"
        public static func percent(_ p: Int) -> String { "\(p) %" }
        public static func unknownAction(_ id: String) -> String { "fiche action inconnue « \(id) »" }
    }
}
