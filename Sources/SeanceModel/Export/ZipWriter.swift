/// A minimal ZIP writer: entries stored without compression, CRC-32, no data descriptor, no
/// extra field. That is exactly what an OpenDocument package needs for its first entry
/// (`mimetype`, uncompressed, readable at offset 38), and every ZIP reader opens it.
/// Documents of minutes are small: compression would not be worth a dependency.
struct ZipWriter {
    private(set) var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0
    /// DOS date and time of every entry.
    let dosTime: UInt16
    let dosDate: UInt16

    init(modified: Timestamp) {
        let d = modified.localDate, t = modified.localTime
        let year = min(max(d.year, 1980), 2107)
        dosDate = UInt16((year - 1980) << 9 | d.month << 5 | d.day)
        dosTime = UInt16(t.hour << 11 | t.minute << 5)
    }

    mutating func add(_ name: String, _ data: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(data)
        let offset = UInt32(bytes.count)
        let utf8Flag: UInt16 = nameBytes.contains { $0 >= 0x80 } ? 0x0800 : 0
        // Local file header
        put32(&bytes, 0x0403_4B50)
        put16(&bytes, 10)                 // version needed: 1.0 (stored)
        put16(&bytes, utf8Flag)
        put16(&bytes, 0)                  // method: stored
        put16(&bytes, dosTime); put16(&bytes, dosDate)
        put32(&bytes, crc)
        put32(&bytes, UInt32(data.count)); put32(&bytes, UInt32(data.count))
        put16(&bytes, UInt16(nameBytes.count)); put16(&bytes, 0)
        bytes += nameBytes
        bytes += data
        // Central directory record
        put32(&central, 0x0201_4B50)
        put16(&central, 0x031E)           // made by: Unix, spec 3.0
        put16(&central, 10)
        put16(&central, utf8Flag)
        put16(&central, 0)
        put16(&central, dosTime); put16(&central, dosDate)
        put32(&central, crc)
        put32(&central, UInt32(data.count)); put32(&central, UInt32(data.count))
        put16(&central, UInt16(nameBytes.count))
        put16(&central, 0); put16(&central, 0)   // extra, comment
        put16(&central, 0)                       // disk
        put16(&central, 0)                       // internal attributes
        put32(&central, 0o100644 << 16)          // external: a regular file, rw-r--r--
        put32(&central, offset)
        central += nameBytes
        count += 1
    }

    /// The archive: entries, central directory, end record.
    func finished() -> [UInt8] {
        var out = bytes
        let cdOffset = UInt32(out.count)
        out += central
        put32(&out, 0x0605_4B50)
        put16(&out, 0); put16(&out, 0)
        put16(&out, UInt16(count)); put16(&out, UInt16(count))
        put32(&out, UInt32(central.count))
        put32(&out, cdOffset)
        put16(&out, 0)
        return out
    }

    private func put16(_ b: inout [UInt8], _ v: UInt16) { b.append(UInt8(v & 0xFF)); b.append(UInt8(v >> 8)) }
    private func put32(_ b: inout [UInt8], _ v: UInt32) {
        for i in 0..<4 { b.append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) }
    }
}

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as ZIP and PNG use it.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { i -> UInt32 in
        var c = UInt32(i)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ data: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in data { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
