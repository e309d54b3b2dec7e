import Foundation
import Testing

@Suite("The benchmarks build and run (small sizes, no time asserted)")
struct BenchmarkSmokeTests {
    @Test("seance-bench runs every measure on a small generated journal")
    func smallRun() throws {
        let bench = URL(fileURLWithPath: seanceBinary).deletingLastPathComponent().appendingPathComponent("seance-bench").path
        let r = try run([bench, "--events", "3000", "--keys", "100", "--appends", "10"])
        #expect(r.code == 0, "\(r.err)")
        for section in ["[rejeu]", "[frappe, prise de notes]", "[frappe, grille de classement]", "[recherche]", "[ajout synchronisé]", "[premier écran]",
                        "[import]", "[parts égales]"] {
            #expect(r.out.contains(section), "section \(section) absente :\n\(r.out)")
        }
        #expect(!r.out.contains("échec"))
        // The start is timed from what the program notes; the screen must then show the dashboard.
        #expect(r.out.components(separatedBy: "tableau vu dans tmux 5/5").count == 3, "\(r.out)")
    }

    @Test("The generator is deterministic and its journal passes check")
    func generator() throws {
        let (dir, _) = try demoCopy()
        let a = dir + "/a.seance", b = dir + "/b.seance", c = dir + "/c.seance"
        #expect(try run([seanceBinary, "generate", "--events", "5000", "--out", a, "--seed", "3"]).code == 0)
        #expect(try run([seanceBinary, "generate", "--events", "5000", "--out", b, "--seed", "3"]).code == 0)
        #expect(try run([seanceBinary, "generate", "--events", "5000", "--out", c, "--seed", "4"]).code == 0)
        let da = try Data(contentsOf: URL(fileURLWithPath: a)), db = try Data(contentsOf: URL(fileURLWithPath: b))
        #expect(da == db)
        #expect(try Data(contentsOf: URL(fileURLWithPath: c)) != da)
        let check = try run([seanceBinary, "check", a])
        #expect(check.code == 0, "\(check.out)")
        #expect(check.out.contains("Aucun problème"))
        #expect(try run([seanceBinary, "generate", "--events", "10", "--out", a]).code == 1)   // never overwrites
    }
}

extension BenchmarkSmokeTests {
    @Test("seance-bench --only parts-egales runs Equal Shares alone, on its generated election")
    func equalSharesAlone() throws {
        let bench = URL(fileURLWithPath: seanceBinary).deletingLastPathComponent().appendingPathComponent("seance-bench").path
        let r = try run([bench, "--only", "parts-egales"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("[parts égales] élection générée"), "\(r.out)")
        #expect(r.out.contains("19 projets, 394 relèvements"), "\(r.out)")
        #expect(!r.out.contains("[rejeu]") && !r.out.contains("échec"))
    }
}
