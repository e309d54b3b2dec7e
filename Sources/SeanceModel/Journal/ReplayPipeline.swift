import Foundation

/// Reads and parses a journal on one thread while the caller folds on another: the two halves
/// of a replay cost about the same, and the machine has two cores. Blocks of events
/// (`EventBlock`) go through a small bounded queue, so at most a few thousand parsed events wait
/// in memory at any time.
enum ReplayPipeline {
    /// Parses `path` on a second thread while the calling thread folds its events into `state`,
    /// in order. Returns the parser's findings once the whole file is read.
    static func run(path: String, into state: inout ProjectState, problems: inout [Problem],
                    progress: ((Int) -> Void)? = nil) throws(JournalError) -> ParsedJournal {
        let producer = Producer(path: path)
        let thread = Thread { producer.run() }
        thread.stackSize = 1 << 20
        thread.start()
        while let block = producer.queue.take() {
            state.apply(block, problems: &problems)
            progress?(block.bytesRead)
        }
        producer.finished.wait()
        if let error = producer.error { throw error }
        var result = producer.result ?? ParsedJournal()
        result.waits = ParsedJournal.Waits(fold: Double(producer.queue.takeWaitNanos) / 1e9,
                                           parse: Double(producer.queue.putWaitNanos) / 1e9)
        return result
    }

    /// What the parsing thread owns; read by the caller only after `finished` is signalled.
    private final class Producer: @unchecked Sendable {
        let path: String
        let queue = BoundedQueue<EventBlock>(capacity: 4)
        let finished = DispatchSemaphore(value: 0)
        var result: ParsedJournal?
        var error: JournalError?

        init(path: String) { self.path = path }

        func run() {
            let queue = self.queue
            do {
                result = try JournalParser.parseFile(path: path, onBlock: { queue.put($0) })
            } catch {
                self.error = error
            }
            queue.close()
            finished.signal()
        }
    }
}

/// A queue between two threads that makes the writer wait when it is full.
final class BoundedQueue<T>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Taken items are set to nil, so that the taker holds the only reference.
    private var items: [T?] = []
    private var head = 0
    private var closed = false
    private let capacity: Int
    /// How long the writer waited for room, and the taker for an item.
    private(set) var putWaitNanos: UInt64 = 0, takeWaitNanos: UInt64 = 0

    init(capacity: Int) { self.capacity = capacity }

    func put(_ item: T) {
        condition.lock()
        if items.count - head >= capacity {
            let start = DispatchTime.now().uptimeNanoseconds
            while items.count - head >= capacity { condition.wait() }
            putWaitNanos += DispatchTime.now().uptimeNanoseconds - start
        }
        items.append(item)
        condition.broadcast()
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next item, or nil once the queue is closed and empty.
    func take() -> T? {
        condition.lock()
        defer { condition.unlock() }
        if head == items.count && !closed {
            let start = DispatchTime.now().uptimeNanoseconds
            while head == items.count && !closed { condition.wait() }
            takeWaitNanos += DispatchTime.now().uptimeNanoseconds - start
        }
        if head == items.count { return nil }
        let item = items[head]
        items[head] = nil
        head += 1
        if head == items.count { items.removeAll(keepingCapacity: true); head = 0 }
        condition.broadcast()
        return item
    }
}
