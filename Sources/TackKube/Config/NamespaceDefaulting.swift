import TackBase

/// flux's rules for the namespace a command works in, as a pure function:
///
/// `-n` > (`--ns-follows-kube-context` or `FLUX_NS_FOLLOWS_KUBE_CONTEXT` non-empty: the kubeconfig
/// context's namespace, when it has one) > `FLUX_SYSTEM_NAMESPACE` (ignored with a warning when it is
/// not a DNS-1123 label) > `flux-system`. The result must be a DNS-1123 label.
public enum NamespaceDefaulting {
  public static let fluxDefault = "flux-system"

  public struct Result: Sendable, Equatable {
    public var namespace: String
    /// Messages for `Console.warning`.
    public var warnings: [String]
  }

  public struct InvalidNamespace: TackError, Equatable {
    public var namespace: String
    public var exitStatus: ExitStatus { .usage }
    public var description: String { "namespace must be a valid DNS label: \"\(namespace)\"" }
  }

  /// - Parameter contextNamespace: called only when the context's namespace is wanted (loading the
  ///   kubeconfig may fail, and should not when `-n` is given).
  public static func resolve(
    flag: String?, followsContextFlag: Bool, environment: [String: String],
    contextNamespace: () throws -> String?
  ) throws -> Result {
    var warnings: [String] = []
    var namespace = fluxDefault
    if let fromEnvironment = environment["FLUX_SYSTEM_NAMESPACE"], !fromEnvironment.isEmpty {
      if isDNSLabel(fromEnvironment) {
        namespace = fromEnvironment
      } else {
        warnings.append("ignoring FLUX_SYSTEM_NAMESPACE \"\(fromEnvironment)\": not a valid DNS-1123 label")
      }
    }
    if let flag {
      namespace = flag
    } else if followsContextFlag || !(environment["FLUX_NS_FOLLOWS_KUBE_CONTEXT"] ?? "").isEmpty {
      if let fromContext = try contextNamespace(), !fromContext.isEmpty { namespace = fromContext }
    }
    guard isDNSLabel(namespace) else { throw InvalidNamespace(namespace: namespace) }
    return Result(namespace: namespace, warnings: warnings)
  }

  /// RFC 1123 label: lower-case alphanumerics and '-', starting and ending alphanumeric, ≤ 63.
  public static func isDNSLabel(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty, bytes.count <= 63 else { return false }
    func alphanumeric(_ byte: UInt8) -> Bool {
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
    guard alphanumeric(bytes.first!), alphanumeric(bytes.last!) else { return false }
    return bytes.allSatisfy { alphanumeric($0) || $0 == UInt8(ascii: "-") }
  }
}
