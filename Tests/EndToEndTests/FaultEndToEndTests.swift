import Foundation
import Testing
import ChildProcess

/// Faults under the real binary: the journal's folder removed, a full disk, a file that cannot
/// be written, kills just after Entrée. What the screen calls saved must be on disk; what is not
/// must be said, with its cause, and kept.
@Suite("Faults under the real binary (tmux)", .serialized)
struct FaultEndToEndTests {
    /// Opens the demo's séance COPIL n°4, in a terminal on `path`.
    func openSeance(_ path: String, dir: String) throws -> Terminal {
        let t = try Terminal(["--journal", path], width: 100, height: 30, dir: dir)
        try t.waitFor("Comité de pilotage")
        try t.keys("Enter", "Tab", "Enter")
        try t.waitFor("Comité de pilotage n°4")
        return t
    }

    @Test("The journal's folder removed (a USB stick pulled out): the line is not called saved, the cause is shown, F3 saves it all elsewhere")
    func removedFolder() throws {
        let (dir, demo) = try demoCopy()
        let stick = dir + "/cle-usb"
        try FileManager.default.createDirectory(atPath: stick, withIntermediateDirectories: true)
        let path = stick + "/journal.seance"
        try FileManager.default.moveItem(atPath: demo, toPath: path)
        let t = try openSeance(path, dir: dir)
        try t.type("Première ligne, sur la clé")
        try t.keys("Enter"); try t.waitFor("Ouvrir la séance")
        try t.keys("Enter")
        try t.waitFor("Enregistré ✓")
        try FileManager.default.removeItem(atPath: stick)
        try t.type("Ligne tapée après le retrait de la clé")
        try t.keys("Enter")
        let screen = try t.waitFor("NON ENREGISTRÉ")
        #expect(screen.contains("fichier supprimé ou support retiré"))
        #expect(screen.contains("✗ Ligne tapée après le retrait de la clé"))
        #expect(!screen.contains("Enregistré ✓"))
        try t.keys("F3")
        try t.waitFor("Enregistrer le journal sous")
        let saved = dir + "/sauvé.seance"
        try t.keys("C-u"); try t.type(saved); try t.keys("F2")
        try t.waitFor("Journal enregistré en entier")
        try t.keys("F10")
        #expect(try t.exitCode() == 0)
        let text = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(text.contains("text=Première ligne, sur la clé\n"))
        #expect(text.contains("text=Ligne tapée après le retrait de la clé\n"))
        #expect(try run([seanceBinary, "check", saved]).code == 0)
    }

    /// A small tmpfs mounted for the test, or nil where mounting is not allowed.
    final class SmallDisk {
        let mount: String
        init?(kilobytes: Int) {
            var template = Array((NSTemporaryDirectory() + "seance-disk-XXXXXX").utf8CString)
            mount = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
            guard (try? run(["mount", "-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0700", "tmpfs", mount]))?.code == 0 else {
                rmdir(mount)
                return nil
            }
        }
        /// Fills the file system but for about `spare` bytes.
        func fill(leaving spare: Int) throws {
            var st = statvfs()
            statvfs(mount, &st)
            let free = Int(st.f_bavail) * Int(st.f_frsize)
            let fd = open(mount + "/remplissage", O_WRONLY | O_CREAT, 0o600)
            defer { close(fd) }
            var left = max(0, free - spare)
            let chunk = [UInt8](repeating: 0x2E, count: 4096)
            while left > 0 {
                let w = chunk.withUnsafeBytes { write(fd, $0.baseAddress!, min(left, 4096)) }
                if w <= 0 { break }
                left -= w
            }
        }
        deinit {
            _ = try? run(["umount", "-l", mount])
            rmdir(mount)
        }
    }

    @Test("A full disk: « disque plein » on screen with the banner; a failed save-as leaves nothing; the next one saves everything")
    func fullDisk() throws {
        guard let disk = SmallDisk(kilobytes: 600) else {
            // No mount here: the same failure is injected under the storage layer by StorageTests.
            print("FaultEndToEndTests.fullDisk : montage tmpfs impossible ici, test sauté")
            return
        }
        let (dir, demo) = try demoCopy()
        let path = disk.mount + "/journal.seance"
        try FileManager.default.copyItem(atPath: demo, toPath: path)
        let t = try openSeance(path, dir: dir)
        try t.type("Ouverture"); try t.keys("Enter"); try t.waitFor("Ouvrir la séance")
        try t.keys("Enter"); try t.waitFor("Enregistré ✓")
        try disk.fill(leaving: 0)
        let line = "Une longue intervention sur l'épicerie solidaire « Le Panier » " + String(repeating: "et ses suites ", count: 400) + "FIN"
        try t.type(line)
        try t.waitFor("FIN", timeout: 20)
        try t.keys("Enter")
        let screen = try t.waitFor("NON ENREGISTRÉ")
        #expect(screen.contains("Cause : disque plein"))
        // Save-as onto the same full disk fails and leaves no file behind.
        try t.keys("F3")
        try t.waitFor("Enregistrer le journal sous")
        try t.keys("C-u"); try t.type(disk.mount + "/copie.seance"); try t.keys("F2")
        try t.waitFor("disque plein")
        #expect(!FileManager.default.fileExists(atPath: disk.mount + "/copie.seance"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.mount).filter { $0.contains("copie") }.isEmpty)
        // Elsewhere, it works, and the line typed on the full disk is there.
        let saved = dir + "/copie.seance"
        try t.keys("C-u"); try t.type(saved); try t.keys("F2")
        try t.waitFor("Journal enregistré en entier")
        try t.keys("F10")
        #expect(try t.exitCode() == 0)
        #expect(try String(contentsOfFile: saved, encoding: .utf8).contains("FIN\n"))
        #expect(try run([seanceBinary, "check", saved]).code == 0)
        // The journal on the full disk was cut back to its last synced line: still valid.
        #expect(try run([seanceBinary, "check", path]).code == 0)
    }

    @Test("A journal that cannot be written at start (immutable): the cause, and an offer to read it")
    func immutableAtStart() throws {
        let (dir, path) = try demoCopy()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let chattr = try run(["chattr", "+i", path])
        try #require(chattr.code == 0, "chattr +i impossible : \(chattr.err)")
        defer { _ = try? run(["chattr", "-i", path]) }
        let t = try Terminal(["--journal", path], width: 100, height: 30, dir: dir)
        let screen = try t.waitFor("Journal non inscriptible")
        #expect(screen.contains("Cause : permission refusée"))
        #expect(!screen.contains("ÉCHEC"))
        try t.keys("o")
        try t.waitFor("LECTURE SEULE")
        try t.waitFor("Comité de pilotage")
        // Read-only, F3 still copies the journal elsewhere, and the copy is writable.
        try t.keys("F3")
        try t.waitFor("Enregistrer le journal sous")
        let copy = dir + "/copie.seance"
        try t.keys("C-u"); try t.type(copy); try t.keys("F2")
        try t.waitFor("Journal enregistré en entier")
        try t.keys("F10")
        #expect(try t.exitCode() == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
    }

    @Test("kill -9 at random moments just after Entrée: a saved line is never offered back as a draft")
    func killAfterEnter() throws {
        let (dir, path) = try demoCopy()
        let rounds = Int(ProcessInfo.processInfo.environment["SEANCE_KILL_ROUNDS"] ?? "") ?? 12
        var offeredSaved = 0, offered = 0
        var rng = SystemRandomNumberGenerator()
        // The séance is opened once: from then on Entrée commits the line at once.
        let first = try openSeance(path, dir: dir)
        try first.type("Ouverture"); try first.keys("Enter"); try first.waitFor("Ouvrir la séance")
        try first.keys("Enter"); try first.waitFor("Enregistré ✓")
        try first.keys("F10")
        #expect(try first.exitCode() == 0)
        for round in 0..<rounds {
            let t = try Terminal(["--journal", path], width: 100, height: 30, dir: dir)
            var screen = try t.waitFor("F10")
            if screen.contains("Reprendre le brouillon") {
                offered += 1
                let journal = try String(contentsOfFile: path, encoding: .utf8)
                let draft = try String(contentsOfFile: path + ".draft", encoding: .utf8)
                let text = draft.split(separator: "\n", omittingEmptySubsequences: false)[3]
                if journal.contains("text=" + text + "\n") { offeredSaved += 1 }
                try t.keys("n")
                screen = try t.waitFor("Comité de pilotage")
            }
            try t.keys("Enter", "Tab", "Enter")
            try t.waitFor("Comité de pilotage n°4")
            let line = "Ligne \(round) tapée avant un arrêt brutal"
            try t.type(line)
            try t.waitFor(line)
            // Let the draft file catch up (it is written about once a second while typing).
            let deadline = Date().addingTimeInterval(3)
            while Date() < deadline, !((try? String(contentsOfFile: path + ".draft", encoding: .utf8))?.contains(line) ?? false) {
                usleep(50_000)
            }
            let pid = try #require(try t.programPID())
            try t.keys("Enter")
            usleep(UInt32.random(in: 0...40_000, using: &rng))
            kill(pid, SIGKILL)
            _ = try t.exitCode()
        }
        #expect(offeredSaved == 0, "\(offeredSaved) ligne(s) déjà enregistrée(s) proposée(s) comme brouillon sur \(rounds) arrêts (\(offered) brouillons proposés)")
        #expect(try run([seanceBinary, "check", path]).code == 0)
    }
}
