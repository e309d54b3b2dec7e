// The benchmarks of docs/performance.md: each figure is printed next to a baseline measured in
// the same run, on the same data. `swift run -c release seance-bench [--events N] [--keys K]`.
import Foundation
import SeanceModel
import SeanceTUI
import ChildProcess

#if canImport(Glibc)
import Glibc
#endif

nonisolated(unsafe) var events = 1_000_000
nonisolated(unsafe) var keystrokes = 2_000
nonisolated(unsafe) var appends = 200
nonisolated(unsafe) var only: String?
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--events": events = Int(args.popFirst() ?? "") ?? events
    case "--keys": keystrokes = Int(args.popFirst() ?? "") ?? keystrokes
    case "--appends": appends = Int(args.popFirst() ?? "") ?? appends
    case "--only": only = args.popFirst()
    case "--charger":
        // The replay in a fresh process, as at the program's start (memory not yet touched):
        // prints seconds, events, the two waits and the peak memory, then exits without
        // freeing the state.
        let path = args.popFirst() ?? ""
        let start = DispatchTime.now().uptimeNanoseconds
        let (loaded, parsed, _) = try! JournalSession.load(path: path)
        let s = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // VmHWM, not ru_maxrss: a spawned child's ru_maxrss counts its parent's memory.
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let hwm = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            .flatMap { Double($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        // The state is kept to the end: a discarded one would be freed before the clock is read.
        withExtendedLifetime(loaded) {
            print(s, parsed.eventCount, parsed.waits?.fold ?? 0, parsed.waits?.parse ?? 0, hwm / 1024)
            exit(0)
        }
    default: print("usage: seance-bench [--events N] [--keys K] [--appends A] [--only rejeu|frappe|recherche|ajout|ecran|import|parts-egales]"); exit(2)
    }
}

/// True for the measures to run (all of them, or the one named by `--only`).
func wants(_ name: String) -> Bool { only == nil || only == name }

/// Prints a line at once (the output may be a file or a pipe).
func say(_ s: String) { var line = s + "\n"; line.withUTF8 { _ = write(1, $0.baseAddress, $0.count) } }

func seconds(_ block: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    block()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func ms(_ s: Double) -> String { String(format: "%.3f ms", s * 1000) }
func rate(_ n: Int, _ s: Double) -> String { String(format: "%.0f/s", Double(n) / s) }
func peakMB() -> Double {
    var u = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
    return Double(u.ru_maxrss) / 1024
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

let dir = NSTemporaryDirectory() + "seance-bench-\(getpid())"
try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: dir) }

// Equal Shares needs no journal: alone, it runs before one is generated.
if only == "parts-egales" {
    equalSharesMeasure()
    say("\nFin des mesures.")
    try? FileManager.default.removeItem(atPath: dir)
    exit(0)
}

func generated(_ n: Int) -> (path: String, bytes: [UInt8]) {
    let path = dir + "/gen-\(n).seance"
    if let kept = try? JournalStorage.readAll(path) { return (path, kept) }
    var bytes: [UInt8] = []
    JournalGenerator(events: n, seed: 7).generate { bytes.append(contentsOf: $0.utf8) }
    try! JournalStorage.createRaw(path, bytes: bytes)
    return (path, bytes)
}

say("seance-bench — \(events) événements, machine : \(ProcessInfo.processInfo.activeProcessorCount) cœurs")
let (bigPath, bigBytes) = generated(events)
say("journal généré : \(bigBytes.count / 1_000_000) Mo")

// 1. Replay: read + parse + fold, against reading the bytes and counting the lines.
var baselineLines = 0
let readOnly = seconds {
    let b = try! JournalStorage.readAll(bigPath)
    b.withUnsafeBufferPointer { p in
        var i = 0
        while let q = memchr(p.baseAddress! + i, 0x0A, p.count - i) {
            baselineLines += 1
            i = p.baseAddress!.distance(to: q.assumingMemoryBound(to: UInt8.self)) + 1
        }
    }
}
var state = ProjectState()
var count = 0
var waits: ParsedJournal.Waits?
let replay = seconds {
    let (s, parsed, _) = try! JournalSession.load(path: bigPath)
    state = s
    count = parsed.eventCount
    waits = parsed.waits
}
// The same replay in a fresh process, as at the program's start: there the state's memory is
// new to the process, where here it reuses what generating the journal freed.
let child = runChild([CommandLine.arguments[0], "--charger", bigPath]).out.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
say("\n[rejeu] \(count) événements")
if child.count == 5 {
    say("        dans un processus neuf (comme au lancement) : \(ms(child[0])) = \(rate(count, child[0])) ; mémoire maximale \(String(format: "%.0f", child[4])) Mo")
    say("        base : lire les octets et compter \(baselineLines) lignes en \(ms(readOnly)) ; rapport \(String(format: "%.1f", child[0] / readOnly))×")
    say("        le repli a attendu l'analyse \(ms(child[2])), l'analyse a attendu le repli \(ms(child[3]))")
}
say("        dans ce processus, après la génération du journal : \(ms(replay)) = \(rate(count, replay))")

/// Times `count` keys on a screen: update, view of a 120×40 screen, and the diff with the last one.
func timeKeys(on screen: Screen, _ st: ProjectState, _ t: Timestamp, count: Int, key: (Int) -> Key) -> [Double] {
    var app = App.initial(.opened(problems: [], tornTail: nil))
    app.screens.append(screen)
    let ctx = Context(domain: st, journal: JournalInfo(path: "/tmp/bench.seance", writable: true), now: t, makeID: { "\($0)-x" })
    var previous = App.view(app, ctx, width: 120, height: 40)
    var times: [Double] = []
    for i in 0..<count {
        let k = key(i)
        times.append(seconds {
            _ = App.update(&app, .key(k), ctx)
            let g = App.view(app, ctx, width: 120, height: 40)
            _ = g.changes(since: previous)
            previous = g
        })
    }
    return times
}

// 1b. Where the replay's time goes: parsing alone; and, in the replay itself (the two halves
// run at once, on two threads), how long each half waited for the other.
if wants("rejeu") {
    var parsedCount = 0
    let parseOnly = seconds { _ = try! JournalParser.parseFile(path: bigPath) { parsedCount += $0.count } }
    say("        détail : lecture et analyse seules de \(parsedCount) événements \(ms(parseOnly))")
    if let w = waits {
        say("        dans ce processus, le repli a attendu l'analyse \(ms(w.fold)), l'analyse a attendu le repli \(ms(w.parse))")
    }
}

if wants("frappe") {
    // 2. A keystroke in the live minutes: update + view + diff, on a small and on the big history.
    func keystrokeTimes(_ domain: ProjectState) -> [Double] {
        var st = domain
        let committee = st.committeeOrder.first!
        let t = Timestamp(epochSeconds: 2_000_000_000, offsetMinutes: 60)
        var rng = SystemRandomNumberGenerator()
        for d in [EventDraft("seance.create", "sea-bench", [("committee", committee), ("date", "2033-05-18"), ("time", "14:00")]),
                  EventDraft("agenda.add", "item-bench", [("seance", "sea-bench"), ("title", "Point de banc d'essai"), ("duration", "30")]),
                  EventDraft("seance.open", "sea-bench", [("time", "14:00")])] {
            _ = st.apply(d.stamped(at: t, id: EventID.make(milliseconds: 0, using: &rng), author: "bench"))
        }
        let text = Array("Le comité valide l'épicerie solidaire « Le Panier » et le centre social. ")
        return timeKeys(on: .meeting(MeetingState(meeting: "sea-bench")), st, t, count: keystrokes) { i in
            i % 200 == 199 ? .ctrl("u") : .char(text[i % text.count])
        }
    }

    let small = try! JournalSession.load(path: generated(1_000).path).0
    let smallTimes = keystrokeTimes(small)
    let bigTimes = keystrokeTimes(state)
    say("\n[frappe, prise de notes] médiane / 99e centile sur \(keystrokes) touches (update + view + diff, 120×40)")
    say("        historique de 1 000 événements : \(ms(percentile(smallTimes, 0.5))) / \(ms(percentile(smallTimes, 0.99)))")
    say("        historique de \(count) événements : \(ms(percentile(bigTimes, 0.5))) / \(ms(percentile(bigTimes, 0.99)))")

    // 3. A keystroke in the ranking grid (criteria mode): moving the selection and typing a score re-rank.
    func rankingTimes(_ domain: ProjectState) -> [Double] {
        var st = domain
        let t = Timestamp(epochSeconds: 2_000_000_000, offsetMinutes: 60)
        var rng = SystemRandomNumberGenerator()
        let committee = st.committeeOrder.first!
        let actions = st.actionOrder
        for d in [EventDraft("seance.create", "sea-rank", [("committee", committee), ("date", "2033-05-18")]),
                  EventDraft("ranking.open", "rnk-bench", [("seance", "sea-rank"), ("actions", actions.joined(separator: ",")), ("method", "weighted")]),
                  EventDraft("ranking.envelope", "rnk-bench", [("amount", "1000000.00")])] {
            _ = st.apply(d.stamped(at: t, id: EventID.make(milliseconds: 0, using: &rng), author: "bench"))
        }
        for (i, a) in actions.enumerated() {
            for c in ["eco", "soc", "env"] {
                _ = st.apply(EventDraft("ranking.score", "rnk-bench", [("action", a), ("criterion", c), ("score", String((i * 7 + c.count) % 11))])
                    .stamped(at: t, id: EventID.make(milliseconds: 0, using: &rng), author: "bench"))
            }
        }
        var rs = RankingState(ranking: "rnk-bench")
        rs.mode = .criteria
        return timeKeys(on: .ranking(rs), st, t, count: min(keystrokes, 1_000)) { i in i % 50 < 25 ? .down : .up }
    }
    let rankSmall = rankingTimes(small), rankBig = rankingTimes(state)
    say("\n[frappe, grille de classement] médiane / 99e centile (\(state.actionOrder.count) fiches sur le gros journal)")
    say("        historique de 1 000 événements (\(small.actionOrder.count) fiches) : \(ms(percentile(rankSmall, 0.5))) / \(ms(percentile(rankSmall, 0.99)))")
    say("        historique de \(count) événements : \(ms(percentile(rankBig, 0.5))) / \(ms(percentile(rankBig, 0.99)))")
}

if wants("recherche") {
    // 4. Search across the whole journal, against touching every note's text once.
    var touched = 0
    let touch = seconds { for n in state.notes.values { touched &+= n.text.utf8.count } }
    var hits = 0
    let searchFirst = seconds { hits = state.search("epicerie solidaire").count }
    let searchAgain = seconds { hits = state.search("chantier insertion").count }
    say("\n[recherche] « epicerie solidaire » : \(hits) résultats ; première recherche \(ms(searchFirst)), suivante \(ms(searchAgain))")
    say("        base : parcourir le texte des \(state.notes.count) notes en \(ms(touch))")
}

if wants("ajout") {
    // 5. Appending one event, synced, in a loop; against write + fdatasync of the same bytes.
    let appendPath = dir + "/append.seance"
    let session = try! JournalSession.create(path: appendPath, events: [])
    _ = session.commit([EventDraft("project.set", "project", [("name", "Banc d'essai")])], author: "bench")
    _ = session.commit([EventDraft("committee.create", "com-b", [("name", "Comité"), ("kind", "technique")])], author: "bench")
    _ = session.commit([EventDraft("seance.create", "sea-b", [("committee", "com-b"), ("date", "2033-05-18")])], author: "bench")
    var appendTimes: [Double] = []
    for i in 0..<appends {
        appendTimes.append(seconds {
            _ = session.commit([EventDraft("note.add", "note-\(i)", [("seance", "sea-b"), ("text", "Ligne \(i) du compte rendu, avec « guillemets » et accents é è à.")])], author: "bench")
        })
    }
    session.close()
    let rawPath = dir + "/raw.txt"
    let fd = open(rawPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
    let line = Array("2033-05-18T14:00:00+02:00\t01HZZZZZZZZZZZZZZZZZZZZZZZ\tbench\tnote.add\tnote-1\tseance=sea-b\ttext=Ligne du compte rendu, avec « guillemets » et accents é è à.\n".utf8)
    var rawTimes: [Double] = []
    for _ in 0..<appends {
        rawTimes.append(seconds { _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }; fdatasync(fd) })
    }
    close(fd)
    say("\n[ajout synchronisé] médiane / 99e centile sur \(appends) ajouts : \(ms(percentile(appendTimes, 0.5))) / \(ms(percentile(appendTimes, 0.99)))")
    say("        base : write + fdatasync des mêmes octets : \(ms(percentile(rawTimes, 0.5))) / \(ms(percentile(rawTimes, 0.99)))")
}

if wants("ecran") {
    // 6. From process start to the first frames, in a real terminal (tmux). The program notes
    // when it handed each frame to the terminal (SEANCE_TRACE_FRAMES, on CLOCK_MONOTONIC); the
    // terminal is not polled meanwhile, since each look starts a tmux client, which on two
    // cores takes a core from the program being timed. The screen is read once at the end to
    // check that the dashboard is there. Baseline: the same program on a 1 000-event journal.
    /// Seconds from launch to the reading screen and to the first screen, and whether the
    /// dashboard was then on tmux's screen.
    func startTimes(_ binary: String, _ journal: String) -> (reading: Double?, screen: Double?, seen: Bool) {
        let session = "bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let trace = dir + "/\(session).trace"
        func tmux(_ a: [String]) -> String { runChild(["tmux", "-L", session, "-f", "/dev/null"] + a).out }
        let command = "env LANG=C.UTF-8 TERM=tmux-256color SEANCE_TRACE_FRAMES=\(trace) \(binary) --journal \(journal)"
        let start = FrameTrace.now()
        _ = tmux(["new-session", "-d", "-s", session, "-x", "120", "-y", "40", command])
        defer { _ = tmux(["kill-server"]); try? FileManager.default.removeItem(atPath: trace) }
        var marks: [FrameTrace.Mark: Int64] = [:]
        while marks[.firstScreen] == nil, Double(FrameTrace.now() - start) < 30e9 {
            usleep(5_000)
            let text = (try? String(contentsOfFile: trace, encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ")
                if parts.count == 2, let m = FrameTrace.Mark(rawValue: String(parts[0])), let t = Int64(parts[1]) { marks[m] = t }
            }
        }
        let seen = marks[.firstScreen] != nil && tmux(["capture-pane", "-p", "-t", session]).contains("Votants")
        func since(_ m: FrameTrace.Mark) -> Double? { marks[m].map { Double($0 - start) / 1e9 } }
        return (since(.reading), since(.firstScreen), seen)
    }
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("seance").path
    if FileManager.default.isExecutableFile(atPath: binary) {
        let smallPath = generated(1_000).path
        func summary(_ journal: String, runs: Int) -> String {
            // A copy per run: the program takes the journal's lock and may set a torn tail aside.
            let results = (0..<runs).map { i -> (reading: Double?, screen: Double?, seen: Bool) in
                let copy = dir + "/start-\(i).seance"
                try? FileManager.default.removeItem(atPath: copy)
                try! FileManager.default.copyItem(atPath: journal, toPath: copy)
                defer { try? FileManager.default.removeItem(atPath: copy) }
                return startTimes(binary, copy)
            }
            let screens = results.compactMap(\.screen).sorted(), readings = results.compactMap(\.reading).sorted()
            guard !screens.isEmpty, !readings.isEmpty else { return "échec" }
            let shown = results.filter(\.seen).count
            return "écran de lecture \(ms(readings[readings.count / 2])), tableau de bord \(ms(screens[screens.count / 2]))"
                + " (médiane de \(runs) ; \(ms(screens.first!))–\(ms(screens.last!)) ; tableau vu dans tmux \(shown)/\(runs))"
        }
        say("\n[premier écran] \(count) événements : \(summary(bigPath, runs: 5))")
        say("        base : le même programme sur 1 000 événements : \(summary(smallPath, runs: 5))")
        // What the dashboard itself costs once the journal is read: its view, 120×40.
        let dashboard = App.initial(.opened(problems: [], tornTail: nil))
        let ctx = Context(domain: state, journal: JournalInfo(path: bigPath, writable: true), now: .now(), makeID: { "\($0)-x" })
        let view = (0..<5).map { _ in seconds { _ = App.view(dashboard, ctx, width: 120, height: 40) } }.min()!
        say("        dont la vue du tableau de bord une fois le journal lu : \(ms(view))")
    } else {
        say("\n[premier écran] binaire seance introuvable à côté de seance-bench : mesure sautée")
    }
}

if wants("import") {
    // 6. Importing the partners' list: 1 000 members from a French Excel CSV (Windows-1252, `;`)
    // and from an XLSX, read, recognised, checked and turned into one batch checked against
    // the state; then the same file again (1 000 unchanged). Baseline: reading the CSV alone.
    var rng = SplitMix64(seed: 16)
    let base = ["Comité de pilotage", "Comité technique Logement", "Comité technique Insertion"].enumerated().map { i, name in
        EventDraft(.committeeCreate, "com-\(i)", [(.name, name), (.kind, i == 0 ? "pilotage" : "technique")])
    }
    var st = ProjectState()
    for (i, d) in base.enumerated() { _ = st.apply(d.stamped(at: .now(), id: EventID.make(milliseconds: Int64(i), using: &rng), author: "bench")) }
    var csv = "Civilité;Nom;Prénom;Organisme;Fonction;Courriel;Téléphone;Comité\r\n"
    var rows: [[CellValue]] = []
    for i in 0..<1_000 {
        let c = ["Comité de pilotage", "Comité technique Logement", "Comité technique Insertion"][i % 3]
        let row = [i % 2 == 0 ? "Mme" : "M.", "NOM\(i)", "Prénom\(i)", "Structure n°\(i % 40) – « Épicerie »", "Chargé·e de mission",
                   "personne\(i)@exemple.fr", "04 71 60 \(String(format: "%02d", i % 100)) 00", c]
        csv += row.joined(separator: ";") + "\r\n"
        rows.append(row.map { CellValue.text($0) })
    }
    let cp = TextDecoding.encodeWindows1252(csv)!
    let xlsx = Spreadsheet.write(SheetTable(name: "Partenaires", columns: ["Civilité", "Nom", "Prénom", "Organisme", "Fonction", "Courriel", "Téléphone", "Comité"], rows: rows),
                                 as: .xlsx, modified: .now())
    var n = 0
    func makeID(_ p: String) -> String { n += 1; return "\(p)-\(n)" }
    func importTime(_ bytes: [UInt8], _ name: String, into state: ProjectState) -> (Double, ImportPlan) {
        var plan: ImportPlan?
        let t = (0..<3).map { _ in seconds {
            let table = try! Spreadsheet.read(bytes, fileName: name)
            plan = Commands.importTable(state, table, ImportOptions(kind: .members), makeID: makeID)
        } }.min()!
        return (t, plan!)
    }
    let (tCSV, plan) = importTime(cp, "partenaires.csv", into: st)
    let (tXLSX, _) = importTime(xlsx, "partenaires.xlsx", into: st)
    var after = st
    for (i, d) in plan.drafts.enumerated() { _ = after.apply(d.stamped(at: .now(), id: EventID.make(milliseconds: Int64(100 + i), using: &rng), author: "bench")) }
    let (tAgain, again) = importTime(cp, "partenaires.csv", into: after)
    let readOnly = (0..<3).map { _ in seconds { _ = try! Spreadsheet.read(cp, fileName: "partenaires.csv") } }.min()!
    say("\n[import] 1 000 membres, CSV Windows-1252 : \(ms(tCSV)) (\(plan.summary), \(plan.drafts.count) événements, problèmes \(plan.problems.count))")
    say("        le même fichier une deuxième fois : \(ms(tAgain)) (\(again.summary))")
    say("        le même en XLSX (\(xlsx.count / 1024) Kio) : \(ms(tXLSX))")
    say("        base : lecture et découpage du CSV seuls \(ms(readOnly))")
}
if wants("parts-egales") { equalSharesMeasure() }

say("\nFin des mesures.")
