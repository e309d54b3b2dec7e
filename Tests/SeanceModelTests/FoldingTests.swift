import Foundation
import Testing
@testable import SeanceModel

@Suite("One folding for search, completion and names of files")
struct FoldingTests {
    /// Latin-1 Supplement and Latin Extended-A.
    static let latin: [Unicode.Scalar] = (0xA0...0x17F).compactMap(Unicode.Scalar.init)

    @Test("The byte folding and the String folding agree on French text", arguments: [
        "Épicerie SOLIDAIRE", "cœur Œuvre", "Noël à l'Hôtel-Dieu", "ÇA VA", "e\u{301}te\u{301}", "Ægidius", "naïve façade", "中文 et 😀",
        // Long ASCII runs go eight bytes at a time: every printable character, around accents.
        String((32...126).map { Character(Unicode.Scalar(UInt8($0))) }) + "ÉLÈVES du COLLÈGE @[`{ AZaz",
        "LE CONSEIL DÉPARTEMENTAL RAPPELLE LES CRITÈRES D'ÉLIGIBILITÉ DES APPELS À PROJETS 2031",
        "L'HAŸ-LES-ROSES, L'Haÿ-les-Roses, Peñíscola, São Tomé, Ålesund, Łódź, Straße",
    ])
    func bytesAgree(_ s: String) {
        #expect(String(decoding: Folding.folded(s), as: UTF8.self) == Folding.fold(s))
    }

    @Test("Every scalar of U+00A0–U+017F folds alike by bytes and as a String, to what its letter says")
    func latinScalars() {
        for u in Self.latin {
            let s = "x" + String(u) + "Y"
            let folded = Folding.fold(s)
            #expect(String(decoding: Folding.folded(s), as: UTF8.self) == folded, "U+\(String(u.value, radix: 16))")
            if u.properties.isAlphabetic && u.value >= 0xC0 {
                // A letter becomes ASCII; with a canonical decomposition, its base letter lowered.
                #expect(folded.unicodeScalars.allSatisfy { $0.isASCII }, "\(u)")
                let base = String(u).decomposedStringWithCanonicalMapping.unicodeScalars.first!
                if base != u { #expect(folded == "x" + String(base).lowercased() + "y", "\(u)") }
                // Capital and small letters fold alike.
                #expect(Folding.fold(String(u).lowercased()) == Folding.fold(String(u)), "\(u)")
            } else {
                #expect(folded == "x" + String(u) + "y", "\(u) is kept")
            }
        }
    }

    @Test("Every scalar of U+00A0–U+017F: search finds a text by the letter and by its folding")
    func latinSearch() {
        var n = 0
        func e(_ kind: String, _ entity: String, _ fields: [(String, String)]) -> Event {
            n += 1
            return event(kind, entity, fields, n: n)
        }
        var events = [
            e("committee.create", "com-1", [("name", "Comité de pilotage"), ("kind", "pilotage")]),
            e("seance.create", "sea-1", [("committee", "com-1"), ("date", "2009-06-16")]),
            e("seance.open", "sea-1", [("time", "14:35")]),
        ]
        for (i, u) in Self.latin.enumerated() {
            events.append(e("note.add", "note-\(i)", [("seance", "sea-1"), ("text", "tag\(i)q x\(u)z")]))
            events.append(e("agenda.add", "item-\(i)", [("seance", "sea-1"), ("title", "point\(i)q X\(u)Z")]))
        }
        let (st, problems) = ProjectState.fold(events)
        #expect(problems.isEmpty)
        for (i, u) in Self.latin.enumerated() {
            for word in ["x\(u)z", Folding.fold("x\(u)z")] + (u.value >= 0xC0 && u != "\u{149}" ? ["X\(String(u).uppercased())Z"] : []) {
                #expect(st.search("tag\(i)q " + word).map(\.entity) == ["note-\(i)"], "\(u) as « \(word) »")
                #expect(st.search("point\(i)q " + word).map(\.entity) == ["item-\(i)"], "\(u) as « \(word) »")
            }
        }
    }

    @Test("Names of files fold as search does: every scalar of U+00A0–U+017F")
    func latinFileStems() {
        for u in Self.latin {
            let expected = Folding.fold("x\(u)y").unicodeScalars.allSatisfy(\.isASCII) ? Folding.fold("x\(u)y") : "x-y"
            #expect(MinutesBuilder.slug("x\(u)y") == (u == "°" ? "xy" : expected), "\(u)")
        }
        #expect(MinutesBuilder.slug("L'Haÿ-les-Roses n°3") == "l-hay-les-roses-n3")
        #expect(MinutesBuilder.slug("Comité de pilotage n°3") == "comite-de-pilotage-n3")
    }

    @Test func matching() {
        var buffer: [UInt8] = []
        let w1 = Folding.folded("epicerie"), w2 = Folding.folded("SOLIDAIRE")
        #expect(Folding.matches("L'Épicerie solidaire « Le Panier »", words: [w1, w2], buffer: &buffer))
        #expect(!Folding.matches("L'Épicerie sociale", words: [w1, w2], buffer: &buffer))
    }
}
