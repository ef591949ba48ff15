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

/// The one way tack reads YAML: Yams' parser, behind an alias budget and a depth limit. Every
/// reader of YAML (TackJSON's kubectl-style conversion, the kustomize engine, SOPS files,
/// `.sops.yaml`, kubeconfigs, manifests and CRDs through those) goes through it.
///
/// Yams resolves an alias by sharing the anchored node, so a billion-laughs document composes
/// cheaply, but walking it (converting to JSON, hashing a key, encrypting) costs the expansion. So
/// the text is first counted event by event (`YAMLEventBudget`) and refused before Yams composes
/// anything; only then does Yams parse it.
public final class GuardedYAMLParser {
  public static let defaultMaxDepth = 512

  private let parser: Parser

  public init(yaml text: String, resolver: Resolver = .default, maxDepth: Int = defaultMaxDepth) throws {
    try YAMLEventBudget(maxDepth: maxDepth).check(text)
    parser = try Parser(yaml: text, resolver: resolver)
  }

  /// The next document; `nil` at the end of the stream.
  public func nextRoot() throws -> Node? { try parser.nextRoot() }
}
