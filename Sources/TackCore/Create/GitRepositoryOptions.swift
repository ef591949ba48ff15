import TackBase
import TackJSON

/// `create source git`'s flags → a GitRepository (source.toolkit.fluxcd.io/v1).
public struct GitRepositoryOptions: Sendable, Equatable {
  public static let providers = ["generic", "github", "aws", "azure"]

  public var url = ""
  public var branch = ""
  public var tag = ""
  public var semver = ""
  public var refName = ""
  public var commit = ""
  public var secretRef = ""
  public var proxySecretRef = ""
  /// `nil` when `--provider` was not given (flux leaves the field out).
  public var provider: String?
  public var recurseSubmodules = false
  public var ignorePaths: [String] = []
  public var sparseCheckoutPaths: [String] = []
  /// `--ca-file` was given (only checked against SSH URLs here; read on the apply path).
  public var hasCAFile = false
  /// `--fetch-timeout`, written only when positive.
  public var fetchTimeout: GoDuration?

  public init() {}

  /// The URL's scheme (`ssh`, `https`, …), or the error flux gives for the URL.
  public func scheme() throws(CreateError) -> String {
    guard !url.isEmpty else { throw CreateError("--url is required") }
    return try URLScheme.of(url, flag: "--url", what: "git URL")
  }

  public func draft(_ target: CreateTarget) throws(CreateError) -> FluxObjectDraft {
    let scheme = try scheme()
    guard ["ssh", "http", "https"].contains(scheme) else {
      throw CreateError("--url: git URL scheme '\(scheme)' not supported, can be: ssh, http and https")
    }
    if [branch, tag, semver, commit, refName].allSatisfy(\.isEmpty) {
      throw CreateError(
        "a Git ref is required, use one of the following: --branch, --tag, --commit, --ref-name or --tag-semver")
    }
    if hasCAFile && scheme == "ssh" {
      throw CreateError("--ca-file: specifying a CA file is not supported for Git over SSH")
    }
    if let provider { try CreateInputs.oneOf(provider, Self.providers, flag: "--provider", what: "source Git provider") }

    var spec = SpecFields()
    spec.string(url, at: "url")
    spec.require(.string(target.interval.description), at: "interval")
    spec.flag(recurseSubmodules, at: "recurseSubmodules")
    // The ref object is always written, even when only an empty branch is left in it.
    spec.require(.object([:]), at: "ref")
    if !commit.isEmpty {
      spec.string(commit, at: "ref", "commit")
      spec.string(branch, at: "ref", "branch")
    } else if !refName.isEmpty {
      spec.string(refName, at: "ref", "name")
    } else if !semver.isEmpty {
      spec.string(semver, at: "ref", "semver")
    } else if !tag.isEmpty {
      spec.string(tag, at: "ref", "tag")
    } else {
      spec.string(branch, at: "ref", "branch")
    }
    let ignore = CreateInputs.splitList(ignorePaths)
    if !ignore.isEmpty { spec.require(.string(ignore.joined(separator: "\n")), at: "ignore") }
    spec.strings(CreateInputs.splitList(sparseCheckoutPaths), at: "sparseCheckout")
    if let fetchTimeout, fetchTimeout.nanoseconds > 0 { spec.duration(fetchTimeout, at: "timeout") }
    spec.reference(secretRef, at: "secretRef")
    spec.reference(proxySecretRef, at: "proxySecretRef")
    spec.string(provider, at: "provider")
    return target.draft(.gitRepository, spec)
  }
}

/// The scheme of a URL flag as Go's `url.Parse` reads it.
enum URLScheme {
  static func of(_ url: String, flag: String, what: String) throws(CreateError) -> String {
    guard let colon = url.firstIndex(of: ":") else { return "" }
    let scheme = url[..<colon]
    guard let first = scheme.first else { throw CreateError("\(flag): \(what) parse failed: missing protocol scheme") }
    let valid =
      first.isASCII && first.isLetter
      && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    // Go reads `git@host:org/repo` as a path whose first segment holds a colon, and rejects it.
    guard valid else {
      throw CreateError("\(flag): \(what) parse failed: first path segment in URL cannot contain colon")
    }
    return scheme.lowercased()
  }

  /// The host part after `scheme://`, empty when there is none.
  static func host(_ url: String) -> String {
    guard let range = url.range(of: "://") else { return "" }
    let rest = url[range.upperBound...]
    let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    let hostPort = authority.split(separator: "@").last.map(String.init) ?? ""
    return hostPort
  }
}
