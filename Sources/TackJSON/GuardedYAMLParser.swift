import Yams

/// A YAML document tack refuses to read: its aliases expand out of proportion to its size (a
/// "billion laughs" document: 1 KB of `&a [*b, *b, …]` that expands to 10⁹ nodes), or it nests
/// deeper than any manifest does.
public struct YAMLLimitError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    case excessiveAliasing
    case tooDeep(limit: Int)
  }

  public var kind: Kind

  /// sops and yaml.v3 say "document contains excessive aliasing"; tack says the same.
  public var description: String {
    switch kind {
    case .excessiveAliasing: "document contains excessive aliasing"
    case .tooDeep(let limit): "document nests deeper than \(limit) levels"
    }
  }
}

/// The one way tack reads YAML: Yams' parser, with every document checked before anyone walks it.
/// Every reader of YAML (TackJSON's kubectl-style conversion, the kustomize engine, SOPS files,
/// `.sops.yaml`, kubeconfigs, manifests and CRDs through those) goes through it.
///
/// Yams resolves an alias by sharing the anchored node, so composing a billion-laughs document
/// costs little; walking it (converting to JSON, hashing, encrypting) costs the expansion. So each
/// document is walked here once, counting nodes as a converter would meet them, and refused as soon
/// as the nodes reached through aliases dominate, by the rule go-yaml v3 applies (its numbers, not
/// its code): more than 100 aliased nodes among more than 1000, at a share above 99 % for small
/// documents falling to 10 % at four million nodes. The walk stops at the first excess, so the
/// refusal is prompt however large the expansion. Nesting is capped at `maxDepth` (libyaml's own
/// parser stops at 1000).
public final class GuardedYAMLParser {
  public static let defaultMaxDepth = 512

  private let parser: Parser
  private let maxDepth: Int

  public init(yaml text: String, resolver: Resolver = .default, maxDepth: Int = defaultMaxDepth) throws {
    parser = try Parser(yaml: text, resolver: resolver)
    self.maxDepth = maxDepth
  }

  /// The next document, checked; `nil` at the end of the stream.
  public func nextRoot() throws -> Node? {
    guard let node = try parser.nextRoot() else { return nil }
    var walk = Walk(maxDepth: maxDepth)
    try walk.visit(node, depth: 0, aliased: false)
    return node
  }

  /// Counts one document. An anchored node seen a second time is an alias's expansion: Yams gives
  /// the copy the very `Anchor` object of the definition, which the parser keeps alive, so its
  /// identity tells the two apart.
  struct Walk {
    let maxDepth: Int
    var nodes = 0
    var aliasedNodes = 0
    var definedAnchors: Set<ObjectIdentifier> = []

    init(maxDepth: Int) { self.maxDepth = maxDepth }

    mutating func visit(_ node: Node, depth: Int, aliased: Bool) throws(YAMLLimitError) {
      var aliased = aliased
      if !aliased, let anchor = Self.anchor(of: node) {
        aliased = !definedAnchors.insert(ObjectIdentifier(anchor)).inserted
      }
      nodes += 1
      if aliased {
        aliasedNodes += 1
        if aliasedNodes > 100, nodes > 1000, Double(aliasedNodes) / Double(nodes) > Self.allowedAliasShare(nodes) {
          throw YAMLLimitError(kind: .excessiveAliasing)
        }
      }
      switch node {
      case .scalar, .alias:
        return
      case .sequence(let sequence):
        guard depth < maxDepth else { throw YAMLLimitError(kind: .tooDeep(limit: maxDepth)) }
        for element in sequence { try visit(element, depth: depth + 1, aliased: aliased) }
      case .mapping(let mapping):
        guard depth < maxDepth else { throw YAMLLimitError(kind: .tooDeep(limit: maxDepth)) }
        for (key, value) in mapping {
          try visit(key, depth: depth + 1, aliased: aliased)
          try visit(value, depth: depth + 1, aliased: aliased)
        }
      }
    }

    static func anchor(of node: Node) -> Anchor? {
      switch node {
      case .scalar(let scalar): scalar.anchor
      case .sequence(let sequence): sequence.anchor
      case .mapping(let mapping): mapping.anchor
      case .alias: nil
      }
    }

    /// The share of aliased nodes a document of `nodes` nodes may have: 0.99 up to 400 000 nodes,
    /// falling linearly to 0.10 at 4 000 000.
    static func allowedAliasShare(_ nodes: Int) -> Double {
      let low = 400_000.0
      let high = 4_000_000.0
      let count = Double(nodes)
      if count <= low { return 0.99 }
      if count >= high { return 0.10 }
      return 0.99 - 0.89 * (count - low) / (high - low)
    }
  }
}
