#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import SeanceModel

/// Text for a terminal outside curses: journal text is untrusted, so its control characters and
/// invisible marks are made visible before printing (see `VisibleText`), line breaks and tabs
/// included: a value holding a newline must not print a line that looks like another problem.
enum Terminal {
    static func safe(_ s: String) -> String { VisibleText.make(s) }
}

func printError(_ message: String) {
    var m = "seance : " + Terminal.safe(message) + "\n"
    m.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

/// Ends the process without freeing `value` (the folded state of a journal): for a million
/// events, freeing it takes 0.2 s that nobody waits for. Standard output is flushed first.
func finish<T>(_ code: Int32, keeping value: T) -> Never {
    fflush(nil)
    withExtendedLifetime(value) { exit(code) }
}

/// Reads and folds a journal for a command; an unreadable file is exit code 2 with a French line.
func loadJournal(_ path: String) throws -> (ProjectState, ParsedJournal, [Problem]) {
    do {
        return try JournalSession.load(path: path)
    } catch {
        printError(error.description)
        throw ExitCode(2)
    }
}
