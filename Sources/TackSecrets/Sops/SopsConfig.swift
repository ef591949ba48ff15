import TackJSON

/// A `.sops.yaml`: creation rules (recipients and crypt rule per path) and store settings.
public struct SopsConfig: Sendable, Equatable {
  public struct CreationRule: Sendable, Equatable {
    /// RE2-style regex matched (unanchored) against the file path relative to the config's
    /// directory; nil matches every file.
    public var pathRegex: String?
    public var ageRecipients: [String]
    public var cryptRule: SopsCryptRule?
    public var macOnlyEncrypted: Bool
    /// Key types the rule names that tack cannot use (pgp, kms, …).
    public var otherKeyTypes: [String]
  }

  public var creationRules: [CreationRule]
  public var yamlIndent: Int?
  public var jsonIndent: Int?
  /// The absolute path of the directory holding the config file.
  public var directory: String
  /// The config file, for messages.
  public var path: String

  public static let fileName = ".sops.yaml"

  public init(parsing text: String, path: String, directory: String) throws(SopsError) {
    self.path = path
    self.directory = directory
    let json: JSON
    do {
      json = try JSON.parseYAML(text)
    } catch {
      throw SopsError(.configuration, "invalid YAML: \(error)", source: path)
    }
    guard json.isNull || json.objectValue != nil else {
      throw SopsError(.configuration, "the config must be a mapping with creation_rules", source: path)
    }
    yamlIndent = json[path: "stores", "yaml", "indent"]?.intValue
    jsonIndent = json[path: "stores", "json", "indent"]?.intValue
    var rules: [CreationRule] = []
    for (index, rule) in (json["creation_rules"]?.arrayValue ?? []).enumerated() {
      rules.append(try Self.creationRule(rule, number: index + 1, path: path))
    }
    creationRules = rules
  }

  static func creationRule(_ json: JSON, number: Int, path: String) throws(SopsError) -> CreationRule {
    guard json.objectValue != nil else {
      throw SopsError(.configuration, "creation rule \(number) is not a mapping", source: path)
    }
    func recipients(_ value: JSON?) -> [String] {
      switch value {
      case .string(let s)?:
        return s.split(separator: ",").map { $0.trimmedWhitespace }.filter { !$0.isEmpty }
      case .array(let items)?:
        return items.compactMap(\.stringValue).flatMap { recipients(.string($0)) }
      default:
        return []
      }
    }
    var age = recipients(json["age"])
    var others = SopsMetadata.otherKeyListNames.filter { json[$0] != nil && json[$0] != .null }
    if json["azure_keyvault"] != nil { others.append("azure_keyvault") }
    if json["hc_vault_transit_uri"] != nil { others.append("hc_vault") }
    if let groups = json["key_groups"]?.arrayValue, !groups.isEmpty {
      guard groups.count == 1 else {
        throw SopsError(.unsupported, "creation rule \(number) has \(groups.count) key_groups (Shamir secret sharing), which tack does not support", source: path)
      }
      age += recipients(groups[0]["age"])
      others += SopsMetadata.otherKeyListNames.filter { groups[0][$0] != nil }
    }
    var cryptRules: [SopsCryptRule] = []
    for key in SopsCryptRule.metadataKeys {
      if let argument = json[key]?.stringValue, !argument.isEmpty {
        cryptRules.append(SopsCryptRule(metadataKey: key, argument: argument)!)
      }
    }
    guard cryptRules.count <= 1 else {
      throw SopsError(.configuration, "creation rule \(number) sets \(cryptRules.map(\.metadataKey).joined(separator: " and ")); only one crypt rule is allowed", source: path)
    }
    return CreationRule(
      pathRegex: json["path_regex"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }, ageRecipients: age,
      cryptRule: cryptRules.first, macOnlyEncrypted: json["mac_only_encrypted"]?.boolValue ?? false,
      otherKeyTypes: others)
  }

  /// The first rule whose `path_regex` matches `file` (an absolute path); an error when the config
  /// has rules and none matches, nil when it has none.
  public func rule(forFile file: String) throws(SopsError) -> CreationRule? {
    guard !creationRules.isEmpty else { return nil }
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    let relative = file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    for (index, rule) in creationRules.enumerated() {
      guard let pattern = rule.pathRegex else { return rule }
      let regex: GoRegex
      do {
        regex = try GoRegex(pattern)
      } catch {
        throw SopsError(.configuration, "creation rule \(index + 1): path_regex: \(error)", source: path)
      }
      if regex.matches(relative) { return rule }
    }
    throw SopsError(.configuration, "no creation rule matches \(relative); add one or pass --age", source: path)
  }

  /// Where sops looks for its config: `.sops.yaml` in `directory` or up to 100 parents above it.
  public static func find(from directory: String, exists: (String) -> Bool) -> String? {
    var current = directory
    for _ in 0..<100 {
      let candidate = current.hasSuffix("/") ? current + fileName : current + "/" + fileName
      if exists(candidate) { return candidate }
      guard current != "/", let slash = current.lastIndex(of: "/") else { return nil }
      current = slash == current.startIndex ? "/" : String(current[..<slash])
    }
    return nil
  }
}
