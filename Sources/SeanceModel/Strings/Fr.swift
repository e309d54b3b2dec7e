#if canImport(Glibc)
import Glibc
#endif

/// The French words that the model, the commands and the documents share (see "Words" in
/// docs/architecture.md): a screen's own labels stay beside its view.
public enum Fr {
    public enum Problem {
        public static let tornNoNewline = "dernière ligne incomplète (écriture interrompue)"
        public static let nulBytes = "la ligne contient des octets nuls (reste d'une écriture interrompue)"
        public static let invalidUTF8 = "la ligne n'est pas du texte UTF-8 valide"
        public static let emptyFile = "fichier vide : l'en-tête « seance-journal 1 » manque"
        public static let missingHeader = "la première ligne doit être l'en-tête « seance-journal 1 »"
        public static func newerVersion(_ v: Int) -> String {
            "journal au format \(v), plus récent que ce programme (format \(JournalParser.version)) : mettez seance à jour"
        }
        public static func duplicateID(_ id: String) -> String { "identifiant d'événement en double : \(id)" }
        public static func tooFewFields(_ n: Int) -> String {
            "ligne illisible : \(n) champ(s) séparés par des tabulations, il en faut au moins 5 (date, identifiant, auteur, type, entité)"
        }
        public static func badTimestamp(_ s: String) -> String { "date-heure illisible « \(s) » (attendu 2009-12-15T14:30:00+01:00)" }
        public static func badID(_ s: String) -> String { "identifiant d'événement illisible « \(s) » (26 caractères en base 32)" }
        public static let emptyAuthor = "auteur vide"
        public static func badKind(_ s: String) -> String { "type d'événement illisible « \(s) »" }
        public static func badEntity(_ s: String) -> String { "identifiant d'entité illisible « \(s) »" }
        public static func fieldWithoutEquals(_ s: String) -> String { "champ sans « = » : « \(s) »" }
        public static func badKey(_ s: String) -> String { "nom de champ illisible « \(s) »" }
        public static func repeatedKey(_ s: String) -> String { "champ « \(s) » répété" }
        public static func badEscape(_ e: JournalEscaping.UnescapeError) -> String {
            switch e { case .badSequence(let s): "séquence d'échappement inconnue « \(s) »" }
        }
        public static func outOfRange(_ k: String, _ v: String, _ low: Int64, _ high: Int64) -> String {
            "valeur hors limites pour « \(k) » : « \(v) » (attendu de \(low) à \(high))"
        }
        public static func missingField(_ k: String) -> String { "champ obligatoire « \(k) » absent ou vide" }
        public static func badValue(_ k: String, _ v: String, _ expected: String) -> String {
            "valeur illisible pour « \(k) » : « \(v) » (attendu : \(expected))"
        }
        public static func alreadyExists(_ id: String) -> String { "« \(id) » existe déjà" }
        public static func unknownEntity(_ id: String) -> String { "entité inconnue « \(id) »" }
        public static func unknownCommittee(_ id: String) -> String { "comité inconnu « \(id) »" }
        public static func unknownMember(_ id: String) -> String { "membre inconnu « \(id) »" }
        public static func guestIsNotPerson(_ id: String) -> String { "« \(id) » est un invité d'une séance, pas un membre : il ne siège pas ailleurs" }
        public static func alreadySeated(_ person: String, _ committee: String) -> String {
            "la personne « \(person) » siège déjà au comité « \(committee) »"
        }
        public static func unknownMeeting(_ id: String) -> String { "séance inconnue « \(id) »" }
        public static func unknownItem(_ id: String) -> String { "point de l'ordre du jour inconnu « \(id) »" }
        public static func unknownAxis(_ id: String) -> String { "axe inconnu « \(id) »" }
        public static func unknownAction(_ id: String) -> String { "fiche action inconnue « \(id) »" }
        public static func itemOfOtherMeeting(_ id: String) -> String { "le point « \(id) » appartient à une autre séance" }
        public static func meetingClosed(_ id: String) -> String { "la séance « \(id) » est close : rouvrez-la d'abord (seance.reopen)" }
        public static func notInRanking(_ id: String) -> String { "« \(id) » n'est pas une fiche de ce classement" }
        public static let rankingAdopted = "ce classement est déjà adopté : ouvrez-en un nouveau pour le reprendre"
        public static let proxyToSelf = "un membre ne peut pas se donner pouvoir à lui-même"
        public static let meetingNotClosed = "la séance n'est pas close"
        public static let meetingNotOpenable = "la séance est déjà close ou annulée"
        public static let meetingNotOpened = "la séance n'a pas été ouverte"
        public static let heldMeetingRenumbered = "une séance ouverte ou tenue garde son numéro"
        public static let meetingNotPlanned = "seule une séance à venir (ou annulée) peut être reportée"
        public static let openingNotUndoable = "l'ouverture ne peut être annulée que si rien n'a été enregistré depuis"
        public static let itemNotStarted = "ce point n'a pas encore été abordé : son heure de début ne peut pas être corrigée"
        public static func unknownKind(_ k: String) -> String {
            "type d'événement inconnu « \(k) » (version plus récente ?) : conservé, ignoré"
        }
    }

    /// Why a typed date was refused: one that cannot exist (31/02/2016) is called impossible,
    /// not illegible.
    public static func impossibleOrUnreadableDate(_ typed: String) -> String {
        let parts = typed.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        if parts.count == 3, let d = parts[0], let m = parts[1], parts[2] != nil, (1...31).contains(d), (1...12).contains(m) {
            return "Date impossible : le \(typed.trimmingCharacters(in: .whitespaces)) n'existe pas."
        }
        return "Date illisible « \(typed) » : écrivez JJ/MM/AAAA."
    }

    public static func errnoText(_ e: Int32) -> String {
        switch e {
        case ENOSPC: "disque plein"
        case EDQUOT: "quota disque dépassé"
        case EACCES, EPERM: "permission refusée"
        case ENOENT: "fichier ou dossier introuvable"
        case EROFS: "système de fichiers en lecture seule"
        case EIO: "erreur d'entrée-sortie du disque"
        case EISDIR: "c'est un dossier, pas un fichier"
        case ENOTDIR: "un élément du chemin n'est pas un dossier"
        default: "erreur système \(e)"
        }
    }

    public static func journalError(_ e: JournalError) -> String {
        switch e {
        case .notFound(let p): "Journal introuvable : \(p)"
        case .unreadable(let p, let n): "Impossible de lire \(p) : \(errnoText(n))."
        case .cannotCreate(let p, let n): "Impossible de créer \(p) : \(errnoText(n))."
        case .alreadyExists(let p): "\(p) existe déjà : choisissez un autre nom."
        case .locked(let p, let h):
            if let h { "Le journal \(p) est déjà ouvert par le processus \(h.pid) sur \(h.host) \(lockedSince(h.since))." }
            else { "Le journal \(p) est déjà ouvert par un autre programme seance." }
        case .lockFailed(let p, let n): "Impossible de verrouiller \(p) : \(errnoText(n))."
        case .writeFailed(let p, let n): "ÉCHEC DE L'ENREGISTREMENT dans \(p) : \(errnoText(n))."
        case .syncFailed(let p, let n): "ÉCHEC DE L'ENREGISTREMENT sur le disque de \(p) : \(errnoText(n))."
        case .writerStopped(let p): "Les écritures dans \(p) sont arrêtées depuis un échec : enregistrez le journal ailleurs."
        case .readOnly(let p): "\(p) est ouvert en lecture seule."
        case .notWritable(let p, let n): "Le journal \(p) ne peut pas être écrit : \(errnoText(n))."
        case .fileGone(let p): "ÉCHEC DE L'ENREGISTREMENT : \(p) n'est plus là (fichier supprimé ou déplacé, clé USB retirée, partage réseau perdu)."
        }
    }

    /// The cause of a failed write in a few words, for the banner that stays on screen.
    public static func journalCause(_ e: JournalError) -> String {
        switch e {
        case .writeFailed(_, let n), .syncFailed(_, let n), .cannotCreate(_, let n), .unreadable(_, let n), .lockFailed(_, let n),
             .notWritable(_, let n):
            errnoText(n)
        case .fileGone: "fichier supprimé ou support retiré"
        case .readOnly: "lecture seule"
        case .notFound: "fichier introuvable"
        case .alreadyExists: "le fichier existe déjà"
        case .locked: "journal ouvert par un autre programme"
        case .writerStopped: "écritures arrêtées après un échec"
        }
    }

    // The words of the model's enums: a switch each, so that a new case is a compile error.
    public static func committeeKind(_ k: CommitteeKind) -> String {
        switch k { case .pilotage: "Comité de pilotage"; case .technique: "Comité technique"; case .autre: "Autre instance" }
    }
    public static func committeeKindShort(_ k: CommitteeKind) -> String {
        switch k { case .pilotage: "COPIL"; case .technique: "COTECH"; case .autre: "Autre" }
    }
    /// The role, agreeing with the civilité when it is known (« élue », « rapporteure »,
    /// « administratrice CCAS »); without one, the neutral form the lists and imports use.
    public static func role(_ r: MemberRole, _ c: Civility? = nil) -> String {
        let feminine = c == .mme
        switch r {
        case .elu: return agreed("élu(e)", c)
        case .administrateur: return feminine ? "administratrice CCAS" : "administrateur CCAS"
        case .rapporteur: return feminine ? "rapporteure" : "rapporteur"
        case .referent: return feminine ? "référente" : "référent"
        case .professionnel: return feminine ? "professionnelle" : "professionnel"
        case .expert: return feminine ? "experte consultative" : "expert consultatif"
        case .invite: return feminine ? "invitée" : "invité"
        case .autre: return "autre"
        }
    }

    /// « présent(e) » as « présente » for Mme, « présent » for M., left as it is without a
    /// civilité: the words of a person agree when the document knows who she is.
    public static func agreed(_ s: String, _ c: Civility?) -> String {
        guard let c, s.contains("(e)") else { return s }
        return s.replacingOccurrences(of: "(e)", with: c == .mme ? "e" : "")
    }
    /// « depuis le 30/11/2026 à 10 h 27 », from the lock's timestamp (as it is when it is not one).
    public static func lockedSince(_ stamp: String) -> String {
        guard let t = Timestamp(journalValue: Substring(stamp)) else { return "depuis " + stamp }
        return "depuis le \(t.localDate.french) à \(t.localTime.french)"
    }
    public static func meetingState(_ s: MeetingStatus) -> String {
        switch s { case .planned: "à venir"; case .inProgress: "en cours"; case .closed: "close"; case .cancelled: "annulée" }
    }
    /// A séance never opened whose day has passed is not « à venir »: it is to be written up.
    public static func meetingState(_ m: Meeting, today: LocalDate) -> String {
        m.state == .planned && m.date < today ? "à rédiger" : meetingState(m.state)
    }
    public static func agendaKind(_ k: AgendaKind) -> String {
        switch k {
        case .information: "information"
        case .debat: "débat"
        case .decision: "décision / validation"
        case .hierarchisation: "hiérarchisation"
        }
    }
    public static func attendance(_ a: AttendanceStatus) -> String {
        switch a {
        case .present: "présent"
        case .distance: "à distance"
        case .excuse: "excusé"
        case .absent: "absent"
        case .pouvoir: "a donné pouvoir"
        }
    }
    public static func outcome(_ o: DecisionOutcome) -> String {
        switch o { case .valide: "validé"; case .ajourne: "ajourné"; case .rejete: "rejeté"; case .amende: "amendé" }
    }
    public static func actionStatus(_ s: ActionStatus) -> String {
        switch s {
        case .proposee: "proposée"
        case .retenue: "retenue"
        case .non_retenue: "non retenue"
        case .validee: "validée"
        case .en_cours: "en cours"
        case .realisee: "réalisée"
        case .abandonnee: "abandonnée"
        }
    }
    public static func majority(_ m: MajorityRule) -> String {
        switch m { case .simple: "majorité simple"; case .absolue: "majorité absolue"; case .deux_tiers: "majorité des deux tiers" }
    }
    public static func quorum(_ q: QuorumRule) -> String {
        switch q {
        case .majority: "plus de la moitié des votants"
        case .third: "un tiers des votants"
        case .none: "aucun quorum"
        case .count(let n): "\(n) votant(s)"
        }
    }

    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                         "septembre", "octobre", "novembre", "décembre"]
    static let weekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

    /// `mardi 15 décembre 2009`
    public static func longDate(_ d: LocalDate) -> String {
        "\(weekdays[d.weekday]) \(d.day == 1 ? "1er" : String(d.day)) \(months[d.month - 1]) \(d.year)"
    }
    static let shortMonths = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août",
                              "sept.", "oct.", "nov.", "déc."]

    /// `15 déc. 2009`
    public static func shortDate(_ d: LocalDate) -> String {
        "\(d.day) \(shortMonths[d.month - 1]) \(d.year)"
    }

    public static func axis(_ n: Int) -> String { "Axe \(n)" }
    public static let noOrganisation = "(sans organisation)"
    public static func refused(_ why: String) -> String { "Refusé : \(why)" }
    public static let readOnlyJournal = "Journal ouvert en lecture seule : rien n'est enregistré."

    /// « Comité de pilotage n°3 »
    public static func meetingName(_ c: Committee, _ m: Meeting) -> String {
        "\(c.name) n°\(m.number)"
    }
}
