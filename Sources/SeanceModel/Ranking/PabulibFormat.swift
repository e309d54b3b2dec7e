/// Pabulib `.pb` files (pabulib.org/format): sections META, PROJECTS and VOTES, each a keyword
/// line, a header row, then `;`-separated rows (`"` quotes a field, `""` is a quote). Read as
/// pabutools reads them; approval ballots only (`vote_type` approval or choose-1).
public enum PabulibFormat {
    public static func parse(_ text: String) throws(RankingFileError) -> ApprovalElection {
        enum Section: String { case meta, projects, votes }
        var section: Section?
        var seen = Set<String>()
        var header: [String]? = nil
        var awaitingHeader = false
        var meta: [MetaField] = []
        var budget: Money?
        var voteTypeSeen = false
        var projects: [BudgetProject] = []
        var projectIndex: [String: Int] = [:]
        var costColumn = 0, nameColumn: Int?, voteColumn = 0
        var voterIDs: [String] = []
        var approvals: [[Int]] = []
        var lastLine = 0

        for (n, raw) in numberedLines(text) {
            lastLine = n
            if raw.trimmedBlanks.isEmpty { continue }
            let row = try fields(raw, line: n)
            let first = row[0].trimmedBlanks.lowercased()
            if let s = Section(rawValue: first), !awaitingHeader {
                guard seen.insert(first).inserted else { throw RankingFileError(line: n, Fr.Ranking.repeatedSection(first.uppercased())) }
                if s == .votes && !seen.contains("projects") { throw RankingFileError(line: n, Fr.Ranking.votesBeforeProjects) }
                section = s
                awaitingHeader = true
                continue
            }
            guard let current = section else { throw RankingFileError(line: n, Fr.Ranking.outsideSection) }
            if awaitingHeader {
                let h = row.map { String($0.trimmedBlanks) }
                awaitingHeader = false
                header = h
                switch current {
                case .meta: break
                case .projects:
                    guard let c = h.firstIndex(of: "cost") else { throw RankingFileError(line: n, Fr.Ranking.missingColumn("cost", "PROJECTS")) }
                    costColumn = c
                    nameColumn = h.firstIndex(of: "name")
                case .votes:
                    guard let v = h.firstIndex(of: "vote") else { throw RankingFileError(line: n, Fr.Ranking.missingColumn("vote", "VOTES")) }
                    voteColumn = v
                }
                continue
            }
            switch current {
            case .meta:
                guard row.count >= 2 else { throw RankingFileError(line: n, Fr.Ranking.metaWithoutValue) }
                let key = String(row[0].trimmedBlanks), value = String(row[1].trimmedBlanks)
                meta.append(MetaField(key, value))
                if key == "budget" {
                    guard let b = parseFileAmount(Substring(value)) else { throw RankingFileError(line: n, Fr.Ranking.badAmount(value)) }
                    budget = b
                }
                if key == "vote_type" {
                    guard value == "approval" || value == "choose-1" else { throw RankingFileError(line: n, Fr.Ranking.unsupportedVoteType(value)) }
                    voteTypeSeen = true
                }
            case .projects:
                let h = header!
                guard row.count == h.count else { throw RankingFileError(line: n, Fr.Ranking.fieldCount(row.count, expected: h.count)) }
                let id = String(row[0].trimmedBlanks)
                guard !id.isEmpty else { throw RankingFileError(line: n, Fr.Ranking.emptyProjectID) }
                guard projectIndex[id] == nil else { throw RankingFileError(line: n, Fr.Ranking.repeatedProject(id)) }
                guard let cost = parseFileAmount(row[costColumn]) else {
                    throw RankingFileError(line: n, Fr.Ranking.badAmount(String(row[costColumn])))
                }
                projectIndex[id] = projects.count
                projects.append(BudgetProject(id: id, cost: cost, name: nameColumn.map { String(row[$0].trimmedBlanks) } ?? ""))
            case .votes:
                let h = header!
                guard row.count == h.count else { throw RankingFileError(line: n, Fr.Ranking.fieldCount(row.count, expected: h.count)) }
                var chosen: [Int] = []
                for part in row[voteColumn].split(separator: ",", omittingEmptySubsequences: false) {
                    let id = part.trimmedBlanks
                    if id.isEmpty { continue }
                    guard let p = projectIndex[String(id)] else { throw RankingFileError(line: n, Fr.Ranking.unknownProject(String(id))) }
                    if !chosen.contains(p) { chosen.append(p) }
                }
                voterIDs.append(String(row[0].trimmedBlanks))
                approvals.append(chosen)
            }
        }
        for s in ["meta", "projects", "votes"] where !seen.contains(s) {
            throw RankingFileError(line: max(lastLine, 1), Fr.Ranking.missingSection(s.uppercased()))
        }
        guard let budget else { throw RankingFileError(line: max(lastLine, 1), Fr.Ranking.missingMeta("budget")) }
        guard voteTypeSeen else { throw RankingFileError(line: max(lastLine, 1), Fr.Ranking.missingMeta("vote_type")) }
        return ApprovalElection(budget: budget, projects: projects, voterIDs: voterIDs, approvals: approvals, meta: meta)
    }

    /// Splits a row on `;`, as Python's csv module: a field that starts with `"` runs to the next
    /// lone `"`, and `""` inside it is a quote.
    static func fields(_ line: Substring, line n: Int) throws(RankingFileError) -> [Substring] {
        var out: [Substring] = []
        var field = ""
        var quoted = false, inQuotes = false, afterQuote = false
        var i = line.startIndex
        while i < line.endIndex {
            let ch = line[i]
            if inQuotes {
                if ch == "\"" {
                    let next = line.index(after: i)
                    if next < line.endIndex && line[next] == "\"" { field.append("\""); i = next } else { inQuotes = false; afterQuote = true }
                } else {
                    field.append(ch)
                }
            } else if ch == ";" {
                out.append(Substring(field)); field = ""; quoted = false; afterQuote = false
            } else if ch == "\"" && field.isEmpty && !quoted && !afterQuote {
                quoted = true; inQuotes = true
            } else {
                field.append(ch)
            }
            i = line.index(after: i)
        }
        if inQuotes { throw RankingFileError(line: n, Fr.Ranking.unclosedQuote) }
        out.append(Substring(field))
        return out
    }

    /// Writes an approval election as a `.pb` file that pabutools reads back. META keeps the lines
    /// read, with num_projects, num_votes, budget and vote_type brought up to date.
    public static func export(_ e: ApprovalElection, description: String = "") -> String {
        var meta = e.meta
        func set(_ key: String, _ value: String) {
            if let i = meta.firstIndex(where: { $0.key == key }) { meta[i].value = value } else { meta.append(MetaField(key, value)) }
        }
        if !meta.contains(where: { $0.key == "description" }) { meta.insert(MetaField("description", description), at: 0) }
        set("num_projects", String(e.projects.count))
        set("num_votes", String(e.voterIDs.count))
        set("budget", fileAmount(e.budget))
        set("vote_type", "approval")
        let votes = e.approvalCounts
        var out = "META\nkey;value\n"
        for m in meta { out += field(m.key) + ";" + field(m.value) + "\n" }
        out += "PROJECTS\nproject_id;cost;votes;name\n"
        for (i, p) in e.projects.enumerated() {
            out += [field(p.id), fileAmount(p.cost), String(votes[i]), field(p.name)].joined(separator: ";") + "\n"
        }
        out += "VOTES\nvoter_id;vote\n"
        for (v, a) in e.approvals.enumerated() {
            out += field(e.voterIDs[v]) + ";" + field(a.map { e.projects[$0].id }.joined(separator: ",")) + "\n"
        }
        return out
    }

    /// A CSV field, quoted when it must be.
    static func field(_ s: String) -> String {
        let flat = String(s.map { $0.isNewline ? " " : $0 })
        let needs = flat.contains(";") || flat.contains("\"") || flat.first == " " || flat.last == " "
        guard needs else { return flat }
        var out = "\""
        for ch in flat { out += ch == "\"" ? "\"\"" : String(ch) }
        return out + "\""
    }
}
