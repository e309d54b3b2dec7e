#if canImport(Glibc)
import Glibc
#endif

/// Typed access to an event's fields, read from the line's bytes (`key=value` separated by tabs,
/// values escaped as written); each failure a French reason. Keys come from the schema
/// (`EventSchema`): reading a key the event's kind does not declare is a programming error,
/// and an integer's bounds are the schema's.
struct FieldReader {
    let line: UnsafeBufferPointer<UInt8>
    let fieldsStart: Int
    let spans: FieldSpans
    /// The event's kind (nil for a kind of a newer version): whose schema the keys must be in.
    var kind: EventKind?

    @inline(__always)
    private func checkDeclared(_ key: FieldKey) {
        assert(kind == nil || kind!.schema.spec(key) != nil, "« \(key.rawValue) » n'est pas un champ de \(kind!.rawValue) (EventSchema)")
    }

    /// The fields part of the line.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: line[min(fieldsStart, line.count)...]) }

    /// The value of `key` as written (still escaped), or nil when the line has no such field.
    func raw(_ key: FieldKey) -> UnsafeBufferPointer<UInt8>? {
        checkDeclared(key)
        return raw(spelled: key.spelling)
    }

    private func raw(spelled key: StaticString) -> UnsafeBufferPointer<UInt8>? {
        let kn = key.utf8CodeUnitCount
        let fields = bytes
        guard spans.isComplete, let base = fields.baseAddress else {
            return RawText.value(of: UnsafeBufferPointer(start: key.utf8Start, count: kn), in: fields)
        }
        let n = Int(spans.count)
        // Through spans: subscripting the inline arrays copied them whole at each step.
        let starts = spans.starts.span, equals = spans.equals.span
        for i in 0..<n {
            let start = Int(starts[unchecked: i]), eq = Int(equals[unchecked: i])
            guard eq - start == kn, RawText.same(base + start, key.utf8Start, kn) else { continue }
            let end = i + 1 < n ? Int(starts[unchecked: i + 1]) - 1 : fields.count
            return UnsafeBufferPointer(rebasing: fields[(eq + 1)..<end])
        }
        return nil
    }

    /// Every field in the order written, unescaped.
    func forEach(_ body: (String, String) -> Void) {
        RawText.forEachField(in: bytes) { key, value in
            body(String(decoding: key, as: UTF8.self), RawText.string(value))
            return false
        }
    }

    func text(_ key: FieldKey) -> String? {
        raw(key).map(RawText.string)
    }

    /// The value of `key` as written, which must be there and not be empty.
    func rawRequired(_ key: FieldKey) throws(ApplyProblem) -> UnsafeBufferPointer<UInt8> {
        guard let v = raw(key), !v.isEmpty else { throw ApplyProblem(Fr.Problem.missingField(key.rawValue)) }
        return v
    }

    func required(_ key: FieldKey) throws(ApplyProblem) -> String {
        guard let v = text(key), !v.isEmpty else { throw ApplyProblem(Fr.Problem.missingField(key.rawValue)) }
        return v
    }

    func date(_ key: FieldKey) throws(ApplyProblem) -> LocalDate?? {
        guard let v = text(key) else { return .none }
        if v.isEmpty { return .some(nil) }
        guard let d = LocalDate(journalValue: Substring(v)) else { throw ApplyProblem(Fr.Problem.badValue(key.rawValue, v, "AAAA-MM-JJ")) }
        return d
    }

    func time(_ key: FieldKey) throws(ApplyProblem) -> LocalTime?? {
        guard let b = raw(key) else { return .none }
        if b.isEmpty { return .some(nil) }
        if let t = LocalTime(bytes: b) { return t }
        let v = RawText.string(b)
        guard let t = LocalTime(journalValue: Substring(v)) else { throw ApplyProblem(Fr.Problem.badValue(key.rawValue, v, "HH:MM")) }
        return t
    }

    func money(_ key: FieldKey) throws(ApplyProblem) -> Money?? {
        guard let v = text(key) else { return .none }
        if v.isEmpty { return .some(nil) }
        guard let m = Money(journalValue: Substring(v)) else { throw ApplyProblem(Fr.Problem.badValue(key.rawValue, v, "1234.56")) }
        guard Money.journalRange.contains(m.cents) else {
            throw ApplyProblem(Fr.Problem.outOfRange(key.rawValue, v, Money.journalRange.lowerBound / 100, Money.journalRange.upperBound / 100))
        }
        return m
    }

    /// An integer within the bounds the schema gives it: every number of a journal has bounds,
    /// so that no sum or increment of them can overflow.
    func int(_ key: FieldKey) throws(ApplyProblem) -> Int?? {
        guard case .integer(let range)? = kind?.schema.spec(key)?.type else {
            preconditionFailure("« \(key.rawValue) » n'est pas un entier de \(kind?.rawValue ?? "?") (EventSchema)")
        }
        guard let v = text(key) else { return .none }
        if v.isEmpty { return .some(nil) }
        guard let n = Int(v) else { throw ApplyProblem(Fr.Problem.badValue(key.rawValue, v, "un nombre entier")) }
        guard range.contains(n) else {
            throw ApplyProblem(Fr.Problem.outOfRange(key.rawValue, v, Int64(range.lowerBound), Int64(range.upperBound)))
        }
        return n
    }

    func bool(_ key: FieldKey) throws(ApplyProblem) -> Bool? {
        guard let v = text(key) else { return nil }
        switch v {
        case "oui": return true
        case "non": return false
        default: throw ApplyProblem(Fr.Problem.badValue(key.rawValue, v, "oui ou non"))
        }
    }

    func choice<E: RawRepresentable & CaseIterable>(_ key: FieldKey, _ type: E.Type) throws(ApplyProblem) -> E? where E.RawValue == String {
        guard let b = raw(key) else { return nil }
        for c in E.allCases where RawText.equals(c.rawValue, b) { return c }
        let v = RawText.string(b)
        guard let e = E(rawValue: v) else {
            throw ApplyProblem(Fr.Problem.badValue(key.rawValue, v, E.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        return e
    }
}

