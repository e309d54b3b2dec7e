#if canImport(Glibc)
import Glibc
#endif

/// Entities by id, kept in the order they were added: two arrays (ids, values) found through a
/// table of positions hashed with FNV-1a on the id's bytes. A Dictionary would hash each String
/// with SipHash, several times slower over a million events, and could not be searched with
/// the bytes of a journal line without first making a String of them.
public struct EntityTable<Value: Sendable & Equatable>: Sendable, Equatable {
    public private(set) var keys: [String] = []
    public private(set) var values: [Value] = []
    /// Open addressing, at most half full. A used slot holds the position plus one in its low
    /// 32 bits and the low 32 bits of the id's hash in its high ones (the slot itself comes
    /// from the high bits), so that a probe rarely compares ids; 0 is a free slot.
    private var slots: [UInt64] = []
    private var shift: UInt64 = 64

    public init() {}

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    public subscript(id: String) -> Value? {
        get { position(of: id).map { values[$0] } }
        set {
            if let p = position(of: id) {
                if let v = newValue { values[p] = v } else { remove(at: p) }
            } else if let v = newValue {
                _ = insertNew(id, v)
            }
        }
    }

    /// The value at a position, read or changed in place (reading `values[p]` would copy it).
    subscript(position p: Int) -> Value {
        _read { yield values[p] }
        _modify { yield &values[p] }
    }

    public func position(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { position(of: $0) }
    }

    /// The position of the entity whose id is written in `bytes`.
    func position(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        slots.isEmpty ? nil : probe(bytes, hash: Self.hash(bytes)).position
    }

    /// The position of the entity whose id is the value `bytes` of a journal line, escapes
    /// undone when there are any (ids have none, but a hand-written line may).
    func position(ofWritten bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, memchr(base, 0x5C, bytes.count) != nil else { return position(of: bytes) }
        return position(of: RawText.string(bytes))
    }

    /// Adds an entity whose id is not yet taken; returns its position, or nil (and nothing
    /// changed) when the id is taken.
    @discardableResult
    public mutating func insertNew(_ id: String, _ value: Value) -> Int? {
        if (values.count + 1) * 2 > slots.count { rebuild(capacity: max(16, slots.count * 2)) }
        var id = id
        let h = id.withUTF8 { Self.hash($0) }
        let (slot, found) = id.withUTF8 { probe($0, hash: h) }
        guard found == nil else { return nil }
        keys.append(id)
        values.append(value)
        slots[slot] = Self.entry(h, position: values.count - 1)
        return values.count - 1
    }

    /// Removes the entity at `p`; the last entity takes its position (the order of adding is
    /// not kept for the others, as in a dictionary). No table is rebuilt: its slot is freed by
    /// moving back the entries that probed past it.
    mutating func remove(at p: Int) {
        let last = values.count - 1
        var i = slot(of: p)
        let mask = slots.count - 1
        slots[i] = 0
        var j = (i + 1) & mask
        while slots[j] != 0 {
            let home = Int(truncatingIfNeeded: Self.hash(of: keys[Int(slots[j] & 0xFFFF_FFFF) - 1]) >> shift)
            // The entry at j may fill the hole at i unless its home lies after i (up to j).
            if (j - home) & mask >= (j - i) & mask {
                slots[i] = slots[j]
                slots[j] = 0
                i = j
            }
            j = (j + 1) & mask
        }
        if p != last {
            let s = slot(of: last)
            slots[s] = (slots[s] & 0xFFFF_FFFF_0000_0000) | UInt64(p + 1)
            keys.swapAt(p, last)
            values.swapAt(p, last)
        }
        keys.removeLast()
        values.removeLast()
    }

    /// Removes the entity at `p` keeping the order of the others (their positions after `p` move
    /// down by one, so the table of positions is rebuilt).
    mutating func removeKeepingOrder(at p: Int) {
        keys.remove(at: p)
        values.remove(at: p)
        rebuild(capacity: slots.count)
    }

    /// The slot that holds position `p`.
    private func slot(of p: Int) -> Int {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: Self.hash(of: keys[p]) >> shift)
        while Int(slots[i] & 0xFFFF_FFFF) != p + 1 { i = (i + 1) & mask }
        return i
    }

    private static func hash(of key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { hash($0) }
    }

    public mutating func reserveCapacity(_ n: Int) {
        keys.reserveCapacity(n)
        values.reserveCapacity(n)
        var capacity = 16
        while capacity < n * 2 { capacity *= 2 }
        if capacity > slots.count { rebuild(capacity: capacity) }
    }

    /// Equal when they hold the same ids with the same values, whatever the order of adding.
    public static func == (a: EntityTable, b: EntityTable) -> Bool {
        guard a.count == b.count else { return false }
        for (i, id) in a.keys.enumerated() {
            guard let p = b.position(of: id), b.values[p] == a.values[i] else { return false }
        }
        return true
    }

    /// Where the id in `bytes` is: its position, or the free slot where it would go.
    private func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> (slot: Int, position: Int?) {
        let mask = slots.count - 1
        let tag = h << 32
        var i = Int(truncatingIfNeeded: h >> shift)
        while slots[i] != 0 {
            if slots[i] & 0xFFFF_FFFF_0000_0000 == tag {
                let p = Int(slots[i] & 0xFFFF_FFFF) - 1
                var key = keys[p]
                if key.withUTF8({ $0.count == bytes.count && RawText.same($0.baseAddress!, bytes.baseAddress!, bytes.count) }) {
                    return (i, p)
                }
            }
            i = (i + 1) & mask
        }
        return (i, nil)
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { RawText.hash(bytes) }

    private static func entry(_ hash: UInt64, position: Int) -> UInt64 {
        (hash << 32) | UInt64(position + 1)
    }

    private mutating func rebuild(capacity: Int) {
        slots = [UInt64](repeating: 0, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        let mask = capacity - 1
        for p in keys.indices {
            let h = Self.hash(of: keys[p])
            var i = Int(truncatingIfNeeded: h >> shift)
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Self.entry(h, position: p)
        }
    }
}
