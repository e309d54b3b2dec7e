/// The lines of the minutes, by id: the bulk of a journal (four events in ten). They are kept in
/// one array in the order they were taken, and found by id through a table of positions hashed
/// with FNV-1a on the id's bytes, cheaper than a dictionary's keyed SipHash at this volume.
public struct NoteStore: Sendable, Equatable {
    /// Every note, in the order of the journal.
    public private(set) var values: [Note] = []
    /// Open addressing, at most half full: a position in `values` plus one, 0 for a free slot.
    private var slots: [Int32] = []
    private var shift: UInt64 = 64

    public init() {}

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    public subscript(id: String) -> Note? {
        get { position(of: id).map { values[$0] } }
        set {
            if let i = position(of: id) {
                if let v = newValue { values[i] = v } else { values.remove(at: i); rebuild(capacity: slots.count) }
            } else if let v = newValue {
                _ = insertNew(v)
            }
        }
    }

    /// Adds a note whose id is not yet taken; false (and nothing changed) when it is.
    public mutating func insertNew(_ note: Note) -> Bool {
        if (values.count + 1) * 2 > slots.count { rebuild(capacity: max(1024, slots.count * 2)) }
        var i = slot(note.id)
        let mask = slots.count - 1
        while slots[i] != 0 {
            if values[Int(slots[i]) - 1].id == note.id { return false }
            i = (i + 1) & mask
        }
        values.append(note)
        slots[i] = Int32(values.count)
        return true
    }

    /// Changes a note in place; false when there is no note with this id.
    @discardableResult
    public mutating func modify(_ id: String, _ change: (inout Note) -> Void) -> Bool {
        guard let i = position(of: id) else { return false }
        change(&values[i])
        return true
    }

    public mutating func reserveCapacity(_ n: Int) {
        values.reserveCapacity(n)
        var capacity = 1024
        while capacity < n * 2 { capacity *= 2 }
        if capacity > slots.count { rebuild(capacity: capacity) }
    }

    public static func == (a: NoteStore, b: NoteStore) -> Bool { a.values == b.values }

    private func position(of id: String) -> Int? {
        guard !slots.isEmpty else { return nil }
        var i = slot(id)
        let mask = slots.count - 1
        while slots[i] != 0 {
            let p = Int(slots[i]) - 1
            if values[p].id == id { return p }
            i = (i + 1) & mask
        }
        return nil
    }

    private func slot(_ id: String) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var id = id
        id.withUTF8 { for b in $0 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 } }
        return Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func rebuild(capacity: Int) {
        slots = [Int32](repeating: 0, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        let mask = capacity - 1
        for (p, n) in values.enumerated() {
            var i = slot(n.id)
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(p + 1)
        }
    }
}
