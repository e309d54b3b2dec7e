import ArgumentParser
import Foundation
import SeanceModel

/// `seance export JOURNAL …`: the compte rendu, the relevé de décisions, open data, calendars.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Produit les documents : compte rendu, relevé de décisions, délibérations (CSV SCDL), calendrier (ICS), classement (CSV).",
        discussion: """
        seance export JOURNAL --seance ID|last --format md|html|odt|pdf|txt [-o FICHIER]
        seance export JOURNAL --what decisions (--seance ID|last | --from AAAA-MM-JJ --to AAAA-MM-JJ) --format md|html|odt|pdf|txt|csv
        seance export JOURNAL --what emargement --seance ID|last --format pdf|odt|html|md|txt
        seance export JOURNAL --ranking ID --format csv
        seance export JOURNAL --format ics
        seance export JOURNAL --what membres|suivi|participation|fiches --format csv|ods|xlsx [--comite ID] [--from … --to …]
        Sans -o, les formats texte vont sur la sortie standard ; l'ODT et le PDF sont écrits sous le nom proposé.
        """
    )

    @Argument(help: "Le journal.")
    var journal: String

    @Option(name: .long, help: "La séance : son identifiant (voir « seance list ») ou « last », la dernière tenue.")
    var seance: String?

    @Option(name: .long, help: "« minutes » (compte rendu, défaut), « decisions » (relevé de décisions), « emargement » (feuille d'émargement), ou une liste pour le tableur : « membres » (annuaire), « suivi » (suites à donner), « participation », « fiches » (fiches actions et financements).")
    var what: String = "minutes"

    @Option(name: .long, help: "md, html, odt, pdf, txt, csv, ics ; ods ou xlsx pour les listes.")
    var format: String

    @Option(name: .long, help: "Début de la période (AAAA-MM-JJ ou JJ/MM/AAAA), avec --what decisions.")
    var from: String?

    @Option(name: .long, help: "Fin de la période, incluse.")
    var to: String?

    @Option(name: .long, help: "Un classement adopté (identifiant), avec --format csv.")
    var ranking: String?

    @Option(name: .customLong("comite"), help: "Un comité (identifiant), pour les listes.")
    var committee: String?

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
        let options = ExportOptions(today: Timestamp.now().localDate)
        if format == "ics" { return Export.calendar(state) }
        if let ranking {
            guard format == "csv" else { throw usage("--ranking s'exporte en --format csv.") }
            return try Export.rankingCSV(state, ranking: ranking)
        }
        switch what {
        case "minutes", "compte-rendu":
            guard let f = DocumentFormat(rawValue: format) else { throw usage("format « \(format) » : md, html, odt, pdf ou txt pour un compte rendu.") }
            guard let seance else { throw usage("indiquez la séance : --seance ID ou --seance last.") }
            let id = try Export.resolveMeeting(state, seance)
            return try Export.minutes(state, meeting: id, format: f, options: options.with(ranking: state.adoptedRanking(for: id)))
        case "decisions", "releve":
            let scope: DecisionScope
            if let seance { scope = .meeting(try Export.resolveMeeting(state, seance)) }
            else { scope = .period(from: try date(from, "from"), to: try date(to, "to")) }
            if format == "csv" { return try Export.decisionsCSV(state, scope) }
            guard let f = DocumentFormat(rawValue: format) else { throw usage("format « \(format) » : md, html, odt, pdf, txt ou csv.") }
            return try Export.decisions(state, scope, format: f, options: options)
        case "emargement", "émargement":
            guard let f = DocumentFormat(rawValue: format) else { throw usage("format « \(format) » : pdf, odt, html, md ou txt pour une feuille d'émargement.") }
            guard let seance else { throw usage("indiquez la séance : --seance ID ou --seance last.") }
            return try Export.attendanceSheet(state, meeting: try Export.resolveMeeting(state, seance), format: f, options: options)
        case "membres", "annuaire", "suivi", "participation", "fiches":
            let kind = ListKind(rawValue: what == "annuaire" ? "membres" : what)!
            guard let f = SpreadsheetFormat(rawValue: format) else { throw usage("format « \(format) » : csv, ods ou xlsx pour une liste.") }
            return try Export.list(state, kind, format: f, committee: committee, from: try date(from, "from"), to: try date(to, "to"))
        default:
            throw usage("--what « \(what) » : minutes, decisions, emargement, membres, suivi, participation ou fiches.")
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
