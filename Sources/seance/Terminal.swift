#if canImport(Glibc)
import Glibc
#endif
import SeanceModel

/// Text for a terminal outside curses: journal text is untrusted, so its control characters and
/// invisible marks are made visible before printing (see `VisibleText`).
enum Terminal {
    static func safe(_ s: String) -> String { VisibleText.make(s, keepTabs: true, keepNewlines: true) }
}

func printError(_ message: String) {
    var m = "seance : " + Terminal.safe(message) + "\n"
    m.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
