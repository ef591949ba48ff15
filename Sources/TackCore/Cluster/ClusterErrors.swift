import TackBase

/// The cluster does not serve this kind at this version (its CRD is not installed, or not at the
/// version tack speaks). kubectl's wording; exit status 5. `tack get` and `tack export` say more
/// (``KindNotInstalledError``).
public struct ResourceNotServedError: TackError, Equatable {
  public var type: ObjectKind
  /// The versions of the same group and kind the cluster does serve, if any.
  public var servedVersions: [String]

  public init(type: ObjectKind, servedVersions: [String] = []) {
    self.type = type
    self.servedVersions = servedVersions
  }

  public var exitStatus: ExitStatus { .notFound }
  public var description: String { "no matches for kind \"\(type.kind)\" in version \"\(type.apiVersion)\"" }
}

/// The object named does not exist: the API server's (or flux's) wording, exit status 5.
public struct ObjectNotFoundError: TackError, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var exitStatus: ExitStatus { .notFound }
  public var description: String { message }

  /// `kustomizations.kustomize.toolkit.fluxcd.io "apps" not found`, as flux prints a failed GET.
  public static func get(_ ref: ObjectRef) -> ObjectNotFoundError {
    ObjectNotFoundError("\(ref.kind.qualifiedResource) \"\(ref.name)\" not found")
  }

  /// The API server's 404 for a GET as kubectl renders it:
  /// `Error from server (NotFound): secrets "podinfo-auth" not found`.
  public static func fromServer(resource: String, name: String) -> ObjectNotFoundError {
    ObjectNotFoundError("Error from server (NotFound): \(resource) \"\(name)\" not found")
  }
}
