import Foundation

/// The lines of the minutes, by id: the bulk of a journal (four events in ten). They are kept in
/// one array in the order they were taken, and found by id through a table of positions hashed
/// with FNV-1a on the id's bytes, cheaper than a dictionary's keyed SipHash at this volume.
///
/// The store also keeps the folded text of every note (see `Folding`) end to end in one buffer:
/// a search scans that buffer with `memchr` instead of folding 400 000 texts again.
public struct NoteStore: Sendable, Equatable {
    /// Every note, in the order of the journal.
    public private(set) var values: [Note] = []
    /// Open addressing, at most half full: a position in `values` plus one, 0 for a free slot.
    private var slots: [Int32] = []
    private var shift: UInt64 = 64
    /// The folded texts, one segment per text, without separators. A corrected note's new text
    /// is a new segment at the end; its old one stays, unused.
    private var corpus: [UInt8] = []
    /// Per segment, in corpus order: where it starts, and the position of its note.
    private var segmentStarts: [Int] = []
    private var segmentNotes: [Int32] = []
    /// Per note: the segment that holds its current text.
    private var currentSegment: [Int32] = []

    public init() {}

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    public subscript(id: String) -> Note? {
        get { position(of: id).map { values[$0] } }
        set {
            if let i = position(of: id) {
                if let v = newValue {
                    modify(at: i) { $0 = v }
                } else {
                    values.remove(at: i)
                    rebuild(capacity: slots.count)
                    rebuildCorpus()
                }
            } else if let v = newValue {
                _ = insertNew(v)
            }
        }
    }

    /// Adds a note whose id is not yet taken; false (and nothing changed) when it is.
    public mutating func insertNew(_ note: Note) -> Bool {
        if (values.count + 1) * 2 > slots.count { rebuild(capacity: max(1024, slots.count * 2)) }
        let (slot, found) = probe(note.id)
        guard found == nil else { return false }
        values.append(note)
        slots[slot] = Int32(values.count)
        currentSegment.append(0)
        addSegment(for: values.count - 1)
        return true
    }

    /// Changes a note in place; false when there is no note with this id.
    @discardableResult
    public mutating func modify(_ id: String, _ change: (inout Note) -> Void) -> Bool {
        guard let i = position(of: id) else { return false }
        modify(at: i, change)
        return true
    }

    /// Changes the note at position `i`, folding its text again when it changed.
    private mutating func modify(at i: Int, _ change: (inout Note) -> Void) {
        let text = values[i].text
        change(&values[i])
        if values[i].text != text { addSegment(for: i) }
    }

    /// Room for `n` notes of about 90 bytes each.
    public mutating func reserveCapacity(_ n: Int) {
        values.reserveCapacity(n)
        currentSegment.reserveCapacity(n)
        segmentStarts.reserveCapacity(n)
        segmentNotes.reserveCapacity(n)
        corpus.reserveCapacity(n * 90)
        var capacity = 1024
        while capacity < n * 2 { capacity *= 2 }
        if capacity > slots.count { rebuild(capacity: capacity) }
    }

    public static func == (a: NoteStore, b: NoteStore) -> Bool { a.values == b.values }

    private func position(of id: String) -> Int? {
        slots.isEmpty ? nil : probe(id).position
    }

    /// Where `id` is in the table: its note's position, or the free slot where it would go.
    private func probe(_ id: String) -> (slot: Int, position: Int?) {
        var i = slot(id)
        let mask = slots.count - 1
        while slots[i] != 0 {
            let p = Int(slots[i]) - 1
            if values[p].id == id { return (i, p) }
            i = (i + 1) & mask
        }
        return (i, nil)
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

    private mutating func addSegment(for note: Int) {
        currentSegment[note] = Int32(segmentStarts.count)
        segmentStarts.append(corpus.count)
        segmentNotes.append(Int32(note))
        Folding.appendFolded(values[note].text, to: &corpus)
    }

    private mutating func rebuildCorpus() {
        corpus = []; segmentStarts = []; segmentNotes = []
        currentSegment = [Int32](repeating: 0, count: values.count)
        for i in values.indices { addSegment(for: i) }
    }

    // MARK: - Search

    /// The positions in `values` of the notes not deleted whose folded text holds every one of
    /// the folded `words`, in the order of the notes. The first word is looked for across the
    /// whole buffer (on two cores); the others only inside the texts it was found in.
    public func positions(matching words: [[UInt8]]) -> [Int] {
        guard let first = words.max(by: { $0.count < $1.count }), !first.isEmpty, !segmentStarts.isEmpty else { return [] }
        let others = words.filter { $0 != first }
        let half = segmentStarts.count / 2
        let parts = [0..<half, half..<segmentStarts.count]
        nonisolated(unsafe) let found = UnsafeMutableBufferPointer<[Int]>.allocate(capacity: 2)
        found.initialize(repeating: [])
        defer { found.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 2) { h in
            found[h] = scan(segments: parts[h], first: first, others: others)
        }
        return (found[0] + found[1]).sorted()
    }

    private func scan(segments: Range<Int>, first: [UInt8], others: [[UInt8]]) -> [Int] {
        guard !segments.isEmpty else { return [] }
        var hits: [Int] = []
        corpus.withUnsafeBufferPointer { all in
            first.withUnsafeBufferPointer { needle in
                let end = segments.upperBound < segmentStarts.count ? segmentStarts[segments.upperBound] : all.count
                let hay = UnsafeBufferPointer(rebasing: all[..<end])
                var from = segmentStarts[segments.lowerBound]
                var seg = segments.lowerBound
                while let at = Folding.firstIndex(of: needle, in: hay, from: from) {
                    // The segment holding `at`: segments are few per match, walk forward.
                    while seg + 1 < segments.upperBound && segmentStarts[seg + 1] <= at { seg += 1 }
                    let segEnd = seg + 1 < segmentStarts.count ? segmentStarts[seg + 1] : all.count
                    if at + needle.count > segEnd {
                        from = at + 1          // across two texts: not a match
                        continue
                    }
                    let note = Int(segmentNotes[seg])
                    if currentSegment[note] == seg, !values[note].deleted {
                        let text = UnsafeBufferPointer(rebasing: all[segmentStarts[seg]..<segEnd])
                        if Folding.holdsAll(others, in: text) {
                            hits.append(note)
                        }
                    }
                    from = segEnd
                }
            }
        }
        return hits
    }
}
