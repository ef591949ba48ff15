import FuzzSupport

@testable import TackSecrets

// The STREAM payload (64 KiB ChaCha20-Poly1305 chunks). Input: [repeat][edit][position ×4][plaintext…].
// The plaintext, repeated so it can span chunks, is sealed under a fixed key, then edited once (bit
// flip, truncation, appended or removed byte) and opened. Unedited, it must open to the plaintext;
// edited, opening must fail — a STREAM reader accepts no change to the ciphertext.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = FuzzInput.bytes(data, size)
  guard input.count >= 6 else { return 0 }
  let unit = Array(input[6...])
  var plaintext: [UInt8] = []
  let limit = 2 * Age.chunkSize + 64
  for _ in 0...Int(input[0]) where plaintext.count + unit.count <= limit { plaintext += unit }
  let key = ageHKDF(key: [UInt8](repeating: 7, count: 16), salt: [], info: Array("payload".utf8))

  let sealedSink = MemoryWriter()
  do { try Age.sealPayload(from: MemoryReader(plaintext), to: sealedSink, key: key) } catch {
    fatalError("sealing from memory failed: \(error)")
  }
  var sealed = sealedSink.bytes
  let original = sealed
  let position = Int(input[2]) << 24 | Int(input[3]) << 16 | Int(input[4]) << 8 | Int(input[5])
  switch input[1] % 5 {
  case 1 where !sealed.isEmpty: sealed[position % sealed.count] ^= 1 << (input[1] / 5 % 8)
  case 2: sealed.removeLast(min(sealed.count, 1 + position % 70_000))
  case 3: sealed.append(UInt8(truncatingIfNeeded: position))
  case 4 where !sealed.isEmpty: sealed.remove(at: position % sealed.count)
  default: break
  }

  let opened = MemoryWriter()
  do {
    try Age.openPayload(from: MemoryReader(sealed), to: opened, key: key)
    precondition(sealed == original, "STREAM accepted an edited ciphertext")
    precondition(opened.bytes == plaintext, "STREAM round trip changed the plaintext")
  } catch {
    precondition(sealed != original, "STREAM rejected its own ciphertext: \(error)")
  }
  return 0
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
