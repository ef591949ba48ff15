import TackBase

/// Why the Flux component manifests could not be selected, loaded, downloaded or verified.
public struct ManifestError: TackError, Equatable {
  public enum Reason: Sendable, Equatable {
    /// A component flag named something Flux does not ship, or left out a required controller.
    case invalidComponents
    /// `--version` is not a `v`-prefixed release tag.
    case invalidVersion
    /// The bundle (directory, cache or download) is missing, unreadable or not valid YAML.
    case invalidBundle
    /// The download failed (network, HTTP status) or did not match the published checksum.
    case download
  }

  public var reason: Reason
  public var message: String

  public init(_ reason: Reason, _ message: String) {
    self.reason = reason
    self.message = message
  }

  public var description: String { message }
  public var exitStatus: ExitStatus { reason == .invalidComponents || reason == .invalidVersion ? .usage : .failure }
}
