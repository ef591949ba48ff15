import Foundation
import TackBase
import TackJSON

/// `create image repository`'s flags → an ImageRepository (image.toolkit.fluxcd.io/v1).
public struct ImageRepositoryOptions: Sendable, Equatable {
  public var image = ""
  public var secretRef = ""
  public var certRef = ""
  public var scanTimeout: GoDuration?

  public init() {}

  public func draft(_ target: CreateTarget) throws(CreateError) -> FluxObjectDraft {
    guard !image.isEmpty else { throw CreateError("--image: an image repository (--image) is required") }
    try Self.validateRepository(image)
    var spec = SpecFields()
    spec.require(.string(image), at: "image")
    spec.require(.string(target.interval.description), at: "interval")
    if let scanTimeout, scanTimeout.nanoseconds != 0 { spec.duration(scanTimeout, at: "timeout") }
    spec.reference(secretRef, at: "secretRef")
    spec.reference(certRef, at: "certSecretRef")
    return target.draft(.imageRepository, spec)
  }

  /// go-containerregistry's repository rule: an optional registry host, then lower-case path
  /// components; no tag or digest.
  static func validateRepository(_ image: String) throws(CreateError) {
    var components = image.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    if components.count > 1, let first = components.first,
      first.contains(".") || first.contains(":") || first == "localhost"
    {
      components.removeFirst()
    }
    let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_-./")
    let path = components.joined(separator: "/")
    guard !path.isEmpty, path.allSatisfy({ allowed.contains($0) }), !components.contains(where: \.isEmpty) else {
      throw CreateError(
        "--image: unable to parse image value: repository can only contain the characters `abcdefghijklmnopqrstuvwxyz0123456789_-./`: \(path)"
      )
    }
  }
}

/// `create image policy`'s flags → an ImagePolicy (image.toolkit.fluxcd.io/v1).
public struct ImagePolicyOptions: Sendable, Equatable {
  public var imageRef = ""
  public var semver = ""
  public var alpha = ""
  public var numeric = ""
  public var filterRegex = ""
  public var filterExtract = ""
  public var reflectDigest = ""
  /// The policy's own `--interval`, only with `--reflect-digest=Always`.
  public var interval: GoDuration?

  public init() {}

  public func draft(_ target: CreateTarget) throws(CreateError) -> FluxObjectDraft {
    guard !imageRef.isEmpty else {
      throw CreateError("--image-ref: the name of an ImageRepository in the namespace is required (--image-ref)")
    }
    var spec = SpecFields()
    spec.require(["name": .string(imageRef)], at: "imageRepositoryRef")
    // flux silently writes an empty policy for --select-semver with another selector; tack refuses
    // every combination.
    guard [semver, alpha, numeric].filter({ !$0.isEmpty }).count <= 1 else {
      throw CreateError("only one of --select-semver, --select-alpha or --select-numeric can be specified")
    }
    if !semver.isEmpty {
      spec.require(["semver": ["range": .string(semver)]], at: "policy")
    } else if !alpha.isEmpty {
      guard alpha == "asc" || alpha == "desc" else { throw CreateError("--select-alpha must be one of [\"asc\", \"desc\"]") }
      spec.require(["alphabetical": ["order": .string(alpha)]], at: "policy")
    } else if !numeric.isEmpty {
      guard numeric == "asc" || numeric == "desc" else {
        throw CreateError("--select-numeric must be one of [\"asc\", \"desc\"]")
      }
      spec.require(["numerical": ["order": .string(numeric)]], at: "policy")
    } else {
      throw CreateError("a policy must be provided with either --select-semver, --select-alpha or --select-numeric")
    }
    if !filterRegex.isEmpty {
      let names = try Self.captureGroupNames(filterRegex)
      spec.string(filterRegex, at: "filterTags", "pattern")
      if !filterExtract.isEmpty {
        try Self.validateExtract(filterExtract, names: names)
        spec.string(filterExtract, at: "filterTags", "extract")
      }
    } else if !filterExtract.isEmpty {
      throw CreateError("cannot specify --filter-extract without specifying --filter-regex")
    }
    if !reflectDigest.isEmpty {
      guard ["Never", "IfNotPresent", "Always"].contains(reflectDigest) else {
        throw CreateError("invalid value for --reflect-digest, must be one of 'Never', 'IfNotPresent', 'Always'")
      }
      spec.string(reflectDigest, at: "digestReflectionPolicy")
    }
    if let interval, interval.nanoseconds != 0 {
      guard reflectDigest == "Always" else {
        throw CreateError(
          "the --interval flag can only be used with the 'Always' digest reflection policy, use --reflect-digest=Always")
      }
      spec.duration(interval, at: "interval")
    }
    return target.draft(.imagePolicy, spec)
  }

  /// The regex's named groups, or flux's error when it does not compile. Go's `(?P<name>` is
  /// read as `(?<name>`.
  static func captureGroupNames(_ pattern: String) throws(CreateError) -> [String] {
    let icu = pattern.replacingOccurrences(of: "(?P<", with: "(?<")
    guard (try? NSRegularExpression(pattern: icu)) != nil else {
      throw CreateError("--filter-regex is an invalid regex pattern")
    }
    var names: [String] = []
    var rest = Substring(icu)
    while let start = rest.range(of: "(?<") {
      let after = rest[start.upperBound...]
      // `(?<=` and `(?<!` are look-behinds, not names.
      if let first = after.first, first != "=" && first != "!", let close = after.firstIndex(of: ">") {
        names.append(String(after[..<close]))
      }
      rest = after
    }
    return names
  }

  /// `$name`, `${name}` and `$1` references in `--filter-extract` must name groups of the regex.
  static func validateExtract(_ template: String, names: [String]) throws(CreateError) {
    var rest = Substring(template)
    while let dollar = rest.firstIndex(of: "$") {
      rest = rest[rest.index(after: dollar)...]
      if rest.first == "$" {
        rest = rest.dropFirst()
        continue
      }
      let name: Substring
      if rest.first == "{" {
        guard let close = rest.firstIndex(of: "}") else { throw CreateError("--filter-extract is malformed") }
        name = rest[rest.index(after: rest.startIndex)..<close]
        rest = rest[rest.index(after: close)...]
      } else {
        name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        rest = rest.dropFirst(name.count)
      }
      guard !name.isEmpty else { throw CreateError("--filter-extract is malformed") }
      if name.allSatisfy(\.isNumber) { continue }
      guard names.contains(String(name)) else {
        throw CreateError("capture group $\(name) used in --filter-extract not found in --filter-regex")
      }
    }
  }
}

/// `create image update`'s flags → an ImageUpdateAutomation (image.toolkit.fluxcd.io/v1).
public struct ImageUpdateOptions: Sendable, Equatable {
  public var gitRepoRef = ""
  public var gitRepoNamespace = ""
  public var gitRepoPath = ""
  public var checkoutBranch = ""
  public var pushBranch = ""
  public var commitTemplate = ""
  public var authorName = ""
  public var authorEmail = ""
  public var signingKeySecret = ""
  public var signingKeyType = ""

  public init() {}

  public func draft(_ target: CreateTarget) throws(CreateError) -> FluxObjectDraft {
    guard !gitRepoRef.isEmpty else { throw CreateError("a reference to a GitRepository is required (--git-repo-ref)") }
    guard !checkoutBranch.isEmpty else { throw CreateError("the Git repository branch is required (--checkout-branch)") }
    guard !authorName.isEmpty else { throw CreateError("the author name is required (--author-name)") }
    guard !authorEmail.isEmpty else { throw CreateError("the author email is required (--author-email)") }
    if !signingKeyType.isEmpty && signingKeySecret.isEmpty {
      throw CreateError("--signing-key-type requires --signing-key-secret")
    }
    if !signingKeyType.isEmpty && signingKeyType != "gpg" && signingKeyType != "ssh" {
      throw CreateError("--signing-key-type must be one of: gpg, ssh")
    }
    var spec = SpecFields()
    var sourceRef: JSON = ["kind": "GitRepository", "name": .string(gitRepoRef)]
    if !gitRepoNamespace.isEmpty { sourceRef["namespace"] = .string(gitRepoNamespace) }
    spec.require(sourceRef, at: "sourceRef")
    spec.string(checkoutBranch, at: "git", "checkout", "ref", "branch")
    spec.string(authorEmail, at: "git", "commit", "author", "email")
    spec.string(authorName, at: "git", "commit", "author", "name")
    spec.string(commitTemplate, at: "git", "commit", "messageTemplate")
    spec.string(pushBranch, at: "git", "push", "branch")
    if !signingKeySecret.isEmpty {
      spec.reference(signingKeySecret, at: "git", "commit", "signingKey", "secretRef")
      spec.string(signingKeyType, at: "git", "commit", "signingKey", "type")
    }
    spec.require(.string(target.interval.description), at: "interval")
    if !gitRepoPath.isEmpty {
      spec.string(gitRepoPath, at: "update", "path")
      spec.string("Setters", at: "update", "strategy")
    }
    return target.draft(.imageUpdateAutomation, spec)
  }
}
