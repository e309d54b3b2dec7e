import SeanceModel

/// Tab completion of a person's name from the words typed before the cursor: any word of the
/// name may be the start (« ndia » → N'DIAYE Awa, « goff » → LE GOFF Gaëlle), accents, case,
/// apostrophes and hyphens are ignored, and the words that were typed are replaced by the name,
/// never left in front of it (« LE GO » → « LE GOFF Gaëlle », not « LE LE GOFF Gaëlle »). Pure.
public enum NameCompletion {
    public struct Candidate: Equatable, Sendable {
        public var id: String
        public var name: String
        /// Present at the séance (on site or at a distance): offered before the others.
        public var present: Bool
        public init(id: String, name: String, present: Bool = false) {
            self.id = id; self.name = name; self.present = present
        }
    }

    public struct Match: Equatable, Sendable {
        /// Where the replaced words begin (in characters); they end at the cursor.
        public var start: Int
        public var candidate: Candidate
    }

    /// How many words before the cursor may be the start of one name (« LE GO », « de la fo »).
    static let maxWords = 3

    /// The name the words before `cursor` begin, the longest run of words first; nil when none does.
    public static func complete(_ text: String, cursor: Int, _ candidates: [Candidate]) -> Match? {
        let chars = Array(text.prefix(cursor))
        // Starts of the words before the cursor, nearest first.
        var starts: [Int] = []
        var i = chars.count
        while i > 0 && starts.count < maxWords {
            guard !chars[i - 1].isWhitespace else { break }   // the cursor must end a word
            while i > 0 && !chars[i - 1].isWhitespace { i -= 1 }
            starts.append(i)
            while i > 0 && chars[i - 1].isWhitespace { i -= 1 }
        }
        let ordered = candidates.filter(\.present) + candidates.filter { !$0.present }
        let names = ordered.map { normalize($0.name) }
        for start in starts.reversed() {
            let query = normalize(String(chars[start...])).text
            guard query.count >= 2 else { continue }
            for (n, c) in zip(names, ordered) where n.boundaries.contains(where: { n.text[$0...].hasPrefix(query) }) {
                return Match(start: start, candidate: c)
            }
        }
        return nil
    }

    /// Folded text with apostrophes and hyphens removed and spaces collapsed, and the positions
    /// where a word of the name starts (after a space, an apostrophe or a hyphen).
    static func normalize(_ s: String) -> (text: String, boundaries: [String.Index]) {
        var out = ""
        var offsets: [Int] = []
        var atBoundary = true
        var count = 0
        for c in Folding.fold(s) {
            if c == "'" || c == "’" || c == "ʼ" || c == "-" || c == "‐" {
                atBoundary = true
                continue
            }
            if c.isWhitespace {
                if count > 0 && out.last != " " { out.append(" "); count += 1 }
                atBoundary = true
                continue
            }
            if atBoundary { offsets.append(count) }
            atBoundary = false
            out.append(c); count += 1
        }
        if out.last == " " { out.removeLast() }
        let boundaries = offsets.filter { $0 < out.count }.map { out.index(out.startIndex, offsetBy: $0) }
        return (out, boundaries)
    }
}

extension LineEditor {
    /// Replaces the characters `from..<cursor` with `s`; the cursor goes after it.
    public mutating func replaceBeforeCursor(from start: Int, with s: String) {
        let after = String(text.dropFirst(cursor))
        let before = String(text.prefix(start))
        set(before + s + after)
        for _ in 0..<after.count { _ = handle(.left) }
    }
}
