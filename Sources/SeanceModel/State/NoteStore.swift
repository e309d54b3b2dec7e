import Foundation

/// The lines of the minutes, by id: the bulk of a journal (four events in ten), in an
/// `EntityTable` in the order they were taken.
///
/// The store also keeps the folded text of every note (see `Folding`) end to end in one buffer:
/// a search scans that buffer with `memchr` instead of folding 400 000 texts again.
public struct NoteStore: Sendable, Equatable {
    private var table = EntityTable<Note>()
    /// The folded texts, one segment per text, without separators. A corrected note's new text
    /// is a new segment at the end; its old one stays, unused.
    private var corpus: [UInt8] = []
    /// Per segment, in corpus order: where it starts, and the position of its note.
    private var segmentStarts: [Int] = []
    private var segmentNotes: [Int32] = []
    /// Per note: the segment that holds its current text.
    private var currentSegment: [Int32] = []

    public init() {}

    /// Every note, in the order of the journal.
    public var values: [Note] { table.values }
    public var count: Int { table.count }
    public var isEmpty: Bool { table.isEmpty }

    public subscript(id: String) -> Note? {
        get { table[id] }
        set {
            if let i = table.position(of: id) {
                if let v = newValue {
                    modify(at: i) { $0 = v }
                } else {
                    table.removeKeepingOrder(at: i)
                    rebuildCorpus()
                }
            } else if let v = newValue {
                _ = insertNew(v)
            }
        }
    }

    /// Adds a note whose id is not yet taken; false (and nothing changed) when it is. `folded`
    /// is its text already folded, when the caller has it.
    public mutating func insertNew(_ note: Note) -> Bool { insertNew(note, folded: nil) }

    mutating func insertNew(_ note: Note, folded: UnsafeBufferPointer<UInt8>?) -> Bool {
        guard let p = table.insertNew(note.id, note) else { return false }
        currentSegment.append(0)
        addSegment(for: p, folded: folded)
        return true
    }

    /// Changes a note in place; false when there is no note with this id.
    @discardableResult
    public mutating func modify(_ id: String, _ change: (inout Note) -> Void) -> Bool {
        modify(id, folded: nil, change)
    }

    /// The same, with the new text already folded when the caller has it.
    mutating func modify(_ id: String, folded: UnsafeBufferPointer<UInt8>?, _ change: (inout Note) -> Void) -> Bool {
        guard let i = table.position(of: id) else { return false }
        modify(at: i, folded: folded, change)
        return true
    }

    /// Changes the note at position `i`, folding its text again when it changed.
    private mutating func modify(at i: Int, folded: UnsafeBufferPointer<UInt8>? = nil, _ change: (inout Note) -> Void) {
        let text = table[position: i].text
        change(&table[position: i])
        if table[position: i].text != text { addSegment(for: i, folded: folded) }
    }

    /// Room for `n` notes of about 90 bytes each.
    public mutating func reserveCapacity(_ n: Int) {
        table.reserveCapacity(n)
        currentSegment.reserveCapacity(n)
        segmentStarts.reserveCapacity(n)
        segmentNotes.reserveCapacity(n)
        corpus.reserveCapacity(n * 90)
    }

    public static func == (a: NoteStore, b: NoteStore) -> Bool { a.table == b.table }

    private mutating func addSegment(for note: Int, folded: UnsafeBufferPointer<UInt8>? = nil) {
        currentSegment[note] = Int32(segmentStarts.count)
        segmentStarts.append(corpus.count)
        segmentNotes.append(Int32(note))
        if let folded { corpus.append(contentsOf: folded) } else { Folding.appendFolded(table[position: note].text, to: &corpus) }
    }

    private mutating func rebuildCorpus() {
        corpus = []; segmentStarts = []; segmentNotes = []
        currentSegment = [Int32](repeating: 0, count: table.count)
        for i in table.values.indices { addSegment(for: i) }
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
                    if currentSegment[note] == seg, !table[position: note].deleted {
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
