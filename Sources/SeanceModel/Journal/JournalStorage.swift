import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What can go wrong with the journal on disk, each with a French explanation.
public enum JournalError: Error, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, errno: Int32)
    case cannotCreate(path: String, errno: Int32)
    case alreadyExists(path: String)
    case locked(path: String, holder: LockHolder?)
    case lockFailed(path: String, errno: Int32)
    case writeFailed(path: String, errno: Int32)
    case syncFailed(path: String, errno: Int32)
    /// An earlier write or sync failed: nothing more is written to this file.
    case writerStopped(path: String)
    case readOnly(path: String)
    /// The file written to is no longer the journal under its name: removed, renamed, or its
    /// folder gone (a USB stick pulled out, a network share lost).
    case fileGone(path: String)
    /// The journal cannot be opened for writing (read-only file system, immutable file, no right).
    case notWritable(path: String, errno: Int32)

    public var description: String { Fr.journalError(self) }
}

/// Who holds the journal's lock, as written in the lock file.
public struct LockHolder: Equatable, Sendable {
    public var pid: Int32
    public var host: String
    public var since: String
}

/// Low-level file operations of the journal: creation, exclusive lock, durable appends,
/// torn-tail repair, reading. Every sync that returns is a promise kept to the secretary.
public enum JournalStorage {
    public static func lockPath(for journal: String) -> String { journal + ".lock" }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// The size of a regular file, nil when it cannot be read.
    public static func size(_ path: String) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(st.st_size)
    }

    /// Reads the whole file.
    public static func readAll(_ path: String) throws(JournalError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let e = errno
            throw e == ENOENT ? .notFound(path: path) : .unreadable(path: path, errno: e)
        }
        defer { close(fd) }
        return try readAll(fd: fd, path: path)
    }

    /// Reads a file in chunks of `size` bytes, handing each to `body` (the last one may be short);
    /// `onSize` is first told the file's size, as the open file says it.
    public static func readChunks(_ path: String, size: Int = 4 << 20, onSize: (Int) -> Void = { _ in },
                                  _ body: (UnsafeBufferPointer<UInt8>) -> Void) throws(JournalError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let e = errno
            throw e == ENOENT ? .notFound(path: path) : .unreadable(path: path, errno: e)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .unreadable(path: path, errno: errno) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path: path, errno: EISDIR) }
        onSize(Int(st.st_size))
        var buffer = [UInt8](repeating: 0, count: size)
        while true {
            let r = buffer.withUnsafeMutableBytes { p in read(fd, p.baseAddress!, p.count) }
            if r < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, errno: errno)
            }
            if r == 0 { break }
            buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<r])) }
        }
    }

    /// Reads everything an open file holds, from its start (whatever the descriptor's offset).
    public static func readAll(fd: Int32, path: String) throws(JournalError) -> [UInt8] {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .unreadable(path: path, errno: errno) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path: path, errno: EISDIR) }
        var data = [UInt8](repeating: 0, count: Int(st.st_size))
        var got = 0
        while true {
            if got == data.count { data.append(contentsOf: [UInt8](repeating: 0, count: 65536)) }
            let r = data.withUnsafeMutableBytes { p in pread(fd, p.baseAddress! + got, p.count - got, off_t(got)) }
            if r < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, errno: errno)
            }
            if r == 0 { break }
            got += r
        }
        data.removeSubrange(got...)
        return data
    }

    /// The folder that holds `path`.
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let d = String(path[..<slash])
        return d.isEmpty ? "/" : d
    }

    static func fsyncDirectory(_ dir: String) {
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { _ = fsync(fd); close(fd) }
    }

    /// Creates the missing folders of `dir`, mode 0700 whatever the umask.
    public static func makeDirectories(_ dir: String) throws(JournalError) {
        if exists(dir) { return }
        let parent = directory(of: dir)
        if parent != dir && !exists(parent) { try makeDirectories(parent) }
        if mkdir(dir, 0o700) != 0 && errno != EEXIST { throw .cannotCreate(path: dir, errno: errno) }
        _ = chmod(dir, 0o700)
        fsyncDirectory(parent)
    }

    /// Writes a new journal file holding the header and `events`, durably. Fails if it exists.
    public static func create(_ path: String, events: [Event] = []) throws(JournalError) {
        try makeDirectories(directory(of: path))
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 {
            let e = errno
            throw e == EEXIST ? .alreadyExists(path: path) : .cannotCreate(path: path, errno: e)
        }
        _ = fchmod(fd, 0o600)
        var text = JournalParser.header
        for e in events { text += e.line }
        let bytes = Array(text.utf8)
        do throws(JournalError) {
            try writeAll(fd, bytes, path: path)
            if fsync(fd) != 0 { throw JournalError.syncFailed(path: path, errno: errno) }
        } catch {
            close(fd)
            unlink(path)
            throw error
        }
        close(fd)
        fsyncDirectory(directory(of: path))
    }

    /// Writes a new file with exactly these bytes, durably: mode 0600 for a copy of a journal;
    /// a document made to be shared (`shared`) gets the user's usual permissions (umask).
    /// Written under a temporary name and renamed once synced: a failure (disk full, folder
    /// gone) leaves nothing behind, so trying again is not told the file already exists.
    public static func createRaw(_ path: String, bytes: [UInt8], shared: Bool = false) throws(JournalError) {
        if exists(path) { throw .alreadyExists(path: path) }
        let temp = path + ".tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, shared ? 0o666 : 0o600)
        if fd < 0 {
            let e = errno
            throw .cannotCreate(path: path, errno: e)
        }
        if !shared { _ = fchmod(fd, 0o600) }
        do throws(JournalError) {
            try writeAll(fd, bytes, path: path)
            if fsync(fd) != 0 { throw JournalError.syncFailed(path: path, errno: errno) }
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        close(fd)
        // Checked again just before: another program may have made the file meanwhile.
        if exists(path) { unlink(temp); throw .alreadyExists(path: path) }
        if rename(temp, path) != 0 {
            let e = errno
            unlink(temp)
            throw .cannotCreate(path: path, errno: e)
        }
        fsyncDirectory(directory(of: path))
    }

    /// Whether the open file `fd` is still the file named `path`: linked in its folder, and the
    /// same file (device and inode) as the name designates now.
    static func isStillNamed(fd: Int32, path: String) -> Bool {
        var open = stat(), named = stat()
        guard fstat(fd, &open) == 0, open.st_nlink > 0, stat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(JournalError) {
        var done = 0
        while done < bytes.count {
            let r = bytes.withUnsafeBytes { p in write(fd, p.baseAddress! + done, p.count - done) }
            if r < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: path, errno: errno)
            }
            done += r
        }
    }

    /// Sets the torn fragment aside in `JOURNAL.torn-YYYYMMDD-HHMMSS` (synced), then cuts the
    /// journal back to its last good line. Returns the side file's path.
    public static func setAsideTornTail(_ tail: TornTail, journal: String, now: Timestamp) throws(JournalError) -> String {
        let stamp = now.journalValue.prefix(19).replacingOccurrences(of: "-", with: "")
            .replacingOccurrences(of: ":", with: "").replacingOccurrences(of: "T", with: "-")
        var side = journal + ".torn-" + stamp
        var n = 1
        while exists(side) { n += 1; side = journal + ".torn-" + stamp + "-\(n)" }
        let sfd = open(side, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if sfd < 0 { throw .cannotCreate(path: side, errno: errno) }
        _ = fchmod(sfd, 0o600)
        do throws(JournalError) {
            try writeAll(sfd, tail.bytes, path: side)
            if fsync(sfd) != 0 { throw JournalError.syncFailed(path: side, errno: errno) }
        } catch { close(sfd); throw error }
        close(sfd)
        fsyncDirectory(directory(of: side))
        let fd = open(journal, O_WRONLY | O_CLOEXEC)
        if fd < 0 { throw .writeFailed(path: journal, errno: errno) }
        defer { close(fd) }
        if ftruncate(fd, off_t(tail.offset)) != 0 { throw .writeFailed(path: journal, errno: errno) }
        if fsync(fd) != 0 { throw .syncFailed(path: journal, errno: errno) }
        return side
    }

    static func hostName() -> String {
        var buf = [CChar](repeating: 0, count: 256)
        if gethostname(&buf, 255) != 0 { return "?" }
        return String(decoding: buf.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Reads who holds the lock of `journal`, if the lock file says.
    public static func lockHolder(of journal: String) -> LockHolder? {
        guard let bytes = try? readAll(lockPath(for: journal)) else { return nil }
        var pid: Int32 = 0, host = "", since = ""
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("pid=") { pid = Int32(line.dropFirst(4)) ?? 0 }
            if line.hasPrefix("host=") { host = String(line.dropFirst(5)) }
            if line.hasPrefix("since=") { since = String(line.dropFirst(6)) }
        }
        return pid == 0 ? nil : LockHolder(pid: pid, host: host, since: since)
    }
}

/// The exclusive right to write a journal, held while the value lives (a `flock` on `JOURNAL.lock`).
public final class JournalLock {
    public let journal: String
    private var fd: Int32

    /// Takes the lock or throws `.locked` with who holds it.
    public init(journal: String, now: Timestamp = .now()) throws(JournalError) {
        self.journal = journal
        let path = JournalStorage.lockPath(for: journal)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 { throw .lockFailed(path: path, errno: errno) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let e = errno
            close(fd)
            if e == EWOULDBLOCK { throw .locked(path: journal, holder: JournalStorage.lockHolder(of: journal)) }
            throw .lockFailed(path: path, errno: e)
        }
        _ = fchmod(fd, 0o600)
        let info = "pid=\(getpid())\nhost=\(JournalStorage.hostName())\nsince=\(now.journalValue)\n"
        _ = ftruncate(fd, 0)
        _ = try? JournalStorage.writeAll(fd, Array(info.utf8), path: path)
        _ = fsync(fd)
        self.fd = fd
    }

    public func release() {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}

/// Appends events to a journal, durably: one `write` of whole lines, then `fdatasync`.
/// After a failure it refuses every later append: the caller keeps the events in memory and
/// writes them all to a new file (see `JournalStorage.create(_:events:)`).
public final class JournalAppender {
    public let path: String
    private var fd: Int32
    public private(set) var stopped: JournalError?

    public init(path: String) throws(JournalError) {
        self.path = path
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        if fd < 0 { throw .notWritable(path: path, errno: errno) }
        _ = fchmod(fd, 0o600)
        self.fd = fd
    }

    /// Test hook: makes the next sync fail as a full disk would.
    public var failNextWrite: Int32? = nil

    public func append(_ events: [Event]) throws(JournalError) {
        if stopped != nil { throw .writerStopped(path: path) }
        if events.isEmpty { return }
        var text = ""
        for e in events { text += e.line }
        let bytes = Array(text.utf8)
        var st = stat()
        let sizeBefore: off_t = fstat(fd, &st) == 0 ? st.st_size : -1
        do throws(JournalError) {
            if let e = failNextWrite { failNextWrite = nil; throw JournalError.writeFailed(path: path, errno: e) }
            try JournalStorage.writeAll(fd, bytes, path: path)
            if fdatasync(fd) != 0 { throw JournalError.syncFailed(path: path, errno: errno) }
            // Synced to a file nobody can find again is not saved: the line would be lost at exit.
            if !JournalStorage.isStillNamed(fd: fd, path: path) { throw JournalError.fileGone(path: path) }
        } catch {
            // Never retried: a second sync may "succeed" after the kernel dropped the data.
            stopped = error
            if sizeBefore >= 0 { _ = ftruncate(fd, sizeBefore) }
            throw error
        }
    }

    public func close() {
        if fd >= 0 { _ = Glibc.close(fd); fd = -1 }
    }

    deinit { close() }
}
