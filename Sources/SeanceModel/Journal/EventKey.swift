/// An event id (26 characters of Crockford base 32, 130 bits) packed exactly in integers, so that
/// a million ids are checked for duplicates without a String each or a general-purpose hash.
struct EventKey: Equatable {
    /// Characters 0–11 and 12–23 (60 bits each), and 24–25 (10 bits).
    var hi: UInt64, lo: UInt64, tail: UInt16

    init(hi: UInt64, lo: UInt64, tail: UInt16) { self.hi = hi; self.lo = lo; self.tail = tail }

    init?(_ b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 26 else { return nil }
        var h: UInt64 = 0, l: UInt64 = 0, t: UInt64 = 0, bad: UInt8 = 0
        EventKey.digits.withUnsafeBufferPointer { d in
            for i in 0..<12 { let v = d[Int(b[i])]; bad |= v; h = h << 5 | UInt64(v) }
            for i in 12..<24 { let v = d[Int(b[i])]; bad |= v; l = l << 5 | UInt64(v) }
            for i in 24..<26 { let v = d[Int(b[i])]; bad |= v; t = t << 5 | UInt64(v) }
        }
        guard bad & 0x80 == 0 else { return nil }
        hi = h; lo = l; tail = UInt16(t)
    }

    /// The value of each byte as a Crockford base-32 digit (upper case, no I, L, O, U); 0xFF if none.
    static let digits: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in "0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8.enumerated() { t[Int(c)] = UInt8(i) }
        return t
    }()

    /// The low bits of a ULID are random; mixed anyway, since hand-written ids need not be.
    @inline(__always) var hash: UInt64 {
        (lo &+ hi &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(tail)) &* 0xBF58_476D_1CE4_E5B9
    }
}

/// A set of event ids: open addressing over one flat array, kept at most half full.
struct EventKeySet {
    /// A slot is used when its tail has the bit 1 << 15 (a tail holds 10 bits).
    private var slots: [EventKey] = []
    private var shift: UInt64 = 64
    private(set) var count = 0

    init() {}

    /// Room for `n` ids without growing.
    mutating func reserveCapacity(_ n: Int) {
        var capacity = 1024
        while capacity < n * 2 { capacity *= 2 }
        if capacity > slots.count { grow(to: capacity) }
    }

    /// Inserts `key`; false when it was already there.
    mutating func insert(_ key: EventKey) -> Bool {
        if (count + 1) * 2 > slots.count { grow() }
        return place(key)
    }

    private mutating func place(_ key: EventKey) -> Bool {
        let mask = slots.count - 1
        var used = key
        used.tail |= 0x8000
        var i = Int(truncatingIfNeeded: key.hash >> shift)
        let added = slots.withUnsafeMutableBufferPointer { s in
            while true {
                if s[i].tail == 0 {
                    s[i] = used
                    return true
                }
                if s[i] == used { return false }
                i = (i + 1) & mask
            }
        }
        if added { count += 1 }
        return added
    }

    private mutating func grow(to wanted: Int? = nil) {
        let old = slots
        let capacity = wanted ?? max(1024, slots.count * 2)
        slots = [EventKey](repeating: EventKey(hi: 0, lo: 0, tail: 0), count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        count = 0
        for var k in old where k.tail != 0 {
            k.tail &= 0x7FFF
            _ = place(k)
        }
    }
}
