/// SplitMix64: a small, fast random source that gives the same numbers on every machine for a
/// seed — for the synthetic journal and for reproducible tests.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n.
    public mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    public mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
    public mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
}
