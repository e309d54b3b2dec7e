import ArgumentParser
import Foundation
import SeanceModel
import SeanceTUI

@main
struct Seance: ParsableCommand {
    /// Parses and runs, turning the parser's English errors into a French line and a hint.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            // exit(withError:) prints the help or version itself: printing it here too showed it twice.
            if code == .success || error is CleanExit { exit(withError: error) }
            if error is ExitCode { exit(withError: error) }
            let message = fullMessage(for: error).replacingOccurrences(of: "Error: ", with: "")
            for line in ("commande incomprise : " + message).split(separator: "\n") { printError(String(line)) }
            printError("Voir « seance --help » (ou « seance help check »).")
            Foundation.exit(code.rawValue)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "seance",
        abstract: "Séances des comités d'un projet social de territoire : ordre du jour, prise de notes, décisions.",
        subcommands: [OpenCommand.self, CheckCommand.self, ListCommand.self, ExportCommand.self, ConvokeCommand.self, ImportCommand.self, RankCommand.self, GenerateCommand.self],
        defaultSubcommand: OpenCommand.self
    )
}

/// `seance [--journal PATH] [--demo]`: the terminal interface.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Ouvre le journal dans le terminal (commande par défaut).",
        discussion: """
        Sans option, ouvre $SEANCE_JOURNAL, sinon $XDG_DATA_HOME/seance/journal.seance \
        (par défaut ~/.local/share/seance/journal.seance) ; s'il n'existe pas, l'écran d'accueil \
        propose de créer le projet ou d'ouvrir la démonstration.
        """
    )

    @Option(name: .long, help: "Le journal à ouvrir.")
    var journal: String?

    @Flag(name: .long, help: "Ouvre une copie neuve, modifiable, du journal de démonstration (Saint-Flour).")
    var demo = false

    func validate() throws {
        if demo && journal != nil { throw ValidationError("--demo et --journal ne vont pas ensemble : choisissez l'un des deux.") }
    }

    func run() throws {
        guard isatty(0) == 1 && isatty(1) == 1 else {
            printError("l'interface a besoin d'un terminal. Pour un usage en script : seance check, seance list.")
            throw ExitCode(2)
        }
        var path = journal ?? Paths.defaultJournal()
        if demo {
            do { path = try Paths.freshDemoCopy() } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
        }
        let runtime = Runtime(journalPath: path, isDemo: demo, author: Paths.author(), makeDemoCopy: Paths.freshDemoCopy)
        let code = runtime.run()
        if demo { print("Copie de démonstration : \(path)") }
        // Everything is on disk and the journal's lock is released: the state is not freed.
        finish(code, keeping: runtime)
    }
}

struct DemoError: Error, CustomStringConvertible {
    var description: String
}

/// Where things are: the default journal, the bundled demo, who is writing.
enum Paths {
    static func env(_ name: String) -> String? {
        guard let v = ProcessInfo.processInfo.environment[name], !v.isEmpty else { return nil }
        return v
    }

    static func defaultJournal() -> String {
        if let j = env("SEANCE_JOURNAL") { return j }
        let data = env("XDG_DATA_HOME") ?? ((env("HOME") ?? NSHomeDirectory()) + "/.local/share")
        return data + "/seance/journal.seance"
    }

    static func author() -> String {
        env("SEANCE_AUTHOR") ?? env("USER") ?? env("LOGNAME") ?? "secretariat"
    }

    /// The bundled demo journal: beside an installed binary, or in the source tree.
    static func demoSource() -> String? {
        var candidates: [String] = []
        if let e = env("SEANCE_DEMO_SOURCE") { candidates.append(e) }
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(exe.appendingPathComponent("../share/seance/demo/saint-flour.seance").path)
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        candidates.append(source.appendingPathComponent("../../data/demo/saint-flour.seance").standardized.path)
        candidates.append(FileManager.default.currentDirectoryPath + "/data/demo/saint-flour.seance")
        return candidates.first { FileManager.default.isReadableFile(atPath: $0) }
    }

    /// Copies the demo to a new private folder and returns the copy's path.
    static func freshDemoCopy() throws -> String {
        guard let source = demoSource() else {
            throw DemoError(description: "journal de démonstration introuvable (data/demo/saint-flour.seance) : lancez seance depuis le dossier du projet ou indiquez-le avec SEANCE_DEMO_SOURCE.")
        }
        var template = Array((NSTemporaryDirectory() + "seance-demo-XXXXXX").utf8CString)
        guard let dir = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }).map({ String(cString: $0) }) else {
            throw DemoError(description: "impossible de créer un dossier temporaire pour la démonstration.")
        }
        chmod(dir, 0o700)
        let target = dir + "/saint-flour.seance"
        let bytes = try JournalStorage.readAll(source)
        try JournalStorage.createRaw(target, bytes: bytes)
        return target
    }
}
