/// The lines a screen and a document both show — a decision's vote, a follow-up, a member's
/// presence — written once, so that the séance's screen and its compte rendu say the same.
/// They take text as it is: a document cleans it first (`ExportClean`), a screen as it draws.
extension Fr {
    public enum Line {
        /// « Mme LE GOFF Gaëlle »: the name with its civilité when it is known.
        public static func person(_ m: Member) -> String {
            m.civility.map { $0.rawValue + " " + m.name } ?? m.name
        }

        /// « Mme LE GOFF Gaëlle, chargée de mission (CAF de Seine-Saint-Denis) »: how a document
        /// names a person the first time.
        public static func designation(_ m: Member) -> String {
            var s = person(m)
            if !m.function.isEmpty { s += ", " + m.function }
            if !m.organisation.isEmpty { s += " (" + m.organisation + ")" }
            return s
        }

        /// « Décision n°3 – Validée », numbered in the séance (`ProjectState.decisionOrder`).
        public static func decisionHeading(_ number: Int, _ d: Decision) -> String {
            Export.decisionLabel(number) + " – " + Export.outcomeLabel(d.outcome)
        }

        /// « Vote : 7 pour, 1 contre, 0 abstention ; 9 votants présents ou représentés ; quorum atteint. »
        /// `president`: the civilité of who presided, for « voix prépondérante de la présidente ».
        public static func vote(_ d: Decision, president: Civility? = nil) -> String {
            var parts: [String] = []
            if d.unanimous {
                parts.append(Export.unanimity)
            } else if d.votesFor != nil || d.votesAgainst != nil || d.abstentions != nil {
                var v = Export.votes(for: d.votesFor ?? 0, against: d.votesAgainst ?? 0, abstention: d.abstentions ?? 0)
                if let side = d.casting { v += ", " + Export.castingVote(for: side, president: president) }
                parts.append(v)
            } else {
                parts.append(Export.noVote)
            }
            if let v = d.votersPresent { parts.append(Export.voters(v)) }
            if d.withoutQuorum { parts.append(Export.withoutQuorum) }
            else if let q = d.quorumMet { parts.append(q ? Export.quorumMet : Export.quorumNotMet) }
            return Export.vote(parts.joined(separator: " ; "))
        }

        /// « Ne prennent pas part au vote : MARTIN Sophie, DURAND Paul. » (names as given)
        public static func recusal(_ names: [String]) -> String? {
            names.isEmpty ? nil : Export.recused(names)
        }

        /// Why a vote is refused while the quorum is not reached, and what can be done.
        public static func quorumRefusal(_ q: QuorumStatus) -> String {
            let counted = q.proxiesCount ? "\(q.counted) voix présentes ou représentées" : "\(q.counted) membre\(q.counted > 1 ? "s" : "") présent\(q.counted > 1 ? "s" : "") (les pouvoirs ne comptent pas)"
            return "Quorum non atteint : \(counted) pour \(q.required) requis. Le vote n'est possible que si le comité délibère sans quorum (seconde convocation)."
        }

        /// « Envoyer le diagnostic – MARTIN Sophie – pour le 01/07/2009 (réalisée le 03/07/2009) »
        public static func followUp(what: String, owner: String, due: LocalDate?, done: LocalDate?) -> String {
            var s = what
            if !owner.isEmpty { s += " – " + owner }
            if let due { s += " – " + Export.beforeDate(due) }
            if let done { s += " (" + Export.done(done) + ")" }
            return s
        }

        /// « a donné pouvoir à MARTIN Sophie (depuis 14 h 35) »; for a member who left during the
        /// séance (`left`), « présent(e) (depuis 9 h 40), parti(e) à 11 h 05 » (`since`: the arrival),
        /// « présente … partie » when her civilité is known.
        public static func presence(_ status: AttendanceStatus, proxy: String?, since: LocalTime?, left: LocalTime? = nil,
                                    civility: Civility? = nil) -> String {
            if let left {
                var s = Fr.agreed(Export.presenceLabel(.present), civility)
                if let since { s += " (" + Export.since(since) + ")" }
                s += ", " + Fr.agreed(Export.left(left), civility)
                if status == .pouvoir, let proxy { s += ", " + Export.proxyGiven(to: proxy) }
                return s
            }
            var s = status == .pouvoir && proxy != nil ? Export.proxyGiven(to: proxy!) : Fr.agreed(Export.presenceLabel(status), civility)
            // An arrival or a pouvoir has a moment; being excused or absent has none.
            if let since, status != .excuse, status != .absent { s += " (" + Export.since(since) + ")" }
            return s
        }
    }
}
