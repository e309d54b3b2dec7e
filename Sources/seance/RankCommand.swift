import ArgumentParser
import Foundation
import SeanceModel

/// `seance rank --method METHOD FILE`: the committee's own files and the formats of the field.
struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Classe des candidats (PrefLib .soc/.soi/.toc) ou choisit des projets sous un budget (Pabulib .pb).",
        discussion: """
        PrefLib : borda, copeland, schulze (défaut), ranked-pairs, kemeny ; une ligne par candidat \
        RANG<TAB>ID<TAB>NOM, les ex aequo partagent un rang. Pabulib : greedy (défaut), equal-shares \
        [--completion add1|greedy|add1-greedy] ; les projets retenus, un par ligne, puis le coût total. \
        La méthode et la règle de départage sont écrites sur la sortie d'erreur. Voir docs/ranking.md.
        """
    )

    @Option(name: .long, help: "borda, copeland, schulze, ranked-pairs, kemeny (PrefLib) ; greedy, equal-shares (Pabulib).")
    var method: String?

    @Option(name: .long, help: "Complétion d'Equal Shares : add1, greedy ou add1-greedy.")
    var completion: String?

    @Option(name: .customLong("tie-break"), help: "Départage des projets (Pabulib) : lexico (défaut, comme pabutools), natural, min-cost, max-cost, list.")
    var tieBreak: String = "lexico"

    @Argument(help: "Le fichier .soc, .soi, .toc ou .pb.")
    var file: String

    func run() throws {
        let text: String
        do {
            let bytes = try JournalStorage.readAll(file)
            guard let s = String(validating: bytes, as: UTF8.self) else {
                printError("\(file) : ce n'est pas du texte UTF-8.")
                throw ExitCode(1)
            }
            text = s
        } catch let e as JournalError {
            printError(e.description.replacingOccurrences(of: "Journal introuvable", with: "Fichier introuvable"))
            throw ExitCode(2)
        }
        let ext = (file as NSString).pathExtension.lowercased()
        let output: RankingOutput
        do {
            if ext == "pb" {
                output = try pabulib(text)
            } else if let kind = PrefLibKind(rawValue: ext) {
                output = try preflib(text, kind: kind)
            } else {
                printError("\(file) : extension inconnue « .\(ext) » ; attendu .soc, .soi, .toc ou .pb.")
                throw ExitCode(2)
            }
        } catch let e as RankingFileError {
            printError("\(file):\(e.line): \(e.reason)")
            throw ExitCode(1)
        }
        // Names come from the file: each line is made visible like journal text.
        var lines = output.text.split(separator: "\n", omittingEmptySubsequences: false)
        if output.text.hasSuffix("\n") { lines.removeLast() }
        for line in lines { print(line.split(separator: "\t", omittingEmptySubsequences: false).map { Terminal.safe(String($0)) }.joined(separator: "\t")) }
        for n in output.notes { printError(n) }
    }

    func preflib(_ text: String, kind: PrefLibKind) throws -> RankingOutput {
        guard completion == nil else { throw usage("--completion ne s'emploie qu'avec equal-shares sur un fichier .pb.") }
        let name = method ?? "schulze"
        guard let m = RankingMethod(rawValue: name), RankingMethod.ballotMethods.contains(m) else {
            throw usage("méthode « \(name) » inconnue pour un fichier PrefLib : borda, copeland, schulze, ranked-pairs ou kemeny.")
        }
        let profile = try PrefLibFormat.parse(text, kind: kind)
        return RankingOutput(profile.ranking(by: m), candidates: profile.candidates)
    }

    func pabulib(_ text: String) throws -> RankingOutput {
        guard let tb = BudgetTieBreak(rawValue: tieBreak) else {
            throw usage("départage « \(tieBreak) » inconnu : lexico, natural, min-cost, max-cost ou list.")
        }
        let rule: BudgetRule
        switch (method ?? "greedy", completion) {
        case ("greedy", nil): rule = .greedy
        case ("equal-shares", nil): rule = .equalShares(.none)
        case ("equal-shares", "add1"): rule = .equalShares(.add1(increment: EqualSharesCompletion.defaultIncrement))
        case ("equal-shares", "greedy"): rule = .equalShares(.greedy)
        case ("equal-shares", "add1-greedy"): rule = .equalShares(.add1ThenGreedy(increment: EqualSharesCompletion.defaultIncrement))
        case (_, .some) where method != "equal-shares": throw usage("--completion ne s'emploie qu'avec --method equal-shares.")
        case ("equal-shares", .some(let c)): throw usage("complétion « \(c) » inconnue : add1, greedy ou add1-greedy.")
        case (let m, _): throw usage("méthode « \(m) » inconnue pour un fichier Pabulib : greedy ou equal-shares.")
        }
        let election = try PabulibFormat.parse(text)
        return RankingOutput(election.outcome(rule, tieBreak: tb), election: election)
    }

    func usage(_ message: String) -> ExitCode {
        printError(message)
        return ExitCode(64)
    }
}
