#if canImport(Glibc)
import Glibc
#endif
/// Case- and accent-insensitive text for search and completion: « Épicerie » and « epicerie »
/// fold to the same thing.
public enum Folding {
    public static func fold(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.lowercased() {
            switch c {
            case "à", "â", "ä", "á": out.append("a")
            case "é", "è", "ê", "ë": out.append("e")
            case "î", "ï", "í": out.append("i")
            case "ô", "ö", "ó": out.append("o")
            case "ù", "û", "ü", "ú": out.append("u")
            case "ç": out.append("c")
            case "œ": out.append(contentsOf: "oe")
            case "æ": out.append(contentsOf: "ae")
            case "ÿ": out.append("y")
            default:
                // A decomposed accent (e + U+0301) keeps only its base letter.
                if let first = c.unicodeScalars.first, c.unicodeScalars.count > 1, first.isASCII {
                    out.unicodeScalars.append(first)
                } else {
                    out.append(c)
                }
            }
        }
        return out
    }
}

extension Folding {
    /// The folding of `fold` done on UTF-8 bytes, for searching a large journal quickly: ASCII
    /// letters lowered, the accented Latin letters of French (and their capitals) reduced to
    /// their base letter, œ and æ spelt out, combining accents dropped. Other bytes are kept.
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
            if c == 0xC3, i + 1 < n {
                let d = b[i + 1] & 0xDF   // capitals and small letters of Latin-1 differ by 0x20
                var one: UInt8 = 0
                switch d {
                case 0x80...0x85: one = 0x61                                  // à á â ã ä å
                case 0x86: o[k] = 0x61; o[k + 1] = 0x65; k += 2; i += 2; continue // æ
                case 0x87: one = 0x63                                         // ç
                case 0x88...0x8B: one = 0x65                                  // è é ê ë
                case 0x8C...0x8F: one = 0x69                                  // ì í î ï
                case 0x91: one = 0x6E                                         // ñ
                case 0x92...0x96: one = 0x6F                                  // ò ó ô õ ö
                case 0x99...0x9C: one = 0x75                                  // ù ú û ü
                case 0x9D: one = 0x79                                         // ý
                default: o[k] = c; o[k + 1] = b[i + 1]; k += 2; i += 2; continue
                }
                o[k] = one; k += 1; i += 2
                continue
            }
            if c == 0xC5, i + 1 < n, b[i + 1] == 0x92 || b[i + 1] == 0x93 {   // Œ œ
                o[k] = 0x6F; o[k + 1] = 0x65; k += 2; i += 2; continue
            }
            if c == 0xCC, i + 1 < n, b[i + 1] >= 0x80 && b[i + 1] <= 0xAF {
                i += 2; continue                                              // combining accents U+0300–U+032F
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
