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

/// The `sops:` block: the data key wrapped for each recipient, the MAC, and how to read the file.
public struct SopsMetadata: Sendable, Equatable {
  public struct AgeKey: Sendable, Equatable {
    /// The `age1…` recipient.
    public var recipient: String
    /// An armored age message holding the 32-byte data key.
    public var encryptedDataKey: String
    public init(recipient: String, encryptedDataKey: String) {
      self.recipient = recipient
      self.encryptedDataKey = encryptedDataKey
    }
  }

  /// The version tack writes: the sops release whose format it produces and is tested against.
  public static let writerVersion = "3.11.0"
  /// Hashed first when `mac_only_encrypted` is set: SHA-256 of `sops`.
  static let macOnlyEncryptedInitialization = Hex.decode("8a3fd2ad54ce66527b1034f3d147be0b0b975b3bf44f72c6fdadec8176f27d69")!

  public var ageKeys: [AgeKey]
  public var lastModified: String
  public var mac: String
  public var cryptRule: SopsCryptRule
  public var macOnlyEncrypted: Bool
  public var version: String
  /// Key types other than age that hold the data key (pgp, kms, …), for error messages.
  public var otherKeyTypes: [String] = []

  public init(
    ageKeys: [AgeKey], lastModified: String, mac: String, cryptRule: SopsCryptRule,
    macOnlyEncrypted: Bool, version: String = SopsMetadata.writerVersion
  ) {
    self.ageKeys = ageKeys
    self.lastModified = lastModified
    self.mac = mac
    self.cryptRule = cryptRule
    self.macOnlyEncrypted = macOnlyEncrypted
    self.version = version
  }

  static let otherKeyListNames = ["pgp", "kms", "gcp_kms", "azure_kv", "hc_vault", "hckms"]

  /// Reads the metadata of any sops version (empty key lists from ≤ 3.9, any key order).
  init(node: SopsNode) throws(SopsError) {
    guard node.members != nil else {
      throw SopsError(.invalidMetadata, "the sops metadata is not a mapping")
    }
    func text(_ key: String) -> String? {
      guard let value = node[key] else { return nil }
      switch value.kind {
      case .scalar(.string(let s)): return s
      case .scalar(.time(let t)): return value.literal ?? t
      case .scalar(.null): return nil
      case .scalar: return value.literal
      default: return nil
      }
    }

    var ageKeys: [AgeKey] = []
    func collectAge(_ list: SopsNode?) throws(SopsError) {
      guard let list, list.value != .null else { return }
      guard let items = list.items else { throw SopsError(.invalidMetadata, "sops.age is not a list") }
      for item in items {
        guard let recipient = item["recipient"]?.stringValue, let enc = item["enc"]?.stringValue else {
          throw SopsError(.invalidMetadata, "an entry of sops.age lacks recipient or enc")
        }
        ageKeys.append(AgeKey(recipient: recipient, encryptedDataKey: enc))
      }
    }
    try collectAge(node["age"])
    var others = Set<String>()
    for name in Self.otherKeyListNames where (node[name]?.items?.isEmpty == false) { others.insert(name) }
    if let groups = node["key_groups"]?.items, !groups.isEmpty {
      guard groups.count == 1 else {
        throw SopsError(.unsupported, "the file splits its data key over \(groups.count) key groups (Shamir); tack reads files with one key group only")
      }
      try collectAge(groups[0]["age"])
      for name in Self.otherKeyListNames where (groups[0][name]?.items?.isEmpty == false) { others.insert(name) }
    }

    guard let lastModified = text("lastmodified") else {
      throw SopsError(.invalidMetadata, "sops.lastmodified is missing")
    }
    guard Self.normalizedTimestamp(lastModified) != nil else {
      throw SopsError(.invalidMetadata, "sops.lastmodified is not an RFC 3339 time")
    }
    var rules: [SopsCryptRule] = []
    for key in SopsCryptRule.metadataKeys {
      if let argument = text(key), !argument.isEmpty { rules.append(SopsCryptRule(metadataKey: key, argument: argument)!) }
    }
    guard rules.count <= 1 else {
      throw SopsError(.invalidMetadata, "the metadata sets more than one of \(rules.map(\.metadataKey).joined(separator: ", ")); only one crypt rule is allowed")
    }
    let macOnly: Bool
    switch node["mac_only_encrypted"]?.value {
    case .bool(let b)?: macOnly = b
    case .string(let s)?: macOnly = ["true", "True", "TRUE", "1", "t", "T"].contains(s)
    default: macOnly = false
    }
    self.init(
      ageKeys: ageKeys, lastModified: lastModified, mac: text("mac") ?? "", cryptRule: rules.first ?? .default,
      macOnlyEncrypted: macOnly, version: text("version") ?? "")
    otherKeyTypes = others.sorted()
  }

  /// The block as sops 3.11 writes it: age, lastmodified, mac, crypt rule, flags, version.
  var node: SopsNode {
    var members: [SopsMember] = []
    members.append(
      SopsMember(
        "age",
        .sequence(
          ageKeys.map { key in
            .mapping([
              SopsMember("recipient", .string(key.recipient)),
              SopsMember("enc", .string(key.encryptedDataKey, style: .literal)),
            ])
          })))
    members.append(SopsMember("lastmodified", .string(lastModified, style: .doubleQuoted)))
    members.append(SopsMember("mac", .string(mac)))
    members.append(SopsMember(cryptRule.metadataKey, .string(cryptRule.argument)))
    if macOnlyEncrypted { members.append(SopsMember("mac_only_encrypted", .scalar(.bool(true)))) }
    members.append(SopsMember("version", .string(version)))
    return .mapping(members)
  }

  /// `lastmodified` as sops uses it for the MAC's additional data: parsed as RFC 3339 and
  /// formatted again (fractional seconds dropped, a zero offset written `Z`).
  static func normalizedTimestamp(_ text: String) -> String? {
    guard text.count >= 20, let full = SopsYAMLScalar.timestamp(text), full.contains("T") else { return nil }
    guard let dot = full.firstIndex(of: ".") else { return full }
    let zone = full[dot...].drop { $0 == "." || $0.isNumber }
    return String(full[..<dot]) + zone
  }

  /// Now, as sops writes `lastmodified`: UTC, whole seconds.
  static func timestamp(_ date: Date) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func pad(_ value: Int32, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
      + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))Z"
  }
}
