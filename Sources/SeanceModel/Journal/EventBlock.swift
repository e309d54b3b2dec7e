/// A few thousand event lines checked by the parser, copied one after the other: what the
/// parsing thread hands to the folding one. The fold reads each line in place.
public struct EventBlock: @unchecked Sendable {
    var bytes: [UInt8] = []
    /// `raw` points into the parser's buffer, not into `bytes`: it is read through `forEach`.
    var entries: [(raw: RawEvent, offset: Int, line: Int)] = []
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
        entries.append((raw, bytes.count, line))
        bytes.append(contentsOf: raw.line)
    }

    /// Each event with its line number, read from this block's copy of the line.
    func forEach(_ body: (RawEvent, Int) -> Void) {
        bytes.withUnsafeBufferPointer { copy in
            for e in entries {
                body(e.raw.moved(to: UnsafeBufferPointer(rebasing: copy[e.offset..<(e.offset + e.raw.line.count)])), e.line)
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
        block.forEach { e, line in
            if let p = apply(e) { problems.append(Problem(line: line, p.severity, p.message)) }
        }
    }
}
