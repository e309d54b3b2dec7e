// The libFuzzer entry: every input is a journal (see FuzzTarget). Built by Fuzz/run.sh with
// -parse-as-library, so that libFuzzer's main runs, not Swift's.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournal(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTarget.journal(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
