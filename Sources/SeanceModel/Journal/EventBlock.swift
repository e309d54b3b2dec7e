/// A few thousand event lines checked by the parser, copied one after the other: what the
/// parsing thread hands to the folding one. The fold reads each line in place.
public struct EventBlock: @unchecked Sendable {
    var bytes: [UInt8] = []
    /// `raw` points into the parser's buffer, not into `bytes`: it is read through `forEach`.
    /// `note` is the position of the event's prepared text in `notes`, or -1.
    var entries: [(raw: RawEvent, offset: Int, line: Int, note: Int)] = []
    /// The texts of the notes' lines made into Strings, with where their folded form is in
    /// `folded`: prepared by the parsing thread, as they are the costliest part of folding a
    /// note and that thread has time to spare.
    var notes: [(text: String, start: Int, end: Int)] = []
    var folded: [UInt8] = []
    /// How many bytes of the file had been read when the block was full.
    public internal(set) var bytesRead = 0

    public static let capacity = 2048

    init() {
        entries.reserveCapacity(Self.capacity)
        bytes.reserveCapacity(Self.capacity * 256)
    }

    public var count: Int { entries.count }
    var isFull: Bool { entries.count >= Self.capacity }

    mutating func append(_ raw: RawEvent, line: Int) {
        var note = -1
        if raw.kind == .noteAdd || raw.kind == .noteCorrect, let v = raw.fields.raw("text") {
            var text = RawText.string(v)
            let start = folded.count
            text.withUTF8 { Folding.appendFolded($0, to: &folded) }
            notes.append((text, start, folded.count))
            note = notes.count - 1
        }
        entries.append((raw, bytes.count, line, note))
        bytes.append(contentsOf: raw.line)
    }

    /// Each event with its line number, read from this block's copy of the line, and the
    /// prepared text of a note's line.
    func forEach(_ body: (RawEvent, Int, PreparedText?) -> Void) {
        bytes.withUnsafeBufferPointer { copy in
            folded.withUnsafeBufferPointer { folded in
                entries.withUnsafeBufferPointer { entries in
                    for e in entries {
                        let raw = e.raw.moved(to: UnsafeBufferPointer(rebasing: copy[e.offset..<(e.offset + e.raw.line.count)]))
                        if e.note >= 0 {
                            let n = notes[e.note]
                            body(raw, e.line, PreparedText(text: n.text, folded: UnsafeBufferPointer(rebasing: folded[n.start..<n.end])))
                        } else {
                            body(raw, e.line, nil)
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
        let result = try parseFileRaw(path: path, onRaw: { raw, line in
            block.append(raw, line: line)
            if block.isFull {
                onBlock(block)
                block = EventBlock()
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
