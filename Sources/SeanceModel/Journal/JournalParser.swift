#if canImport(Glibc)
import Glibc
#endif
/// A problem found in a journal, with the line it is on (1-based; 0 for the file as a whole).
public struct Problem: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: Sendable, Equatable { case error, notice }
    public var line: Int
    public var severity: Severity
    public var message: String
    public init(line: Int, _ severity: Severity, _ message: String) {
        self.line = line; self.severity = severity; self.message = message
    }
    public var description: String { "\(line): \(message)" }
    public func located(in file: String) -> String { "\(file):\(line): \(message)" }
}

/// The bytes after the last good line, which a crash in mid-append leaves behind.
public struct TornTail: Sendable, Equatable {
    /// Offset of the first byte of the fragment: the journal is cut back to this length.
    public var offset: Int
    public var bytes: [UInt8]
    public var line: Int
    public var reason: String
}

/// The parse of a whole journal, before the fold.
public struct ParsedJournal: Sendable {
    public var version: Int?
    public var events: [Event] = []
    /// The line number of each event, parallel to `events`.
    public var lines: [Int] = []
    public var problems: [Problem] = []
    public var tornTail: TornTail?
    public var lineCount = 0
    public var eventCount = 0
    /// When the journal was read on two threads: how long each waited for the other.
    public var waits: Waits?

    public struct Waits: Sendable {
        /// Seconds the fold waited for parsed events, and the parser for the fold to take them.
        public var fold: Double, parse: Double
    }
}

/// Reads journal lines straight from their bytes: a line is checked in place and no String is
/// made but for what is wrong, which becomes a `Problem`, never a crash.
public enum JournalParser {
    public static let formatName = "seance-journal"
    public static let version = 1
    public static var header: String { "\(formatName) \(version)\n" }

    /// Parses the bytes of a journal, collecting the events.
    public static func parse(_ data: [UInt8]) -> ParsedJournal {
        var events: [Event] = [], lines: [Int] = []
        var out = parse(data) { e, line in events.append(e); lines.append(line) }
        out.events = events
        out.lines = lines
        return out
    }

    /// Parses the bytes of a journal, handing each event to `onEvent` with its line number
    /// (the fold runs as the file is read: the events need not all be kept).
    public static func parse(_ data: [UInt8], onEvent: (Event, Int) -> Void) -> ParsedJournal {
        parseRaw(data, onRaw: { raw, line, _ in onEvent(raw.event, line) })
    }

    /// Parses the bytes of a journal, lending each event line, read in place, to `onRaw`.
    static func parseRaw(_ data: [UInt8], onRaw: (RawEvent, Int, ChunkStorage?) -> Void) -> ParsedJournal {
        var reader = StreamingReader()
        data.withUnsafeBufferPointer { reader.finishRaw(with: $0, onRaw: onRaw) }
        return reader.result
    }

    /// Bytes of a journal being read, kept alive by the events that point into them: a block of
    /// parsed events holds the chunks its lines are in, so a line is never copied again.
    final class ChunkStorage: @unchecked Sendable {
        let base: UnsafeMutablePointer<UInt8>
        let count: Int
        init(count: Int) { base = .allocate(capacity: max(1, count)); self.count = count }
        deinit { base.deallocate() }
        var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
    }

    /// Reads a journal piece by piece (a file is read in chunks, so its bytes are never all in
    /// memory at once). Every complete line but the last is parsed as it arrives; the last one
    /// waits for the end, where the torn-tail rules apply.
    public struct StreamingReader {
        public private(set) var result = ParsedJournal()
        private var seenIDs = EventKeySet()
        /// The chunk that holds the bytes not yet parsed, from `pendingStart`.
        private var pending: ChunkStorage?
        private var pendingStart = 0
        /// File offset of the first byte not yet parsed.
        private var pendingOffset = 0
        private var lineNo = 0
        private var sawData = false

        public init() {}

        public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, onEvent: (Event, Int) -> Void) {
            feedRaw(chunk, onRaw: { raw, line, _ in onEvent(raw.event, line) })
        }

        public mutating func finish(with last: UnsafeBufferPointer<UInt8>? = nil, onEvent: (Event, Int) -> Void) {
            finishRaw(with: last, onRaw: { raw, line, _ in onEvent(raw.event, line) })
        }

        /// Room for `n` event ids, so that the duplicate check never grows its table.
        mutating func reserveIDs(_ n: Int) { seenIDs.reserveCapacity(n) }

        private var leftover: Int { pending.map { $0.count - pendingStart } ?? 0 }

        /// A new chunk holding what was left unparsed followed by `chunk`.
        private mutating func takeIn(_ chunk: UnsafeBufferPointer<UInt8>) -> ChunkStorage {
            let kept = leftover
            let storage = ChunkStorage(count: kept + chunk.count)
            if let p = pending, kept > 0 { storage.base.update(from: p.base + pendingStart, count: kept) }
            if let c = chunk.baseAddress { (storage.base + kept).update(from: c, count: chunk.count) }
            pending = storage
            pendingStart = 0
            return storage
        }

        /// Reads a chunk, lending each complete event line to `onRaw` with the chunk it lies in
        /// (the line stays valid while the chunk is kept).
        mutating func feedRaw(_ chunk: UnsafeBufferPointer<UInt8>, onRaw: (RawEvent, Int, ChunkStorage?) -> Void) {
            guard !chunk.isEmpty else { return }
            sawData = true
            let storage = takeIn(chunk)
            let buf = storage.buffer
            guard let last = lastNewline(buf, before: buf.count), let previous = lastNewline(buf, before: last) else { return }
            // Lines up to `previous` are complete and not the last of the file.
            let consumed = process(UnsafeBufferPointer(rebasing: buf[0...previous]), final: false) { onRaw($0, $1, storage) }
            pendingStart = consumed
            pendingOffset += consumed
        }

        /// The end of the data: what is left is parsed with the rules for the last line. Lines
        /// of `last` read in place are lent without a chunk: valid during the call only.
        mutating func finishRaw(with last: UnsafeBufferPointer<UInt8>? = nil, onRaw: (RawEvent, Int, ChunkStorage?) -> Void) {
            if let last, !last.isEmpty {
                sawData = true
                if leftover == 0 {
                    _ = process(last, final: true) { onRaw($0, $1, nil) }
                    finalize()
                    return
                }
                _ = takeIn(last)
            }
            if let storage = pending {
                _ = process(UnsafeBufferPointer(rebasing: storage.buffer[pendingStart...]), final: true) { onRaw($0, $1, storage) }
            }
            pending = nil
            finalize()
        }

        private mutating func finalize() {
            result.lineCount = lineNo
            if !sawData {
                result.problems.append(Problem(line: 1, .error, Fr.Problem.emptyFile))
            } else if result.version == nil && !result.problems.contains(where: { $0.line == 1 }) {
                result.problems.append(Problem(line: 1, .error, Fr.Problem.missingHeader))
            }
        }

        private func lastNewline(_ buf: UnsafeBufferPointer<UInt8>, before end: Int) -> Int? {
            var i = end - 1
            while i >= 0 { if buf[i] == 0x0A { return i }; i -= 1 }
            return nil
        }

        /// Parses the lines of `buf`; returns how many bytes it consumed.
        private mutating func process(_ buf: UnsafeBufferPointer<UInt8>, final: Bool, onRaw: (RawEvent, Int) -> Void) -> Int {
            let n = buf.count
            var start = 0
            while start < n {
                lineNo += 1
                let end = memchrIndex(buf, from: start, byte: 0x0A) ?? n
                let terminated = end < n
                let slice = UnsafeBufferPointer(rebasing: buf[start..<end])
                let isLast = final && (!terminated || end + 1 >= n)
                if !terminated {
                    result.tornTail = TornTail(offset: pendingOffset + start, bytes: Array(slice), line: lineNo, reason: Fr.Problem.tornNoNewline)
                    return n
                }
                switch parseLine(slice, isHeaderLine: lineNo == 1) {
                case .header(let v):
                    result.version = v
                case .skip:
                    break
                case .event(let e, let key):
                    if seenIDs.insert(key) {
                        result.eventCount += 1
                        onRaw(e, lineNo)
                    } else {
                        result.problems.append(Problem(line: lineNo, .error, Fr.Problem.duplicateID(e.id)))
                    }
                case .bad(let reason, let garbage):
                    if isLast && lineNo > 1 && garbage {
                        // The last line: what a crash leaves (garbage, NUL bytes).
                        result.tornTail = TornTail(offset: pendingOffset + start, bytes: Array(buf[start..<n]), line: lineNo, reason: reason)
                        return n
                    } else {
                        result.problems.append(Problem(line: lineNo, .error, reason))
                    }
                }
                start = end + 1
            }
            return n
        }
    }

    @inline(__always)
    static func memchrIndex(_ buf: UnsafeBufferPointer<UInt8>, from: Int, byte: UInt8) -> Int? {
        guard from < buf.count, let base = buf.baseAddress else { return nil }
        guard let p = memchr(base + from, Int32(byte), buf.count - from) else { return nil }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }

    enum LineResult {
        case header(Int)
        case skip
        case event(RawEvent, EventKey)
        case bad(String, garbage: Bool)
    }

    static func parseLine(_ b: UnsafeBufferPointer<UInt8>, isHeaderLine: Bool) -> LineResult {
        if memchr(b.baseAddress ?? UnsafePointer(bitPattern: 1)!, 0, b.count) != nil && b.count > 0 {
            return .bad(Fr.Problem.nulBytes, garbage: true)
        }
        if isHeaderLine {
            guard let text = String(validating: b, as: UTF8.self) else { return .bad(Fr.Problem.invalidUTF8, garbage: true) }
            let parts = text.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == formatName, let v = Int(parts[1]) else {
                return .bad(Fr.Problem.missingHeader, garbage: false)
            }
            return .header(v)
        }
        if b.isEmpty || b[0] == UInt8(ascii: "#") { return .skip }
        return parseEvent(b)
    }

    /// Checks an event line and finds its parts, in place: the line is checked for UTF-8 once,
    /// cut at its tabs as it is read, and no String is made (but for what is wrong).
    static func parseEvent(_ b: UnsafeBufferPointer<UInt8>) -> LineResult {
        let n = b.count
        guard UTF8Check.isValid(b) else { return .bad(Fr.Problem.invalidUTF8, garbage: true) }
        // Where each of the five fixed parts starts; the fields follow the fifth.
        var starts = (0, 0, 0, 0, 0)
        var pos = 0
        for k in 1..<5 {
            guard let tab = memchrIndex(b, from: pos, byte: 0x09) else {
                return .bad(Fr.Problem.tooFewFields(k), garbage: false)
            }
            pos = tab + 1
            switch k {
            case 1: starts.1 = pos
            case 2: starts.2 = pos
            case 3: starts.3 = pos
            default: starts.4 = pos
            }
        }
        let entityEnd = memchrIndex(b, from: starts.4, byte: 0x09) ?? n
        func part(_ from: Int, _ to: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: b[from..<to]) }
        func preview(_ f: UnsafeBufferPointer<UInt8>) -> String { String(decoding: f.prefix(40), as: UTF8.self) }
        let tsBytes = part(0, starts.1 - 1)
        guard let ts = Timestamp(bytes: tsBytes) else { return .bad(Fr.Problem.badTimestamp(preview(tsBytes)), garbage: false) }
        let idBytes = part(starts.1, starts.2 - 1)
        guard let key = EventKey(idBytes) else { return .bad(Fr.Problem.badID(preview(idBytes)), garbage: false) }
        let author = part(starts.2, starts.3 - 1)
        guard !author.isEmpty else { return .bad(Fr.Problem.emptyAuthor, garbage: false) }
        if let bad = badEscape(author) { return bad }
        let kindBytes = part(starts.3, starts.4 - 1)
        // A known kind is found by its spelling; any other must still look like one.
        let kind = EventKind.find(kindBytes)
        guard kind != nil || isKind(kindBytes) else { return .bad(Fr.Problem.badKind(preview(kindBytes)), garbage: false) }
        let entityBytes = part(starts.4, entityEnd)
        guard !entityBytes.isEmpty, entityBytes.allSatisfy(isEntityByte) else { return .bad(Fr.Problem.badEntity(preview(entityBytes)), garbage: false) }
        let fieldsStart = entityEnd + 1
        var fieldStart = fieldsStart
        var spans = FieldSpans()
        while fieldStart <= n {
            let end = memchrIndex(b, from: fieldStart, byte: 0x09) ?? n
            let f = part(fieldStart, end)
            guard let eq = f.firstIndex(of: UInt8(ascii: "=")) else { return .bad(Fr.Problem.fieldWithoutEquals(preview(f)), garbage: false) }
            let keyBytes = UnsafeBufferPointer(rebasing: f[..<eq])
            guard isKey(keyBytes) else { return .bad(Fr.Problem.badKey(preview(keyBytes)), garbage: false) }
            if !spans.add(start: fieldStart - fieldsStart, equals: fieldStart + eq - fieldsStart, in: part(fieldsStart, n))
                || (!spans.isComplete && fieldStart > fieldsStart
                    && RawText.value(of: keyBytes, in: part(fieldsStart, fieldStart - 1)) != nil) {
                return .bad(Fr.Problem.repeatedKey(String(decoding: keyBytes, as: UTF8.self)), garbage: false)
            }
            if let bad = badEscape(UnsafeBufferPointer(rebasing: f[(eq + 1)...])) { return bad }
            fieldStart = end + 1
        }
        let raw = RawEvent(line: b, timestamp: ts, kind: kind, authorStart: starts.2,
                           kindStart: starts.3, entityStart: starts.4, fieldsStart: fieldsStart, spans: spans)
        return .event(raw, key)
    }

    /// The reason a text value's escapes are wrong, if they are (most values have no backslash).
    static func badEscape(_ b: UnsafeBufferPointer<UInt8>) -> LineResult? {
        guard let base = b.baseAddress, memchr(base, 0x5C, b.count) != nil else { return nil }
        do { _ = try JournalEscaping.unescape(Substring(String(decoding: b, as: UTF8.self))) } catch {
            return .bad(Fr.Problem.badEscape(error), garbage: false)
        }
        return nil
    }

    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }

    static func isKey<C: Collection>(_ s: C) -> Bool where C.Element == UInt8 {
        guard let f = s.first, isLower(f) else { return false }
        return s.allSatisfy { isLower($0) || $0 == UInt8(ascii: "_") }
    }

    static func isKind(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var words = 0
        var start = s.startIndex
        for i in s.indices where s[i] == UInt8(ascii: ".") {
            guard isKey(s[start..<i]) else { return false }
            words += 1; start = i + 1
        }
        guard isKey(s[start...]) else { return false }
        return words + 1 >= 2
    }

    @inline(__always) static func isEntityByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || isLower(b)
            || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":") || b == UInt8(ascii: "-")
    }
}

extension JournalParser {
    /// Reads and parses a journal file in chunks on the calling thread, lending each event line,
    /// read in place, to `onRaw` with the chunk it lies in (valid while that chunk is kept);
    /// `progress` is told how many bytes have been read before each chunk is parsed.
    /// (`progress` is not optional: an optional closure escapes, and what it captures is then
    /// checked for exclusive access at run time, on every event.)
    static func parseFileRaw(path: String, onRaw: (RawEvent, Int, ChunkStorage?) -> Void,
                             progress: (Int) -> Void = { _ in }) throws(JournalError) -> ParsedJournal {
        var reader = StreamingReader()
        var bytesRead = 0
        // A line is ~175 bytes in generated journals, more in real ones: room for one id per 175
        // bytes (the table stays at most half full, so a million ids fit without growing).
        try JournalStorage.readChunks(path, onSize: { reader.reserveIDs($0 / 175) }) { chunk in
            bytesRead += chunk.count
            progress(bytesRead)
            reader.feedRaw(chunk, onRaw: onRaw)
        }
        reader.finishRaw(onRaw: onRaw)
        return reader.result
    }
}
