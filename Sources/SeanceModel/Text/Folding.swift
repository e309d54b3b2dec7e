#if canImport(Glibc)
import Glibc
#endif
/// Case- and accent-insensitive text for search, completion and names of files: « Épicerie »
/// and « epicerie » fold to the same thing. There is one folding, done on UTF-8 bytes (fast
/// enough for the notes of a million events); every other use goes through it.
///
/// ASCII letters are lowered; every letter of Latin-1 Supplement and Latin Extended-A
/// (U+00C0–U+017F, capital or small) becomes its ASCII base letter, or two for æ, œ, ß, þ, ĳ
/// (`latinFolds`); combining accents U+0300–U+036F are dropped. Other bytes are kept.
public enum Folding {
    /// The folding as a String.
    public static func fold(_ s: String) -> String {
        String(decoding: folded(s), as: UTF8.self)
    }

    /// What each scalar of U+00C0–U+017F folds to, in order; "" keeps the scalar (× and ÷).
    static let latinFolds: [String] = [
        // U+00C0  À    Á    Â    Ã    Ä    Å    Æ     Ç    È    É    Ê    Ë    Ì    Í    Î    Ï
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        // U+00D0  Ð    Ñ    Ò    Ó    Ô    Õ    Ö    ×   Ø    Ù    Ú    Û    Ü    Ý    Þ     ß
        "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
        // U+00E0  à    á    â    ã    ä    å    æ     ç    è    é    ê    ë    ì    í    î    ï
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        // U+00F0  ð    ñ    ò    ó    ô    õ    ö    ÷   ø    ù    ú    û    ü    ý    þ     ÿ
        "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
        // U+0100  Ā ā Ă ă Ą ą Ć ć Ĉ ĉ Ċ ċ Č č Ď ď
        "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
        // U+0110  Đ đ Ē ē Ĕ ĕ Ė ė Ę ę Ě ě Ĝ ĝ Ğ ğ
        "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
        // U+0120  Ġ ġ Ģ ģ Ĥ ĥ Ħ ħ Ĩ ĩ Ī ī Ĭ ĭ Į į
        "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
        // U+0130  İ    ı    Ĳ     ĳ     Ĵ    ĵ    Ķ    ķ    ĸ    Ĺ    ĺ    Ļ    ļ    Ľ    ľ    Ŀ
        "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
        // U+0140  ŀ Ł ł Ń ń Ņ ņ Ň ň ŉ Ŋ ŋ Ō ō Ŏ ŏ
        "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
        // U+0150  Ő    ő    Œ     œ     Ŕ    ŕ    Ŗ    ŗ    Ř    ř    Ś    ś    Ŝ    ŝ    Ş    ş
        "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
        // U+0160  Š š Ţ ţ Ť ť Ŧ ŧ Ũ ũ Ū ū Ŭ ŭ Ů ů
        "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
        // U+0170  Ű ű Ų ų Ŵ ŵ Ŷ ŷ Ÿ Ź ź Ż ż Ž ž ſ
        "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
    ]

    /// `latinFolds` by the two UTF-8 bytes of the scalar, lead 0xC3–0xC5: (lead - 0xC3) * 64 +
    /// (second - 0x80). An entry holds one or two ASCII bytes (the second in the high byte);
    /// 0 keeps the scalar.
    static let latinTable: [UInt16] = latinFolds.map { f in
        let b = Array(f.utf8)
        return b.isEmpty ? 0 : UInt16(b[0]) | (b.count > 1 ? UInt16(b[1]) << 8 : 0)
    }
}

extension Folding {
    /// Folds into the start of `out` (grown as needed, never shrunk) and returns the length.
    @discardableResult
    public static func foldBytes(_ s: String, into out: inout [UInt8]) -> Int {
        var copy = s
        return copy.withUTF8 { b -> Int in
            // A folded text is never longer than its bytes (œ → oe is 2 → 2, é → e is 2 → 1).
            if out.count < b.count { out.append(contentsOf: repeatElement(0, count: b.count - out.count)) }
            return out.withUnsafeMutableBufferPointer { fold(b, into: $0.baseAddress!) }
        }
    }

    /// Appends the folding of `s` to `out`.
    public static func appendFolded(_ s: String, to out: inout [UInt8]) {
        var copy = s
        copy.withUTF8 { appendFolded($0, to: &out) }
    }

    /// Appends the folding of the bytes `b` to `out`.
    static func appendFolded(_ b: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, b.count)) { scratch in
            let k = fold(b, into: scratch.baseAddress!)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<k]))
        }
    }

    /// Folds the bytes `b` into `o`, which has room for `b.count` bytes; returns the length.
    static func fold(_ b: UnsafeBufferPointer<UInt8>, into o: UnsafeMutablePointer<UInt8>) -> Int {
        let n = b.count
        var k = 0
        var i = 0
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let table = latinTable
        while i < n {
            // Eight ASCII bytes at once: capitals found by adding to each byte (no byte carries
            // into the next one, as all are below 0x80) and lowered by setting their 0x20 bit.
            if i + 8 <= n, let base = b.baseAddress {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if w & highs == 0 {
                    let upper = (w &+ ones &* 0x3F) & ~(w &+ ones &* 0x25) & highs
                    UnsafeMutableRawPointer(o + k).storeBytes(of: w | (upper >> 2), as: UInt64.self)
                    k += 8; i += 8
                    continue
                }
            }
            let c = b[i]
            if c < 0x80 {
                o[k] = c >= 65 && c <= 90 ? c + 32 : c; k += 1; i += 1
                continue
            }
            if c >= 0xC3 && c <= 0xC5, i + 1 < n {                           // U+00C0–U+017F
                let f = table[Int(c &- 0xC3) &* 64 &+ Int(b[i + 1] & 0x3F)]
                if f == 0 { o[k] = c; o[k + 1] = b[i + 1]; k += 2; i += 2; continue }
                o[k] = UInt8(truncatingIfNeeded: f); k += 1
                if f > 0xFF { o[k] = UInt8(truncatingIfNeeded: f >> 8); k += 1 }
                i += 2
                continue
            }
            if (c == 0xCC || c == 0xCD) && i + 1 < n && (c == 0xCC || b[i + 1] <= 0xAF) {
                i += 2; continue                                              // combining accents U+0300–U+036F
            }
            o[k] = c; k += 1; i += 1
        }
        return k
    }

    /// The folded bytes of a text, as an array of their own.
    public static func folded(_ s: String) -> [UInt8] {
        var buffer: [UInt8] = []
        let k = foldBytes(s, into: &buffer)
        return Array(buffer[..<k])
    }

    /// True when `text`, folded, contains every one of the folded `words`.
    public static func matches(_ text: String, words: [[UInt8]], buffer: inout [UInt8]) -> Bool {
        let k = foldBytes(text, into: &buffer)
        return buffer.withUnsafeBufferPointer { holdsAll(words, in: UnsafeBufferPointer(rebasing: $0[..<k])) }
    }

    /// True when already folded bytes contain every one of the folded `words`.
    static func holdsAll(_ words: [[UInt8]], in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        words.allSatisfy { w in w.withUnsafeBufferPointer { firstIndex(of: $0, in: hay, from: 0) != nil } }
    }

    /// How common each byte is in folded French text (higher is commoner): a search looks for
    /// the needle's rarest byte with `memchr`, which then stops less often.
    static let commonness: [UInt8] = {
        var t = [UInt8](repeating: 1, count: 256)
        t[0x20] = 40
        for (rank, c) in "easitnrulodcpmvqfbghjxyzkw".utf8.enumerated() { t[Int(c)] = UInt8(30 - rank) }
        return t
    }()

    /// The first position at or after `from` where `needle` starts in `hay`.
    static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let n = needle.count, h = hay.count
        guard n > 0 else { return from <= h ? from : nil }
        guard n <= h, let base = hay.baseAddress, let nb = needle.baseAddress else { return nil }
        var anchor = 0
        for j in 1..<n where commonness[Int(nb[j])] < commonness[Int(nb[anchor])] { anchor = j }
        let a = Int32(nb[anchor])
        var i = from + anchor   // where the anchor byte may be, for a match starting at i - anchor
        let last = h - n + anchor
        while i <= last {
            guard let p = memchr(base + i, a, last - i + 1) else { return nil }
            let at = base.distance(to: p.assumingMemoryBound(to: UInt8.self)) - anchor
            if memcmp(base + at, nb, n) == 0 { return at }
            i = at + anchor + 1
        }
        return nil
    }
}
