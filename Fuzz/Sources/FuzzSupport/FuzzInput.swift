import Foundation
import TackSecrets

/// What the targets share: the input as bytes or text, and the test identities scripts/fuzz.sh
/// hands over (the published keys of the SOPS samples and the age test vectors), so mutations of
/// the seeds get past unwrapping and reach the MAC, STREAM and value paths.
public enum FuzzInput {
  public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
  }

  public static func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  }

  /// `TACK_FUZZ_IDENTITIES`: an age key file; without it, one fresh identity (the fuzzer then
  /// stops at "no identity matched" for files it did not make).
  public static let identities: [any AgeIdentity] = {
    var found: [any AgeIdentity] = []
    if let path = ProcessInfo.processInfo.environment["TACK_FUZZ_IDENTITIES"],
      let text = try? String(contentsOfFile: path, encoding: .utf8),
      let keys = try? AgeKeyFile.identities(in: text, source: path)
    {
      found = keys
    }
    if found.isEmpty { found = [AgeX25519Identity.generate()] }
    // The age test vectors' passphrases; a low work-factor cap keeps one execution fast.
    return found + ["password", "hunter2"].map { AgeScryptIdentity(passphrase: $0, maxWorkFactor: 10) }
  }()
}
