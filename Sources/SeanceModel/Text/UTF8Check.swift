/// UTF-8 validation of a whole line, eight ASCII bytes at a time (most of a journal is ASCII).
enum UTF8Check {
    static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = b.baseAddress else { return true }
        let n = b.count
        var i = 0
        while i < n {
            while i + 8 <= n, UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { return true }
            let c = p[i]
            if c < 0x80 { i += 1; continue }
            @inline(__always) func cont(_ k: Int) -> Bool { i + k < n && p[i + k] & 0xC0 == 0x80 }
            switch c {
            case 0xC2...0xDF:
                guard cont(1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard cont(1), cont(2) else { return false }
                let c1 = p[i + 1]
                if c == 0xE0 && c1 < 0xA0 { return false }      // overlong
                if c == 0xED && c1 >= 0xA0 { return false }     // surrogates
                i += 3
            case 0xF0...0xF4:
                guard cont(1), cont(2), cont(3) else { return false }
                let c1 = p[i + 1]
                if c == 0xF0 && c1 < 0x90 { return false }      // overlong
                if c == 0xF4 && c1 >= 0x90 { return false }     // above U+10FFFF
                i += 4
            default:
                return false
            }
        }
        return true
    }
}
