import Foundation
import Testing
import ChildProcess
@testable import SeanceModel

/// The demo journal, fixed dates, snapshots and outside programs for the export tests.
enum ExportFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// `data/demo/saint-flour.seance` from `Tests/SeanceModelTests/Export/`.
    static let demoPath = folder.appendingPathComponent("../../../data/demo/saint-flour.seance").standardized.path
    static let snapshotDir = folder.appendingPathComponent("Snapshots").path

    /// The December COPIL: attendance, notes, decisions with votes, follow-ups.
    static let copil3 = "sea-copil-3"
    /// A week after it: the relevé has been sent (follow-up 5 done), the others are open.
    static let now = Timestamp(journalValue: "2009-12-23T10:00:00+01:00")!
    static let options = ExportOptions(now: now, today: now.localDate)

    static let demo: ProjectState = load(demoPath)

    static func load(_ path: String) -> ProjectState {
        let bytes = try! JournalStorage.readAll(path)
        let parsed = JournalParser.parse(bytes)
        return ProjectState.fold(parsed.events, lines: parsed.lines).0
    }

    /// A state from journal lines (header added).
    static func state(_ events: [Event]) -> ProjectState {
        ProjectState.fold(events).0
    }
}

/// Compares an export with `Snapshots/NAME`. SNAPSHOT_RECORD=1 writes it; a missing file is
/// written too and fails the test, so that it is looked at before it is committed.
func expectExportSnapshot(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let path = ExportFixture.snapshotDir + "/" + name
    let recording = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    guard !recording, let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        try? FileManager.default.createDirectory(atPath: ExportFixture.snapshotDir, withIntermediateDirectories: true)
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        if !recording { Issue.record("snapshot \(name) was missing: recorded, check it and commit it", sourceLocation: sourceLocation) }
        return
    }
    if expected != text {
        // Compare by lines (split at LF; a CR stays, shown as \r) and show the first differences.
        func lines(_ s: String) -> [String] { s.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) } }
        let e = lines(expected), a = lines(text)
        var diff: [String] = []
        for i in 0..<max(e.count, a.count) {
            let want = i < e.count ? e[i].debugDescription : "∅", got = i < a.count ? a[i].debugDescription : "∅"
            if want != got { diff.append("ligne \(i + 1)\n  attendu : \(want)\n  obtenu  : \(got)") }
            if diff.count == 8 { break }
        }
        let shown = diff.joined(separator: "\n")
        Issue.record("snapshot \(name) differs (SNAPSHOT_RECORD=1 to re-record):\n\(shown)", sourceLocation: sourceLocation)
    }
}

/// Outside programs the tests read the exports back with (pandoc, odt2txt, python3 with the
/// icalendar module). Where one is missing the test is skipped on a workstation, but runs —
/// and fails — under CI, so that a missing install step cannot hide.
enum ExternalTool {
    static let underCI = ProcessInfo.processInfo.environment["CI"] != nil

    static func has(_ program: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
    }

    static let hasIcalendar: Bool = has("python3") && run("python3", ["-c", "import icalendar"]).status == 0

    static func enabled(_ program: String) -> Bool { underCI || has(program) }

    /// Runs a program found on PATH (see `runChild`).
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let r = runChild([program] + arguments)
        return (r.code, r.out, r.err)
    }

    /// Runs a small Python script on a file; the script prints its findings.
    static func python(_ script: String, _ file: String) -> (status: Int32, output: String, errors: String) {
        run("python3", ["-c", script, file])
    }
}

/// A private temporary file holding `bytes`, removed when the value goes.
final class ExportTempFile {
    let dir: TempDir
    let path: String
    init(_ name: String, _ bytes: [UInt8]) {
        dir = TempDir()
        path = dir.file(name)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }
}

/// The entries of a stored (uncompressed) ZIP, read the simple way for checks: name, method,
/// header offset, data, CRC written.
struct StoredZipEntry {
    var name: String
    var method: UInt16
    var extraLength: Int
    var offset: Int
    var data: [UInt8]
    var crc: UInt32
}

func readStoredZip(_ b: [UInt8]) -> [StoredZipEntry] {
    func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
    func u32(_ i: Int) -> UInt32 { UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24 }
    var entries: [StoredZipEntry] = []
    var i = 0
    while i + 30 <= b.count, u32(i) == 0x0403_4B50 {
        let method = UInt16(u16(i + 8)), crc = u32(i + 14), size = Int(u32(i + 18))
        let nameLen = u16(i + 26), extra = u16(i + 28)
        let name = String(decoding: b[(i + 30)..<(i + 30 + nameLen)], as: UTF8.self)
        let start = i + 30 + nameLen + extra
        entries.append(StoredZipEntry(name: name, method: method, extraLength: extra, offset: i,
                                      data: Array(b[start..<(start + size)]), crc: crc))
        i = start + size
    }
    return entries
}
