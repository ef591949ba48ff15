import TackBase

/// The cluster does not serve this kind (its CRD is not installed, or not at the version tack uses).
public struct KindNotInstalledError: TackError, Equatable {
  public var kind: FluxKind
  public var servedVersions: [String]
  public init(kind: FluxKind, servedVersions: [String] = []) {
    self.kind = kind
    self.servedVersions = servedVersions
  }
  public var exitStatus: ExitStatus { .notFound }
  public var description: String {
    if servedVersions.isEmpty {
      return "the cluster does not serve \(kind.qualifiedResource): the \(kind.kind) CRD (\(kind.apiVersion)) "
        + "is not installed; install it (tack install, or the controller's CRDs) or check --context"
    }
    return "the cluster serves \(kind.qualifiedResource) only at \(servedVersions.joined(separator: ", ")), "
      + "but tack needs \(kind.apiVersion): upgrade the controller's CRDs"
  }
}
