/// What to do, filling down a ranking, with an action that no longer fits in the envelope.
public enum EnvelopePolicy: String, Sendable, CaseIterable {
    /// Skip it and try the next ones (the default, as pabutools' greedy).
    case skipAndContinue = "skip"
    /// Stop there: nothing below it is funded.
    case stopAtFirstMisfit = "stop"
}

/// The budget line drawn down an agreed ranking.
public struct EnvelopeCut: Sendable, Equatable {
    public var envelope: Money
    public var policy: EnvelopePolicy
    /// The ranking's linear order, as given.
    public var order: [Int]
    /// Cumulative cost down `order` (of every action, funded or not), for the « coût cumulé » column.
    public var cumulative: [Money]
    /// Per position in `order`: funded or not.
    public var funded: [Bool]
    /// The position in `order` of the first action whose cumulative cost passes the envelope.
    public var cutPosition: Int?
    /// The funded actions, in ranking order.
    public var selected: [Int]
    public var total: Money
    public var remaining: Money { envelope - total }
}

extension EnvelopeCut {
    /// Fills `order` down the envelope: `costs[i]` is the cost of action i.
    public init(order: [Int], costs: [Money], envelope: Money, policy: EnvelopePolicy = .skipAndContinue) {
        self.envelope = envelope
        self.policy = policy
        self.order = order
        cumulative = []
        funded = []
        selected = []
        cutPosition = nil
        total = .zero
        var running = Money.zero
        var stopped = false
        for (pos, a) in order.enumerated() {
            running += costs[a]
            cumulative.append(running)
            if cutPosition == nil && envelope < running { cutPosition = pos }
            let fits = !stopped && !(envelope < total + costs[a])
            if fits {
                total += costs[a]
                selected.append(a)
            } else if policy == .stopAtFirstMisfit {
                stopped = true
            }
            funded.append(fits)
        }
    }
}
