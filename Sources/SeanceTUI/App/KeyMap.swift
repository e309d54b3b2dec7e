/// What a key asks for. One table maps keys to commands per screen; the same table draws the
/// key bar, the F1 help and docs/keys.md, so they never drift apart.
public enum Command: Equatable, Sendable {
    case help, quit, back
    case up, down, pageUp, pageDown, first, last
    case open, switchPane
    case editProject, axes, newCommittee, editCommittee, newMember, addPerson, newAxis, edit, retire
    case nextField, previousField, nextFieldOrSubmit, submit, previousChoice, nextChoice
    case yes, no
    case createProject, openDemo
    case openReadOnly
    case saveAs
    case newMeeting
    case commitLine, complete, agendaScreen, attendanceScreen, decision, followUp, speaker
    case previousItem, nextItem, closeMeeting, reopen, remove, undoOpening, editSeance, convocationSent
    case moveUp, moveDown, add
    case present, remote, excused, absent, proxy, guest, correctTime
    case history, search, followUpsScreen, participation, actionsScreen
    case exportMinutes, ranking, importFile
    case modeManual, modeCriteria, modeBallots, modeBudget, nextMode, rerank, nextMethod, weights, envelope, matrix, projection, exportFiles, adopt
    case markDone, filterCommittee, filterAxis, filterYear, filterStatus, clearFilters, showDone, progress, switchView
}

public struct Binding: Sendable {
    public var keys: [Key]
    public var command: Command
    /// Short label for the key bar; nil keeps the binding out of the bar.
    public var bar: String?
    public var help: String
    /// How the keys are written in the help when not one by one (a group of moves).
    public var keysLabel: String? = nil
}

public enum ScreenKind: String, CaseIterable, Sendable {
    case welcome, dashboard, committee, meeting, agenda, attendance, ranking, history, search, followUps, participation, actions,
         axes, form, picker, confirm, notice, problems, locked, draftOffer, importPreview

    public var title: String {
        switch self {
        case .welcome: "Accueil (premier lancement)"
        case .dashboard: "Tableau de bord"
        case .committee: "Comité"
        case .axes: "Axes du projet"
        case .form: "Formulaire"
        case .confirm: "Confirmation"
        case .notice: "Message"
        case .problems: "Problèmes du journal"
        case .locked: "Journal déjà ouvert"
        case .meeting: "Séance (prise de notes)"
        case .agenda: "Ordre du jour"
        case .attendance: "Présences"
        case .picker: "Choix d'un membre"
        case .draftOffer: "Brouillon retrouvé"
        case .history: "Historique des séances"
        case .search: "Recherche"
        case .followUps: "Suites à donner"
        case .participation: "Participation"
        case .actions: "Fiches actions"
        case .ranking: "Hiérarchisation des fiches actions"
        case .importPreview: "Import d'un tableur"
        }
    }
}

extension Screen {
    public var kind: ScreenKind {
        switch self {
        case .welcome: .welcome
        case .dashboard: .dashboard
        case .committee: .committee
        case .axes: .axes
        case .form: .form
        case .confirm: .confirm
        case .notice: .notice
        case .problems: .problems
        case .locked: .locked
        case .meeting: .meeting
        case .agenda: .agenda
        case .attendance: .attendance
        case .picker: .picker
        case .draftOffer: .draftOffer
        case .history: .history
        case .search: .search
        case .followUps: .followUps
        case .participation: .participation
        case .actions: .actions
        case .ranking: .ranking
        case .importPreview: .importPreview
        }
    }
}

public enum KeyMap {
    /// List moves: one line in the help for six bindings (those with an empty help).
    static let listMoves: [Binding] = [
        Binding(keys: [], command: .up, bar: nil, help: "se déplacer : ligne précédente, suivante, page, début, fin",
                keysLabel: "↑ ↓ PgPréc PgSuiv Début Fin"),
        Binding(keys: [.up, .char("k")], command: .up, bar: nil, help: ""),
        Binding(keys: [.down, .char("j")], command: .down, bar: nil, help: ""),
        Binding(keys: [.pageUp], command: .pageUp, bar: nil, help: ""),
        Binding(keys: [.pageDown], command: .pageDown, bar: nil, help: ""),
        Binding(keys: [.home], command: .first, bar: nil, help: ""),
        Binding(keys: [.end], command: .last, bar: nil, help: ""),
    ]

    /// Bindings of every screen, before the screen's own.
    static let global: [Binding] = [
        Binding(keys: [.f(1)], command: .help, bar: "Aide", help: "afficher toutes les touches de cet écran"),
        Binding(keys: [.f(10)], command: .quit, bar: "Quitter", help: "quitter seance (tout ce qui est affiché comme enregistré l'est)"),
        Binding(keys: [.f(3)], command: .saveAs, bar: nil, help: "enregistrer tout le journal dans un nouveau fichier (après un échec d'écriture)"),
    ]

    public static func bindings(_ kind: ScreenKind) -> [Binding] {
        switch kind {
        case .welcome:
            return [
                Binding(keys: [.up], command: .up, bar: nil, help: "choix précédent"),
                Binding(keys: [.down], command: .down, bar: nil, help: "choix suivant"),
                Binding(keys: [.enter], command: .open, bar: "Choisir", help: "valider le choix"),
                Binding(keys: [.char("c")], command: .createProject, bar: "Créer", help: "créer mon projet"),
                Binding(keys: [.char("d")], command: .openDemo, bar: "Démo", help: "ouvrir une copie de la démonstration (Saint-Flour)"),
                Binding(keys: [.char("q")], command: .quit, bar: nil, help: "quitter"),
            ]
        case .dashboard:
            return listMoves + [
                Binding(keys: [.enter], command: .open, bar: "Ouvrir", help: "ouvrir le comité choisi"),
                Binding(keys: [.char("n")], command: .newCommittee, bar: "Nouveau comité", help: "créer un comité"),
                Binding(keys: [.char("p")], command: .editProject, bar: "Projet", help: "modifier le projet (nom, territoire, période, enveloppe)"),
                Binding(keys: [.char("x")], command: .axes, bar: "Axes", help: "les axes du projet"),
                Binding(keys: [.char("h")], command: .history, bar: "Historique", help: "toutes les séances de tous les comités, filtrables"),
                Binding(keys: [.char("/")], command: .search, bar: "Chercher", help: "chercher dans tout le journal (sans tenir compte des accents)"),
                Binding(keys: [.char("s")], command: .followUpsScreen, bar: "Suites", help: "les suites à donner de tous les comités"),
                Binding(keys: [.char("a")], command: .participation, bar: "Participation", help: "taux de présence par comité, membre et organisation"),
                Binding(keys: [.char("f")], command: .actionsScreen, bar: "Fiches", help: "les fiches actions et leur vie"),
                Binding(keys: [.char("i")], command: .importFile, bar: "Importer", help: "importer les membres ou les fiches actions d'un tableur (CSV, XLSX, ODS), après un aperçu"),
                Binding(keys: [.char("e")], command: .editCommittee, bar: nil, help: "modifier le comité choisi"),
                Binding(keys: [.char("r")], command: .retire, bar: nil, help: "retirer le comité choisi (ses séances restent dans l'historique)"),
                Binding(keys: [.char("q")], command: .quit, bar: nil, help: "quitter"),
            ]
        case .committee:
            return listMoves + [
                Binding(keys: [.tab], command: .switchPane, bar: "Membres/Séances", help: "passer des membres aux séances et retour"),
                Binding(keys: [.char("s")], command: .newMeeting, bar: "Nouvelle séance", help: "préparer une nouvelle séance (date, heure, lieu, titre)"),
                Binding(keys: [.char("n")], command: .newMember, bar: "Nouveau membre", help: "ajouter un membre au comité (si son nom est celui d'une personne d'un autre comité : « même personne ? »)"),
                Binding(keys: [.char("p")], command: .addPerson, bar: "Autre comité", help: "ajouter une personne d'un autre comité : une seule personne, ses coordonnées partagées ; rôle et vote propres à ce comité"),
                Binding(keys: [.enter, .char("e")], command: .edit, bar: "Ouvrir/Modifier", help: "ouvrir la séance choisie, ou modifier le membre choisi"),
                Binding(keys: [.char("r")], command: .retire, bar: "Retirer", help: "retirer le membre choisi du comité (il reste dans les séances passées)"),
                Binding(keys: [.char("m")], command: .editCommittee, bar: "Comité", help: "modifier le comité (nom, type, axe, quorum, majorité)"),
                Binding(keys: [.char("c")], command: .ranking, bar: nil, help: "hiérarchisation des fiches actions à la prochaine séance (ou à celle en cours)"),
                Binding(keys: [.escape, .char("q")], command: .back, bar: "Retour", help: "revenir au tableau de bord"),
            ]
        case .axes:
            return listMoves + [
                Binding(keys: [.char("n")], command: .newAxis, bar: "Nouvel axe", help: "ajouter un axe"),
                Binding(keys: [.enter, .char("e")], command: .edit, bar: "Modifier", help: "modifier l'axe choisi"),
                Binding(keys: [.char("r")], command: .retire, bar: "Retirer", help: "retirer l'axe choisi"),
                Binding(keys: [.escape, .char("q")], command: .back, bar: "Retour", help: "revenir au tableau de bord"),
            ]
        case .form:
            return [
                Binding(keys: [.tab, .down], command: .nextField, bar: nil, help: "champ suivant (après le dernier : le premier ; n'enregistre jamais)"),
                Binding(keys: [.backTab, .up], command: .previousField, bar: nil, help: "champ précédent (avant le premier : le dernier)"),
                Binding(keys: [.enter], command: .nextFieldOrSubmit, bar: nil, help: "champ suivant (sur le dernier champ : enregistrer)"),
                Binding(keys: [.left], command: .previousChoice, bar: nil, help: "choix précédent (dans un champ à choix)"),
                Binding(keys: [.right, .char(" ")], command: .nextChoice, bar: nil, help: "choix suivant (dans un champ à choix)"),
                Binding(keys: [.f(2), .ctrl("s")], command: .submit, bar: "Enregistrer", help: "enregistrer le formulaire"),
                Binding(keys: [.escape], command: .back, bar: "Annuler", help: "abandonner le formulaire"),
            ]
        case .meeting:
            return [
                Binding(keys: [.enter], command: .commitLine, bar: "Corriger", help: "enregistrer la ligne tapée (écrite et synchronisée sur le disque) ; sur une ligne choisie : la corriger"),
                Binding(keys: [.tab], command: .complete, bar: nil, help: "compléter le nom de l'orateur (les présents d'abord ; un mot du nom suffit, sans accents)"),
                Binding(keys: [.f(2)], command: .agendaScreen, bar: "Ordre du jour", help: "l'ordre du jour : ajouter, modifier, déplacer, retirer des points"),
                Binding(keys: [.f(4)], command: .attendanceScreen, bar: "Présences", help: "les présences, pouvoirs, invités, arrivées et départs"),
                Binding(keys: [.f(5)], command: .decision, bar: "Décision", help: "enregistrer une décision sur le point en cours, avec le vote"),
                Binding(keys: [.f(6)], command: .followUp, bar: "Suite", help: "ajouter une suite à donner (quoi, qui, pour quand)"),
                Binding(keys: [.f(7)], command: .speaker, bar: "Orateur", help: "choisir l'orateur de la ligne dans la liste des présents"),
                Binding(keys: [.f(8)], command: .previousItem, bar: "◀ Point", help: "passer au point précédent de l'ordre du jour (après coup : il garde son heure de début)"),
                Binding(keys: [.f(9)], command: .nextItem, bar: "Point ▶", help: "passer au point suivant, dont l'heure de début est notée (en direct : l'heure qu'il est ; après coup : demandée, vide pour ne rien noter) ; un point déjà commencé garde son heure"),
                Binding(keys: [.ctrl("t"), .f(11)], command: .closeMeeting, bar: "Clôture", help: "clôturer la séance (heure de fin) ; elle devient non modifiable"),
                Binding(keys: [.ctrl("r")], command: .reopen, bar: "Rouvrir", help: "rouvrir une séance close (la réouverture est enregistrée)"),
                Binding(keys: [.f(12)], command: .editSeance, bar: nil, help: "modifier la séance : date, heure, lieu, titre, président, secrétaire, heures d'ouverture et de clôture ; la reporter ou l'annuler"),
                Binding(keys: [.ctrl("n")], command: .convocationSent, bar: nil, help: "noter l'envoi de la convocation (le délai du comité est vérifié)"),
                Binding(keys: [.ctrl("z")], command: .undoOpening, bar: nil, help: "annuler l'ouverture d'une séance où rien n'a encore été enregistré"),
                Binding(keys: [.ctrl("o")], command: .ranking, bar: "Classer", help: "hiérarchisation : classer les fiches actions avec le comité, sous l'enveloppe"),
                Binding(keys: [.ctrl("p")], command: .exportMinutes, bar: "Export", help: "exporter le compte rendu (ODT, HTML, Markdown, texte)"),
                Binding(keys: [.up], command: .up, bar: nil, help: "choisir une ligne déjà enregistrée, pour la corriger"),
                Binding(keys: [.down], command: .down, bar: nil, help: "ligne suivante ; après la dernière, retour à la saisie"),
                Binding(keys: [.delete], command: .remove, bar: "Supprimer", help: "sur une ligne choisie : la supprimer (le journal la garde)"),
                Binding(keys: [.escape], command: .back, bar: "Retour", help: "revenir au comité (le texte en cours reste en brouillon)"),
            ]
        case .agenda:
            return listMoves + [
                Binding(keys: [.char("n")], command: .add, bar: "Nouveau point", help: "ajouter un point à l'ordre du jour"),
                Binding(keys: [.enter, .char("e")], command: .edit, bar: "Modifier", help: "modifier le point choisi"),
                Binding(keys: [.char("-")], command: .moveUp, bar: "Monter", help: "monter le point choisi"),
                Binding(keys: [.char("+")], command: .moveDown, bar: "Descendre", help: "descendre le point choisi"),
                Binding(keys: [.char("r"), .delete], command: .remove, bar: "Retirer", help: "retirer le point choisi"),
                Binding(keys: [.escape, .char("q")], command: .back, bar: "Retour", help: "revenir à la séance"),
            ]
        case .attendance:
            return listMoves + [
                Binding(keys: [.char("p")], command: .present, bar: "Présent", help: "présent ; une arrivée pendant la séance note l'heure (en direct : l'heure qu'il est ; après coup : demandée)"),
                Binding(keys: [.char("d")], command: .remote, bar: "Distance", help: "présent à distance"),
                Binding(keys: [.char("e")], command: .excused, bar: "Excusé", help: "excusé"),
                Binding(keys: [.char("a")], command: .absent, bar: "Absent", help: "absent ; un départ pendant la séance note l'heure (en direct : l'heure qu'il est ; après coup : demandée)"),
                Binding(keys: [.char("o")], command: .proxy, bar: "Pouvoir", help: "a donné pouvoir à un autre membre, qui porte son vote"),
                Binding(keys: [.char("i")], command: .guest, bar: "Invité", help: "ajouter un invité (nom, organisation)"),
                Binding(keys: [.delete, .char("r")], command: .remove, bar: "Retirer", help: "retirer la présence notée par erreur (le journal garde les deux)"),
                Binding(keys: [.escape, .char("q")], command: .back, bar: "Retour", help: "revenir à la séance"),
                Binding(keys: [.char("h")], command: .correctTime, bar: "Heure", help: "corriger l'heure d'arrivée (et de départ) du membre choisi"),
            ]
        case .ranking:
            return listMoves + [
                Binding(keys: [.char("1")], command: .modeManual, bar: "Manuel", help: "classement à la main : + et - déplacent la fiche choisie"),
                Binding(keys: [.char("2")], command: .modeCriteria, bar: "Critères", help: "critères pondérés, comme un tableur : les chiffres tapent la note dans la case, ↑ ↓ ← → l'enregistrent et changent de case, p les poids, Tab change de mode"),
                Binding(keys: [.char("3")], command: .modeBallots, bar: "Bulletins", help: "bulletins des membres : Entrée saisit le bulletin, m change de méthode, t la matrice des duels"),
                Binding(keys: [.char("4")], command: .modeBudget, bar: "Budget", help: "l'enveloppe : ligne de coupure, et parts égales (Equal Shares) à côté du glouton, sur les approbations tirées des bulletins (la première moitié de chacun) ; a y adopte la sélection des parts égales"),
                Binding(keys: [.tab], command: .nextMode, bar: "Mode suivant", help: "mode suivant ; dans la grille des critères, où les chiffres tapent des notes, c'est Tab qui change de mode"),
                Binding(keys: [.char("r")], command: .rerank, bar: nil, help: "reclasser : pendant la saisie des notes, l'ordre reste figé jusqu'à r ou la sortie de la grille"),
                Binding(keys: [.char("-")], command: .moveUp, bar: nil, help: "monter la fiche choisie (mode manuel)"),
                Binding(keys: [.char("+")], command: .moveDown, bar: nil, help: "descendre la fiche choisie (mode manuel)"),
                Binding(keys: [.enter], command: .edit, bar: nil, help: "enregistrer la note tapée et descendre, ou ouvrir la note de la case (critères) ; saisir le bulletin du membre, puis passer au suivant (bulletins)"),
                Binding(keys: [.left], command: .previousChoice, bar: nil, help: "critère précédent"),
                Binding(keys: [.right], command: .nextChoice, bar: nil, help: "critère suivant"),
                Binding(keys: [.char("m")], command: .nextMethod, bar: nil, help: "méthode suivante : Schulze, Borda, Copeland, paires classées, Kemeny"),
                Binding(keys: [.char("p")], command: .weights, bar: nil, help: "pondération des critères ; ajouter un critère (urgence, faisabilité…)"),
                Binding(keys: [.char("e")], command: .envelope, bar: "Enveloppe", help: "l'enveloppe budgétaire"),
                Binding(keys: [.char("t")], command: .matrix, bar: nil, help: "la matrice des duels (qui est préféré à qui, par combien de membres)"),
                Binding(keys: [.char("v")], command: .projection, bar: "Projection", help: "le classement seul, en grand, pour le mur"),
                Binding(keys: [.char("x")], command: .exportFiles, bar: nil, help: "écrire bulletins et coûts aux formats PrefLib (.toc) et Pabulib (.pb) à côté du journal"),
                Binding(keys: [.char("a")], command: .adopt, bar: "Adopter", help: "adopter ce classement : enregistré comme décision de la séance"),
                Binding(keys: [.char("n")], command: .add, bar: nil, help: "reprendre : un nouveau classement des mêmes fiches, avec les mêmes critères (l'adopté reste dans l'historique)"),
                Binding(keys: [.escape, .char("q")], command: .back, bar: "Retour", help: "revenir à la séance"),
            ]
        case .importPreview:
            return [
                Binding(keys: [.up, .char("k")], command: .up, bar: nil, help: "colonne précédente"),
                Binding(keys: [.down, .char("j")], command: .down, bar: nil, help: "colonne suivante"),
                Binding(keys: [.left], command: .previousChoice, bar: "◀ Sens", help: "sens précédent pour la colonne choisie (ou « ignorée ») ; l'aperçu est recalculé"),
                Binding(keys: [.right, .char(" ")], command: .nextChoice, bar: "Sens ▶", help: "sens suivant pour la colonne choisie (ou « ignorée ») ; l'aperçu est recalculé"),
                Binding(keys: [.pageUp], command: .pageUp, bar: nil, help: "remonter dans l'aperçu"),
                Binding(keys: [.pageDown], command: .pageDown, bar: nil, help: "descendre dans l'aperçu (lignes, problèmes)"),
                Binding(keys: [.enter], command: .submit, bar: "Importer", help: "tout importer d'un seul coup (refusé tant qu'il reste des problèmes) ; après l'import : revenir"),
                Binding(keys: [.escape, .char("q")], command: .back, bar: "Retour", help: "revenir au tableau de bord sans rien écrire"),
            ]
        case .history:
            return listMoves + [
                Binding(keys: [.enter], command: .open, bar: "Ouvrir", help: "ouvrir la séance choisie"),
                Binding(keys: [.char("c")], command: .filterCommittee, bar: "Comité", help: "filtrer par comité (chaque appui passe au suivant)"),
                Binding(keys: [.char("x")], command: .filterAxis, bar: "Axe", help: "filtrer par axe"),
                Binding(keys: [.char("a")], command: .filterYear, bar: "Année", help: "filtrer par année"),
                Binding(keys: [.char("e")], command: .filterStatus, bar: "État", help: "filtrer par état : à venir, en cours, close"),
                Binding(keys: [.char("0")], command: .clearFilters, bar: nil, help: "enlever tous les filtres"),
                Binding(keys: [.escape, .char("q")], command: .back, bar: "Retour", help: "revenir au tableau de bord"),
            ]
        case .search:
            return [
                Binding(keys: [.up], command: .up, bar: nil, help: "résultat précédent"),
                Binding(keys: [.down], command: .down, bar: nil, help: "résultat suivant"),
                Binding(keys: [.pageUp], command: .pageUp, bar: nil, help: "page précédente"),
                Binding(keys: [.pageDown], command: .pageDown, bar: nil, help: "page suivante"),
                Binding(keys: [.enter], command: .open, bar: "Aller", help: "aller à l'endroit du résultat choisi"),
                Binding(keys: [.escape], command: .back, bar: "Retour", help: "revenir au tableau de bord"),
            ]
        case .followUps:
            return [
                Binding(keys: [.up], command: .up, bar: nil, help: "ligne précédente"),
                Binding(keys: [.down], command: .down, bar: nil, help: "ligne suivante"),
                Binding(keys: [.pageUp], command: .pageUp, bar: nil, help: "page précédente"),
                Binding(keys: [.pageDown], command: .pageDown, bar: nil, help: "page suivante"),
                Binding(keys: [.f(5), .ctrl("f")], command: .markDone, bar: "Fait", help: "marquer la suite choisie comme faite (à la date donnée), ou la rouvrir"),
                Binding(keys: [.f(4)], command: .edit, bar: "Modifier", help: "modifier la suite choisie (quoi, qui, échéance)"),
                Binding(keys: [.f(6), .ctrl("a")], command: .showDone, bar: "Faites aussi", help: "montrer aussi les suites faites, ou les cacher"),
                Binding(keys: [.enter], command: .open, bar: "Séance", help: "ouvrir la séance où la suite a été décidée"),
                Binding(keys: [.escape], command: .back, bar: "Retour", help: "revenir au tableau de bord ; tapez un nom pour filtrer par responsable"),
            ]
        case .participation:
            return [
                Binding(keys: [.tab], command: .switchView, bar: "Vue", help: "par comité, par membre, par organisation"),
                Binding(keys: [.char("a")], command: .filterYear, bar: "Année", help: "période : une année ou toutes"),
                Binding(keys: [.char("c")], command: .filterCommittee, bar: "Comité", help: "membres d'un comité ou de tous"),
                Binding(keys: [.up], command: .up, bar: nil, help: "faire défiler"),
                Binding(keys: [.down], command: .down, bar: nil, help: "faire défiler"),
                Binding(keys: [.escape, .char("q")], command: .back, bar: "Retour", help: "revenir au tableau de bord"),
            ]
        case .actions:
            return listMoves + [
                Binding(keys: [.enter], command: .open, bar: "Vie de la fiche", help: "statut au fil du temps, avancement, indicateurs, décisions"),
                Binding(keys: [.char("p")], command: .progress, bar: "Avancement", help: "noter l'avancement (pourcentage, valeur d'un indicateur)"),
                Binding(keys: [.char("n")], command: .add, bar: "Nouvelle", help: "créer une fiche action"),
                Binding(keys: [.char("e")], command: .edit, bar: "Modifier", help: "modifier tous les champs de la fiche choisie, son statut compris"),
                Binding(keys: [.char("b")], command: .envelope, bar: "Financement", help: "le plan de financement : financeur → montant (il doit égaler le coût)"),
                Binding(keys: [.escape, .char("q")], command: .back, bar: "Retour", help: "revenir à la liste, ou au tableau de bord"),
            ]
        case .picker:
            return [
                Binding(keys: [.up], command: .up, bar: nil, help: "choix précédent"),
                Binding(keys: [.down], command: .down, bar: nil, help: "choix suivant"),
                Binding(keys: [.enter], command: .open, bar: "Choisir", help: "choisir ; tapez le début d'un nom pour filtrer"),
                Binding(keys: [.escape], command: .back, bar: "Annuler", help: "renoncer"),
            ]
        case .draftOffer:
            return [
                Binding(keys: [.char("o"), .enter], command: .yes, bar: "Reprendre", help: "reprendre le brouillon dans la séance"),
                Binding(keys: [.char("n")], command: .no, bar: "Abandonner", help: "abandonner le brouillon"),
            ]
        case .confirm:
            return [
                Binding(keys: [.char("o"), .char("y")], command: .yes, bar: "Oui", help: "confirmer ; à « même personne ? » : un siège de plus pour cette personne"),
                Binding(keys: [.char("n")], command: .no, bar: "Non", help: "renoncer ; à « même personne ? » : une autre personne, du même nom"),
                Binding(keys: [.escape], command: .back, bar: nil, help: "renoncer (à « même personne ? » : revenir au formulaire)"),
            ]
        case .notice:
            return [
                Binding(keys: [.enter, .escape, .char(" ")], command: .back, bar: "Continuer", help: "fermer le message"),
            ]
        case .problems:
            return listMoves + [
                Binding(keys: [.enter], command: .back, bar: "Lecture seule", help: "continuer en lecture seule (rien ne sera écrit)"),
                Binding(keys: [.char("q")], command: .quit, bar: nil, help: "quitter"),
            ]
        case .locked:
            return [
                Binding(keys: [.char("o"), .enter], command: .openReadOnly, bar: "Lecture seule", help: "ouvrir ce journal en lecture seule"),
                Binding(keys: [.char("q"), .escape], command: .quit, bar: "Quitter", help: "quitter sans rien ouvrir"),
            ]
        }
    }

    /// The command a key means on a screen, or nil (then the key may be text input).
    public static func command(for key: Key, on kind: ScreenKind) -> Command? {
        for b in bindings(kind) + global where b.keys.contains(key) { return b.command }
        return nil
    }

    /// The key bar: F1 Aide first, then the screen's own, then F10 Quitter.
    public static func bar(_ kind: ScreenKind) -> [(key: String, label: String)] {
        var out: [(String, String)] = [("F1", "Aide")]
        for b in bindings(kind) { if let l = b.bar { out.append((b.keys[0].label, l)) } }
        out.append(("F10", "Quitter"))
        return out
    }

    /// The key bar for the keys needed at this moment, most needed first (the bar keeps as many
    /// as fit, shown in the table's order): F1 Aide first and F10 Quitter last all the same.
    public static func bar(_ kind: ScreenKind, needed: [Command]) -> [(key: String, label: String, rank: Int)] {
        var out: [(String, String, Int)] = [("F1", "Aide", -1)]
        for b in bindings(kind) {
            if let l = b.bar, let rank = needed.firstIndex(of: b.command) { out.append((b.keys[0].label, l, rank)) }
        }
        out.append(("F10", "Quitter", -1))
        return out
    }

    /// Help lines for a screen: `keys — what they do`.
    public static func helpLines(_ kind: ScreenKind) -> [(keys: String, help: String)] {
        (bindings(kind) + global).filter { !$0.help.isEmpty }
            .map { b in (b.keysLabel ?? b.keys.map(\.label).joined(separator: ", "), b.help) }
            + ([.form, .meeting].contains(kind) ? textEditing : [])
    }

    /// The keys of the line editor (`LineEditor`), in every text field and the notes line.
    static let textEditing: [(keys: String, help: String)] = [
        ("← → Début Fin", "déplacer le curseur ; Début et Fin (ou Ctrl+A, Ctrl+E) : au début, à la fin du texte"),
        ("Ctrl+← Ctrl+→", "mot précédent, mot suivant"),
        ("Retour arrière, Suppr", "effacer le caractère avant, après le curseur (Ctrl+W : le mot avant)"),
        ("Ctrl+U, Ctrl+K", "effacer jusqu'au début, jusqu'à la fin du texte"),
    ]

    /// docs/keys.md, generated from this table (a test checks the file matches).
    public static func markdown() -> String {
        var s = "# Touches de seance\n\nCe fichier est produit à partir de la table des touches du programme (`KeyMap`) :\n"
        s += "un test vérifie qu'il lui correspond. F1 affiche la même liste dans chaque écran.\n"
        s += "Dans tous les écrans : **F1** aide, **F10** quitter ; **Échap** revient en arrière ;\n"
        s += "**q** quitte un écran où l'on ne tape pas de texte.\n"
        for kind in ScreenKind.allCases {
            s += "\n## \(kind.title)\n\n| touches | action |\n|---|---|\n"
            for l in helpLines(kind) { s += "| \(l.keys) | \(l.help) |\n" }
        }
        return s
    }
}
