import ArgumentParser
import Foundation
import SeanceModel

/// `seance export JOURNAL …`: the compte rendu, the relevé de décisions, open data, calendars.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Produit les documents : convocation, pouvoir, compte rendu, relevé de décisions, fiche action, délibérations (CSV SCDL), calendrier (ICS), classement (CSV).",
        discussion: """
        seance export JOURNAL --seance ID|last|next --format md|html|odt|pdf|txt [-o FICHIER]
        seance export JOURNAL --seance ID|last|next --what convocation --format pdf|odt|html|md|txt|eml [--de ADRESSE]
        seance export JOURNAL --seance ID|last|next --what pouvoir [--membre ID] --format pdf|odt|html|md|txt
        seance export JOURNAL --what fiche --fiche ID --format pdf|odt|html|md|txt
        seance export JOURNAL --what decisions (--seance ID|last | --from AAAA-MM-JJ --to AAAA-MM-JJ) --format md|html|odt|pdf|txt|csv
        seance export JOURNAL --what emargement --seance ID|last --format pdf|odt|html|md|txt
        seance export JOURNAL --ranking ID --format csv
        seance export JOURNAL --format ics
        seance export JOURNAL --what membres|suivi|participation|fiches --format csv|ods|xlsx [--comite ID] [--from … --to …]
        seance export JOURNAL --what decisions --format ods|xlsx [--comite ID] [--from … --to …]
        Sans -o, les formats texte vont sur la sortie standard ; l'ODT, le PDF et l'e-mail (.eml) sont écrits sous le nom proposé.
        L'e-mail n'est pas envoyé : ouvrez-le dans Thunderbird ou Outlook, vérifiez, envoyez ; puis « seance convoquer » note l'envoi.
        """
    )

    @Argument(help: "Le journal.")
    var journal: String

    @Option(name: .long, help: "La séance : son identifiant (voir « seance list »), « last », la dernière tenue, ou « next », la prochaine à venir.")
    var seance: String?

    @Option(name: .long, help: "« minutes » ou « compte-rendu » (défaut), « decisions » ou « releve » (relevé de décisions), « convocation », « pouvoir », « emargement » (feuille d'émargement), « fiche » (une fiche action, avec --fiche), ou une liste pour le tableur : « membres » (annuaire), « suivi » (suites à donner), « participation », « fiches » (fiches actions et financements).")
    var what: String = "minutes"

    @Option(name: .long, help: "md, html, odt, pdf, txt, csv, ics ; ods ou xlsx pour les listes ; eml pour la convocation.")
    var format: String

    @Option(name: .long, help: "Début de la période (AAAA-MM-JJ ou JJ/MM/AAAA), avec --what decisions.")
    var from: String?

    @Option(name: .long, help: "Fin de la période, incluse.")
    var to: String?

    @Option(name: .long, help: "Un classement adopté (identifiant), avec --format csv.")
    var ranking: String?

    @Option(name: .customLong("comite"), help: "Un comité (identifiant), pour les listes.")
    var committee: String?

    @Option(name: .customLong("fiche"), help: "Une fiche action (identifiant), avec --what fiche.")
    var action: String?

    @Option(name: .customLong("membre"), help: "Le membre qui donne pouvoir (identifiant), avec --what pouvoir ; sans lui, une page par membre votant.")
    var member: String?

    @Flag(name: .customLong("sans-durees"), help: "Sans la « durée effective » de chaque point dans le compte rendu.")
    var withoutDurations = false

    @Option(name: .customLong("de"), help: "L'adresse d'expéditeur de l'e-mail de convocation (sinon celle que choisira votre messagerie).")
    var sender: String?

    @Option(name: .shortAndLong, help: "Le fichier à écrire.")
    var output: String?

    func run() throws {
        let (state, parsed, foldProblems) = try loadJournal(journal)
        let errors = (parsed.problems + foldProblems).filter { $0.severity == .error }
        if !errors.isEmpty {
            printError("attention : \(errors.count) problème(s) dans \(journal) (voir « seance check ») ; le document peut être incomplet.")
        }
        let file: ExportedFile
        do {
            file = try export(state)
        } catch let e as ExportError {
            printError(e.description)
            throw ExitCode(1)
        }
        if let output {
            do { try JournalStorage.createRaw(output, bytes: file.bytes, shared: true) } catch {
                printError(error.description)
                throw ExitCode(2)
            }
            printError("écrit : \(output)")
        } else if file.text == nil {
            do { try JournalStorage.createRaw(file.fileName, bytes: file.bytes, shared: true) } catch {
                printError(error.description)
                throw ExitCode(2)
            }
            printError("écrit : \(file.fileName)")
        } else {
            FileHandle.standardOutput.write(Data(file.bytes))
        }
    }

    func date(_ s: String?, _ name: String) throws -> LocalDate? {
        guard let s else { return nil }
        guard let d = LocalDate(userInput: s) else { throw usage("--\(name) : date illisible « \(s) » (AAAA-MM-JJ ou JJ/MM/AAAA).") }
        return d
    }

    func export(_ state: ProjectState) throws -> ExportedFile {
        var options = ExportOptions(today: Timestamp.now().localDate)
        options.effectiveDurations = !withoutDurations
        func meeting() throws -> String {
            guard let seance else { throw usage("indiquez la séance : --seance ID, --seance last ou --seance next.") }
            return try Export.resolveMeeting(state, seance, today: options.today)
        }
        if format == "ics" { return Export.calendar(state) }
        if let ranking {
            guard format == "csv" else { throw usage("--ranking s'exporte en --format csv.") }
            return try Export.rankingCSV(state, ranking: ranking)
        }
        switch what {
        case "minutes", "compte-rendu":
            guard let f = DocumentFormat(rawValue: format) else { throw usage("format « \(format) » : md, html, odt, pdf ou txt pour un compte rendu.") }
            guard let seance else { throw usage("indiquez la séance : --seance ID ou --seance last.") }
            let id = try Export.resolveMeeting(state, seance, today: options.today)
            return try Export.minutes(state, meeting: id, format: f, options: options.with(ranking: state.adoptedRanking(for: id)))
        case "convocation":
            let id = try meeting()
            if let warning = state.convocationWarning(id, today: options.today!) { printError("attention : " + warning) }
            if format == "eml" {
                if let sender, !sender.isEmpty, !Export.isPlausibleAddress(sender) { throw usage("--de « \(sender) » : adresse illisible.") }
                let file = try Export.convocationEmail(state, meeting: id, from: sender, options: options)
                for name in Export.membersWithoutAddress(state, meeting: id) { printError("sans adresse e-mail : " + Terminal.safe(name)) }
                return file
            }
            guard let f = DocumentFormat(rawValue: format) else { throw usage("format « \(format) » : pdf, odt, html, md, txt ou eml pour une convocation.") }
            return try Export.convocation(state, meeting: id, format: f, options: options)
        case "pouvoir", "pouvoirs":
            guard let f = DocumentFormat(rawValue: format) else { throw usage("format « \(format) » : pdf, odt, html, md ou txt pour un pouvoir.") }
            return try Export.proxyForms(state, meeting: try meeting(), member: member, format: f, options: options)
        case "fiche":
            guard let action else { throw usage("indiquez la fiche action : --fiche ID.") }
            guard let f = DocumentFormat(rawValue: format) else { throw usage("format « \(format) » : pdf, odt, html, md ou txt pour une fiche action.") }
            return try Export.actionSheet(state, action: action, format: f, options: options)
        case "decisions", "releve":
            let scope: DecisionScope
            if seance != nil { scope = .meeting(try meeting()) }
            else { scope = .period(from: try date(from, "from"), to: try date(to, "to")) }
            if format == "csv" { return try Export.decisionsCSV(state, scope) }
            // The decisions as a spreadsheet with typed cells (votes as numbers, dates as dates).
            if let sheet = SpreadsheetFormat(rawValue: format), sheet != .csv {
                return try Export.list(state, .decisions, format: sheet, committee: committee, from: try date(from, "from"), to: try date(to, "to"))
            }
            guard let f = DocumentFormat(rawValue: format) else { throw usage("format « \(format) » : md, html, odt, pdf, txt ou csv.") }
            return try Export.decisions(state, scope, format: f, options: options)
        case "emargement", "émargement":
            guard let f = DocumentFormat(rawValue: format) else { throw usage("format « \(format) » : pdf, odt, html, md ou txt pour une feuille d'émargement.") }
            return try Export.attendanceSheet(state, meeting: try meeting(), format: f, options: options)
        case "membres", "annuaire", "suivi", "participation", "fiches":
            let kind = ListKind(rawValue: what == "annuaire" ? "membres" : what)!
            guard let f = SpreadsheetFormat(rawValue: format) else { throw usage("format « \(format) » : csv, ods ou xlsx pour une liste.") }
            return try Export.list(state, kind, format: f, committee: committee, from: try date(from, "from"), to: try date(to, "to"))
        default:
            throw usage("--what « \(what) » : compte-rendu, releve, convocation, pouvoir, emargement, fiche, membres, suivi, participation ou fiches.")
        }
    }

    func usage(_ message: String) -> ExitCode {
        printError(message)
        return ExitCode(64)
    }
}

extension ExportOptions {
    func with(ranking: AdoptedRanking?) -> ExportOptions {
        var o = self
        o.ranking = ranking
        return o
    }
}

/// `seance convoquer JOURNAL --seance ID|next [--le DATE]`: notes that the convocation was sent
/// (« convocation envoyée le »), and warns when it left too late for the committee's rule.
struct ConvokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convoquer",
        abstract: "Note l'envoi de la convocation d'une séance (et prévient si le délai du comité n'est pas tenu).")

    @Argument(help: "Le journal.")
    var journal: String

    @Option(name: .long, help: "La séance : son identifiant ou « next », la prochaine à venir.")
    var seance: String

    @Option(name: .customLong("le"), help: "Le jour de l'envoi (AAAA-MM-JJ ou JJ/MM/AAAA) ; par défaut aujourd'hui.")
    var day: String?

    func run() throws {
        let session: JournalSession
        do { session = try JournalSession.open(path: journal, readOnly: false) } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        defer { session.close() }
        guard session.isWritable else {
            printError("\(journal) : journal en lecture seule (voir « seance check ») : rien n'est noté.")
            throw ExitCode(2)
        }
        let today = Timestamp.now().localDate
        var date = today
        if let day {
            guard let d = LocalDate(userInput: day) else {
                printError("--le : date illisible « \(day) » (AAAA-MM-JJ ou JJ/MM/AAAA).")
                throw ExitCode(64)
            }
            date = d
        }
        let id: String
        do { id = try Export.resolveMeeting(session.state, seance, today: today) } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        switch Commands.recordConvocation(session.state, meeting: id, sentOn: date) {
        case .failure(let r):
            printError(r.message)
            throw ExitCode(1)
        case .success(let drafts):
            if case .failure(let e) = session.commit(drafts, author: Paths.author()) {
                printError(e.description)
                throw ExitCode(2)
            }
        }
        printError("convocation envoyée le \(date.french) : noté.")
        if let warning = session.state.convocationWarning(id, today: today) { printError("attention : " + warning) }
    }
}
