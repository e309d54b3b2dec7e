#if canImport(Glibc)
import Glibc
#endif

/// The line being typed in the live minutes, not yet committed.
public struct Draft: Equatable, Sendable {
    public var meeting: String
    public var item: String?
    public var text: String
    /// The id of the note this line is being committed as: written just before the line goes
    /// to the journal, so that after a crash a draft already saved is recognised and dropped.
    public var committing: String?
    public init(meeting: String, item: String?, text: String, committing: String? = nil) {
        self.meeting = meeting; self.item = item; self.text = text; self.committing = committing
    }

    /// Whether the journal already holds this line: it was committed, and only the crash kept
    /// the draft file from being removed.
    public func isCommitted(in state: ProjectState) -> Bool {
        guard let id = committing else { return false }
        return state.notes[id] != nil
    }
}

/// The draft file next to the journal (`JOURNAL.draft`): written whole to a temporary file,
/// synced, renamed over the old one, and the folder synced — so a crash leaves the old draft
/// or the new one, never half of one.
public enum DraftFile {
    public static func path(for journal: String) -> String { journal + ".draft" }

    public static func save(_ draft: Draft, journal: String) throws(JournalError) {
        let target = path(for: journal)
        let temp = target + ".tmp"
        var text = "seance-draft 1\n" + draft.meeting + "\n" + (draft.item ?? "") + "\n" + JournalEscaping.escape(draft.text) + "\n"
        if let id = draft.committing { text += "committing=" + JournalEscaping.escape(id) + "\n" }
        unlink(temp)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 { throw .cannotCreate(path: temp, errno: errno) }
        _ = fchmod(fd, 0o600)
        do throws(JournalError) {
            try JournalStorage.writeAll(fd, Array(text.utf8), path: temp)
            if fsync(fd) != 0 { throw JournalError.syncFailed(path: temp, errno: errno) }
        } catch { close(fd); unlink(temp); throw error }
        close(fd)
        if rename(temp, target) != 0 { throw .writeFailed(path: target, errno: errno) }
        JournalStorage.fsyncDirectory(JournalStorage.directory(of: target))
    }

    public static func load(journal: String) -> Draft? {
        guard let bytes = try? JournalStorage.readAll(path(for: journal)) else { return nil }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 4, lines[0] == "seance-draft 1",
              let text = try? JournalEscaping.unescape(lines[3]), !text.isEmpty else { return nil }
        var committing: String?
        if lines.count >= 5, lines[4].hasPrefix("committing=") { committing = try? JournalEscaping.unescape(lines[4].dropFirst(11)) }
        return Draft(meeting: String(lines[1]), item: lines[2].isEmpty ? nil : String(lines[2]), text: text, committing: committing)
    }

    public static func remove(journal: String) {
        if unlink(path(for: journal)) == 0 { JournalStorage.fsyncDirectory(JournalStorage.directory(of: journal)) }
    }
}
