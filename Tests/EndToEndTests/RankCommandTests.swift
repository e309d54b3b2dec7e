import Foundation
import Testing

@Suite("seance rank on the command line")
struct RankCommandTests {
    let p1 = repositoryRoot + "/../shared/notes/ranking-example-P1.pb"

    func temp(_ name: String, _ text: String) throws -> String {
        let (dir, _) = try demoCopy()
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("Pabulib P1: greedy gives the X projects, Equal Shares gives the minority Y1")
    func p1Rules() throws {
        let greedy = try run([seanceBinary, "rank", "--method", "greedy", p1])
        #expect(greedy.code == 0)
        #expect(greedy.out.split(separator: "\n").last == "1200")
        #expect(Set(greedy.out.split(separator: "\n").dropLast()) == ["X1", "X2", "X3"])
        let mes = try run([seanceBinary, "rank", "--method", "equal-shares", p1])
        #expect(mes.out == "X1\nY1\n800\n")
        #expect(mes.err.contains("Ex aequo départagés par"))
        let add1 = try run([seanceBinary, "rank", "--method", "equal-shares", "--completion", "add1", p1])
        #expect(Set(add1.out.split(separator: "\n").dropLast()) == ["X1", "X3", "Y1"])
        #expect(add1.out.hasSuffix("1100\n"))
        let thenGreedy = try run([seanceBinary, "rank", "--method", "equal-shares", "--completion", "greedy", p1])
        #expect(thenGreedy.out == "X1\nY1\nX2\n1200\n")
    }

    @Test("The real elections run with every rule")
    func realElections() throws {
        for file in ["poland_gdynia_2020_babie-doly-small.pb", "poland_gdynia_2020_chylonia-small.pb", "poland_lodz_2022_zdrowie-mania.pb"] {
            let path = repositoryRoot + "/../shared/data/pabulib/" + file
            for args in [["--method", "greedy"], ["--method", "equal-shares"], ["--method", "equal-shares", "--completion", "greedy"]] {
                let r = try run([seanceBinary, "rank"] + args + [path])
                #expect(r.code == 0, "\(file) \(args): \(r.err)")
                #expect(Int(r.out.split(separator: "\n").last ?? "") != nil)
            }
        }
    }

    @Test("PrefLib: one line per candidate, RANK TAB ID TAB NAME, ties share a rank")
    func preflib() throws {
        let soc = try temp("vote.soc", """
        # FILE NAME: vote.soc
        # DATA TYPE: soc
        # NUMBER ALTERNATIVES: 3
        # NUMBER VOTERS: 5
        # NUMBER UNIQUE ORDERS: 2
        # ALTERNATIVE NAME 1: Épicerie solidaire
        # ALTERNATIVE NAME 2: Centre social
        # ALTERNATIVE NAME 3: Permis de conduire
        3: 1,2,3
        2: 2,3,1

        """)
        let r = try run([seanceBinary, "rank", "--method", "schulze", soc])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out == "1\t1\tÉpicerie solidaire\n2\t2\tCentre social\n3\t3\tPermis de conduire\n")
        let borda = try run([seanceBinary, "rank", "--method", "borda", soc])
        #expect(borda.out.hasPrefix("1\t2\tCentre social\n"))   // 2·3+1·2… Borda favours the consensual second
    }

    @Test("A malformed file gets FILE:LINE: reason and exit 1; a wrong method, a usage error")
    func errors() throws {
        let bad = try temp("bad.soc", "# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: A\n# ALTERNATIVE NAME 2: B\n3: 1,7\n")
        let r = try run([seanceBinary, "rank", "--method", "borda", bad])
        #expect(r.code == 1)
        #expect(r.err.contains("\(bad):5: "))
        let wrong = try run([seanceBinary, "rank", "--method", "greedy", bad])
        #expect(wrong.code == 64)
        #expect(wrong.err.contains("inconnue pour un fichier PrefLib"))
        let missing = try run([seanceBinary, "rank", "/nonexistent.pb"])
        #expect(missing.code == 2)
    }
}
