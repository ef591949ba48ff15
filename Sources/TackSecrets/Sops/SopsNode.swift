/// A YAML or JSON document as SOPS sees it: ordered mappings with string keys, sequences, and
/// typed scalar leaves. The YAML presentation (scalar and collection styles) and each scalar's
/// original text ride along, so a file is written back as it was read wherever nothing changed.
public struct SopsNode: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case mapping([SopsMember])
    case sequence([SopsNode])
    case scalar(SopsValue)
  }

  public var kind: Kind
  /// How the node was written in YAML; nil lets the writer choose.
  public var style: SopsStyle?
  /// A scalar's text as read, written back unchanged while the value is unchanged (`0x1F`,
  /// `1.50`, a JSON number's exact digits).
  public var literal: String?

  public init(_ kind: Kind, style: SopsStyle? = nil, literal: String? = nil) {
    self.kind = kind
    self.style = style
    self.literal = literal
  }

  public static func scalar(_ value: SopsValue) -> SopsNode { SopsNode(.scalar(value)) }
  public static func string(_ text: String, style: SopsStyle? = nil) -> SopsNode {
    SopsNode(.scalar(.string(text)), style: style)
  }
  public static func mapping(_ members: [SopsMember]) -> SopsNode { SopsNode(.mapping(members)) }
  public static func sequence(_ items: [SopsNode]) -> SopsNode { SopsNode(.sequence(items)) }

  public var members: [SopsMember]? { if case .mapping(let m) = kind { m } else { nil } }
  public var items: [SopsNode]? { if case .sequence(let s) = kind { s } else { nil } }
  public var value: SopsValue? { if case .scalar(let v) = kind { v } else { nil } }
  public var stringValue: String? { if case .scalar(.string(let s)) = kind { s } else { nil } }

  /// The member named `key` of a mapping.
  public subscript(key: String) -> SopsNode? {
    members?.first { $0.key == key }?.value
  }

  /// The same mapping without `key`.
  func removing(key: String) -> SopsNode {
    guard case .mapping(let members) = kind else { return self }
    var copy = self
    copy.kind = .mapping(members.filter { $0.key != key })
    return copy
  }

  /// The same mapping with `member` appended (replacing a member of the same key).
  func appending(_ member: SopsMember) -> SopsNode {
    guard case .mapping(var members) = kind else { return self }
    members.removeAll { $0.key == member.key }
    members.append(member)
    var copy = self
    copy.kind = .mapping(members)
    return copy
  }
}

public struct SopsMember: Sendable, Equatable {
  public var key: String
  public var keyStyle: SopsStyle?
  public var value: SopsNode
  public init(_ key: String, _ value: SopsNode, keyStyle: SopsStyle? = nil) {
    self.key = key
    self.keyStyle = keyStyle
    self.value = value
  }
}

/// YAML presentation styles.
public enum SopsStyle: Sendable, Equatable {
  case plain, singleQuoted, doubleQuoted, literal, folded
  case block, flow
}
