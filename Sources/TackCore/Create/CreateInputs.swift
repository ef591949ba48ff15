import TackBase

/// The rules every `create` noun applies to its name, labels and durations (flux's
/// `cmd/flux/create.go`), as pure functions so each rule is tested without a cluster.
public enum CreateInputs {
  /// Flux's own name rule, stricter than Kubernetes': 2 to 63 characters of `[a-z0-9-]`,
  /// alphanumeric at both ends.
  public static func validateName(_ name: String) throws(CreateError) {
    guard !name.isEmpty else { throw CreateError("name is required") }
    let bytes = Array(name.utf8)
    func alphanumeric(_ byte: UInt8) -> Bool {
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
    let valid =
      (2...63).contains(bytes.count) && alphanumeric(bytes[0]) && alphanumeric(bytes[bytes.count - 1])
      && bytes.allSatisfy { alphanumeric($0) || $0 == UInt8(ascii: "-") }
    guard valid else {
      throw CreateError(
        "name '\(name)' is invalid, it should adhere to standard defined in RFC 1123, the name can only contain alphanumeric characters or '-' (2 to 63 characters)"
      )
    }
  }

  /// `--label` items (repeated and comma-separated) as a map; each must be `key=value` with a
  /// qualified-name key and a label value.
  public static func labels(_ items: [String]) throws(CreateError) -> [String: String] {
    var result: [String: String] = [:]
    for item in splitList(items) {
      let parts = item.split(separator: "=", omittingEmptySubsequences: false)
      guard parts.count == 2 else { throw CreateError("--label: invalid label format '\(item)', must be key=value") }
      let key = String(parts[0])
      let value = String(parts[1])
      guard isQualifiedName(key) else {
        throw CreateError(
          "--label: invalid label '\(key)': a qualified name is an optional DNS prefix and '/', then up to 63 alphanumeric characters, '-', '_' or '.', starting and ending with an alphanumeric character"
        )
      }
      guard value.isEmpty || isLabelValue(value) else {
        throw CreateError(
          "--label: invalid label value '\(value)': up to 63 alphanumeric characters, '-', '_' or '.', starting and ending with an alphanumeric character"
        )
      }
      result[key] = value
    }
    return result
  }

  /// A Go duration flag (`--interval 10m`), or the usage error pflag gives for it.
  public static func duration(_ text: String, flag: String) throws(CreateError) -> GoDuration {
    guard let duration = GoDuration(text), duration.nanoseconds >= 0 else {
      throw CreateError("invalid argument \"\(text)\" for \"\(flag)\" flag: time: invalid duration \"\(text)\"")
    }
    return duration
  }

  /// pflag's string slices: every occurrence, each split on commas, empty items kept out.
  public static func splitList(_ items: [String]) -> [String] {
    items.flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty }
  }

  /// One of `allowed`, or flux's "not supported" error for the flag.
  public static func oneOf(_ value: String, _ allowed: [String], flag: String, what: String) throws(CreateError) {
    guard !value.trimming(" ").isEmpty else {
      throw CreateError("invalid argument \"\(value)\" for \"\(flag)\" flag: no \(what) given, must be one of: \(allowed.joined(separator: "|"))")
    }
    guard allowed.contains(value) else {
      throw CreateError(
        "invalid argument \"\(value)\" for \"\(flag)\" flag: \(what) '\(value)' is not supported, must be one of: \(allowed.joined(separator: "|"))"
      )
    }
  }

  static func isQualifiedName(_ key: String) -> Bool {
    let parts = key.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count <= 2 else { return false }
    if parts.count == 2 {
      let prefix = parts[0]
      guard !prefix.isEmpty, prefix.count <= 253,
        prefix.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ isDNSLabel($0) })
      else { return false }
    }
    return isLabelValue(parts[parts.count - 1])
  }

  /// `[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?`, at most 63 characters, not empty.
  static func isLabelValue(_ text: some StringProtocol) -> Bool {
    let bytes = Array(text.utf8)
    guard (1...63).contains(bytes.count) else { return false }
    func alnum(_ b: UInt8) -> Bool {
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
    }
    return alnum(bytes[0]) && alnum(bytes[bytes.count - 1])
      && bytes.allSatisfy { alnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
  }

  static func isDNSLabel(_ text: some StringProtocol) -> Bool {
    let bytes = Array(text.utf8)
    guard (1...63).contains(bytes.count) else { return false }
    func alnum(_ b: UInt8) -> Bool {
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
    }
    return alnum(bytes[0]) && alnum(bytes[bytes.count - 1]) && bytes.allSatisfy { alnum($0) || $0 == UInt8(ascii: "-") }
  }
}
