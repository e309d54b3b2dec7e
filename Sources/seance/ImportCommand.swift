import ArgumentParser
import Foundation
import SeanceModel

/// `seance import JOURNAL FICHIER --what membres|fiches`: a list from a spreadsheet (CSV, XLSX,
/// ODS), previewed, then appended as one batch of events, or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importe la liste des membres ou des fiches actions depuis un tableur (CSV, XLSX, ODS).",
        discussion: """
        seance import JOURNAL FICHIER --what membres [--comite ID] [--feuille NOM] [--colonne ENTÊTE=SENS]… [--dry-run]
        seance import JOURNAL FICHIER --what fiches [--feuille NOM] [--dry-run]
        Les colonnes sont reconnues par leur nom (Civilité, Nom, Prénom, Organisme, Fonction, Courriel, Téléphone, \
        Comité(s), Droit de vote ; N°, Intitulé, Axe, Porteur, Coût, Financeurs…). L'aperçu montre la lecture ; \
        --colonne « Qualité=fonction » (ou « C=fonction », « 3=ignorer ») corrige le sens d'une colonne. \
        Tout est importé d'un seul coup, ou rien : chaque problème est donné en FICHIER:LIGNE:COLONNE. \
        Réimporter le même fichier ne change rien ; un fichier mis à jour met à jour les personnes reconnues \
        (par identifiant, courriel, ou nom et organisme).
        """
    )

    @Argument(help: "Le journal.")
    var journal: String

    @Argument(help: "Le fichier : .csv, .xlsx ou .ods.")
    var file: String

    @Option(name: .long, help: "membres ou fiches.")
    var what: String

    @Option(name: .customLong("comite"), help: "Le comité des membres dont la ligne n'en nomme pas (identifiant ou nom).")
    var committee: String?

    @Option(name: .customLong("feuille"), help: "La feuille d'un classeur XLSX ou ODS (par défaut la première).")
    var sheet: String?

    @Option(name: .customLong("colonne"), help: "ENTÊTE=SENS : le sens d'une colonne (nom, prenom, organisme, fonction, courriel… ou ignorer).")
    var columns: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Montre ce qui serait importé, sans rien écrire.")
    var dryRun = false

    func run() throws {
        guard let kind = ImportKind(rawValue: what) else { throw usage("--what « \(what) » : membres ou fiches.") }
        var overrides: [(String, ImportField?)] = []
        for c in columns {
            guard let eq = c.lastIndex(of: "=") else { throw usage("--colonne « \(c) » : écrivez ENTÊTE=SENS, par exemple « Qualité=fonction ».") }
            let meaning = String(c[c.index(after: eq)...])
            if Commands.headerKey(meaning) == "ignorer" { overrides.append((String(c[..<eq]), nil)); continue }
            guard let f = ImportField.fields(kind).first(where: { $0.rawValue == meaning || Commands.headerKey($0.label) == Commands.headerKey(meaning) }) else {
                throw usage("--colonne : sens « \(meaning) » inconnu ; sens possibles : \(ImportField.fields(kind).map(\.rawValue).joined(separator: ", ")), ignorer.")
            }
            overrides.append((String(c[..<eq]), f))
        }
        let bytes: [UInt8]
        do { bytes = try JournalStorage.readAll(file) } catch {
            printError(error.description.replacingOccurrences(of: "Journal introuvable", with: "Fichier introuvable"))
            throw ExitCode(2)
        }
        let table: ReadTable
        do { table = try Spreadsheet.read(bytes, fileName: file, sheet: sheet) } catch {
            printError(Terminal.safe(error.description))
            throw ExitCode(1)
        }
        let session: JournalSession
        do { session = try JournalSession.open(path: journal, readOnly: dryRun) } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        defer { session.close() }
        if !dryRun && !session.isWritable {
            printError("\(journal) : journal en lecture seule (voir « seance check ») : rien n'est importé.")
            throw ExitCode(2)
        }
        var committeeID = committee
        if let c = committee, session.state.committees[c] == nil {
            committeeID = session.state.committeeOrder.first { Commands.headerKey(session.state.committees[$0]!.name) == Commands.headerKey(c) }
            if committeeID == nil { throw usage("--comite « \(c) » : comité inconnu.") }
        }
        var rng = SystemRandomNumberGenerator()
        let plan = Commands.importTable(session.state, table, ImportOptions(kind: kind, committee: committeeID, columns: overrides),
                                        makeID: { EventID.entity(prefix: $0, using: &rng) })
        for line in ImportPreview.lines(plan) { print(Terminal.safe(line)) }
        if !plan.problems.isEmpty {
            for p in plan.problems { printError(Terminal.safe(p.description)) }
            printError("rien n'est importé : \(plan.problems.count) problème(s).")
            throw ExitCode(1)
        }
        if dryRun {
            printError("essai (--dry-run) : \(plan.summary) ; rien n'est écrit.")
            return
        }
        if plan.drafts.isEmpty {
            printError("rien à changer : \(plan.summary).")
            return
        }
        switch session.commit(plan.drafts, author: Paths.author()) {
        case .success(let events): printError("importé : \(plan.summary) (\(events.count) événement(s) écrits).")
        case .failure(let e):
            printError(e.description)
            throw ExitCode(2)
        }
    }

    func usage(_ message: String) -> ExitCode {
        printError(message)
        return ExitCode(64)
    }
}
