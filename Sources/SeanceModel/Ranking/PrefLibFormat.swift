/// The four PrefLib ordinal data types.
public enum PrefLibKind: String, Sendable, CaseIterable {
    /// Strict, complete orders.
    case soc
    /// Strict orders, candidates may be left out.
    case soi
    /// Orders with ties, complete.
    case toc
    /// Orders with ties, candidates may be left out.
    case toi

    public var allowsTies: Bool { self == .toc || self == .toi }
    public var mustBeComplete: Bool { self == .soc || self == .toc }

    /// The kind named by a file name's extension (`vote.soi` → `.soi`).
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        self.init(rawValue: fileName[fileName.index(after: dot)...].lowercased())
    }
}

/// PrefLib ordinal files (current format, 2022): `# KEY: value` header lines, then one line per
/// distinct order, `count: 1,3,{2,4}` (braces hold a tie).
public enum PrefLibFormat {
    /// Reads a file. `kind` (from the file name) is used when the header has no `# DATA TYPE`.
    /// Candidates get the alternative numbers as ids and are listed in header order.
    public static func parse(_ text: String, kind: PrefLibKind? = nil) throws(RankingFileError) -> PreferenceProfile {
        let lines = numberedLines(text)
        var dataType = kind
        var declaredAlternatives: (count: Int, line: Int)?
        var declaredVoters: (count: Int, line: Int)?
        var names: [(number: Int, name: String)] = []
        var ballotLines: [(number: Int, text: Substring)] = []
        for (n, raw) in lines {
            let line = raw.trimmedBlanks
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                if !ballotLines.isEmpty { throw RankingFileError(line: n, Fr.Ranking.headerAfterBallots) }
                guard let colon = line.firstIndex(of: ":") else { continue }
                let key = line[line.index(after: line.startIndex)..<colon].trimmedBlanks.uppercased()
                let value = line[line.index(after: colon)...].trimmedBlanks
                switch key {
                case "DATA TYPE":
                    guard let k = PrefLibKind(rawValue: value.lowercased()) else {
                        throw RankingFileError(line: n, Fr.Ranking.unknownDataType(String(value)))
                    }
                    dataType = k
                case "NUMBER ALTERNATIVES":
                    guard let c = Int(value), c >= 0 else { throw RankingFileError(line: n, Fr.Ranking.badNumber(String(value))) }
                    declaredAlternatives = (c, n)
                case "NUMBER VOTERS":
                    guard let c = Int(value), c >= 0 else { throw RankingFileError(line: n, Fr.Ranking.badNumber(String(value))) }
                    declaredVoters = (c, n)
                case let k where k.hasPrefix("ALTERNATIVE NAME"):
                    let numberText = k.dropFirst("ALTERNATIVE NAME".count).trimmedBlanks
                    guard let number = Int(numberText), number >= 0 else {
                        throw RankingFileError(line: n, Fr.Ranking.badAlternativeNumber(String(numberText)))
                    }
                    if names.contains(where: { $0.number == number }) {
                        throw RankingFileError(line: n, Fr.Ranking.repeatedAlternative(number))
                    }
                    names.append((number, String(value)))
                default: continue
                }
            } else {
                ballotLines.append((n, line))
            }
        }
        if names.isEmpty {
            guard let d = declaredAlternatives else { throw RankingFileError(line: 1, Fr.Ranking.noAlternatives) }
            names = (0..<d.count).map { ($0 + 1, String($0 + 1)) }
        } else if let d = declaredAlternatives, d.count != names.count {
            throw RankingFileError(line: d.line, Fr.Ranking.alternativeCountMismatch(declared: d.count, named: names.count))
        }
        var indexOf: [Int: Int] = [:]
        for (i, a) in names.enumerated() { indexOf[a.number] = i }
        let candidates = names.map { Candidate(id: String($0.number), name: $0.name) }

        var ballots: [Ballot] = []
        var total = 0
        for (n, line) in ballotLines {
            var b = try parseBallot(line, line: n, indexOf: indexOf)
            if let k = dataType {
                if !k.allowsTies && b.hasTies { throw RankingFileError(line: n, Fr.Ranking.tiesNotAllowed(k.rawValue)) }
                if k.mustBeComplete && b.rankedCount != candidates.count {
                    throw RankingFileError(line: n, Fr.Ranking.incompleteNotAllowed(k.rawValue, ranked: b.rankedCount, of: candidates.count))
                }
            }
            b.tiers = b.tiers.filter { !$0.isEmpty }
            total += b.count
            ballots.append(b)
        }
        if let d = declaredVoters, d.count != total {
            throw RankingFileError(line: d.line, Fr.Ranking.voterCountMismatch(declared: d.count, counted: total))
        }
        do {
            return try PreferenceProfile(candidates: candidates, ballots: ballots)
        } catch {
            throw RankingFileError(line: 1, Fr.Ranking.invalidProfile)
        }
    }

    /// `3: 1,{2,4},3` → three members, candidate 1 first, 2 and 4 tied second, 3 last.
    static func parseBallot(_ text: Substring, line n: Int, indexOf: [Int: Int]) throws(RankingFileError) -> Ballot {
        guard let colon = text.firstIndex(of: ":") else { throw RankingFileError(line: n, Fr.Ranking.ballotWithoutColon) }
        let countText = text[..<colon].trimmedBlanks
        guard let count = Int(countText), count >= 1 else { throw RankingFileError(line: n, Fr.Ranking.badBallotCount(String(countText))) }
        let body = text[text.index(after: colon)...].filter { $0 != " " && $0 != "\t" }
        var tiers: [[Int]] = []
        var seen = Set<Int>()
        var inBraces = false
        var current: [Int] = []
        var token = ""
        func endToken() throws(RankingFileError) {
            guard !token.isEmpty else { return }
            guard let number = Int(token) else { throw RankingFileError(line: n, Fr.Ranking.badAlternativeNumber(token)) }
            guard let index = indexOf[number] else { throw RankingFileError(line: n, Fr.Ranking.unknownAlternative(number)) }
            guard seen.insert(index).inserted else { throw RankingFileError(line: n, Fr.Ranking.alternativeTwice(number)) }
            if inBraces { current.append(index) } else { tiers.append([index]) }
            token = ""
        }
        for ch in body {
            switch ch {
            case "{":
                guard !inBraces, token.isEmpty else { throw RankingFileError(line: n, Fr.Ranking.badBraces) }
                inBraces = true
            case "}":
                guard inBraces else { throw RankingFileError(line: n, Fr.Ranking.badBraces) }
                try endToken()
                guard !current.isEmpty else { throw RankingFileError(line: n, Fr.Ranking.emptyBraces) }
                tiers.append(current)
                current = []
                inBraces = false
            case ",":
                try endToken()
            default:
                token.append(ch)
            }
        }
        if inBraces { throw RankingFileError(line: n, Fr.Ranking.badBraces) }
        try endToken()
        return Ballot(tiers: tiers, count: count)
    }

    /// Writes a profile in the current PrefLib format. Identical ballots are merged, most
    /// frequent first. Alternative numbers are the candidates' ids when they are all distinct
    /// whole numbers (a file read back keeps its numbers), else 1…n in list order.
    ///
    /// `.toc` and `.toi` write every ballot; `.toc` adds the candidates a ballot left out as a
    /// last tie, which is how they count anyway, so the pairwise matrix is unchanged. `.soi`
    /// drops that last tie; it refuses a ballot with any other tie (`.soc` with any tie or gap).
    public static func export(_ profile: PreferenceProfile, as kind: PrefLibKind, title: String = "") throws(RankingExportError) -> String {
        let cands = profile.candidates
        let ids = cands.compactMap { Int($0.id) }
        let numbers = ids.count == cands.count && Set(ids).count == ids.count && ids.allSatisfy({ $0 >= 0 })
            ? ids : (0..<cands.count).map { $0 + 1 }
        var merged: [[[Int]]: Int] = [:]
        var firstSeen: [[[Int]]] = []
        for (i, b) in profile.ballots.enumerated() {
            var tiers = b.tiers
            let left = (0..<cands.count).filter { c in !tiers.contains { $0.contains(c) } }
            switch kind {
            case .toc:
                if !left.isEmpty { tiers.append(left) }
            case .toi:
                break
            case .soi:
                if let last = tiers.last, last.count > 1, left.isEmpty { tiers.removeLast() }
            case .soc:
                if !left.isEmpty { tiers.append(left) }
            }
            if !kind.allowsTies && tiers.contains(where: { $0.count > 1 }) { throw RankingExportError(kind: kind, ballot: i) }
            if merged[tiers] == nil { firstSeen.append(tiers) }
            merged[tiers, default: 0] += b.count
        }
        let orders = firstSeen.enumerated().sorted { a, b in
            let ca = merged[a.element]!, cb = merged[b.element]!
            return ca != cb ? ca > cb : a.offset < b.offset
        }.map(\.element)
        func clean(_ s: String) -> String { String(s.map { $0.isNewline ? " " : $0 }) }
        var out = "# FILE NAME: \n# TITLE: \(clean(title))\n# DESCRIPTION: \n# DATA TYPE: \(kind.rawValue)\n"
        out += "# MODIFICATION TYPE: original\n# RELATES TO: \n# RELATED FILES: \n# PUBLICATION DATE: \n# MODIFICATION DATE: \n"
        out += "# NUMBER ALTERNATIVES: \(cands.count)\n# NUMBER VOTERS: \(profile.voterCount)\n# NUMBER UNIQUE ORDERS: \(orders.count)\n"
        for (i, c) in cands.enumerated() { out += "# ALTERNATIVE NAME \(numbers[i]): \(clean(c.name))\n" }
        for o in orders {
            let body = o.map { t in t.count == 1 ? String(numbers[t[0]]) : "{" + t.map { String(numbers[$0]) }.joined(separator: ",") + "}" }
            out += "\(merged[o]!): " + body.joined(separator: ",") + "\n"
        }
        return out
    }
}

/// A profile that cannot be written in the asked PrefLib kind: its ballot (from 0) has ties
/// (or, for `.soc`, leaves several candidates out).
public struct RankingExportError: Error, Equatable, Sendable, CustomStringConvertible {
    public var kind: PrefLibKind
    public var ballot: Int

    public var description: String { Fr.Ranking.exportTies(kind.rawValue, ballot: ballot + 1) }
}
