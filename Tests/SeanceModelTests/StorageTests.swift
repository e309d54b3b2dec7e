import Foundation
import Testing
@testable import SeanceModel

@Suite("The journal on disk: modes, appends, lock, torn tail, failures", .serialized)
struct StorageTests {
    @Test("Created with mode 0600 in a 0700 folder whatever the umask")
    func modes() throws {
        let dir = TempDir()
        let old = umask(0)
        defer { umask(old) }
        let path = dir.file("nouveau/dossier/journal.seance")
        let s = try JournalSession.create(path: path)
        defer { s.close() }
        #expect(fileMode(path) == 0o600)
        #expect(fileMode(dir.file("nouveau/dossier")) == 0o700)
        #expect(fileMode(dir.file("nouveau")) == 0o700)
        #expect(try JournalStorage.readAll(path) == bytes("seance-journal 1\n"))
    }

    @Test("Committed events are on disk, in order, and read back identical")
    func appendAndReopen() throws {
        let dir = TempDir()
        let path = dir.file("j.seance")
        let s = try JournalSession.create(path: path)
        var rng = SeededRandom(1)
        let r1 = s.commit([EventDraft("project.set", "project", [("name", "Projet « A »")])], author: "claire", now: t0, using: &rng)
        let r2 = s.commit([EventDraft("committee.create", "com-1", [("name", "COPIL"), ("kind", "pilotage")]),
                           EventDraft("member.add", "mem-1", [("committee", "com-1"), ("name", "NOM Prénom")])],
                          author: "claire", now: t0, using: &rng)
        #expect(try r1.get().count == 1)
        #expect(try r2.get().count == 2)
        s.close()
        let reopened = try JournalSession.open(path: path)
        defer { reopened.close() }
        #expect(reopened.eventCount == 3)
        #expect(reopened.state == s.state)
        #expect(reopened.state.members["mem-1"]?.committee == "com-1")
        #expect(reopened.problems.isEmpty)
    }

    @Test("An event the state refuses is not written")
    func refusedNotWritten() throws {
        let dir = TempDir()
        let path = dir.file("j.seance")
        let s = try JournalSession.create(path: path)
        defer { s.close() }
        let r = s.commit([EventDraft("member.add", "mem-1", [("committee", "com-absent"), ("name", "X")])], author: "c")
        guard case .failure(.invalid(let m)) = r else { Issue.record("expected a refusal, got \(r)"); return }
        #expect(m.contains("com-absent"))
        #expect(try JournalStorage.readAll(path) == bytes("seance-journal 1\n"))
    }

    @Test("A second writer is refused and told who holds the lock")
    func lock() throws {
        let dir = TempDir()
        let path = dir.file("j.seance")
        let first = try JournalSession.create(path: path)
        #expect(throws: JournalError.self) { try JournalSession.open(path: path) }
        do {
            _ = try JournalSession.open(path: path)
        } catch .locked(_, let holder) {
            #expect(holder?.pid == getpid())
            #expect(holder?.host.isEmpty == false)
            #expect(holder?.since.hasPrefix("20") == true)
        } catch {
            Issue.record("expected .locked, got \(error)")
        }
        // Read-only opening is always possible.
        let reader = try JournalSession.open(path: path, readOnly: true)
        #expect(!reader.isWritable)
        #expect(reader.commit([EventDraft("project.set", "project", [("name", "X")])], author: "c") == .failure(.readOnly))
        first.close()
        let second = try JournalSession.open(path: path)
        #expect(second.isWritable)
        second.close()
    }

    @Test("A torn tail is moved to a side file, the journal cut back, appends resume on a clean line")
    func tornTailRepair() throws {
        let dir = TempDir()
        let path = dir.file("j.seance")
        let good = journalText([event("project.set", "project", [("name", "P")], n: 1)])
        let fragment = "2009-12-15T14:31:00+01:00\t01FZ00000000000000000000AB\tclaire\tnote.add\tnote-1\tseance=sea-1\ttext=La séance est ouv"
        try JournalStorage.createRaw(path, bytes: bytes(good + fragment))
        let s = try JournalSession.open(path: path)
        let torn = try #require(s.tornTail)
        #expect(torn.line == 3)
        let side = try #require(torn.sidePath)
        #expect(side.hasPrefix(path + ".torn-"))
        #expect(try JournalStorage.readAll(side) == bytes(fragment))
        #expect(fileMode(side) == 0o600)
        #expect(try JournalStorage.readAll(path) == bytes(good))
        _ = try s.commit([EventDraft("project.set", "project", [("territory", "Saint-Flour")])], author: "c").get()
        s.close()
        let again = try JournalSession.open(path: path)
        defer { again.close() }
        #expect(again.tornTail == nil)
        #expect(again.problems.isEmpty)
        #expect(again.state.project?.territory == "Saint-Flour")
    }

    @Test("Opened read-only, a torn tail is reported and nothing is touched")
    func tornTailReadOnly() throws {
        let dir = TempDir()
        let path = dir.file("j.seance")
        let content = bytes(journalText([event("project.set", "project", [("name", "P")], n: 1)])) + [0, 0, 0]
        try JournalStorage.createRaw(path, bytes: content)
        let s = try JournalSession.open(path: path, readOnly: true)
        #expect(s.tornTail?.sidePath == nil)
        #expect(try JournalStorage.readAll(path) == content)
    }

    @Test("Malformed lines make the session read-only and the file is left untouched")
    func malformedReadOnly() throws {
        let dir = TempDir()
        let path = dir.file("j.seance")
        let text = journalText([event("project.set", "project", [("name", "P")], n: 1)]) + "ligne abîmée\n"
            + event("axis.add", "axis-1", [("number", "1"), ("title", "Axe")], n: 2).line
        try JournalStorage.createRaw(path, bytes: bytes(text))
        let s = try JournalSession.open(path: path)
        #expect(s.mode == .readOnly(.problems(1)))
        #expect(s.errors.map(\.line) == [3])
        #expect(s.state.axes["axis-1"] != nil)
        #expect(s.commit([EventDraft("project.set", "project", [("name", "X")])], author: "c") == .failure(.readOnly))
        #expect(try JournalStorage.readAll(path) == bytes(text))
        // And a second copy may open it too: read-only sessions hold no lock.
        let other = try JournalSession.open(path: path)
        other.close()
    }

    @Test("A failed write is never retried nor called saved; the events stay in memory and go to a new file")
    func writeFailure() throws {
        let dir = TempDir()
        let path = dir.file("j.seance")
        let s = try JournalSession.create(path: path)
        _ = try s.commit([EventDraft("project.set", "project", [("name", "P")])], author: "c").get()
        let before = try JournalStorage.readAll(path)
        s.simulateWriteFailure(errno: ENOSPC)
        let r = s.commit([EventDraft("axis.add", "axis-1", [("number", "1"), ("title", "Logement")])], author: "c")
        guard case .failure(.journal(.writeFailed(_, ENOSPC))) = r else { Issue.record("got \(r)"); return }
        #expect(r.description(orEmpty: true).contains("disque plein"))
        // The next commit is not written either, even though the disk might now accept it.
        let r2 = s.commit([EventDraft("axis.add", "axis-2", [("number", "2"), ("title", "Insertion")])], author: "c")
        guard case .failure(.journal(.writerStopped)) = r2 else { Issue.record("got \(r2)"); return }
        #expect(try JournalStorage.readAll(path) == before)
        #expect(s.unsaved.count == 2)
        #expect(s.state.axes.count == 2)
        let elsewhere = dir.file("secours.seance")
        try s.saveAs(elsewhere)
        #expect(s.unsaved.isEmpty)
        #expect(s.path == elsewhere)
        _ = try s.commit([EventDraft("axis.add", "axis-3", [("number", "3"), ("title", "Santé")])], author: "c").get()
        s.close()
        let reopened = try JournalSession.open(path: elsewhere)
        defer { reopened.close() }
        #expect(reopened.state.axes.count == 3)
        #expect(reopened.eventCount == 4)
        #expect(fileMode(elsewhere) == 0o600)
    }

    @Test("A journal file removed under the program: the append is a failure, kept in memory, and save-as recovers everything")
    func removedFile() throws {
        let dir = TempDir()
        let path = dir.file("j.seance")
        let s = try JournalSession.create(path: path)
        _ = try s.commit([EventDraft("project.set", "project", [("name", "P")])], author: "c").get()
        unlink(path)
        let r = s.commit([EventDraft("axis.add", "axis-1", [("number", "1"), ("title", "Logement")])], author: "c")
        // Synced into a file no name leads to is not saved: it would be gone at exit.
        #expect(r == .failure(.journal(.fileGone(path: path))))
        #expect(s.unsaved.count == 1)
        #expect(s.writeFailure == .fileGone(path: path))
        try s.saveAs(dir.file("retrouvé.seance"))
        s.close()
        let back = try JournalSession.open(path: dir.file("retrouvé.seance"))
        defer { back.close() }
        #expect(back.eventCount == 2)
        #expect(back.state.axes["axis-1"]?.title == "Logement")
    }

    @Test("A journal replaced under its name (renamed away, another file put there) is a failure too")
    func replacedFile() throws {
        let dir = TempDir()
        let path = dir.file("j.seance")
        let s = try JournalSession.create(path: path)
        defer { s.close() }
        rename(path, dir.file("ailleurs.seance"))
        try JournalStorage.create(path)
        let r = s.commit([EventDraft("project.set", "project", [("name", "P")])], author: "c")
        #expect(r == .failure(.journal(.fileGone(path: path))))
        #expect(s.unsaved.count == 1)
    }

    @Test("The folder of the journal removed (a USB stick pulled out): failure, nothing said saved")
    func removedFolder() throws {
        let dir = TempDir()
        let sub = dir.file("cle-usb")
        let path = sub + "/j.seance"
        let s = try JournalSession.create(path: path)
        defer { s.close() }
        _ = try s.commit([EventDraft("project.set", "project", [("name", "P")])], author: "c").get()
        try FileManager.default.removeItem(atPath: sub)
        let r = s.commit([EventDraft("axis.add", "axis-1", [("number", "1"), ("title", "Logement")])], author: "c")
        #expect(r == .failure(.journal(.fileGone(path: path))))
        #expect(Fr.journalCause(s.writeFailure!) == "fichier supprimé ou support retiré")
        let elsewhere = dir.file("sauvé.seance")
        try s.saveAs(elsewhere)
        s.close()
        let back = try JournalSession.open(path: elsewhere)
        defer { back.close() }
        #expect(back.eventCount == 2)
    }

    @Test("A failed « enregistrer sous » leaves no file behind, and trying again elsewhere works")
    func failedSaveAsLeavesNothing() throws {
        let dir = TempDir()
        let path = dir.file("j.seance")
        let s = try JournalSession.create(path: path)
        defer { s.close() }
        s.simulateWriteFailure(errno: ENOSPC)
        _ = s.commit([EventDraft("project.set", "project", [("name", "P")])], author: "c")
        // A folder that does not exist: the copy cannot be made.
        let bad = dir.file("absent") + "/copie.seance"
        #expect(throws: JournalError.self) { try s.saveAs(bad) }
        #expect(!JournalStorage.exists(bad))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["j.seance", "j.seance.lock"])
        let good = dir.file("copie.seance")
        try s.saveAs(good)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp") }.isEmpty)
    }

    @Test("Documents are made to be shared: they get the user's usual permissions; a copy of a journal stays 0600")
    func documentModes() throws {
        let dir = TempDir()
        let old = umask(0o022)
        defer { umask(old) }
        try JournalStorage.createRaw(dir.file("cr.pdf"), bytes: Array("%PDF".utf8), shared: true)
        try JournalStorage.createRaw(dir.file("copie.seance"), bytes: Array("seance-journal 1\n".utf8))
        #expect(fileMode(dir.file("cr.pdf")) == 0o644)
        #expect(fileMode(dir.file("copie.seance")) == 0o600)
    }

    @Test("A journal that cannot be written is said so when opened, with its cause, before anything is repaired")
    func notWritableAtOpen() throws {
        let dir = TempDir()
        let path = dir.file("j.seance")
        try JournalStorage.create(path)
        // A torn last line: it must not be set aside in a journal that cannot be written.
        let fd = open(path, O_WRONLY | O_APPEND)
        _ = "2009-01-01T00:00:00Z\tabc".withCString { write(fd, $0, strlen($0)) }
        close(fd)
        let before = try JournalStorage.readAll(path)
        // As root a file's mode does not stop writing: the file is made immutable (chattr +i).
        let expected: Int32
        if getuid() == 0 {
            try #require(setImmutable(path, true), "chattr +i impossible ici")
            expected = EPERM
        } else {
            chmod(path, 0o400)
            expected = EACCES
        }
        defer { _ = setImmutable(path, false); chmod(path, 0o600) }
        #expect(throws: JournalError.notWritable(path: path, errno: expected)) { try JournalSession.open(path: path) }
        #expect(try JournalStorage.readAll(path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("torn") }.isEmpty)
        // Read-only, it opens and shows what it holds.
        let ro = try JournalSession.open(path: path, readOnly: true)
        ro.close()
    }
}

/// Sets or clears a file's immutable flag (FS_IOC_SETFLAGS, FS_IMMUTABLE_FL), as `chattr ±i`.
func setImmutable(_ path: String, _ on: Bool) -> Bool {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var flags: Int32 = 0
    guard ioctl(fd, UInt(0x8008_6601), &flags) == 0 else { return false }   // FS_IOC_GETFLAGS
    flags = on ? flags | 0x10 : flags & ~0x10
    return ioctl(fd, UInt(0x4008_6602), &flags) == 0                        // FS_IOC_SETFLAGS
}

extension Result where Failure == JournalSession.CommitError {
    func description(orEmpty: Bool) -> String {
        if case .failure(let e) = self { return e.description }
        return ""
    }
}
