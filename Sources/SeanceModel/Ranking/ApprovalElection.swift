/// A project of a participatory-budget election (a Pabulib PROJECTS row).
public struct BudgetProject: Hashable, Sendable {
    public var id: String
    public var cost: Money
    public var name: String

    public init(id: String, cost: Money, name: String = "") {
        self.id = id
        self.cost = cost
        self.name = name
    }
}

/// A `key;value` line of a Pabulib META section, kept in file order.
public struct MetaField: Hashable, Sendable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// An election with approval ballots and costs: who approves which project, and the budget.
public struct ApprovalElection: Sendable, Equatable {
    public var budget: Money
    public var projects: [BudgetProject]
    public var voterIDs: [String]
    /// Per voter, the indices of the projects approved (each once, in the order given).
    public var approvals: [[Int]]
    /// The META lines as read (budget and vote_type among them), for export.
    public var meta: [MetaField]

    public init(budget: Money, projects: [BudgetProject], voterIDs: [String], approvals: [[Int]], meta: [MetaField] = []) {
        precondition(voterIDs.count == approvals.count)
        self.budget = budget
        self.projects = projects
        self.voterIDs = voterIDs
        self.approvals = approvals
        self.meta = meta
    }

    /// Number of approvals per project.
    public var approvalCounts: [Int] {
        var c = [Int](repeating: 0, count: projects.count)
        for a in approvals { for p in a { c[p] += 1 } }
        return c
    }

    public func cost(of selection: [Int]) -> Money {
        selection.reduce(Money.zero) { $0 + projects[$1].cost }
    }
}

/// How ties between projects are broken in greedy and Equal Shares (`--tie-break`).
public enum BudgetTieBreak: String, Sendable, CaseIterable {
    /// By project id compared as text, code point by code point (« F10 » before « F2 »):
    /// pabutools' default, so it is ours.
    case lexicographic = "lexico"
    /// By project id with its numbers compared as numbers (« F2 » before « F10 »).
    case natural
    /// The cheaper project first, then `lexico`.
    case minCost = "min-cost"
    /// The dearer project first, then `lexico`.
    case maxCost = "max-cost"
    /// The project listed first in the file (or on screen) first.
    case listOrder = "list"

    public var cliName: String { rawValue }
    public var frenchDescription: String { Fr.Ranking.budgetTieBreak(self) }

    /// Project index → place in the tie order (0 is preferred).
    func positions(_ projects: [BudgetProject]) -> [Int] {
        let ids = projects.map { Array($0.id.unicodeScalars.map(\.value)) }
        let order = (0..<projects.count).sorted { a, b in
            switch self {
            case .lexicographic: break
            case .natural:
                let c = BudgetTieBreak.naturalCompare(projects[a].id, projects[b].id)
                if c != 0 { return c < 0 }
            case .minCost: if projects[a].cost != projects[b].cost { return projects[a].cost < projects[b].cost }
            case .maxCost: if projects[a].cost != projects[b].cost { return projects[b].cost < projects[a].cost }
            case .listOrder: return a < b
            }
            if ids[a] != ids[b] { return ids[a].lexicographicallyPrecedes(ids[b]) }
            return a < b
        }
        var pos = [Int](repeating: 0, count: projects.count)
        for (i, p) in order.enumerated() { pos[p] = i }
        return pos
    }

    /// Compares runs of digits by value and other runs code point by code point.
    static func naturalCompare(_ a: String, _ b: String) -> Int {
        func runs(_ s: String) -> [(digits: Bool, scalars: [UInt32])] {
            var out: [(Bool, [UInt32])] = []
            for u in s.unicodeScalars {
                let d = u.value >= 48 && u.value <= 57
                if let last = out.last, last.0 == d { out[out.count - 1].1.append(u.value) } else { out.append((d, [u.value])) }
            }
            return out
        }
        let ra = runs(a), rb = runs(b)
        for (x, y) in zip(ra, rb) {
            if x.digits && y.digits {
                let xs = Array(x.scalars.drop { $0 == 48 }), ys = Array(y.scalars.drop { $0 == 48 })
                if xs.count != ys.count { return xs.count < ys.count ? -1 : 1 }
                if xs != ys { return xs.lexicographicallyPrecedes(ys) ? -1 : 1 }
            } else if x.scalars != y.scalars {
                return x.scalars.lexicographicallyPrecedes(y.scalars) ? -1 : 1
            }
        }
        return ra.count == rb.count ? 0 : (ra.count < rb.count ? -1 : 1)
    }
}
