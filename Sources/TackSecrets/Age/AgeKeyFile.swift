#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// age's key file formats: identity files (`age-keygen` output, `keys.txt`, Flux's `*.agekey`
/// Secret entries) and recipients files (`-R`). Blank lines and `#` comments are skipped.
public enum AgeKeyFile {
  /// Parses every identity in an identity file. Errors name the line, never its content.
  public static func identities(in text: String, source: String) throws(AgeError) -> [any AgeKeyIdentity] {
    var result: [any AgeKeyIdentity] = []
    for (number, line) in lines(text) {
      do {
        result.append(try AgeKeys.identity(line))
      } catch {
        let hint = line.hasPrefix("age1") ? " (that is a recipient, the public half; use the AGE-SECRET-KEY-1… line)" : ""
        throw AgeError(.invalidIdentity, "line \(number) is not an age identity\(hint): \(error.detail)", source: source)
      }
    }
    guard !result.isEmpty else { throw AgeError(.invalidIdentity, "no identities found", source: source) }
    return result
  }

  /// Parses every recipient in a recipients file.
  public static func recipients(in text: String, source: String) throws(AgeError) -> [any AgeRecipient] {
    var result: [any AgeRecipient] = []
    for (number, line) in lines(text) {
      do {
        result.append(try AgeKeys.recipient(line))
      } catch {
        throw AgeError(.invalidRecipient, "line \(number): \(error.detail)", source: source)
      }
    }
    guard !result.isEmpty else { throw AgeError(.invalidRecipient, "no recipients found", source: source) }
    return result
  }

  static func lines(_ text: String) -> [(Int, String)] {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, raw in
      let line = raw.trimmedWhitespace
      return line.isEmpty || line.hasPrefix("#") ? nil : (index + 1, line)
    }
  }

  /// An identity in age-keygen's file format: creation time, public key, secret key.
  public static func keygenFile(for identity: any AgeKeyIdentity, created: Date = Date()) -> String {
    """
    # created: \(rfc3339Local(created))
    # public key: \(identity.recipientString)
    \(identity.secretKeyString)

    """
  }

  /// RFC 3339 in the local time zone with its offset, as age-keygen writes it (Go's
  /// `time.Now().Format(time.RFC3339)`).
  static func rfc3339Local(_ date: Date) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    localtime_r(&seconds, &parts)
    let offset = Int(parts.tm_gmtoff)
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let zone: String
    if offset == 0 {
      zone = "Z"
    } else {
      let sign = offset < 0 ? "-" : "+"
      let minutes = abs(offset) / 60
      zone = sign + two(Int32(minutes / 60)) + ":" + two(Int32(minutes % 60))
    }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))\(zone)"
  }
}
