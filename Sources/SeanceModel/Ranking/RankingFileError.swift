/// A malformed PrefLib or Pabulib file: the line (from 1) and the reason in French, so the
/// command line can print `FICHIER:LIGNE: raison`.
public struct RankingFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var reason: String

    public init(line: Int, _ reason: String) {
        self.line = line
        self.reason = reason
    }

    /// `LINE: reason`; prefix the file name.
    public var description: String { "\(line): \(reason)" }
}

/// The lines of a text file, numbered from 1, without a byte-order mark or line ends (LF or CRLF).
func numberedLines(_ text: String) -> [(number: Int, text: Substring)] {
    var t = Substring(text)
    if t.first == "\u{FEFF}" { t = t.dropFirst() }
    var out: [(Int, Substring)] = []
    var n = 0
    // "\r\n" is one Character in Swift: split on both.
    for raw in t.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
        n += 1
        var line = raw
        if line.last == "\r" { line = line.dropLast() }
        out.append((n, line))
    }
    if let last = out.last, last.1.isEmpty { out.removeLast() }
    return out
}

/// Parses a non-negative amount in a file: `1250`, `1250.5`, `1250,50`, at most two decimals.
func parseFileAmount(_ s: Substring) -> Money? {
    let t = s.trimmedBlanks
    guard !t.isEmpty else { return nil }
    let parts = t.split(separator: t.contains(".") ? "." : ",", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 15,
          whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    var cents = Int64(whole)! * 100
    if parts.count == 2 {
        let f = parts[1]
        guard !f.isEmpty, f.count <= 2, f.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        cents += Int64(f)! * (f.count == 1 ? 10 : 1)
    }
    return Money(cents: cents)
}

/// An amount as files write it: `1250`, or `1250.50` when there are cents.
func fileAmount(_ m: Money) -> String {
    m.cents % 100 == 0 ? String(m.cents / 100) : m.journalValue
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmedBlanks: Substring {
        let s = Substring(self)
        guard let a = s.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let b = s.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return s[a...b]
    }
}
