import Testing
@testable import SeanceModel

@Suite("Ranking: PrefLib and Pabulib files")
struct RankingFileTests {
    /// R1 as PrefLib writes it (alternatives numbered from 1).
    static let r1SOC = """
        # FILE NAME: 00000-00000001.soc
        # TITLE: Schulze (Wikipedia)
        # DATA TYPE: soc
        # NUMBER ALTERNATIVES: 5
        # NUMBER VOTERS: 45
        # NUMBER UNIQUE ORDERS: 8
        # ALTERNATIVE NAME 1: A
        # ALTERNATIVE NAME 2: B
        # ALTERNATIVE NAME 3: C
        # ALTERNATIVE NAME 4: D
        # ALTERNATIVE NAME 5: E
        5: 1,3,2,5,4
        5: 1,4,5,3,2
        8: 2,5,4,1,3
        3: 3,1,2,5,4
        7: 3,1,5,2,4
        2: 3,2,1,4,5
        7: 4,3,5,2,1
        8: 5,2,1,4,3

        """

    @Test func socParsesAndRanksAsTheCLIPrints() throws {
        let p = try PrefLibFormat.parse(Self.r1SOC)
        #expect(p.candidates.map(\.id) == ["1", "2", "3", "4", "5"])
        #expect(p.voterCount == 45)
        let out = RankingOutput(p.ranking(by: .schulze), candidates: p.candidates)
        #expect(out.text == "1\t5\tE\n2\t1\tA\n3\t3\tC\n4\t2\tB\n5\t4\tD\n")
        #expect(out.notes.first == "Méthode : Schulze.")
        #expect(out.notes.last?.hasPrefix("Ex aequo départagés par") == true)
        let copeland = RankingOutput(p.ranking(by: .copeland), candidates: p.candidates)
        #expect(copeland.text == "1\t5\tE\n2\t1\tA\n2\t2\tB\n2\t3\tC\n5\t4\tD\n")
    }

    @Test func soiAndTocWithTiesAndGaps() throws {
        let soi = try PrefLibFormat.parse("""
            # DATA TYPE: soi
            # NUMBER ALTERNATIVES: 3
            # ALTERNATIVE NAME 1: A
            # ALTERNATIVE NAME 2: B
            # ALTERNATIVE NAME 3: C
            3: 1,2
            2: 2,3,1
            2: 3,1
            1: 3
            """)
        #expect(PairwiseMatrix(soi) == PairwiseMatrix(RankingKnownAnswerTests.r4))
        let toc = try PrefLibFormat.parse("# NUMBER ALTERNATIVES: 4\r\n2: 1,{2,3},4\r\n1: {1, 2, 3, 4}\r\n", kind: .toc)
        #expect(toc.candidates.map(\.name) == ["1", "2", "3", "4"])
        #expect(toc.ballots == [Ballot(tiers: [[0], [1, 2], [3]], count: 2), Ballot(tiers: [[0, 1, 2, 3]], count: 1)])
        // Numbered from 0, as pref_voting writes them.
        let zero = try PrefLibFormat.parse("# ALTERNATIVE NAME 0: x\n# ALTERNATIVE NAME 1: y\n1: 1,0\n", kind: .soc)
        #expect(zero.candidates.map(\.id) == ["0", "1"])
        #expect(zero.ballots[0].tiers == [[1], [0]])
    }

    @Test("Malformed PrefLib files: line and reason", arguments: [
        ("# NUMBER ALTERNATIVES: 2\n1: 1,2\n1 1,2\n", PrefLibKind.soc, 3, "ligne de bulletin sans « : » (attendu par exemple « 3: 1,2,{3,4} »)"),
        ("# NUMBER ALTERNATIVES: 2\n1: 1,3\n", .soc, 2, "candidat n° 3 inconnu (non déclaré dans l'en-tête)"),
        ("# NUMBER ALTERNATIVES: 2\n1: 1,1\n", .soi, 2, "candidat n° 1 classé deux fois dans le même bulletin"),
        ("# NUMBER ALTERNATIVES: 3\n1: 1,2\n", .soc, 2, "bulletin incomplet dans un fichier .soc : 2 candidats classés sur 3"),
        ("# NUMBER ALTERNATIVES: 3\n1: 1,{2,3}\n", .soi, 2, "ex aequo (accolades) interdits dans un fichier .soi"),
        ("# NUMBER ALTERNATIVES: 3\n1: 1,{2,3\n", .toc, 2, "accolades mal placées"),
        ("# NUMBER ALTERNATIVES: 2\n0: 1,2\n", .soc, 2, "nombre de votants illisible « 0 » (entier ≥ 1 attendu)"),
        ("# NUMBER ALTERNATIVES: 2\n# NUMBER VOTERS: 3\n1: 1,2\n", .soc, 2, "le fichier annonce 3 votants mais ses bulletins en comptent 1"),
        ("# NUMBER ALTERNATIVES: 3\n# ALTERNATIVE NAME 1: a\n1: 1\n", .soi, 1, "le fichier annonce 3 candidats mais en nomme 1"),
        ("1: 1,2\n", .soc, 1, "aucun candidat déclaré : il manque « # NUMBER ALTERNATIVES » ou « # ALTERNATIVE NAME »"),
        ("# DATA TYPE: xyz\n", .soc, 1, "type de données « xyz » inconnu (attendu soc, soi, toc ou toi)"),
        ("# NUMBER ALTERNATIVES: 2\n1: 1,2\n# TITLE: x\n", .soc, 3, "ligne d'en-tête « # » après les bulletins"),
    ] as [(String, PrefLibKind, Int, String)])
    func prefLibErrors(_ text: String, _ kind: PrefLibKind, _ line: Int, _ reason: String) {
        #expect(throws: RankingFileError(line: line, reason)) { try PrefLibFormat.parse(text, kind: kind) }
    }

    @Test("Malformed Pabulib files: line and reason", arguments: [
        ("key;value\n", 1, "ligne hors section : le fichier doit commencer par META"),
        ("META\nkey;value\nbudget;12,345\n", 3, "montant illisible « 12,345 » (attendu par exemple 1250 ou 1250.50)"),
        ("META\nkey;value\nvote_type;ordinal\n", 3, "type de vote « ordinal » non pris en charge : seuls les votes par approbation (approval) le sont"),
        ("META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;name\n", 6, "colonne « cost » absente de l'en-tête de PROJECTS"),
        ("META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\na;5;x\n", 7, "3 champ(s) au lieu de 2 (séparés par « ; »)"),
        ("META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\na;5\na;6\n", 8, "projet « a » déclaré deux fois"),
        ("META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\na;cinq\n", 7, "montant illisible « cinq » (attendu par exemple 1250 ou 1250.50)"),
        ("META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote\n1;a,b\n", 10, "projet inconnu « b » dans un vote"),
        ("META\nkey;value\nbudget;10\nvote_type;approval\nVOTES\n", 5, "section VOTES avant la section PROJECTS"),
        ("META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n\"a;5\n", 7, "guillemet non fermé"),
        ("META\nkey;value\nvote_type;approval\nPROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote\n", 8, "clé « budget » absente de la section META"),
        ("META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\na;5\n", 7, "section VOTES absente"),
    ] as [(String, Int, String)])
    func pabulibErrors(_ text: String, _ line: Int, _ reason: String) {
        #expect(throws: RankingFileError(line: line, reason)) { try PabulibFormat.parse(text) }
    }

    @Test func pabulibQuotingAndDecimals() throws {
        let e = try PabulibFormat.parse("\u{FEFF}meta\r\nkey;value\r\nbudget;1000,50\r\nvote_type;approval\r\nprojects\r\nproject_id;cost;name\r\n"
            + "a;500.5;\"Parc; jeux \"\"d'eau\"\"\"\r\nb;200;x\r\n"
            + "votes\r\nvoter_id;vote\r\n1;a,b,a\r\n2;\r\n")
        #expect(e.budget == Money(cents: 100_050))
        #expect(e.projects[0] == BudgetProject(id: "a", cost: Money(cents: 50_050), name: "Parc; jeux \"d'eau\""))
        #expect(e.approvals == [[0, 1], []])
        // Two voters, one empty ballot: each gets half the budget.
        #expect(e.outcome(.equalShares(.none)).equalShares?.budgetPerVoter == Rational(100_050, 2))
    }

    @Test func exportRoundTrips() throws {
        // .toc: gaps become a last tie, which leaves the matrix unchanged.
        let r4 = RankingKnownAnswerTests.r4
        let toc = try PrefLibFormat.export(r4, as: .toc)
        let back = try PrefLibFormat.parse(toc)
        #expect(PairwiseMatrix(back) == PairwiseMatrix(r4))
        #expect(back.candidates.map(\.name) == ["A", "B", "C"])
        #expect(toc.contains("# DATA TYPE: toc\n") && toc.contains("3: 1,2,3\n") && toc.contains("1: 3,{1,2}\n"))
        let soi = try PrefLibFormat.parse(PrefLibFormat.export(r4, as: .soi))
        #expect(soi.ballots == r4.ballots)
        // « C » alone leaves A and B tied below it.
        #expect(throws: RankingExportError(kind: .soc, ballot: 3)) { try PrefLibFormat.export(r4, as: .soc) }
        let tied = try PreferenceProfile(candidates: r4.candidates, ballots: [Ballot(tiers: [[0, 1], [2]])])
        #expect(throws: RankingExportError(kind: .soi, ballot: 0)) { try PrefLibFormat.export(tied, as: .soi) }
        // A ballot whose only tie is at the bottom is a truncated strict order.
        let bottom = try PreferenceProfile(candidates: r4.candidates, ballots: [Ballot(tiers: [[2], [0, 1]])])
        #expect(try PrefLibFormat.parse(PrefLibFormat.export(bottom, as: .soi)).ballots == [Ballot(order: [2])])
        // Ids that are not numbers get 1…n.
        let named = try PreferenceProfile(candidates: [Candidate(id: "fa-1", name: "Rénovation\nécole"), Candidate(id: "fa-2", name: "Piste")],
                                          ballots: [Ballot(order: [1, 0], count: 2)])
        #expect(try PrefLibFormat.export(named, as: .soc).contains("# ALTERNATIVE NAME 1: Rénovation école\n# ALTERNATIVE NAME 2: Piste\n2: 2,1\n"))
    }

    @Test func pabulibExportRoundTrips() throws {
        for file in ["notes/ranking-example-P1.pb", "data/pabulib/poland_gdynia_2020_babie-doly-small.pb"] {
            let e = try PabulibFormat.parse(rankingFixture(file))
            let again = try PabulibFormat.parse(PabulibFormat.export(e))
            #expect(again.projects == e.projects)
            #expect(again.approvals == e.approvals && again.voterIDs == e.voterIDs && again.budget == e.budget)
            #expect(again.outcome(.equalShares(.none)) == e.outcome(.equalShares(.none)))
        }
        let made = ApprovalElection(budget: Money(euros: 1000), projects: [BudgetProject(id: "fa-1", cost: Money(cents: 12_345), name: "École")],
                                    voterIDs: ["claire"], approvals: [[0]])
        #expect(PabulibFormat.export(made, description: "COPIL") == """
            META
            key;value
            description;COPIL
            num_projects;1
            num_votes;1
            budget;1000
            vote_type;approval
            PROJECTS
            project_id;cost;votes;name
            fa-1;123.45;1;École
            VOTES
            voter_id;vote
            claire;fa-1

            """)
    }
}
