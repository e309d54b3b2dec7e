#if canImport(Glibc)
import Glibc
#endif

/// An event line as the parser checked it, read in place: the fold takes from the line's bytes
/// only what it keeps, so a replay makes no String per field and no array per line. It points
/// into bytes it does not own, and is valid only while they are.
struct RawEvent {
    var line: UnsafeBufferPointer<UInt8>
    var timestamp: Timestamp
    /// nil for a kind this version does not know (written by a newer one).
    var kind: EventKind?
    /// Where each part starts in `line`; each ends one byte (its tab) before the next starts.
    /// Without fields, `fieldsStart` is one past the end of the line.
    var authorStart: Int, kindStart: Int, entityStart: Int, fieldsStart: Int
    /// Where the parser found each field, so that reading one is a few comparisons.
    var spans: FieldSpans

    static let idLength = 26

    private func part(_ from: Int, _ to: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: line[from..<to])
    }
    var idBytes: UnsafeBufferPointer<UInt8> { part(authorStart - 1 - Self.idLength, authorStart - 1) }
    var authorBytes: UnsafeBufferPointer<UInt8> { part(authorStart, kindStart - 1) }
    var kindBytes: UnsafeBufferPointer<UInt8> { part(kindStart, entityStart - 1) }
    var entityBytes: UnsafeBufferPointer<UInt8> { part(entityStart, fieldsStart - 1) }

    var id: String { String(decoding: idBytes, as: UTF8.self) }
    /// The entity's id (its bytes are checked: no escapes, no accents).
    var entity: String { String(decoding: entityBytes, as: UTF8.self) }
    var kindName: String { kind?.rawValue ?? String(decoding: kindBytes, as: UTF8.self) }
    var fields: FieldReader {
        FieldReader(line: line, fieldsStart: fieldsStart, spans: spans, kind: kind)
    }

    /// The same event read from a copy of its line.
    func moved(to copy: UnsafeBufferPointer<UInt8>) -> RawEvent {
        var r = self
        r.line = copy
        return r
    }

    /// The event as a value, for what is kept whole: events of unknown kinds, a parsed file.
    var event: Event {
        var fields: [Event.Field] = []
        self.fields.forEach { key, value in fields.append(Event.Field(key, value)) }
        return Event(timestamp: timestamp, id: id, author: RawText.string(authorBytes), kind: kindName,
                     entity: entity, fields: fields)
    }
}

/// Where each field of a line starts and where its `=` is, as offsets from the first field,
/// for the first twelve fields within 64 KB; a line with more is read by scanning
/// (`isComplete` false). Small and without references: a block copies it with each event.
struct FieldSpans {
    static let capacity = 12
    var starts = InlineArray<12, UInt16>(repeating: 0)
    var equals = InlineArray<12, UInt16>(repeating: 0)
    var count: UInt8 = 0
    var isComplete = true

    /// Records a field (offsets in `fields`); false when its key is already there.
    mutating func add(start: Int, equals eq: Int, in fields: UnsafeBufferPointer<UInt8>) -> Bool {
        let kn = eq - start
        for i in 0..<Int(count) where Int(equals[i]) - Int(starts[i]) == kn
            && RawText.same(fields.baseAddress! + Int(starts[i]), fields.baseAddress! + start, kn) { return false }
        guard isComplete, Int(count) < Self.capacity, eq <= Int(UInt16.max) else { isComplete = false; return true }
        starts[Int(count)] = UInt16(start); equals[Int(count)] = UInt16(eq)
        count += 1
        return true
    }
}

/// The id and `text` of a note's line made into Strings, and the text's folded form (see
/// `Folding`).
struct PreparedText {
    var id: String
    var text: String
    var folded: UnsafeBufferPointer<UInt8>
}

/// Text values as written in a line already checked by the parser (valid UTF-8, valid escapes).
enum RawText {
    /// Whether `n` bytes at `a` and `b` are the same: ids and keys are short, and a call to
    /// `memcmp` for a dozen bytes costs more than comparing them here, eight at a time.
    @inline(__always)
    static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i + 8 <= n {
            if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
            i += 8
        }
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// FNV-1a over the bytes, mixed by a multiplication so that the high bits, which pick a
    /// slot, depend on every byte. For the tables found by bytes (entities, kinds).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h &* 0x9E37_79B9_7F4A_7C15
    }

    /// Whether the bytes spell `s` exactly.
    static func equals(_ s: String, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var s = s
        return s.withUTF8 { $0.count == b.count && ($0.isEmpty || RawText.same($0.baseAddress!, b.baseAddress!, b.count)) }
    }

    /// Each `key=value` field of tab-separated `fields`, as written, until `body` returns true.
    static func forEachField(in fields: UnsafeBufferPointer<UInt8>,
                             _ body: (_ key: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>) -> Bool) {
        guard let base = fields.baseAddress else { return }
        let n = fields.count
        var i = 0
        while i < n {
            let end = memchr(base + i, 0x09, n - i).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? n
            if let eq = fields[i..<end].firstIndex(of: UInt8(ascii: "=")),
               body(UnsafeBufferPointer(rebasing: fields[i..<eq]), UnsafeBufferPointer(rebasing: fields[(eq + 1)..<end])) { return }
            i = end + 1
        }
    }

    /// The value of `key` among tab-separated `key=value` fields, as written; nil if absent.
    static func value(of key: UnsafeBufferPointer<UInt8>, in fields: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        var found: UnsafeBufferPointer<UInt8>?
        forEachField(in: fields) { k, v in
            guard k.count == key.count, k.isEmpty || same(k.baseAddress!, key.baseAddress!, k.count) else { return false }
            found = v
            return true
        }
        return found
    }

    static func string(_ b: UnsafeBufferPointer<UInt8>) -> String {
        let s = String(decoding: b, as: UTF8.self)
        guard let base = b.baseAddress, memchr(base, 0x5C, b.count) != nil else { return s }
        return (try? JournalEscaping.unescape(Substring(s))) ?? s
    }
}
