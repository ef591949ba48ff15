/// A size in bytes as a limit is written in messages: `256 MiB`, `16 KiB`, `100 bytes` (binary
/// units, exact only: a limit that is not a whole number of KiB prints in bytes).
public struct ByteCount: Sendable, Hashable, CustomStringConvertible {
  public var bytes: Int

  public init(_ bytes: Int) { self.bytes = bytes }

  public var description: String {
    for (unit, shift) in [("GiB", 30), ("MiB", 20), ("KiB", 10)] where bytes != 0 && bytes % (1 << shift) == 0 {
      return "\(bytes >> shift) \(unit)"
    }
    return bytes == 1 ? "1 byte" : "\(bytes) bytes"
  }
}
