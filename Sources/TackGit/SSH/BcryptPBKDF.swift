import Crypto

/// OpenSSH's `bcrypt_pbkdf` (from OpenBSD), the key derivation that protects passphrase-encrypted
/// `openssh-key-v1` private keys: PBKDF2-like rounds whose PRF is a Blowfish-based "bcrypt hash"
/// of SHA-512 digests, with output bytes interleaved across blocks.
enum BcryptPBKDF {
  static func derive(password: [UInt8], salt: [UInt8], rounds: Int, count: Int) -> [UInt8] {
    precondition(rounds >= 1 && count > 0)
    let passwordDigest = Array(SHA512.hash(data: password))
    let blockSize = 32
    let stride = (count + blockSize - 1) / blockSize
    var output = [UInt8](repeating: 0, count: count)
    var remaining = count
    var amount = (count + stride - 1) / stride
    var block: UInt32 = 1
    while remaining > 0 {
      let countSalt = salt + [UInt8(block >> 24), UInt8((block >> 16) & 0xff), UInt8((block >> 8) & 0xff), UInt8(block & 0xff)]
      var digest = Array(SHA512.hash(data: countSalt))
      var hashed = bcryptHash(passwordDigest: passwordDigest, saltDigest: digest)
      var accumulated = hashed
      for _ in 1..<max(rounds, 1) {
        digest = Array(SHA512.hash(data: hashed))
        hashed = bcryptHash(passwordDigest: passwordDigest, saltDigest: digest)
        for index in 0..<accumulated.count { accumulated[index] ^= hashed[index] }
      }
      var written = 0
      amount = min(amount, remaining)
      for index in 0..<amount {
        let destination = index * stride + Int(block - 1)
        if destination >= count { break }
        output[destination] = accumulated[index]
        written += 1
      }
      remaining -= written
      block += 1
    }
    return output
  }

  /// The 32-byte bcrypt hash of two SHA-512 digests.
  static func bcryptHash(passwordDigest: [UInt8], saltDigest: [UInt8]) -> [UInt8] {
    var state = Blowfish()
    state.expand(data: saltDigest, key: passwordDigest)
    for _ in 0..<64 {
      state.expand(key: saltDigest)
      state.expand(key: passwordDigest)
    }
    let magic = Array("OxychromaticBlowfishSwatDynamite".utf8)
    var position = 0
    var words = (0..<8).map { _ in Blowfish.word(magic, &position) }
    for _ in 0..<64 {
      for pair in Swift.stride(from: 0, to: 8, by: 2) {
        (words[pair], words[pair + 1]) = state.encipher(words[pair], words[pair + 1])
      }
    }
    var out: [UInt8] = []
    out.reserveCapacity(32)
    for word in words {
      out += [UInt8(word & 0xff), UInt8((word >> 8) & 0xff), UInt8((word >> 16) & 0xff), UInt8(word >> 24)]
    }
    return out
  }
}

/// Blowfish with the "expensive key schedule" variants bcrypt uses.
struct Blowfish {
  var p: [UInt32]
  var s: [UInt32]  // four 256-word boxes, back to back

  init() {
    p = Array(BlowfishPiDigits.words[0..<18])
    s = Array(BlowfishPiDigits.words[18..<1042])
  }

  /// Four bytes of `data` as a big-endian word, wrapping around at the end.
  static func word(_ data: [UInt8], _ position: inout Int) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      if position >= data.count { position = 0 }
      value = (value << 8) | UInt32(data[position])
      position += 1
    }
    return value
  }

  @inline(__always)
  private func f(_ x: UInt32) -> UInt32 {
    let a = s[Int(x >> 24)]
    let b = s[256 + Int((x >> 16) & 0xff)]
    let c = s[512 + Int((x >> 8) & 0xff)]
    let d = s[768 + Int(x & 0xff)]
    return ((a &+ b) ^ c) &+ d
  }

  func encipher(_ left: UInt32, _ right: UInt32) -> (UInt32, UInt32) {
    var l = left ^ p[0]
    var r = right
    var round = 1
    while round <= 16 {
      r ^= f(l) ^ p[round]
      l ^= f(r) ^ p[round + 1]
      round += 2
    }
    return (r ^ p[17], l)
  }

  /// Key schedule mixing in `key` only (bcrypt's expand0state).
  mutating func expand(key: [UInt8]) {
    var position = 0
    for index in 0..<18 { p[index] ^= Self.word(key, &position) }
    var l: UInt32 = 0
    var r: UInt32 = 0
    for index in Swift.stride(from: 0, to: 18, by: 2) {
      (l, r) = encipher(l, r)
      p[index] = l
      p[index + 1] = r
    }
    for index in Swift.stride(from: 0, to: 1024, by: 2) {
      (l, r) = encipher(l, r)
      s[index] = l
      s[index + 1] = r
    }
  }

  /// Key schedule mixing in `key` and salt `data` (bcrypt's expandstate).
  mutating func expand(data: [UInt8], key: [UInt8]) {
    var position = 0
    for index in 0..<18 { p[index] ^= Self.word(key, &position) }
    position = 0
    var l: UInt32 = 0
    var r: UInt32 = 0
    for index in Swift.stride(from: 0, to: 18, by: 2) {
      l ^= Self.word(data, &position)
      r ^= Self.word(data, &position)
      (l, r) = encipher(l, r)
      p[index] = l
      p[index + 1] = r
    }
    for index in Swift.stride(from: 0, to: 1024, by: 2) {
      l ^= Self.word(data, &position)
      r ^= Self.word(data, &position)
      (l, r) = encipher(l, r)
      s[index] = l
      s[index + 1] = r
    }
  }
}
