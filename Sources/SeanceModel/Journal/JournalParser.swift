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
}

public enum JournalParser {
    public static let formatName = "seance-journal"
    public static let version = 1
    public static var header: String { "\(formatName) \(version)\n" }

    /// Parses the bytes of a journal. Never throws: everything wrong becomes a `Problem`.
    public static func parse(_ data: [UInt8]) -> ParsedJournal {
        var out = ParsedJournal()
        var seenIDs = Set<String>()
        data.withUnsafeBufferPointer { buf in
            let n = buf.count
            var start = 0
            var lineNo = 0
            while start < n {
                lineNo += 1
                var end = start
                while end < n && buf[end] != 0x0A { end += 1 }
                let terminated = end < n
                let slice = UnsafeBufferPointer(rebasing: buf[start..<end])
                let isLast = !terminated || end + 1 >= n
                if !terminated {
                    out.tornTail = TornTail(offset: start, bytes: Array(slice), line: lineNo,
                                            reason: Fr.Problem.tornNoNewline)
                    break
                }
                let result = parseLine(slice, lineNo: lineNo, isHeaderLine: lineNo == 1)
                switch result {
                case .header(let v):
                    out.version = v
                case .skip: break
                case .event(let e):
                    if seenIDs.insert(e.id).inserted {
                        out.events.append(e); out.lines.append(lineNo)
                    } else {
                        out.problems.append(Problem(line: lineNo, .error, Fr.Problem.duplicateID(e.id)))
                    }
                case .bad(let reason, let garbage):
                    if isLast && lineNo > 1 && garbage {
                        // The last line: what a crash leaves (garbage, NUL bytes, half a line).
                        out.tornTail = TornTail(offset: start, bytes: Array(buf[start..<n]), line: lineNo,
                                                reason: reason)
                    } else {
                        out.problems.append(Problem(line: lineNo, .error, reason))
                        if lineNo == 1 { out.version = nil }
                    }
                }
                start = end + 1
            }
            out.lineCount = lineNo
        }
        if data.isEmpty {
            out.problems.append(Problem(line: 1, .error, Fr.Problem.emptyFile))
        } else if out.version == nil && !out.problems.contains(where: { $0.line == 1 }) {
            out.problems.append(Problem(line: 1, .error, Fr.Problem.missingHeader))
        }
        return out
    }

    enum LineResult {
        case header(Int)
        case skip
        case event(Event)
        case bad(String, garbage: Bool)
    }

    static func parseLine(_ b: UnsafeBufferPointer<UInt8>, lineNo: Int, isHeaderLine: Bool) -> LineResult {
        if b.contains(0) { return .bad(Fr.Problem.nulBytes, garbage: true) }
        guard let text = String(validating: b, as: UTF8.self) else {
            return .bad(Fr.Problem.invalidUTF8, garbage: true)
        }
        if isHeaderLine {
            let parts = text.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == formatName, let v = Int(parts[1]) else {
                return .bad(Fr.Problem.missingHeader, garbage: false)
            }
            return .header(v)
        }
        if text.isEmpty || text.hasPrefix("#") { return .skip }
        return parseEvent(text)
    }

    static func parseEvent(_ text: String) -> LineResult {
        let parts = text.split(separator: "\t", omittingEmptySubsequences: false)
        guard parts.count >= 5 else { return .bad(Fr.Problem.tooFewFields(parts.count), garbage: false) }
        guard let ts = Timestamp(journalValue: parts[0]) else {
            return .bad(Fr.Problem.badTimestamp(String(parts[0].prefix(40))), garbage: false)
        }
        guard EventID.isValid(parts[1]) else { return .bad(Fr.Problem.badID(String(parts[1].prefix(40))), garbage: false) }
        let author: String
        do { author = try JournalEscaping.unescape(parts[2]) } catch {
            return .bad(Fr.Problem.badEscape(error), garbage: false)
        }
        guard !author.isEmpty else { return .bad(Fr.Problem.emptyAuthor, garbage: false) }
        guard isKind(parts[3]) else { return .bad(Fr.Problem.badKind(String(parts[3].prefix(40))), garbage: false) }
        guard isEntity(parts[4]) else { return .bad(Fr.Problem.badEntity(String(parts[4].prefix(40))), garbage: false) }
        var fields: [Event.Field] = []
        fields.reserveCapacity(parts.count - 5)
        for p in parts[5...] {
            guard let eq = p.firstIndex(of: "=") else { return .bad(Fr.Problem.fieldWithoutEquals(String(p.prefix(40))), garbage: false) }
            let key = p[..<eq]
            guard isKey(key) else { return .bad(Fr.Problem.badKey(String(key.prefix(40))), garbage: false) }
            let k = String(key)
            if fields.contains(where: { $0.key == k }) { return .bad(Fr.Problem.repeatedKey(k), garbage: false) }
            do { fields.append(Event.Field(k, try JournalEscaping.unescape(p[p.index(after: eq)...]))) } catch {
                return .bad(Fr.Problem.badEscape(error), garbage: false)
            }
        }
        return .event(Event(timestamp: ts, id: String(parts[1]), author: author, kind: String(parts[3]),
                            entity: String(parts[4]), fields: fields))
    }

    static func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }

    static func isKey(_ s: Substring) -> Bool {
        guard let f = s.utf8.first, isLower(f) else { return false }
        return s.utf8.allSatisfy { isLower($0) || $0 == UInt8(ascii: "_") }
    }

    static func isKind(_ s: Substring) -> Bool {
        let words = s.split(separator: ".", omittingEmptySubsequences: false)
        return words.count >= 2 && words.allSatisfy(isKey)
    }

    static func isEntity(_ s: Substring) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { b in
            (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || isLower(b)
                || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":") || b == UInt8(ascii: "-")
        }
    }
}
