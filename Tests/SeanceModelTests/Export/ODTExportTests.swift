import Foundation
import Testing
@testable import SeanceModel

@Suite("Exports: the ODT package")
struct ODTExportTests {
    let st = ExportFixture.demo

    func odt() throws -> [UInt8] {
        try Export.minutes(st, meeting: ExportFixture.copil3, format: .odt, options: ExportFixture.options).bytes
    }

    /// The lines a reader of the compte rendu must find, whatever program extracts the text.
    static let keyLines = [
        "Compte rendu de séance",
        "Comité de pilotage n° 3 – jeudi 17 décembre 2009",
        "Salle du conseil, mairie de Saint-Flour",
        "DURAND Claire",
        "a donné pouvoir à M. ROUCHY Jean-Paul",
        "Hiérarchisation des fiches actions",
        "MOURGUES Valérie – rapporteur",
        "Décision n° 3 – Validé",
        "11 pour, 0 contre, 1 abstention",
        "Relevé des décisions",
        "Suites à donner",
        "Compléter le plan de financement du portage de repas",
        "La prochaine séance aura lieu le mardi 2 février 2010",
    ]

    @Test("CRC-32 is the IEEE one")
    func crc() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    @Test("The mimetype comes first, stored, without extra field, readable at offset 38")
    func layout() throws {
        let bytes = try odt()
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<(38 + 39)], as: UTF8.self) == "application/vnd.oasis.opendocument.text")
        let entries = readStoredZip(bytes)
        #expect(entries.map(\.name) == ["mimetype", "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"])
        for e in entries {
            #expect(e.method == 0)
            #expect(e.extraLength == 0)
            #expect(e.crc == CRC32.checksum(e.data), "CRC of \(e.name)")
        }
    }

    @Test("Python's zipfile and XML parser accept the package",
          .enabled(if: ExternalTool.enabled("python3")))
    func zipAndXML() throws {
        let f = ExportTempFile("cr.odt", try odt())
        let script = """
            import sys, zipfile, xml.dom.minidom
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None, "bad CRC"
            names = z.namelist()
            print(",".join(names))
            print(z.getinfo("mimetype").compress_type)
            for n in names:
                if n.endswith(".xml"):
                    xml.dom.minidom.parseString(z.read(n))
            meta = xml.dom.minidom.parseString(z.read("meta.xml"))
            for tag in ["dc:creator", "dc:title"]:
                print(meta.getElementsByTagName(tag)[0].firstChild.data)
            print("ok")
            """
        let r = ExternalTool.python(script, f.path)
        #expect(r.status == 0, "\(r.errors)")
        // The author is the séance's secrétaire; the title keeps ordinary spaces (it is searched).
        #expect(r.output == "mimetype,content.xml,styles.xml,meta.xml,META-INF/manifest.xml\n0\nDURAND Claire\nComité de pilotage n° 3 – compte rendu de séance\nok\n")
    }

    @Test("odt2txt reads the compte rendu back", .enabled(if: ExternalTool.enabled("odt2txt")))
    func odt2txt() throws {
        let f = ExportTempFile("cr.odt", try odt())
        let r = ExternalTool.run("odt2txt", ["--encoding=UTF-8", "--width=-1", f.path])
        #expect(r.status == 0, "\(r.errors)")
        let text = FrenchTypography.plain(r.output)
        for line in Self.keyLines { #expect(text.contains(line), "odt2txt: « \(line) » manque") }
    }

    @Test("pandoc reads the compte rendu back, tables included", .enabled(if: ExternalTool.enabled("pandoc")))
    func pandoc() throws {
        let f = ExportTempFile("cr.odt", try odt())
        let r = ExternalTool.run("pandoc", ["-f", "odt", "-t", "plain", "--wrap=none", f.path])
        #expect(r.status == 0, "\(r.errors)")
        let text = FrenchTypography.plain(r.output)
        for line in Self.keyLines { #expect(text.contains(line), "pandoc: « \(line) » manque") }
        #expect(text.contains("TEISSEDRE Alain"))
        #expect(text.contains("réalisée le 22/12/2009"))
    }

    @Test("Runs of spaces and line breaks survive in ODT text")
    func runs() {
        #expect(ODTRenderer.runs("a  b") == "a <text:s/>b")
        #expect(ODTRenderer.runs("  a") == "<text:s text:c=\"2\"/>a")
        #expect(ODTRenderer.runs("a\nb & <c>") == "a<text:line-break/>b &amp; &lt;c&gt;")
    }
}
