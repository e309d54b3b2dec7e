import Testing
@testable import SeanceModel

@Suite("Money, dates and timestamps")
struct ValueTests {
    @Test func moneyJournalForm() {
        #expect(Money(journalValue: "1250000.00")?.cents == 125_000_000)
        #expect(Money(journalValue: "-3.05")?.cents == -305)
        #expect(Money(journalValue: "12.5") == nil)
        #expect(Money(journalValue: "1,00") == nil)
        #expect(Money(journalValue: "abc.de") == nil)
        #expect(Money(cents: 125_000_000).journalValue == "1250000.00")
        #expect(Money(cents: -5).journalValue == "-0.05")
    }

    @Test func moneyFrench() {
        #expect(Money(cents: 125_000_000).french == "1\u{202F}250\u{202F}000,00\u{00A0}€")
        #expect(Money(cents: 2_850_050).french == "28\u{202F}500,50\u{00A0}€")
        #expect(Money(cents: 99).french == "0,99\u{00A0}€")
        #expect(Money(cents: 125_000_000).frenchRounded == "1\u{202F}250\u{202F}000\u{00A0}€")
    }

    @Test("What a person types", arguments: [("1 250 000", 125_000_000), ("28 500,50", 2_850_050), ("12.5", 1250), ("160 €", 16000), ("0", 0)] as [(String, Int64)])
    func moneyUserInput(_ text: String, _ cents: Int64) {
        #expect(Money(userInput: text)?.cents == cents)
    }

    @Test func moneyUserInputRefused() {
        #expect(Money(userInput: "douze") == nil)
        #expect(Money(userInput: "1,2,3") == nil)
        #expect(Money(userInput: "1,234") == nil)
    }

    @Test func dates() {
        #expect(LocalDate(journalValue: "2009-12-15")?.french == "15/12/2009")
        #expect(LocalDate(journalValue: "2009-02-29") == nil)
        #expect(LocalDate(journalValue: "2008-02-29") != nil)
        #expect(LocalDate(userInput: "15/12/09") == LocalDate(year: 2009, month: 12, day: 15))
        #expect(LocalDate(year: 2009, month: 12, day: 15)!.weekday == 1) // a Tuesday
        #expect(Fr.longDate(LocalDate(year: 2009, month: 12, day: 1)!) == "mardi 1er décembre 2009")
        for days in [-1000, 0, 14593, 20000, 60000] as [Int64] {
            #expect(LocalDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }

    @Test func times() {
        #expect(LocalTime(userInput: "14h30") == LocalTime(hour: 14, minute: 30))
        #expect(LocalTime(userInput: "9h") == LocalTime(hour: 9, minute: 0))
        #expect(LocalTime(userInput: "25:00") == nil)
        // What the program shows (no-break spaces) reads back as typed.
        #expect(LocalTime(userInput: LocalTime(hour: 9, minute: 40)!.french) == LocalTime(hour: 9, minute: 40))
        #expect(LocalTime(userInput: "9 h 40") == LocalTime(hour: 9, minute: 40))
        #expect(LocalTime(journalValue: "14:30")?.french == "14\u{00A0}h\u{00A0}30")
    }

    @Test func timestamps() throws {
        let t = try #require(Timestamp(journalValue: "2009-12-15T14:32:10+01:00"))
        #expect(t.epochSeconds == 1_260_883_930)
        #expect(t.journalValue == "2009-12-15T14:32:10+01:00")
        #expect(t.localTime == LocalTime(hour: 14, minute: 32))
        #expect(Timestamp(journalValue: "2009-12-15T13:32:10Z")?.epochSeconds == t.epochSeconds)
        #expect(Timestamp(journalValue: "2009-12-15 14:32:10+01:00") == nil)
        #expect(Timestamp(journalValue: "2009-13-15T14:32:10+01:00") == nil)
        // Paris is +01:00 in winter and +02:00 in summer.
        let now = Timestamp.now()
        #expect([60, 120].contains(now.offsetMinutes))
        #expect(Timestamp(journalValue: Substring(now.journalValue)) == now)
    }

    @Test func eventIDs() {
        var rng = SeededRandom(42)
        let a = EventID.make(milliseconds: 1_260_883_930_000, using: &rng)
        let b = EventID.make(milliseconds: 1_260_883_930_000, using: &rng)
        #expect(a.count == 26 && EventID.isValid(Substring(a)))
        #expect(a != b)
        #expect(a.prefix(10) == b.prefix(10))
        #expect(EventID.make(milliseconds: 1, using: &rng) < a)
    }
}
