/// A few thousand event lines checked by the parser: what the parsing thread hands to the
/// folding one. The fold reads each line in place, in the chunks of the file the block keeps.
public struct EventBlock: @unchecked Sendable {
    /// The chunks the lines lie in (one or two, most of the time).
    var chunks: [JournalParser.ChunkStorage] = []
    /// `note` is the position of the event's prepared text in `notes`, or -1.
    var entries: [(raw: RawEvent, line: Int, note: Int)] = []
    /// The ids and texts of the notes' lines made into Strings, with where their folded form is
    /// in `folded`: prepared by the parsing thread, as they are the costliest part of folding a
    /// note and that thread has time to spare.
    var notes: [(id: String, text: String, start: Int, end: Int)] = []
    var folded: [UInt8] = []
    /// How many bytes of the file had been read when the block was full.
    public internal(set) var bytesRead = 0

    public static let capacity = 2048

    init() {
        entries.reserveCapacity(Self.capacity)
    }

    public var count: Int { entries.count }
    var isFull: Bool { entries.count >= Self.capacity }

    /// Adds an event whose line lies in `chunk` (a line lent without one is copied into its own).
    mutating func append(_ raw: RawEvent, line: Int, in chunk: JournalParser.ChunkStorage?) {
        var raw = raw
        if let chunk {
            if chunks.last !== chunk { chunks.append(chunk) }
        } else {
            let copy = JournalParser.ChunkStorage(count: raw.line.count)
            if let b = raw.line.baseAddress { copy.base.update(from: b, count: raw.line.count) }
            chunks.append(copy)
            raw = raw.moved(to: copy.buffer)
        }
        var note = -1
        if raw.kind == .noteAdd || raw.kind == .noteCorrect, let v = raw.fields.raw(.text) {
            var text = RawText.string(v)
            let start = folded.count
            text.withUTF8 { Folding.appendFolded($0, to: &folded) }
            notes.append((raw.entity, text, start, folded.count))
            note = notes.count - 1
        }
        entries.append((raw, line, note))
    }

    /// Each event with its line number, and the prepared text of a note's line.
    func forEach(_ body: (RawEvent, Int, PreparedText?) -> Void) {
        withExtendedLifetime(chunks) {
            folded.withUnsafeBufferPointer { folded in
                entries.withUnsafeBufferPointer { entries in
                    for e in entries {
                        if e.note >= 0 {
                            let n = notes[e.note]
                            body(e.raw, e.line, PreparedText(id: n.id, text: n.text, folded: UnsafeBufferPointer(rebasing: folded[n.start..<n.end])))
                        } else {
                            body(e.raw, e.line, nil)
                        }
                    }
                }
            }
        }
    }
}

extension JournalParser {
    /// Reads and parses a journal file, handing its events over in blocks (the last one may be
    /// short). Returns the parser's findings once the whole file is read.
    public static func parseFile(path: String, onBlock: (EventBlock) -> Void) throws(JournalError) -> ParsedJournal {
        var block = EventBlock()
        let result = try parseFileRaw(path: path, onRaw: { raw, line, chunk in
            block.append(raw, line: line, in: chunk)
            if block.isFull {
                onBlock(block)
                let read = block.bytesRead
                block = EventBlock()
                block.bytesRead = read      // a chunk fills several blocks: they all report it
            }
        }, progress: { block.bytesRead = $0 })
        if block.count > 0 { onBlock(block) }
        return result
    }
}

extension ProjectState {
    /// Applies the events of a block, adding what is refused to `problems` with its line.
    public mutating func apply(_ block: EventBlock, problems: inout [Problem]) {
        block.forEach { e, line, note in
            if let p = apply(e, note: note) { problems.append(Problem(line: line, p.severity, p.message)) }
        }
    }
}
