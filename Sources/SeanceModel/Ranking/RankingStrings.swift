extension Fr {
    /// The French text of the ranking engine: method names, notes printed with results, and the
    /// reasons a PrefLib or Pabulib file is refused.
    public enum Ranking {
        public static func methodName(_ m: RankingMethod) -> String {
            switch m {
            case .schulze: "Schulze"
            case .borda: "Borda"
            case .copeland: "Copeland"
            case .rankedPairs: "paires classées (Tideman)"
            case .kemeny: "Kemeny–Young"
            case .weighted: "critères pondérés"
            case .manual: "ordre manuel"
            }
        }

        static func methodLine(_ m: RankingMethod) -> String { "Méthode : " + methodName(m) + "." }

        public static func tieBreakChain(borda: Bool, cost: Bool) -> String {
            var steps: [String] = []
            if borda { steps.append("le score de Borda le plus élevé") }
            if cost { steps.append("le coût le plus bas") }
            steps.append("l'ordre de la liste initiale")
            return "Ex aequo départagés par : " + steps.joined(separator: ", puis ") + "."
        }

        /// How the budget methods read ranked ballots as approvals (`ActionRanking.approved(from:)`).
        public static func approvalRule(places k: Int, of n: Int) -> String {
            // One line of an 80-column screen; the ties at the limit are in the help and the docs.
            let places = k == 1 ? "la première place" : "les \(k) premières places"
            return "Approbations : \(places) de chaque bulletin, sur \(count(n, "fiche", "fiches"))."
        }

        /// « 6 bulletins », « 1 bulletin », « 4 fiches retenues », « aucune fiche retenue ».
        public static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) " + (n > 1 ? many : one) }
        public static func retainedCount(_ n: Int) -> String { n == 0 ? "aucune fiche retenue" : count(n, "fiche retenue", "fiches retenues") }

        /// What an adoption was computed from, as the journal keeps it and the compte rendu prints
        /// it after the method: « 6 bulletins ; enveloppe de 300 000,00 € ; 4 fiches retenues ».
        public static func adoptionParameters(method: RankingMethod, ballots: Int, criteria: [Criterion], envelope: Money?,
                                              retained: Int, equalShares: Bool) -> String {
            var parts: [String]
            switch method {
            case .weighted:
                let sum = criteria.reduce(Rational(0)) { $0 + $1.weight }
                parts = ["poids " + criteria.map { "\($0.name) \(sum.isZero ? Rational(0).percent : ($0.weight / sum).percent)" }.joined(separator: ", ")]
            case .manual: parts = ["ordre fixé par le comité"]
            default: parts = [count(ballots, "bulletin", "bulletins")]
            }
            if let envelope {
                parts.append("enveloppe de \(envelope.french)")
                parts.append(retainedCount(retained) + (equalShares ? " (parts égales)" : " (dans l'ordre du classement)"))
            }
            return parts.joined(separator: " ; ")
        }

        public static let manualOrder = "Ordre fixé à la main : aucun ex aequo à départager."
        public static let schulzeWinningVotes = "Schulze en votes gagnants (et non en marges)."

        public static func kemenyNotes(_ d: KemenyDetails, exactLimit: Int) -> [String] {
            var notes: [String] = []
            if d.approximate {
                let big = d.blocks.map(\.count).max() ?? 0
                notes.append("Kemeny–Young APPROCHÉ : un bloc de \(big) candidats dépasse la limite du calcul exact (\(exactLimit)) ; "
                    + "ordre obtenu par recherche locale, à au plus \(d.maxShortfall) accord(s) de l'optimum.")
            } else if let n = d.optimalOrders {
                if n == .one {
                    notes.append("Kemeny–Young exact : un seul ordre optimal.")
                } else {
                    let count = d.countIsLowerBound ? "au moins \(n)" : "\(n)"
                    notes.append("Kemeny–Young exact : \(count) ordres optimaux ; celui affiché est le premier selon le départage.")
                }
            }
            notes.append("Accords avec les bulletins : \(d.agreement) ; désaccords (distance de Kendall) : \(d.disagreement).")
            return notes
        }

        public static let criterionEconomic = "économiquement viable"
        public static let criterionSocial = "socialement équitable"
        public static let criterionEcological = "écologique"

        /// « A3 et A4 s'échangent si « faisabilité » pèse plus de 17,07 % (actuellement 15,00 %) ».
        public static func swapSentence(upper: String, lower: String, criterion: String, share: Rational, current: Rational) -> String {
            let now = "(actuellement \(current.percent))"
            if share.isZero { return "\(upper) et \(lower) s'échangent si « \(criterion) » ne compte plus \(now)" }
            if share == .one { return "\(upper) et \(lower) s'échangent si « \(criterion) » compte seul \(now)" }
            let direction = current < share ? "plus" : "moins"
            return "\(upper) et \(lower) s'échangent si « \(criterion) » pèse \(direction) de \(visiblePercent(share)) \(now)"
        }

        /// A share strictly between 0 and 1 as a percentage with as many decimals as it takes not
        /// to read 0,00 % or 100,00 % (up to eight).
        public static func visiblePercent(_ x: Rational) -> String {
            let p = x * Rational(100)
            for digits in 2...8 {
                let text = p.decimal(digits)
                if text.contains(where: { $0 != "0" && $0 != "," }) && !text.hasPrefix("100,") { return text + "\u{00A0}%" }
            }
            return x.percent
        }

        /// A weight as it is used: an exact percentage when it has one (30 %, 12,5 %), else its fraction (1/3).
        public static func weight(_ w: Rational) -> String {
            (w * Rational(10_000)).isInteger ? w.percent.replacingOccurrences(of: ",00\u{00A0}", with: "\u{00A0}") : w.description
        }

        public static func budgetTieBreak(_ t: BudgetTieBreak) -> String {
            switch t {
            case .lexicographic: "l'identifiant du projet comparé comme texte (« F10 » avant « F2 »), comme pabutools"
            case .natural: "l'identifiant du projet, nombres comparés comme nombres (« F2 » avant « F10 »)"
            case .minCost: "le coût le plus bas, puis l'identifiant comparé comme texte"
            case .maxCost: "le coût le plus élevé, puis l'identifiant comparé comme texte"
            case .listOrder: "l'ordre de la liste des projets"
            }
        }

        static func budgetNotes(_ o: BudgetOutcome, election e: ApprovalElection) -> [String] {
            var notes: [String] = []
            switch o.rule {
            case .greedy:
                notes.append("Méthode : glouton par nombre d'approbations (un projet qui ne tient pas est sauté, le suivant essayé).")
            case .equalShares(let c):
                let completion: String
                switch c {
                case .none: completion = "sans complétion"
                case .add1(let d): completion = "complétion add1 (budgets relevés de \(fileAmount(d)) par votant)"
                case .greedy: completion = "complétion gloutonne"
                case .add1ThenGreedy(let d): completion = "complétion add1 (pas de \(fileAmount(d))) puis gloutonne"
                }
                notes.append("Méthode : parts égales (Method of Equal Shares), utilité = coût, \(completion).")
                if let d = o.equalShares {
                    let unit = d.budgetPerVoter / Rational(100)
                    notes.append("Budget par votant : \(unit.decimal(2)) (exactement \(unit))" + (d.raises > 0 ? ", après \(d.raises) relèvement(s)." : "."))
                }
            }
            notes.append("Ex aequo départagés par : " + o.tieBreak.frenchDescription + ".")
            notes.append("Budget : \(fileAmount(e.budget)) ; dépensé : \(fileAmount(o.totalCost)) ; reste : \(fileAmount(e.budget - o.totalCost)).")
            return notes
        }

        // MARK: profiles

        static func ballotCount(_ n: Int) -> String { "nombre de votants du bulletin invalide (\(n)) : il faut au moins 1" }
        static let emptyTier = "bulletin avec un groupe d'ex aequo vide"
        static func unknownCandidateIndex(_ i: Int) -> String { "candidat inconnu (n° \(i)) dans un bulletin" }
        static func repeatedCandidate(_ i: Int) -> String { "candidat n° \(i) classé deux fois dans un bulletin" }

        // MARK: PrefLib files

        static let headerAfterBallots = "ligne d'en-tête « # » après les bulletins"
        static func unknownDataType(_ s: String) -> String { "type de données « \(s) » inconnu (attendu soc, soi, toc ou toi)" }
        static func badNumber(_ s: String) -> String { "nombre illisible « \(s) »" }
        static func badAlternativeNumber(_ s: String) -> String { "numéro de candidat illisible « \(s) »" }
        static func repeatedAlternative(_ n: Int) -> String { "candidat n° \(n) déclaré deux fois" }
        static let noAlternatives = "aucun candidat déclaré : il manque « # NUMBER ALTERNATIVES » ou « # ALTERNATIVE NAME »"
        static func alternativeCountMismatch(declared: Int, named: Int) -> String {
            "le fichier annonce \(declared) candidats mais en nomme \(named)"
        }
        static func tiesNotAllowed(_ kind: String) -> String { "ex aequo (accolades) interdits dans un fichier .\(kind)" }
        static func incompleteNotAllowed(_ kind: String, ranked: Int, of n: Int) -> String {
            "bulletin incomplet dans un fichier .\(kind) : \(ranked) candidats classés sur \(n)"
        }
        static func voterCountMismatch(declared: Int, counted: Int) -> String {
            "le fichier annonce \(declared) votants mais ses bulletins en comptent \(counted)"
        }
        static let invalidProfile = "profil invalide"
        static let ballotWithoutColon = "ligne de bulletin sans « : » (attendu par exemple « 3: 1,2,{3,4} »)"
        static func badBallotCount(_ s: String) -> String { "nombre de votants illisible « \(s) » (entier ≥ 1 attendu)" }
        static func unknownAlternative(_ n: Int) -> String { "candidat n° \(n) inconnu (non déclaré dans l'en-tête)" }
        static func alternativeTwice(_ n: Int) -> String { "candidat n° \(n) classé deux fois dans le même bulletin" }
        static let badBraces = "accolades mal placées"
        static let emptyBraces = "accolades vides"
        static func exportTies(_ kind: String, ballot: Int) -> String {
            "le bulletin n° \(ballot) contient des ex aequo ou des candidats non classés qu'un fichier .\(kind) ne peut pas écrire : exportez en .toc"
        }

        // MARK: Pabulib files

        static func repeatedSection(_ s: String) -> String { "section \(s) en double" }
        static let votesBeforeProjects = "section VOTES avant la section PROJECTS"
        static let outsideSection = "ligne hors section : le fichier doit commencer par META"
        static func missingColumn(_ c: String, _ s: String) -> String { "colonne « \(c) » absente de l'en-tête de \(s)" }
        static let metaWithoutValue = "ligne META sans valeur (attendu « clé;valeur »)"
        static func badAmount(_ s: String) -> String { "montant illisible « \(s) » (attendu par exemple 1250 ou 1250.50)" }
        static func unsupportedVoteType(_ s: String) -> String {
            "type de vote « \(s) » non pris en charge : seuls les votes par approbation (approval) le sont"
        }
        static func fieldCount(_ n: Int, expected: Int) -> String { "\(n) champ(s) au lieu de \(expected) (séparés par « ; »)" }
        static let emptyProjectID = "identifiant de projet vide"
        static func repeatedProject(_ s: String) -> String { "projet « \(s) » déclaré deux fois" }
        static func unknownProject(_ s: String) -> String { "projet inconnu « \(s) » dans un vote" }
        static let unclosedQuote = "guillemet non fermé"
        static func missingSection(_ s: String) -> String { "section \(s) absente" }
        static func missingMeta(_ k: String) -> String { "clé « \(k) » absente de la section META" }
    }
}
