import Foundation
import Testing
@testable import SeanceModel

/// A fresh private folder for one test, removed at the end.
final class TempDir {
    let path: String
    init() {
        var template = Array((NSTemporaryDirectory() + "seance-test-XXXXXX").utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }
    func file(_ name: String) -> String { path + "/" + name }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A deterministic random source for ids in tests.
typealias SeededRandom = SplitMix64
extension SplitMix64 {
    init(_ seed: UInt64) { self.init(seed: seed) }
}

let t0 = Timestamp(journalValue: "2009-12-15T14:30:00+01:00")!

func event(_ kind: String, _ entity: String, _ fields: [(String, String)] = [], n: Int = 0, at t: Timestamp = t0) -> Event {
    var rng = SeededRandom(UInt64(n + 1) &* 7919 &+ UInt64(abs(kind.hashValue % 1000)))
    return EventDraft(kind, entity, fields).stamped(at: t, id: EventID.make(milliseconds: t.epochSeconds * 1000 + Int64(n), using: &rng), author: "claire")
}

func journalText(_ events: [Event]) -> String {
    JournalParser.header + events.map(\.line).joined()
}

func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

/// Ids for the commands under test, numbered in order: « sea-1 », or « sea-r1 » with a tag.
final class TestIDs {
    private var n: Int
    private let tag: String
    init(_ tag: String = "", after n: Int = 0) { self.tag = tag; self.n = n }
    func make(_ prefix: String) -> String { n += 1; return "\(prefix)-\(tag)\(n)" }
}

/// The state after a command's events, stamped and folded as the journal will read them back;
/// an event the fold refuses is an issue of the test.
func applying(_ st: ProjectState, _ result: CommandResult, at stamp: Timestamp = t0, firstMillisecond: Int64 = 1_000_000) throws -> ProjectState {
    var s = st
    var rng = SystemRandomNumberGenerator()
    for (i, d) in try result.get().enumerated() {
        let e = d.stamped(at: stamp, id: EventID.make(milliseconds: firstMillisecond + Int64(i), using: &rng), author: "test")
        if let p = s.apply(e) { Issue.record(Comment(rawValue: "refusé par le pli : " + p.message)) }
    }
    return s
}

func fileMode(_ path: String) -> Int {
    var st = stat()
    stat(path, &st)
    return Int(st.st_mode & 0o777)
}
