/// One line of the journal: who did what to which entity, when. See docs/journal-format.md.
public struct Event: Sendable, Equatable {
    public var timestamp: Timestamp
    public var id: String
    public var author: String
    public var kind: String
    public var entity: String
    /// The `key=value` fields, unescaped, in the order written.
    public var fields: [Field]

    public struct Field: Sendable, Equatable {
        public var key: String
        public var value: String
        public init(_ key: String, _ value: String) { self.key = key; self.value = value }
    }

    public init(timestamp: Timestamp, id: String, author: String, kind: String, entity: String, fields: [Field]) {
        self.timestamp = timestamp; self.id = id; self.author = author
        self.kind = kind; self.entity = entity; self.fields = fields
    }

    public subscript(key: String) -> String? {
        for f in fields where f.key == key { return f.value }
        return nil
    }

    /// The line as written to the journal, with its final newline.
    public var line: String {
        var s = timestamp.journalValue
        s += "\t"; s += id
        s += "\t"; s += JournalEscaping.escape(author)
        s += "\t"; s += kind
        s += "\t"; s += entity
        for f in fields {
            s += "\t"; s += f.key; s += "="; s += JournalEscaping.escape(f.value)
        }
        s += "\n"
        return s
    }
}

/// What an event will be before it is stamped with its id, time and author (the only impure parts).
public struct EventDraft: Sendable, Equatable {
    public var kind: String
    public var entity: String
    public var fields: [Event.Field]
    public init(_ kind: String, _ entity: String, _ fields: [(String, String)] = []) {
        self.kind = kind; self.entity = entity
        self.fields = fields.map { Event.Field($0.0, $0.1) }
    }
    public func stamped(at t: Timestamp, id: String, author: String) -> Event {
        Event(timestamp: t, id: id, author: author, kind: kind, entity: entity, fields: fields)
    }
}

/// Unique ids across machines: ULIDs (48 bits of milliseconds, 80 random bits, Crockford base 32).
public enum EventID {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    public static func make<R: RandomNumberGenerator>(milliseconds: Int64, using rng: inout R) -> String {
        var bytes = [UInt8](repeating: 0, count: 26)
        var t = UInt64(max(0, milliseconds))
        for i in stride(from: 9, through: 0, by: -1) {
            bytes[i] = alphabet[Int(t & 31)]; t >>= 5
        }
        let hi = rng.next() as UInt64, lo = rng.next() as UInt64
        // 80 random bits: 16 from hi, 64 from lo.
        var r = (UInt64(hi & 0xFFFF), lo)
        for i in stride(from: 25, through: 10, by: -1) {
            bytes[i] = alphabet[Int(r.1 & 31)]
            r.1 = (r.1 >> 5) | ((r.0 & 31) << 59)
            r.0 >>= 5
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The value of each byte in Crockford base 32, 0xFF for bytes outside the alphabet.
    static let value: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        return t
    }()

    public static func isValid(_ s: Substring) -> Bool {
        s.utf8.count == 26 && s.utf8.allSatisfy { value[Int($0)] != 0xFF }
    }

    /// A short random id for a new entity: `com-5e0a91c3`.
    public static func entity<R: RandomNumberGenerator>(prefix: String, using rng: inout R) -> String {
        let v = rng.next() as UInt32
        let hex = String(v, radix: 16)
        return prefix + "-" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
