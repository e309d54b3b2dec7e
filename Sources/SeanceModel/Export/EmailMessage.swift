/// An e-mail as a file (`.eml`, RFC 5322 with MIME, RFC 2045–2049) for the secretary's own mail
/// program to open and send: headers in ASCII (names and subject as RFC 2047 encoded words in
/// UTF-8), a `multipart/mixed` body — the text in quoted-printable UTF-8, then the attachments in
/// base64 —, every line ended by CR LF and at most 78 characters. No network: bytes only.
///
/// Journal text reaches it already neutralised (`ExportClean`); addresses that are not plainly
/// an address (a line break, a space, a quote…) are left out rather than written, so no value
/// can add a header.
struct EmailMessage {
    struct Address {
        var name: String
        var email: String
    }
    struct Attachment {
        var fileName: String
        var mediaType: String
        var bytes: [UInt8]
    }
    var from: Address?
    var to: [Address]
    var subject: String
    var date: Timestamp
    var text: String
    var attachments: [Attachment]
    var messageID: String

    /// An address we dare write in a header: ASCII, `local@domain`, none of the characters that
    /// end or split an address in a header.
    static func isPlausible(_ e: String) -> Bool {
        let parts = e.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), e.utf8.count <= 254 else { return false }
        return e.unicodeScalars.allSatisfy { u in
            u.value > 32 && u.value < 127 && !"<>()[]\\,;:\"".unicodeScalars.contains(u)
        }
    }

    var boundary: String { "=_seance_" + String(UInt64(bitPattern: Int64(messageID.utf8.reduce(5381) { ($0 &* 33) ^ Int($1) })), radix: 36) }

    func bytes() -> [UInt8] {
        var out = ""
        func header(_ name: String, _ words: [String]) { out += Self.fold(name + ":", words) }
        if let from { header("From", Self.address(from)) }
        var to: [String] = []
        for (i, a) in self.to.enumerated() {
            var words = Self.address(a)
            if i < self.to.count - 1 { words[words.count - 1] += "," }
            to += words
        }
        if !to.isEmpty { header("To", to) }
        header("Subject", Self.encodedWords(subject))
        header("Date", [Self.rfc5322Date(date)])
        header("Message-ID", ["<" + messageID + ">"])
        header("MIME-Version", ["1.0"])
        header("X-Unsent", ["1"])
        header("Content-Type", ["multipart/mixed;", "boundary=\"" + boundary + "\""])
        out += "\r\n"
        out += "This is a multi-part message in MIME format.\r\n"
        out += "--" + boundary + "\r\n"
        out += "Content-Type: text/plain; charset=UTF-8\r\n"
        out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        out += Self.quotedPrintable(text)
        for a in attachments {
            out += "\r\n--" + boundary + "\r\n"
            out += Self.fold("Content-Type:", (a.mediaType + ";").split(separator: " ").map(String.init) + ["name=\"" + a.fileName + "\""])
            out += "Content-Transfer-Encoding: base64\r\n"
            out += Self.fold("Content-Disposition:", ["attachment;", "filename=\"" + a.fileName + "\""])
            out += "\r\n"
            out += Self.base64Lines(a.bytes)
        }
        out += "\r\n--" + boundary + "--\r\n"
        return Array(out.utf8)
    }

    // MARK: - Headers

    /// `=?UTF-8?B?…?= <a@b.fr>`, or the bare address without a name.
    static func address(_ a: Address) -> [String] {
        let name = ExportClean.line(a.name)
        if name.isEmpty { return [a.email] }
        return encodedWords(name) + ["<" + a.email + ">"]
    }

    /// A header text as words: plain ASCII words where they are safe, else RFC 2047 encoded
    /// words in base64, each of whole characters and at most 64 characters long (so that one
    /// fits on the header's first line).
    static func encodedWords(_ s: String) -> [String] {
        let safe = s.unicodeScalars.allSatisfy { u in
            (u.value >= 32 && u.value < 127) && !"\"=?_()<>@,;:\\[]".unicodeScalars.contains(u)
        }
        if safe && !s.contains("  ") && s == s.trimmingCharacters(in: .whitespaces) {
            return s.split(separator: " ").map(String.init)
        }
        var words: [String] = []
        var chunk: [UInt8] = []
        for ch in s {
            let b = Array(String(ch).utf8)
            if chunk.count + b.count > 39 { words.append("=?UTF-8?B?" + base64(chunk) + "?="); chunk = [] }
            chunk += b
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + base64(chunk) + "?=") }
        return words
    }

    /// `Name: word word` folded before a word so that no line passes 78 characters.
    static func fold(_ name: String, _ words: [String]) -> String {
        var out = name
        var line = name.count
        for w in words {
            if line + 1 + w.count > 78 && line > name.count { out += "\r\n"; line = 0 }
            out += " " + w
            line += 1 + w.count
        }
        return out + "\r\n"
    }

    static func rfc5322Date(_ t: Timestamp) -> String {
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let d = t.localDate, time = t.localTime
        let local = t.epochSeconds + Int64(t.offsetMinutes) * 60
        let secs = Int(((local % 60) + 60) % 60)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let off = abs(t.offsetMinutes)
        return "\(days[d.weekday]), \(d.day) \(months[d.month - 1]) \(d.year) \(two(time.hour)):\(two(time.minute)):\(two(secs)) "
            + (t.offsetMinutes < 0 ? "-" : "+") + two(off / 60) + two(off % 60)
    }

    // MARK: - Bodies

    /// Quoted-printable (RFC 2045 §6.7) of a text whose lines end in "\n": CR LF line ends,
    /// soft breaks before 76 characters, a space or tab at a line's end encoded.
    static func quotedPrintable(_ text: String) -> String {
        var out = ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (li, line) in lines.enumerated() {
            var current = ""
            // Encode per character so that a soft break never splits one.
            var pieces: [String] = []
            for ch in line {
                var piece = ""
                for b in String(ch).utf8 {
                    if (b >= 33 && b <= 126 && b != 61) || b == 32 { piece.append(Character(Unicode.Scalar(b))) }
                    else { piece += "=" + hex(b) }
                }
                pieces.append(piece)
            }
            if let last = pieces.last, last == " " { pieces[pieces.count - 1] = "=20" }
            for p in pieces {
                if current.count + p.count > 75 { out += current + "=\r\n"; current = "" }
                current += p
            }
            out += current
            if li < lines.count - 1 { out += "\r\n" }
        }
        return out.hasSuffix("\r\n") ? out : out + "\r\n"
    }

    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i], b1 = i + 1 < bytes.count ? bytes[i + 1] : 0, b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
            out.append(table[Int(b0 >> 2)])
            out.append(table[Int((b0 & 3) << 4 | b1 >> 4)])
            out.append(i + 1 < bytes.count ? table[Int((b1 & 15) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? table[Int(b2 & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func base64Lines(_ bytes: [UInt8]) -> String {
        let all = Array(base64(bytes).utf8)
        var out = ""
        var i = 0
        while i < all.count {
            out += String(decoding: all[i..<min(i + 76, all.count)], as: UTF8.self) + "\r\n"
            i += 76
        }
        return out
    }
}
