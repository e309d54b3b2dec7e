import Foundation
import Testing
import ChildProcess

/// The built `seance` binary, next to the test bundle in the build folder.
let seanceBinary: String = {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
    // The test bundle may be a folder (macOS) or a file (Linux): look upward a little.
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("seance").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        dir.deleteLastPathComponent()
    }
    return "seance-introuvable"
}()

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path
let demoJournal = repositoryRoot + "/data/demo/saint-flour.seance"

struct Timeout: Error, CustomStringConvertible {
    var description: String
}

/// Runs a program and returns its exit code and output (see `runChild`).
@discardableResult
func run(_ args: [String], env: [String: String] = [:]) throws -> (code: Int32, out: String, err: String) {
    let r = runChild(args, environment: env)
    if r.code == -1 { throw Timeout(description: r.err) }
    return r
}

/// The real binary in a real terminal: a detached tmux session on a private server.
/// Keys go in with send-keys; the screen comes out as text with capture-pane; waits poll.
final class Terminal {
    /// One tmux server per terminal: a server shared by tests running in parallel exits when its
    /// last session is killed, under the feet of a test starting a new one.
    var socket: String { "seance-e2e-\(getpid())-\(name)" }
    let name: String
    let dir: String
    let exitFile: String

    /// Starts `seance ARGS` in a `width`×`height` terminal, in a fresh private folder.
    init(_ args: [String], width: Int = 100, height: Int = 30, env: [String: String] = [:], dir: String? = nil) throws {
        name = "t\(UInt32.random(in: 0...UInt32.max))"
        if let dir { self.dir = dir } else {
            var template = Array((NSTemporaryDirectory() + "seance-e2e-XXXXXX").utf8CString)
            self.dir = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        }
        exitFile = self.dir + "/exit-\(name)"
        var vars = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "tmux-256color", "HOME": self.dir,
                    "TMPDIR": self.dir + "/", "XDG_DATA_HOME": self.dir + "/data", "SEANCE_AUTHOR": "claire"]
        for (k, v) in env { vars[k] = v }
        let envArgs = vars.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        // The test runner may export NO_COLOR (not a terminal): the program gets it only when a test asks.
        let command = "env -u NO_COLOR \(envArgs) \(Self.quote(seanceBinary)) \(args.map(Self.quote).joined(separator: " ")); echo $? > \(Self.quote(exitFile))"
        try tmux(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), "sh", "-c", command])
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let r = try run(["tmux", "-L", socket, "-f", "/dev/null"] + args)
        if r.code != 0 { throw Timeout(description: "tmux \(args.first ?? "") a échoué : \(r.err)") }
        return r.out
    }

    /// Special keys by tmux name (Enter, Tab, F1, Escape, Down, BSpace…).
    func keys(_ names: String...) throws { try tmux(["send-keys", "-t", name] + names) }

    /// Literal text, typed as is (UTF-8).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    func resize(_ w: Int, _ h: Int) throws { try tmux(["resize-window", "-t", name, "-x", String(w), "-y", String(h)]) }

    /// Polls the screen until it contains `text` (10 s at most).
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? last
            if last.contains(text) { return last }
            usleep(30_000)
        }
        throw Timeout(description: "« \(text) » n'est pas apparu à l'écran en \(timeout) s. Écran :\n\(last)")
    }

    /// Waits for the program to end and returns its exit code.
    func exitCode(timeout: Double = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = try? String(contentsOfFile: exitFile, encoding: .utf8), let code = Int32(s.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return code
            }
            usleep(30_000)
        }
        throw Timeout(description: "le programme ne s'est pas terminé en \(timeout) s")
    }

    /// The pid of the program in the pane (the child of the shell).
    func programPID() throws -> Int32? {
        let shell = try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let r = try run(["pgrep", "-P", shell])
        return r.out.split(separator: "\n").compactMap { Int32($0) }.first
    }

    deinit { _ = try? run(["tmux", "-L", socket, "kill-server"]) }
}

/// A private copy of the demo journal in a new folder.
func demoCopy() throws -> (dir: String, path: String) {
    var template = Array((NSTemporaryDirectory() + "seance-e2e-XXXXXX").utf8CString)
    let dir = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    let path = dir + "/journal.seance"
    try FileManager.default.copyItem(atPath: demoJournal, toPath: path)
    return (dir, path)
}
