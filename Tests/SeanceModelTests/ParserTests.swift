import Testing
@testable import SeanceModel

@Suite("Reading a journal: lines, problems, torn tails")
struct ParserTests {
    let events = [
        event("project.set", "project", [("name", "Contrat « test »"), ("envelope", "1250000.00")], n: 1),
        event("committee.create", "com-copil", [("name", "Comité de pilotage"), ("kind", "pilotage")], n: 2),
        event("member.add", "mem-1", [("committee", "com-copil"), ("name", "MARTIN Sophie\tdite « Sophie »\nélue")], n: 3),
    ]

    @Test("A written journal reads back the same events")
    func roundTrip() {
        let parsed = JournalParser.parse(bytes(journalText(events)))
        #expect(parsed.version == 1)
        #expect(parsed.problems.isEmpty)
        #expect(parsed.tornTail == nil)
        #expect(parsed.events == events)
        #expect(parsed.lines == [2, 3, 4])
    }

    @Test("Each line is one event, fields separated by tabs, text legible")
    func lineShape() {
        let line = events[0].line
        #expect(line.hasSuffix("\n"))
        #expect(line.filter { $0 == "\n" }.count == 1)
        #expect(line.split(separator: "\t").count == 7)
        #expect(line.contains("name=Contrat « test »"))
        #expect(events[2].line.contains("\\t") && events[2].line.contains("\\n"))
    }

    @Test("Malformed lines are reported with their line number and the rest still loads")
    func malformed() {
        var text = journalText(events)
        text += "n'importe quoi\n"
        text += "2009-12-15T14:30:00+01:00\tPASUNID\tclaire\tnote.add\tnote-1\n"
        text += "2009-12-15T14:30:00+01:00\t01FZ0000000000000000000099\tclaire\tmember.add\tmem-2\tcommittee=com-copil\tname=A\\qB\n"
        text += "2009-12-15T14:30:00+01:00\t01FZ0000000000000000000098\tclaire\tmember.add\tmem-3\tcommittee=com-copil\tname\n"
        text += events[1].line  // the same event twice
        text += "# un commentaire\n\n"
        text += event("member.add", "mem-4", [("committee", "com-copil"), ("name", "BERNARD Luc")], n: 9).line
        let parsed = JournalParser.parse(bytes(text))
        #expect(parsed.events.count == 4)
        #expect(parsed.problems.map(\.line) == [5, 6, 7, 8, 9])
        #expect(parsed.problems[0].message.contains("5"))
        #expect(parsed.problems[1].message.contains("identifiant"))
        #expect(parsed.problems[2].message.contains("\\q"))
        #expect(parsed.problems[3].message.contains("« = »"))
        #expect(parsed.problems[4].message.contains("double"))
        #expect(parsed.tornTail == nil)
    }

    @Test("A missing or foreign header is a problem of line 1")
    func header() {
        #expect(JournalParser.parse(bytes("")).problems.first?.line == 1)
        let foreign = JournalParser.parse(bytes("bonjour\n" + events[0].line))
        #expect(foreign.problems.first?.line == 1)
        #expect(foreign.version == nil)
        #expect(JournalParser.parse(bytes("seance-journal 2\n")).version == 2)
    }

    @Test("A last line without its newline is a torn tail, not a problem")
    func tornNoNewline() {
        let full = journalText(events)
        let cut = Array(bytes(full).dropLast(20))
        let parsed = JournalParser.parse(cut)
        #expect(parsed.events.count == 2)
        #expect(parsed.problems.isEmpty)
        let torn = try! #require(parsed.tornTail)
        #expect(torn.line == 4)
        #expect(torn.offset == (JournalParser.header + events[0].line + events[1].line).utf8.count)
        #expect(torn.bytes.count == events[2].line.utf8.count - 20)
    }

    @Test("A last line of NUL bytes or garbage is a torn tail too")
    func tornGarbage() {
        let good = journalText(events)
        let nul = bytes(good) + [UInt8](repeating: 0, count: 512)
        #expect(JournalParser.parse(nul).tornTail?.bytes.count == 512)
        let nulLine = bytes(good) + [0, 0, 0, 0x0A]
        #expect(JournalParser.parse(nulLine).tornTail?.offset == good.utf8.count)
        #expect(JournalParser.parse(nulLine).problems.isEmpty)
        let invalid = bytes(good) + [0xFF, 0xFE, 0x41, 0x0A]
        #expect(JournalParser.parse(invalid).tornTail != nil)
        // Garbage in the middle is not a tail: it is a malformed line.
        let middle = bytes(JournalParser.header + events[0].line) + [0, 0, 0x0A] + bytes(events[1].line)
        let p = JournalParser.parse(middle)
        #expect(p.tornTail == nil)
        #expect(p.problems.map(\.line) == [3])
    }

    @Test("A readable but malformed last line is a problem, not a torn tail")
    func malformedLast() {
        let p = JournalParser.parse(bytes(journalText(events) + "une ligne écrite à la main\n"))
        #expect(p.tornTail == nil)
        #expect(p.problems.map(\.line) == [5])
    }

    @Test("Unknown kinds are kept, reported as notices, and do not stop the load")
    func unknownKind() {
        let future = event("vote.secret", "vot-1", [("seance", "x")], n: 7)
        let after = event("member.add", "mem-9", [("committee", "com-copil"), ("name", "PETIT Anne")], n: 8)
        let parsed = JournalParser.parse(bytes(journalText(events + [future, after])))
        #expect(parsed.problems.isEmpty)
        let (state, problems) = ProjectState.fold(parsed.events, lines: parsed.lines)
        #expect(state.unknownEvents == [future])
        #expect(problems.count == 1)
        #expect(problems[0].severity == .notice && problems[0].line == 5)
        #expect(state.members["mem-9"]?.name == "PETIT Anne")
    }
}

@Suite("Reading in chunks gives what reading at once gives")
struct StreamingTests {
    static let base = journalText([
        event("project.set", "project", [("name", "Contrat « test »")], n: 1),
        event("committee.create", "com-1", [("name", "COPIL"), ("kind", "pilotage")], n: 2),
        event("member.add", "mem-1", [("committee", "com-1"), ("name", "LEFÈVRE Anaïs\nélue")], n: 3),
    ])
    static let cases: [[UInt8]] = [
        bytes(base),
        bytes(base + "ligne abîmée\n" + event("axis.add", "axis-1", [("number", "1"), ("title", "Axe")], n: 4).line),
        Array(bytes(base).dropLast(17)),                    // torn: no final newline
        bytes(base) + [0, 0, 0, 0x0A],                      // torn: a last line of NUL bytes
        bytes(base) + [0, 0, 0],                            // torn: NUL bytes, no newline
        bytes(base + "écrite à la main\n"),                  // a malformed last line, not torn
        bytes(base + "\n# commentaire\n"),
        [],
    ]

    @Test("Every chunk size, every case", arguments: [1, 2, 3, 7, 64, 1 << 20])
    func chunked(_ size: Int) {
        for data in Self.cases {
            let whole = JournalParser.parse(data)
            var events: [Event] = [], lines: [Int] = []
            var reader = JournalParser.StreamingReader()
            var i = 0
            data.withUnsafeBufferPointer { buf in
                while i < buf.count {
                    let j = min(buf.count, i + size)
                    reader.feed(UnsafeBufferPointer(rebasing: buf[i..<j])) { e, l in events.append(e); lines.append(l) }
                    i = j
                }
            }
            reader.finish { e, l in events.append(e); lines.append(l) }
            let r = reader.result
            #expect(events == whole.events && lines == whole.lines, "taille \(size)")
            #expect(r.problems == whole.problems, "taille \(size)")
            #expect(r.tornTail == whole.tornTail, "taille \(size)")
            #expect(r.lineCount == whole.lineCount && r.version == whole.version && r.eventCount == whole.eventCount)
        }
    }
}
