import Foundation
@testable import SeanceModel

/// The shared folder beside the repository: `../../../../shared` from this file, in
/// /work/main/Tests/SeanceModelTests/Ranking/ as in a fresh clone with shared/ beside it.
let rankingSharedDir: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(5)
    return parts.joined(separator: "/") + "/shared"
}()

func rankingFixture(_ relative: String) throws -> String {
    try String(contentsOfFile: rankingSharedDir + "/" + relative, encoding: .utf8)
}

/// A deterministic generator (SplitMix64) for generated profiles.
typealias RankingRandom = SplitMix64

/// A profile from letters: `["ACBED": 5, …]`, candidates A, B, C… in alphabetical order.
func letterProfile(_ ballots: [(String, Int)], candidates: String) -> PreferenceProfile {
    let cands = candidates.map { Candidate(id: String($0), name: String($0)) }
    let index = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1, $0) })
    return try! PreferenceProfile(candidates: cands, ballots: ballots.map { order, n in
        Ballot(order: order.map { index[$0]! }, count: n)
    })
}

/// Ids of a ranking's tiers: `[["E"], ["A", "C"]]`.
func tierIDs(_ r: RankingResult, _ p: PreferenceProfile) -> [[String]] {
    r.tiers.map { $0.map { p.candidates[$0].id } }
}

func orderIDs(_ r: RankingResult, _ p: PreferenceProfile) -> String {
    r.order.map { p.candidates[$0].id }.joined()
}

/// A random profile: `n` candidates, `voters` ballots; with `ties`, weak orders that may leave
/// candidates out; otherwise strict complete orders. Mallows-like: each ballot is a noisy copy
/// of a reference order, so that Condorcet winners are common.
func randomProfile(_ rng: inout RankingRandom, candidates n: Int, voters: Int, ties: Bool) -> PreferenceProfile {
    let cands = (0..<n).map { Candidate(id: "c\($0)", name: "Action \($0)") }
    let reference = Array(0..<n).shuffled(using: &rng)
    var ballots: [Ballot] = []
    for _ in 0..<voters {
        var order = reference
        for _ in 0..<Int.random(in: 0...n, using: &rng) {
            let i = Int.random(in: 0..<n, using: &rng)
            let j = min(n - 1, i + Int.random(in: 1...3, using: &rng))
            order.swapAt(i, j)
        }
        if !ties {
            ballots.append(Ballot(order: order))
            continue
        }
        let kept = Int.random(in: 0...n, using: &rng)
        var tiers: [[Int]] = []
        for c in order.prefix(kept) {
            if !tiers.isEmpty && Int.random(in: 0..<4, using: &rng) == 0 { tiers[tiers.count - 1].append(c) } else { tiers.append([c]) }
        }
        ballots.append(Ballot(tiers: tiers))
    }
    return try! PreferenceProfile(candidates: cands, ballots: ballots)
}
