import Foundation

/// Reads and parses a journal on one thread while the caller folds on another: the two halves
/// of a replay cost about the same, and the machine has two cores. Batches go through a small
/// bounded queue, so at most a few thousand parsed events wait in memory at any time.
enum ReplayPipeline {
    /// Events with their line numbers, and how many bytes of the file were read when it was sent.
    struct Batch {
        var events: [(event: Event, line: Int)] = []
        var bytesRead = 0
    }
    static let batchSize = 2048

    /// Parses `path` on a second thread, handing every event to `fold` on the calling thread,
    /// in order. Returns the parser's findings once the whole file is read.
    static func run(path: String, fold: (Event, Int) -> Void, progress: ((Int) -> Void)? = nil) throws(JournalError) -> ParsedJournal {
        let producer = Producer(path: path)
        let thread = Thread { producer.run() }
        thread.stackSize = 1 << 20
        thread.start()
        while let batch = producer.queue.take() {
            // By index: the events are lent to the fold, not copied (a copy retains every field).
            let events = batch.events
            for i in events.indices { fold(events[i].event, events[i].line) }
            progress?(batch.bytesRead)
        }
        producer.finished.wait()
        if let error = producer.error { throw error }
        return producer.result ?? ParsedJournal()
    }

    /// What the parsing thread owns; read by the caller only after `finished` is signalled.
    private final class Producer: @unchecked Sendable {
        let path: String
        let queue = BoundedQueue<Batch>(capacity: 4)
        let finished = DispatchSemaphore(value: 0)
        var result: ParsedJournal?
        var error: JournalError?

        init(path: String) { self.path = path }

        func run() {
            var batch = Batch()
            batch.events.reserveCapacity(ReplayPipeline.batchSize)
            let queue = self.queue
            do {
                result = try JournalParser.parseFile(path: path, onEvent: { e, line in
                    batch.events.append((e, line))
                    if batch.events.count == ReplayPipeline.batchSize {
                        queue.put(batch)
                        batch.events.removeAll(keepingCapacity: true)
                    }
                }, progress: { batch.bytesRead = $0 })
            } catch {
                self.error = error
            }
            if !batch.events.isEmpty { queue.put(batch) }
            queue.close()
            finished.signal()
        }
    }
}

/// A queue between two threads that makes the writer wait when it is full.
final class BoundedQueue<T>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Taken items are set to nil, so that the taker holds the only reference and frees it
    /// outside the lock.
    private var items: [T?] = []
    private var head = 0
    private var closed = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func put(_ item: T) {
        condition.lock()
        while items.count - head >= capacity { condition.wait() }
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
        while head == items.count {
            if closed { return nil }
            condition.wait()
        }
        let item = items[head]
        items[head] = nil
        head += 1
        if head == items.count { items.removeAll(keepingCapacity: true); head = 0 }
        condition.broadcast()
        return item
    }
}
