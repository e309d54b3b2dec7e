/// Untrusted text made safe for a terminal or a document: C0 and C1 controls, DEL and the
/// invisible bidirectional and zero-width marks are replaced by visible stand-ins, so an escape
/// sequence or a right-to-left override in the journal can never act, only be seen.
public enum VisibleText {
    /// The stand-in for one scalar, or nil when the scalar is drawn as itself.
    @inline(__always)
    public static func standIn(_ s: Unicode.Scalar) -> String? {
        let v = s.value
        guard JournalEscaping.isInvisibleOrControl(v) else { return nil }
        if v < 0x20 { return String(Unicode.Scalar(0x2400 + v)!) }   // ␀ … ␟ (␛ for ESC)
        if v == 0x7F { return "\u{2421}" }                              // ␡
        let hex = String(v, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    public static func make(_ text: String, keepTabs: Bool = false, keepNewlines: Bool = false) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var needs = false
        for s in text.unicodeScalars where JournalEscaping.isInvisibleOrControl(s.value) {
            if (keepTabs && s == "\t") || (keepNewlines && s == "\n") { continue }
            needs = true
            break
        }
        if !needs { return text }
        let scalars = Array(text.unicodeScalars)
        // Built in one String with room reserved: appending to a UnicodeScalarView copied the
        // whole text at each stand-in (a 2.6 MB line of escapes took 16 s).
        var out = ""
        out.reserveCapacity(text.utf8.count + text.utf8.count / 2)
        for (i, s) in scalars.enumerated() {
            if (keepTabs && s == "\t") || (keepNewlines && s == "\n") { out.unicodeScalars.append(s); continue }
            // A zero-width joiner between two emoji builds one pictogram (👩‍💻): it is not hidden text.
            if s.value == 0x200D, i > 0, i + 1 < scalars.count,
               isPictographic(scalars[i - 1]), isPictographic(scalars[i + 1]) {
                out.unicodeScalars.append(s); continue
            }
            if let r = standIn(s) { out += r } else { out.unicodeScalars.append(s) }
        }
        return out
    }

    static func isPictographic(_ s: Unicode.Scalar) -> Bool {
        s.value > 0xFF && (s.properties.isEmojiPresentation || s.properties.isEmoji || s.value == 0xFE0F)
    }
}
