import Foundation
import Testing
@testable import SeanceModel
@testable import SeanceTUI

/// The bundled demo journal, folded (the same file `seance --demo` copies).
let demoPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../data/demo/saint-flour.seance").standardized.path

let demoState: ProjectState = {
    let parsed = JournalParser.parse(try! JournalStorage.readAll(demoPath))
    return ProjectState.fold(parsed.events, lines: parsed.lines).0
}()

/// A context with a fixed date and predictable ids, so screens and events are reproducible.
/// Mid-January 2010: between the December COPIL and the next one.
let fixedNow = Timestamp(journalValue: "2010-01-15T10:00:00+01:00")!

func context(_ domain: ProjectState = demoState, writable: Bool = true, journal: Bool = true, unsaved: Int = 0,
             now: Timestamp = fixedNow) -> Context {
    var counter = 0
    return Context(domain: domain,
                   journal: journal ? JournalInfo(path: "/tmp/demo/saint-flour.seance", writable: writable,
                                                  readOnlyReason: writable ? nil : .requested, unsavedCount: unsaved) : nil,
                   now: now,
                   makeID: { prefix in counter += 1; return "\(prefix)-test\(counter)" })
}

/// Sends keys through `App.update`, collecting the effects.
@discardableResult
func press(_ s: inout AppState, _ keys: [Key], _ ctx: Context) -> [Effect] {
    var effects: [Effect] = []
    for k in keys { effects += App.update(&s, .key(k), ctx) }
    return effects
}

func type(_ text: String) -> [Key] { text.map { .char($0) } }

let snapshotDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots").path

/// Compares a screen with `Snapshots/NAME.txt` (trailing spaces trimmed). A missing file, or
/// SNAPSHOT_RECORD=1, writes it; a missing file also fails the test so it is looked at.
func expectSnapshot(_ grid: Grid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let text = grid.trimmedLines.joined(separator: "\n") + "\n"
    let path = snapshotDir + "/" + name + ".txt"
    let recording = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    guard !recording, let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        try? FileManager.default.createDirectory(atPath: snapshotDir, withIntermediateDirectories: true)
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        if !recording { Issue.record("snapshot \(name) was missing: recorded, check it and commit it", sourceLocation: sourceLocation) }
        return
    }
    if expected != text {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = text.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : "") != (i < a.count ? a[i] : "") {
            diff.append("ligne \(i + 1)\n  attendu : \(i < e.count ? e[i] : "")\n  obtenu  : \(i < a.count ? a[i] : "")")
        }
        let shown: String = Array(diff.prefix(8)).joined(separator: "\n")
        Issue.record("snapshot \(name) differs (SNAPSHOT_RECORD=1 to re-record):\n\(shown)", sourceLocation: sourceLocation)
    }
}
