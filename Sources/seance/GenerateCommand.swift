import ArgumentParser
import Foundation
import SeanceModel

/// `seance generate --events N --out PATH [--seed S]`: a synthetic journal for benchmarks.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Produit un journal synthétique réaliste d'environ N événements (le même pour une même graine)."
    )

    @Option(name: .long, help: "Nombre d'événements, environ.")
    var events: Int

    @Option(name: .long, help: "Le fichier à créer (il ne doit pas exister).")
    var out: String

    @Option(name: .long, help: "La graine (même graine, même fichier).")
    var seed: UInt64 = 1

    func run() throws {
        guard events > 0 else { throw ValidationError("--events doit être un nombre positif.") }
        guard !FileManager.default.fileExists(atPath: out) else {
            printError("\(out) existe déjà : choisissez un autre nom.")
            throw ExitCode(1)
        }
        guard FileManager.default.createFile(atPath: out, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: out) else {
            printError("impossible de créer \(out).")
            throw ExitCode(2)
        }
        var buffer = [UInt8]()
        buffer.reserveCapacity(1 << 20)
        let n = JournalGenerator(events: events, seed: seed).generate { line in
            buffer.append(contentsOf: line.utf8)
            if buffer.count >= 1 << 20 { handle.write(Data(buffer)); buffer.removeAll(keepingCapacity: true) }
        }
        handle.write(Data(buffer))
        try handle.synchronize()
        try handle.close()
        print("\(n) événements écrits dans \(out)")
    }
}
